"""Band keys many stored articles hold (stock phrases) do not make every new article a candidate of all of them."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from wirehouse.stories.params import StoryParams
from wirehouse.stories.signatures import StorySketch
from wirehouse.warehouse import stories
from wirehouse.warehouse.schema import apply_schema

# Two bands of four values: articles that agree on the first band only have an estimated Jaccard of
# 0.5 and a containment of 0.67, under the 0.7 threshold: one stock band, different stories.
STOCK_BAND = (1, 2, 3, 4)


def params(max_key_stories: int) -> StoryParams:
    return StoryParams(permutations=8, bands=2, lead_words=0, max_key_stories=max_key_stories)


def sketch(article_id: str, second_band: tuple[int, ...], day: int = 1) -> StorySketch:
    return StorySketch(article_id, date(2026, 1, day), STOCK_BAND + second_band, 100)


@pytest.fixture
def warehouse():
    connection = duckdb.connect()
    apply_schema(connection)
    yield connection
    connection.close()


def store(connection, sketches: list[StorySketch], story_params: StoryParams) -> None:
    for one in sketches:  # one batch each, as separate runs would
        stories.record_stories(connection, [one], story_params)


def candidates(connection, new: StorySketch, story_params: StoryParams) -> set[tuple[str, str]]:
    """The (new, stored) pairs record_stories would compare for `new`."""
    frame = stories.band_key_frame([new], story_params)
    connection.register("incoming_story_band", frame)
    try:
        return set(stories._shared_keys(connection, story_params.max_key_stories))
    finally:
        connection.unregister("incoming_story_band")


def story_of(connection, article_id: str) -> str:
    return connection.execute("select story_id from article_story where article_id = ?", [article_id]).fetchone()[0]


def test_a_key_spanning_more_stories_than_the_cap_gives_no_candidates(warehouse):
    stored = [sketch(f"stock-{i}", (100 + 4 * i, 101 + 4 * i, 102 + 4 * i, 103 + 4 * i)) for i in range(5)]
    store(warehouse, stored, params(20))
    assert len({story_of(warehouse, s.article_id) for s in stored}) == 5  # the stock band alone links nothing
    new = sketch("new", (900, 901, 902, 903))
    assert candidates(warehouse, new, params(20)) == {("new", s.article_id) for s in stored}  # under the cap: all
    assert candidates(warehouse, new, params(4)) == set()  # 5 stories hold it: a stock key, no candidates


def test_a_story_with_more_copies_than_the_cap_still_takes_a_new_copy(warehouse):
    copies = [sketch(f"copy-{i}", (10, 11, 12, 13), day=1 + i) for i in range(5)]
    store(warehouse, copies, params(2))
    assert {story_of(warehouse, c.article_id) for c in copies} == {"copy-0"}
    new = sketch("late-copy", (10, 11, 12, 13), day=9)
    # Both keys are held by 5 articles, more than the cap, but of one story: compared with one holder.
    assert candidates(warehouse, new, params(2)) == {("late-copy", "copy-0")}
    stories.record_stories(warehouse, [new], params(2))
    assert story_of(warehouse, "late-copy") == "copy-0"


def test_the_cap_is_a_setting(monkeypatch):
    from wirehouse.config import Settings

    monkeypatch.setenv("WIREHOUSE_STORY_MAX_KEY_STORIES", "7")
    assert StoryParams.from_settings(Settings()).max_key_stories == 7
    with pytest.raises(ValueError, match="max key stories"):
        StoryParams(max_key_stories=0)
