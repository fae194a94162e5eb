"""Lines after the story proper: reporting credits and publisher boilerplate (`Reporting by ...; Editing by ...`,
`... contributed to this report.`). The names in them are the newsroom's, not the story's."""

from __future__ import annotations

import re

_TRAILER_LINE = re.compile(
    r"(?:\(?(?:additional )?(?:reporting|writing|editing|compiled|translated|graphics)(?: by)?\b.*"
    r"|our standards:.*|©\s*\d{4}.*|all rights reserved.*|(?:read|see) (?:also|more):?.*"
    # "Associated Press writers Lisa Mascaro and Kevin Freking contributed to this report."
    r"|.{0,200}\bcontributed(?: reporting)? to this (?:report|story|article)\.?)\)?$",
    re.IGNORECASE,
)
# Only the last few lines can be trailer; a credit-like line mid-story is story.
_MAX_TRAILER_LINES = 4


def trailer_start(text: str, body_start: int) -> int:
    """Offset where the trailer begins (len(text) when there is none)."""
    lines = text[body_start:].split("\n")
    offsets, position = [], body_start
    for line in lines:
        offsets.append(position)
        position += len(line) + 1
    start = len(text)
    checked = 0
    for line, offset in zip(reversed(lines), reversed(offsets)):
        if not line.strip():
            continue
        if checked >= _MAX_TRAILER_LINES or not _TRAILER_LINE.match(line.strip()) or offset == body_start:
            break
        start = offset + (len(line) - len(line.lstrip()))
        checked += 1
    return start
