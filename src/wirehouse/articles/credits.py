"""Photo captions and credit lines: `REUTERS/Name - RTX39M8M`, `© Name/TASS`, `Photo: ...`, `(AP Photo/Name)`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from wirehouse.articles.sources import normalize_source

AGENCY_CREDIT = r"TASS|REUTERS|Reuters|AP|AFP|EPA|EPA-EFE|Getty Images|Xinhua|RIA Novosti|Sputnik|dpa|EFE|UPI|ANSA|Anadolu|Bloomberg"
_NAME = r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}"
_PHOTO_ID = r"(?:\s+-\s+(?P<photo_id>[A-Z0-9]{6,}))?"
# A credit standing alone, or at the end of a caption line.
_CREDIT_FORMS = (
    r"(?:©\s*)?(?:" + AGENCY_CREDIT + r")/(?P<name1>" + _NAME + r")" + _PHOTO_ID,          # REUTERS/Name - RTX...
    r"(?:©\s*)?(?P<name2>" + _NAME + r")\s*/\s*(?:" + AGENCY_CREDIT + r")(?:\s+via\s+\w+)?",  # Name/TASS, © Name/TASS
    r"\((?:AP|AFP|Reuters) Photo/[^)]+\)",                                                   # (AP Photo/Name)
    r"(?:Photo|Photograph|Picture)(?: credit)?:\s*[^\n]{2,80}",                              # Photo: Name
    r"©\s*[^\n]{2,80}",                                                                       # © anything
)
_CREDIT = re.compile(r"(?:" + "|".join(_CREDIT_FORMS) + r")$")
_CREDIT_AGENCY = re.compile(r"(?<![\w])(?P<agency>" + AGENCY_CREDIT + r")(?: Photo)?(?=/)|/\s*(?P<agency2>" + AGENCY_CREDIT + r")\b")
# Where a credit at the end of a caption line starts: after 2+ spaces, or where an agency credit begins.
_TAIL_START = re.compile(r"(?:\s{2,}|\s+(?=(?:" + AGENCY_CREDIT + r")/)|\s+(?=\((?:AP|AFP|Reuters) Photo/))")


@dataclass(frozen=True)
class Credit:
    text: str          # the credit without the picture id
    start: int         # offsets relative to the line
    end: int
    agency: str | None
    photo_id: str | None
    photo_id_start: int | None


def parse_credit(line: str, offset: int = 0) -> Credit | None:
    """The credit if the whole of `line[offset:]` is one."""
    match = _CREDIT.match(line, offset)
    if not match or match.end() != len(line):
        return None
    photo_id = match.groupdict().get("photo_id")
    end = match.start("photo_id") if photo_id else match.end()
    text = line[match.start():end].rstrip(" -")
    agency_match = _CREDIT_AGENCY.search(text)
    agency = None
    if agency_match:
        agency = normalize_source(agency_match["agency"] or agency_match["agency2"]).name
    return Credit(text, match.start(), match.start() + len(text), agency, photo_id,
                  match.start("photo_id") if photo_id else None)


def split_caption_credit(line: str) -> tuple[str, Credit | None]:
    """`Caption text   Name/TASS` → (`Caption text`, credit). A line that is all credit gives ('', credit)."""
    whole = parse_credit(line)
    if whole:
        return "", whole
    for tail in _TAIL_START.finditer(line):
        credit = parse_credit(line, tail.end())
        if credit:
            return line[: tail.start()].rstrip(), credit
    return line, None
