"""Plain data carried from the metadata parser to NLP, validation and loading."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from wirehouse.articles.spans import FieldSpan
from wirehouse.articles.recase import recased
from wirehouse.articles.wrapping import unwrapped

# Sections whose text is analysed for entities and topics, in the contract's vocabulary.
CONTENT_SECTIONS = ("title", "subtitle", "caption", "dateline", "body")
# Every other section (header, navigation, credit, repeated_caption, byline, trailer) is recorded, never analysed.


@dataclass(frozen=True)
class Segment:
    """A span [start, end) of the article's normalized full text and what it is."""

    section: str
    start: int
    end: int


@dataclass
class ArticleMetadata:
    title: str | None = None
    subtitle: str | None = None
    published_date: date | None = None
    date_source: str = "none"
    date_confidence: float = 0.0
    date_note: str | None = None
    date_flag: str | None = None
    dateline_place: str | None = None
    dateline_region: str | None = None
    country_code: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    location_kind: str | None = None
    gazetteer_name: str | None = None
    geonames_id: int | None = None
    source_name: str | None = None
    source_kind: str | None = None
    language: str | None = None
    language_confidence: float = 0.0
    captions: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    photo_ids: list[str] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)
    word_count: int = 0
    sentence_count: int = 0
    paragraph_count: int = 0
    encoding: str | None = None
    fields: list[FieldSpan] = field(default_factory=list)


@dataclass
class ParsedArticle:
    article_id: str
    source_file: str
    content_sha256: str
    full_text: str
    metadata: ArticleMetadata
    segments: list[Segment]

    def nlp_text(self) -> str:
        """What the NLP reads, with the same offsets as `full_text`: the body's wrapping line breaks as
        spaces, and a title or standfirst sent in capitals recased (wirehouse.articles.recase)."""
        text = self.full_text
        body = next((s for s in self.segments if s.section == "body"), None)
        if body is not None:
            text = unwrapped(text, body.start, body.end)
        return recased(text, [(s.start, s.end) for s in self.segments if s.section in ("title", "subtitle")])

    def section_at(self, offset: int) -> str | None:
        for segment in self.segments:
            if segment.start <= offset < segment.end:
                return segment.section
        return None
