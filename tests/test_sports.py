"""Teams named after places in sports stories (wirehouse.nlp.sports), on team-written text."""

from wirehouse.nlp.sports import is_sports_story

SPORTS = ("CRICKET - SURREY BEAT ESSEX TO GO TOP.\n\nLONDON 1996-08-30\n"
          "Surrey beat Essex by six wickets at the Oval on Friday to go top of the table.\n"
          "Scores: Surrey 240 and 150-4, Essex 199 and 190.\n"
          "Australia beat Sri Lanka by 20 runs in Colombo.\n")
NEWS = "Floods close roads in Surrey\n\nLONDON (Reuters) - Heavy rain closed roads across Surrey and Essex on Friday, police said.\n"


def test_a_sports_story_is_told_by_its_headline_or_its_results():
    assert is_sports_story(SPORTS)
    assert is_sports_story("Soccer: late goal sinks leaders\n\nThe home side lost 2-1.")
    assert not is_sports_story(NEWS)
    assert is_sports_story("Results on Saturday:\nHarbour City 2-1 Riverside\nNorthgate 0-3 Old Town\n"
                           "Eastfield 1-1 Westbury\nThe league leaders won again and the cup holders lost.")


def _tagged(text: str, places: list[str]):
    """A Doc of TEXT whose every occurrence of PLACES is tagged GPE, as a tagger would, then the component."""
    import spacy
    from spacy.tokens import Span

    import wirehouse.nlp.components  # noqa: F401  (registers the span extensions)
    from wirehouse.nlp.sports import sports_teams

    doc = spacy.blank("en")(text)
    spans = []
    for place in places:
        start = 0
        while (start := text.find(place, start)) != -1:
            spans.append(doc.char_span(start, start + len(place), label="GPE"))
            start += len(place)
    doc.ents = [span for span in spans if span is not None]
    labels: dict[str, list[str]] = {}
    for ent in sports_teams(doc).ents:
        labels.setdefault(ent.text, []).append(ent.label_)
    return labels


def test_clubs_named_after_places_are_organisations_in_sports_stories_only():
    sports = _tagged(SPORTS, ["LONDON", "Surrey", "Essex", "Australia", "Sri Lanka", "Colombo"])
    assert sports["Surrey"] == ["ORG", "ORG"] and sports["Essex"] == ["ORG", "ORG"]  # beats and scores lines
    assert sports["LONDON"] == ["GPE"]  # the dateline
    assert sports["Australia"] == ["GPE"] and sports["Sri Lanka"] == ["GPE"]  # national sides keep the country
    assert sports["Colombo"] == ["GPE"]  # where the match was played
    news = _tagged(NEWS, ["Surrey", "Essex", "LONDON"])
    assert all(labels == ["GPE"] * len(labels) for labels in news.values())


def test_a_nationality_after_a_name_and_a_venue_heading_a_line_stay_places():
    text = "TENNIS - RESULTS.\n\nNEW YORK 1996-08-30\nPortsmouth: Hampshire 232 and 201\nAnna Berg (Norway) beat Eva Lind (Malmo) 6-3 6-4\n"
    labels = _tagged(text, ["NEW YORK", "Portsmouth", "Hampshire", "Norway", "Malmo"])
    assert labels["Portsmouth"] == ["GPE"] and labels["Malmo"] == ["GPE"] and labels["NEW YORK"] == ["GPE"]
    assert labels["Hampshire"] == ["ORG"]
