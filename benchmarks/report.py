"""The benchmark's targets, the machine it ran on, and the markdown tables made from a results JSON."""

from __future__ import annotations

import os
import platform
import subprocess
import importlib.util
from importlib import metadata
from pathlib import Path

import psutil

# The targets.
THROUGHPUT_RATIO = 0.9      # ingest articles/s (wall) >= 0.9 x bare nlp.pipe
PEAK_RSS_MB = 1536          # 1.5 GiB, the whole process tree, at 10,000 articles
RSS_GROWTH = 1.25           # "flat": peak at the largest size <= 1.25 x the peak at 10,000
NOOP_EXTRA_SECONDS = 3.0    # no-op re-run of a 10,000-article warehouse, beyond process and Prefect start-up
NEW_RATIO = 1.1             # 100 new articles into the largest warehouse <= 1.1 x into an empty one
QUERY_MEDIAN_MS = 100.0     # every sql/analysis query at the largest size
RSS_SIZE, QUERY_SIZE = 10_000, 100_000


def reference_size(sizes: list[int], wanted: int = RSS_SIZE) -> int | None:
    """`wanted` if it was measured, else the largest size below it, else the smallest size."""
    if not sizes:
        return None
    if wanted in sizes:
        return wanted
    below = [size for size in sizes if size < wanted]
    return max(below) if below else min(sizes)


def _target(name: str, label: str, at: str, measured: float | None, comparison: str, limit: float, unit: str,
            detail: str = "") -> dict:
    passed = None if measured is None else (measured >= limit if comparison == ">=" else measured <= limit)
    return {"name": name, "label": label, "at": at, "measured": None if measured is None else round(measured, 3),
            "comparison": comparison, "limit": limit, "unit": unit, "passed": passed, "detail": detail}


def _articles(count: int) -> str:
    return f"{count:,} articles"


def _throughput_detail(run: dict) -> str:
    medians, trials = run.get("median_articles_per_second"), run.get("trials") or []
    if medians and len(trials) > 1:
        ratios = ", ".join(f"{trial['ratio']:.2f}" for trial in trials)
        return (f"median of {len(trials)} interleaved trials' ratios ({ratios}); median speeds {medians['ingest']:.2f} "
                f"vs {medians['bare']:.2f} articles/s, their ratio {run['ratio_of_medians']:.2f}")
    return f"{run['ingest']['articles_per_second']:.2f} vs {run['bare']['articles_per_second']:.2f} articles/s"


def evaluate_targets(results: dict) -> list[dict]:
    """Every target the run measured, with its value and whether it passed (targets not measured are left out)."""
    targets = []
    for run in results["runs"]:
        if run.get("ratio") is not None:
            targets.append(_target(
                "throughput_ratio", "ingest articles/s (wall) / bare nlp.pipe articles/s", run["label"], run["ratio"],
                ">=", THROUGHPUT_RATIO, "x",
                _throughput_detail(run)))
    generated = {run["articles"]: run for run in results["runs"] if run["kind"] == "generated"}
    reference = reference_size(sorted(generated), RSS_SIZE)
    if reference is not None:
        ingest = generated[reference]["ingest"]
        peak = ingest["peak_rss_mb"]
        pss = f"summed PSS {ingest['peak_pss_mb']:,.0f} MB; " if ingest.get("peak_pss_mb") else ""
        targets.append(_target("peak_rss", "peak RSS of the ingest process tree (summed)", _articles(reference), peak,
                               "<=", PEAK_RSS_MB, "MB", pss + _roles(ingest)))
        largest = max(generated)
        if largest != reference:
            growth = generated[largest]["ingest"]["peak_rss_mb"] / peak if peak else None
            targets.append(_target(
                "rss_flat", f"peak RSS at {largest:,} / at {reference:,} articles", _articles(largest), growth,
                "<=", RSS_GROWTH, "x", f"{generated[largest]['ingest']['peak_rss_mb']:.0f} MB vs {peak:.0f} MB"
                + (" (the larger run was adopted: " + generated[largest]["ingest"]["note"] + ")"
                   if generated[largest]["ingest"].get("note") else "")))
        grow = results.get("grow")
        if grow and peak:
            grown = grow["ingest"]["peak_rss_mb"]
            targets.append(_target(
                "rss_flat", f"peak RSS, {grow['count']:,} new into {grow['into_size']:,} / {reference:,} into empty",
                _articles(grow["into_size"] + grow["count"]), grown / peak, "<=", RSS_GROWTH, "x",
                f"{grown:.0f} MB vs {peak:.0f} MB; {_roles(grow['ingest'])}"))
    noop = results.get("noop")
    if noop:
        targets.append(_target(
            "noop_rerun", "no-op re-run beyond process and Prefect start-up", _articles(noop["size"]),
            noop["difference_seconds"], "<=", NOOP_EXTRA_SECONDS, "s",
            f"median re-run {noop['median_rerun_seconds']:.1f} s, empty-inbox start-up {noop['median_startup_seconds']:.1f} s "
            f"over {len(noop['trials'])} trial(s)"))
    for number, new in enumerate([results.get("new_articles"), *results.get("new_articles_also", [])]):
        if not new:
            continue
        targets.append(_target(
            "new_articles_ratio" if number == 0 else f"new_articles_ratio_{new['into_size']}",
            f"{new['count']} new articles: into {new['into_size']:,} / into an empty warehouse",
            _articles(new["into_size"]), new["ratio"], "<=", NEW_RATIO, "x",
            f"median {new['median_full_seconds']:.1f} s vs {new['median_empty_seconds']:.1f} s over {len(new['trials'])} trial(s)"))
    queries = results.get("queries")
    if queries and queries["files"]:
        slowest_name, slowest = max(queries["files"].items(),
                                    key=lambda item: float("inf") if item[1].get("error") else item[1]["median_ms"])
        measured = None if slowest.get("error") else slowest["median_ms"]
        target = _target("query_median", "slowest sql/analysis median latency", _articles(queries["size"]), measured,
                         "<=", QUERY_MEDIAN_MS, "ms", f"slowest: {slowest_name}")
        if slowest.get("error"):
            target.update(passed=False, detail=f"{slowest_name} failed: {slowest['error']}")
        targets.append(target)
    return targets


