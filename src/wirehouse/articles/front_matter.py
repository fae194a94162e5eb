"""Everything above the body: navigation, captions, credits, bylines, title, standfirst and dateline.

The parser walks the first lines and labels each one; every label becomes a `Segment`, so
boilerplate stays out of the title and body but is kept, and every value gets a `FieldSpan`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from wirehouse.articles.credits import parse_credit, split_caption_credit
from wirehouse.articles.dates import full_dates
from wirehouse.articles.dateline import Dateline, parse_dateline, parse_split_dateline
from wirehouse.articles.header import parse_header
from wirehouse.articles.model import Segment
from wirehouse.articles.spans import FieldSpan
from wirehouse.articles.trailer import trailer_start

_NAVIGATION = re.compile(
    r"(all news|latest news|top stories|back to news|news feed|read more|most read|related news|advertisement"
    r"|share|share this article|\d+ min(?:ute)?s? read|updated:?.{0,40}|published:?.{0,40}|listen to this article"
    # Section names news sites print above a headline.
    r"|world|world news|politics|russian politics & diplomacy|business|business & economy|economy|markets"
    r"|society & culture|science & space|science|technology|sports?|military & defense|emergencies|health"
    r"|europe|middle east|asia pacific|americas|africa|u\.s\.|opinion|breaking news)$",
    re.IGNORECASE,
)
# A page's time stamp on a line of its own: `May 03, 2016, 18:25 UTC+3`, `2020-06-01 14:10`.
_TIMESTAMP = re.compile(
    r"(?:[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]{2,8}\.? \d{4}|\d{4}-\d{2}-\d{2})"
    r"(?:,? \d{1,2}:\d{2}(?::\d{2})?(?: ?[AP]M)?(?: ?(?:UTC|GMT|MSK|EST|EDT|CET|CEST)(?:[+-]\d{1,2})?)?)?$"
)
_IMAGE_PREFIX = re.compile(r"(?:image|photo|picture|caption)\s*:?\s+", re.IGNORECASE)
_BYLINE = re.compile(r"By [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}(?:(?:,| and) [A-Z][\w.'’ -]{1,60})?$")
_NAME_LINE = re.compile(r"[A-Z][a-z'’.\-]+(?: (?:[A-Z][\w'’.\-]*|de|van|von|da|al|bin|el)){1,3}$")
_MAX_TITLE_WORDS = 25
# Captions and credits are short; longer lines are not searched for them (a huge line stays linear).
_MAX_CAPTION_CHARS = 1000
_MAX_SUBTITLE_WORDS = 60
# How many non-empty lines can precede the body before we stop looking for front matter.
_FRONT_MATTER_LINES = 12


@dataclass
class FrontMatter:
    segments: list[Segment] = field(default_factory=list)
    fields: list[FieldSpan] = field(default_factory=list)
    header_date: date | None = None
    header_problem: str | None = None
    publisher: str | None = None
    language: str | None = None
    title: str | None = None
    subtitle: str | None = None
    captions: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    photo_ids: list[str] = field(default_factory=list)
    credit_agency: str | None = None
    dateline: Dateline | None = None
    dateline_start: int | None = None
    body_start: int = 0
    body_end: int = 0


def _lines(text: str, start: int) -> list[tuple[int, int]]:
    """(start, end) of every non-empty line from offset `start` on, without surrounding blanks."""
    spans = []
    position = start
    for line in text[start:].split("\n"):
        end = position + len(line)
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            spans.append((position + lead, position + lead + len(stripped)))
        position = end + 1
    return spans


def _closing(line: str) -> str:
    return line.rstrip().rstrip("\"'”’»)")


class _Walker:
    """Labels the lines above the body, one at a time."""

    def __init__(self, text: str, front: FrontMatter) -> None:
        self.text = text
        self.front = front
        self.seen_captions: set[str] = set()

    def add(self, section: str, start: int, end: int, field_name: str | None = None) -> None:
        self.front.segments.append(Segment(section, start, end))
        if field_name:
            self.front.fields.append(FieldSpan(field_name, self.text[start:end], start, end))

    def caption_or_credit(self, start: int, end: int) -> bool:
        if end - start > _MAX_CAPTION_CHARS:
            return False
        line = self.text[start:end]
        starts_like_image = line[:8].lower().startswith(("image", "photo", "picture", "caption"))
        prefix = _IMAGE_PREFIX.match(line) if starts_like_image and parse_credit(line) is None else None
        body_start = start + (prefix.end() if prefix else 0)
        caption, credit = split_caption_credit(self.text[body_start:end])
        if not prefix and credit is None:
            if line in self.seen_captions:
                self.add("repeated_caption", start, end)
                return True
            return False
        if prefix:
            self.add("navigation", start, body_start)
        if caption:
            if caption in self.seen_captions:
                self.add("repeated_caption", body_start, body_start + len(caption))
            else:
                self.add("caption", body_start, body_start + len(caption), "caption")
                self.front.captions.append(caption)
                self.seen_captions.add(caption)
        if credit:
            credit_start = body_start + credit.start
            self.add("credit", credit_start, end)
            self.front.fields.append(FieldSpan("photo_credit", credit.text, credit_start, credit_start + len(credit.text)))
            self.front.credits.append(credit.text)
            if credit.photo_id:
                id_start = body_start + credit.photo_id_start
                self.front.fields.append(FieldSpan("photo_id", credit.photo_id, id_start, id_start + len(credit.photo_id)))
                self.front.photo_ids.append(credit.photo_id)
            self.front.credit_agency = self.front.credit_agency or credit.agency
        return True


def _timestamp_date(line: str) -> date | None:
    iso = re.match(r"(\d{4})-(\d{2})-(\d{2})", line)
    if iso:
        try:
            return date(*map(int, iso.groups()))
        except ValueError:
            return None
    found = full_dates(line)
    return found[0][0] if found else None


def _find_dateline(text: str, lines: list[tuple[int, int]]) -> tuple[int, Dateline, int] | None:
    """(line index, dateline, absolute start) of the first dateline among the front lines."""
    for index, (start, end) in enumerate(lines[:_FRONT_MATTER_LINES]):
        dateline = parse_dateline(text[start:end])
        if dateline is None and index + 1 < len(lines):
            next_start, next_end = lines[index + 1]
            if next_start == end + 1:  # the very next line, no blank line between
                dateline = parse_split_dateline(text[start:end], text[next_start:next_end])
        if dateline is not None:
            return index, dateline, start
    return None


def parse_front_matter(text: str) -> FrontMatter:
    front = FrontMatter()
    header = parse_header(text)
    if header.end:
        front.segments.append(Segment("header", 0, header.end))
        front.fields.extend(header.fields)
        front.header_date, front.header_problem = header.date, header.date_problem
        front.publisher, front.language = header.publisher, header.language
        if header.subject is not None:  # an e-mail's subject is its title
            front.title = header.subject.value
            front.fields.append(header.subject)
    lines = _lines(text, header.end)
    found = _find_dateline(text, lines)
    dateline_index = found[0] if found else None
    walker = _Walker(text, front)
    body_index = None
    for index, (start, end) in enumerate(lines[:_FRONT_MATTER_LINES]):
        line = text[start:end]
        if index == dateline_index:
            body_index = index
            break
        if _NAVIGATION.match(line):
            walker.add("navigation", start, end)
            continue
        if _TIMESTAMP.match(line):
            walker.add("navigation", start, end, "page_timestamp")
            if front.header_date is None and front.header_problem is None:
                front.header_date = _timestamp_date(line)
            continue
        if walker.caption_or_credit(start, end):
            continue
        if _BYLINE.match(line):
            walker.add("byline", start, end, "byline")
            continue
        has_more = index + 1 < len(lines)
        closing = _closing(line)
        words = len(line.split())
        before_dateline = dateline_index is not None and index < dateline_index
        # A headline may end with a full stop (wires often write one); above a dateline it is still the title.
        if front.title is None and front.subtitle is None and has_more and words <= _MAX_TITLE_WORDS \
                and (before_dateline or not closing.endswith((".", ":", ";"))):
            front.title = line
            walker.add("title", start, end, "title")
            continue
        if front.title is not None and index + 1 == dateline_index and _NAME_LINE.match(line):
            walker.add("byline", start, end, "byline")  # a reporter's name alone on the line above the dateline
            continue
        ends_sentence = closing.endswith((".", ":", ";", "!", "?"))
        if front.title is not None and front.subtitle is None and words <= _MAX_SUBTITLE_WORDS \
                and (before_dateline or not ends_sentence):
            front.subtitle = line
            walker.add("subtitle", start, end, "subtitle")
            continue
        body_index = index
        break
    if body_index is None:
        body_index = dateline_index if dateline_index is not None else min(len(lines), _FRONT_MATTER_LINES)
    if body_index >= len(lines):
        front.body_start = front.body_end = len(text)
        return front
    body_start = lines[body_index][0]
    if found and body_index == dateline_index:
        _, dateline, dateline_start = found
        front.dateline, front.dateline_start = dateline, dateline_start
        front.segments.append(Segment("dateline", dateline_start, dateline_start + dateline.length))
        _dateline_fields(front, text, dateline, dateline_start)
        body_start = dateline_start + dateline.length
        if text[body_start:body_start + 1] == "\n":  # a dateline alone on its line: the body opens on the next
            body_start = next((line_start for line_start, _ in lines if line_start >= body_start), len(text))
    front.body_start = body_start
    front.body_end = trailer_start(text, body_start)
    front.segments.append(Segment("body", body_start, front.body_end))
    if front.body_end < len(text):
        front.segments.append(Segment("trailer", front.body_end, len(text)))
        front.fields.append(FieldSpan("trailer", text[front.body_end:].rstrip(), front.body_end, len(text.rstrip())))
    return front


def _dateline_fields(front: FrontMatter, text: str, dateline: Dateline, start: int) -> None:
    front.fields.append(FieldSpan("dateline", dateline.raw, start, start + len(dateline.raw)))
    for name, span in (("dateline_place", dateline.place_span), ("dateline_date", dateline.date_span),
                       ("agency", dateline.agency_span)):
        if span:
            front.fields.append(FieldSpan(name, text[start + span[0]:start + span[1]], start + span[0], start + span[1]))
