"""MinHash signatures of stories, their LSH band keys, and similarity estimates from them.

A signature is `permutations` unsigned 32-bit values (datasketch's "affine32" scheme with a fixed
seed, so the same shingles give the same values on every machine and run); store it as a DuckDB
`UINTEGER[]` column (`signature_values` / `signature_array` convert). With it goes the article's
shingle count, so containment can be estimated as well as Jaccard:

    |A∩B| = J (|A| + |B|) / (1 + J)        containment = |A∩B| / min(|A|, |B|)

A trimmed or appended copy has a moderate Jaccard similarity to its original but a containment
near 1.

LSH: the signature is cut into `bands` bands of `rows` values; each band hashes (blake2b, 64 bits,
never Python's salted `hash()`) to a key. Two articles are candidates when they share a key in the
same band, so finding the candidates of a new article is a join on (band, key) against a persisted
table, whatever the size of the warehouse:

    create table story_band (band usmallint, band_key ubigint, article_id varchar);
    select distinct b.article_id from new_band_keys n join story_band b using (band, band_key);

The chance that two articles with Jaccard J become candidates is 1 - (1 - J^rows)^bands. The
lead's signature (`lead_permutations` values over the first `lead_words` words) adds `lead_bands`
more bands, numbered after the body's, so a copy cut to its first paragraphs (containment 1,
Jaccard maybe 0.3) is still a candidate of its original. Both only find candidates; the decision
is always the full signatures' similarity.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from typing import Callable, Iterable, Sequence

import numpy as np

from wirehouse.articles.model import ParsedArticle
from wirehouse.stories.params import StoryParams
from wirehouse.stories.shingles import comparison_words, word_shingles

MINHASH_SEED = 1
# Pinned: stored signatures are only comparable with signatures made the same way.
MINHASH_SCHEME = "affine32"
_BAND_PERSON = b"wirehouse-band"


@dataclass(frozen=True)
class StorySketch:
    """What story matching keeps per article: enough to compare it without its text."""

    article_id: str
    published_date: date | None
    signature: tuple[int, ...]
    shingle_count: int
    lead_signature: tuple[int, ...] = ()  # signature of the lead's shingles, for its LSH bands only

    @property
    def comparable(self) -> bool:
        """An article with no body words has nothing to match on."""
        return self.shingle_count > 0


def _default_hash() -> Callable[[bytes], int]:
    """datasketch's SHA-1 hash, imported on first use (datasketch pulls in scipy: seconds of start-up)."""
    from datasketch.hashfunc import sha1_hash32

    return sha1_hash32


def signatures(shingle_sets: Sequence[set[str]], permutations: int,
               hashfunc: Callable[[bytes], int] | None = None) -> list[tuple[int, ...]]:
    """One signature per shingle set (datasketch, fixed seed and scheme, permutations shared).

    `hashfunc` is datasketch's SHA-1 (32 bits) of each shingle's UTF-8 bytes; a caller hashing many
    overlapping sets may pass a memoized copy of it (the values must stay the same).
    """
    from datasketch import MinHash

    hashfunc = hashfunc or _default_hash()
    encoded = [[shingle.encode("utf-8") for shingle in shingles] for shingles in shingle_sets]
    minhashes = MinHash.bulk(encoded, num_perm=permutations, seed=MINHASH_SEED, scheme=MINHASH_SCHEME,
                             hashfunc=hashfunc)
    return [tuple(int(value) for value in minhash.hashvalues) for minhash in minhashes]


def sketch_words(article_id: str, published_date: date | None, words: list[str], params: StoryParams,
                 hashfunc: Callable[[bytes], int] | None = None) -> StorySketch:
    """The sketch of one article from its comparison words (see `shingles.comparison_words`)."""
    return sketch_many([(article_id, published_date, words)], params, hashfunc)[0]


def sketch_many(items: Sequence[tuple[str, date | None, list[str]]], params: StoryParams,
                hashfunc: Callable[[bytes], int] | None = None) -> list[StorySketch]:
    """Sketches of (article_id, published_date, comparison words), in their order."""
    shingle_sets = [word_shingles(words, params.shingle_size) for _, _, words in items]
    bodies = signatures(shingle_sets, params.permutations, hashfunc)
    if params.lead_words:
        lead_sets = [word_shingles(words[:params.lead_words], params.shingle_size) for _, _, words in items]
        leads = signatures(lead_sets, params.lead_permutations, hashfunc)
    else:
        leads = [()] * len(items)
    return [StorySketch(article_id, published, body, len(shingles), lead)
            for (article_id, published, _), shingles, body, lead in zip(items, shingle_sets, bodies, leads)]


