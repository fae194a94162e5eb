"""A real `prefect server start` on loopback whose own scheduler starts the runs: `wirehouse serve --cron`
and the prefect.yaml deployment with a process worker each load files dropped into their inbox, and
no run is triggered by hand.

Every Prefect process here is a subprocess that gets this server's PREFECT_API_URL in its own
environment, so the rest of the session (prefect_test_harness) is untouched. The scheduler's loops are
shortened so a run scheduled for the next minute is created at once; the prefect.yaml deployment is
deployed with its schedule and parameters overridden on the command line, so none of its runs can write
the project's own warehouse.
"""

from __future__ import annotations

import os
import re
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
from wirehouse.stale_runs import holder_path

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
            "GX_ANALYTICS_ENABLED": "false",
            # The scheduler creates the runs; its loops are shortened so the test need not wait for them.
            "PREFECT_SERVER_SERVICES_SCHEDULER_ENABLED": "true",
            "PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS": "2",
            "PREFECT_SERVER_SERVICES_SCHEDULER_RECENT_DEPLOYMENTS_LOOP_SECONDS": "2",
            "PREFECT_RUNNER_POLL_FREQUENCY": "2",
            "PREFECT_WORKER_QUERY_SECONDS": "2",
        }
        # Analytics are off by the project's prefect.toml alone, as for a user's `prefect server start`.
        for name in ("DO_NOT_TRACK", "PREFECT_SERVER_ANALYTICS_ENABLED"):
            self.env.pop(name, None)
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


def _drop(inbox: Path, samples_dir: Path, names: list[str]) -> None:
    """Deliver files as a feed does: written under another name, then renamed into the inbox."""
    for name in names:
        partial = inbox.parent / f".{name}.part"
        shutil.copy(samples_dir / name, partial)
        partial.rename(inbox / name)


def _loaded_files(warehouse: Path) -> list[str]:
    assert warehouse.exists(), f"{warehouse} was not created"
    return [Path(row[0]).name for row in query(warehouse, "select source_file from fact_article order by source_file")]


