"""The NLP stage without the dependency parser: tag-based noun phrases, sentences from the senter
(after the entity recogniser, so entities are as they were), and the evaluation against the parser."""

from __future__ import annotations

from wirehouse.articles.discover import discover_entries
from wirehouse.config import DEFAULT_SPACY_MODEL, Settings
from wirehouse.nlp.phrases import noun_phrases
from wirehouse.nlp.pipeline import SENTER_NAME, load_pipeline
from wirehouse.nlp.sentences import NAME as LINE_SENTENCES
from wirehouse.stages import read_and_parse


def phrases(nlp, text):
    return [span.text for span in noun_phrases(nlp(text))]


def test_the_parser_is_off_and_the_senter_runs_after_the_entities(nlp):
    names = nlp.pipe_names
    assert "parser" not in names and "senter" not in names
    assert names[-2:] == [SENTER_NAME, LINE_SENTENCES]
    assert names.index("ner") < names.index(SENTER_NAME)


def test_noun_phrases_stop_at_prepositions_and_keep_hyphenated_words(nlp):
    found = phrases(nlp, "The Tokyo-based economist Kenji Morimoto praised the Ministry of Foreign Affairs.")
    assert found == ["The Tokyo-based economist Kenji Morimoto", "the Ministry", "Foreign Affairs"]
    assert phrases(nlp, "Russia's foreign minister arrived.") == ["Russia's foreign minister"]
    # A line break ends a phrase: a headline's last word and the body's first do not join.
    assert all("\n" not in phrase for phrase in phrases(nlp, "Grain deal extended\n\nMinisters agreed on Monday."))


def test_a_line_without_final_punctuation_is_a_sentence_of_its_own(nlp):
    doc = nlp("Ministers extend the grain deal\n\nMOSCOW, May 3. The ministers agreed on Monday. Talks resume in June.")
    starts = [sentence.text.strip() for sentence in doc.sents]
    assert starts[0] == "Ministers extend the grain deal"
    assert "The ministers agreed on Monday." in starts and "Talks resume in June." in starts


def test_entities_do_not_depend_on_the_sentence_boundaries(nlp, samples_dir, seeds_dir):
    """The senter runs last, so the entities are those of the pipeline without it."""
    texts = [a.full_text for a in read_and_parse(discover_entries([samples_dir, seeds_dir]), Settings().max_file_bytes, {}).articles]
    without = load_pipeline(DEFAULT_SPACY_MODEL)
    with without.select_pipes(disable=[SENTER_NAME, LINE_SENTENCES]):
        plain = [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in without.pipe(texts)]
    assert [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in nlp.pipe(texts)] == plain
    assert sum(map(len, plain)) > 100


def test_the_tag_based_reading_agrees_with_the_parser_on_the_samples(samples_dir):
    from benchmarks.syntax_eval import Tally, compare, reference_pipeline, summarize

    articles = read_and_parse(discover_entries([samples_dir]), Settings().max_file_bytes, {}).articles
    texts = [a.full_text for a in articles]
    reference, candidate = reference_pipeline(DEFAULT_SPACY_MODEL), load_pipeline(DEFAULT_SPACY_MODEL)
    assert "parser" in reference.pipe_names
    tally = Tally()
    for article, reference_doc, candidate_doc in zip(articles, reference.pipe(texts), candidate.pipe(texts)):
        compare(article, reference_doc, candidate_doc, tally)
    result = summarize(tally, len(articles), {})
    assert result["entity_mentions"]["f1"] >= 0.99, result["entity_mentions"]
    # Lower than on body text: the samples' header and caption lines are sentences of their own now
    # (the parser ran them into the next line).
    assert result["sentence_starts"]["f1"] >= 0.85, result["sentence_starts"]
    assert result["noun_phrases"]["f1"] >= 0.85, result["noun_phrases"]
    assert result["direct_quotes"]["reference"] > 0 and result["direct_quotes"]["same_resolved_speaker"] >= 0.8
