"""A hostile inbox: every entry gets one ledger row with a specific reason, good articles load intact, no traceback."""

from __future__ import annotations

import codecs
from datetime import date
from pathlib import Path

import pytest

from flows.ingest import ingest_articles
from tests.warehouse_queries import query
from wirehouse.articles.normalize import normalize_text

GOOD = ("date 2022-04-05 OSLO (Reuters) - Norway's central bank kept its main interest rate unchanged on Tuesday, "
        "governor Ida Berg told reporters, adding that inflation was easing.\n\nMarkets had expected the decision.\n")




@pytest.fixture(scope="module")
def hostile(prefect_server, samples_dir, tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    inbox, outside = root / "inbox", root / "outside"
    (inbox / "sub folder").mkdir(parents=True)
    outside.mkdir()
    (outside / "secret.txt").write_text("not part of the inbox")
    files = {
        "empty.txt": b"",
        "blank.txt": b"   \n\t \n",
        "image.png.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20,
        "legacy cp1251 ‘quoted’.txt": ("date 2020-06-01 МОСКВА, 1 июня. /ТАСС/. Министр иностранных дел России заявил "
                                        "в понедельник, что переговоры продолжатся.\n").encode("cp1251"),
        "utf16-no-bom.txt": GOOD.replace("OSLO", "BERGEN").encode("utf-16-le"),
        "utf16-bom.txt": codecs.BOM_UTF16_BE + GOOD.replace("OSLO", "TROMSO").encode("utf-16-be"),
        "invalid-utf8 é.txt": GOOD.replace("Norway's", "Norway’s café").encode("cp1252"),
        "page.txt": b"<!DOCTYPE html>\n<html><head><title>x</title></head><body><p>News</p></body></html>",
        "huge-line.txt": ("word " * 60_000).encode(),
        "too-big.txt": b"x" * 500_000,
        "sub folder/it's a \"title\".txt": ("Minister: \"Robert'); DROP TABLE fact_article;--\" is not a name\n\n"
                                            + GOOD).encode(),
        "good.txt": GOOD.encode(),
        "good copy.txt": GOOD.encode(),
    }
    for name, data in files.items():
        (inbox / name).write_bytes(data)
    (inbox / "link-outside.txt").symlink_to(outside / "secret.txt")
    (inbox / "link-broken.txt").symlink_to(root / "missing.txt")
    (inbox / "link-inside.txt").symlink_to(inbox / "good.txt")
    warehouse = root / "news.duckdb"
    mp = pytest.MonkeyPatch()
    mp.setenv("WIREHOUSE_MAX_FILE_BYTES", "400000")
    mp.setenv("WIREHOUSE_MAX_NLP_CHARS", "100000")
    try:
        summary = ingest_articles(paths=[str(inbox)], warehouse=str(warehouse))
    finally:
        mp.undo()
    ledger = {Path(path).name: (status, reason) for path, status, reason in
              query(warehouse, "select file_path, status, reason from etl_file_ledger where run_id = ?", [summary["run_id"]])}
    return inbox, warehouse, summary, ledger


def test_every_entry_has_exactly_one_ledger_row(hostile):
    inbox, warehouse, summary, ledger = hostile
    entries = [p for p in inbox.rglob("*") if p.is_file() or p.is_symlink()]
    assert len(ledger) == len(entries) == summary["files_seen"]
    assert summary["failed"] == 0


@pytest.mark.parametrize(("name", "status", "reason"), [
    ("empty.txt", "quarantined", "empty or whitespace-only file"),
    ("blank.txt", "quarantined", "empty or whitespace-only file"),
    ("image.png.txt", "quarantined", "binary data"),
    ("page.txt", "quarantined", "an HTML page, not article text"),
    ("huge-line.txt", "quarantined", "characters, over the 100000 that entity extraction takes"),
    ("too-big.txt", "quarantined", "over the 400000-byte cap"),
    ("link-outside.txt", "quarantined", "symbolic link to"),
    ("link-broken.txt", "quarantined", "broken symbolic link"),
    ("good.txt", "duplicate", "same normalized text as"),  # "good copy.txt" sorts first and loads
    ("link-inside.txt", "duplicate", "same normalized text as"),
])
def test_bad_entries_get_a_specific_reason(hostile, name, status, reason):
    ledger = hostile[3]
    assert ledger[name][0] == status and reason in ledger[name][1]


def test_good_articles_load_with_their_text(hostile):
    inbox, warehouse, _, ledger = hostile
    loaded = {name for name, (status, _) in ledger.items() if status == "loaded"}
    assert loaded == {"good copy.txt", "legacy cp1251 ‘quoted’.txt", "utf16-no-bom.txt", "utf16-bom.txt",
                      "invalid-utf8 é.txt", "it's a \"title\".txt"}
    texts = dict(query(warehouse, """
        select fact_article.source_file, article_text.full_text from fact_article
        inner join article_text on fact_article.article_id = article_text.article_id"""))
    assert texts[str(inbox / "good copy.txt")] == normalize_text(GOOD)
    assert "Norway’s café" in texts[str(inbox / "invalid-utf8 é.txt")]
    assert texts[str(inbox / "utf16-no-bom.txt")].startswith("date 2022-04-05 BERGEN (Reuters)")
    [(title,)] = query(warehouse, "select title from fact_article where source_file like '%title%'")
    assert title == "Minister: \"Robert'); DROP TABLE fact_article;--\" is not a name"
    [(language, status, published)] = query(warehouse, """
        select language, nlp_status, published_date from fact_article where source_file like '%cp1251%'""")
    assert language == "ru" and status.startswith("skipped") and published == date(2020, 6, 1)


def test_quality_findings_and_data_docs_are_recorded(hostile):
    _, warehouse, summary, _ = hostile
    index = Path(summary["data_docs"])
    assert index.name == "index.html" and index.exists()
    assert any(index.parent.rglob("validations/*/*/*/*.html"))
    [(docs,)] = query(warehouse, "select data_docs from etl_run where run_id = ?", [summary["run_id"]])
    assert docs == str(index)


def test_fixing_a_quarantined_file_and_ingesting_again_loads_it(hostile, prefect_server):
    inbox, warehouse, _, _ = hostile
    (inbox / "empty.txt").write_text(GOOD.replace("OSLO", "BERGEN").replace("unchanged", "steady"))
    summary = ingest_articles(paths=[str(inbox / "empty.txt")], warehouse=str(warehouse))
    assert summary["loaded"] == 1
    [(status, reason)] = query(warehouse, "select status, reason from etl_file_ledger where run_id = ?", [summary["run_id"]])
    assert (status, reason) == ("loaded", None)
