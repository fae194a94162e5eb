from wirehouse.nlp.lexicons import fold, person_key
from wirehouse.nlp.linking import article_acronyms, link


def test_transliteration_variants_share_a_key():
    assert person_key("Sergey Lavrov") == person_key("Sergei Lavrov")
    assert person_key("Dmitry Peskov") == person_key("Dmitri Peskov")
    assert person_key("Mariya Zakharova") == person_key("Maria Zakharova")
    assert person_key("Sergei Lavrov") != person_key("Sergei Shoigu")


def test_person_keys_follow_the_name_not_the_spelling():
    first, second = link("Sergey Lavrov", "PERSON", None, {}), link("Sergei Lavrov", "PERSON", None, {})
    assert first.entity_key == second.entity_key and first.method == "transliteration" and second.method == "exact"
    surname = link("Lavrov", "PERSON", "Sergei Lavrov", {})
    assert surname.entity_key == first.entity_key and surname.method == "surname_in_article"


def test_known_acronyms_and_expansions_are_one_entity():
    keys = {link(name, "ORG", None, {}).entity_key for name in ("UN", "U.N.", "UNO", "United Nations")}
    assert len(keys) == 1
    un = link("UN", "ORG", None, {})
    assert (un.name, un.name_source, un.method) == ("United Nations", "curated", "curated_alias")


def test_acronym_spelled_out_in_the_same_article():
    acronyms = article_acronyms([("Caspian Littoral Forum", "ORG")])
    short, long = link("CLF", "ORG", None, acronyms), link("Caspian Littoral Forum", "ORG", None, acronyms)
    assert short.entity_key == long.entity_key and short.method == "acronym_in_article"
    assert link("CLF", "ORG", None, {}).entity_key != long.entity_key


def test_case_variants_share_a_key_and_places_are_geocoded():
    upper, title = link("MOSCOW", "GPE", None, {}), link("Moscow", "GPE", None, {})
    assert upper.entity_key == title.entity_key and upper.method == "case_variant"
    assert title.place is not None and title.place.country_code == "RU"


def test_demonyms_point_at_their_country():
    russian = link("Russian", "NORP", None, {})
    russia = link("Russia", "GPE", None, {})
    assert (russian.related_key, russian.relation) == (russia.entity_key, "demonym_of")


def test_model_label_does_not_split_a_known_organization():
    assert link("Jabhat al-Nusra", "PERSON", None, {}).entity_type == "ORG"


def test_fold_is_ascii_lower_case_without_punctuation():
    assert fold("U.N.") == "un" and fold("São Paulo") == "sao paulo" and fold("Al-Nusra") == "al nusra"
