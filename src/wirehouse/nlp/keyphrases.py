"""Key phrases of an article: noun chunks ranked RAKE-style (word degree over frequency), title weighted."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

from wirehouse.articles.model import CONTENT_SECTIONS, ParsedArticle
from wirehouse.nlp.doctext import doc_text
from wirehouse.nlp.phrases import noun_phrases

MAX_PHRASES = 10
_HEADLINE_WEIGHT = 2.0
_SKIP_POS = {"DET", "PRON", "NUM", "PUNCT", "SYM", "CCONJ", "ADP", "PART", "SPACE", "X"}


@dataclass(frozen=True)
class Keyphrase:
    phrase: str
    score: float          # 0..1, the best phrase of the article scores 1
    rank: int
    occurrences: int


def extract_keyphrases(doc: Doc, article: ParsedArticle, phrases: Iterable[Span] | None = None) -> list[Keyphrase]:
    """The article's best noun phrases (`phrases`, by default `noun_phrases(doc)`)."""
    candidates: list[tuple[tuple[str, ...], str, bool]] = []
    text = doc_text(doc)
    for chunk in noun_phrases(doc) if phrases is None else phrases:
        section = article.section_at(chunk.start_char)
        if section not in CONTENT_SECTIONS:
            continue
        words = [t for t in chunk if t.pos_ not in _SKIP_POS and not t.is_stop and any(c.isalpha() for c in t.text)]
        if not words or not any(t.pos_ in ("NOUN", "PROPN") for t in words) or "\n" in chunk.text:
            continue
        key = tuple(t.lemma_.lower() for t in words)
        surface = text[words[0].idx:words[-1].idx + len(words[-1].text)]
        candidates.append((key, surface, section in ("title", "subtitle")))
    if not candidates:
        return []
    frequency: Counter[str] = Counter()
    degree: Counter[str] = Counter()
    for key, _, _ in candidates:
        for word in key:
            frequency[word] += 1
            degree[word] += len(key)
    scores: dict[tuple[str, ...], float] = defaultdict(float)
    surfaces: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    occurrences: Counter[tuple[str, ...]] = Counter()
    for key, surface, headline in candidates:
        phrase_score = sum(degree[w] / frequency[w] for w in key) * (_HEADLINE_WEIGHT if headline else 1.0)
        scores[key] = max(scores[key], phrase_score) + 0.5 * occurrences[key]
        surfaces[key][surface] += 1
        occurrences[key] += 1
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:MAX_PHRASES]
    best = ranked[0][1]
    return [
        Keyphrase(sorted(surfaces[key].items(), key=lambda s: (-s[1], s[0]))[0][0], round(score / best, 4), rank,
                  occurrences[key])
        for rank, (key, score) in enumerate(ranked, start=1)
    ]
