"""Ingest benchmark: `wirehouse ingest` against bare spaCy, memory, re-runs, small loads into big warehouses, queries.

    python -m benchmarks.run [--sizes 2000,10000,100000] [--corpus DIR] [--work benchmarks/.work]
                             [--output benchmarks/results/ingest.json] [--new 100] [--repeats 3]
                             [--query-repeats 9] [--seed 7] [--trials 1] [--reuse] [--skip-bare]
    python -m benchmarks.run --table benchmarks/results/ingest.json     # the README's tables from a results JSON
    make bench BENCH_ARGS="--sizes 2000"

In one run, on the same files:

0. Warm-up: one untimed ingest of an empty folder, so that the first run's one-time costs (creating
   Prefect's database, cold file caches) are not charged to the first corpus.
1. Corpora: generated once into --work (sizes that are multiples of 1,000 are the first N/1,000
   sub-folders of one corpus of the largest; other sizes get their own), plus --new articles that
   start after the largest size. A marker file says what is there, so later runs reuse it.
2. For every size (and --corpus DIR, e.g. a held-out set of real news): `wirehouse ingest FOLDERS`
   into a fresh warehouse as a subprocess (wall time spawn to exit, peak RSS of its process tree,
   time per stage from `--summary-json`, the flow's own time from `etl_run`), then bare spaCy in a
   fresh process (`benchmarks.bare`: `spacy.load(model)` and `nlp.pipe(texts, n_process=P)`, the
   same model and process count as the ingest). The headline is ingest articles/s / bare articles/s;
   with --trials N, the median of N interleaved pairs' ratios.
3. No-op re-run: the same folders again into a copy of the 10,000-article warehouse (or the largest
   size below it), against `wirehouse ingest` of an empty folder (process and Prefect start-up);
   --repeats interleaved trials, the difference of the medians.
4. --new articles into an empty warehouse and into a copy of the largest one, --repeats times
   interleaved; the ratio of the medians.
5. Every `sql/analysis/*.sql` on the largest warehouse, read-only: one warm-up, --query-repeats timed.

Results (machine, commit, options, every measurement, each target with pass/fail) go to --output;
a summary table is printed at the end. --reuse keeps the warehouses (and their measurements) that
a previous run built in --work, so only the later steps run again. With PREFECT_API_URL set, every
ingest uses that Prefect server instead of starting a temporary one (the results say which).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

from wirehouse import offline  # noqa: F401  (before Prefect is imported, here and in every subprocess's env)

from benchmarks import corpora, report
from benchmarks.measure import log_tail, median, run_measured, trace_summary

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SIZES = (2000, 10000, 100000)


def _trial(ingest: dict, bare: dict) -> dict:
    """One ingest and bare pair's speeds, and their ratio."""
    return {"ingest_wall_seconds": ingest["wall_seconds"], "ingest_articles_per_second": ingest["articles_per_second"],
            "ingest_articles_per_second_flow": ingest["articles_per_second_flow"],
            "bare_articles_per_second": bare["articles_per_second"],
            "ratio": round(ingest["articles_per_second"] / bare["articles_per_second"], 3)}


class HarnessError(RuntimeError):
    """A step of the benchmark could not run; the message says which and where its output is."""


def parse_sizes(text: str) -> list[int]:
    """`2000,10000` -> [2000, 10000]; an empty string means no generated sizes (only --corpus)."""
    sizes = []
    for part in filter(None, (piece.strip().replace("_", "") for piece in text.split(","))):
        if not part.isdigit() or int(part) < 1:
            raise argparse.ArgumentTypeError(f"--sizes {text!r}: {part!r} is not a positive whole number")
        sizes.append(int(part))
    return sorted(set(sizes))


def nlp_processes_for(files: int, settings) -> int:
    """The worker processes `wirehouse ingest` uses for a run of `files` (see nlp_runner in flows/ingest.py)."""
    from flows.ingest import WORKER_MIN_FILES

    return settings.nlp_processes if settings.nlp_processes > 1 and files >= WORKER_MIN_FILES else 1


