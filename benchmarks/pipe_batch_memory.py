"""Peak memory and CPU of an NLP worker by `nlp.pipe` batch size.

    uv run python -m benchmarks.pipe_batch_memory [--articles 160] [--sizes 1,4,8,16] [--rounds 2]
                                                  [--output benchmarks/results/pipe_batch_memory.json]

Generates `--articles` corpus articles (seed 13) and parses them once. Then, for every batch size,
a fresh interpreter does what an ingest's NLP worker does (`workers._load_in_worker`, then
`analyze_articles` on chunks of `workers.CHUNK_SIZE` articles) and reports its resident size after
loading the model, its peak resident size (VmHWM) and the CPU seconds of the analysis. The
batch sizes run interleaved, `--rounds` times each, as one CPU-time reading varies by 10% here.
"""

from __future__ import annotations

import argparse
import json
import pickle
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from wirehouse import offline  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent


def _status_mb(field: str) -> float:
    """VmRSS (resident now) or VmHWM (peak) of this process. Not `ru_maxrss`: Linux carries that
    across fork and exec, so a child would report its parent's peak."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    raise RuntimeError(f"no {field} in /proc/self/status")


def measure_one(articles_file: Path, batch_size: int) -> dict:
    """In this (fresh) process: the worker's model load, then every chunk analysed; memory and CPU."""
    from wirehouse.config import Settings
    from wirehouse.nlp import workers
    from wirehouse.nlp.entities import analyze_articles

    articles, prominent = pickle.loads(articles_file.read_bytes())
    workers._load_in_worker(Settings().spacy_model, prominent)
    loaded = _status_mb("VmRSS")
    began = time.process_time()
    mentions = 0
    for start in range(0, len(articles), workers.CHUNK_SIZE):
        analyzed = analyze_articles(articles[start : start + workers.CHUNK_SIZE], workers._worker_nlp, batch_size=batch_size)
        mentions += sum(len(a.mentions) for a in analyzed)
    return {"batch_size": batch_size, "model_loaded_mb": round(loaded, 1),
            "peak_mb": round(_status_mb("VmHWM"), 1),
            "cpu_seconds": round(time.process_time() - began, 2), "mentions": mentions}


def prepare(count: int, scratch: Path) -> Path:
    from benchmarks.corpus.generate import generate_corpus
    from wirehouse.articles.discover import discover_entries
    from wirehouse.articles.gazetteer import prominent_names
    from wirehouse.config import Settings
    from wirehouse.stages import read_and_parse

    generate_corpus(count, scratch / "corpus", seed=13)
    settings = Settings()
    entries = discover_entries([scratch / "corpus"])
    articles = read_and_parse(entries, settings.max_file_bytes, {}, settings.max_nlp_chars).articles
    path = scratch / "articles.pickle"
    path.write_bytes(pickle.dumps((articles, prominent_names())))
    return path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=160)
    parser.add_argument("--sizes", default="1,4,8,16", help="nlp.pipe batch sizes, comma-separated")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--output", type=Path)
    parser.add_argument("--measure-one", nargs=2, metavar=("ARTICLES_FILE", "BATCH_SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure_one:
        print(json.dumps(measure_one(Path(args.measure_one[0]), int(args.measure_one[1]))))
        return
    sizes = [int(size) for size in args.sizes.split(",") if size]
    readings: dict[int, list[dict]] = {size: [] for size in sizes}
    with tempfile.TemporaryDirectory() as scratch:
        articles_file = prepare(args.articles, Path(scratch))
        for round_number in range(1, args.rounds + 1):
            for size in sizes:
                done = subprocess.run([sys.executable, "-m", "benchmarks.pipe_batch_memory", "--measure-one",
                                       str(articles_file), str(size)], cwd=ROOT, check=True, capture_output=True, text=True)
                reading = json.loads(done.stdout.strip().splitlines()[-1])
                readings[size].append(reading)
                print(f"round {round_number} batch size {size}: peak {reading['peak_mb']} MB "
                      f"(model {reading['model_loaded_mb']} MB), {reading['cpu_seconds']} CPU-s", flush=True)
    mentions = {reading["mentions"] for runs in readings.values() for reading in runs}
    if len(mentions) != 1:
        raise SystemExit(f"the batch sizes found different mentions ({sorted(mentions)}): results are not comparable")
    summary = [{"batch_size": size, "peak_above_model_mb": round(statistics.median(r["peak_mb"] - r["model_loaded_mb"] for r in runs), 1),
                "median_cpu_seconds": round(statistics.median(r["cpu_seconds"] for r in runs), 2), "readings": runs}
               for size, runs in readings.items()]
    from benchmarks.report import machine
    from wirehouse.config import Settings
    from wirehouse.nlp.workers import CHUNK_SIZE

    settings = Settings()
    result = {"measured_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "machine": machine(settings.spacy_model, 1),
              "articles": args.articles, "chunk_size_articles": CHUNK_SIZE, "mentions": mentions.pop(),
              "by_batch_size": summary}
    for row in summary:
        print(f"batch size {row['batch_size']:>3}: peak {row['peak_above_model_mb']:6.1f} MB above the model, "
              f"{row['median_cpu_seconds']:6.2f} CPU-s (median of {len(row['readings'])})")
    if args.output:
        args.output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
