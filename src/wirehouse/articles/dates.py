"""Publication date with provenance: which evidence gave it and how sure we are."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from wirehouse.articles.dateline import MONTHS, Dateline

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_RE = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
_YEAR_RE = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_MONTH_DAY_YEAR_RE = re.compile(
    r"\b(?P<month>" + "|".join(m.capitalize() for m in MONTHS) + r")\.? (?P<day>\d{1,2}), (?P<year>(?:19|20)\d\d)\b"
)
# How far past the latest year the text mentions we look for a matching weekday.
_YEAR_WINDOW = 3


@dataclass(frozen=True)
class DatedEvidence:
    value: date | None
    source: str  # header / dateline / caption / body / none
    confidence: float
    note: str | None = None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def caption_date(caption: str) -> date | None:
    """`... in Moscow, Russia, June 8, 2017. REUTERS/...` → 2017-06-08."""
    match = _MONTH_DAY_YEAR_RE.search(caption)
    if not match:
        return None
    return _safe_date(int(match["year"]), MONTHS[match["month"].lower()], int(match["day"]))


def infer_year(month: int, day: int, body: str) -> tuple[int | None, str]:
    """Settle the year of a month-and-day dateline from weekdays and years in the text.

    A weekday the text names (`said on Tuesday`) must fall on that day, in a year no
    earlier than the latest year the text mentions. Returns (year, explanation);
    year is None when the evidence does not pick exactly one year.
    """
    weekdays = {WEEKDAYS.index(w.lower()) for w in _WEEKDAY_RE.findall(body)}
    years = [int(y) for y in _YEAR_RE.findall(body)]
    if not weekdays:
        return None, f"dateline gives month {month} day {day} but no year, and the text names no weekday"
    if not years:
        return None, f"dateline gives month {month} day {day} with no year, and the text mentions no year to anchor the weekday"
    latest = max(years)
    matches = [
        year
        for year in range(latest, latest + _YEAR_WINDOW + 1)
        if (candidate := _safe_date(year, month, day)) is not None and candidate.weekday() in weekdays
    ]
    if not matches:
        return None, f"no year from {latest} to {latest + _YEAR_WINDOW} puts month {month} day {day} on a weekday the text names"
    return matches[0], f"year {matches[0]}: first year from {latest} (latest year mentioned) where the named weekday falls on that day"


def resolve_published_date(
    header_date: date | None,
    dateline: Dateline | None,
    captions: list[str],
    body: str,
) -> DatedEvidence:
    if header_date is not None:
        return DatedEvidence(header_date, "header", 1.0)
    if dateline is not None:
        if dateline.iso_date:
            parsed = _safe_date(*map(int, dateline.iso_date.split("-")))
            if parsed:
                return DatedEvidence(parsed, "dateline", 0.95)
        if dateline.month and dateline.day:
            if dateline.year:
                parsed = _safe_date(dateline.year, dateline.month, dateline.day)
                if parsed:
                    return DatedEvidence(parsed, "dateline", 0.95)
            year, note = infer_year(dateline.month, dateline.day, body)
            if year is not None:
                return DatedEvidence(_safe_date(year, dateline.month, dateline.day), "dateline", 0.8, note)
            return DatedEvidence(None, "none", 0.0, note)
    for caption in captions:
        parsed = caption_date(caption)
        if parsed:
            return DatedEvidence(parsed, "caption", 0.7, "date of the photo in the caption")
    return DatedEvidence(None, "none", 0.0, "no date header, dated dateline or dated caption")
