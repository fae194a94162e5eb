"""Strict span-and-type F1 of the entity stage against a labelled development set.

Places (GPE, LOC, FAC) count as one type, PLACE; PERSON and ORG are scored as they are.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

SCORED = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}


@dataclass(frozen=True)
class Score:
    true_positives: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def load_examples(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _spans(pairs) -> set[tuple[int, int, str]]:
    return {(start, end, SCORED[label]) for start, end, label in pairs if label in SCORED}


def score(nlp: Language, examples: list[dict]) -> dict[str, Score]:
    """Scores per type and overall ("ALL") for the pipeline's doc.ents on each example text."""
    totals: dict[str, list[int]] = {}
    for example, doc in zip(examples, nlp.pipe(e["text"] for e in examples)):
        predicted = _spans((e.start_char, e.end_char, e.label_) for e in doc.ents)
        gold = _spans(example["entities"])
        for kind in ("PERSON", "ORG", "PLACE", "ALL"):
            p = {s for s in predicted if kind == "ALL" or s[2] == kind}
            g = {s for s in gold if kind == "ALL" or s[2] == kind}
            counts = totals.setdefault(kind, [0, 0, 0])
            counts[0] += len(p & g)
            counts[1] += len(p)
            counts[2] += len(g)
    return {kind: Score(*counts) for kind, counts in totals.items()}
