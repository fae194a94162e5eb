"""The per-batch stage functions the ingest flow sequences; each takes and returns plain data."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from wirehouse.articles.discover import InboxEntry
from wirehouse.articles.metadata import parse_article
from wirehouse.stories.signatures import StorySketch
from wirehouse.articles.model import ParsedArticle
from wirehouse.articles.read import read_article_file
from wirehouse.ledger import Ledger
from wirehouse.nlp.entities import AnalyzedArticle
from wirehouse.nlp.discovery import TopicModel
from wirehouse.nlp.topics import TopicAssignment, assign_topics
from wirehouse.warehouse import keys
from wirehouse.warehouse.topic_models import discovered_rows


@dataclass
class Batch:
    """Articles moving through the stages together, and the verdicts reached so far."""

    ledger: Ledger = field(default_factory=Ledger)
    articles: list[ParsedArticle] = field(default_factory=list)
    analyzed: list[AnalyzedArticle] = field(default_factory=list)
    topics: dict[str, list[TopicAssignment]] = field(default_factory=dict)
    discovered: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    findings: list = field(default_factory=list)
    number: int = 0
    entries: list[InboxEntry] = field(default_factory=list)
    pending: object | None = None  # the NLP runner's handle on this batch's analysis, until it is collected
    sketches: list[StorySketch] = field(default_factory=list)  # story signatures of the articles to load
    read_ids: list[str] = field(default_factory=list)  # article ids read into it; the run forgets them once loaded


def warm_caches() -> None:
    """Build the per-process lookups the first batch would otherwise build on the run's critical path,
    before the NLP workers can start: the dateline gazetteer with its prominent place names (about
    2 s: hundreds of thousands of GeoNames spellings), the topic lexicons and the language identifier."""
    from wirehouse.articles.gazetteer import prominent_names
    from wirehouse.articles.language import detect_language
    from wirehouse.nlp.topics import load_lexicons

    prominent_names()
    load_lexicons()
    detect_language("A sentence long enough for the language identifier to load its model.")


def split_known(entries: list[InboxEntry], digests: dict[Path, str],
                known_contents: dict[str, tuple[str, str]]) -> tuple[list[InboxEntry], Ledger]:
    """Files whose bytes (`digests`) an earlier run turned into an article (`known_contents`) are
    duplicates, ledgered here without being read again; the rest is returned, in inbox order."""
    ledger = Ledger()
    remaining = []
    for entry in entries:
        digest = digests.get(entry.path)
        known = known_contents.get(digest) if digest and not entry.problem else None
        if known is None:
            remaining.append(entry)
            continue
        article_id, first_file = known
        ledger.record(str(entry.path), "duplicate", f"same normalized text as {first_file}", digest, article_id)
    return remaining, ledger


def read_and_parse(entries: list[InboxEntry], max_file_bytes: int, known_articles: dict[str, str],
                   max_nlp_chars: int = 200_000, reference_date: date | None = None) -> Batch:
    """Decode, normalize and parse each file; unreadable and duplicate files go to the ledger.

    `known_articles` maps the article ids of this run's batches that are not loaded yet to the
    file they came from (the warehouse answers for the rest); it is updated with the new articles
    of this batch. (Files whose
    bytes became an article before are set aside earlier, by `split_known`, without being read.)
    """
    batch = Batch()
    for entry in entries:
        path = entry.path
        if entry.problem:
            batch.ledger.record(str(path), "quarantined", entry.problem)
            continue
        file_text = read_article_file(path, max_file_bytes)
        if file_text.problem:
            batch.ledger.record(str(path), "quarantined", file_text.problem, file_text.content_sha256)
            continue
        if len(file_text.text) > max_nlp_chars:
            batch.ledger.record(str(path), "quarantined",
                                f"text is {len(file_text.text)} characters, over the {max_nlp_chars} that entity "
                                "extraction takes in one piece (WIREHOUSE_MAX_NLP_CHARS); split the file or raise the limit",
                                file_text.content_sha256)
            continue
        article = parse_article(file_text, reference_date)
        first_seen = known_articles.get(article.article_id)
        if first_seen is not None:
            batch.ledger.record(str(path), "duplicate", f"same normalized text as {first_seen}",
                                file_text.content_sha256, article.article_id)
            continue
        known_articles[article.article_id] = str(path)
        batch.articles.append(article)
    return batch


def classify_topics(analyzed: list[AnalyzedArticle]) -> dict[str, list[TopicAssignment]]:
    return {item.article.article_id: assign_topics(item.tokens) for item in analyzed}


def discover_topics(analyzed: list[AnalyzedArticle], model: TopicModel | None) -> list[dict]:
    """bridge rows placing each article in the current discovered topics (none before the first refit)."""
    if model is None:
        return []
    with_terms = [item for item in analyzed if item.terms]
    return discovered_rows([i.article.article_id for i in with_terms], [i.terms for i in with_terms], model)


def drop_articles(batch: Batch, reasons: dict[str, list[str]], status: str = "quarantined") -> None:
    """Take articles out of the batch, recording why in the ledger."""
    if not reasons:
        return
    for article in batch.articles:
        if article.article_id in reasons:
            batch.ledger.record(article.source_file, status, "; ".join(reasons[article.article_id]),
                                article.content_sha256, article.article_id)
    batch.articles = [a for a in batch.articles if a.article_id not in reasons]
    batch.analyzed = [a for a in batch.analyzed if a.article.article_id not in reasons]
    for article_id in reasons:
        batch.topics.pop(article_id, None)
    batch.discovered = [row for row in batch.discovered if row["article_id"] not in reasons]
    batch.sketches = [sketch for sketch in batch.sketches if sketch.article_id not in reasons]


def drop_rows(batch: Batch, frames, rows: dict[str, set[int]]) -> None:
    """Take the mentions, quotes and topic assignments behind failed rows out of the batch.

    `rows` maps a table to row positions in `frames` (as validated); the article itself stays,
    and the findings that name the rows are recorded with the batch. Frames built afterwards from
    the batch no longer have those rows, nor dimension rows only they referred to.
    """
    def spans(table: str) -> set[tuple[str, int, int]]:
        frame = frames[table].iloc[sorted(rows.get(table, ()))]
        return set(zip(frame["article_id"], frame["start_char"].astype(int), frame["end_char"].astype(int)))

    mentions, quotes = spans("fact_entity_mention"), spans("fact_quote") if "fact_quote" in frames.tables else set()
    bridge = frames["bridge_article_topic"].iloc[sorted(rows.get("bridge_article_topic", ()))]
    topic_rows = set(zip(bridge["article_id"], bridge["topic_key"]))
    for item in batch.analyzed:
        article_id = item.article.article_id
        item.mentions = [m for m in item.mentions if (article_id, m.start_char, m.end_char) not in mentions]
        item.quotes = [q for q in item.quotes if (article_id, q.start, q.end) not in quotes]
    for article_id, assignments in batch.topics.items():
        batch.topics[article_id] = [a for a in assignments
                                    if (article_id, keys.topic_key(a.topic.scheme, a.topic.code)) not in topic_rows]
    batch.discovered = [row for row in batch.discovered if (row["article_id"], row["topic_key"]) not in topic_rows]
