"""Run a command as a subprocess and measure it: wall time from spawn to exit, and the memory of its process tree.

A thread polls the whole tree (the process and every descendant) with psutil every `interval`
seconds and keeps, per sample, each process's resident set size (RSS). The results are the peak of
the tree's summed RSS (what the machine must have free; pages shared between processes count once
per process, so it is an upper bound), the peak of the tree's summed proportional set size (PSS:
shared pages split between the processes that share them, so the sum does not double-count), the
peak of the largest single process, and per role (main, NLP worker, temporary Prefect server, ...)
how many processes there were and their peaks.
"""

from __future__ import annotations

import statistics
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

MB = 1024 * 1024


@dataclass
class Measured:
    """What one measured subprocess did."""

    command: list[str]
    returncode: int
    wall_seconds: float
    peak_tree_rss_mb: float
    peak_process_rss_mb: float
    peak_tree_pss_mb: float | None
    processes: dict[str, dict[str, float]] = field(default_factory=dict)
    log: Path | None = None

    def as_dict(self) -> dict:
        return {"wall_seconds": round(self.wall_seconds, 3), "peak_rss_mb": round(self.peak_tree_rss_mb, 1),
                "peak_process_rss_mb": round(self.peak_process_rss_mb, 1),
                "peak_pss_mb": None if self.peak_tree_pss_mb is None else round(self.peak_tree_pss_mb, 1),
                "processes": self.processes,
                "log": str(self.log) if self.log else None}


def process_role(pid: int, ppid: int, cmdline: list[str], root_pid: int, infos: dict[int, tuple[int, list[str]]]) -> str:
    """A readable name for one process of the tree, from its command line and its parent's.

    `infos` maps pid to (ppid, cmdline) for every process seen, so a forked child can be told from
    the process it was forked from (a fork keeps its parent's command line).
    """
    text = " ".join(cmdline)
    if pid == root_pid:
        return "main"
    if "uvicorn" in text or ("prefect" in text and "server" in text and "start" in text):
        return "prefect server"
    if "resource_tracker" in text:
        return "multiprocessing resource tracker"
    parent_cmdline = infos.get(ppid, (0, []))[1]
    if "forkserver" in text:
        return "nlp worker" if parent_cmdline == cmdline else "multiprocessing forkserver"
    if "spawn_main" in text or cmdline == infos.get(root_pid, (0, []))[1]:
        return "nlp worker"
    if "distributed" in text or "dask" in text:
        return "dask worker"
    return Path(cmdline[0]).name if cmdline else "unknown"


class _TreePoller(threading.Thread):
    def __init__(self, pid: int, interval: float) -> None:
        super().__init__(daemon=True)
        self.root_pid, self.interval = pid, interval
        self.stop = threading.Event()
        self.infos: dict[int, tuple[int, list[str]]] = {}
        self.samples: list[list[tuple[int, int]]] = []
        self.pss_samples: list[int] = []  # the tree's summed PSS per sample, where the system reports it
        self.cpu_seconds: dict[int, float] = {}  # last user + system CPU seen per process

    def run(self) -> None:
        try:
            root = psutil.Process(self.root_pid)
        except psutil.NoSuchProcess:
            return
        while True:
            self._sample(root)
            if self.stop.wait(self.interval):
                break

    def _sample(self, root: psutil.Process) -> None:
        try:
            tree = [root, *root.children(recursive=True)]
        except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
            return
        sample, pss = [], 0
        for process in tree:
            try:
                memory = process.memory_full_info()
                cpu = process.cpu_times()
                self.cpu_seconds[process.pid] = cpu.user + cpu.system
                if process.pid not in self.infos:
                    self.infos[process.pid] = (process.ppid(), process.cmdline())
            except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
                continue
            sample.append((process.pid, memory.rss))
            pss += getattr(memory, "pss", 0)
        if sample:
            self.samples.append(sample)
            self.pss_samples.append(pss)

    def summary(self) -> tuple[float, float, float | None, dict[str, dict[str, float]]]:
        roles = {pid: process_role(pid, ppid, cmdline, self.root_pid, self.infos)
                 for pid, (ppid, cmdline) in self.infos.items()}
        peak_tree = max((sum(rss for _, rss in sample) for sample in self.samples), default=0)
        peak_single = max((rss for sample in self.samples for _, rss in sample), default=0)
        per_role: dict[str, dict[str, float]] = {}
        for role in sorted(set(roles.values())):
            pids = {pid for pid, name in roles.items() if name == role}
            peak_one = max((rss for sample in self.samples for pid, rss in sample if pid in pids), default=0)
            peak_all = max((sum(rss for pid, rss in sample if pid in pids) for sample in self.samples), default=0)
            per_role[role] = {"count": len(pids), "peak_process_rss_mb": round(peak_one / MB, 1),
                              "peak_total_rss_mb": round(peak_all / MB, 1),
                              # up to the last sample (at most one interval short of each process's end)
                              "cpu_seconds": round(sum(self.cpu_seconds.get(pid, 0.0) for pid in pids), 1)}
        peak_pss = max(self.pss_samples, default=0)
        return peak_tree / MB, peak_single / MB, (peak_pss / MB if peak_pss else None), per_role


def run_measured(command: list[str], log: Path, env: dict[str, str] | None = None, cwd: Path | None = None,
                 interval: float = 0.2) -> Measured:
    """Run `command` with its output in `log`; wall time from spawn to exit, and the tree's peak RSS."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as output:
        began = time.perf_counter()
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                   env=env, cwd=cwd)
        poller = _TreePoller(process.pid, interval)
        poller.start()
        returncode = process.wait()
        wall = time.perf_counter() - began
        poller.stop.set()
        poller.join()
    peak_tree, peak_single, peak_pss, roles = poller.summary()
    return Measured(command, returncode, wall, peak_tree, peak_single, peak_pss, roles, log)


def log_tail(log: Path, lines: int = 15) -> str:
    """The last lines of a log, for error messages."""
    try:
        return "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no output)"


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


_TRACE_FIELDS = ("batch", "files_done", "rss_mb", "peak_rss_mb", "heap_in_use_mb", "heap_free_mb", "heap_mmapped_mb",
                 "python_blocks", "python_objects", "duckdb_mb", "threads")


def trace_summary(path: Path) -> dict | None:
    """An ingest's memory trace (WIREHOUSE_MEMORY_TRACE) in short: the main process's figures after
    the first batch, at each quarter of the run and after the last batch, and how fast its resident
    size grew from the first quarter on (MB per 1,000 articles; flat is about 0), then its resident
    size and peak so far after each step of the run's tail. None without a trace."""
    from wirehouse.memory_trace import read_trace

    lines = read_trace(path) if path.exists() else []
    tail = [line for line in read_trace(path, batches_only=False) if "stage" in line] if lines else []
    if not lines:
        return None
    count = len(lines)
    picks = sorted({0, count // 4, count // 2, 3 * count // 4, count - 1})
    quarter, last = lines[count // 4], lines[-1]
    span = last["files_done"] - quarter["files_done"]
    growth = (last["rss_mb"] - quarter["rss_mb"]) / span * 1000 if span > 0 else None
    return {"trace": str(path), "batches": count,
            "points": [{key: lines[i].get(key) for key in _TRACE_FIELDS} for i in picks],
            "rss_growth_mb_per_1000_articles": None if growth is None else round(growth, 2),
            "tail": [{key: line.get(key) for key in ("stage", "rss_mb", "peak_rss_mb")} for line in tail]}
