"""Publication date with provenance: which evidence gave it, how sure we are, and why not when unknown."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from wirehouse.articles.dateline import MONTHS, Dateline
from wirehouse.articles.spans import FieldSpan

_MONTH_ALT = "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True))
_FULL_DATE = re.compile(
    rf"\b(?:(?P<month>{_MONTH_ALT})\.? (?P<day>\d{{1,2}})(?:st|nd|rd|th)?,? (?P<year>(?:19|20)\d\d)"
    rf"|(?P<day2>\d{{1,2}}) (?P<month2>{_MONTH_ALT})\.? (?P<year2>(?:19|20)\d\d))\b"
)
FLAGS = ("year_unresolved", "invalid_date", "future_date")


@dataclass(frozen=True)
class DatedEvidence:
    value: date | None
    source: str                   # header / dateline / dateline+reference / caption / none
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
    reference: date | None = None,
) -> DatedEvidence:
    """The best-supported publication date, in order: header, dateline, caption.

    A wrong date is worse than none: it moves the article in every trend without anyone seeing it.
    So a full date in the body is taken for the date of something the story tells, never of its
    publication; weekday names and the years a text mentions never settle a dateline's year (see
    `_from_dateline`). Rejected evidence (impossible or future dates) is explained in the note and
    flagged, and the next kind of evidence is tried; a dateline whose year nothing settles stops the
    search, since a caption date would only be a guess for it.
    """
    rejected: list[DatedEvidence] = []
    if header_problem:
        rejected.append(DatedEvidence(None, "none", 0.0, header_problem, "invalid_date", header_span))
    candidates = []
    if header_date is not None:
        candidates.append(lambda: _checked(header_date, "header", 1.0, None, header_span))
    if dateline is not None and (dateline.iso_date or dateline.month):
        candidates.append(lambda: _from_dateline(dateline, dateline_date_span, captions, body, reference))
    for caption in captions:
        for value, span in full_dates(caption.value, caption.start):
            if value is not None:
                candidates.append(lambda v=value, s=span: _checked(v, "caption", 0.7, "date of the photo in the caption", s))
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
        return DatedEvidence(None, "none", 0.0, "no date header, dated dateline or dated caption")
    return DatedEvidence(None, "none", 0.0, "; ".join(r.note for r in rejected if r.note), rejected[0].flag)


def latest_on_or_before(month: int, day: int, reference: date) -> date:
    """The latest `month`-`day` on or before `reference` (29 February: the latest leap day)."""
    for year in range(reference.year, reference.year - 8, -1):
        candidate = _safe_date(year, month, day)
        if candidate is not None and candidate <= reference:
            return candidate
    raise ValueError(f"{month:02d}-{day:02d} is not a calendar day")


def _from_dateline(dateline: Dateline, span: FieldSpan | None, captions: list[FieldSpan], body: str,
                   reference: date | None) -> DatedEvidence:
    """The dateline's date. Without a year, only evidence that settles it gives one: a full date of
    the same month and day in a caption or the text, else the run's reference date (the latest such
    day on or before it: a live inbox holds recent stories). Weekday names do not settle it (a story
    names the days of the events it tells), nor do the years it mentions ("by 1990", "fiscal 1986")."""
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
    for where, texts in (("photo caption", [(c.value, c.start) for c in captions]), ("text", [(body, 0)])):
        for text, offset in texts:
            for value, _ in full_dates(text, offset):
                if value is not None and (value.month, value.day) == (month, day):
                    return _checked(value, "dateline", 0.9, f"year {value.year} from a full date of the same day in "
                                    f"the {where}", span)
    if reference is not None:
        value = latest_on_or_before(month, day, reference)
        return _checked(value, "dateline+reference", 0.6, f"year {value.year}: the latest {month:02d}-{day:02d} on or "
                        f"before the run's reference date {reference.isoformat()}", span)
    return DatedEvidence(None, "none", 0.0, f"dateline gives {month:02d}-{day:02d} without a year, and nothing in the "
                         "file settles it (a run's --reference-date would)", "year_unresolved", span)
