"""Header lines users' files start with: `date YYYY-MM-DD ...` and `Source: Publisher – Site – Language`,
or an e-mail's (`From:`, `To:`, `Date:`, `Subject:`) as releases forwarded by mail arrive."""

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
    subject: FieldSpan | None = None  # an e-mail's Subject: the article's title


# An e-mail header block: `Name: value` lines from the first line on, ended by a blank line.
_MAIL_LINE = re.compile(r"(?P<name>From|To|Cc|Bcc|Date|Sent|Subject|Reply-To|Organization|Organisation)"
                        r":[ \t]*(?P<value>[^\n]*)(?:\n|$)", re.IGNORECASE)


def _mail_date(value: str) -> date | None:
    """`Tue, 14 Oct 2025 09:12:00 +0100` (RFC 5322), else whatever dateparser reads as a full date."""
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        pass
    import dateparser

    parsed = dateparser.parse(value, settings={"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DATES_FROM": "past"})
    return parsed.date() if parsed else None


def parse_mail_header(text: str) -> Header | None:
    """The header of an e-mail shaped file, or None: at least two header lines, one of them From or
    Subject, from the first line on. Date gives the header date, Subject the title."""
    header = Header()
    cursor, names = 0, set()
    while (line := _MAIL_LINE.match(text, cursor)) and line.group(0).strip():
        name, value = line["name"].lower(), line["value"].strip()
        names.add(name)
        value_start = line.start("value")
        value_span = (value_start, value_start + len(value))
        if name in ("date", "sent") and value and header.date is None and header.date_problem is None:
            header.date = _mail_date(value)
            if header.date is None:
                header.date_problem = f"e-mail {line['name']}: header {value!r} is not a date"
            header.fields.append(FieldSpan("header_date", value, *value_span))
        elif name == "subject" and value:
            header.subject = FieldSpan("title", value, *value_span)
        elif name == "from" and value:
            header.fields.append(FieldSpan("mail_from", value, *value_span))
        cursor = line.end()
    if len(names) < 2 or not names & {"from", "subject"}:
        return None
    header.end = cursor
    return header


def parse_header(text: str) -> Header:
    """Read the header at the start of `text`; `end` is where the article proper begins."""
    header = Header()
    match = _HEADER_DATE.match(text)
    if not match:
        return parse_mail_header(text) or header
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
