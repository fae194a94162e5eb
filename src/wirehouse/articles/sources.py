"""Agencies and publishers under one name each: `REUTERS`, `Thomson Reuters` → Reuters."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Source:
    name: str
    kind: str  # agency | publisher


_AGENCIES = {
    "TASS": ["tass", "itar-tass", "itar tass"],
    "Reuters": ["reuters", "thomson reuters", "reuters breakingviews"],
    "AP": ["ap", "associated press", "the associated press"],
    "AFP": ["afp", "agence france-presse", "agence france presse"],
    "Interfax": ["interfax"],
    "RIA Novosti": ["ria novosti", "ria"],
    "Sputnik": ["sputnik"],
    "Xinhua": ["xinhua"],
    "UPI": ["upi", "united press international"],
    "dpa": ["dpa", "deutsche presse-agentur"],
    "EFE": ["efe", "epa-efe"],
    "EPA": ["epa"],
    "ANSA": ["ansa"],
    "Anadolu": ["anadolu", "anadolu agency", "aa"],
    "Kyodo": ["kyodo"],
    "Yonhap": ["yonhap"],
    "Bloomberg": ["bloomberg"],
    "Getty Images": ["getty images"],
}
_PUBLISHERS = {
    "President of Russia": ["president of russia", "the kremlin", "kremlin", "kremlin.ru"],
}
_LOOKUP = {alias: Source(name, "agency") for name, aliases in _AGENCIES.items() for alias in aliases}
_LOOKUP.update({alias: Source(name, "publisher") for name, aliases in _PUBLISHERS.items() for alias in aliases})


def normalize_source(raw: str, default_kind: str = "agency") -> Source:
    """The canonical source for a name as written; unknown names are kept as written."""
    cleaned = " ".join(raw.strip().strip("/()").split())
    return _LOOKUP.get(cleaned.lower(), Source(cleaned, default_kind))


def is_known_agency(raw: str) -> bool:
    found = _LOOKUP.get(" ".join(raw.strip().lower().split()))
    return found is not None and found.kind == "agency"
