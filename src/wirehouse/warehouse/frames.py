"""Build one DataFrame per warehouse table from a batch of analysed articles."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

import pandas as pd

from wirehouse.articles.dateline import normalize_place
from wirehouse.ledger import Ledger
from wirehouse.nlp.entities import AnalyzedArticle, canonical_name
from wirehouse.nlp.lexicons import demonyms, fold
from wirehouse.nlp.linking import article_acronyms, country_entity, link
from wirehouse.nlp.topics import TopicAssignment, all_topics
from wirehouse.warehouse import keys

# Load order: dimensions first, so a reader of a committed batch never sees a dangling key.
TABLE_ORDER = (
    "dim_source", "dim_location", "dim_entity", "entity_alias", "dim_topic",
    "fact_article", "article_text", "article_field_span", "article_terms", "article_keyphrase", "fact_entity_mention",
    "bridge_article_topic", "fact_quote",
)


@dataclass
class StarFrames:
    tables: dict[str, pd.DataFrame]

    def __getitem__(self, table: str) -> pd.DataFrame:
        return self.tables[table]


def _frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=columns)


# All-capital names longer than this are headline or dateline shouting, not acronyms (NATO, OPEC stay).
_SHOUTED_LETTERS = 4


def filed_names(mentions: list) -> list[str]:
    """The name each mention is filed under: `canonical_name`, except that a name in capitals from a
    headline or dateline (`WASHINGTON`, `CHRYSLER`) takes the article's own mixed-case spelling of it,
    or, in a dateline, the place's usual one, so it is the same entity as `Washington`."""
    names = [canonical_name(mention.mention_text) for mention in mentions]
    cased = {}
    for name in names:
        if not name.isupper():
            cased.setdefault(name.lower(), name)
    return [cased.get(name.lower()) or (normalize_place(name) if mention.section == "dateline" else name)
            if name.isupper() and sum(char.isalpha() for char in name) > _SHOUTED_LETTERS else name
            for name, mention in zip(names, mentions)]


