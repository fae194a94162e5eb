from wirehouse.config import DEFAULT_SPACY_MODEL
from wirehouse.nlp.pipeline import load_pipeline
from wirehouse.nlp.quotes import extract_quotes


def quotes_of(text):
    doc = load_pipeline(DEFAULT_SPACY_MODEL)(text)
    return doc, extract_quotes(doc)


def speaker_name(doc, quote):
    return doc.text[quote.speaker_span[0]:quote.speaker_span[1]] if quote.speaker_span else None


def test_direct_quote_with_said_after_it():
    doc, quotes = quotes_of("Russian Foreign Minister Sergei Lavrov met the envoy. “We have discussed the tasks facing us "
                            "in detail,” Lavrov said.")
    [quote] = [q for q in quotes if q.kind == "direct"]
    assert quote.text == "We have discussed the tasks facing us in detail,"
    assert doc.text[quote.start:quote.end] == quote.text
    assert speaker_name(doc, quote) == "Lavrov"


def test_reported_speech_names_its_speaker():
    doc, quotes = quotes_of("UN Secretary-General Antonio Guterres said that the ceasefire must hold across the country.")
    [quote] = [q for q in quotes if q.kind == "indirect"]
    assert quote.text == "the ceasefire must hold across the country"
    assert speaker_name(doc, quote) == "Antonio Guterres"


def test_the_ministry_said_is_linked_to_the_ministry():
    doc, quotes = quotes_of("The Russian Foreign Ministry issued a statement. \"The talks were constructive and useful,\" "
                            "the ministry said.")
    [quote] = [q for q in quotes if q.kind == "direct"]
    assert quote.speaker_text == "the ministry" and speaker_name(doc, quote) == "Russian Foreign Ministry"


def test_pronoun_speaker_is_the_last_person_named():
    doc, quotes = quotes_of("UN envoy Staffan de Mistura arrived in Moscow. “The next round will be difficult,” he said.")
    [quote] = [q for q in quotes if q.kind == "direct"]
    assert speaker_name(doc, quote) == "Staffan de Mistura"


def test_short_scare_quotes_are_not_quotations():
    _, quotes = quotes_of("The so-called “roadmap” was discussed.")
    assert [q for q in quotes if q.kind == "direct"] == []


def test_reported_speech_before_its_speaker():
    doc, quotes = quotes_of("Russian Foreign Minister Sergei Lavrov met the envoy. The talks were constructive and useful, "
                            "Lavrov told reporters on Monday.")
    [quote] = [q for q in quotes if q.kind == "indirect"]
    assert quote.text == "The talks were constructive and useful"
    assert speaker_name(doc, quote) == "Lavrov"


def test_a_speaker_tied_by_a_preposition_or_named_in_brackets():
    doc, quotes = quotes_of("\"Our customers trust us with their data,\" said a spokeswoman for the British Retail Consortium.")
    [quote] = [q for q in quotes if q.kind == "direct"]
    assert quote.speaker_text == "a spokeswoman for the British Retail Consortium"
    assert speaker_name(doc, quote).endswith("Retail Consortium")  # the organization, not "a spokeswoman"
    doc, quotes = quotes_of("The International Energy Agency (IEA) said on Tuesday that global demand would rise next year.")
    [quote] = [q for q in quotes if q.kind == "indirect"]
    assert quote.text == "global demand would rise next year"
    assert quote.speaker_text == "The International Energy Agency" and speaker_name(doc, quote) == "International Energy Agency"


def test_a_speech_verb_with_an_object_is_not_reported_speech():
    _, quotes = quotes_of("The ministry confirmed the figures but declined to elaborate.")
    assert [q for q in quotes if q.kind == "indirect"] == []
