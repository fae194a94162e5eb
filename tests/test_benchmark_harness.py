"""The benchmark harness (benchmarks/run.py): a real smoke run on tiny sizes, and its pure helpers.

The smoke run is the real thing at 30 articles: corpora generated, `wirehouse ingest` subprocesses
against the test Prefect server, bare spaCy in its own process, a no-op re-run, new articles into
an empty and a built warehouse, every sql/analysis query, targets and the results JSON.
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

import pytest

from benchmarks import corpora, report
from benchmarks.bare import read_texts
from benchmarks.measure import process_role, run_measured
from benchmarks.run import main, parse_sizes
from wirehouse.paths import sql_dir

TARGETS = {"throughput_ratio", "peak_rss", "rss_flat", "noop_rerun", "new_articles_ratio", "query_median"}


@pytest.fixture(scope="module")
def smoke(prefect_server, tmp_path_factory):
    """One harness run: 30 articles, 5 new, two throughput trials, one trial of the other steps, one timed run
    per query; (exit code, results, seconds)."""
    from prefect.settings import PREFECT_API_URL

    folder = tmp_path_factory.mktemp("bench")
    output = folder / "results" / "ingest.json"
    with pytest.MonkeyPatch.context() as patch:
        # The ingest subprocesses use the session's test server instead of starting one each.
        patch.setenv("PREFECT_API_URL", PREFECT_API_URL.value())
        began = time.perf_counter()
        code = main(["--sizes", "30", "--new", "5", "--grow", "6", "--trials", "2", "--repeats", "1", "--query-repeats", "1",
                     "--work", str(folder / "work"), "--output", str(output)])
        seconds = time.perf_counter() - began
    return code, json.loads(output.read_text()) if output.exists() else None, output, seconds


def test_smoke_run_ingests_the_corpus_and_times_bare_spacy_on_the_same_files(smoke):
    code, results, _, seconds = smoke
    assert code == 0 and results is not None
    [run] = results["runs"]
    assert (run["kind"], run["articles"]) == ("generated", 30)
    ingest, bare = run["ingest"], run["bare"]
    assert (ingest["files_seen"], ingest["loaded"], ingest["failed"], ingest["quarantined"]) == (30, 30, 0, 0)
    assert bare["articles"] == 30 and bare["words"] > 30 * 80
    assert bare["n_process"] == 1  # 30 files: the ingest analyses in its own process, so the baseline does too
    assert bare["model"] == results["settings"]["spacy_model"] and "ner" in bare["components"]
    assert ingest["articles_per_second"] > 0 and bare["articles_per_second"] > 0
    first, second = run["trials"]  # interleaved pairs; the first is the run's own ingest and bare
    assert first["ingest_articles_per_second"] == ingest["articles_per_second"]
    assert first["bare_articles_per_second"] == bare["articles_per_second"]
    assert second["ingest_articles_per_second"] > 0 and second["bare_articles_per_second"] > 0
    for trial in (first, second):
        assert trial["ratio"] == pytest.approx(trial["ingest_articles_per_second"] / trial["bare_articles_per_second"],
                                               rel=0.01)
    assert run["ratio"] == pytest.approx((first["ratio"] + second["ratio"]) / 2, rel=0.01)  # the median of two
    assert run["ratio_of_medians"] == pytest.approx(
        (first["ingest_articles_per_second"] + second["ingest_articles_per_second"])
        / (first["bare_articles_per_second"] + second["bare_articles_per_second"]), rel=0.01)
    assert "2 interleaved trials" in next(t for t in results["targets"] if t["name"] == "throughput_ratio")["detail"]
    assert not list((Path(run["warehouse"]).parent).glob("trial-*"))  # each trial's warehouse is removed
    assert results["warm_up"]["files_seen"] == 0  # the untimed empty-inbox run before the first corpus
    assert 0 < ingest["flow_seconds"] < ingest["wall_seconds"]
    assert ingest["startup_seconds"] == pytest.approx(ingest["wall_seconds"] - ingest["flow_seconds"], abs=0.01)
    assert {"read and parse", "entities", "validate", "load"} <= set(ingest["stage_seconds"])
    assert ingest["peak_rss_mb"] >= ingest["peak_process_rss_mb"] > 100
    assert 100 < ingest["peak_pss_mb"] <= ingest["peak_rss_mb"]
    assert ingest["processes"]["main"]["count"] == 1
    trace = ingest["memory_by_batch"]  # the main process's memory after every batch (WIREHOUSE_MEMORY_TRACE)
    assert trace["points"][-1]["files_done"] == ingest["files_seen"] and trace["batches"] >= 1
    assert 100 < trace["points"][-1]["rss_mb"] <= ingest["peak_process_rss_mb"] + 1
    if sys.platform == "linux":  # the ingest restarted itself on glibc's malloc: no pymalloc blocks
        assert all(point["python_blocks"] == 0 for point in trace["points"])
    print(f"smoke run: {seconds:.0f} s")


def test_smoke_no_op_rerun_loads_nothing_and_new_articles_load(smoke):
    _, results, _, _ = smoke
    noop = results["noop"]
    [noop_trial] = noop["trials"]
    assert noop["size"] == 30
    assert (noop_trial["rerun"]["files_seen"], noop_trial["rerun"]["loaded"], noop_trial["rerun"]["duplicate"]) == (30, 0, 30)
    assert noop_trial["startup"]["files_seen"] == 0
    assert noop["difference_seconds"] == pytest.approx(
        noop_trial["rerun"]["wall_seconds"] - noop_trial["startup"]["wall_seconds"], abs=0.01)
    new = results["new_articles"]
    [trial] = new["trials"]
    assert new["into_size"] == 30 and trial["empty"]["loaded"] == 5 and trial["full"]["loaded"] == 5
    assert new["ratio"] == pytest.approx(new["median_full_seconds"] / new["median_empty_seconds"], rel=0.01)
    grow = results["grow"]
    assert (grow["count"], grow["into_size"], grow["ingest"]["loaded"]) == (6, 30, 6)
    [flat] = [target for target in results["targets"] if target["name"] == "rss_flat"]
    assert flat["measured"] == pytest.approx(grow["ingest"]["peak_rss_mb"] / results["runs"][0]["ingest"]["peak_rss_mb"], rel=0.01)


def test_smoke_times_every_analysis_query(smoke):
    _, results, _, _ = smoke
    queries = results["queries"]
    assert set(queries["files"]) == {path.name for path in (sql_dir() / "analysis").glob("*.sql")}
    for name, timing in queries["files"].items():
        assert "error" not in timing, (name, timing)
        assert timing["max_ms"] >= timing["median_ms"] > 0 and timing["rows"] >= 0


def test_smoke_results_describe_machine_commit_and_targets(smoke):
    _, results, _, _ = smoke
    machine = results["machine"]
    assert machine["logical_cpus"] >= 1 and machine["memory_gb"] > 0 and machine["cpu"]
    assert machine["versions"]["duckdb"] == "1.5.5" and machine["spacy_model"] == results["settings"]["spacy_model"]
    assert re.fullmatch(r"[0-9a-f]{40}", results["git"]["commit"]) and isinstance(results["git"]["dirty"], bool)
    assert results["options"]["sizes"] == [30] and results["prefect_api"].startswith("PREFECT_API_URL")
    assert {target["name"] for target in results["targets"]} == TARGETS
    for target in results["targets"]:
        assert isinstance(target["passed"], bool) and isinstance(target["measured"], float), target
        assert target["passed"] == (target["measured"] >= target["limit"] if target["comparison"] == ">="
                                    else target["measured"] <= target["limit"])


def test_table_prints_the_readme_tables_from_the_results(smoke, capsys):
    _, results, output, _ = smoke
    capsys.readouterr()
    assert main(["--table", str(output)]) == 0
    table = capsys.readouterr().out
    assert table == report.markdown(results)
    assert "| 30 generated | 30 |" in table and "| target | limit | measured |" in table
    assert "`top_people.sql`" in table and results["machine"]["cpu"] in table


# ---------------------------------------------------------------- pure helpers, cheap


def test_sizes_parse_and_pick_folders(tmp_path):
    assert parse_sizes("100000,2000, 10_000,2000") == [2000, 10000, 100000]
    assert parse_sizes("") == []
    with pytest.raises(Exception, match="'x2' is not a positive whole number"):
        parse_sizes("2000,x2")
    assert corpora.shared_corpus_size([30, 2000, 10000]) == 10000 and corpora.shared_corpus_size([30]) == 0
    assert corpora.folders_for(2000, tmp_path) == [tmp_path / "corpus" / "0000", tmp_path / "corpus" / "0001"]
    assert corpora.folders_for(30, tmp_path) == [tmp_path / "corpus-30"]
    assert report.reference_size([2000, 10000, 100000]) == 10000
    assert report.reference_size([30, 2000]) == 2000 and report.reference_size([20000, 100000]) == 20000


def test_corpus_is_reused_extended_and_regenerated_by_its_marker(tmp_path):
    root = tmp_path / "corpus"
    marker, written = corpora.ensure_corpus(root, 3, seed=7)
    assert written and marker["articles"] == 3
    first = sorted(p.relative_to(root) for p in root.rglob("*.txt"))
    texts = {p: (root / p).read_bytes() for p in first}
    assert corpora.ensure_corpus(root, 2, seed=7) == (marker, False)  # a shorter corpus is a prefix: reused
    _, written = corpora.ensure_corpus(root, 5, seed=7)
    assert written and len(list(root.rglob("*.txt"))) == 5
    assert all((root / p).read_bytes() == text for p, text in texts.items())  # extended, not rewritten differently
    corpora.ensure_corpus(root, 3, seed=8)
    assert corpora.read_marker(root)["seed"] == 8 and len(list(root.rglob("*.txt"))) == 3


def test_new_articles_start_after_the_largest_size(tmp_path):
    done = corpora.prepare([3, 5], new=2, work=tmp_path, seed=7)
    assert set(done) == {str(tmp_path / name) for name in ("corpus-3", "corpus-5", "new-5-2")}
    indices = sorted(p.name.rsplit("_", 1)[1] for p in (tmp_path / "new-5-2").rglob("*.txt"))
    assert indices == ["000005.txt", "000006.txt"]  # after corpus-5's 0..4: no overlap
    assert corpora.prepare([3, 5], new=2, work=tmp_path, seed=7)[str(tmp_path / "corpus-3")]["status"] == "reused"


def test_bare_reads_text_as_utf8_and_counts_files_that_are_not(tmp_path):
    (tmp_path / "a.txt").write_text("Moscow – talks", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes("£5 million".encode("latin-1"))
    texts, replaced = read_texts([tmp_path / "a.txt", tmp_path / "b.txt"])
    assert texts[0] == "Moscow – talks" and texts[1] == "\ufffd5 million" and replaced == 1


def test_process_roles_name_main_server_forkserver_and_workers():
    infos = {1: (0, ["wirehouse", "ingest"]), 2: (1, ["python", "-m", "uvicorn", "prefect.server.api.server:create_app"]),
             3: (1, ["python", "-c", "from multiprocessing.forkserver import main; main(5)"]),
             4: (3, ["python", "-c", "from multiprocessing.forkserver import main; main(5)"]),
             5: (1, ["python", "-c", "from multiprocessing.resource_tracker import main;main(9)"]),
             6: (1, ["wirehouse", "ingest"])}
    roles = {pid: process_role(pid, ppid, cmd, 1, infos) for pid, (ppid, cmd) in infos.items()}
    assert roles == {1: "main", 2: "prefect server", 3: "multiprocessing forkserver", 4: "nlp worker",
                     5: "multiprocessing resource tracker", 6: "nlp worker"}


def test_run_measured_sees_the_memory_of_the_whole_tree(tmp_path):
    child = "import time; block = bytearray(150 * 1024 * 1024); time.sleep(1.0)"
    parent = (f"import subprocess, sys, time; block = bytearray(60 * 1024 * 1024); "
              f"subprocess.run([sys.executable, '-c', {child!r}])")
    measured = run_measured([sys.executable, "-c", parent], tmp_path / "log.txt", interval=0.1)
    assert measured.returncode == 0 and measured.wall_seconds >= 1.0
    assert measured.peak_process_rss_mb >= 150 and measured.peak_tree_rss_mb >= 210
    assert 210 <= measured.peak_tree_pss_mb <= measured.peak_tree_rss_mb
    assert measured.processes["main"]["count"] == 1 and sum(r["count"] for r in measured.processes.values()) == 2


def _results(ratio: float, query: dict) -> dict:
    ingest = {"files_seen": 2000, "articles_per_second": 18.0 * ratio, "articles_per_second_flow": 19.0, "wall_seconds": 100.0,
              "flow_seconds": 90.0, "startup_seconds": 10.0, "peak_rss_mb": 1200.0, "peak_pss_mb": 1000.0, "peak_process_rss_mb": 700.0,
              "stage_seconds": {"read and parse": 5.0, "entities": 80.0}, "processes": {"main": {"count": 1, "peak_process_rss_mb": 700.0}}}
    return {
        "measured_at": "2026-12-01T00:00:00+00:00", "git": {"commit": "a" * 40, "dirty": False}, "prefect_api": "temporary server per run",
        "machine": {"cpu": "Test CPU", "logical_cpus": 2, "memory_gb": 8.0, "python": "3.11.7", "spacy_model": "m", "nlp_processes": 2,
                    "versions": {"spacy": "3.8", "duckdb": "1.5.5", "prefect": "3.8"}},
        "runs": [{"label": "2,000 generated", "kind": "generated", "articles": 2000, "ingest": ingest,
                  "bare": {"articles_per_second": 18.0}, "ratio": ratio, "ratio_without_startup": 1.05}],
        "noop": {"size": 2000, "difference_seconds": 2.5, "median_rerun_seconds": 12.5, "median_startup_seconds": 10.0,
                 "trials": [{}]},
        "new_articles": {"count": 100, "into_size": 2000, "ratio": 1.3, "trials": [{}], "median_full_seconds": 13.0,
                         "median_empty_seconds": 10.0},
        "queries": {"size": 2000, "repeats": 9, "files": {"a.sql": {"median_ms": 4.0, "max_ms": 5.0, "rows": 3}, "b.sql": query}},
    }


def test_targets_pass_and_fail_on_their_limits_and_a_failed_query_fails_naming_it():
    results = _results(0.95, {"median_ms": 120.0, "max_ms": 130.0, "rows": 1})
    passed = {t["name"]: t["passed"] for t in report.evaluate_targets(results)}
    assert passed == {"throughput_ratio": True, "peak_rss": True, "noop_rerun": True, "new_articles_ratio": False,
                      "query_median": False}
    failing = _results(0.5, {"error": "BinderException: column x | y not found"})
    targets = {t["name"]: t for t in report.evaluate_targets(failing)}
    assert targets["throughput_ratio"]["passed"] is False
    assert targets["query_median"]["passed"] is False and "b.sql failed" in targets["query_median"]["detail"]


def test_markdown_tables_are_made_from_the_results():
    results = _results(0.95, {"error": "BinderException: column x | y not found"})
    results["targets"] = report.evaluate_targets(results)
    table = report.markdown(results)
    assert "Test CPU (2 logical CPUs, 8.0 GB)" in table and "commit aaaaaaaaaa." in table
    assert "| 2,000 generated | 2,000 | 17.10 | 18.00 | 0.95 | 1.05 | 10.0 | 1,200 / 1,000 / 700 |" in table
    assert "| 2,000 generated | 5.0 | 80.0 | 90.0 | 10.0 |" in table
    assert "| `b.sql` | error |  | BinderException: column x \\| y not found |" in table
    assert "**FAIL**" in table and "| pass |" in table
    for block in re.split(r"\n(?!\|)[^\n]*\n", table):  # every table: each row has as many cells as its header
        widths = {len(re.split(r"(?<!\\)\|", line)) for line in block.splitlines() if line.startswith("|")}
        assert len(widths) <= 1, block


def test_entity_keys_checkpoint_smoke_loads_the_same_rows_both_ways(tmp_path, capsys):
    from benchmarks import entity_keys_checkpoint

    output = tmp_path / "entity_keys.json"
    entity_keys_checkpoint.main(["--entities", "600", "--trials", "1", "--output", str(output)])
    results = json.loads(output.read_text(encoding="utf-8"))
    declared, kept = results["declared keys"]["trials"][0], results["kept by the loader"]["trials"][0]
    # 432 entities of which 200 are known, 625 new aliases: both ways keep each key once.
    assert (declared["entities_after"], declared["aliases_after"]) == (600 + 232, 900 + 625)
    assert (kept["entities_after"], kept["aliases_after"]) == (declared["entities_after"], declared["aliases_after"])
    assert "kept by the loader" in capsys.readouterr().out
