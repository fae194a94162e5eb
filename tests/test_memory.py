"""The collector settings an ingest uses: paused while modules import, then everything alive frozen."""

import gc

import pytest

from wirehouse.memory import (
    FULL_COLLECTION_EVERY,
    long_lived_allocations,
    release_free_memory,
    settle_long_lived,
    thaw_long_lived,
)


@pytest.fixture
def restored_collector():
    """Each test leaves the collector as it found it (thresholds, enabled, nothing frozen by it)."""
    thresholds, enabled = gc.get_threshold(), gc.isenabled()
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)
    gc.enable() if enabled else gc.disable()


class Cycle:
    def __init__(self) -> None:
        self.me = self


def test_block_pauses_collection_then_freezes_what_is_alive(restored_collector):
    gc.enable()
    gc.unfreeze()
    with long_lived_allocations():
        assert not gc.isenabled()
        kept = [Cycle() for _ in range(100)]
    assert gc.isenabled()
    assert gc.get_freeze_count() > 100  # the block's survivors (and all else alive) left the generations
    assert not any(obj is kept[0] for obj in gc.get_objects())
    assert gc.get_threshold()[2] == FULL_COLLECTION_EVERY


def test_cycles_made_in_the_block_are_collected_at_its_end(restored_collector):
    gc.enable()
    with long_lived_allocations():
        for _ in range(50):
            Cycle()  # garbage at once, but only the collector can free a cycle
        assert any(type(obj) is Cycle for obj in gc.get_objects())
    assert not any(type(obj) is Cycle for obj in gc.get_objects())
    frozen = gc.get_freeze_count()
    gc.unfreeze()
    assert gc.get_freeze_count() == 0 < frozen


def test_collector_is_re_enabled_after_an_error_and_left_off_if_it_was(restored_collector):
    gc.enable()
    with pytest.raises(RuntimeError):
        with long_lived_allocations():
            raise RuntimeError("import failed")
    assert gc.isenabled()
    gc.disable()
    with long_lived_allocations():
        pass
    assert not gc.isenabled()


def test_cycles_made_after_settling_are_still_collected(restored_collector):
    settle_long_lived()
    for _ in range(20):
        Cycle()
    release_free_memory()
    assert not any(type(obj) is Cycle for obj in gc.get_objects())


def test_thawing_hands_frozen_cycles_back_and_restores_the_thresholds(restored_collector):
    gc.set_threshold(700, 10, 10)
    kept = [Cycle() for _ in range(10)]
    settle_long_lived()
    assert gc.get_threshold() == (700, 10, FULL_COLLECTION_EVERY)
    del kept  # the cycles are garbage now, but frozen: no collection finds them
    gc.collect()
    assert not any(type(obj) is Cycle for obj in gc.get_objects())  # frozen ones are not even listed
    thaw_long_lived()
    assert gc.get_freeze_count() == 0 and gc.get_threshold() == (700, 10, 10)
    assert any(type(obj) is Cycle for obj in gc.get_objects())  # back in the collector's generations ...
    gc.collect()
    assert not any(type(obj) is Cycle for obj in gc.get_objects())  # ... and collected
