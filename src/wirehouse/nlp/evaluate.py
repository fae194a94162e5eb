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


# The five labels of BBC-News-style corpora and the IPTC top-level topic each corresponds to.
LABEL_TOPICS = {
    "business": "medtop:04000000",
    "entertainment": "medtop:01000000",
    "politics": "medtop:11000000",
    "sport": "medtop:15000000",
    "technology": "medtop:13000000",
}


@dataclass(frozen=True)
class TopicEvaluation:
    accuracy: float                 # share of articles whose rank-1 IPTC topic is their label's topic
    nmi: float                      # normalized mutual information of discovered main topics with the labels
    topic_count: int
    confusions: list[tuple[str, str, str]]   # (id, label, predicted top-level label) for the misses


def evaluate_topics(nlp: Language, examples: list[dict]) -> TopicEvaluation:
    """Run the real metadata parser, spaCy, the IPTC classifier and a discovery fit on labelled articles."""
    from sklearn.metrics import normalized_mutual_info_score

    from wirehouse.articles.metadata import parse_article
    from wirehouse.articles.read import file_text_from_bytes
    from wirehouse.nlp.discovery import fit_topics
    from wirehouse.nlp.entities import analyze_articles
    from wirehouse.nlp.topics import assign_topics

    articles = [parse_article(file_text_from_bytes(Path(f"/eval/{e['id']}.txt"), e["text"].encode("utf-8")))
                for e in examples]
    analyzed = analyze_articles(articles, nlp)
    hits, confusions = 0, []
    for example, item in zip(examples, analyzed):
        ranked = assign_topics(item.tokens)
        predicted = ranked[0].topic if ranked else None
        if predicted is not None and predicted.code == LABEL_TOPICS[example["label"]]:
            hits += 1
        else:
            confusions.append((example["id"], example["label"], predicted.label if predicted else "(none)"))
    model = fit_topics([(e["id"], item.terms) for e, item in zip(examples, analyzed)])
    by_id = dict(zip(sorted(e["id"] for e in examples),
                     model.assign([item.terms for _, item in sorted(zip([e["id"] for e in examples], analyzed),
                                                                   key=lambda pair: pair[0])])))
    discovered = [by_id[e["id"]][0][0] if by_id[e["id"]] else "none" for e in examples]
    nmi = normalized_mutual_info_score([e["label"] for e in examples], discovered)
    return TopicEvaluation(hits / len(examples), float(nmi), len(model.codes), confusions)
