"""IPTC Media Topics from team-written lemma lexicons (top level and second level), with the evidence kept."""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from wirehouse.nlp.entities import TopicTokens

DATA = Path(__file__).parent / "data"
LEXICON_FILES = ("iptc_media_topics.json", "iptc_media_topics_level2.json")
MAX_TOPICS_PER_LEVEL = 5
MIN_WEIGHT = 2.0
HEADLINE_WEIGHT = 2.0
# Evidence weight at which a topic's score reaches about 0.63; more evidence saturates toward 1.
SATURATION = 6.0


@dataclass(frozen=True)
class Topic:
    scheme: str
    code: str
    label: str
    parent_code: str | None = None
    level: int = 1


@dataclass(frozen=True)
class TopicAssignment:
    topic: Topic
    score: float
    rank: int
    evidence: dict[str, float]


@dataclass(frozen=True)
class Lexicon:
    topics: tuple[Topic, ...]
    terms: dict[tuple[str, ...], Topic]
    # First word of a term -> the longest term starting with it: most positions start none.
    starts: dict[str, int]


def _term_tokens(term: str) -> tuple[str, ...]:
    return tuple(term.replace("-", " - ").split())


def _read(path: Path, level: int) -> Lexicon:
    data = json.loads(path.read_text(encoding="utf-8"))
    topics, terms = [], {}
    for entry in data["topics"]:
        topic = Topic(data["scheme"], entry["code"], entry["label"], entry.get("parent"), level)
        topics.append(topic)
        for term in entry["terms"]:
            terms.setdefault(_term_tokens(term), topic)
    starts: dict[str, int] = {}
    for key in terms:
        starts[key[0]] = max(starts.get(key[0], 0), len(key))
    return Lexicon(tuple(topics), terms, starts)


@lru_cache(maxsize=1)
def load_lexicons() -> tuple[Lexicon, ...]:
    """The top-level lexicon, then the second-level one."""
    return tuple(_read(DATA / name, level) for level, name in enumerate(LEXICON_FILES, start=1))


def all_topics() -> list[Topic]:
    return [topic for lexicon in load_lexicons() for topic in lexicon.topics]


def _match(tokens: TopicTokens, lexicon: Lexicon) -> dict[Topic, Counter[str]]:
    """Weighted evidence per topic; the longest term wins, one-word terms skip proper nouns."""
    hits: dict[Topic, Counter[str]] = {}
    lemmas, position, starts = tokens.lemmas, 0, lexicon.starts
    while position < len(lemmas):
        longest = starts.get(lemmas[position])
        if longest is None:
            position += 1
            continue
        for size in range(min(longest, len(lemmas) - position), 0, -1):
            key = tuple(lemmas[position:position + size])
            topic = lexicon.terms.get(key)
            if topic is None or (size == 1 and tokens.proper[position]):
                continue
            weight = HEADLINE_WEIGHT if tokens.headline[position] else 1.0
            hits.setdefault(topic, Counter())[" ".join(key).replace(" - ", "-")] += weight
            position += size
            break
        else:
            position += 1
    return hits


def assign_topics(tokens: TopicTokens) -> list[TopicAssignment]:
    """Ranked topics: every top-level topic first (rank 1 is the article's main topic), then second-level ones."""
    assignments: list[TopicAssignment] = []
    for lexicon in load_lexicons():
        scored = [
            (1.0 - math.exp(-sum(counter.values()) / SATURATION), topic, counter)
            for topic, counter in _match(tokens, lexicon).items()
            if sum(counter.values()) >= MIN_WEIGHT
        ]
        scored.sort(key=lambda item: (-item[0], item[1].code))
        for score, topic, counter in scored[:MAX_TOPICS_PER_LEVEL]:
            assignments.append(TopicAssignment(topic, round(score, 4), len(assignments) + 1,
                                               dict(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))))
    return assignments
