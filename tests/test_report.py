"""`wirehouse report`: the HTML page of charts, built from real warehouses the real flow loaded."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from flows.ingest import ingest_articles
from wirehouse.cli import app
from wirehouse.paths import project_root
from wirehouse.report import charts
from wirehouse.report.page import Header, Section, render_page

runner = CliRunner()

HEADINGS = ["Articles per day and source", "Top entities", "Topic trends", "Dateline countries",
            "Entity co-occurrence network", "Data-quality history"]
# src= / href= / url() pointing off the machine; XML namespace declarations (xmlns="http://www.w3.org/...")
# and RDF identifiers in matplotlib's metadata are names, not fetched, and stay allowed.
EXTERNAL_REFERENCE = re.compile(r"""(?:\b(?:src|href)\s*=\s*["']?\s*|url\(\s*["']?)(?:https?:)?//""", re.IGNORECASE)


def section(html: str, anchor: str) -> str:
    match = re.search(rf'<section id="{anchor}">(.*?)</section>', html, re.DOTALL)
    assert match, f"no section {anchor}"
    return match.group(1)


def svg_labels(fragment: str) -> set[str]:
    return set(re.findall(r"<text[^>]*>([^<]*)</text>", fragment))


@pytest.fixture(scope="module")
def samples_report(prefect_server, samples_dir, tmp_path_factory):
    """The sample inbox loaded by the real flow, then reported through the CLI to the default output path.

    The flow is called directly, as in test_ingest_flow: a second in-process `wirehouse ingest`
    through CliRunner failed in Prefect's logging (writing to the first invocation's closed output).
    """
    warehouse = tmp_path_factory.mktemp("report") / "news.duckdb"
    summary = ingest_articles(paths=[str(samples_dir)], warehouse=str(warehouse))
    assert summary["loaded"] >= 8 and summary["failed"] == 0
    report = runner.invoke(app, ["report", "--warehouse", str(warehouse)])
    return warehouse, warehouse.with_name("news.report.html"), report


@pytest.fixture(scope="module")
def empty_warehouse(prefect_server, tmp_path_factory):
    """A warehouse whose only run quarantined an empty file: no articles, one run."""
    folder = tmp_path_factory.mktemp("report-empty")
    inbox = folder / "inbox"
    inbox.mkdir()
    (inbox / "empty.txt").write_text("")
    warehouse = folder / "empty.duckdb"
    summary = ingest_articles(paths=[str(inbox)], warehouse=str(warehouse))
    assert summary["loaded"] == 0 and summary["quarantined"] == 1
    return warehouse


def test_report_writes_one_page_beside_the_warehouse(samples_report):
    _, output, result = samples_report
    assert result.exit_code == 0, result.output
    assert output.is_file() and output.stat().st_size > 10_000
    assert "news.report.html" in result.output and "KiB" in result.output
    html = output.read_text(encoding="utf-8")
    assert html.count("<svg") == 6
    for heading in HEADINGS:
        assert f"<h2>{heading}</h2>" in html
    assert "No data yet" not in html


def test_report_is_self_contained(samples_report):
    html = samples_report[1].read_text(encoding="utf-8")
    assert EXTERNAL_REFERENCE.search(html) is None, EXTERNAL_REFERENCE.search(html)
    assert "<script" not in html.lower() and "<link" not in html.lower() and "<img" not in html.lower()
    assert "<?xml" not in html and "<!DOCTYPE svg" not in html


def test_header_and_captions_state_totals_and_sources(samples_report):
    warehouse, output, _ = samples_report
    html = output.read_text(encoding="utf-8")
    articles, undated, mentions = duckdb.connect(str(warehouse), read_only=True).execute(
        "select count(*), count(*) filter (where published_date is null), "
        "(select count(*) from fact_entity_mention) from fact_article").fetchone()
    assert str(warehouse) in html
    assert f"<strong>{articles:,}</strong>articles" in html and f"<strong>{mentions:,}</strong>entity mentions" in html
    # Three samples' datelines have no year and nothing settles it: the first chart says they are left out.
    assert undated == 3 and "3 articles without a publication date" in section(html, "articles-per-day")
    for anchor, view in [("articles-per-day", "v_article"), ("top-entities", "v_entity_mention"),
                         ("topic-trends", "v_topic_share_month"), ("dateline-countries", "v_article"),
                         ("cooccurrence", "v_entity_cooccurrence"), ("quality-history", "etl_run")]:
        assert f"<code>{view}</code>" in section(html, anchor)


def test_charts_carry_the_samples_people_places_and_topics(samples_report):
    html = samples_report[1].read_text(encoding="utf-8")
    # Elena Markova (tass_water_talks.txt) and Arman Seitkali are PERSONs test_ingest_flow checks.
    assert {"Elena Markova", "Arman Seitkali", "PERSON"} <= svg_labels(section(html, "top-entities"))
    # Datelines: MOSCOW and Volgograd (RU), LONDON (GB), PARIS (FR).
    assert {"Russia (RU)", "United Kingdom (GB)", "France (FR)"} <= svg_labels(section(html, "dateline-countries"))
    assert {"TASS", "Reuters", "2023-04-12"} <= svg_labels(section(html, "articles-per-day"))
    assert {"health", "2024-01"} <= svg_labels(section(html, "topic-trends"))
    assert {"Kazakhstan", "Russia"} <= svg_labels(section(html, "cooccurrence"))


def test_same_warehouse_gives_the_same_charts(samples_report, tmp_path):
    warehouse, first, _ = samples_report
    again = runner.invoke(app, ["report", "--warehouse", str(warehouse), "--output", str(tmp_path / "again.html")])
    assert again.exit_code == 0, again.output
    charts_of = lambda path: re.findall(r"<svg.*?</svg>", path.read_text(encoding="utf-8"), re.DOTALL)  # noqa: E731
    assert len(charts_of(first)) == 6 and charts_of(first) == charts_of(tmp_path / "again.html")


def test_a_warehouse_without_articles_gets_no_data_notes(empty_warehouse, tmp_path):
    output = tmp_path / "sub" / "empty.html"
    result = runner.invoke(app, ["report", "--warehouse", str(empty_warehouse), "--output", str(output)])
    assert result.exit_code == 0, result.output
    html = output.read_text(encoding="utf-8")
    # Five charts have nothing to show; the run ledger still has the run that quarantined empty.txt.
    assert html.count("No data yet") == 5 and html.count("<svg") == 1
    assert "<svg" in section(html, "quality-history") and result.exception is None
    for heading in HEADINGS:
        assert f"<h2>{heading}</h2>" in html


def test_a_missing_warehouse_names_the_file_and_what_to_do(tmp_path):
    missing = tmp_path / "none.duckdb"
    result = runner.invoke(app, ["report", "--warehouse", str(missing)])
    assert result.exit_code == 1
    assert "none.duckdb" in result.output and "wirehouse ingest" in result.output
    assert not missing.exists() and not (tmp_path / "none.report.html").exists()


def test_an_unwritable_output_is_a_clear_error(empty_warehouse, tmp_path):
    not_a_folder = tmp_path / "file.txt"
    not_a_folder.write_text("x")
    result = runner.invoke(app, ["report", "--warehouse", str(empty_warehouse), "--output", str(not_a_folder / "r.html")])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert "cannot write the report" in result.output and "file.txt" in result.output


def test_a_failing_query_names_its_view(empty_warehouse, tmp_path):
    broken = tmp_path / "broken.duckdb"
    shutil.copy(empty_warehouse, broken)
    with duckdb.connect(str(broken)) as connection:
        connection.execute("drop view v_topic_share_month")
    result = runner.invoke(app, ["report", "--warehouse", str(broken)])
    assert result.exit_code == 1
    assert "topic share per month" in result.output and "v_topic_share_month" in result.output
    # Exit 1 through typer.Exit, not an unhandled exception, and nothing written.
    assert isinstance(result.exception, SystemExit) and not (tmp_path / "broken.report.html").exists()


def test_text_from_the_warehouse_is_escaped():
    import pandas as pd

    hostile = "<script>alert(1)</script>"
    svg = charts.top_entities(pd.DataFrame({"canonical_name": [hostile, "$12 billion$"], "entity_type": ["ORG", "ORG"],
                                            "articles": [2, 1], "mentions": [3, 1]}))
    assert "<script>" not in svg and "&lt;script&gt;alert(1)&lt;/script&gt;" in svg
    assert "$12 billion$" in svg_labels(svg)  # shown as written, not parsed as TeX
    html = render_page(Header(f"/data/{hostile}.duckdb", "now", [(hostile, 1)]),
                       [Section("a", hostile, svg, hostile, "v_article", hostile),
                        Section("b", "empty", None, "caption", "v_article", hostile)])
    assert "<script>" not in html and html.count("&lt;script&gt;") >= 5


def _chromium() -> str | None:
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else shutil.which("chromium")


def test_report_renders_in_a_headless_browser(samples_report, tmp_path):
    if _chromium() is None:
        pytest.skip("chromium is not installed (apt-get install -y chromium); the browser check needs it")
    from PIL import Image

    screenshot = tmp_path / "report.png"
    completed = subprocess.run(
        [str(project_root() / "scripts" / "screenshot_report.sh"), str(samples_report[1]), str(screenshot)],
        capture_output=True, text=True, timeout=120, env={**os.environ, "CHROMIUM": _chromium()},
    )
    assert completed.returncode == 0, completed.stderr
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with Image.open(screenshot) as image:
        assert image.size == (1400, 4000)
        colours = image.convert("RGB").getcolors(maxcolors=1 << 24)
    # A blank page is one or two colours; text and layout alone are grey on white. The charts'
    # bars, heatmap cells and nodes bring many colours and a good share of saturated pixels.
    saturated = sum(count for count, (red, green, blue) in colours if max(red, green, blue) - min(red, green, blue) > 60)
    assert len(colours) > 200
    assert saturated / (1400 * 4000) > 0.03


def test_long_histories_switch_to_a_time_axis_and_months():
    import pandas as pd

    days = pd.date_range("2024-01-01", periods=90, freq="D").date
    daily = pd.DataFrame({"published_date": days, "source_name": "TASS", "articles": 1})
    assert "per publication day" in " ".join(svg_labels(charts.articles_per_day(daily)))
    years = pd.date_range("2019-01-01", "2024-12-31", freq="7D").date
    weekly = pd.DataFrame({"published_date": years, "source_name": ["AP", "TASS"] * (len(years) // 2) + ["AP"] * (len(years) % 2),
                           "articles": 2})
    title = " ".join(svg_labels(charts.articles_per_day(weekly)))
    assert "per publication month" in title and "dates span" in title


def test_quality_history_draws_findings_per_run_by_severity():
    import pandas as pd

    runs = pd.DataFrame({"run_id": [f"r{i}" for i in range(12)],
                         "started_at": pd.date_range("2026-01-01", periods=12, freq="h"),
                         "status": ["completed"] * 11 + ["failed"], "files_seen": 5, "loaded_count": 3,
                         "duplicate_count": 1, "quarantined_count": 1, "failed_count": 0})
    findings = pd.DataFrame({"run_id": ["r2", "r2", "r7"], "severity": ["critical", "warning", "warning"],
                             "findings": [1, 2, 1], "unexpected_rows": [1, 5, 1]})
    labels = svg_labels(charts.quality_history(runs, findings))
    assert {"critical", "warning", "quarantined", "Failed data-quality checks per run (etl_quality_finding)"} <= labels
    assert "2026-01-01 11:00" in " ".join(labels)
    assert "critical" not in svg_labels(charts.quality_history(runs, findings.iloc[0:0]))
