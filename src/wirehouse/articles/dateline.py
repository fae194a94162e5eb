"""Wire-service datelines in their common styles, with the span of each part.

`MOSCOW, May 3. /TASS/.`  `SIALKOT, Pakistan 1996-12-06`  `WASHINGTON (Reuters) -`
`LONDON, March 6 (AP) —`  `PARIS, Nov 3 (AFP) -`  `MOSCOW. Feb 26 (Interfax) -`  `BEIJING, Jan. 5 (Xinhua) --`
`LONDON/PARIS (Reuters) -`  `KYIV, Ukraine (AP) —`  `(Reuters) -`, and a place alone on a line with the
date on the next.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wirehouse.articles.sources import is_known_agency, normalize_source
from wirehouse.articles.spans import in_capitals

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
# Any case: archives write `March 9`, `MARCH 9` and `april 3`.
_MONTH_NAMES = "(?i:" + "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True)) + ")"
_PARTICLES = "de|da|do|del|della|la|le|el|al|on|upon|am|an|of|sur|en|au|aux|des|du|di"
_WORD = rf"(?!(?:{_MONTH_NAMES})\.? \d)[A-Z][\w'’.\-]*"
_PLACE = rf"{_WORD}(?: (?:{_WORD}|(?:{_PARTICLES})(?= [A-Z]))){{0,4}}"
_PLACES = rf"(?P<place>{_PLACE})(?:/{_PLACE})*"
_REGION = rf"(?:, (?P<region>(?!(?:{_MONTH_NAMES})\b)[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){{0,2}}))"
# `March 6`, `Jan. 5, 2020`, and day first: `14 October 2025`.
_DATE = (rf"(?:(?:[,.]|(?<=\.)) (?:(?P<month>{_MONTH_NAMES})\.? (?P<day>\d{{1,2}})(?:st|nd|rd|th)?\.?(?:,? (?P<year>\d{{4}}))?"
         rf"|(?P<dm_day>\d{{1,2}}) (?P<dm_month>{_MONTH_NAMES})\.?(?: (?P<dm_year>\d{{4}}))?))")
_ISO = r"(?: (?P<iso>\d{4}-\d{2}-\d{2}))"
_AGENCY = r"(?: ?/(?P<agency_slash>[A-Za-z][A-Za-z \-]{1,28})/\.?| \((?P<agency_paren>[A-Za-z][A-Za-z \-]{1,28})\))"
# A dateline is followed by its body on the same line or, alone on its line (`LONDON 1996-08-30`), by the line's end.
_SEPARATOR = r"(?P<sep>\s*(?:-{1,2}|–|—)\s*|\s+|$)"

_DATELINE = re.compile(rf"{_PLACES}{_REGION}?{_DATE}?{_ISO}?{_AGENCY}?{_SEPARATOR}")
_AGENCY_ONLY = re.compile(r"\((?P<agency_paren>Reuters|AP|AFP|Xinhua|Interfax|UPI|dpa)\)\s*(?:-{1,2}|–|—)\s*")
_PLACE_LINE = re.compile(rf"{_PLACES}{_REGION}?,?")
_DATE_LINE = re.compile(
    rf"(?:(?P<month>{_MONTH_NAMES})\.? (?P<day>\d{{1,2}})(?:,? (?P<year>\d{{4}}))?|(?P<iso>\d{{4}}-\d{{2}}-\d{{2}}))"
    rf"{_AGENCY}?{_SEPARATOR}"
)
_LOWER_PARTICLES = set(_PARTICLES.split("|"))


@dataclass(frozen=True)
class Dateline:
    raw: str
    place: str | None
    region: str | None
    month: int | None
    day: int | None
    year: int | None
    iso_date: str | None
    agency: str | None
    length: int                                  # characters, including the separator after it
    place_span: tuple[int, int] | None = None    # relative to the dateline's start
    date_span: tuple[int, int] | None = None
    agency_span: tuple[int, int] | None = None


def normalize_place(place: str) -> str:
    """`RIO DE JANEIRO` → `Rio de Janeiro`, `ROSTOV-ON-DON` → `Rostov-on-Don`; mixed case is kept."""
    if place != place.upper():
        return place
    words = []
    for word_index, word in enumerate(place.lower().split()):
        parts = [
            part if (word_index or part_index) and part in _LOWER_PARTICLES else _capitalize(part)
            for part_index, part in enumerate(word.split("-"))
        ]
        words.append("-".join(parts))
    return " ".join(words)


def _capitalize(word: str) -> str:
    # ST. → St.; O'HARE → O'Hare
    return re.sub(r"(^|['’.])(\w)", lambda m: m.group(1) + m.group(2).upper(), word)


def _span(match: re.Match, group: str) -> tuple[int, int] | None:
    return (match.start(group), match.end(group)) if match.group(group) else None


def _place_text(match: re.Match) -> tuple[str, tuple[int, int]]:
    """The place as written, without a closing period (`MOSCOW.` in Interfax style; `D.C.` keeps its own)."""
    place = match.group("place")
    last_word = place.split()[-1]
    if place.endswith(".") and last_word.count(".") == 1:
        place = place[:-1]
    return place, (match.start("place"), match.start("place") + len(place))


def _build(match: re.Match, raw_text: str, length: int, place_ok: bool = True) -> Dateline:
    groups = match.groupdict()
    agency_raw = groups.get("agency_slash") or groups.get("agency_paren")
    agency_group = "agency_slash" if groups.get("agency_slash") else "agency_paren"
    day_first = bool(groups.get("dm_month"))
    month_name = groups.get("dm_month") if day_first else groups.get("month")
    day, year = (groups.get("dm_day"), groups.get("dm_year")) if day_first else (groups.get("day"), groups.get("year"))
    month = MONTHS[month_name.lower()] if month_name else None
    date_span = None
    if day_first:
        date_span = (match.start("dm_day"), match.end("dm_year" if year else "dm_month"))
    elif month_name:
        date_span = (match.start("month"), match.end("year" if year else "day"))
    elif groups.get("iso"):
        date_span = _span(match, "iso")
    place, place_span = _place_text(match) if place_ok else (None, None)
    return Dateline(
        raw=raw_text[:length].strip(),
        place=normalize_place(place) if place else None,
        region=groups.get("region"),
        month=month,
        day=int(day) if day else None,
        year=int(year) if year else None,
        iso_date=groups.get("iso"),
        agency=normalize_source(agency_raw).name if agency_raw else None,
        length=length,
        place_span=place_span,
        date_span=date_span,
        agency_span=_span(match, agency_group) if agency_raw else None,
    )


def _has_month(groups: dict) -> bool:
    return bool(groups.get("month") or groups.get("dm_month"))


def _plausible(match: re.Match) -> bool:
    groups = match.groupdict()
    agency = groups.get("agency_slash") or groups.get("agency_paren")
    dash = groups["sep"].strip() != ""
    caps_place = in_capitals(groups["place"])
    if agency:
        if not caps_place and not _has_month(groups) and (len(groups["place"].split()) > 3 or groups["place"].startswith("The ")):
            return False  # "US President Joe Biden (AP) -" is a sentence, not a place
        return is_known_agency(agency) or (caps_place and (agency.isupper() or agency.istitle()))
    if groups.get("iso"):
        return caps_place
    if _has_month(groups):
        return dash or caps_place and groups["sep"].startswith(" ")
    return caps_place and dash


def _headline_follows(rest: str) -> bool:
    """Whether the text after a would-be dateline is a headline in capitals (`SOCCER - JAPAN GET LUCKY WIN`,
    `ECONOMIC SPOTLIGHT - POLISH SANCTIONS`): then the words before the dash are a kicker, not a place.
    A dateline opens a body, which is written in sentence case."""
    return in_capitals(rest[:60], min_letters=4, share=0.8)


def parse_dateline(text: str) -> Dateline | None:
    """Match a dateline at the very start of `text` (the first line of the body)."""
    only_agency = _AGENCY_ONLY.match(text)
    if only_agency:
        return _build(only_agency, text, only_agency.end(), place_ok=False)
    match = _DATELINE.match(text)
    if not match or match.group("place").lower() in MONTHS or not _plausible(match):
        return None
    if _headline_follows(text[match.end():]):
        return None
    groups = match.groupdict()
    if not (_has_month(groups) or groups.get("iso") or groups.get("agency_slash") or groups.get("agency_paren")):
        if not match.group("sep").strip():
            return None
        from wirehouse.articles.gazetteer import geocode

        # Nothing but a dash vouches for it (`IPO FILING -- Homegate Inc.`): the place must be one the gazetteer knows.
        if geocode(normalize_place(_place_text(match)[0]), match.group("region")) is None:
            return None
    return _build(match, text, match.end())


def parse_split_dateline(place_line: str, next_line: str) -> Dateline | None:
    """A place alone on one line (`MOSCOW`) and the date opening the next (`June 1, 2020 - ...`)."""
    place = _PLACE_LINE.fullmatch(place_line.strip())
    if not place or not in_capitals(place.group("place")):
        return None
    dated = _DATE_LINE.match(next_line)
    if not dated:
        return None
    offset = len(place_line) + 1
    groups = dated.groupdict()
    month = MONTHS[groups["month"].lower()] if groups.get("month") else None
    agency_raw = groups.get("agency_slash") or groups.get("agency_paren")
    date_end = dated.end("year") if groups.get("year") else dated.end("day") if groups.get("day") else dated.end("iso")
    return Dateline(
        raw=(place_line + "\n" + next_line[: dated.end()]).strip(),
        place=normalize_place(place.group("place")),
        region=place.group("region"),
        month=month,
        day=int(groups["day"]) if groups.get("day") else None,
        year=int(groups["year"]) if groups.get("year") else None,
        iso_date=groups.get("iso"),
        agency=normalize_source(agency_raw).name if agency_raw else None,
        length=offset + dated.end(),
        place_span=(place.start("place"), place.end("place")),
        date_span=(offset + dated.start(), offset + date_end),
        agency_span=None,
    )
