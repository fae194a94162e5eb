"""Header lines, navigation, captions, credits, title and standfirst at the top of an article.

The parser walks the lines before the body and labels each one; everything it labels
is kept as a `Segment`, so boilerplate stays out of the title and body but is not lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from wirehouse.articles.dateline import Dateline, normalize_agency, parse_dateline
from wirehouse.articles.model import Segment

_HEADER_DATE = re.compile(r"date (?P<date>\d{4}-\d{2}-\d{2})\b[ \t]*")
_SOURCE_HEADER = re.compile(r"Source:\s*(?P<rest>.+)$")
_NAVIGATION = re.compile(r"(all news|latest news|top stories|back to news|news feed|read more|most read)$", re.IGNORECASE)
_IMAGE_PREFIX = re.compile(r"(?:image|photo|picture)\s*:?\s+", re.IGNORECASE)
# `REUTERS/Sergei Karpukhin - RTX39M8M`, `(AP Photo/Jane Doe)`, `Alexander Sherbak/TASS`, `© Name/TASS`, `Photo: Name`
_AGENCIES = r"TASS|REUTERS|Reuters|AP|AFP|EPA|Getty Images|Xinhua|RIA Novosti|Sputnik|dpa|EFE|UPI"
_CREDIT_TAIL = re.compile(
    r"(?:\s{2,}|\s+(?=(?:" + _AGENCIES + r")/)|\s+(?=\(AP Photo))"
    r"(?P<credit>(?:©\s*)?(?:(?:" + _AGENCIES + r")/[^/\n]+?(?:\s+-\s+[A-Z0-9]{6,})?"
    r"|[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}/(?:" + _AGENCIES + r")|\(AP Photo/[^)]+\)))\s*$"
)
_CREDIT_LINE = re.compile(
    r"(?:©\s*[^\n]{2,80}|Photo:\s*[^\n]{2,80}|\(AP Photo/[^)]+\)|(?:" + _AGENCIES + r")/[^/\n]{2,60}?(?:\s+-\s+[A-Z0-9]{6,})?)$"
)
_CREDIT_AGENCY = re.compile(r"(?:^|[\s©(])(?P<agency>" + _AGENCIES + r")(?: Photo)?/|/(?P<agency2>" + _AGENCIES + r")\s*$")
_LANGUAGES = {"english": "en", "russian": "ru", "french": "fr", "german": "de", "spanish": "es", "arabic": "ar", "chinese": "zh"}
_MAX_TITLE_WORDS = 25
_MAX_SUBTITLE_WORDS = 60
# How many non-empty lines can precede the body before we stop looking for front matter.
_FRONT_MATTER_LINES = 10


@dataclass
class FrontMatter:
    segments: list[Segment] = field(default_factory=list)
    header_date: date | None = None
    publisher: str | None = None
    language: str | None = None
    title: str | None = None
    subtitle: str | None = None
    captions: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    credit_agency: str | None = None
    dateline: Dateline | None = None
    body_start: int = 0


def _lines(text: str, start: int) -> list[tuple[int, int]]:
    """(start, end) of every non-empty line from offset `start` on."""
    spans = []
    position = start
    for line in text[start:].split("\n"):
        end = position + len(line)
        if line.strip():
            lead = len(line) - len(line.lstrip())
            spans.append((position + lead, end))
        position = end + 1
    return spans


def _word_count(line: str) -> int:
    return len(line.split())


def _split_credit(line: str) -> tuple[str, str | None]:
    match = _CREDIT_TAIL.search(line)
    if not match or match.start() == 0:
        return line, None
    return line[: match.start()].rstrip(), match["credit"]


def _credit_agency(credit: str) -> str | None:
    match = _CREDIT_AGENCY.search(credit)
    if not match:
        return None
    return normalize_agency(match["agency"] or match["agency2"])


def _parse_header(text: str, front: FrontMatter) -> int:
    """Consume a `date YYYY-MM-DD` header (and a `Source:` header after it); return the new cursor."""
    match = _HEADER_DATE.match(text)
    if not match:
        return 0
    try:
        front.header_date = date.fromisoformat(match["date"])
    except ValueError:
        return 0
    cursor = match.end()
    line_end = text.find("\n", cursor)
    line_end = len(text) if line_end == -1 else line_end
    source = _SOURCE_HEADER.match(text, cursor, line_end)
    if source:
        parts = [part.strip() for part in re.split(r"\s+[–—-]\s+", source["rest"]) if part.strip()]
        front.publisher = parts[0] if parts else None
        if len(parts) > 1 and parts[-1].lower() in _LANGUAGES:
            front.language = _LANGUAGES[parts[-1].lower()]
        cursor = line_end
    front.segments.append(Segment("header", 0, cursor))
    return cursor


def parse_front_matter(text: str) -> FrontMatter:
    front = FrontMatter()
    cursor = _parse_header(text, front)
    lines = _lines(text, cursor)
    seen_captions: set[str] = set()
    body_index = None
    # Find the first line that opens with a dateline: everything before it is front matter.
    dateline_index = next(
        (i for i, (s, e) in enumerate(lines[:_FRONT_MATTER_LINES]) if parse_dateline(text[s:e])), None
    )
    for index, (start, end) in enumerate(lines[:_FRONT_MATTER_LINES]):
        line = text[start:end]
        if index == dateline_index:
            body_index = index
            break
        if _NAVIGATION.match(line):
            front.segments.append(Segment("navigation", start, end))
            continue
        prefix = _IMAGE_PREFIX.match(line) if line.lower().startswith(("image", "photo", "picture")) else None
        caption, credit = _split_credit(line[prefix.end():] if prefix else line)
        if prefix or credit:
            caption_start = start + (prefix.end() if prefix else 0)
            if prefix:
                front.segments.append(Segment("navigation", start, caption_start))
            if caption.strip():
                section = "repeated_caption" if caption in seen_captions else "caption"
                front.segments.append(Segment(section, caption_start, caption_start + len(caption)))
                if section == "caption":
                    front.captions.append(caption)
                    seen_captions.add(caption)
            if credit:
                credit_start = end - len(credit)
                front.segments.append(Segment("credit", credit_start, end))
                front.credits.append(credit)
                front.credit_agency = front.credit_agency or _credit_agency(credit)
            continue
        if _CREDIT_LINE.match(line):
            front.segments.append(Segment("credit", start, end))
            front.credits.append(line)
            front.credit_agency = front.credit_agency or _credit_agency(line)
            continue
        if line in seen_captions:
            front.segments.append(Segment("repeated_caption", start, end))
            continue
        has_more = index + 1 < len(lines)
        closing = line.rstrip().rstrip("\"'”’»)")
        ends_sentence = closing.endswith((".", ":", ";", "!", "?"))
        if front.title is None and has_more and not closing.endswith((".", ":", ";")) and _word_count(line) <= _MAX_TITLE_WORDS:
            front.title = line.strip()
            front.segments.append(Segment("title", start, end))
            continue
        before_dateline = dateline_index is not None and index < dateline_index
        if (
            front.title is not None
            and front.subtitle is None
            and _word_count(line) <= _MAX_SUBTITLE_WORDS
            and (before_dateline or not ends_sentence)
        ):
            front.subtitle = line.strip()
            front.segments.append(Segment("subtitle", start, end))
            continue
        body_index = index
        break
    if body_index is None:
        body_index = min(len(lines), _FRONT_MATTER_LINES) if dateline_index is None else dateline_index
    if body_index < len(lines):
        body_start = lines[body_index][0]
        dateline = parse_dateline(text[body_start : lines[body_index][1]])
        if dateline:
            front.dateline = dateline
            front.segments.append(Segment("dateline", body_start, body_start + dateline.length))
            body_start += dateline.length
        front.body_start = body_start
        front.segments.append(Segment("body", body_start, len(text)))
    else:
        front.body_start = len(text)
    return front