def sketch_articles(articles: Iterable[ParsedArticle], params: StoryParams) -> list[StorySketch]:
    """Sketches of parsed articles, in their order: what an ingest computes for each new batch."""
    return sketch_many([(article.article_id, article.metadata.published_date,
                         comparison_words(article, params.strip_boilerplate)) for article in articles], params)


def signature_values(signature: Sequence[int]) -> list[int]:
    """The signature as plain Python ints, for a DuckDB `UINTEGER[]` column."""
    return [int(value) for value in signature]


def signature_array(values: Sequence[int]) -> np.ndarray:
    """A stored signature back as the uint32 array datasketch makes (fails loudly on values out of range)."""
    array = np.asarray(list(values), dtype=np.int64)
    if array.size and (array.min() < 0 or array.max() > 0xFFFFFFFF):
        raise ValueError("a story signature holds unsigned 32-bit values")
    return array.astype(np.uint32)


def band_keys(signature: Sequence[int], bands: int, first_band: int = 0) -> list[tuple[int, int]]:
    """(band, key) for `bands` equal bands of `signature`: key = 64-bit blake2b of the band number and its values.

    Bands are numbered from `first_band` (the lead's bands follow the body's).
    """
    values = np.asarray(signature, dtype="<u4")
    if bands < 1 or values.size % bands:
        raise ValueError(f"a signature of {values.size} values cannot be cut into {bands} equal bands")
    rows = values.size // bands
    keys = []
    for number in range(bands):
        band = first_band + number
        data = band.to_bytes(2, "little") + values[number * rows:(number + 1) * rows].tobytes()
        keys.append((band, int.from_bytes(hashlib.blake2b(data, digest_size=8, person=_BAND_PERSON).digest(), "little")))
    return keys


def sketch_band_keys(sketch: StorySketch, params: StoryParams) -> list[tuple[int, int]]:
    """Every (band, key) to store for an article: its body's bands, then its lead's.

    None for an article with no shingles (it is never a candidate).
    """
    if not sketch.comparable:
        return []
    if len(sketch.signature) != params.permutations:
        raise ValueError(f"signature of {sketch.article_id} has {len(sketch.signature)} values, the settings "
                         f"expect {params.permutations} (signatures made with other settings must be rebuilt)")
    keys = band_keys(sketch.signature, params.bands)
    if params.lead_words:
        if len(sketch.lead_signature) != params.lead_permutations:
            raise ValueError(f"lead signature of {sketch.article_id} has {len(sketch.lead_signature)} values, the "
                             f"settings expect {params.lead_permutations}")
        keys += band_keys(sketch.lead_signature, params.lead_bands, first_band=params.bands)
    return keys


def estimate_jaccard(a: Sequence[int], b: Sequence[int]) -> float:
    """Share of signature positions that agree: MinHash's estimate of the shingle sets' Jaccard similarity."""
    first, second = np.asarray(a), np.asarray(b)
    if first.shape != second.shape:
        raise ValueError("signatures of different lengths cannot be compared")
    return float(np.count_nonzero(first == second)) / float(len(first))


def containment_from_jaccard(jaccard: float, count_a: int, count_b: int) -> float:
    """Estimated |A∩B| / min(|A|, |B|) from a Jaccard estimate and the two set sizes (at most 1)."""
    smaller = min(count_a, count_b)
    if smaller <= 0:
        return 0.0
    shared = jaccard * (count_a + count_b) / (1.0 + jaccard)
    return min(1.0, shared / smaller)


@dataclass(frozen=True)
class Similarity:
    jaccard: float
    containment: float
    score: float  # the measure that decides membership (params.measure)


def similarity(a: StorySketch, b: StorySketch, params: StoryParams) -> Similarity:
    """How alike two stories are, from their sketches alone."""
    if not (a.comparable and b.comparable):
        return Similarity(0.0, 0.0, 0.0)
    jaccard = estimate_jaccard(a.signature, b.signature)
    containment = containment_from_jaccard(jaccard, a.shingle_count, b.shingle_count)
    trusted = min(a.shingle_count, b.shingle_count) >= params.min_shingles and jaccard >= params.min_jaccard
    return Similarity(jaccard, containment, containment if params.measure == "containment" and trusted else jaccard)
