import codecs

from wirehouse.articles.read import article_id_for, decode_bytes, normalize_text, read_article_file


def test_utf8_is_decoded_as_is():
    assert decode_bytes("Curly ’quotes’ stay".encode()) == ("Curly ’quotes’ stay", None)


def test_utf16_with_byte_order_mark_is_decoded():
    text, problem = decode_bytes(codecs.BOM_UTF16_LE + "Kyiv, May 2".encode("utf-16-le"))
    assert problem is None and text == "Kyiv, May 2"


def test_legacy_cp1252_bytes_fall_back_instead_of_failing():
    text, problem = decode_bytes("café ‘quoted’".encode("cp1252"))
    assert problem is None and text == "café ‘quoted’"


def test_binary_data_is_refused_with_a_reason():
    text, problem = decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert text is None and "binary" in problem


def test_normalization_repairs_mojibake_and_unifies_lines():
    raw = "Russiaâ€™s envoy  \r\nsaid\u00a0\r\n\r\n\r\n\r\nmore\n"
    assert normalize_text(raw) == "Russia’s envoy\nsaid\n\nmore"


def test_article_id_is_sha256_of_normalized_text():
    assert article_id_for("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"


def test_same_text_with_different_line_endings_gets_one_id(tmp_path):
    unix, windows = tmp_path / "a.txt", tmp_path / "b.txt"
    unix.write_bytes(b"Title\n\nBody text here.\n")
    windows.write_bytes(b"Title\r\n\r\nBody text here.\r\n")
    first, second = read_article_file(unix, 1000), read_article_file(windows, 1000)
    assert first.content_sha256 != second.content_sha256
    assert article_id_for(first.text) == article_id_for(second.text)


def test_empty_and_oversized_files_get_specific_problems(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\t\n")
    big = tmp_path / "big.txt"
    big.write_text("word " * 100)
    assert read_article_file(empty, 1000).problem == "empty or whitespace-only file"
    assert "over the 100-byte cap" in read_article_file(big, 100).problem
    assert "disappeared" in read_article_file(tmp_path / "gone.txt", 100).problem
