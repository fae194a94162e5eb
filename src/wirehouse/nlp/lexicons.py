"""Team-written lookup data for entity clean-up and linking: roles, demonyms, well-known aliases."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process
from unidecode import unidecode

DATA = Path(__file__).parent / "data"


@lru_cache(maxsize=16_384)
def fold(text: str) -> str:
    """Lower-case ASCII with punctuation dropped: `U.N.` → `un`, `MOSCOW` → `moscow`.

    Cached: the entity clean-up folds the same few thousand words over and over. Small, because
    the rest are new strings that never come back (on 700 benchmark articles: 260,805 calls,
    37,207 distinct, 40,870 misses with 16,384 entries), and a folding costs 1.3 µs. With 200,000
    entries each NLP worker's cache grew by about 230 bytes per new string, to ~45 MB in a long run.
    """
    ascii_text = unidecode(text).lower().replace("’", "'")
    kept = "".join(ch if ch.isalnum() or ch.isspace() else " " if ch in "-/" else "" for ch in ascii_text)
    return " ".join(kept.split())


# Russian and Arabic names reach English wires in several spellings; these rewrites map the
# common ones onto one form (Sergey/Sergei, Dmitry/Dmitri, Mariya/Maria, Aleksey/Alexei, Yuri/Iouri).
_TRANSLITERATION = [
    (re.compile(r"iya\b"), "ia"), (re.compile(r"(?<=[aeiou])y\b"), "i"), (re.compile(r"(?<=[^aeiou])y\b"), "i"),
    (re.compile(r"iy\b"), "i"), (re.compile(r"ii\b"), "i"), (re.compile(r"ks"), "x"), (re.compile(r"kh"), "h"),
    (re.compile(r"\by(?=[aeiou])"), "i"), (re.compile(r"(?<=[aeiou])y(?=[aeiou])"), "i"), (re.compile(r"yu"), "iu"),
    (re.compile(r"ya"), "ia"), (re.compile(r"yo"), "io"), (re.compile(r"ye"), "e"), (re.compile(r"ou"), "u"),
    (re.compile(r"ph"), "f"), (re.compile(r"(\w)\1"), r"\1"),
]


def person_key(name: str) -> str:
    """Match key for a person's name: folded, with transliteration variants made one."""
    key = fold(name)
    for pattern, replacement in _TRANSLITERATION:
        key = pattern.sub(replacement, key)
    return key


@dataclass(frozen=True)
class Roles:
    by_form: dict[tuple[str, ...], str]   # folded token sequence → role name
    longest: int
    first_words: frozenset[str] = frozenset()  # the first folded word of every form
    last_words: frozenset[str] = frozenset()   # and the last


@lru_cache(maxsize=1)
def roles() -> Roles:
    data = json.loads((DATA / "roles.json").read_text(encoding="utf-8"))
    by_form: dict[tuple[str, ...], str] = {}
    for entry in data["roles"]:
        for form in [entry["role"], *entry["forms"]]:
            key = tuple(fold(form).split())
            if key:
                by_form.setdefault(key, entry["role"])
    return Roles(by_form, max(len(k) for k in by_form), frozenset(key[0] for key in by_form),
                 frozenset(key[-1] for key in by_form))


@dataclass(frozen=True)
class Demonyms:
    country_of: dict[str, str]        # folded demonym → country name
    iso_of: dict[str, str]            # country name → ISO code


@lru_cache(maxsize=1)
def demonyms() -> Demonyms:
    data = json.loads((DATA / "demonyms.json").read_text(encoding="utf-8"))
    country_of, iso_of = {}, {}
    for entry in data["countries"]:
        iso_of[entry["country"]] = entry["iso2"]
        for demonym in entry["demonyms"]:
            country_of[fold(demonym)] = entry["country"]
    return Demonyms(country_of, iso_of)


@dataclass(frozen=True)
class KnownEntity:
    canonical: str
    entity_type: str


@dataclass(frozen=True)
class KnownAliases:
    exact: dict[str, KnownEntity]       # alias as written (acronyms are case-sensitive)
    folded: dict[str, KnownEntity]      # folded alias → entity, for multi-letter-case variants


def _is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 6


@lru_cache(maxsize=1)
def known_aliases() -> KnownAliases:
    data = json.loads((DATA / "org_aliases.json").read_text(encoding="utf-8"))
    exact, folded = {}, {}
    for entry in data["entities"]:
        known = KnownEntity(entry["canonical"], entry["type"])
        for alias in [entry["canonical"], *entry["aliases"]]:
            alias = alias.strip()
            if alias.lower().startswith("the "):
                alias = alias[4:]
            exact.setdefault(alias, known)
            if not _is_acronym(alias):
                folded.setdefault(fold(alias), known)
    return KnownAliases(exact, folded)


# Long names written with words reordered or one word inflected ("Ministry of Foreign Affairs of Russia",
# "Russian Ministry for Foreign Affairs") still match a listed alias at this token-sort similarity.
_FUZZY_MIN_SCORE = 92
_FUZZY_MIN_WORDS = 3


@lru_cache(maxsize=1)
def _long_aliases() -> tuple[list[str], list[KnownEntity]]:
    folded = known_aliases().folded
    names = sorted(name for name in folded if len(name.split()) >= _FUZZY_MIN_WORDS)
    return names, [folded[name] for name in names]


@lru_cache(maxsize=65536)
def lookup_known(name: str) -> KnownEntity | None:
    """A well-known entity this name refers to; acronyms must match their case (`IS`, not `is`)."""
    aliases = known_aliases()
    found = aliases.exact.get(name) or (None if _is_acronym(name) else aliases.folded.get(fold(name)))
    if found is not None or len(name.split()) < _FUZZY_MIN_WORDS:
        return found
    names, entities = _long_aliases()
    best = process.extractOne(fold(name), names, scorer=fuzz.token_sort_ratio, score_cutoff=_FUZZY_MIN_SCORE)
    return entities[best[2]] if best else None
