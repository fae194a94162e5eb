"""Does the common-key cap (`StoryParams.max_key_stories`) lose copies in a big warehouse?

    uv run python benchmarks/story_cap_eval.py WAREHOUSE [--caps 20,1000000000] [--generated 120]

The story tables of WAREHOUSE (a benchmark warehouse: its articles come from the same generator as
the test set, so they share its stock sentences and its common band keys) are copied into memory.
Then the near-duplicate test set of `near_dup_eval.py` is recorded through the warehouse code
(`record_stories`): first every original, in batches, then each edited copy alone, as a copy that
arrives in a later run. Per cap:

  copy_recall      share of copies whose story is their original's
  candidates       mean (new, stored) pairs compared per copy (the cost that grew with the warehouse)
  seconds          time spent in record_stories for the copies

A cap of 1,000,000,000 is the behaviour before the cap (every holder of every key compared).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import duckdb
import numpy as np

from benchmarks.near_dup_eval import DEFAULT_SEEDS, build_test_set
from wirehouse.stories.params import StoryParams
from wirehouse.stories.signatures import sketch_articles
from wirehouse.warehouse import stories
from wirehouse.warehouse.schema import apply_schema


def background(warehouse: Path) -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect()
    apply_schema(connection)
    connection.execute(f"attach '{warehouse}' as source (read_only)")
    for table in ("article_story", "story_band"):
        connection.execute(f"insert into {table} select * from source.{table}")
    connection.execute("detach source")
    return connection


def run(warehouse: Path, cap: int, generated: int) -> dict:
    data = build_test_set(generated, 0, DEFAULT_SEEDS if DEFAULT_SEEDS.is_dir() else None)
    params = StoryParams(max_key_stories=cap)
    sketches = sketch_articles(data.articles, params)
    connection = background(warehouse)
    stored = connection.execute("select count(*) from article_story").fetchone()[0]
    originals = [sketches[i] for i in np.flatnonzero(data.original_of < 0)]
    for start in range(0, len(originals), 64):
        stories.record_stories(connection, originals[start:start + 64], params)
    counted, seconds = [], 0.0
    original_shared = stories._shared_keys
    def counting(conn, max_key_stories):  # how many pairs record_stories compares for each copy
        pairs = original_shared(conn, max_key_stories)
        counted.append(len(pairs))
        return pairs
    stories._shared_keys = counting
    try:
        for i in data.copies:
            began = time.perf_counter()
            stories.record_stories(connection, [sketches[i]], params)
            seconds += time.perf_counter() - began
    finally:
        stories._shared_keys = original_shared
    story_of = dict(connection.execute("select article_id, story_id from article_story").fetchall())
    joined = [story_of[sketches[i].article_id] == story_of[sketches[data.original_of[i]].article_id] for i in data.copies]
    return {"cap": cap, "background_articles": stored, "copies": len(joined), "copy_recall": round(float(np.mean(joined)), 4),
            "candidates_per_copy": round(float(np.mean(counted)), 1), "seconds": round(seconds, 2)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("warehouse", type=Path, help="a warehouse whose story tables are the background")
    parser.add_argument("--caps", default="20,1000000000", help="max_key_stories values, comma-separated")
    parser.add_argument("--generated", type=int, default=120, help="generated originals of the test set (default 120)")
    args = parser.parse_args(argv)
    for cap in (int(value) for value in args.caps.split(",")):
        print(run(args.warehouse, cap, args.generated), flush=True)


if __name__ == "__main__":
    main()
