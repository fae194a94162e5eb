from wirehouse.nlp.entities import TopicTokens
from wirehouse.nlp.topics import all_topics, assign_topics, load_lexicons


def tokens(text: str, proper: set[str] = frozenset(), headline_words: int = 0) -> TopicTokens:
    result = TopicTokens()
    for index, lemma in enumerate(text.split()):
        result.add(lemma, lemma in proper, index < headline_words)
    return result


def test_lexicons_have_the_17_iptc_top_level_topics_and_second_level_children():
    top, second = load_lexicons()
    codes = sorted(topic.code for topic in top.topics)
    assert codes == [f"medtop:{n:02d}000000" for n in range(1, 18)]
    labels = {topic.code: topic.label for topic in top.topics}
    assert labels["medtop:16000000"] == "conflict, war and peace" and labels["medtop:07000000"] == "health"
    assert all(t.parent_code in labels and t.level == 2 for t in second.topics)
    children = {t.label: t.parent_code for t in second.topics}
    assert children["armed conflict"] == "medtop:16000000" and children["international relations"] == "medtop:11000000"
    assert len(all_topics()) == len(top.topics) + len(second.topics)


def test_topics_are_ranked_with_scores_and_evidence():
    assigned = assign_topics(tokens("the ceasefire hold as troop withdraw | the foreign minister and the envoy "
                                    "discuss the ceasefire and a vaccine for the pandemic"))
    top_level = [a for a in assigned if a.topic.level == 1]
    assert top_level[0].topic.label == "conflict, war and peace"
    assert "politics" in [a.topic.label for a in top_level]
    assert [a.rank for a in assigned] == list(range(1, len(assigned) + 1))
    assert all(a.topic.level == 1 for a in assigned[:len(top_level)])  # top level first, then level two
    assert all(0 < a.score <= 1 for a in assigned)
    assert top_level[0].evidence["ceasefire"] == 2
    politics = next(a for a in top_level if a.topic.label == "politics")
    assert "foreign minister" in politics.evidence and "minister" not in politics.evidence


def test_headline_matches_count_double():
    assigned = assign_topics(tokens("museum exhibition | the painting", headline_words=2))
    assert assigned[0].evidence == {"exhibition": 2.0, "museum": 2.0, "painting": 1.0}


def test_single_word_terms_skip_proper_nouns():
    # "Labour" the party is not the labour topic; "labour party" as a phrase is politics.
    plain = assign_topics(tokens("union strike union strike"))
    party = assign_topics(tokens("union strike union strike", proper={"union", "strike"}))
    assert plain and plain[0].topic.label == "labour"
    assert not any(a.topic.label == "labour" for a in party)


def test_a_single_stray_term_is_not_a_topic():
    assert [a for a in assign_topics(tokens("the museum be close on monday")) if a.topic.level == 1] == []


def test_line_breaks_stop_phrase_matches():
    assert assign_topics(tokens("death | penalty money | laundering")) == []
    assert [a.topic.label for a in assign_topics(tokens("death penalty money laundering")) if a.topic.level == 1] \
        == ["crime, law and justice"]
