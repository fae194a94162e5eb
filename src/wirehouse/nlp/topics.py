"""IPTC Media Topics (top level) from a team-written lemma lexicon, with the evidence kept."""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

LEXICON_PATH = Path(__file__).parent / "data" / "iptc_media_topics.json"
MAX_TOPICS = 5
MIN_HITS = 2
# Hits at which a topic's score reaches about 0.63; more evidence saturates toward 1.
SATURATION_HITS = 6.0


@dataclass(frozen=True)
class Topic:
    scheme: str
    code: str
    label: str


@dataclass(frozen=True)
class TopicAssignment:
    topic: Topic
    score: float
    rank: int
    evidence: dict[str, int]


@dataclass(frozen=True)
class Lexicon:
    scheme: str
    topics: tuple[Topic, ...]
    terms: dict[tuple[str, ...], Topic]
    longest: int


def _term_tokens(term: str) -> tuple[str, ...]:
    return tuple(term.replace("-", " - ").split())


@lru_cache(maxsize=1)
def load_lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    data = json.loads(path.read_text(encoding="utf-8"))
    scheme = data["scheme"]
    topics = []
    terms: dict[tuple[str, ...], Topic] = {}
    for entry in data["topics"]:
        topic = Topic(scheme, entry["code"], entry["label"])
        topics.append(topic)
        for term in entry["terms"]:
            terms[_term_tokens(term)] = topic
    return Lexicon(scheme, tuple(topics), terms, max(len(t) for t in terms))


def assign_topics(lemmas: list[str], lexicon: Lexicon | None = None) -> list[TopicAssignment]:
    """Ranked topics for one article's lemma sequence (longest term match wins)."""
    lexicon = lexicon or load_lexicon()
    hits: dict[Topic, Counter[str]] = {}
    position = 0
    while position < len(lemmas):
        for size in range(min(lexicon.longest, len(lemmas) - position), 0, -1):
            key = tuple(lemmas[position : position + size])
            topic = lexicon.terms.get(key)
            if topic is not None:
                hits.setdefault(topic, Counter())[" ".join(key).replace(" - ", "-")] += 1
                position += size
                break
        else:
            position += 1
    scored = [
        (1.0 - math.exp(-sum(counter.values()) / SATURATION_HITS), topic, counter)
        for topic, counter in hits.items()
        if sum(counter.values()) >= MIN_HITS
    ]
    scored.sort(key=lambda item: (-item[0], item[1].code))
    return [
        TopicAssignment(topic, round(score, 4), rank, dict(counter.most_common()))
        for rank, (score, topic, counter) in enumerate(scored[:MAX_TOPICS], start=1)
    ]
