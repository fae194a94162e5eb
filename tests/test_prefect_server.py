"""The temporary Prefect server `wirehouse ingest` starts before its imports (wirehouse.prefect_server)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import textwrap

import pytest

from wirehouse.prefect_server import TemporaryServer

# A fresh interpreter without the session's test harness: start the server before importing
# Prefect, run a real flow inside serving(), and report what the flow saw and the server stored.
SCRIPT = textwrap.dedent("""
    import json, sys
    from wirehouse import offline
    from wirehouse.prefect_server import TemporaryServer, serving

    server = TemporaryServer.start_unless_configured()
    import httpx
    from prefect import flow, get_client
    from prefect.settings import PREFECT_API_URL

    @flow(name="prefect-server-probe")
    def probe():
        with get_client(sync_client=True) as client:
            return str(client.api_url)

    with serving(server):
        seen = probe()
        runs = httpx.post(f"{server.api_url}/flow_runs/filter", json={}).json()
    print(json.dumps({"api_url": server.api_url, "seen": seen, "after": PREFECT_API_URL.value(),
                      "flows": sorted({run["name"] for run in runs}), "states": [run["state_type"] for run in runs]}))
""")


def test_a_flow_in_serving_runs_on_the_early_server_which_stops_at_exit(tmp_path):
    env = {key: value for key, value in os.environ.items() if not key.startswith("PREFECT_API")}
    env["PREFECT_HOME"] = str(tmp_path / "prefect-home")  # its own database: nothing shared with the session
    result = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["seen"].rstrip("/") == report["api_url"]
    assert report["after"] in (None, "")  # the URL was set for the block only
    assert report["states"] == ["COMPLETED"] and len(report["flows"]) == 1
    assert "Temporary Prefect server for this run (gone when it ends)" in result.stderr
    assert "Beginning flow run" in result.stderr  # Prefect's run log reaches the terminal, without a link
    assert "View at" not in result.stdout + result.stderr  # that would point at a server that is gone
    port = int(report["api_url"].split(":")[2].split("/")[0])
    with socket.socket() as sock:  # the interpreter has exited: nothing listens there any more
        assert sock.connect_ex(("127.0.0.1", port)) != 0


def test_no_server_is_started_when_one_is_configured(prefect_server, monkeypatch):
    # Under prefect_test_harness, Prefect is loaded and its settings name the session's server.
    assert TemporaryServer.start_unless_configured() is None
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:4200/api")
    assert TemporaryServer.start_unless_configured() is None


def test_a_server_that_dies_before_answering_is_reported(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where Prefect's home folder should be")
    monkeypatch.setenv("PREFECT_HOME", str(blocker))
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    server = TemporaryServer()
    try:
        with pytest.raises(RuntimeError, match="exited with status .* before it answered"):
            server.wait_ready(120)
    finally:
        server.stop()
    assert server.process is None
