from wirehouse.articles.metadata import parse_article
from wirehouse.articles.read import FileText
from wirehouse.nlp.entities import analyze_articles, canonical_name

TEXT = (
    "All news\n\n"
    "Ministers of Chile and Peru sign a fishing accord\n\n"
    "Fishing fleets will share data on anchovy stocks\n"
    "Ricardo Fuentes signs the accord   Maria Soto/TASS\n"
    "© Maria Soto/TASS\n\n"
    "LIMA, August 14. /TASS/. Chilean Foreign Minister Ricardo Fuentes and the United Nations’ "
    "envoy Helena Varga met in Lima on Monday, the ministry said. Fuentes praised the European Union.\n"
)


def analyzed(nlp):
    article = parse_article(FileText(path=__import__("pathlib").Path("/inbox/lima.txt"), content_sha256="0" * 64, text=TEXT))
    [result] = analyze_articles([article], nlp)
    return article, result


def test_mentions_point_at_their_text_and_know_their_section(nlp):
    article, result = analyzed(nlp)
    assert result.mentions, "the model found no entities"
    for mention in result.mentions:
        assert article.full_text[mention.start_char:mention.end_char] == mention.mention_text
        assert "\n" not in mention.mention_text
    by_text = {(m.mention_text, m.section) for m in result.mentions}
    assert ("Ricardo Fuentes", "body") in by_text
    assert any(section == "title" for _, section in by_text)
    persons = {m.mention_text for m in result.mentions if m.label == "PERSON"}
    assert "Ricardo Fuentes" in persons


def test_credits_and_navigation_yield_no_mentions(nlp):
    article, result = analyzed(nlp)
    credit_spans = [(s.start, s.end) for s in article.segments if s.section in ("credit", "navigation", "header")]
    for mention in result.mentions:
        assert not any(start <= mention.start_char < end for start, end in credit_spans)
    assert "Maria Soto" not in {m.mention_text for m in result.mentions}


def test_leading_determiner_and_possessive_are_trimmed(nlp):
    _, result = analyzed(nlp)
    texts = {m.mention_text for m in result.mentions}
    assert not any(t.startswith("the ") or t.endswith("’") or t.endswith("’s") for t in texts)
    assert canonical_name("the United Nations’") == "United Nations"
    assert canonical_name("the Soviet Union’s") == "Soviet Union"


def test_sentence_index_increases_through_the_text(nlp):
    _, result = analyzed(nlp)
    indexes = [m.sentence_index for m in sorted(result.mentions, key=lambda m: m.start_char)]
    assert indexes == sorted(indexes) and indexes[-1] > indexes[0]


def test_lemmas_for_topics_cover_content_sections_only(nlp):
    _, result = analyzed(nlp)
    lemmas = result.tokens.lemmas
    assert "fishing" in lemmas or "fish" in lemmas
    assert "tass" not in lemmas[:5]
    assert result.terms and "_" in result.terms  # noun chunks for topic discovery
    assert result.keyphrases and result.keyphrases[0].score == 1.0
