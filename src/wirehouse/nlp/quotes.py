"""Direct quotations ("...," said Lavrov) and reported speech (Lavrov said that ...), with their speakers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

SPEECH_LEMMAS = frozenset({
    "say", "tell", "stress", "note", "add", "state", "announce", "underscore", "underline", "emphasise",
    "emphasize", "warn", "insist", "declare", "reiterate", "explain", "claim", "confirm", "urge", "write",
    "remark", "comment", "reply", "answer", "point", "assert", "affirm", "acknowledge", "admit", "deny",
})
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
_DIRECT = re.compile(r"“([^”\n]{2,1500})”|\"([^\"\n]{2,1500})\"")
_MIN_QUOTE_WORDS = 3


@dataclass(frozen=True)
class Quote:
    text: str
    start: int
    end: int
    kind: str                          # direct | indirect
    speaker_text: str | None
    speaker_span: tuple[int, int] | None   # the entity mention the speaker was resolved to


def _entity_at(doc: Doc, token: Token) -> Span | None:
    for ent in doc.ents:
        if ent.start <= token.i < ent.end and ent.label_ in ("PERSON", "ORG", "GPE", "NORP"):
            return ent
    return None


def _speaker(doc: Doc, verb: Token, before_char: int) -> tuple[str | None, Span | None]:
    """Who the speech verb's subject is: an entity, a pronoun's last person, or a noun's last organization."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None, None
    phrase = doc[subject.left_edge.i:subject.right_edge.i + 1]
    inside = [e for e in doc.ents if phrase.start <= e.start and e.end <= phrase.end and e.label_ in ("PERSON", "ORG")]
    # "the UN envoy on Syria Staffan de Mistura": the person, not the organization named on the way.
    ent = next((e for e in inside if e.label_ == "PERSON"), None) or _entity_at(doc, subject) or next(iter(inside), None)
    if ent is not None:
        return phrase.text, ent
    earlier = [e for e in doc.ents if e.end_char <= before_char]
    later = [e for e in doc.ents if e.start_char > before_char]
    if subject.lower_ in _PRONOUNS:
        person = next((e for e in reversed(earlier) if e.label_ == "PERSON"), None)
        return phrase.text, person if subject.lower_ in ("he", "she") else None
    head = subject.lemma_.lower()
    # "the ministry said", "the minister underscored": the nearest organization or titled person that fits.
    for ent in [*reversed(earlier), *later]:
        if ent.label_ == "ORG" and head in ent.text.lower():
            return phrase.text, ent
        if ent.label_ == "PERSON" and ent._.role and head in ent._.role.lower():
            return phrase.text, ent
    return phrase.text, None


def _speech_verbs(sentence: Span, outside: tuple[int, int] | None = None) -> list[Token]:
    verbs = []
    for token in sentence:
        if token.lemma_.lower() in SPEECH_LEMMAS and token.pos_ in ("VERB", "AUX"):
            if outside and outside[0] <= token.idx < outside[1]:
                continue
            verbs.append(token)
    return verbs


def extract_quotes(doc: Doc, allowed: Callable[[int], bool] = lambda start: True) -> list[Quote]:
    """Quotes in `doc`; `allowed(char)` says whether a character is in a part of the article to analyse."""
    quotes: list[Quote] = []
    direct_spans = []
    for match in _DIRECT.finditer(doc.text):
        group = 1 if match.group(1) is not None else 2
        start, end = match.start(group), match.end(group)
        text = match.group(group)
        if len(text.split()) < _MIN_QUOTE_WORDS or not allowed(start):
            continue
        direct_spans.append((match.start(), match.end()))
        speaker_text, speaker = None, None
        around = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if around is None or len(around) == 0:
            continue
        sentences = {around[0].sent, around[-1].sent}
        verbs = [v for s in sorted(sentences, key=lambda s: s.start) for v in _speech_verbs(s, (match.start(), match.end()))]
        if verbs:
            closest = min(verbs, key=lambda v: min(abs(v.idx - match.end()), abs(v.idx - match.start())))
            speaker_text, speaker = _speaker(doc, closest, match.start())
        quotes.append(Quote(text, start, end, "direct", speaker_text,
                            (speaker.start_char, speaker.end_char) if speaker is not None else None))
    for sentence in doc.sents:
        if not allowed(sentence.start_char):
            continue
        for verb in _speech_verbs(sentence):
            if any(s <= verb.idx < e for s, e in direct_spans):
                continue
            clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
            if clause is None:
                continue
            content = doc[clause.left_edge.i:clause.right_edge.i + 1]
            if content.start < len(doc) and doc[content.start].lower_ == "that":
                content = doc[content.start + 1:content.end]
            if len(content) < _MIN_QUOTE_WORDS or any(s < content.end_char and content.start_char < e for s, e in direct_spans):
                continue
            speaker_text, speaker = _speaker(doc, verb, verb.idx)
            if speaker_text is None:
                continue
            quotes.append(Quote(content.text, content.start_char, content.end_char, "indirect", speaker_text,
                                (speaker.start_char, speaker.end_char) if speaker is not None else None))
    return quotes
