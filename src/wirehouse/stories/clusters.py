"""Story clusters: every article in exactly one, the earliest copy its representative.

Two articles are linked when they share an LSH band key and their similarity (see `signatures`)
reaches the threshold; stories are the connected components of those links (union-find). Links
are decided pair by pair from the two sketches alone, so the clusters do not depend on the order
articles arrive in, or on how they are split into batches: `update_stories` on any sequence of
batches ends where `cluster_stories` on all of them at once does.

The representative is the earliest article: `published_date` ascending, unknown dates last, then
`article_id`. A story's id is its representative's `article_id`, so it changes when an earlier copy
arrives or two stories merge; `update_stories` returns every assignment that changed.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Iterable, Mapping, Sequence

from wirehouse.stories.params import StoryParams
from wirehouse.stories.signatures import StorySketch, similarity, sketch_band_keys


@dataclass(frozen=True)
class StoryAssignment:
    """Which story an article belongs to and how alike it is to the story's representative."""

    article_id: str
    story_id: str          # the representative's article_id
    similarity: float      # params.measure against the representative (1.0 for the representative)
    jaccard: float         # estimated Jaccard similarity to the representative
    containment: float     # estimated containment against the representative

    @property
    def is_representative(self) -> bool:
        return self.article_id == self.story_id


def representative_key(sketch: StorySketch) -> tuple[bool, date, str]:
    """Sort key of the earliest copy: dated before undated, older first, then article id."""
    return (sketch.published_date is None, sketch.published_date or date.min, sketch.article_id)


class _UnionFind:
    def __init__(self, items: Iterable[str]) -> None:
        self.parent = {item: item for item in items}

    def find(self, item: str) -> str:
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: str, b: str) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            # The smaller id becomes the root, so the structure itself is independent of call order.
            if root_b < root_a:
                root_a, root_b = root_b, root_a
            self.parent[root_b] = root_a

    def groups(self) -> list[list[str]]:
        members: dict[str, list[str]] = defaultdict(list)
        for item in self.parent:
            members[self.find(item)].append(item)
        return list(members.values())


def candidate_pairs(sketches: Sequence[StorySketch], params: StoryParams,
                    among: Sequence[StorySketch] = (),
                    shared_keys: Iterable[tuple[str, str]] | None = None) -> set[tuple[str, str]]:
    """Pairs (smaller id, larger id) that share a band key: within `sketches`, and between them and `among`.

    Pairs inside `among` alone are not produced (they were settled when those articles arrived).
    `shared_keys`, when given, are the (article of `sketches`, article of `among`) pairs that share
    a band key as the stored index has them: `among`'s band keys are then not computed again (the
    index holds them, made with the same params), so the work follows the new articles and the pairs
    they hit, not the size of the stories they hit.
    """
    buckets: dict[tuple[int, int], list[str]] = defaultdict(list)
    new_ids = {sketch.article_id for sketch in sketches}
    for sketch in [*sketches, *(among if shared_keys is None else ())]:
        for band_key in sketch_band_keys(sketch, params):
            buckets[band_key].append(sketch.article_id)
    pairs = set()
    for ids in buckets.values():
        if len(ids) < 2:
            continue
        fresh = [i for i in ids if i in new_ids]
        for i in fresh:
            for j in ids:
                if i != j and (j not in new_ids or i < j):
                    pairs.add((i, j) if i < j else (j, i))
    if shared_keys is not None:
        among_ids = {sketch.article_id for sketch in among}
        for i, j in shared_keys:
            if i in new_ids and j in among_ids and j not in new_ids:
                pairs.add((i, j) if i < j else (j, i))
    return pairs


