"""How a run cuts its files into batches."""

from flows.ingest import FIRST_BATCH, _chunks


def test_a_long_run_starts_with_a_small_batch_and_keeps_every_file_once():
    files = list(range(2000))
    batches = _chunks(files, 256)
    assert [len(batch) for batch in batches] == [FIRST_BATCH] + [256] * 7 + [2000 - FIRST_BATCH - 7 * 256]
    assert [file for batch in batches for file in batch] == files


def test_a_run_that_fits_one_batch_is_one_batch():
    assert _chunks(list(range(200)), 256) == [list(range(200))]
    assert _chunks([], 256) == []
    assert [len(batch) for batch in _chunks(list(range(12)), 5)] == [5, 5, 2]
