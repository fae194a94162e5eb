"""Assemble an article's metadata from its header, front matter, dateline and body."""

from __future__ import annotations

from datetime import date

from wirehouse.articles.counts import paragraph_count, sentence_count, word_count
from wirehouse.articles.dates import resolve_published_date
from wirehouse.articles.front_matter import FrontMatter, parse_front_matter
from wirehouse.articles.gazetteer import geocode
from wirehouse.articles.language import detect_language
from wirehouse.articles.model import ArticleMetadata, ParsedArticle
from wirehouse.articles.read import FileText, article_id_for
from wirehouse.articles.sources import normalize_source
from wirehouse.articles.spans import FieldSpan


def _field(front: FrontMatter, name: str) -> FieldSpan | None:
    return next((f for f in front.fields if f.field == name), None)


def _source(front: FrontMatter) -> tuple[str | None, str | None, FieldSpan | None]:
    """Agency from the dateline, else from a photo credit, else the header's publisher."""
    if front.dateline and front.dateline.agency:
        return front.dateline.agency, "agency", _field(front, "agency")
    if front.credit_agency:
        return front.credit_agency, "agency", _field(front, "photo_credit")
    if front.publisher:
        source = normalize_source(front.publisher, default_kind="publisher")
        return source.name, source.kind, _field(front, "publisher")
    return None, None, None


def parse_article(file_text: FileText, reference_date: date | None = None) -> ParsedArticle:
    """Metadata, section segments and field spans for one decoded, normalized article.

    `reference_date` is the run's idea of "now" for a dateline without a year (see
    `wirehouse.articles.dates`); None leaves such dates unset and flagged.
    """
    text = file_text.text or ""
    front = parse_front_matter(text)
    body = text[front.body_start:front.body_end]
    dated = resolve_published_date(
        front.header_date, front.header_problem, _field(front, "header_date") or _field(front, "page_timestamp"),
        front.dateline, _field(front, "dateline_date"),
        [f for f in front.fields if f.field == "caption"], body, front.body_start, reference_date,
    )
    place = geocode(front.dateline.place, front.dateline.region) if front.dateline and front.dateline.place else None
    source_name, source_kind, source_span = _source(front)
    detected, confidence = detect_language(body or text)
    fields = list(front.fields)
    if dated.span is not None and dated.value is not None:
        fields.append(FieldSpan("published_date", dated.span.value, dated.span.start, dated.span.end))
    if source_span is not None:
        fields.append(FieldSpan("source", source_span.value, source_span.start, source_span.end))
    metadata = ArticleMetadata(
        title=front.title,
        subtitle=front.subtitle,
        published_date=dated.value,
        date_source=dated.source,
        date_confidence=dated.confidence,
        date_note=dated.note,
        date_flag=dated.flag,
        dateline_place=front.dateline.place if front.dateline else None,
        gazetteer_name=place.name if place else None,
        geonames_id=place.geonames_id if place else None,
        dateline_region=front.dateline.region if front.dateline else None,
        country_code=place.country_code if place else None,
        latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
        location_kind=place.kind if place else None,
        source_name=source_name,
        source_kind=source_kind,
        language=detected or front.language,
        language_confidence=confidence if detected else (1.0 if front.language else 0.0),
        captions=front.captions,
        credits=front.credits,
        photo_ids=front.photo_ids,
        bylines=[f.value for f in front.fields if f.field == "byline"],
        word_count=word_count(body),
        sentence_count=sentence_count(body),
        paragraph_count=paragraph_count(body),
        encoding=file_text.encoding,
        fields=sorted(fields, key=lambda f: (f.start, f.field)),
    )
    return ParsedArticle(
        article_id=article_id_for(text),
        source_file=str(file_text.path),
        content_sha256=file_text.content_sha256,
        full_text=text,
        metadata=metadata,
        segments=sorted(front.segments, key=lambda s: (s.start, s.end)),
    )
