"""One canonical entity per real-world thing, with a deterministic key and the method that linked each alias.

Keys depend only on the mention (and, for surnames and acronyms, on its own article), never on
load order: the same articles in any order give the same keys. Display names of entities the
team's alias list does not know are chosen from all their mentions after each load (SQL).
"""

from __future__ import annotations

from dataclasses import dataclass

from wirehouse.articles.gazetteer import Place, geocode
from wirehouse.nlp.lexicons import demonyms, fold, lookup_known, person_key
from wirehouse.warehouse.keys import natural_key

_INITIAL_SKIP = {"of", "and", "for", "the", "on", "in", "de", "des", "du", "la", "le", "&"}
PLACE_TYPES = ("GPE", "LOC", "FAC")


@dataclass(frozen=True)
class LinkedEntity:
    entity_key: str
    entity_type: str
    name: str               # display name proposed by this mention
    name_source: str        # curated (from the team's alias list) or observed
    method: str             # how the alias was linked
    related_key: str | None = None
    relation: str | None = None
    place: Place | None = None


def entity_key_for(entity_type: str, match_key: str) -> str:
    return natural_key("entity", entity_type, match_key)


def _initials(name: str) -> str:
    return "".join(word[0] for word in name.replace("-", " ").split() if word.lower() not in _INITIAL_SKIP and word[:1].isupper())


def article_acronyms(names: list[tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """Acronym → (label, expansion) for organizations spelled out in the same article."""
    found: dict[str, tuple[str, str]] = {}
    for name, label in names:
        if label == "ORG" and len(name.split()) >= 2:
            initials = _initials(name)
            if len(initials) >= 2:
                found.setdefault(initials, (label, name))
    return found


def _curated(known, method: str) -> LinkedEntity:
    return LinkedEntity(entity_key_for(known.entity_type, fold(known.canonical)), known.entity_type, known.canonical,
                        "curated", method)


def link(name: str, label: str, resolved_name: str | None, acronyms: dict[str, tuple[str, str]]) -> LinkedEntity:
    """The entity a mention (already cleaned: no `the`, no possessive) refers to."""
    known = lookup_known(name)
    if label == "PERSON" and known is None:
        base = resolved_name or name
        method = "surname_in_article" if resolved_name and resolved_name != name else (
            "exact" if fold(name) == person_key(name) else "transliteration")
        return LinkedEntity(entity_key_for("PERSON", person_key(base)), "PERSON", base, "observed", method)
    if known is not None:
        return _with_place(_curated(known, "exact" if name == known.canonical else "curated_alias"))
    if name.isupper() and 2 <= len(name) <= 6 and name in acronyms:
        expansion_label, expansion = acronyms[name]
        known = lookup_known(expansion)
        if known is not None:
            return _curated(known, "acronym_in_article")
        return LinkedEntity(entity_key_for(expansion_label, fold(expansion)), expansion_label, expansion, "observed",
                            "acronym_in_article")
    if label == "NORP":
        country = demonyms().country_of.get(fold(name))
        if country:
            known_country = lookup_known(country)
            country_key = entity_key_for("GPE", fold(known_country.canonical if known_country else country))
            return LinkedEntity(entity_key_for("NORP", fold(name)), "NORP", name, "observed", "exact",
                                country_key, "demonym_of")
    method = "exact" if name == " ".join(name.split()) and not name.isupper() else "case_variant"
    return _with_place(LinkedEntity(entity_key_for(label, fold(name)), label, name, "observed", method))


def _with_place(entity: LinkedEntity) -> LinkedEntity:
    if entity.entity_type not in PLACE_TYPES:
        return entity
    place = geocode(entity.name)
    if place is None:
        return entity
    return LinkedEntity(entity.entity_key, entity.entity_type, entity.name, entity.name_source, entity.method,
                        entity.related_key, entity.relation, place)


def country_entity(country: str) -> LinkedEntity:
    """The GPE entity a demonym points at, so the relation always resolves."""
    known = lookup_known(country)
    name = known.canonical if known else country
    return _with_place(LinkedEntity(entity_key_for("GPE", fold(name)), "GPE", name,
                                    "curated" if known else "observed", "demonym_target"))