def _roles(ingest: dict) -> str:
    return ", ".join(f"{role} x{info['count']} (max {info['peak_process_rss_mb']:.0f} MB)"
                     for role, info in ingest.get("processes", {}).items())


def machine(model: str, processes: int) -> dict:
    """What the numbers were measured on."""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name")), cpu)
    except OSError:
        pass

    def version(package: str) -> str | None:
        try:
            return metadata.version(package)
        except metadata.PackageNotFoundError:
            return None

    def bytecode_cached(module: str) -> bool | None:
        """Whether the installed module has a compiled .pyc beside it (`make sync` compiles them)."""
        try:
            spec = importlib.util.find_spec(module)
        except (ImportError, ValueError):
            return None
        if spec is None or not spec.origin or not spec.origin.endswith(".py"):
            return None
        return Path(importlib.util.cache_from_source(spec.origin)).exists()

    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    return {
        "platform": platform.platform(), "python": platform.python_version(), "cpu": cpu,
        "logical_cpus": os.cpu_count(), "memory_gb": round(psutil.virtual_memory().total / 1024**3, 1),
        "load_average_at_start": [round(value, 2) for value in load] if load else None,
        "versions": {name: version(name) for name in ("duckdb", "spacy", "prefect", "great-expectations")},
        "spacy_model": model, "spacy_model_version": version(model.replace("_", "-")),
        "nlp_processes": processes,
        "bytecode_precompiled": {name: bytecode_cached(name) for name in ("prefect", "great_expectations", "spacy")},
        "pythondontwritebytecode": bool(os.environ.get("PYTHONDONTWRITEBYTECODE")),
    }


def git_state(root: Path) -> dict:
    def git(*args: str) -> str | None:
        try:
            return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=True).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            return None

    status = git("status", "--porcelain")
    return {"commit": git("rev-parse", "HEAD"), "dirty": None if status is None else bool(status)}


# ------------------------------------------------------------------ markdown

def _table(header: list[str], align: list[str], rows: list[list[str]]) -> list[str]:
    def line(cells: list[str]) -> str:
        return "| " + " | ".join(str(cell).replace("|", "\\|").replace("\n", " ") for cell in cells) + " |"

    return [line(header), "|" + "|".join("---:" if a == "r" else "---" for a in align) + "|", *map(line, rows)]


_DIGITS = {"x": 2, "s": 1, "MB": 0, "ms": 1}


def _num(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value:,.{digits}f}"


