"""Which four-digit numbers in a text are years it refers to as past (not `resolution 2254`)."""

from __future__ import annotations

import re

_CANDIDATE = re.compile(r"(?<![\d,.$€£#/-])\b(1[89]\d\d|20\d\d)\b(?!\d|[,.]\d|-\d|%)")
# A number right after one of these words is an identifier, not a year.
_IDENTIFIER_BEFORE = re.compile(
    r"(?:resolution|resolutions|no\.|number|nos\.|article|articles|flight|code|page|pages|paragraph|item|route|"
    r"room|unit|model|decree|order|law|bill|section|chapter|case|file|document|ref\.|reference|tel\.|phone|hr|s\.)\s*$",
    re.IGNORECASE,
)
# ... and one followed by a counted noun is a quantity.
_QUANTITY_AFTER = re.compile(
    r"^\s*(?:people|persons|troops|soldiers|servicemen|civilians|dead|killed|wounded|injured|refugees|migrants|tons|"
    r"tonnes|barrels|dollars|euros|rubles|roubles|km|kilometers|kilometres|miles|meters|metres|members|votes|"
    r"delegates|cases|deaths|units|vehicles|trucks|homes|houses|hectares|acres|feet|workers|employees|jobs|"
    r"students|children|patients|beds|flights|sq|square)\b",
    re.IGNORECASE,
)
# A year in a clause about the future is not evidence of when the text was written.
_FUTURE_BEFORE = re.compile(
    r"(?:\b(?:will|shall|plans?|planned|planning|to host|to hold|is to|are to|ahead of|scheduled|expected|"
    r"upcoming|target|aims?|goal)\b[^.;]{0,40}|\b(?:by|until|till|through|before|next)\s+(?:the end of\s+)?)$",
    re.IGNORECASE,
)


def past_years(text: str) -> list[int]:
    """Years the text mentions as past or present, in order of appearance."""
    years = []
    for match in _CANDIDATE.finditer(text):
        before = text[max(0, match.start() - 60):match.start()]
        after = text[match.end():match.end() + 20]
        if _IDENTIFIER_BEFORE.search(before) or _QUANTITY_AFTER.match(after) or _FUTURE_BEFORE.search(before):
            continue
        years.append(int(match.group(1)))
    return years
