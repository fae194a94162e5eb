"""The clean-up and consistency components on team-written sentences, with the real spaCy model."""

import pytest

from wirehouse.config import DEFAULT_SPACY_MODEL
from wirehouse.nlp.pipeline import CLEANUP_COMPONENTS, load_pipeline


@pytest.fixture(scope="module")
def cleaned():
    return load_pipeline(DEFAULT_SPACY_MODEL)


def ents(nlp, text):
    return [(e.text, e.label_) for e in nlp(text).ents]


def test_components_are_registered_after_ner(cleaned):
    names = cleaned.pipe_names
    assert names.index("ner") < names.index(CLEANUP_COMPONENTS[0]) < names.index(CLEANUP_COMPONENTS[1])


def test_place_glued_to_a_name_is_split(cleaned):
    found = ents(cleaned, "The United Nations special envoy for Syria Staffan de Mistura met Russian Foreign Minister Sergei Lavrov.")
    assert ("Syria", "GPE") in found and ("Staffan de Mistura", "PERSON") in found
    assert ("United Nations", "ORG") in found and ("Sergei Lavrov", "PERSON") in found
    assert not any("Syria Staffan" in text for text, _ in found)


def test_title_is_split_off_and_kept_as_role(cleaned):
    doc = cleaned("UN envoy to Syria and Russian FM Lavrov discuss the Syria crisis")
    lavrov = next(e for e in doc.ents if e.text == "Lavrov")
    assert lavrov.label_ == "PERSON" and lavrov._.role == "Foreign Minister" and lavrov._.affiliation == "Russia"


def test_roles_and_affiliations_from_titles_and_appositions(cleaned):
    doc = cleaned("UN Secretary-General Antonio Guterres spoke to reporters. Later, Maria Ivanova, Russia's health minister, "
                  "visited the hospital.")
    people = {e.text: (e._.role, e._.affiliation) for e in doc.ents if e.label_ == "PERSON"}
    assert people["Antonio Guterres"] == ("Secretary-General", "United Nations")
    assert people["Maria Ivanova"] == ("Health Minister", "Russia")


def test_determiners_and_possessives_are_trimmed(cleaned):
    found = ents(cleaned, "He praised the United Nations’ activities and the Soviet Union’s contribution.")
    assert ("United Nations", "ORG") in found
    assert any(text == "Soviet Union" for text, _ in found)
    assert not any(text.startswith("the ") or text.endswith("’s") or text.endswith("’") for text, _ in found)


def test_no_span_crosses_a_line_break(cleaned):
    doc = cleaned("Talks were held with Staffan de Mistura\nGeneva hosted the round.")
    assert all("\n" not in e.text for e in doc.ents)


def test_photo_credits_yield_no_mentions(cleaned):
    found = ents(cleaned, "Ministers meet in Moscow, Russia, June 8, 2017. REUTERS/Sergei Karpukhin - RTX39M8M\n\n"
                          "Staffan de Mistura and Sergey Lavrov   Alexander Sherbak/TASS")
    texts = {text for text, _ in found}
    assert "Sergei Karpukhin" not in texts and not any("Sherbak" in t for t in texts)
    assert "Staffan de Mistura" in texts


def test_surname_takes_the_full_names_label_inside_an_article(cleaned):
    doc = cleaned("Russian Foreign Minister Sergey Lavrov spoke by phone. Lavrov and Guterres noted the threat, "
                  "and Antonio Guterres agreed.")
    people = {(e.text, e._.resolved_name) for e in doc.ents if e.label_ == "PERSON"}
    assert ("Lavrov", "Sergey Lavrov") in people and ("Guterres", "Antonio Guterres") in people


def test_particle_surnames_resolve_to_the_full_name(cleaned):
    doc = cleaned("UN envoy Staffan de Mistura arrived. During his visit to Moscow De Mistura met officials, "
                  "and de Mistura said talks went well.")
    resolved = {e.text: e._.resolved_name for e in doc.ents if e.label_ == "PERSON"}
    assert resolved["De Mistura"] == "Staffan de Mistura" and resolved["de Mistura"] == "Staffan de Mistura"


def test_known_acronyms_the_model_missed_are_added(cleaned):
    found = ents(cleaned, "The OSCE and the WHO sent observers; who else will come is unclear.")
    assert ("OSCE", "ORG") in found and ("WHO", "ORG") in found
    assert not any(text == "who" for text, _ in found)


def test_agency_in_a_dateline_is_not_an_organization_mention(cleaned):
    found = ents(cleaned, "GENEVA (Reuters) - Diplomats met at the Palais des Nations on Monday.")
    assert ("GENEVA", "GPE") in found
    assert not any(text == "Reuters" for text, _ in found)


def test_places_after_place_nouns(cleaned):
    found = ents(cleaned, "Convoys failed to reach the Shia enclaves of Fua and Kefraya, the ministry said.")
    assert ("Fua", "GPE") in found
    assert not any(label == "PERSON" for _, label in found)


def test_full_names_are_not_split_at_a_city_name(cleaned):
    found = ents(cleaned, "Vladimir Putin and Antonio Guterres exchanged views.")
    assert ("Vladimir Putin", "PERSON") in found
