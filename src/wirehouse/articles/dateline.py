"""Wire-service datelines: `MOSCOW, May 3. /TASS/.`, `WASHINGTON (Reuters) -`, `LONDON, March 6 (AP) —`."""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_MONTH = r"(?P<month>" + "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True)) + r")"
_CAPS_PLACE = r"(?P<place>[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,3})"
_ANY_PLACE = r"(?P<place>[A-Z][A-Za-z'’.\-]+(?: (?:[A-Z][A-Za-z'’.\-]+|de|da|do|del|la|le|el)){0,3})"
_REGION = r"(?:, (?P<region>[A-Z][a-z]+(?: [A-Z][a-z]+)?))"
_DASH = r"\s*[-–—]+\s*"

AGENCY_NAMES = {
    "tass": "TASS", "reuters": "Reuters", "ap": "AP", "afp": "AFP", "upi": "UPI",
    "xinhua": "Xinhua", "ria novosti": "RIA Novosti", "interfax": "Interfax", "dpa": "dpa", "efe": "EFE",
}

_PATTERNS = [
    # MOSCOW, June 1. /TASS/.   (TASS house style; mixed-case places allowed)
    re.compile(_ANY_PLACE + r", " + _MONTH + r"\.? (?P<day>\d{1,2})\.? /(?P<agency>[A-Za-z][A-Za-z \-]{1,20})/\.?\s*"),
    # LONDON, March 6 (AP) —   PARIS, Nov 3 (AFP) -
    re.compile(_ANY_PLACE + _REGION + r"?, " + _MONTH + r"\.? (?P<day>\d{1,2})(?:, (?P<year>\d{4}))? \((?P<agency>[A-Za-z][A-Za-z \-]{1,20})\)" + _DASH),
    # WASHINGTON (Reuters) -
    re.compile(_ANY_PLACE + _REGION + r"? \((?P<agency>[A-Za-z][A-Za-z \-]{1,20})\)" + _DASH),
    # SIALKOT, Pakistan 1996-12-06
    re.compile(_CAPS_PLACE + _REGION + r"? (?P<iso>\d{4}-\d{2}-\d{2})\b\s*"),
    # NEW YORK, Jan 10 —   (all-caps place, no agency)
    re.compile(_CAPS_PLACE + _REGION + r"?, " + _MONTH + r"\.? (?P<day>\d{1,2})(?:, (?P<year>\d{4}))?\.?" + r"(?:" + _DASH + r"|\s+)"),
]

_LOWER_PARTICLES = {"de", "da", "do", "del", "la", "le", "el", "of", "on", "upon", "am", "an", "der"}


@dataclass(frozen=True)
class Dateline:
    raw: str
    place: str
    region: str | None
    month: int | None
    day: int | None
    year: int | None
    iso_date: str | None
    agency: str | None
    length: int  # characters of the dateline, including the separator after it


def normalize_place(place: str) -> str:
    """`RIO DE JANEIRO` → `Rio de Janeiro`; mixed-case names are kept as written."""
    if place != place.upper():
        return place
    words = []
    for word_index, word in enumerate(place.lower().split()):
        parts = [
            part if (word_index or part_index) and part in _LOWER_PARTICLES else part.capitalize()
            for part_index, part in enumerate(word.split("-"))
        ]
        words.append("-".join(parts))
    return " ".join(words)


def normalize_agency(raw: str) -> str:
    key = raw.strip().lower()
    return AGENCY_NAMES.get(key, raw.strip())


def parse_dateline(text: str) -> Dateline | None:
    """Match a dateline at the very start of `text` (a body paragraph)."""
    for pattern in _PATTERNS:
        match = pattern.match(text)
        if not match:
            continue
        groups = match.groupdict()
        place = groups["place"].strip()
        if place.lower() in MONTHS:
            continue
        month = MONTHS[groups["month"].lower()] if groups.get("month") else None
        agency = groups.get("agency")
        return Dateline(
            raw=match.group(0).strip(),
            place=normalize_place(place),
            region=groups.get("region"),
            month=month,
            day=int(groups["day"]) if groups.get("day") else None,
            year=int(groups["year"]) if groups.get("year") else None,
            iso_date=groups.get("iso"),
            agency=normalize_agency(agency) if agency else None,
            length=match.end(),
        )
    return None
