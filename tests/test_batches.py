"""How a run cuts its files into batches."""

from flows.ingest import _chunks
from wirehouse.batching import EDGE_BATCH, batch_sizes


def test_a_long_run_starts_small_and_ends_in_halving_batches_keeping_every_file_once():
    files = list(range(2000))
    batches = _chunks(files, 512)
    sizes = [len(batch) for batch in batches]
    assert sizes == [EDGE_BATCH, 512, 512, 464, 256, 128, 64, EDGE_BATCH]
    assert [file for batch in batches for file in batch] == files


def test_sizes_sum_to_the_files_and_never_exceed_the_batch_size():
    for total in (1, 31, 33, 300, 513, 600, 1025, 2000, 9999, 10_000):
        for size in (1, 5, 32, 100, 256, 512):
            sizes = batch_sizes(total, size)
            assert sum(sizes) == total and all(0 < s <= size for s in sizes), (total, size, sizes)
            if total > size:
                assert sizes[0] == min(size, EDGE_BATCH) and sizes[-1] <= min(size, EDGE_BATCH) * 2, (total, size, sizes)
    assert batch_sizes(10_000, 512) == [32] + [512] * 18 + [272, 256, 128, 64, 32]
    assert batch_sizes(600, 512) == [32, 344, 128, 64, 32]


def test_a_run_that_fits_one_batch_is_one_batch():
    assert _chunks(list(range(200)), 256) == [list(range(200))]
    assert _chunks([], 256) == []
    assert [len(batch) for batch in _chunks(list(range(12)), 5)] == [5, 5, 2]
