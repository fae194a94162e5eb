"""`wirehouse ingest` stopped with SIGTERM (a scheduler's stop) leaves no Prefect server and no working copy."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import psutil

from tests.warehouse_queries import query


def test_sigterm_stops_the_server_and_discards_the_working_copy(samples_dir, tmp_path):
    warehouse = tmp_path / "news.duckdb"
    subprocess.run([sys.executable, "-m", "wirehouse.cli", "ingest", str(samples_dir / "tass_water_talks.txt"),
                    "--warehouse", str(warehouse)], check=True, capture_output=True, timeout=300)
    published = query(warehouse, "select count(*) from fact_article")[0][0]
    log = (tmp_path / "ingest.log").open("w")
    # A run of its own, with its own temporary server (no PREFECT_API_URL from the test session).
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    ingest = subprocess.Popen([sys.executable, "-m", "wirehouse.cli", "ingest", str(samples_dir), "--warehouse",
                               str(warehouse)], stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env)
    deadline, server = time.monotonic() + 120, None
    while time.monotonic() < deadline and ingest.poll() is None:
        children = psutil.Process(ingest.pid).children(recursive=True)
        server = next((c for c in children if "uvicorn" in " ".join(c.cmdline())), server)
        if server is not None and "Beginning flow run" in (tmp_path / "ingest.log").read_text():
            break
        time.sleep(0.2)
    assert server is not None and ingest.poll() is None, (tmp_path / "ingest.log").read_text()
    ingest.send_signal(signal.SIGTERM)
    assert ingest.wait(timeout=60) != 0
    gone, alive = psutil.wait_procs([server], timeout=10)
    for orphan in alive:  # do not leave it running when the test fails
        orphan.kill()
    assert not alive, "the temporary Prefect server outlived the stopped ingest"
    assert not list(tmp_path.glob("news.duckdb.work*"))  # the working copy was discarded
    assert query(warehouse, "select count(*) from fact_article")[0][0] == published  # the served file stands