def _wait_for_scheduled_run(server: PrefectServer, deployment: dict, after: float, watched: subprocess.Popen,
                            log: str, timeout: float = 240) -> dict:
    """The first run of DEPLOYMENT that the scheduler created, that started after AFTER (epoch seconds) and
    ended Completed; fails with the logs if a run ends otherwise or none completes in time."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and watched.poll() is None:
        runs = server.post("/flow_runs/filter", json={
            "deployments": {"id": {"any_": [deployment["id"]]}},
            "flow_runs": {"start_time": {"after_": _iso(after)}}}).json()
        for run in runs:
            assert run["state_type"] not in TERMINAL - {"COMPLETED"}, (
                f"flow run {run['id']} ended {run['state_type']}: {run['state'] and run['state']['message']}\n"
                f"{server.output(log, 'server')}")
            if run["state_type"] == "COMPLETED":
                return run
        time.sleep(2)
    pytest.fail(f"no scheduled run of {deployment['name']} completed within {timeout:.0f} s "
                f"(process exit code {watched.poll()})\n{server.output(log, 'server')}")


def _iso(epoch: float) -> str:
    from datetime import datetime, timezone

    return datetime.fromtimestamp(epoch, timezone.utc).isoformat()


def _scheduler_errors(server: PrefectServer) -> list[str]:
    """The scheduler's tracebacks in the server's log (SQLAlchemy 2.1 put one there on every loop).

    SQLite's `database is locked`, which a busy machine gives any service now and then, is passed
    over: the service retries on its next loop, and clients retry the 503 it answers."""
    log = (server.logs / "server.log").read_text(errors="replace")
    blocks = log.split("Traceback (most recent call last):")[1:]
    failures = [re.split(r"\n\d\d:\d\d:\d\d\.\d+ \|", block, maxsplit=1)[0] for block in blocks]
    return [block.strip().splitlines()[-1] for block in failures
            if "services/scheduler.py" in block and "database is locked" not in block]


@pytest.fixture(scope="module")
def scheduled(server, tmp_path_factory):
    """Both ways of scheduling, started side by side on one server: `wirehouse serve --cron` and the
    prefect.yaml deployment with a process worker, each with an empty inbox of its own."""
    folder = tmp_path_factory.mktemp("scheduled")
    served_inbox, deployed_inbox = folder / "served-inbox", folder / "deployed-inbox"
    served_inbox.mkdir()
    deployed_inbox.mkdir()
    serve = server.start("serve", [WIREHOUSE, "serve", "--inbox", str(served_inbox), "--warehouse",
                                   str(folder / "served.duckdb"), "--cron", "* * * * *", "--name", "ingest-served"])
    server.cli("work-pool", "create", POOL, "--type", "process")
    # The repository's prefect.yaml, as the README says, with a schedule and the parameters given on the
    # command line as a user would to try it: every minute (beside the file's own */15), a test inbox and
    # warehouse for every run.
    server.cli("--no-prompt", "deploy", "--name", "ingest-inbox", "--cron", "* * * * *", "--timezone", "UTC",
               "--param", f'paths=["{deployed_inbox}"]', "--param", f"warehouse={folder / 'deployed.duckdb'}")
    worker = server.start("worker", [*PREFECT, "worker", "start", "--pool", POOL])
    try:
        yield {"served": (serve, served_inbox, folder / "served.duckdb"),
               "deployed": (worker, deployed_inbox, folder / "deployed.duckdb")}
    finally:
        _stop(serve)
        _stop(worker)


def test_wirehouse_serve_on_a_cron_schedule_loads_files_dropped_into_its_inbox(server, scheduled, samples_dir):
    process, inbox, warehouse = scheduled["served"]
    deployment = server.wait_for_deployment("ingest-served", process, "serve")
    assert [s["schedule"]["cron"] for s in deployment["schedules"]] == ["* * * * *"]
    assert deployment["parameters"] == {"paths": [str(inbox)], "warehouse": str(warehouse),
                                        "reference_date": "scheduled"}

    dropped = time.time()
    _drop(inbox, samples_dir, ["afp_museum_reopens.txt", "reuters_senate_vote.txt"])
    run = _wait_for_scheduled_run(server, deployment, dropped, process, "serve")
    assert run["auto_scheduled"], f"run {run['id']} was not created by the scheduler"
    assert process.poll() is None, f"wirehouse serve exited after one run\n{server.output('serve')}"
    _stop(process)  # its next run would write the warehouse while it is read
    assert _loaded_files(warehouse) == ["afp_museum_reopens.txt", "reuters_senate_vote.txt"]
    assert not _scheduler_errors(server), server.output("server")


def test_prefect_yaml_deployment_runs_on_its_schedule_with_a_process_worker(server, scheduled, samples_dir):
    worker, inbox, warehouse = scheduled["deployed"]
    deployment = server.get(f"/deployments/name/{FLOW}/ingest-inbox").json()
    assert deployment["work_pool_name"] == POOL
    # prefect.yaml's own schedule, and the one the command line added (the parameters serve both).
    assert sorted((s["schedule"]["cron"], s["schedule"]["timezone"]) for s in deployment["schedules"]) == [
        ("* * * * *", "UTC"), ("*/15 * * * *", "UTC")]
    assert deployment["parameters"] == {"paths": [str(inbox)], "warehouse": str(warehouse),
                                        "reference_date": "scheduled"}
    # Prefect 3 keeps a deployment's concurrency limit as a global concurrency limit named after it.
    assert deployment["global_concurrency_limit"]["limit"] == 1, deployment["global_concurrency_limit"]

    dropped = time.time()
    _drop(inbox, samples_dir, ["ap_rail_strike.txt", "tass_water_talks.txt"])
    run = _wait_for_scheduled_run(server, deployment, dropped, worker, "worker")
    assert run["auto_scheduled"], f"run {run['id']} was not created by the scheduler"
    _stop(worker)
    assert _loaded_files(warehouse) == ["ap_rail_strike.txt", "tass_water_talks.txt"]
    assert not _scheduler_errors(server), server.output("server")


def test_prefect_server_started_in_the_project_sends_no_telemetry(server):
    """The server above runs without DO_NOT_TRACK or PREFECT_SERVER_ANALYTICS_ENABLED: prefect.toml turns
    its analytics off. With them on, the telemetry service logs `Failed to send telemetry` offline."""
    settings = server.get("/admin/settings").json()
    assert settings["server"]["analytics_enabled"] is False
    log = (server.logs / "server.log").read_text(errors="replace")
    assert "telemetry" not in log.lower(), server.output("server")


def test_an_ingest_killed_outright_is_marked_crashed_by_the_next_run(server, samples_dir, tmp_path):
    """SIGKILL leaves no chance to report: the run stays Running until the next writer of the same
    warehouse, which holds the lock the dead run held, marks it Crashed."""
    warehouse = tmp_path / "killed.duckdb"
    log = tmp_path / "killed.log"
    with open(log, "wb") as out:
        victim = subprocess.Popen([WIREHOUSE, "ingest", str(samples_dir), "-w", str(warehouse)], env=server.env,
                                  stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + 120
    while not holder_path(warehouse).exists():  # it holds the writer lock and has said so
        assert victim.poll() is None and time.monotonic() < deadline, log.read_text(errors="replace")
        time.sleep(0.1)
    os.killpg(victim.pid, signal.SIGKILL)
    victim.wait(30)
    [killed] = server.post("/flow_runs/filter", json={"flow_runs": {"name": {"like_": "ingest-killed.duckdb"}}}).json()
    assert killed["state_type"] == "RUNNING"

    again = subprocess.run([WIREHOUSE, "ingest", str(samples_dir), "-w", str(warehouse)], env=server.env,
                           capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stdout + again.stderr
    killed = server.get(f"/flow_runs/{killed['id']}").json()
    assert killed["state_type"] == "CRASHED", (killed["state"], again.stdout + again.stderr)
    assert "writer lock" in killed["state"]["message"]
    [later] = [run for run in server.post("/flow_runs/filter", json={
        "flow_runs": {"name": {"like_": "ingest-killed.duckdb"}}}).json() if run["id"] != killed["id"]]
    assert later["id"] in killed["state"]["message"] and later["state_type"] == "COMPLETED"
    assert sorted(_loaded_files(warehouse)) == sorted(path.name for path in samples_dir.rglob("*") if path.is_file())