def markdown(results: dict) -> str:
    """The README's tables: throughput, time per stage, targets, query latency."""
    m = results["machine"]
    git = results.get("git", {})
    commit = (git.get("commit") or "unknown")[:10] + (" (uncommitted changes)" if git.get("dirty") else "")
    lines = [
        f"Measured {results['measured_at']} on {m['cpu']} ({m['logical_cpus']} logical CPUs, {m['memory_gb']} GB), "
        f"Python {m['python']}, spaCy {m['versions']['spacy']} with {m['spacy_model']}, {m['nlp_processes']} NLP "
        f"processes, DuckDB {m['versions']['duckdb']}, Prefect {m['versions']['prefect']} "
        f"({results.get('prefect_api', 'temporary server per run')}); commit {commit}.",
        "",
    ]
    rows = []
    for run in results["runs"]:
        ingest, bare = run["ingest"], run.get("bare") or {}
        label = run["label"] + (f" (measured {run.get('measured_at', 'earlier')}, reused)" if run.get("reused") else "")
        medians = run.get("median_articles_per_second") or {}
        rows.append([label, f"{ingest['files_seen']:,}", _num(medians.get("ingest", ingest["articles_per_second"]), 2),
                     _num(medians.get("bare", bare.get("articles_per_second")), 2), _num(run.get("ratio"), 2),
                     _num(run.get("ratio_without_startup"), 2), _num(ingest["startup_seconds"]),
                     f"{ingest['peak_rss_mb']:,.0f} / {_num(ingest.get('peak_pss_mb'), 0)} / {ingest['peak_process_rss_mb']:,.0f}"])
    lines += _table(["corpus", "files", "ingest articles/s", "bare nlp.pipe articles/s", "ratio",
                     "ratio without start-up", "start-up s", "peak MB: tree RSS / tree PSS / largest process"],
                    ["l", "r", "r", "r", "r", "r", "r", "r"], rows)
    counts = sorted({len(run["trials"]) for run in results["runs"] if len(run.get("trials") or []) > 1})
    if counts:
        lines += ["", f"Articles/s are medians of {' or '.join(map(str, counts))} interleaved ingest and bare trials, the "
                      "ratios the median of the trials' own ratios (each is in the targets table); the other columns "
                      "are from the first trial."]
    stages = list(dict.fromkeys(stage for run in results["runs"] for stage in run["ingest"]["stage_seconds"]))
    if stages:
        lines += ["", "Seconds per stage (from the flow's summary), the flow in all, and start-up (process wall minus flow):", ""]
        lines += _table(["corpus", *stages, "flow", "start-up"], ["l", *"r" * (len(stages) + 2)],
                        [[run["label"], *(_num(run["ingest"]["stage_seconds"].get(stage)) for stage in stages),
                          _num(run["ingest"]["flow_seconds"]), _num(run["ingest"]["startup_seconds"])]
                         for run in results["runs"]])
    cpu_rows = []
    for run in results["runs"]:
        roles, bare_roles = run["ingest"].get("processes", {}), (run.get("bare") or {}).get("processes", {})
        if not any("cpu_seconds" in info for info in roles.values()):
            continue
        per_k = 1000 / max(1, run["ingest"]["files_seen"])
        cpu = lambda table, role: table.get(role, {}).get("cpu_seconds")  # noqa: E731
        total = sum(info.get("cpu_seconds", 0) for info in roles.values())
        bare_total = sum(info.get("cpu_seconds", 0) for info in bare_roles.values()) or None
        cpu_rows.append([run["label"], *(_num(None if v is None else v * per_k) for v in (
            cpu(roles, "main"), cpu(roles, "nlp worker"), cpu(roles, "prefect server"), total, bare_total))])
    if cpu_rows:
        lines += ["", "CPU seconds (user + system) per 1,000 articles, by process of the ingest's tree, against bare "
                  "`nlp.pipe` (all its processes); two cores give 2 CPU seconds per second:", ""]
        lines += _table(["corpus", "main", "NLP workers", "Prefect server", "ingest in all", "bare nlp.pipe"],
                        ["l", "r", "r", "r", "r", "r"], cpu_rows)
    if results.get("targets"):
        lines += [""]
        lines += _table(["target", "limit", "measured", "at", "result", "detail"], ["l", "r", "r", "l", "l", "l"], [
            [t["label"], f"{t['comparison']} {t['limit']:g} {t['unit']}",
             "–" if t["measured"] is None else f"{t['measured']:,.{_DIGITS.get(t['unit'], 2)}f} {t['unit']}", t["at"],
             {True: "pass", False: "**FAIL**", None: "not measured"}[t["passed"]], t["detail"]]
            for t in results["targets"]])
    queries = results.get("queries")
    if queries and queries["files"]:
        lines += ["", f"`sql/analysis` at {queries['size']:,} articles (median and max of {queries['repeats']} timed run(s) after one warm-up):", ""]
        lines += _table(["query", "median ms", "max ms", "rows"], ["l", "r", "r", "r"], [
            [f"`{name}`", "error", "", q["error"]] if q.get("error") else
            [f"`{name}`", _num(q["median_ms"]), _num(q["max_ms"]), f"{q['rows']:,}"]
            for name, q in queries["files"].items()])
    return "\n".join(lines) + "\n"
