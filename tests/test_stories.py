"""Near-duplicate stories: shingles from real parsed articles, signatures, band keys, clusters.

No Prefect, no spaCy: every article is parsed by the real parser, every signature made by datasketch,
and the incremental index lives in a real DuckDB database, as the ingest will keep it.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from collections import Counter
from dataclasses import replace
from datetime import date
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest

from benchmarks.corpus.generate import compose_article
from benchmarks.corpus.near_dup import edited_copy
from wirehouse.articles.metadata import parse_article
from wirehouse.articles.model import ParsedArticle
from wirehouse.articles.read import file_text_from_bytes, read_article_file
from wirehouse.config import Settings
from wirehouse.paths import project_root
from wirehouse.stories.clusters import StoryAssignment, cluster_stories, representative_key, update_stories
from wirehouse.stories.params import StoryParams
from wirehouse.stories.shingles import (
    comparison_words, is_boilerplate_line, normalized_words, story_text, strip_boilerplate, word_shingles,
)
from wirehouse.stories.signatures import (
    StorySketch, band_keys, containment_from_jaccard, estimate_jaccard, signature_array, signature_values, similarity,
    sketch_articles, sketch_band_keys, sketch_words,
)

PARAMS = StoryParams()


def parse(text: str, name: str = "article") -> ParsedArticle:
    return parse_article(file_text_from_bytes(Path(f"{name}.txt"), text.encode("utf-8")))


def parse_file(path: Path) -> ParsedArticle:
    return parse_article(read_article_file(path, 5_000_000))


def stories_of(articles: list[ParsedArticle], params: StoryParams = PARAMS) -> dict[str, StoryAssignment]:
    return cluster_stories(sketch_articles(articles, params), params)


def paragraphs_of(article: ParsedArticle) -> list[str]:
    return [p for p in story_text(article).split("\n\n") if p.strip()]


# --- the text a story is compared on -------------------------------------------------------------------------

def test_only_the_body_is_compared(samples_dir):
    article = parse_file(samples_dir / "allnews_flood_convoy.txt")
    text = story_text(article)
    assert text.startswith("A convoy of 40 trucks carrying drinking water")
    assert text.endswith("the ministry said.")
    for left_out in ("All news", article.metadata.title, article.metadata.subtitle, "Ivan Sokolov/TASS",
                     "Rescuers unload supplies near Volgograd", "VOLGOGRAD, July 9. /TASS/."):
        assert left_out not in text
    words = comparison_words(article)
    assert words[:6] == ["a", "convoy", "of", "40", "trucks", "carrying"]
    assert all(word.isascii() and word == word.lower() and word.isalnum() for word in words)
    assert len(word_shingles(words, 6)) <= len(words) - 5


def test_photo_caption_credit_and_trailer_stay_out(samples_dir):
    article = parse_file(samples_dir / "reuters_photo_grain.txt")
    text = story_text(article)
    assert "Dock workers load grain" not in text and "REUTERS/Anna Petrenko" not in text
    assert article.metadata.title not in text
    assert text.startswith("Cargo ships loaded with grain")


def test_seed_bodies_leave_out_their_front_matter(seeds_dir):
    seed_003 = parse_file(next(seeds_dir.glob("003_*.txt")))
    text = story_text(seed_003)
    assert not text.startswith("All news") and seed_003.metadata.title not in text
    assert "Alexander Sherbak/TASS" not in text and "© " not in text
    assert not text.startswith("MOSCOW, May 3. /TASS/.")
    seed_002 = parse_file(next(seeds_dir.glob("002_*.txt")))
    assert "REUTERS/" not in story_text(seed_002) and "RTX39M8M" not in story_text(seed_002)
    assert seed_002.metadata.title not in story_text(seed_002)


def test_normalization_for_comparison():
    assert normalized_words("Russia’s 1,000 U.S.-led  “talks” in Zürich — São Paulo!") == [
        "russias", "1000", "u", "s", "led", "talks", "in", "zurich", "sao", "paulo"]
    # Straight and curly quotes, case and spacing make no difference.
    assert normalized_words('"We agree," he SAID.') == normalized_words("“We agree,”  he said")


def test_short_and_empty_bodies():
    assert word_shingles(["ships", "sail"], 6) == {"ships sail"}
    assert word_shingles([], 6) == set()
    brief, same_brief, other = (sketch_words(name, None, words, PARAMS) for name, words in
                                (("a", ["ships", "sail"]), ("b", ["ships", "sail"]), ("c", ["ships", "sail", "today"])))
    assert brief.shingle_count == 1
    assert similarity(brief, same_brief, PARAMS).score == 1.0
    assert similarity(brief, other, PARAMS).score < PARAMS.threshold
    empty = sketch_words("e", None, [], PARAMS)
    also_empty = sketch_words("f", None, [], PARAMS)
    assert not empty.comparable and sketch_band_keys(empty, PARAMS) == []
    assignments = cluster_stories([empty, also_empty, brief, same_brief, other], PARAMS)
    assert assignments["e"].story_id == "e" and assignments["f"].story_id == "f"
    assert assignments["b"].story_id == assignments["a"].story_id == "a"
    assert assignments["c"].story_id == "c"


def test_boilerplate_lines_are_dropped_and_story_lines_kept():
    for furniture in ("All news", "READ ALSO: Officials to meet again", "Follow us on Telegram for the latest news",
                      "(Corrects spelling of name in paragraph 3)", "Reporting by Ann Lee; Editing by Tom Ray",
                      "Correction: An earlier version of this story misstated the date.", "Tags: world, politics",
                      "© 2024 Global News Desk. All rights reserved."):
        assert is_boilerplate_line(furniture), furniture
    for story in ("Readers of the newspaper said the update came too late.", "Shares rose 3% on Monday.",
                  "Updates to the software will be released in May, the company said.",
                  "Corrections officers walked out over pay, the union said."):
        assert not is_boilerplate_line(story), story
    text = "The talks ended on Friday.\nFollow us on Telegram\nBoth sides will meet again."
    assert strip_boilerplate(text) == "The talks ended on Friday.\nBoth sides will meet again."


# --- real articles: copies join, different stories stay apart ----------------------------------------------------

def _edited_flood_copy(samples_dir: Path) -> str:
    raw = (samples_dir / "allnews_flood_convoy.txt").read_text(encoding="utf-8")
    title = "Flood relief convoy reaches Volgograd region - emergencies ministry"
    assert title in raw
    raw = raw.replace(title, "Trucks bring water and medicine to flooded Volgograd villages")
    paragraphs = raw.split("\n\n")
    cut = next(i for i, p in enumerate(paragraphs) if p.startswith("Orlov said temporary accommodation"))
    del paragraphs[cut]
    paragraphs.append("Correction: An earlier version of this story gave the wrong number of rescuers. "
                      "More than 300 are working in the area, not 200.")
    return "\n\n".join(paragraphs)


def test_copy_with_new_headline_trimmed_paragraph_and_correction_joins_its_original(samples_dir):
    original = parse_file(samples_dir / "allnews_flood_convoy.txt")
    copy = parse(_edited_flood_copy(samples_dir), "copy")
    assert copy.metadata.title != original.metadata.title and copy.article_id != original.article_id
    others = [parse_file(path) for path in sorted(samples_dir.rglob("*.txt")) if path.name != "allnews_flood_convoy.txt"]
    assignments = stories_of([original, copy, *others])
    assert assignments[copy.article_id].story_id == assignments[original.article_id].story_id
    assert 0.9 <= assignments[copy.article_id].containment <= 1.0
    assert assignments[copy.article_id].jaccard < assignments[copy.article_id].containment
    # The samples are all different stories: each is its own.
    assert len({assignments[a.article_id].story_id for a in others}) == len(others)
    assert all(assignments[a.article_id].story_id != assignments[original.article_id].story_id for a in others)


def test_seeds_stay_five_stories_and_002_003_apart(seeds_dir):
    seeds = [parse_file(path) for path in sorted(seeds_dir.glob("*.txt"))]
    assignments = stories_of(seeds)
    assert len({a.story_id for a in assignments.values()}) == len(seeds) == 5
    by_number = {Path(a.source_file).name[:3]: a for a in seeds}
    s002, s003 = (sketch_articles([by_number[n]], PARAMS)[0] for n in ("002", "003"))
    assert similarity(s002, s003, PARAMS).score < 0.1


def test_edited_seed_joins_its_original_and_not_its_neighbour(seeds_dir):
    path = next(seeds_dir.glob("002_*.txt"))
    original = parse_file(path)
    raw = original.full_text.replace(original.metadata.title, "Lavrov and UN envoy hold Syria talks in Moscow")
    paragraphs = raw.split("\n\n")
    copy_text = "\n\n".join(paragraphs[:-1] + ["This story has been corrected to fix the envoy's title."])
    copy = parse(copy_text, "seed_copy")
    seed_003 = parse_file(next(seeds_dir.glob("003_*.txt")))
    assignments = stories_of([original, copy, seed_003])
    assert assignments[copy.article_id].story_id == assignments[original.article_id].story_id
    assert assignments[seed_003.article_id].story_id != assignments[original.article_id].story_id


def test_trimmed_to_its_lead_is_found_through_the_lead_bands():
    article = parse(compose_article(8).text)  # twelve paragraphs; the copy keeps three
    paragraphs = paragraphs_of(article)
    assert len(paragraphs) >= 9
    copy = parse(article.full_text[:article.full_text.index(paragraphs[2])] + paragraphs[2] + "\n", "lead_only")
    first, second = sketch_articles([article, copy], PARAMS)
    alike = similarity(first, second, PARAMS)
    assert alike.jaccard < 0.45 and alike.containment >= 0.9
    assert set(sketch_band_keys(first, PARAMS)[PARAMS.bands:]) & set(sketch_band_keys(second, PARAMS)[PARAMS.bands:])
    assignments = cluster_stories([first, second], PARAMS)
    assert assignments[copy.article_id].story_id == assignments[article.article_id].story_id
    without_lead = replace(PARAMS, lead_words=0)
    alone = cluster_stories(sketch_articles([article, copy], without_lead), without_lead)
    assert alone[copy.article_id].story_id != alone[article.article_id].story_id  # what the lead bands are for


# --- representative and story id ---------------------------------------------------------------------------------

def test_representative_is_the_earliest_then_smallest_id_and_undated_last():
    words = "the central bank cut its key rate by half a point on friday citing slower inflation".split()
    sketches = [sketch_words(article_id, published, words, PARAMS) for article_id, published in
                (("d", None), ("c", date(2021, 5, 3)), ("b", date(2021, 5, 2)), ("a", date(2021, 5, 2)), ("0", None))]
    assignments = cluster_stories(sketches, PARAMS)
    assert {a.story_id for a in assignments.values()} == {"a"}
    assert assignments["a"].is_representative and assignments["a"].similarity == 1.0
    assert sorted(sketches, key=representative_key)[0].article_id == "a"
    assert [s.article_id for s in sorted(sketches, key=representative_key)] == ["a", "b", "c", "0", "d"]
    undated = cluster_stories([s for s in sketches if s.published_date is None], PARAMS)
    assert {a.story_id for a in undated.values()} == {"0"}


def test_an_earlier_copy_arriving_later_takes_over_the_story(samples_dir):
    original = parse_file(samples_dir / "tass_water_talks.txt")
    assert original.metadata.published_date == date(2023, 4, 12)
    earlier = parse(original.full_text.replace("date 2023-04-12", "date 2023-04-11"), "earlier")
    assert earlier.metadata.published_date == date(2023, 4, 11)
    first, second = sketch_articles([original, earlier], PARAMS)
    stored = cluster_stories([first], PARAMS)
    changed = update_stories([second], [first], {a: s.story_id for a, s in stored.items()}, PARAMS)
    assert {a.article_id: a.story_id for a in changed} == {earlier.article_id: earlier.article_id,
                                                           original.article_id: earlier.article_id}


# --- signatures and band keys in DuckDB and across processes -----------------------------------------------------

def test_signature_and_band_keys_round_trip_through_duckdb(samples_dir):
    article = parse_file(samples_dir / "ap_rail_strike.txt")
    sketch = sketch_articles([article], PARAMS)[0]
    assert len(sketch.signature) == PARAMS.permutations and len(sketch.lead_signature) == PARAMS.lead_permutations
    # Minima of a long story are small; a one-shingle brief's are spread over all 32 bits.
    brief = sketch_words("brief", None, ["ships", "sail"], PARAMS)
    assert max(brief.signature) > 2**31  # unsigned 32-bit values: a signed INTEGER column would not hold them
    keys = sketch_band_keys(sketch, PARAMS)
    assert len(keys) == PARAMS.bands + PARAMS.lead_bands and max(key for _, key in keys) > 2**63
    with duckdb.connect() as con:
        con.execute("create table story_signature (article_id varchar, signature uinteger[], shingle_count integer)")
        for stored_sketch in (sketch, brief):
            con.execute("insert into story_signature values (?, ?, ?)", [stored_sketch.article_id,
                        signature_values(stored_sketch.signature), stored_sketch.shingle_count])
        con.execute("create table story_band (band usmallint, band_key ubigint, article_id varchar)")
        frame = pd.DataFrame({"band": np.array([b for b, _ in keys], dtype=np.uint16),
                              "band_key": np.array([k for _, k in keys], dtype=np.uint64),
                              "article_id": sketch.article_id})
        con.register("band_rows", frame)
        con.execute("insert into story_band select * from band_rows")
        stored, count = con.execute("select signature, shingle_count from story_signature where article_id = ?",
                                    [sketch.article_id]).fetchone()
        stored_brief = con.execute("select signature from story_signature where article_id = 'brief'").fetchone()[0]
        assert con.execute("select typeof(signature) from story_signature").fetchone()[0] == "UINTEGER[]"
        hit = con.execute("select distinct article_id from story_band where band = ? and band_key = ?",
                          list(keys[-1])).fetchall()
        stored_keys = con.execute("select band, band_key from story_band order by band").fetchall()
    assert tuple(stored) == sketch.signature and count == sketch.shingle_count
    assert tuple(stored_brief) == brief.signature
    assert signature_array(stored).dtype == np.uint32 and tuple(signature_array(stored).tolist()) == sketch.signature
    assert estimate_jaccard(stored, sketch.signature) == 1.0
    assert hit == [(sketch.article_id,)] and stored_keys == keys
    with pytest.raises(ValueError, match="unsigned 32-bit"):
        signature_array([-1, 5])


_KEYS_SCRIPT = """
import json, sys
from wirehouse.stories.params import StoryParams
from wirehouse.stories.signatures import sketch_band_keys, sketch_words
words = "the ministers agreed on friday to resume talks on visa free travel next month in geneva".split()
sketch = sketch_words("x", None, words, StoryParams())
print(json.dumps([list(sketch.signature[:4]), sketch_band_keys(sketch, StoryParams())[:3]]))
"""


def test_band_keys_are_the_same_in_every_process():
    runs = []
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        output = subprocess.run([sys.executable, "-c", _KEYS_SCRIPT], env=env, cwd=project_root(), check=True,
                                capture_output=True, text=True).stdout
        runs.append(output)
    assert runs[0] == runs[1]
    words = "the ministers agreed on friday to resume talks on visa free travel next month in geneva".split()
    sketch = sketch_words("x", None, words, PARAMS)
    signature_head, keys = json.loads(runs[0])
    assert signature_head == list(sketch.signature[:4]) and [tuple(k) for k in keys] == sketch_band_keys(sketch, PARAMS)[:3]
    # Pinned: if these change (a datasketch upgrade, a new hash), the signatures and band keys already
    # stored in a warehouse were made differently and must be rebuilt.
    assert signature_head == [557622550, 99881016, 52131944, 4563999]
    assert keys[:2] == [[0, 4467966166644775972], [1, 14455605305060223931]]


def test_band_keys_follow_the_bands_and_lead_bands():
    signature = tuple(range(PARAMS.permutations))
    keys = band_keys(signature, 4)
    assert [band for band, _ in keys] == [0, 1, 2, 3] and len({key for _, key in keys}) == 4
    assert [band for band, _ in band_keys(signature[:16], 8, first_band=64)] == list(range(64, 72))
    with pytest.raises(ValueError):
        band_keys(signature, 3)
    changed = signature[:5] + (signature[5] + 1,) + signature[6:]
    assert band_keys(changed, 4)[1:] == keys[1:] and band_keys(changed, 4)[0] != keys[0]


def test_containment_from_jaccard():
    # A copy holding 60 of its original's 100 shingles: J = 0.6, containment 1.
    assert containment_from_jaccard(0.6, 100, 60) == pytest.approx(1.0)
    assert containment_from_jaccard(0.0, 100, 60) == 0.0
    assert containment_from_jaccard(1.0, 80, 80) == 1.0
    assert containment_from_jaccard(0.2, 100, 100) == pytest.approx(2 * 0.2 / 1.2)


# --- order independence ----------------------------------------------------------------------------------------

class DuckStoryIndex:
    """The persisted index an ingest keeps, in a real DuckDB database: members with sketches, and band keys."""

    def __init__(self, params: StoryParams, shared_keys: bool = False) -> None:
        self.params = params
        self.shared_keys = shared_keys  # pass the index's (new, stored) pairs, as the warehouse does
        self.con = duckdb.connect()
        self.con.execute("create table story_member (article_id varchar primary key, story_id varchar not null, "
                         "similarity double, published_date date, signature uinteger[], lead_signature uinteger[], "
                         "shingle_count integer)")
        self.con.execute("create table story_band (band usmallint, band_key ubigint, article_id varchar)")

    def add(self, sketches: list[StorySketch]) -> list[StoryAssignment]:
        keys = [(band, key, s.article_id) for s in sketches for band, key in sketch_band_keys(s, self.params)]
        frame = pd.DataFrame({"band": np.array([k[0] for k in keys], dtype=np.uint16),
                              "band_key": np.array([k[1] for k in keys], dtype=np.uint64),
                              "new_id": [k[2] for k in keys]})
        self.con.register("new_band_keys", frame)
        shared = self.con.execute("select distinct n.new_id, b.article_id from new_band_keys n "
                                  "join story_band b using (band, band_key)").fetchall() if self.shared_keys else None
        rows = self.con.execute("""
            select article_id, story_id, published_date, signature, lead_signature, shingle_count
            from story_member where story_id in (
                select m.story_id from new_band_keys n join story_band b using (band, band_key)
                join story_member m using (article_id))
        """).fetchall()
        self.con.unregister("new_band_keys")
        existing = [StorySketch(a, published, tuple(signature), count, tuple(lead))
                    for a, _, published, signature, lead, count in rows]
        changed = update_stories(sketches, existing, {row[0]: row[1] for row in rows}, self.params, shared)
        by_id = {s.article_id: s for s in sketches}
        for assignment in changed:
            if assignment.article_id in by_id:
                sketch = by_id[assignment.article_id]
                self.con.execute("insert into story_member values (?, ?, ?, ?, ?, ?, ?)",
                                 [sketch.article_id, assignment.story_id, assignment.similarity, sketch.published_date,
                                  signature_values(sketch.signature), signature_values(sketch.lead_signature),
                                  sketch.shingle_count])
            else:
                self.con.execute("update story_member set story_id = ?, similarity = ? where article_id = ?",
                                 [assignment.story_id, assignment.similarity, assignment.article_id])
        band_rows = pd.DataFrame({"band": np.array([k[0] for k in keys], dtype=np.uint16),
                                  "band_key": np.array([k[1] for k in keys], dtype=np.uint64),
                                  "article_id": [k[2] for k in keys]})
        self.con.register("band_rows", band_rows)
        self.con.execute("insert into story_band select * from band_rows")
        self.con.unregister("band_rows")
        return changed

    def stories(self) -> dict[str, tuple[str, float]]:
        return {a: (s, round(sim, 9)) for a, s, sim in
                self.con.execute("select article_id, story_id, similarity from story_member").fetchall()}


@pytest.fixture(scope="module")
def mixed_sketches(samples_dir) -> list[StorySketch]:
    """Real parsed articles with many stories of several copies each, dated and undated."""
    articles = [parse_file(path) for path in sorted(samples_dir.rglob("*.txt"))]
    originals = [compose_article(index) for index in range(8)]
    for number, generated in enumerate(originals):
        name = f"gen_{number}"
        original = parse(generated.text, name)
        articles.append(original)
        for edit in ("headline+trim_end", "trim_middle", "correction", "boilerplate_removed"):
            articles.append(parse(edited_copy(generated.text, edit, name, original), f"{name}~{edit}"))
    # One story in three pieces: its first and second halves share nothing, the whole joins them.
    whole = parse(compose_article(20).text, "whole")
    paragraphs = paragraphs_of(whole)
    half = len(paragraphs) // 2
    head = whole.full_text[:whole.full_text.index(paragraphs[0])]
    articles.append(parse(head + "\n\n".join(paragraphs[:half]), "first_half"))
    articles.append(parse(head + "\n\n".join(paragraphs[half:]), "second_half"))
    articles.append(whole)
    return sketch_articles(articles, PARAMS)


def _final(assignments: dict[str, StoryAssignment]) -> dict[str, tuple[str, float]]:
    return {a: (s.story_id, round(s.similarity, 9)) for a, s in assignments.items()}


@pytest.mark.parametrize("shared_keys", [False, True], ids=["keys recomputed", "keys from the index"])
def test_clusters_are_the_same_for_any_order_and_batch_split(mixed_sketches, shared_keys):
    expected = _final(cluster_stories(mixed_sketches, PARAMS))
    sizes = Counter(story for story, _ in expected.values())
    assert max(sizes.values()) >= 5 and len(expected) - len(sizes) >= 30  # real merging happens
    for trial in range(6):
        rng = random.Random(trial)
        order = list(mixed_sketches)
        rng.shuffle(order)
        assert _final(cluster_stories(order, PARAMS)) == expected
        index = DuckStoryIndex(PARAMS, shared_keys)
        position = 0
        while position < len(order):
            size = rng.choice((1, 2, 5, 13))
            index.add(order[position:position + size])
            position += size
        assert index.stories() == expected, f"trial {trial}"


def test_a_new_article_that_bridges_two_stories_merges_them(mixed_sketches):
    first, second, whole = mixed_sketches[-3:]
    assert similarity(first, second, PARAMS).score < PARAMS.threshold
    index = DuckStoryIndex(PARAMS)
    index.add([first])
    index.add([second])
    assert len({story for story, _ in index.stories().values()}) == 2
    changed = index.add([whole])
    final = index.stories()
    assert len({story for story, _ in final.values()}) == 1
    # The whole story and whichever half lost its story id are what changed.
    representative = min((first, second, whole), key=representative_key).article_id
    assert {a.article_id for a in changed} >= {whole.article_id}
    assert all(a.story_id == representative for a in changed)
    assert {a.article_id for a in changed} == {whole.article_id} | {s.article_id for s in (first, second)
                                                                     if s.article_id != representative}


# --- settings --------------------------------------------------------------------------------------------------

def test_story_settings_come_from_the_environment(monkeypatch):
    assert StoryParams.from_settings(Settings()) == StoryParams()
    monkeypatch.setenv("WIREHOUSE_STORY_THRESHOLD", "0.8")
    monkeypatch.setenv("WIREHOUSE_STORY_SHINGLE", "5")
    monkeypatch.setenv("WIREHOUSE_STORY_PERMUTATIONS", "128")
    monkeypatch.setenv("WIREHOUSE_STORY_BANDS", "32")
    monkeypatch.setenv("WIREHOUSE_STORY_MEASURE", "jaccard")
    monkeypatch.setenv("WIREHOUSE_STORY_STRIP_BOILERPLATE", "false")
    params = StoryParams.from_settings(Settings())
    assert (params.threshold, params.shingle_size, params.permutations, params.bands, params.rows, params.measure,
            params.strip_boilerplate) == (0.8, 5, 128, 32, 4, "jaccard", False)
    monkeypatch.setenv("WIREHOUSE_STORY_BANDS", "30")
    with pytest.raises(ValueError, match="multiple of the number of bands"):
        StoryParams.from_settings(Settings())
    monkeypatch.setenv("WIREHOUSE_STORY_THRESHOLD", "high")
    with pytest.raises(ValueError, match="WIREHOUSE_STORY_THRESHOLD"):
        Settings()


def test_signatures_from_other_settings_are_refused():
    sketch = sketch_words("x", None, "one two three four five six seven eight".split(), replace(PARAMS, permutations=128, bands=32))
    with pytest.raises(ValueError, match="must be rebuilt"):
        sketch_band_keys(sketch, PARAMS)


# --- the team's test set (benchmarks/corpus/near_dup.py) ---------------------------------------------------------

def test_edited_copies_are_deterministic_and_do_what_they_say():
    text = compose_article(21).text  # Reuters photo layout: caption, credit, title, body, trailer
    original = parse(text)
    assert original.metadata.title and original.metadata.captions
    copies = {edit: parse(edited_copy(text, edit, "gen21", original), edit) for edit in
              ("headline", "boilerplate_removed", "trim_end", "trim_middle", "correction", "caption_added")}
    assert edited_copy(text, "headline+trim_end", "gen21") == edited_copy(text, "headline+trim_end", "gen21", original)
    assert copies["headline"].metadata.title != original.metadata.title
    assert story_text(copies["headline"]) == story_text(original)
    assert not copies["boilerplate_removed"].metadata.captions and story_text(copies["boilerplate_removed"]) == \
        story_text(original)
    assert len(paragraphs_of(copies["trim_end"])) < len(paragraphs_of(original))
    assert len(paragraphs_of(copies["trim_middle"])) < len(paragraphs_of(original))
    assert paragraphs_of(copies["trim_middle"])[0] == paragraphs_of(original)[0]
    corrected = copies["correction"].full_text
    assert story_text(copies["correction"]) != story_text(original)
    assert any(marker in corrected for marker in ("orrect", "(Adds", "updated"))
    assert copies["caption_added"].full_text != original.full_text


def test_same_event_stories_share_the_event_not_the_sentences():
    from benchmarks.corpus.near_dup import same_event_stories

    first, second = same_event_stories(3)
    assert first.event == second.event and first.story != second.story
    a, b = parse(first.text, first.name), parse(second.text, second.name)
    assert a.metadata.published_date == b.metadata.published_date or None in (a.metadata.published_date,
                                                                             b.metadata.published_date)
    sentences = lambda article: {s.strip() for s in story_text(article).replace("\n", " ").split(". ") if len(s) > 30}
    assert not sentences(a) & sentences(b)
    alike = similarity(*sketch_articles([a, b], PARAMS), PARAMS)
    assert alike.score < 0.2


# --- matches looked up ahead of the load (while the batch is validated) ---------------------------------------

def _warehouse_stories(connection) -> tuple[dict, list]:
    members = {a: (s, round(sim, 9)) for a, s, sim in
               connection.execute("select article_id, story_id, similarity from article_story").fetchall()}
    bands = connection.execute("select band, band_key, article_id from story_band order by all").fetchall()
    return members, bands


def test_matches_looked_up_ahead_load_the_same_stories_and_skip_dropped_articles(mixed_sketches):
    """The flow looks a batch's matches up while the batch is validated; validation may then drop
    articles. Loading with those matches gives the tables a lookup at load time gives for what is left."""
    from wirehouse.warehouse.schema import apply_schema
    from wirehouse.warehouse.stories import find_story_matches, record_stories

    stored, batch = mixed_sketches[::2], mixed_sketches[1::2]
    dropped = {sketch.article_id for sketch in batch[::3]}
    kept = [sketch for sketch in batch if sketch.article_id not in dropped]
    results = []
    for ahead in (False, True):
        with duckdb.connect() as connection:
            apply_schema(connection)
            record_stories(connection, stored, PARAMS)
            if ahead:
                cursor = connection.cursor()  # as the flow's lookup task reads: a cursor of its own
                matches = find_story_matches(cursor, batch, PARAMS)
                cursor.close()
                assert {new for new, _ in matches.shared_keys} & dropped  # the dropped articles did match
                restricted = matches.restricted_to(kept)
                assert set(restricted.band_keys["article_id"]) == {s.article_id for s in kept}
                assert all(new not in dropped for new, _ in restricted.shared_keys)
                assert matches.restricted_to(batch) is matches
            connection.begin()
            record_stories(connection, kept, PARAMS, matches if ahead else None)
            connection.commit()
            results.append(_warehouse_stories(connection))
    without, with_ahead = results
    assert with_ahead == without
    members, bands = with_ahead
    assert not dropped & set(members) and not dropped & {article for _, _, article in bands}
    assert set(members) == {s.article_id for s in stored + kept}
    assert len(set(members)) - len({story for story, _ in members.values()}) >= 10  # copies did join stories
