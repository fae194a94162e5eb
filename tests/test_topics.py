from wirehouse.nlp.topics import assign_topics, load_lexicon


def test_lexicon_has_the_17_iptc_top_level_topics():
    lexicon = load_lexicon()
    codes = sorted(topic.code for topic in lexicon.topics)
    assert codes == [f"medtop:{n:02d}000000" for n in range(1, 18)]
    labels = {topic.code: topic.label for topic in lexicon.topics}
    assert labels["medtop:16000000"] == "conflict, war and peace"
    assert labels["medtop:07000000"] == "health"


def test_topics_are_ranked_with_scores_and_evidence():
    lemmas = ("the ceasefire hold as troop withdraw ; the foreign minister and the envoy discuss the ceasefire "
              "and a vaccine for the pandemic").split()
    assigned = assign_topics(lemmas)
    labels = [a.topic.label for a in assigned]
    assert labels[0] == "conflict, war and peace"
    assert "politics" in labels
    assert [a.rank for a in assigned] == list(range(1, len(assigned) + 1))
    assert all(0 < a.score <= 1 for a in assigned)
    assert assigned[0].evidence["ceasefire"] == 2
    # Longest match wins: "foreign minister" is one piece of evidence, not "minister" as well.
    politics = next(a for a in assigned if a.topic.label == "politics")
    assert "foreign minister" in politics.evidence and "minister" not in politics.evidence


def test_a_single_stray_term_is_not_a_topic():
    assert assign_topics("the museum be close on monday".split()) == []


def test_line_breaks_stop_phrase_matches():
    assert assign_topics("death | penalty money | laundering".split()) == []
    assert [a.topic.label for a in assign_topics("death penalty money laundering".split())] == ["crime, law and justice"]
