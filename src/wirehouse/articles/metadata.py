"""Assemble an article's metadata from its front matter, dateline and body."""

from __future__ import annotations

import re

from wirehouse.articles.dates import resolve_published_date
from wirehouse.articles.front_matter import parse_front_matter
from wirehouse.articles.gazetteer import geocode
from wirehouse.articles.model import ArticleMetadata, ParsedArticle
from wirehouse.articles.read import FileText, article_id_for

_WORD = re.compile(r"\w+(?:[’'-]\w+)*")
_ENGLISH_MARKERS = frozenset("the of and to in a is that for on with said was as by at from".split())


def detect_language(text: str) -> str | None:
    """`en` when English function words are common; None when we cannot tell."""
    words = [w.lower() for w in _WORD.findall(text[:5000])]
    if len(words) < 5:
        return None
    share = sum(w in _ENGLISH_MARKERS for w in words) / len(words)
    return "en" if share >= 0.08 else None


def parse_article(file_text: FileText) -> ParsedArticle:
    """Metadata and section segments for one decoded, normalized article."""
    text = file_text.text or ""
    front = parse_front_matter(text)
    body = text[front.body_start:]
    dated = resolve_published_date(front.header_date, front.dateline, front.captions, body)
    place = geocode(front.dateline.place) if front.dateline else None
    if front.dateline and front.dateline.agency:
        source_name, source_kind = front.dateline.agency, "agency"
    elif front.credit_agency:
        source_name, source_kind = front.credit_agency, "agency"
    elif front.publisher:
        source_name, source_kind = front.publisher, "publisher"
    else:
        source_name, source_kind = None, None
    metadata = ArticleMetadata(
        title=front.title,
        subtitle=front.subtitle,
        published_date=dated.value,
        date_source=dated.source,
        date_confidence=dated.confidence,
        date_note=dated.note,
        dateline_place=front.dateline.place if front.dateline else None,
        country_code=place.country_code if place else None,
        latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
        source_name=source_name,
        source_kind=source_kind,
        language=front.language or detect_language(body),
        captions=front.captions,
        credits=front.credits,
        word_count=len(_WORD.findall(body)),
    )
    return ParsedArticle(
        article_id=article_id_for(text),
        source_file=str(file_text.path),
        content_sha256=file_text.content_sha256,
        full_text=text,
        metadata=metadata,
        segments=sorted(front.segments, key=lambda s: (s.start, s.end)),
    )