def linked_pairs(sketches: Sequence[StorySketch], params: StoryParams,
                 among: Sequence[StorySketch] = (),
                 shared_keys: Iterable[tuple[str, str]] | None = None) -> list[tuple[str, str, float]]:
    """Candidate pairs whose similarity reaches the threshold, with that similarity, sorted."""
    by_id = {sketch.article_id: sketch for sketch in [*among, *sketches]}
    links = []
    for a, b in sorted(candidate_pairs(sketches, params, among, shared_keys)):
        score = similarity(by_id[a], by_id[b], params).score
        if score >= params.threshold:
            links.append((a, b, score))
    return links


def _assign(groups: list[list[str]], by_id: Mapping[str, StorySketch], params: StoryParams) -> dict[str, StoryAssignment]:
    assignments = {}
    for group in groups:
        representative = min((by_id[i] for i in group), key=representative_key)
        for article_id in group:
            alike = similarity(by_id[article_id], representative, params)
            if article_id == representative.article_id:
                assignments[article_id] = StoryAssignment(article_id, article_id, 1.0, 1.0, 1.0)
            else:
                assignments[article_id] = StoryAssignment(article_id, representative.article_id, alike.score,
                                                          alike.jaccard, alike.containment)
    return assignments


def _unique(sketches: Sequence[StorySketch]) -> dict[str, StorySketch]:
    by_id: dict[str, StorySketch] = {}
    for sketch in sketches:
        seen = by_id.setdefault(sketch.article_id, sketch)
        if seen != sketch:
            raise ValueError(f"article {sketch.article_id} was given twice with different sketches")
    return by_id


def cluster_stories(sketches: Sequence[StorySketch], params: StoryParams) -> dict[str, StoryAssignment]:
    """Every article's story, from scratch: article_id -> assignment."""
    by_id = _unique(sketches)
    forest = _UnionFind(by_id)
    for a, b, _ in linked_pairs(list(by_id.values()), params):
        forest.union(a, b)
    return _assign(forest.groups(), by_id, params)


def update_stories(new: Sequence[StorySketch], existing: Sequence[StorySketch], story_of: Mapping[str, str],
                   params: StoryParams, shared_keys: Iterable[tuple[str, str]] | None = None) -> list[StoryAssignment]:
    """The assignments an ingest must write after adding `new` articles: theirs, and every changed one.

    `existing` must hold every member of every stored story that shares a band key with a new
    article (not only the members that share the key: a merged story's other members get a new
    story id too), and `story_of` their current story ids. In SQL, with `new_band_keys` the new
    articles' (band, band_key):

        select m.* from story_member m where m.story_id in (
            select m2.story_id from new_band_keys n join story_band b using (band, band_key)
            join story_member m2 using (article_id))

    New articles already among `existing` are ignored (they were assigned when they arrived).
    `shared_keys`: the (new article, existing article) pairs that share a band key, from the same
    join, so the existing articles' band keys need not be computed again (see `candidate_pairs`).
    Returned in article_id order: every new article, and each existing article whose story id changed.
    """
    existing_by_id = _unique(existing)
    missing = [sketch.article_id for sketch in existing if sketch.article_id not in story_of]
    if missing:
        raise ValueError(f"no current story id for existing articles {', '.join(missing[:5])}")
    fresh = [sketch for sketch in _unique(new).values() if sketch.article_id not in existing_by_id]
    by_id = {**existing_by_id, **{sketch.article_id: sketch for sketch in fresh}}
    forest = _UnionFind(by_id)
    first_member: dict[str, str] = {}
    for article_id in sorted(existing_by_id):
        story = story_of[article_id]
        if story in first_member:
            forest.union(first_member[story], article_id)
        else:
            first_member[story] = article_id
    for a, b, _ in linked_pairs(fresh, params, among=list(existing_by_id.values()), shared_keys=shared_keys):
        forest.union(a, b)
    fresh_ids = {sketch.article_id for sketch in fresh}
    changed = []
    for article_id, assignment in sorted(_assign(forest.groups(), by_id, params).items()):
        if article_id in fresh_ids or story_of[article_id] != assignment.story_id:
            changed.append(assignment)
    return changed
