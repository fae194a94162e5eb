"""Where in the full text each metadata value came from, and the lines and capitals of a text."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldSpan:
    """`value` of metadata `field` was read from full_text[start:end]."""

    field: str
    value: str
    start: int
    end: int


def line_bounds(text: str, offset: int) -> tuple[int, int]:
    """(start, end) of the line of `text` that holds `offset`, without its line break."""
    end = text.find("\n", offset)
    return text.rfind("\n", 0, offset) + 1, len(text) if end == -1 else end


def in_capitals(text: str, min_letters: int = 2, share: float = 1.0) -> bool:
    """At least `min_letters` letters, and at least `share` of them upper case."""
    letters = [char for char in text if char.isalpha()]
    return len(letters) >= min_letters and sum(char.isupper() for char in letters) >= share * len(letters)
