"""Topic discovery on a team-written corpus: real scikit-learn fits, no stand-ins."""

import pytest
from sklearn.metrics import normalized_mutual_info_score

from wirehouse.nlp.discovery import NotEnoughArticlesError, fit_topics

THEMES = {
    "football": "match goal striker league club season coach player fan stadium cup final referee penalty",
    "markets": "share price investor profit bank interest rate inflation market trader bond currency earnings",
    "elections": "vote election party candidate ballot parliament campaign poll minister coalition voter",
    "health": "hospital patient vaccine doctor virus outbreak infection clinic nurse treatment disease",
}


def corpus(per_theme: int = 12) -> tuple[list[tuple[str, str]], list[str]]:
    docs, labels = [], []
    for theme, words in THEMES.items():
        vocabulary = words.split()
        for i in range(per_theme):
            picked = [vocabulary[(i * 3 + j) % len(vocabulary)] for j in range(9)]
            docs.append((f"{theme}-{i:02d}", " ".join(picked + ["report", "say", "week"])))
            labels.append(theme)
    return docs, labels


def test_discovers_the_themes_and_chooses_their_number():
    docs, labels = corpus()
    model = fit_topics(docs)
    assigned = model.assign([terms for _, terms in sorted(docs)])
    predicted = [topics[0][0] for topics in assigned]
    truth = [label for _, label in sorted(zip([d for d, _ in docs], labels))]
    assert len(model.codes) == 4
    assert normalized_mutual_info_score(truth, predicted) > 0.9
    assert model.version == 1 and all(status == "new" for status in model.alignment.values())


def test_refit_on_the_same_corpus_keeps_every_code():
    docs, _ = corpus()
    first = fit_topics(docs)
    second = fit_topics(list(reversed(docs)), previous=first)
    terms = [t for _, t in sorted(docs)]
    assert second.version == 2
    assert [a[0][0] for a in first.assign(terms)] == [a[0][0] for a in second.assign(terms)]
    assert all(status.startswith("kept") for status in second.alignment.values())


def test_refit_with_a_new_theme_keeps_old_codes_and_adds_one():
    docs, _ = corpus()
    first = fit_topics(docs)
    extra = [(f"space-{i:02d}", " ".join(["rocket", "orbit", "launch", "astronaut", "satellite", "moon", "mission",
                                          "nasa", "crew"][i % 9:] + ["rocket", "orbit", "satellite", "report"]))
             for i in range(12)]
    second = fit_topics(docs + extra, previous=first)
    assert set(first.codes) <= set(second.codes)
    assert len(second.codes) == len(first.codes) + 1


def test_too_few_articles_is_a_clear_error():
    with pytest.raises(NotEnoughArticlesError, match="at least"):
        fit_topics([("a", "one two"), ("b", "three four")])


def test_the_topic_count_is_the_knee_of_the_quality_curve_not_its_creeping_maximum():
    from wirehouse.nlp.discovery import knee

    # A steep rise to 4 topics, then small gains as topics split: the knee, not the last count.
    assert knee([0.014, 0.022, 0.026, 0.031, 0.032, 0.032, 0.033, 0.034, 0.035, 0.040]) == 3
    assert knee([0.1, 0.2, 0.3]) == 2  # a straight rise has no knee: the best count
    assert knee([0.3, 0.2, 0.1]) == 0 and knee([0.5]) == 0
