"""The scoring rules of the real-data quality evaluation (benchmarks/quality.py), as pure functions.

Nothing here reads a warehouse or a file: each rule takes plain values, so the rules are tested on
hand-built inputs (tests/test_quality_eval.py) and the harness only gathers what they compare.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from unidecode import unidecode

# spaCy's entity labels as the CoNLL-2003 types they are judged as; labels not named here are not scored.
SPACY_TO_CONLL = {
    "PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
    "NORP": "MISC", "EVENT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC", "LANGUAGE": "MISC", "PRODUCT": "MISC",
}
# The judged types; MISC is scored the same way but reported apart, outside the combined figure.
JUDGED_TYPES = ("PER", "ORG", "LOC")
MISC = "MISC"
COMBINED = "PER+ORG+LOC"

ECONOMY = "economy, business and finance"
BBC_CATEGORY_TO_IPTC = {
    "business": ECONOMY,
    "entertainment": "arts, culture, entertainment and media",
    "politics": "politics",
    "sport": "sport",
    "tech": "science and technology",
}

# A CoNLL story's dateline line: `PLACE[, Region] YYYY-MM-DD`, looked for among a story's first lines
# (headline, blank line, sometimes a byline, then the dateline).
DATELINE_LINE = re.compile(r"^(?P<place>[A-Z][^\n]*?) (?P<date>\d{4}-\d{2}-\d{2})\s*$")
DATELINE_SEARCH_LINES = 6


def share(part: int, whole: int) -> float | None:
    """part / whole, or None when there is nothing to divide by (reported as n/a, never as 0)."""
    return part / whole if whole else None


def conll_dateline(text: str) -> tuple[str, date] | None:
    """The place and date of a story's own dateline line, or None when its first lines have none
    (or the date there is not a calendar date)."""
    for line in text.splitlines()[:DATELINE_SEARCH_LINES]:
        found = DATELINE_LINE.match(line)
        if found:
            try:
                return found["place"].strip(), date.fromisoformat(found["date"])
            except ValueError:
                return None
    return None


def normalize_place(place: str) -> str:
    """A place name compared loosely: ASCII (unidecode), whitespace collapsed, case folded."""
    return " ".join(unidecode(place).split()).casefold()


def place_matches(stored: str | None, gold: str) -> bool:
    """Whether the stored dateline place is the gold one: equal to the whole gold place, or to its
    part before the first comma (gold `CHICAGO, Ill.` is right as `Chicago`)."""
    if stored is None:
        return False
    wanted = normalize_place(stored)
    return wanted in (normalize_place(gold), normalize_place(gold.split(",", 1)[0]))


def normalize_title(title: str) -> str:
    return " ".join(title.split()).casefold()


def same_title(stored: str | None, gold: str) -> bool:
    """Case-insensitive equality once runs of whitespace are collapsed to one space."""
    return stored is not None and normalize_title(stored) == normalize_title(gold)


def within_one_day(got: date | None, expected: date) -> bool:
    """A stored date counts as right when it is at most one day from the gold date (the wire's
    timestamp differs from the dateline's day by one in a few stories)."""
    return got is not None and abs((got - expected).days) <= 1


def conll_type(spacy_label: str) -> str | None:
    return SPACY_TO_CONLL.get(spacy_label)


@dataclass(frozen=True)
class SpanScore:
    """Strict counts of one entity type: a prediction is correct only with the gold start, end and type."""

    gold: int
    predicted: int
    correct: int

    @property
    def precision(self) -> float | None:
        return share(self.correct, self.predicted)

    @property
    def recall(self) -> float | None:
        return share(self.correct, self.gold)

    @property
    def f1(self) -> float | None:
        precision, recall = self.precision, self.recall
        if precision is None or recall is None:
            return None
        return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


Span = tuple[int, int, str]  # start, end (exclusive), type


def strict_span_scores(gold: Iterable[tuple[str, Span]], predicted: Iterable[tuple[str, Span]]) -> dict[str, SpanScore]:
    """Strict span-and-type scores per type (PER, ORG, LOC, MISC) and combined over PER, ORG and LOC.

    Spans are given with the document they belong to, so one set of counts covers every story;
    a span repeated within a document counts once.
    """
    gold_set, predicted_set = set(gold), set(predicted)
    correct = gold_set & predicted_set
    scores = {}
    for kind in (*JUDGED_TYPES, MISC):
        scores[kind] = SpanScore(*(sum(1 for _, span in spans if span[2] == kind)
                                   for spans in (gold_set, predicted_set, correct)))
    scores[COMBINED] = SpanScore(*(sum(1 for _, span in spans if span[2] in JUDGED_TYPES)
                                   for spans in (gold_set, predicted_set, correct)))
    return scores


class OffsetMap:
    """Character offsets of a normalized text carried back to the original text it came from.

    The warehouse's full_text is the file's text decoded, mojibake-repaired, NFC, with LF line ends
    and trailing blanks removed, so its offsets can drift from the file's. The two are aligned
    with difflib: inside matching (or equal-length replaced) runs every character maps to its
    counterpart; a span that starts or ends inside an unequal replacement is widened to the whole
    replaced run. A start maps to where its character is, an end to just past the previous one,
    so characters the normalization removed (a CR, trailing blanks) never join a mapped span.
    """

    def __init__(self, normalized: str, original: str) -> None:
        self.identical = normalized == original
        self.shifts = False  # whether any offset changes (not so when only trailing characters differ)
        if self.identical:
            return
        size = len(normalized)
        starts: list[int] = [len(original)] * (size + 1)
        ends: list[int] = [0] * (size + 1)
        matcher = difflib.SequenceMatcher(None, normalized, original, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
                for k in range(i2 - i1):
                    starts[i1 + k] = j1 + k
                    ends[i1 + k + 1] = j1 + k + 1
            elif tag in ("replace", "delete"):
                for k in range(i1, i2):
                    starts[k] = j1
                    ends[k + 1] = j2
        self._starts, self._ends = starts, ends
        self.shifts = any(starts[i] != i or ends[i + 1] != i + 1 for i in range(size))

    def span(self, start: int, end: int) -> tuple[int, int]:
        if self.identical:
            return start, end
        return self._starts[start], self._ends[end]


def normalized_mutual_information(categories: list[str], clusters: list[str]) -> float | None:
    """NMI (scikit-learn, arithmetic mean) between gold categories and discovered topics; None for no articles."""
    if not categories:
        return None
    from sklearn.metrics import normalized_mutual_info_score

    return float(normalized_mutual_info_score(categories, clusters))