class Harness:
    def __init__(self, args: argparse.Namespace) -> None:
        from wirehouse.config import Settings

        self.args = args
        self.work: Path = args.work.resolve()
        self.logs = self.work / "logs"
        self.settings = Settings()
        self.wirehouse = Path(sys.executable).with_name("wirehouse")
        if not self.wirehouse.exists():
            raise HarnessError(f"{self.wirehouse}: the wirehouse command is not installed beside this Python; "
                               "run `make sync` (or `uv sync --frozen`) and start the harness with the project's environment")
        self.env = dict(os.environ)

    # ------------------------------------------------------------- one ingest, one bare run

    def ingest(self, label: str, folders: list[Path], warehouse: Path) -> dict:
        """`wirehouse ingest FOLDERS --warehouse W` as a subprocess, measured."""
        summary_path = self.logs / f"{label}.summary.json"
        summary_path.unlink(missing_ok=True)
        command = [str(self.wirehouse), "ingest", *map(str, folders), "--warehouse", str(warehouse),
                   "--summary-json", str(summary_path)]
        trace_path = self.logs / f"{label}.memory.jsonl"
        trace_path.unlink(missing_ok=True)
        env = dict(self.env, WIREHOUSE_MEMORY_TRACE=str(trace_path))
        print(f"  ingest {label}: {len(folders)} folder(s) into {warehouse}", flush=True)
        measured = run_measured(command, self.logs / f"{label}.log", env=env, cwd=ROOT)
        if measured.returncode != 0 or not summary_path.exists():
            raise HarnessError(f"wirehouse ingest for {label} exited {measured.returncode}; its output is in "
                               f"{measured.log}:\n{log_tail(measured.log)}")
        summary = json.loads(summary_path.read_text(encoding="utf-8"))
        flow_seconds = self._flow_seconds(warehouse, summary)
        files = summary["files_seen"]
        wall = measured.wall_seconds
        result = {key: summary[key] for key in ("files_seen", "loaded", "duplicate", "quarantined", "failed", "mentions")}
        result.update(measured.as_dict())
        result.update(
            flow_seconds=round(flow_seconds, 3), startup_seconds=round(wall - flow_seconds, 3),
            stage_seconds=summary["stage_seconds"], run_id=summary["run_id"],
            articles_per_second=round(files / wall, 3) if files else 0.0,
            articles_per_second_flow=round(files / flow_seconds, 3) if files and flow_seconds > 0 else 0.0,
            set_aside=len(summary["set_aside"]), working_copy=summary.get("working_copy"),
            memory_by_batch=trace_summary(trace_path),
        )
        print(f"    {files:,} files in {wall:.1f} s (flow {flow_seconds:.1f} s), peak RSS {measured.peak_tree_rss_mb:,.0f} MB",
              flush=True)
        return result

    @staticmethod
    def _flow_seconds(warehouse: Path, summary: dict) -> float:
        """The flow's own time: etl_run start to finish, plus the search index and publish steps that follow it."""
        from wirehouse.warehouse.connection import connect_reader

        with connect_reader(warehouse) as connection:
            row = connection.execute("select epoch(finished_at) - epoch(started_at) from etl_run where run_id = ?",
                                     [summary["run_id"]]).fetchone()
        if row is None or row[0] is None:
            raise HarnessError(f"{warehouse}: etl_run has no finished row for run {summary['run_id']}")
        stages = summary["stage_seconds"]
        return float(row[0]) + stages.get("search index", 0.0) + stages.get("publish", 0.0)

    def bare(self, label: str, folders: list[Path]) -> dict:
        """Bare spaCy over the files `wirehouse ingest` would see under `folders`, in a fresh process."""
        from wirehouse.articles.discover import discover_entries

        paths = [entry.path for entry in discover_entries(folders) if entry.problem is None]
        if not paths:
            raise HarnessError(f"no article files under {', '.join(map(str, folders))} for the bare baseline")
        processes = nlp_processes_for(len(paths), self.settings)
        paths_file, output = self.logs / f"{label}.bare-paths.txt", self.logs / f"{label}.bare.json"
        self.logs.mkdir(parents=True, exist_ok=True)
        paths_file.write_text("\n".join(map(str, paths)) + "\n", encoding="utf-8")
        output.unlink(missing_ok=True)
        command = [sys.executable, "-m", "benchmarks.bare", "--paths-file", str(paths_file), "--output", str(output),
                   "--model", self.settings.spacy_model, "--processes", str(processes),
                   "--batch-size", str(self.args.bare_batch_size)]
        print(f"  bare nlp.pipe {label}: {len(paths):,} files, n_process={processes}", flush=True)
        measured = run_measured(command, self.logs / f"{label}.bare.log", env=self.env, cwd=ROOT)
        if measured.returncode != 0 or not output.exists():
            raise HarnessError(f"the bare spaCy baseline for {label} exited {measured.returncode}; its output is in "
                               f"{measured.log}:\n{log_tail(measured.log)}")
        result = json.loads(output.read_text(encoding="utf-8"))
        result.update(measured.as_dict())
        print(f"    {result['articles']:,} docs in {result['seconds']:.1f} s ({result['articles_per_second']:.2f} articles/s)",
              flush=True)
        return result

    # ------------------------------------------------------------- steps

    def warm_up(self) -> dict:
        """One untimed `wirehouse ingest` of an empty folder before anything is measured. The first
        run on a machine creates Prefect's database (PREFECT_HOME) and reads the environment's files
        from disk: 19.5 s of start-up instead of 7.4 measured at 2,000 articles, charged to whichever
        corpus came first. Its own figures are kept in the results as `warm_up`."""
        empty = self.work / "warm-up" / "inbox"
        if empty.parent.exists():
            shutil.rmtree(empty.parent)
        empty.mkdir(parents=True)
        print("Warm-up: an empty-inbox ingest (Prefect's database, file caches), not measured", flush=True)
        return self.ingest("warm-up", [empty], empty.parent / "news.duckdb")

    def measure_corpus(self, label: str, key: str, kind: str, folders: list[Path], identity: dict) -> dict:
        """Ingest into a fresh warehouse and the bare baseline for one corpus; kept in --work for --reuse."""
        home = self.work / "warehouses" / key
        warehouse, stored = home / "news.duckdb", home / "measured.json"
        run = None
        if self.args.reuse and stored.exists() and warehouse.exists():
            run = json.loads(stored.read_text(encoding="utf-8"))
            if run.get("identity") != identity:
                run = None
        if run is None:
            if home.exists():
                shutil.rmtree(home)
            home.mkdir(parents=True)
            run = {"label": label, "kind": kind, "identity": identity, "folders": [str(f) for f in folders],
                   "measured_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                   "ingest": self.ingest(key, folders, warehouse), "bare": None}
        else:
            print(f"  {label}: reusing {warehouse} and its measurements of {run.get('measured_at', 'an earlier run')}",
                  flush=True)
            run["reused"] = True
        if run.get("bare") is None and not self.args.skip_bare:
            run["bare"] = self.bare(key, folders)
        if run.get("bare") and self.args.trials > 1 and len(run.get("trials") or []) < self.args.trials:
            run["trials"] = self._more_trials(key, folders, home, run["ingest"], run["bare"])
        stored.write_text(json.dumps({k: v for k, v in run.items() if k != "reused"}, indent=2) + "\n", encoding="utf-8")
        run["warehouse"] = str(warehouse)
        run["articles"] = identity.get("articles", run["ingest"]["files_seen"])
        bare, ingest = run.get("bare"), run["ingest"]
        if bare and bare.get("articles_per_second"):
            # Each pair ran back to back, so its ratio cancels the machine's slower drifts: the
            # headline is the median of the pairs' ratios; the ratio of the medians is kept beside it.
            trials = run.get("trials") or [_trial(ingest, bare)]
            ingest_rate = median([trial["ingest_articles_per_second"] for trial in trials])
            bare_rate = median([trial["bare_articles_per_second"] for trial in trials])
            run["ratio"] = round(median([trial["ratio"] for trial in trials]), 3)
            run["ratio_without_startup"] = round(median([
                trial["ingest_articles_per_second_flow"] / trial["bare_articles_per_second"] for trial in trials]), 3)
            if len(trials) > 1:
                run["median_articles_per_second"] = {"ingest": round(ingest_rate, 3), "bare": round(bare_rate, 3)}
                run["ratio_of_medians"] = round(ingest_rate / bare_rate, 3)
            ingest["words_per_second"] = round(bare["words"] / ingest["wall_seconds"], 1)
        return run

    def _more_trials(self, key: str, folders: list[Path], home: Path, ingest: dict, bare: dict) -> list[dict]:
        """--trials: further ingest and bare pairs, interleaved, each ingest into a fresh warehouse
        (removed after it); the first pair is the run's own. On a shared virtual machine bare spaCy
        alone measured 18.7 to 24.0 articles/s over three runs of the same 2,000 files."""
        trials = [_trial(ingest, bare)]
        for number in range(2, self.args.trials + 1):
            print(f"  trial {number} of {self.args.trials}", flush=True)
            folder = home / f"trial-{number}"
            if folder.exists():
                shutil.rmtree(folder)
            folder.mkdir()
            label = f"{key}-trial{number}"
            trials.append(_trial(self.ingest(label, folders, folder / "news.duckdb"), self.bare(label, folders)))
            shutil.rmtree(folder)
        return trials

    def _prepared(self, home: Path, built: Path | None) -> tuple[Path, float]:
        """A trial warehouse in `home` as one that has been running for a while: a copy of `built`
        (or a new empty one) that has been through two writer sessions, so it has the previous
        version and its journal for the timed run to bring forward instead of copying (publish.py).
        Returns the warehouse and the seconds of the first session, which copies the whole file:
        what the first run after a bulk load pays once."""
        from wirehouse.warehouse.publish import WorkingCopy, standby_is_current
        from wirehouse.warehouse.schema import apply_schema

        if home.exists():
            shutil.rmtree(home)
        home.mkdir(parents=True)
        warehouse = home / "news.duckdb"
        if built is not None:
            shutil.copyfile(built, warehouse)
        seconds = []
        for _ in range(2):
            began = time.perf_counter()
            working = WorkingCopy(warehouse)
            connection = working.open()
            apply_schema(connection)
            working.publish(connection)
            seconds.append(time.perf_counter() - began)
        if not standby_is_current(warehouse):
            raise HarnessError(f"{warehouse}: no journaled previous version after two writer sessions")
        return warehouse, round(seconds[0], 3)

    def noop(self, size: int, folders: list[Path], built: Path) -> dict:
        """The same folders again into a copy of a built warehouse, against an empty inbox into an empty one.

        --repeats interleaved trials: one start-up alone varies by seconds on a shared machine.
        """
        empty = self.work / "empty-inbox"
        empty.mkdir(parents=True, exist_ok=True)
        trials = []
        for trial in range(1, self.args.repeats + 1):
            startup_warehouse, _ = self._prepared(self.work / "noop" / "startup", None)
            startup = self.ingest(f"noop-startup-{trial}", [empty], startup_warehouse)
            copy, first = self._prepared(self.work / "noop" / "rerun", built)
            rerun = self.ingest(f"noop-rerun-{size}-{trial}", folders, copy)
            for warehouse in (startup_warehouse, copy):
                shutil.rmtree(warehouse.parent)
            trials.append({"startup": startup, "rerun": rerun, "copy_seconds": first})
        median_startup = median([t["startup"]["wall_seconds"] for t in trials])
        median_rerun = median([t["rerun"]["wall_seconds"] for t in trials])
        return {"size": size, "trials": trials, "median_startup_seconds": round(median_startup, 3),
                "median_rerun_seconds": round(median_rerun, 3), "difference_seconds": round(median_rerun - median_startup, 3)}

    def new_articles(self, folder: Path, count: int, into_size: int, built: Path) -> dict:
        """--new articles into an empty warehouse and into a copy of the largest, interleaved trials."""
        trials = []
        for trial in range(1, self.args.repeats + 1):
            empty, _ = self._prepared(self.work / "trials" / "empty", None)
            into_empty = self.ingest(f"new-{count}-empty-{trial}", [folder], empty)
            full, first = self._prepared(self.work / "trials" / "full", built)
            into_full = self.ingest(f"new-{count}-into-{into_size}-{trial}", [folder], full)
            for warehouse in (empty, full):
                shutil.rmtree(warehouse.parent)
            trials.append({"empty": into_empty, "full": into_full, "copy_seconds": first})
        median_empty = median([t["empty"]["wall_seconds"] for t in trials])
        median_full = median([t["full"]["wall_seconds"] for t in trials])
        return {"count": count, "into_size": into_size, "folder": str(folder), "trials": trials,
                "median_empty_seconds": round(median_empty, 3), "median_full_seconds": round(median_full, 3),
                "ratio": round(median_full / median_empty, 3) if median_empty else None,
                # Once after a bulk load, the working copy is a whole copy of the warehouse (not in the ratio).
                "median_copy_seconds": round(median([t["copy_seconds"] for t in trials]), 3)}

    def grow(self, folder: Path, count: int, into_size: int, built: Path) -> dict:
        """`count` new articles into a copy of the largest warehouse, once: peak RSS of a long run on a
        large warehouse, to compare with the same-length run into an empty one."""
        full, _ = self._prepared(self.work / "trials" / "grow", built)
        measured = self.ingest(f"grow-{count}-into-{into_size}", [folder], full)
        shutil.rmtree(full.parent)
        return {"count": count, "into_size": into_size, "folder": str(folder), "ingest": measured}

    def queries(self, size: int, warehouse: Path) -> dict:
        """Every sql/analysis file on the warehouse, read-only: one warm-up, then timed runs fetching all rows."""
        import duckdb

        from wirehouse.paths import sql_dir
        from wirehouse.warehouse.connection import connect_reader

        files: dict[str, dict] = {}
        print(f"  queries on {warehouse}", flush=True)
        with connect_reader(warehouse) as connection:
            for path in sorted((sql_dir() / "analysis").glob("*.sql")):
                sql = path.read_text(encoding="utf-8")
                try:
                    rows = len(connection.execute(sql).fetchall())
                    timings = []
                    for _ in range(self.args.query_repeats):
                        began = time.perf_counter()
                        connection.execute(sql).fetchall()
                        timings.append((time.perf_counter() - began) * 1000)
                except duckdb.Error as exc:
                    files[path.name] = {"error": f"{type(exc).__name__}: {exc}"}
                    continue
                files[path.name] = {"median_ms": round(statistics.median(timings), 2), "max_ms": round(max(timings), 2),
                                    "rows": rows}
        return {"size": size, "warehouse": str(warehouse), "repeats": self.args.query_repeats, "files": files}


def run(args: argparse.Namespace) -> dict:
    harness = Harness(args)
    settings = harness.settings
    started = datetime.now(timezone.utc)
    results: dict = {
        "measured_at": started.isoformat(timespec="seconds"),
        "machine": report.machine(settings.spacy_model, settings.nlp_processes),
        "git": report.git_state(ROOT),
        "options": {"sizes": args.sizes, "corpus": str(args.corpus) if args.corpus else None, "new": args.new,
                    "repeats": args.repeats, "trials": args.trials, "query_repeats": args.query_repeats, "seed": args.seed,
                    "reuse": args.reuse, "skip_bare": args.skip_bare, "grow": args.grow, "bare_batch_size": args.bare_batch_size,
                    "work": str(harness.work)},
        "settings": {"spacy_model": settings.spacy_model, "nlp_processes": settings.nlp_processes,
                     "batch_size": settings.batch_size},
        "prefect_api": (f"PREFECT_API_URL {os.environ['PREFECT_API_URL']}" if os.environ.get("PREFECT_API_URL")
                        else "temporary server per run"),
    }
    sizes = args.sizes
    print(f"Corpora in {harness.work}", flush=True)
    results["corpora"] = corpora.prepare(sizes, args.new, harness.work, args.seed)
    results["warm_up"] = harness.warm_up()
    runs = []
    for size in sizes:
        folders = corpora.folders_for(size, harness.work)
        print(f"{size:,} generated articles", flush=True)
        runs.append(harness.measure_corpus(f"{size:,} generated", f"size-{size}", "generated", folders,
                                           {"articles": size, "seed": args.seed}))
    if args.corpus:
        corpus = args.corpus.resolve()
        print(f"External corpus {corpus}", flush=True)
        runs.append(harness.measure_corpus(f"{corpus.name} (external)", f"corpus-{corpus.name}", "external", [corpus],
                                           {"path": str(corpus)}))
    results["runs"] = runs
    generated = {run["articles"]: run for run in runs if run["kind"] == "generated"}
    if generated:
        largest = max(generated)
        noop_size = report.reference_size(sorted(generated), report.RSS_SIZE)
        print(f"No-op re-run of {noop_size:,} articles", flush=True)
        results["noop"] = harness.noop(noop_size, corpora.folders_for(noop_size, harness.work),
                                       Path(generated[noop_size]["warehouse"]))
        if args.new:
            new_folder = corpora.new_articles_dir(harness.work, largest, args.new)
            print(f"{args.new} new articles into an empty and a {largest:,}-article warehouse", flush=True)
            results["new_articles"] = harness.new_articles(new_folder, args.new, largest, Path(generated[largest]["warehouse"]))
            # Also into the 10k warehouse: the near-duplicate stories' cost is judged there.
            also = [size for size in generated if size == report.RSS_SIZE and size != largest]
            results["new_articles_also"] = [
                harness.new_articles(new_folder, args.new, size, Path(generated[size]["warehouse"])) for size in also]
        if args.grow:
            grow_folder = corpora.new_articles_dir(harness.work, largest, args.grow)
            corpora.ensure_corpus(grow_folder, args.grow, args.seed, largest)
            print(f"{args.grow:,} new articles into a {largest:,}-article warehouse (memory of a long run on a large one)",
                  flush=True)
            results["grow"] = harness.grow(grow_folder, args.grow, largest, Path(generated[largest]["warehouse"]))
        results["queries"] = harness.queries(largest, Path(generated[largest]["warehouse"]))
    results["targets"] = report.evaluate_targets(results)
    results["seconds"] = round((datetime.now(timezone.utc) - started).total_seconds(), 1)
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    results["machine"]["load_average_at_end"] = [round(value, 2) for value in load] if load else None
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return results


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=parse_sizes, default=list(DEFAULT_SIZES),
                        help="generated corpus sizes, comma-separated (default 2000,10000,100000; '' for none)")
    parser.add_argument("--corpus", type=Path, help="also time this folder of article files (e.g. held-out real news)")
    parser.add_argument("--work", type=Path, default=ROOT / "benchmarks" / ".work",
                        help="corpora, warehouses and logs (default benchmarks/.work)")
    parser.add_argument("--output", type=Path, default=ROOT / "benchmarks" / "results" / "ingest.json",
                        help="results JSON (default benchmarks/results/ingest.json)")
    parser.add_argument("--new", type=int, default=100, help="new articles for the incremental trials (default 100; 0 skips)")
    parser.add_argument("--grow", type=int, default=0,
                        help="also ingest this many new articles into a copy of the largest warehouse (peak RSS of a "
                             "long run on a large warehouse; default 0, off)")
    parser.add_argument("--trials", type=int, default=1,
                        help="interleaved ingest and bare pairs per corpus; the ratio is the median of theirs (default 1)")
    parser.add_argument("--repeats", type=int, default=3, help="trials of the no-op and new-articles steps (default 3)")
    parser.add_argument("--query-repeats", type=int, default=9, help="timed runs of each sql/analysis query (default 9)")
    parser.add_argument("--seed", type=int, default=7, help="corpus seed (default 7)")
    parser.add_argument("--bare-batch-size", type=int, default=64, help="batch_size of the bare nlp.pipe (default 64)")
    parser.add_argument("--reuse", action="store_true",
                        help="reuse warehouses and measurements a previous run left in --work; rerun only the later steps")
    parser.add_argument("--skip-bare", action="store_true", help="do not run the bare spaCy baseline (no ratios)")
    parser.add_argument("--table", type=Path, metavar="FILE",
                        help="print the README's markdown tables from a results JSON and exit")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.table:
        try:
            print(report.markdown(json.loads(args.table.read_text(encoding="utf-8"))), end="")
        except OSError as exc:
            print(f"error: {args.table}: cannot read it ({exc.strerror or exc}); pass the --output file of a finished run",
                  file=sys.stderr)
            return 1
        except (ValueError, KeyError, TypeError) as exc:
            print(f"error: {args.table}: not a results JSON of benchmarks.run ({type(exc).__name__}: {exc}); "
                  "pass the --output file of a finished run", file=sys.stderr)
            return 1
        return 0
    problems = [name for name, value in (("--repeats", args.repeats), ("--trials", args.trials),
                                         ("--query-repeats", args.query_repeats),
                                         ("--bare-batch-size", args.bare_batch_size)) if value < 1]
    if problems or args.new < 0:
        parser().error(f"{', '.join(problems) or '--new'} must be positive (--new may be 0)")
    if args.corpus and not args.corpus.is_dir():
        parser().error(f"--corpus {args.corpus}: no such folder; pass a folder of article files")
    if not args.sizes and not args.corpus:
        parser().error("nothing to measure: give --sizes or --corpus")
    try:
        results = run(args)
    except HarnessError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print()
    print(report.markdown(results), end="")
    print(f"\nWrote {args.output} ({results['seconds']:.0f} s in all).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
