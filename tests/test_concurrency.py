"""Readers never blocked, runs serialized, and SIGKILLed runs converging: real processes, real signals."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from flows.ingest import ingest_articles
from wirehouse.warehouse.publish import standby_is_current, working_copy_path

TOPIC_DEV = Path(__file__).parent / "data" / "topic_dev.jsonl"
# Star tables and the columns that identify their content (run ids and load times differ by design).
STAR = {
    "fact_article": "article_id, source_file, title, subtitle, published_date, date_source, dateline_place, source_key, "
                    "location_key, date_key, language, word_count, nlp_status",
    "article_text": "*", "article_field_span": "*", "article_terms": "*", "article_keyphrase": "*",
    "fact_entity_mention": "*", "dim_entity": "*", "entity_alias": "*", "dim_source": "*", "dim_location": "*",
    "dim_date": "*", "dim_topic": "*", "bridge_article_topic": "*", "fact_quote": "*",
}


def star_content(path: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(path), read_only=True) as connection:
        return {table: connection.execute(f"select {columns} from {table} order by all").fetchall()
                for table, columns in STAR.items()}


def count_articles(path: Path) -> int:
    with duckdb.connect(str(path), read_only=True) as connection:
        return connection.execute("select count(*) from fact_article").fetchone()[0]


@pytest.fixture(scope="module")
def inbox(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("inbox")
    for line in TOPIC_DEV.read_text(encoding="utf-8").splitlines()[:30]:
        example = json.loads(line)
        (folder / f"{example['id']}.txt").write_text(example["text"], encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def reference(prefect_server, inbox, tmp_path_factory) -> Path:
    warehouse = tmp_path_factory.mktemp("reference") / "news.duckdb"
    ingest_articles(paths=[str(inbox)], warehouse=str(warehouse), batch_size=5)
    return warehouse


def cli_env() -> dict[str, str]:
    from prefect.settings import PREFECT_API_URL

    env = dict(os.environ)
    env["PREFECT_API_URL"] = PREFECT_API_URL.value()  # the test server: no temporary server per process
    env["WIREHOUSE_BATCH_SIZE"] = "5"
    env["COLUMNS"] = "200"
    return env


def start_ingest(inbox: Path, warehouse: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "wirehouse.cli", "ingest", str(inbox), "--warehouse", str(warehouse)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=cli_env(),
    )


def kill_when(process: subprocess.Popen, marker: str, timeout: float = 240) -> list[str]:
    """SIGKILL the process as soon as it prints `marker`; return what it printed."""
    lines, deadline = [], time.monotonic() + timeout
    for line in process.stdout:
        lines.append(line)
        if marker in line:
            process.send_signal(signal.SIGKILL)
            process.wait()
            return lines
        assert time.monotonic() < deadline, "marker never printed"
    raise AssertionError(f"process ended before printing {marker!r}:\n{''.join(lines)}")


@pytest.mark.parametrize("marker", ["file(s) found", "batch 2/6", "batch 6/6"])
def test_a_killed_run_converges_to_the_clean_result(prefect_server, inbox, reference, tmp_path, marker):
    warehouse = tmp_path / "news.duckdb"
    kill_when(start_ingest(inbox, warehouse), marker)
    assert working_copy_path(warehouse).exists() or not warehouse.exists()
    summary = ingest_articles(paths=[str(inbox)], warehouse=str(warehouse), batch_size=5)
    assert summary["loaded"] + summary["duplicate"] == summary["files_seen"] == 30
    assert star_content(warehouse) == star_content(reference)
    assert not working_copy_path(warehouse).exists() or standby_is_current(warehouse)  # only a sealed previous version is left


def test_a_run_killed_on_top_of_published_data_converges(prefect_server, inbox, reference, tmp_path):
    half = tmp_path / "half"
    half.mkdir()
    for path in sorted(inbox.iterdir())[:15]:
        shutil.copy(path, half / path.name)
    warehouse = tmp_path / "news.duckdb"
    ingest_articles(paths=[str(half)], warehouse=str(warehouse), batch_size=5)
    before = star_content(warehouse)
    # The 15 files loaded before are set aside as already loaded; the other 15 make 3 batches of 5.
    kill_when(start_ingest(inbox, warehouse), "batch 2/3")
    assert star_content(warehouse) == before  # readers still see the last published snapshot
    ingest_articles(paths=[str(inbox)], warehouse=str(warehouse), batch_size=5)
    # Same articles, same keys, whatever file path they first came from.
    now, clean = star_content(warehouse), star_content(reference)
    for table in STAR:
        if table == "fact_article":
            continue
        assert now[table] == clean[table], table
    assert [row[:1] + row[2:] for row in now["fact_article"]] == [row[:1] + row[2:] for row in clean["fact_article"]]


READER = """
import duckdb, json, sys, time
path = sys.argv[1]
held = duckdb.connect(path, read_only=True)
print("held", held.execute("select count(*) from fact_article").fetchone()[0], flush=True)
seen = set()
deadline = time.monotonic() + float(sys.argv[2])
while time.monotonic() < deadline:
    try:
        with duckdb.connect(path, read_only=True) as fresh:
            articles, texts, mentioned = fresh.execute(
                "select (select count(*) from fact_article), (select count(*) from article_text), "
                "(select count(distinct article_id) from fact_entity_mention)").fetchone()
        seen.add((articles, texts, mentioned))
    except duckdb.Error as exc:
        seen.add(("error", str(exc)[:200], 0))
    time.sleep(0.05)
print("still", held.execute("select count(*) from fact_article").fetchone()[0], flush=True)
print(json.dumps(sorted(seen, key=str)), flush=True)
"""


def test_readers_are_never_blocked_and_never_see_a_half_loaded_batch(prefect_server, inbox, tmp_path):
    warehouse = tmp_path / "news.duckdb"
    first = tmp_path / "first"
    first.mkdir()
    for path in sorted(inbox.iterdir())[:10]:
        shutil.copy(path, first / path.name)
    ingest_articles(paths=[str(first)], warehouse=str(warehouse), batch_size=5)
    reader = subprocess.Popen([sys.executable, "-c", READER, str(warehouse), "15"], stdout=subprocess.PIPE, text=True)
    assert reader.stdout.readline().split() == ["held", "10"]
    summary = ingest_articles(paths=[str(inbox)], warehouse=str(warehouse), batch_size=5)
    assert summary["loaded"] == 20
    output = reader.communicate(timeout=60)[0].splitlines()
    assert output[0] == "still 10"  # the open connection keeps its consistent snapshot
    seen = {tuple(state) for state in json.loads(output[1])}
    # Every new connection saw the whole old snapshot or the whole new one: never an error, never a part.
    assert seen <= {(10, 10, 10), (30, 30, 30)}, seen
    assert count_articles(warehouse) == 30


def test_two_runs_started_together_are_serialized(prefect_server, inbox, reference, tmp_path):
    warehouse = tmp_path / "news.duckdb"
    runs = [start_ingest(inbox, warehouse), start_ingest(inbox, warehouse)]
    outputs = [run.communicate(timeout=600)[0] for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    assert star_content(warehouse) == star_content(reference)
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        statuses = connection.execute(
            "select loaded_count, duplicate_count from etl_run where status = 'completed' order by started_at").fetchall()
    assert statuses == [(30, 0), (0, 30)]
