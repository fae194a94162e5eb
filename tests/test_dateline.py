import pytest

from wirehouse.articles.dateline import normalize_place, parse_dateline


@pytest.mark.parametrize(
    ("text", "place", "month", "day", "agency"),
    [
        ("MOSCOW, May 3. /TASS/. There is progress", "Moscow", 5, 3, "TASS"),
        ("Moscow, June 1. /TASS/. Issues of", "Moscow", 6, 1, "TASS"),
        ("RIO DE JANEIRO, February 20. /TASS/. Debt", "Rio de Janeiro", 2, 20, "TASS"),
        ("WASHINGTON (Reuters) - The Senate", "Washington", None, None, "Reuters"),
        ("LONDON, March 6 (AP) — Thousands", "London", 3, 6, "AP"),
        ("PARIS, Nov 3 (AFP) - A museum", "Paris", 11, 3, "AFP"),
        ("NEW YORK, Jan 10 (AP) — Hospitals", "New York", 1, 10, "AP"),
    ],
)
def test_wire_datelines(text, place, month, day, agency):
    dateline = parse_dateline(text)
    assert dateline is not None
    assert (dateline.place, dateline.month, dateline.day, dateline.agency) == (place, month, day, agency)
    assert text[dateline.length:][0].isalpha()


def test_iso_dated_dateline_with_region():
    dateline = parse_dateline("SIALKOT, Pakistan 1996-12-06 Police said")
    assert (dateline.place, dateline.region, dateline.iso_date) == ("Sialkot", "Pakistan", "1996-12-06")


@pytest.mark.parametrize("text", [
    "The ministry said on Monday that talks went well.",
    "Russia and Kazakhstan will draft a treaty.",
    "May 3 was a quiet day in Moscow.",
])
def test_ordinary_sentences_are_not_datelines(text):
    assert parse_dateline(text) is None


def test_place_normalization_keeps_particles_lower_case():
    assert normalize_place("RIO DE JANEIRO") == "Rio de Janeiro"
    assert normalize_place("ROSTOV-ON-DON") == "Rostov-on-Don"
    assert normalize_place("NEW YORK") == "New York"
    assert normalize_place("Moscow") == "Moscow"


def test_warm_caches_builds_what_the_first_batch_would_build():
    from wirehouse.articles import gazetteer, language
    from wirehouse.nlp import topics
    from wirehouse.stages import warm_caches

    warm_caches()
    assert gazetteer._gazetteer.cache_info().currsize == 1
    assert gazetteer.prominent_names.cache_info().currsize == 1
    assert language._identifier.cache_info().currsize == 1 and topics.load_lexicons.cache_info().currsize == 1
    assert gazetteer.geocode("Sialkot", "Pakistan").country_code == "PK"
