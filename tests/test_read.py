import codecs

import pytest

from wirehouse.articles.decode import decode_bytes
from wirehouse.articles.normalize import normalize_text
from wirehouse.articles.read import article_id_for, read_article_file


def test_utf8_is_decoded_as_is():
    decoded = decode_bytes("Curly ’quotes’ stay".encode())
    assert (decoded.text, decoded.encoding, decoded.problem) == ("Curly ’quotes’ stay", "utf-8", None)


def test_utf8_byte_order_mark_is_dropped():
    assert decode_bytes(codecs.BOM_UTF8 + "Kyiv".encode()).text == "Kyiv"


@pytest.mark.parametrize("prefix, encoding", [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"), (b"", "utf-16-le")])
def test_utf16_with_and_without_byte_order_mark(prefix, encoding):
    decoded = decode_bytes(prefix + "LONDON, Jan 2 (AP) — Kyiv, May 2".encode(encoding))
    assert decoded.problem is None and decoded.text == "LONDON, Jan 2 (AP) — Kyiv, May 2"


@pytest.mark.parametrize("text, encoding", [
    ("Le café était fermé à Paris, a déclaré le ministre.", "latin-1"),
    # Short Western text with a pound sign or a few accents: statistical detectors call it Central European.
    ("Rents in central London reached £2,000 a month, the letting agency said.", "latin-1"),
    ("Die Straße nach München blieb gesperrt, sagte ein Sprecher der Polizei über Funk.", "latin-1"),
    ("Le prix: 5 €, soit £4 — 30°C à l’ombre, a dit le maire.", "cp1252"),
    ("Ο υπουργός Εξωτερικών δήλωσε τη Δευτέρα ότι οι συνομιλίες θα συνεχιστούν.", "cp1253"),
    ("The minister’s aide said “no” to the café owner.", "cp1252"),
    ("Министр иностранных дел заявил в понедельник, что переговоры продолжатся.", "cp1251"),
    ("Министр иностранных дел заявил в понедельник.", "koi8-r"),
    ("Minister spraw zagranicznych Polski powiedział w środę, że rozmowy będą kontynuowane w przyszłym tygodniu.", "cp1250"),
])
def test_legacy_single_byte_encodings_are_detected(text, encoding):
    decoded = decode_bytes(text.encode(encoding))
    assert decoded.problem is None and decoded.text == text


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01", bytes(range(256)) * 3, b"\x01\x02\x03\x04abc\x05\x06\x07\x08" * 10])
def test_binary_data_is_refused_with_a_reason(data):
    decoded = decode_bytes(data)
    assert decoded.text is None and "binary" in decoded.problem


def test_normalization_repairs_mojibake_and_unifies_lines_and_spaces():
    raw = "Russiaâ€™s envoy paid Â£5  \r\nsaid\u00a0it was\u200b fine\x07\r\n\r\n\r\n\r\nmore\n"
    assert normalize_text(raw) == "Russia’s envoy paid £5\nsaid it was fine\n\nmore"


def test_article_id_is_sha256_of_normalized_text():
    assert article_id_for("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"


def test_same_text_with_different_line_endings_gets_one_id(tmp_path):
    unix, windows = tmp_path / "a.txt", tmp_path / "b.txt"
    unix.write_bytes(b"Title\n\nBody text here.\n")
    windows.write_bytes(b"Title\r\n\r\nBody text here.\r\n")
    first, second = read_article_file(unix, 1000), read_article_file(windows, 1000)
    assert first.content_sha256 != second.content_sha256
    assert article_id_for(first.text) == article_id_for(second.text)


def test_empty_oversized_html_and_vanished_files_get_specific_problems(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\t\n\u200b")
    big = tmp_path / "big.txt"
    big.write_text("word " * 100)
    page = tmp_path / "page.txt"
    page.write_text("<!DOCTYPE html><html><body><p>News</p></body></html>")
    assert read_article_file(empty, 1000).problem == "empty or whitespace-only file"
    assert "over the 100-byte cap" in read_article_file(big, 100).problem
    assert "HTML page" in read_article_file(page, 1000).problem
    assert "disappeared" in read_article_file(tmp_path / "gone.txt", 100).problem
