"""The knobs of story matching, in one value the other modules take (built from `Settings`)."""

from __future__ import annotations

from dataclasses import dataclass

MEASURES = ("containment", "jaccard")


@dataclass(frozen=True)
class StoryParams:
    """How stories are compared; defaults are the ones `benchmarks/near_dup_eval.py` chose (see there).

    shingle_size      words per shingle (k)
    permutations      MinHash permutations (signature length)
    bands             LSH bands; permutations / bands rows each. More bands find less similar pairs.
    threshold         a candidate pair is the same story when `measure` >= threshold
    measure           "containment" (shared shingles / the smaller article's) or "jaccard"
    min_shingles      containment counts only when both articles have at least this many shingles;
                      a shorter one must match by Jaccard (a two-sentence brief is not "contained" in
                      every long story that shares its stock phrases)
    min_jaccard       containment counts only when the estimated Jaccard similarity reaches this too:
                      estimated from Jaccard, containment is noisy when one article is many times the
                      other's size (a 30-shingle brief against a 600-shingle story can read 0.9 from
                      four chance agreements out of 128)
    strip_boilerplate drop site furniture and correction-note lines from the body before shingling
    lead_words        the lead is the body's first this many words; 0 turns lead bands off
    lead_permutations MinHash permutations of the lead's signature
    lead_bands        LSH bands of the lead's signature (lead_permutations / lead_bands rows each)
    max_key_stories   a stored band key held by more articles than this is a common one (stock
                      phrases, a beat's recurring sentences): a new article is compared with one
                      holder per story, and with none when the holders span more stories than this.
                      Without the cap the candidates of a new article grow with the warehouse (a
                      copy arriving in a 10,000-article benchmark warehouse: 32.5 candidates, 16.4
                      with the cap, the same copies found; benchmarks/story_cap_eval.py); keys held
                      by fewer articles are compared in full, as before
    """

    shingle_size: int = 6
    permutations: int = 256
    bands: int = 64
    threshold: float = 0.7
    measure: str = "containment"
    min_shingles: int = 20
    min_jaccard: float = 0.1
    strip_boilerplate: bool = True
    lead_words: int = 40
    lead_permutations: int = 16
    lead_bands: int = 8
    max_key_stories: int = 20

    def __post_init__(self) -> None:
        if self.shingle_size < 1:
            raise ValueError(f"story shingle size must be at least 1 word, not {self.shingle_size}")
        if self.permutations < 1 or self.bands < 1 or self.permutations % self.bands:
            raise ValueError(f"story permutations ({self.permutations}) must be a positive multiple of the "
                             f"number of bands ({self.bands}), so every band has the same number of rows")
        if self.lead_words < 0:
            raise ValueError(f"story lead words must be 0 (no lead bands) or more, not {self.lead_words}")
        if self.lead_words and (self.lead_permutations < 1 or self.lead_bands < 1
                                or self.lead_permutations % self.lead_bands):
            raise ValueError(f"story lead permutations ({self.lead_permutations}) must be a positive multiple of "
                             f"the number of lead bands ({self.lead_bands})")
        if self.max_key_stories < 1:
            raise ValueError(f"story max key stories must be at least 1, not {self.max_key_stories}")
        if not 0.0 < self.threshold <= 1.0:
            raise ValueError(f"story threshold must be in (0, 1], not {self.threshold}")
        if not 0.0 <= self.min_jaccard <= 1.0:
            raise ValueError(f"story minimum Jaccard must be in [0, 1], not {self.min_jaccard}")
        if self.measure not in MEASURES:
            raise ValueError(f"story measure must be one of {', '.join(MEASURES)}, not {self.measure!r}")

    @property
    def rows(self) -> int:
        return self.permutations // self.bands

    @property
    def lead_rows(self) -> int:
        return self.lead_permutations // self.lead_bands if self.lead_words else 0

    @classmethod
    def from_settings(cls, settings) -> "StoryParams":
        return cls(shingle_size=settings.story_shingle_size, permutations=settings.story_permutations,
                   bands=settings.story_bands, threshold=settings.story_threshold, measure=settings.story_measure,
                   min_shingles=settings.story_min_shingles, min_jaccard=settings.story_min_jaccard,
                   strip_boilerplate=settings.story_strip_boilerplate,
                   lead_words=settings.story_lead_words, lead_permutations=settings.story_lead_permutations,
                   lead_bands=settings.story_lead_bands, max_key_stories=settings.story_max_key_stories)
