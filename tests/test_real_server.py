"""A real `prefect server start` on loopback: prefect.yaml deploys, `wirehouse serve` deploys, and a run
triggered through the API loads the warehouse.

Every Prefect process here is a subprocess that gets this server's PREFECT_API_URL in its own
environment, so the rest of the session (prefect_test_harness) is untouched. The server's scheduler
service is off: deployments keep their cron schedules, but no scheduled run can fire during the test
(a */15 run with the default parameters would write the project's own warehouse).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.warehouse_queries import query
from wirehouse.paths import project_root

PREFECT = [sys.executable, "-m", "prefect"]
WIREHOUSE = str(Path(sys.executable).with_name("wirehouse"))
FLOW = "ingest-articles"
POOL = "wirehouse-local"
TERMINAL = {"COMPLETED", "FAILED", "CRASHED", "CANCELLED"}


def _tail(path: Path, lines: int = 60) -> str:
    text = path.read_text(errors="replace") if path.exists() else "(no output file)"
    return f"--- last {lines} lines of {path.name} ---\n" + "\n".join(text.splitlines()[-lines:])


def _keep_sigint(*_: object) -> None:
    """Children of a shell's background job inherit an ignored SIGINT; give them Ctrl-C back."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _stop(process: subprocess.Popen, first: int = signal.SIGINT, grace: float = 15) -> None:
    """Signal the whole process group, then kill whatever is left of it."""
    for sig, wait in ((first, grace), (signal.SIGKILL, 10)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(wait)
        except subprocess.TimeoutExpired:
            continue
        if sig != signal.SIGKILL:  # the leader is gone; sweep up any child it left in the group
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        return


class PrefectServer:
    """A `prefect server start` subprocess with its own PREFECT_HOME and SQLite database."""

    def __init__(self, home: Path) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.api = f"http://127.0.0.1:{self.port}/api"
        self.logs = home / "logs"
        self.logs.mkdir(parents=True)
        self.env = {
            **os.environ,
            "PREFECT_HOME": str(home),
            "PREFECT_API_URL": self.api,
            "PREFECT_API_DATABASE_CONNECTION_URL": f"sqlite+aiosqlite:///{home / 'prefect.db'}",
            "PREFECT_UI_ENABLED": "false",
            "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
            "DO_NOT_TRACK": "1",
            "GX_ANALYTICS_ENABLED": "false",
            "PREFECT_SERVER_SERVICES_SCHEDULER_ENABLED": "false",
        }
        self.http = httpx.Client(base_url=self.api, timeout=30)
        self.process = self.start("server", [*PREFECT, "server", "start", "--host", "127.0.0.1", "--port", str(self.port)])

    def start(self, name: str, argv: list[str]) -> subprocess.Popen:
        """A subprocess in its own process group, talking to this server, output in logs/NAME.log."""
        with open(self.logs / f"{name}.log", "wb") as out:
            return subprocess.Popen(argv, cwd=project_root(), env=self.env, stdout=out, stderr=subprocess.STDOUT,
                                    start_new_session=True, preexec_fn=_keep_sigint)

    def wait_until_healthy(self, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                if self.http.get("/health").status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.5)
        pytest.fail(f"prefect server did not answer {self.api}/health within {timeout:.0f} s "
                    f"(exit code {self.process.poll()})\n{self.output('server')}")

    def cli(self, *args: str, timeout: float = 120) -> str:
        """Run `prefect ARGS` against this server; fail with its output unless it exits 0."""
        result = subprocess.run([*PREFECT, *args], cwd=project_root(), env=self.env, capture_output=True,
                                text=True, timeout=timeout)
        output = result.stdout + result.stderr
        assert result.returncode == 0, f"`prefect {' '.join(args)}` exited {result.returncode}:\n{output}"
        return output

    def output(self, *names: str) -> str:
        return "\n".join(_tail(self.logs / f"{name}.log") for name in names)

    def request(self, method: str, path: str, **kwargs) -> httpx.Response:
        """One API call; a 503 is retried, as Prefect's own client does: the server answers it when its
        SQLite database stays locked by another writer (the served flow's heartbeats and logs, on a busy
        machine), and the request then changed nothing."""
        for delay in (1, 2, 4, 8, 0):
            response = self.http.request(method, path, **kwargs)
            if response.status_code != 503 or not delay:
                break
            time.sleep(delay)
        response.raise_for_status()
        return response

    def get(self, path: str, **kwargs) -> httpx.Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs) -> httpx.Response:
        return self.request("POST", path, **kwargs)

    def wait_for_deployment(self, name: str, watched: subprocess.Popen, log: str, timeout: float = 90) -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and watched.poll() is None:
            response = self.http.get(f"/deployments/name/{FLOW}/{name}")
            if response.status_code == 200:
                return response.json()
            time.sleep(1)
        pytest.fail(f"deployment {FLOW}/{name} did not appear within {timeout:.0f} s "
                    f"(process exit code {watched.poll()})\n{self.output(log, 'server')}")

    def wait_for_run(self, run_id: str, timeout: float) -> dict:
        """The flow run once it is in a terminal state, or as it is when the time is up."""
        deadline = time.monotonic() + timeout
        while True:
            run = self.get(f"/flow_runs/{run_id}").json()
            if run["state_type"] in TERMINAL or time.monotonic() > deadline:
                return run
            time.sleep(1)

    def close(self) -> None:
        self.http.close()
        _stop(self.process, first=signal.SIGTERM)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    prefect = PrefectServer(tmp_path_factory.mktemp("prefect-home"))
    try:
        prefect.wait_until_healthy()
        yield prefect
    finally:
        prefect.close()


