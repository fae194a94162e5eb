"""Deterministic surrogate keys derived from natural keys, so reloads never mint new ones."""

from __future__ import annotations

import hashlib
from datetime import date


def natural_key(*parts: str | None) -> str:
    """First 16 hex digits of SHA-256 over the lower-cased parts joined by a unit separator."""
    joined = "\x1f".join((part or "").strip().lower() for part in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


def source_key(name: str) -> str:
    return natural_key("source", name)


def location_key(name: str, country_code: str | None) -> str:
    return natural_key("location", name, country_code)


def entity_key(entity_type: str, canonical_name: str) -> str:
    return natural_key("entity", entity_type, canonical_name)


def topic_key(scheme: str, code: str) -> str:
    return natural_key("topic", scheme, code)


def date_key(day: date | None) -> int | None:
    return None if day is None else day.year * 10000 + day.month * 100 + day.day