def build_frames(
    analyzed: list[AnalyzedArticle],
    topics: dict[str, list[TopicAssignment]],
    run_id: str,
    loaded_at: datetime,
    discovered: list[dict] | None = None,
) -> StarFrames:
    sources, locations, entities, aliases = {}, {}, {}, {}
    articles, texts, mentions, bridges, spans, quotes, terms, phrases = [], [], [], [], [], [], [], []

    def add_location(place) -> str:
        key = keys.location_key(place.name, place.country_code)
        locations.setdefault(key, {
            "location_key": key, "name": place.name, "country_code": place.country_code,
            "latitude": place.latitude, "longitude": place.longitude, "kind": place.kind,
            "geonames_id": place.geonames_id, "gazetteer_name": place.name,
        })
        return key

    def add_entity(linked) -> None:
        if linked.entity_key in entities:
            return
        entities[linked.entity_key] = {
            "entity_key": linked.entity_key, "canonical_name": linked.name, "entity_type": linked.entity_type,
            "name_source": linked.name_source, "related_entity_key": linked.related_key, "relation": linked.relation,
            "location_key": add_location(linked.place) if linked.place else None,
        }
        if linked.related_key:
            add_entity(country_entity(demonyms().country_of[fold(linked.name)]))
    for item in analyzed:
        article, meta = item.article, item.article.metadata
        source_key = location_key = None
        if meta.source_name:
            source_key = keys.source_key(meta.source_name)
            sources[source_key] = {"source_key": source_key, "name": meta.source_name, "kind": meta.source_kind}
        if meta.dateline_place:
            location_key = keys.location_key(meta.dateline_place, meta.country_code)
            locations[location_key] = {
                "location_key": location_key, "name": meta.dateline_place, "country_code": meta.country_code,
                "latitude": meta.latitude, "longitude": meta.longitude, "kind": meta.location_kind or "unresolved",
                "geonames_id": meta.geonames_id, "gazetteer_name": meta.gazetteer_name,
            }
        articles.append({
            "article_id": article.article_id,
            "source_file": article.source_file,
            "content_sha256": article.content_sha256,
            "title": meta.title,
            "subtitle": meta.subtitle,
            "published_date": pd.Timestamp(meta.published_date) if meta.published_date else pd.NaT,
            "date_source": meta.date_source,
            "date_confidence": float(meta.date_confidence),
            "date_note": meta.date_note,
            "date_flag": meta.date_flag,
            "dateline_place": meta.dateline_place,
            "source_key": source_key,
            "location_key": location_key,
            "date_key": keys.date_key(meta.published_date),
            "language": meta.language,
            "language_confidence": meta.language_confidence,
            "nlp_status": item.nlp_status,
            "word_count": meta.word_count,
            "sentence_count": meta.sentence_count,
            "paragraph_count": meta.paragraph_count,
            "captions": "\n".join(meta.captions) or None,
            "photo_credits": "\n".join(meta.credits) or None,
            "photo_ids": "\n".join(meta.photo_ids) or None,
            "bylines": "\n".join(meta.bylines) or None,
            "source_encoding": meta.encoding,
            "loaded_at": loaded_at,
            "run_id": run_id,
        })
        texts.append({"article_id": article.article_id, "full_text": article.full_text})
        if item.terms:
            terms.append({"article_id": article.article_id, "terms": item.terms})
        for phrase in item.keyphrases:
            phrases.append({"article_id": article.article_id, "phrase": phrase.phrase, "score": phrase.score,
                            "rank": phrase.rank, "occurrences": phrase.occurrences})
        seen_spans = set()
        for span in meta.fields:
            if (span.field, span.start) not in seen_spans and span.end > span.start:
                seen_spans.add((span.field, span.start))
                spans.append({"article_id": article.article_id, "field": span.field, "value": span.value,
                              "start_char": span.start, "end_char": span.end})
        names = filed_names(item.mentions)
        acronyms = article_acronyms([(names[i], m.label) for i, m in enumerate(item.mentions)])
        key_at = {}
        for index, mention in enumerate(item.mentions):
            linked = link(names[index], mention.label, mention.resolved_name, acronyms)
            add_entity(linked)
            key_at[(mention.start_char, mention.end_char)] = linked.entity_key
            aliases.setdefault((mention.mention_text, linked.entity_key),
                               {"alias": mention.mention_text, "entity_key": linked.entity_key, "method": linked.method})
            mentions.append({
                # Stored as written: a name across a wrapped line keeps its line break (the NLP read a space).
                "article_id": article.article_id, "entity_key": linked.entity_key,
                "mention_text": article.full_text[mention.start_char:mention.end_char],
                "label": mention.label, "start_char": mention.start_char, "end_char": mention.end_char,
                "section": mention.section, "sentence_index": mention.sentence_index, "role": mention.role,
                "affiliation": mention.affiliation, "link_method": linked.method,
            })
        for quote in item.quotes:
            quotes.append({
                "article_id": article.article_id,
                "speaker_entity_key": key_at.get(quote.speaker_span) if quote.speaker_span else None,
                "quote_text": article.full_text[quote.start:quote.end], "start_char": quote.start, "end_char": quote.end,
                "kind": quote.kind,
                "speaker_text": quote.speaker_text,
            })
        for assignment in topics.get(article.article_id, []):
            bridges.append({
                "article_id": article.article_id,
                "topic_key": keys.topic_key(assignment.topic.scheme, assignment.topic.code),
                "score": assignment.score, "rank": assignment.rank,
                "evidence": json.dumps(assignment.evidence, ensure_ascii=False),
            })
    topic_rows = [
        {"topic_key": keys.topic_key(t.scheme, t.code), "scheme": t.scheme, "code": t.code, "label": t.label,
         "parent_key": keys.topic_key(t.scheme, t.parent_code) if t.parent_code else None, "level": t.level,
         "model_version": None}
        for t in all_topics()
    ]
    bridges.extend(discovered or [])
    article_frame = _frame(articles, [
        "article_id", "source_file", "content_sha256", "title", "subtitle", "published_date", "date_source",
        "date_confidence", "date_note", "date_flag", "dateline_place", "source_key", "location_key", "date_key",
        "language", "language_confidence", "nlp_status", "word_count", "sentence_count", "paragraph_count",
        "captions", "photo_credits", "photo_ids", "bylines", "source_encoding", "loaded_at", "run_id",
    ])
    article_frame["date_key"] = article_frame["date_key"].astype("Int64")
    article_frame["published_date"] = pd.to_datetime(article_frame["published_date"])
    return StarFrames({
        "dim_source": _frame(list(sources.values()), ["source_key", "name", "kind"]),
        "dim_location": _frame(list(locations.values()),
                               ["location_key", "name", "country_code", "latitude", "longitude", "kind",
                                "geonames_id", "gazetteer_name"]),
        "dim_entity": _frame(list(entities.values()), ["entity_key", "canonical_name", "entity_type", "name_source",
                                                       "related_entity_key", "relation", "location_key"]),
        "entity_alias": _frame(list(aliases.values()), ["alias", "entity_key", "method"]),
        "dim_topic": _frame(topic_rows, ["topic_key", "scheme", "code", "label", "parent_key", "level", "model_version"]),
        "fact_article": article_frame,
        "article_text": _frame(texts, ["article_id", "full_text"]),
        "article_field_span": _frame(spans, ["article_id", "field", "value", "start_char", "end_char"]),
        "article_terms": _frame(terms, ["article_id", "terms"]),
        "article_keyphrase": _frame(phrases, ["article_id", "phrase", "score", "rank", "occurrences"]),
        "fact_entity_mention": _frame(mentions, [
            "article_id", "entity_key", "mention_text", "label", "start_char", "end_char", "section", "sentence_index",
            "role", "affiliation", "link_method",
        ]),
        "fact_quote": _frame(quotes, ["article_id", "speaker_entity_key", "quote_text", "start_char", "end_char", "kind",
                                      "speaker_text"]),
        "bridge_article_topic": _frame(bridges, ["article_id", "topic_key", "score", "rank", "evidence"]),
    })


def ledger_frame(ledger: Ledger, run_id: str, seen_at: datetime) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {"file_path": e.file_path, "content_sha256": e.content_sha256, "article_id": e.article_id,
             "status": e.status, "reason": e.reason, "run_id": run_id, "seen_at": seen_at}
            for e in ledger.entries.values()
        ],
        columns=["file_path", "content_sha256", "article_id", "status", "reason", "run_id", "seen_at"],
    )


def findings_frame(findings: list, run_id: str, batch_number: int) -> pd.DataFrame:
    """etl_quality_finding rows for a batch's failed checks."""
    return pd.DataFrame(
        [
            {"run_id": run_id, "batch_number": batch_number, "suite": f.suite, "expectation": f.expectation,
             "column_name": f.column, "severity": f.severity, "unexpected_count": f.unexpected_count,
             "article_ids": ",".join(f.article_ids[:50]) or None, "action": f.action}
            for f in findings
        ],
        columns=["run_id", "batch_number", "suite", "expectation", "column_name", "severity", "unexpected_count",
                 "article_ids", "action"],
    )
