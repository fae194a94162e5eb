"""What a run's new entities cost at real-news scale, with declared keys and with loader-kept keys.

    uv run python -m benchmarks.entity_keys_checkpoint [--entities 300000] [--trials 3]
                                                       [--output benchmarks/results/entity_keys_checkpoint.json]

The generated benchmark corpus names a few thousand entities, so its warehouses cannot show this;
a year of real news names hundreds of thousands. Two warehouses hold `--entities` entities and 1.5
aliases each, built over six checkpoints as runs would build them: one with the keys the DDL used
to declare (`primary key`, loaded with `insert or ignore`), one as `apply_schema` makes it now (no
declared key, loaded by `wirehouse.warehouse.load`: only keys the table lacks). Each trial copies
both, inserts a 100-article run's rows (432 entities, 200 of them known; 625 aliases) under the
writer's 96 MB buffer pool and checkpoints, as publishing does. DuckDB 1.5 rewrites a declared
key's index blocks at every checkpoint, so that cost grows with the table.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import duckdb
import pandas as pd

from wirehouse.warehouse.load import _insert
from wirehouse.warehouse.schema import apply_schema

ROOT = Path(__file__).resolve().parent.parent
KEYED_DDL = """
create table dim_entity (entity_key varchar primary key, canonical_name varchar not null, entity_type varchar not null,
    name_source varchar not null default 'observed', related_entity_key varchar, relation varchar, location_key varchar);
create table entity_alias (alias varchar not null, entity_key varchar not null, method varchar not null,
    primary key (alias, entity_key));
"""


def entity_key(number: int) -> str:
    return hashlib.sha256(f"e{number}".encode()).hexdigest()[:16]


def build(path: Path, keyed: bool, entities: int) -> None:
    connection = duckdb.connect(str(path))
    if keyed:
        connection.execute(KEYED_DDL)
    else:
        apply_schema(connection)
    step = max(1, entities // 6)
    for start in range(0, entities, step):
        end = min(entities, start + step)
        connection.execute(f"insert into dim_entity (entity_key, canonical_name, entity_type) select "
                           f"left(sha256('e' || i::varchar), 16), 'Name ' || i, 'PERSON' from range({start}, {end}) t(i)")
        connection.execute(f"insert into entity_alias select 'Alias ' || (i % {entities}) || '/' || (i // {entities}), "
                           f"left(sha256('e' || (i % {entities})::varchar), 16), 'exact' "
                           f"from range({start * 3 // 2}, {end * 3 // 2}) t(i)")
        connection.execute("checkpoint")
    connection.close()


def run_rows(entities: int) -> dict[str, pd.DataFrame]:
    """A 100-article run's dimension rows: 432 entities (the last 200 known), 625 aliases (all new)."""
    return {
        "dim_entity": pd.DataFrame({"entity_key": [entity_key(i) for i in range(entities - 200, entities + 232)],
                                    "canonical_name": "New Name", "entity_type": "PERSON", "name_source": "observed",
                                    "related_entity_key": None, "relation": None, "location_key": None}),
        "entity_alias": pd.DataFrame({"alias": [f"Alias {i}/new" for i in range(625)],
                                      "entity_key": [entity_key(i) for i in range(625)], "method": "exact"}),
    }


def trial(built: Path, work: Path, keyed: bool, rows: dict[str, pd.DataFrame]) -> dict:
    copy = work / "trial.duckdb"
    shutil.copyfile(built, copy)
    connection = duckdb.connect(str(copy), config={"memory_limit": "96MB"})
    started = time.perf_counter()
    connection.begin()
    for table, frame in rows.items():
        if keyed:
            connection.register(f"incoming_{table}", frame)
            connection.execute(f"insert or ignore into {table} by name select * from incoming_{table}")
        else:
            _insert(connection, table, frame)
    connection.commit()
    inserted = time.perf_counter() - started
    started = time.perf_counter()
    connection.execute("checkpoint")
    checkpoint = time.perf_counter() - started
    counts = connection.execute("select (select count(*) from dim_entity), (select count(*) from entity_alias)").fetchone()
    connection.close()
    copy.unlink()
    return {"insert_seconds": round(inserted, 4), "checkpoint_seconds": round(checkpoint, 4),
            "entities_after": counts[0], "aliases_after": counts[1]}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entities", type=int, default=300_000)
    parser.add_argument("--trials", type=int, default=3)
    parser.add_argument("--output", type=Path, default=ROOT / "benchmarks" / "results" / "entity_keys_checkpoint.json")
    args = parser.parse_args(argv)
    rows = run_rows(args.entities)
    results: dict[str, list[dict]] = {"declared keys": [], "kept by the loader": []}
    with tempfile.TemporaryDirectory(prefix="wirehouse-entity-keys-") as folder:
        work = Path(folder)
        built = {name: work / f"{index}.duckdb" for index, name in enumerate(results)}
        for name, path in built.items():
            build(path, name == "declared keys", args.entities)
        for _ in range(args.trials):  # interleaved
            for name in results:
                results[name].append(trial(built[name], work, name == "declared keys", rows))
    summary = {name: {"median_insert_seconds": statistics.median(t["insert_seconds"] for t in trials),
                      "median_checkpoint_seconds": statistics.median(t["checkpoint_seconds"] for t in trials),
                      "trials": trials} for name, trials in results.items()}
    first = next(iter(summary.values()))["trials"][0]
    if any(t["entities_after"] != first["entities_after"] or t["aliases_after"] != first["aliases_after"]
           for trials in results.values() for t in trials):
        raise SystemExit("the two ways loaded different rows: " + json.dumps(results))
    output = {"entities": args.entities, "aliases": args.entities * 3 // 2, "duckdb": duckdb.__version__, **summary}
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(output, indent=2) + "\n", encoding="utf-8")
    for name, result in summary.items():
        print(f"{name:20s} insert {result['median_insert_seconds']:.3f} s, checkpoint {result['median_checkpoint_seconds']:.3f} s "
              f"(medians of {args.trials}; {first['entities_after']:,} entities, {first['aliases_after']:,} aliases after)")
    print(f"Wrote {args.output}")


if __name__ == "__main__":
    main()
