"""Headlines in capitals as the NLP reads them (wirehouse.articles.recase), on team-written text."""

from wirehouse.articles.recase import recased

TEXT = ("NORTHGATE MILLS INC SIGNS WORLD BANK LOAN FOR U.S. PLANT\n\n"
        "BOSTON, March 9 - Northgate Mills Inc said it signed a loan with the World Bank for its plant in Ohio.\n")


def test_a_headline_in_capitals_reads_as_the_text_writes_its_words():
    title_end = TEXT.index("\n")
    nlp_text = recased(TEXT, [(0, title_end)])
    assert len(nlp_text) == len(TEXT) and nlp_text[title_end:] == TEXT[title_end:]
    assert nlp_text[:title_end] == "Northgate Mills Inc signs World Bank loan for U.S. plant"


def test_mixed_case_lines_and_short_headlines_are_left_alone():
    text = "Mills sign loan\n\nThe mills signed.\n"
    assert recased(text, [(0, 15)]) == text
    assert recased("EU OK\n\nText.\n", [(0, 5)]) == "EU OK\n\nText.\n"
