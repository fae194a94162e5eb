"""Header lines users' files start with: `date YYYY-MM-DD ...` and `Source: Publisher – Site – Language`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from wirehouse.articles.spans import FieldSpan

_HEADER_DATE = re.compile(r"date[ \t]+(?P<date>\d{4}-\d{1,2}-\d{1,2})\b[ \t]*", re.IGNORECASE)
_SOURCE = re.compile(r"Source:[ \t]*(?P<rest>[^\n]+)")
_PART_SPLIT = re.compile(r"[ \t]+[–—-][ \t]+")
LANGUAGE_NAMES = {
    "english": "en", "russian": "ru", "french": "fr", "german": "de", "spanish": "es", "arabic": "ar",
    "chinese": "zh", "italian": "it", "portuguese": "pt", "ukrainian": "uk", "turkish": "tr", "japanese": "ja",
}


@dataclass
class Header:
    date: date | None = None
    date_problem: str | None = None
    publisher: str | None = None
    site: str | None = None
    language: str | None = None
    end: int = 0
    fields: list[FieldSpan] = field(default_factory=list)


def parse_header(text: str) -> Header:
    """Read the header at the start of `text`; `end` is where the article proper begins."""
    header = Header()
    match = _HEADER_DATE.match(text)
    if not match:
        return header
    raw = match["date"]
    header.fields.append(FieldSpan("header_date", raw, match.start("date"), match.end("date")))
    try:
        year, month, day = (int(part) for part in raw.split("-"))
        header.date = date(year, month, day)
    except ValueError:
        header.date_problem = f"header date {raw} is not a calendar date"
    cursor = match.end()
    source = _SOURCE.match(text, cursor)
    if source:
        rest_start = source.start("rest")
        parts = []
        position = rest_start
        for piece in _PART_SPLIT.split(source["rest"]):
            start = text.index(piece, position)
            parts.append((piece.strip(), start, start + len(piece.strip())))
            position = start + len(piece)
        if parts:
            header.publisher = parts[0][0]
            header.fields.append(FieldSpan("publisher", *parts[0]))
        if len(parts) > 1 and parts[-1][0].lower() in LANGUAGE_NAMES:
            header.language = LANGUAGE_NAMES[parts[-1][0].lower()]
            header.fields.append(FieldSpan("header_language", *parts[-1]))
            parts = parts[:-1]
        if len(parts) > 1:
            header.site = parts[1][0]
            header.fields.append(FieldSpan("site", *parts[1]))
        cursor = source.end()
    header.end = cursor
    return header
