"""The wirehouse command line, run in-process against the test Prefect server."""

from __future__ import annotations

import shutil

import pytest
from typer.testing import CliRunner

from wirehouse.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def cli_warehouse(prefect_server, samples_dir, tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli")
    inbox = folder / "inbox"
    inbox.mkdir()
    shutil.copy(samples_dir / "tass_water_talks.txt", inbox / "water.txt")
    (inbox / "empty.txt").write_text("")
    warehouse = folder / "cli.duckdb"
    result = runner.invoke(app, ["ingest", str(inbox), "--warehouse", str(warehouse)])
    return warehouse, result


def test_ingest_prints_a_summary_and_what_was_set_aside(cli_warehouse):
    _, result = cli_warehouse
    assert result.exit_code == 0, result.output
    assert "loaded" in result.output and "quarantined" in result.output and "entity mentions" in result.output
    assert "empty or whitespace-only file" in result.output
    assert "Traceback" not in result.output


def test_ingest_of_a_missing_path_names_it_and_exits_2(tmp_path):
    result = runner.invoke(app, ["ingest", str(tmp_path / "nowhere"), "--warehouse", str(tmp_path / "w.duckdb")])
    assert result.exit_code == 2
    assert "nowhere: no such file or folder" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "w.duckdb").exists()


def test_sql_runs_read_only_queries(cli_warehouse):
    warehouse, _ = cli_warehouse
    result = runner.invoke(app, ["sql", "select dateline_place from fact_article", "--warehouse", str(warehouse)])
    assert result.exit_code == 0 and "Moscow" in result.output
    refused = runner.invoke(app, ["sql", "delete from fact_article", "--warehouse", str(warehouse)])
    assert refused.exit_code == 1 and "read-only" in refused.output.lower()


def test_sql_reports_bad_queries_without_traceback(cli_warehouse):
    warehouse, _ = cli_warehouse
    result = runner.invoke(app, ["sql", "select nope from fact_article", "--warehouse", str(warehouse)])
    assert result.exit_code == 1 and "query failed" in result.output and "Traceback" not in result.output


def test_status_shows_runs_and_quarantine(cli_warehouse):
    warehouse, _ = cli_warehouse
    result = runner.invoke(app, ["status", "--warehouse", str(warehouse)])
    assert result.exit_code == 0, result.output
    assert "completed" in result.output and "1 articles" in result.output
    assert "empty.txt" in result.output


def test_status_without_a_warehouse_says_what_to_do(tmp_path):
    result = runner.invoke(app, ["status", "--warehouse", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1 and "wirehouse ingest" in result.output
