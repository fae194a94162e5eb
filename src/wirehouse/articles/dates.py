"""Publication date with provenance: which evidence gave it, how sure we are, and why not when unknown."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from wirehouse.articles.dateline import MONTHS, Dateline
from wirehouse.articles.spans import FieldSpan
from wirehouse.articles.years import past_years

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_RE = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
_MONTH_ALT = "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True))
_FULL_DATE = re.compile(
    rf"\b(?:(?P<month>{_MONTH_ALT})\.? (?P<day>\d{{1,2}})(?:st|nd|rd|th)?,? (?P<year>(?:19|20)\d\d)"
    rf"|(?P<day2>\d{{1,2}}) (?P<month2>{_MONTH_ALT})\.? (?P<year2>(?:19|20)\d\d))\b"
)
# Past the latest year the text mentions, how many years we look for a matching weekday.
# Within four consecutive years one calendar day falls on four different weekdays, so a match is unique.
_YEAR_WINDOW = 3
FLAGS = ("year_unresolved", "invalid_date", "future_date")


@dataclass(frozen=True)
class DatedEvidence:
    value: date | None
    source: str                   # header / dateline / caption / body / none
    confidence: float
    note: str | None = None
    flag: str | None = None       # one of FLAGS when the date needs a person's look
    span: FieldSpan | None = None


def today() -> date:
    return datetime.now(timezone.utc).date()


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def full_dates(text: str, offset: int = 0) -> list[tuple[date | None, FieldSpan]]:
    """`June 8, 2017` and `8 June 2017` in `text`, with absolute spans; None for impossible ones."""
    found = []
    for match in _FULL_DATE.finditer(text):
        month = match["month"] or match["month2"]
        day = int(match["day"] or match["day2"])
        year = int(match["year"] or match["year2"])
        value = _safe_date(year, MONTHS[month.lower()], day)
        found.append((value, FieldSpan("date_evidence", match.group(0), offset + match.start(), offset + match.end())))
    return found


def infer_year(month: int, day: int, body: str) -> tuple[int | None, str]:
    """Settle the year of a month-and-day dateline from the weekday and the years the text names.

    A weekday the text names (`said on Tuesday`) must fall on that day, in a year no earlier
    than the latest year the text refers to as past. Returns (year, explanation); the year is
    None when the evidence does not pick exactly one.
    """
    weekdays = {WEEKDAYS.index(w.lower()) for w in _WEEKDAY_RE.findall(body)}
    years = past_years(body)
    if not weekdays:
        return None, f"dateline gives {month:02d}-{day:02d} without a year, and the text names no weekday"
    if not years:
        return None, f"dateline gives {month:02d}-{day:02d} without a year, and the text mentions no past year to anchor the weekday"
    latest = max(years)
    matches = [
        year for year in range(latest, latest + _YEAR_WINDOW + 1)
        if (candidate := _safe_date(year, month, day)) is not None and candidate.weekday() in weekdays
        and candidate <= today() + timedelta(days=1)
    ]
    if not matches:
        return None, (f"no year from {latest} (the latest year mentioned) to {latest + _YEAR_WINDOW} puts "
                      f"{month:02d}-{day:02d} on a weekday the text names")
    return matches[0], (f"year {matches[0]}: the first year from {latest} (the latest year mentioned) in which "
                        f"{month:02d}-{day:02d} falls on a weekday the text names")


def _checked(value: date, source: str, confidence: float, note: str | None, span: FieldSpan | None) -> DatedEvidence:
    if value > today() + timedelta(days=1):
        return DatedEvidence(None, "none", 0.0, f"{source} date {value.isoformat()} is in the future; rejected",
                             "future_date", span)
    return DatedEvidence(value, source, confidence, note, None, span)


def resolve_published_date(
    header_date: date | None,
    header_problem: str | None,
    header_span: FieldSpan | None,
    dateline: Dateline | None,
    dateline_date_span: FieldSpan | None,
    captions: list[FieldSpan],
    body: str,
    body_offset: int,
) -> DatedEvidence:
    """The best-supported publication date, in order: header, dateline, caption, body.

    Rejected evidence (impossible or future dates) is explained in the note and flagged,
    and the next kind of evidence is tried; a dateline whose year the text does not settle
    stops the search, since a caption or body date would only be a guess for it.
    """
    rejected: list[DatedEvidence] = []
    if header_problem:
        rejected.append(DatedEvidence(None, "none", 0.0, header_problem, "invalid_date", header_span))
    candidates = []
    if header_date is not None:
        candidates.append(lambda: _checked(header_date, "header", 1.0, None, header_span))
    if dateline is not None and (dateline.iso_date or dateline.month):
        candidates.append(lambda: _from_dateline(dateline, dateline_date_span, captions, body))
    for caption in captions:
        for value, span in full_dates(caption.value, caption.start):
            if value is not None:
                candidates.append(lambda v=value, s=span: _checked(v, "caption", 0.7, "date of the photo in the caption", s))
    for value, span in full_dates(body.split("\n\n", 1)[0], body_offset):
        if value is not None:
            candidates.append(lambda v=value, s=span: _checked(v, "body", 0.5, "full date in the first paragraph", s))
    for candidate in candidates:
        evidence = candidate()
        if evidence.value is not None:
            notes = [r.note for r in rejected] + ([evidence.note] if evidence.note else [])
            return DatedEvidence(evidence.value, evidence.source, evidence.confidence, "; ".join(notes) or None,
                                 rejected[0].flag if rejected else None, evidence.span)
        rejected.append(evidence)
        if evidence.flag == "year_unresolved":
            break
    if not rejected:
        return DatedEvidence(None, "none", 0.0, "no date header, dated dateline, dated caption or dated first paragraph")
    return DatedEvidence(None, "none", 0.0, "; ".join(r.note for r in rejected if r.note), rejected[0].flag)


def _from_dateline(dateline: Dateline, span: FieldSpan | None, captions: list[FieldSpan], body: str) -> DatedEvidence:
    if dateline.iso_date:
        value = _safe_date(*map(int, dateline.iso_date.split("-")))
        if value is None:
            return DatedEvidence(None, "none", 0.0, f"dateline date {dateline.iso_date} is not a calendar date",
                                 "invalid_date", span)
        return _checked(value, "dateline", 0.95, None, span)
    month, day = dateline.month, dateline.day
    if dateline.year:
        value = _safe_date(dateline.year, month, day)
        if value is None:
            return DatedEvidence(None, "none", 0.0, f"dateline date {dateline.year}-{month:02d}-{day:02d} is not a "
                                 "calendar date", "invalid_date", span)
        return _checked(value, "dateline", 0.95, None, span)
    if _safe_date(2000, month, day) is None:  # 2000 is a leap year: every real month-day exists in it
        return DatedEvidence(None, "none", 0.0, f"dateline day {month:02d}-{day:02d} is not a calendar day",
                             "invalid_date", span)
    for caption in captions:
        for value, _ in full_dates(caption.value, caption.start):
            if value is not None and (value.month, value.day) == (month, day):
                return _checked(value, "dateline", 0.9, f"year {value.year} from the photo caption of the same day", span)
    year, note = infer_year(month, day, body)
    if year is None:
        return DatedEvidence(None, "none", 0.0, note, "year_unresolved", span)
    return _checked(date(year, month, day), "dateline", 0.8, note, span)
