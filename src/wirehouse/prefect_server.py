"""The temporary Prefect server of a run that names none, started before the flow's heavy imports.

Without PREFECT_API_URL, Prefect starts a temporary server on a run's first flow call
(`SubprocessASGIServer` in prefect.server.api.server): only after the flow modules are imported,
and it imports the server's own modules (FastAPI, SQLAlchemy: about 3.6 s and 55 MB) into the
calling process just to launch it. Started here with the same command, first thing, the server
boots on the other core while this process imports the flows, and the flow reaches it through
PREFECT_API_URL as it would a standing server. A URL in the environment or in the Prefect profile
is always used instead, and a profile that forbids temporary servers keeps Prefect's own error.

    server = TemporaryServer.start_unless_configured()   # before importing prefect
    ...                                                  # heavy imports
    with serving(server):                                # after: waits for /health, sets the URL
        run_the_flow()
"""

from __future__ import annotations

import atexit
import importlib.util
import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

# uvicorn's exit status when it cannot start: most often its port was taken first (retried elsewhere).
_STARTUP_FAILURE = 3
_PORT_ATTEMPTS = 3


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class TemporaryServer:
    """One `uvicorn prefect.server.api.server:create_app` subprocess on a free local port."""

    def __init__(self) -> None:
        self.port = _free_port()
        self.process: subprocess.Popen | None = self._spawn()
        atexit.register(self.stop)

    @classmethod
    def start_unless_configured(cls) -> "TemporaryServer | None":
        """A server starting now, or None when the environment, or Prefect if it is already loaded
        (a test harness, a host program), names one or forbids temporary ones."""
        if os.environ.get("PREFECT_API_URL"):
            return None
        if "prefect.context" in sys.modules:  # Prefect is loaded: asking its settings costs nothing
            from prefect.settings import PREFECT_API_URL, PREFECT_SERVER_EPHEMERAL_ENABLED

            if PREFECT_API_URL.value() or not PREFECT_SERVER_EPHEMERAL_ENABLED.value():
                return None
        return cls()

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def _spawn(self) -> subprocess.Popen:
        spec = importlib.util.find_spec("prefect")  # locates the package without importing it
        if spec is None or spec.origin is None:
            raise RuntimeError("Prefect is not installed in this environment; run `make sync`")
        app_dir = Path(spec.origin).parent.parent
        env = {**os.environ, "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"}
        return subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--app-dir", str(app_dir), "--factory",
             "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(self.port),
             "--log-level", "error", "--lifespan", "on"],
            env=env, stdin=subprocess.DEVNULL,
        )

    def wait_ready(self, timeout_seconds: float) -> None:
        """Block until the server answers /health; a taken port is retried on another one."""
        import httpx

        deadline, attempts = time.monotonic() + timeout_seconds, 1
        with httpx.Client(timeout=2.0) as client:
            while time.monotonic() < deadline:
                if self.process is None:
                    raise RuntimeError("the temporary Prefect server was stopped before it answered")
                status = self.process.poll()
                if status == _STARTUP_FAILURE and attempts < _PORT_ATTEMPTS:
                    attempts += 1
                    self.port = _free_port()
                    self.process = self._spawn()
                    continue
                if status is not None:
                    self.process = None
                    raise RuntimeError(f"the temporary Prefect server (port {self.port}) exited with status {status} "
                                       "before it answered; its messages are above. Set PREFECT_API_URL to use a "
                                       "standing server (`prefect server start`) instead")
                try:
                    if client.get(f"{self.api_url}/health").status_code == 200:
                        return
                except httpx.TransportError:
                    pass
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"the temporary Prefect server did not answer on port {self.port} within "
                           f"{timeout_seconds:.0f} s (PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS); raise it on "
                           "a slow machine, or set PREFECT_API_URL to a standing server")

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def serving(server: TemporaryServer | None) -> Iterator[None]:
    """Flow runs inside this block use `server` unless Prefect's settings name another.

    The server stops at interpreter exit. `wirehouse ingest` starts it before Prefect is imported,
    so that exit hook runs after Prefect's own, which send the run's last logs and events.
    """
    if server is None:
        yield
        return
    from prefect.settings import (
        PREFECT_API_URL,
        PREFECT_SERVER_EPHEMERAL_ENABLED,
        PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS,
        PREFECT_UI_URL,
        temporary_settings,
    )

    if PREFECT_API_URL.value() or not PREFECT_SERVER_EPHEMERAL_ENABLED.value():
        server.stop()  # the profile names a server, or forbids temporary ones: Prefect's own rules apply
        yield
        return
    server.wait_ready(float(PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS.value()))
    print(f"Temporary Prefect server for this run (gone when it ends); set PREFECT_API_URL to a standing one "
          "(`prefect server start`) to keep runs and logs in its UI", file=sys.stderr, flush=True)
    # An empty UI URL: Prefect prints no "View at <url>" link, which would point at this server once it is gone.
    with temporary_settings(updates={PREFECT_API_URL: server.api_url, PREFECT_UI_URL: ""}):
        yield
