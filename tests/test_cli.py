"""The wirehouse command line, run in-process against the test Prefect server."""

from __future__ import annotations

import json
import shutil

import duckdb
import pytest
import typer
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
    result = runner.invoke(app, ["ingest", str(inbox), "--warehouse", str(warehouse),
                                 "--summary-json", str(folder / "out" / "summary.json")])
    return warehouse, result


def test_ingest_prints_a_summary_and_what_was_set_aside(cli_warehouse):
    _, result = cli_warehouse
    assert result.exit_code == 0, result.output
    assert "loaded" in result.output and "quarantined" in result.output and "entity mentions" in result.output
    assert "empty or whitespace-only file" in result.output
    assert "Working copy: new: no warehouse was served yet." in result.output
    assert "Traceback" not in result.output


def test_ingest_writes_the_run_summary_as_json(cli_warehouse):
    warehouse, result = cli_warehouse
    assert result.exit_code == 0, result.output
    summary = json.loads((warehouse.parent / "out" / "summary.json").read_text())
    assert (summary["files_seen"], summary["loaded"], summary["quarantined"], summary["failed"]) == (2, 1, 1, 0)
    assert summary["mentions"] > 0 and summary["warehouse"] == str(warehouse.resolve())
    [(status, file_path, reason)] = summary["set_aside"]
    assert status == "quarantined" and file_path.endswith("empty.txt") and "empty" in reason
    stages = summary["stage_seconds"]
    assert {"read and parse", "entities", "validate", "load", "publish"} <= set(stages)
    assert all(isinstance(seconds, float) and seconds >= 0 for seconds in stages.values())
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        row = connection.execute("select status, loaded_count from etl_run where run_id = ?", [summary["run_id"]]).fetchone()
    assert row == ("completed", 1)


def test_a_summary_json_that_cannot_be_written_names_the_file(tmp_path, capsys):
    # Called directly: a second in-process ingest in one session trips over Prefect's console log handler.
    from wirehouse.cli import _write_summary_json

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder is expected")
    with pytest.raises(typer.Exit) as exit_info:
        _write_summary_json({"loaded": 1}, blocker / "summary.json")
    assert exit_info.value.exit_code == 1
    message = capsys.readouterr().err
    assert f"{blocker / 'summary.json'}: cannot write the summary" in message
    assert "the ingest itself completed" in message and "Traceback" not in message


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
