"""Where in the full text each metadata value came from."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldSpan:
    """`value` of metadata `field` was read from full_text[start:end]."""

    field: str
    value: str
    start: int
    end: int
