"""The writer record beside the lock (wirehouse.stale_runs): who held the lock last."""

from wirehouse.stale_runs import holder_path, take_over


def test_take_over_returns_the_previous_writer_and_records_this_one(tmp_path):
    warehouse = tmp_path / "news.duckdb"
    assert take_over(warehouse, "run-a") is None  # no record yet
    assert take_over(warehouse, "run-b") == "run-a"
    assert take_over(warehouse, "run-b") is None  # a run never reports itself
    assert take_over(warehouse, None) == "run-b"  # a writer outside Prefect still takes the record over
    assert take_over(warehouse, "run-c") is None


def test_an_unreadable_record_counts_as_none(tmp_path):
    warehouse = tmp_path / "news.duckdb"
    holder_path(warehouse).write_text("{not json")
    assert take_over(warehouse, "run-a") is None
    holder_path(warehouse).write_text('["a list"]')
    assert take_over(warehouse, "run-b") is None
    assert take_over(warehouse, "run-c") == "run-b"