def _inbox(folder: Path, samples_dir: Path, names: list[str]) -> Path:
    folder.mkdir()
    for name in names:
        shutil.copy(samples_dir / name, folder / name)
    return folder


def _loaded_files(warehouse: Path) -> list[str]:
    assert warehouse.exists(), f"{warehouse} was not created"
    return [Path(row[0]).name for row in query(warehouse, "select source_file from fact_article order by source_file")]


def test_prefect_yaml_deploys_and_a_worker_runs_it_into_the_warehouse(server, samples_dir, tmp_path):
    files = ["ap_rail_strike.txt", "tass_water_talks.txt"]
    inbox = _inbox(tmp_path / "inbox", samples_dir, files)
    warehouse = tmp_path / "w.duckdb"

    server.cli("work-pool", "create", POOL, "--type", "process")
    server.cli("--no-prompt", "deploy", "--all")  # the repository's prefect.yaml, as the README says

    deployment = server.get(f"/deployments/name/{FLOW}/ingest-inbox").json()
    assert deployment["work_pool_name"] == POOL
    assert [s["schedule"]["cron"] for s in deployment["schedules"]] == ["*/15 * * * *"]
    assert deployment["schedules"][0]["schedule"]["timezone"] == "UTC"
    # Prefect 3 keeps a deployment's concurrency limit as a global concurrency limit named after it.
    assert deployment["global_concurrency_limit"]["limit"] == 1, deployment["global_concurrency_limit"]

    server.cli("deployment", "run", f"{FLOW}/ingest-inbox",
               "--param", f'paths=["{inbox}"]', "--param", f"warehouse={warehouse}")
    [run] = server.post("/flow_runs/filter", json={"deployments": {"id": {"any_": [deployment["id"]]}}}).json()
    assert run["parameters"] == {"paths": [str(inbox)], "warehouse": str(warehouse)}

    worker = server.start("worker", [*PREFECT, "worker", "start", "--pool", POOL, "--run-once"])
    try:
        worker.wait(180)
    except subprocess.TimeoutExpired:
        pass
    finally:
        _stop(worker)
    run = server.wait_for_run(run["id"], timeout=30)
    assert run["state_type"] == "COMPLETED", (
        f"flow run {run['id']} ended {run['state_type']}: {run['state'] and run['state']['message']}\n"
        f"{server.output('worker', 'server')}")
    assert _loaded_files(warehouse) == files


@pytest.fixture
def served(server, samples_dir, tmp_path):
    """`wirehouse serve` under its own deployment name, so it does not replace prefect.yaml's deployment."""
    inbox = _inbox(tmp_path / "inbox2", samples_dir, ["afp_museum_reopens.txt", "reuters_senate_vote.txt"])
    warehouse = tmp_path / "served.duckdb"
    process = server.start("serve", [WIREHOUSE, "serve", "--inbox", str(inbox), "--warehouse", str(warehouse),
                                     "--cron", "0 0 1 1 *", "--name", "ingest-served"])
    try:
        yield process, inbox, warehouse
    finally:
        _stop(process)


def test_wirehouse_serve_deploys_and_runs_triggered_through_the_api(server, served):
    process, inbox, warehouse = served
    deployment = server.wait_for_deployment("ingest-served", process, "serve")
    assert [s["schedule"]["cron"] for s in deployment["schedules"]] == ["0 0 1 1 *"]
    assert deployment["parameters"] == {"paths": [str(inbox)], "warehouse": str(warehouse)}

    run = server.post(f"/deployments/{deployment['id']}/create_flow_run", json={}).json()
    run = server.wait_for_run(run["id"], timeout=150)
    assert run["state_type"] == "COMPLETED", (
        f"flow run {run['id']} ended {run['state_type']}: {run['state'] and run['state']['message']}\n"
        f"{server.output('serve', 'server')}")
    assert _loaded_files(warehouse) == ["afp_museum_reopens.txt", "reuters_senate_vote.txt"]
    assert process.poll() is None, f"wirehouse serve exited after one run\n{server.output('serve')}"
