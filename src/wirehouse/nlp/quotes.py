"""Direct quotations ("...," said Lavrov) and reported speech (Lavrov said that ...), with their speakers.

Speakers and reported clauses are found from part-of-speech tags, entities and sentence boundaries
(no dependency parse): the noun phrase or pronoun right before a speech verb ("the ministry said",
"Lavrov has also said") or, after a quotation or a comma, right after it ("...," said Lavrov). A
reported clause is what follows the verb (past "that", a "told reporters" object, a "on Monday"
adverbial) up to the end of the sentence or a ", adding"-style turn, or, when the verb closes its
sentence ("The talks were useful, Lavrov said."), the sentence up to the comma before the speaker.
`benchmarks/syntax_eval.py` compares this with the parser-based reading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterable

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

from wirehouse.nlp.doctext import doc_text
from wirehouse.nlp.phrases import noun_phrases

SPEECH_LEMMAS = frozenset({
    "say", "tell", "stress", "note", "add", "state", "announce", "underscore", "underline", "emphasise",
    "emphasize", "warn", "insist", "declare", "reiterate", "explain", "claim", "confirm", "urge", "write",
    "remark", "comment", "reply", "answer", "point", "assert", "affirm", "acknowledge", "admit", "deny",
})
# Verbs whose listener comes before the reported clause: "told reporters (that) ...".
_ADDRESSED = frozenset({"tell", "urge", "warn", "assure", "remind", "inform"})
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
_DIRECT = re.compile(r"“([^”\n]{2,1500})”|\"([^\"\n]{2,1500})\"")
_MIN_QUOTE_WORDS = 3
# Between a speech verb and its subject: "has also said", "did not say", "would later tell". Without a
# parse the model's attribute rules cannot mark auxiliaries (they read the dependency label), so
# "has" and "was" are told by their lemma.
_BETWEEN_SUBJECT_AND_VERB = frozenset({"ADV", "AUX", "PART"})
_AUXILIARY_LEMMAS = frozenset({"be", "have", "do"})
# What may stand between a speech verb and the "that" of its clause: "said on Monday that", "told the UN that".
_BEFORE_THAT = frozenset({"ADP", "NOUN", "PROPN", "NUM", "DET", "ADJ", "PRON", "ADV", "PUNCT", "SPACE"})
_BEFORE_THAT_SPAN = 8
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
# Prepositions that tie a phrase to a speaker's: "a source in the delegation", "the head of the mission".
_ATTACHING = frozenset({"of", "in", "for", "at", "from", "with"})
_MAX_ATTACHED = 2
_MAX_BRACKETED = 8


@dataclass(frozen=True)
class Quote:
    text: str
    start: int
    end: int
    kind: str                          # direct | indirect
    speaker_text: str | None
    speaker_span: tuple[int, int] | None   # the entity mention the speaker was resolved to


class _Syntax:
    """The noun phrases and entities of one Doc, indexed by the token they start and end at."""

    def __init__(self, doc: Doc, phrases: Iterable[Span]) -> None:
        self.doc = doc
        self.ending: dict[int, Span] = {}
        self.starting: dict[int, Span] = {}
        for phrase in phrases:
            self.ending[phrase.end - 1] = phrase
            self.starting[phrase.start] = phrase
        self.ents = doc.ents  # each access rebuilds the spans from every token: read once
        self.entity_at: dict[int, Span] = {}
        for ent in self.ents:
            for i in range(ent.start, ent.end):
                self.entity_at[i] = ent

    def phrase_ending(self, i: int, lower: int) -> Span | None:
        """The pronoun, noun phrase or entity that ends at token i (not before token `lower`)."""
        token = self.doc[i]
        if token.pos_ == "PRON":
            return self.doc[i:i + 1] if token.lower_ in _PRONOUNS else None
        phrase = self.ending.get(i)
        ent = self.entity_at.get(i)
        start = min(s.start for s in (phrase, ent) if s is not None) if (phrase or ent) else None
        if start is None or (ent is not None and ent.end - 1 != i and phrase is None):
            return None
        return self.doc[max(start, lower):i + 1]

    def phrase_starting(self, i: int, upper: int) -> Span | None:
        """The pronoun, noun phrase or entity that starts at token i (not past token `upper`)."""
        if i >= upper:
            return None
        token = self.doc[i]
        if token.pos_ == "PRON":
            return self.doc[i:i + 1] if token.lower_ in _PRONOUNS else None
        phrase = self.starting.get(i)
        ent = self.entity_at.get(i)
        if ent is not None and ent.start != i:
            ent = None
        end = max(s.end for s in (phrase, ent) if s is not None) if (phrase or ent) else None
        return None if end is None else self.doc[i:min(end, upper)]

    def _extend_left(self, phrase: Span, lower: int) -> Span:
        """"a source in the delegation", "the head of the mission": a phrase that a preposition ties to the one before."""
        for _ in range(_MAX_ATTACHED):
            tie = phrase.start - 1
            if tie - 1 < lower or self.doc[tie].lower_ not in _ATTACHING:
                break
            before = self.phrase_ending(tie - 1, lower)
            if before is None or before[0].pos_ == "PRON":
                break
            phrase = self.doc[before.start:phrase.end]
        return phrase

    def _extend_right(self, phrase: Span, upper: int) -> Span:
        """"a spokeswoman for the British Retail Consortium", "the report's author, Matthew Crane"."""
        for _ in range(_MAX_ATTACHED):
            tie = phrase.end
            if tie + 1 >= upper:
                break
            if self.doc[tie].lower_ in _ATTACHING:
                after = self.phrase_starting(tie + 1, upper)
            elif self.doc[tie].text == "," and (ent := self.entity_at.get(tie + 1)) is not None and ent.label_ == "PERSON":
                after = self.doc[ent.start:min(ent.end, upper)]
            else:
                break
            if after is None or after[0].pos_ == "PRON":
                break
            phrase = self.doc[phrase.start:after.end]
        return phrase

    def subject(self, verb: Token, sentence: Span) -> tuple[Span, bool] | None:
        """The speech verb's subject and whether it comes after the verb ("...," said Lavrov)."""
        doc = self.doc
        i = verb.i - 1
        while i >= sentence.start and _between_subject_and_verb(doc[i]):
            i -= 1
        if i >= sentence.start and doc[i].text == ")":
            # "The International Energy Agency (IEA) said": the name before the bracket.
            opening = next((k for k in range(i - 1, max(sentence.start, i - _MAX_BRACKETED) - 1, -1) if doc[k].text == "("), None)
            i = opening - 1 if opening is not None else i
        if i >= sentence.start:
            before = self.phrase_ending(i, sentence.start)
            if before is not None:
                return (before if before[0].pos_ == "PRON" else self._extend_left(before, sentence.start)), False
        j = verb.i - 1
        while j >= sentence.start and doc[j].is_space:
            j -= 1
        if j < sentence.start or doc[j].is_punct:
            after = self.phrase_starting(verb.i + 1, sentence.end)
            if after is not None:
                return (after if after[0].pos_ == "PRON" else self._extend_right(after, sentence.end)), True
        return None


def _between_subject_and_verb(token: Token) -> bool:
    if token.tag_ == "POS":
        return False
    return token.pos_ in _BETWEEN_SUBJECT_AND_VERB or token.tag_ == "MD" or (
        token.tag_.startswith("VB") and token.lemma_.lower() in _AUXILIARY_LEMMAS)


def _entity_at(syntax: _Syntax, token: Token) -> Span | None:
    ent = syntax.entity_at.get(token.i)  # entities never overlap: at most one covers a token
    return ent if ent is not None and ent.label_ in ("PERSON", "ORG", "GPE", "NORP") else None


def _speaker(syntax: _Syntax, phrase: Span, before_char: int) -> tuple[str | None, Span | None]:
    """Who the subject phrase names: an entity, a pronoun's last person, or a noun's last organization."""
    head = phrase[-1]
    ents = syntax.ents
    inside = [e for e in ents if phrase.start <= e.start and e.end <= phrase.end and e.label_ in ("PERSON", "ORG")]
    # "the UN envoy on Syria Staffan de Mistura": the person, not the organization named on the way.
    ent = next((e for e in inside if e.label_ == "PERSON"), None) or _entity_at(syntax, head) or next(iter(inside), None)
    if ent is not None:
        return phrase.text, ent
    earlier = [e for e in ents if e.end_char <= before_char]
    later = [e for e in ents if e.start_char > before_char]
    if head.lower_ in _PRONOUNS:
        person = next((e for e in reversed(earlier) if e.label_ == "PERSON"), None)
        return phrase.text, person if head.lower_ in ("he", "she") else None
    lemma = head.lemma_.lower()
    # "the ministry said", "the minister underscored": the nearest organization or titled person that fits.
    for ent in [*reversed(earlier), *later]:
        if ent.label_ == "ORG" and lemma in ent.text.lower():
            return phrase.text, ent
        if ent.label_ == "PERSON" and ent._.role and lemma in ent._.role.lower():
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


def _trim(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens start..end without punctuation or spaces at either end."""
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end] if end > start else None


def _is_clause(content: Span | None) -> bool:
    """Three words or more with a finite verb of their own ("confirmed the figures but declined" is not)."""
    if content is None or len(content) < _MIN_QUOTE_WORDS:
        return False
    finite = next((t for t in content if t.tag_ in _FINITE_TAGS), None)
    if finite is None or finite.i == content.start:
        return False
    before = content.doc[finite.i - 1]
    return not (before.pos_ == "CCONJ" or (before.pos_ == "ADV" and finite.i - 2 >= content.start
                                            and content.doc[finite.i - 2].pos_ == "CCONJ"))


def _clause_after(syntax: _Syntax, verb: Token, sentence: Span) -> Span | None:
    """Lavrov said (on Monday) (that) CLAUSE; Peskov told journalists (that) CLAUSE."""
    doc = syntax.doc
    start = verb.i + 1
    if verb.lemma_.lower() in _ADDRESSED:
        listener = syntax.phrase_starting(start, sentence.end)
        if listener is not None:
            start = listener.end
    for k in range(start, min(start + _BEFORE_THAT_SPAN, sentence.end)):
        if doc[k].lower_ == "that" and doc[k].tag_ == "IN":
            start = k + 1
            break
        if doc[k].pos_ not in _BEFORE_THAT or doc[k].text in (":", ";"):
            break
    if start >= sentence.end or doc[start].is_punct or doc[start].pos_ not in ("DET", "PROPN", "NOUN", "PRON", "ADJ", "NUM"):
        return None
    end = sentence.end
    for k in range(start + 1, sentence.end - 1):
        # "..., adding that", "; ..." : the reported clause ends where the sentence turns.
        if doc[k].text == ";" or (doc[k].text == "," and doc[k + 1].tag_ == "VBG"):
            end = k
            break
    content = _trim(doc, start, end)
    return content if _is_clause(content) else None


def _clause_before(syntax: _Syntax, verb: Token, subject: Span, inverted: bool, sentence: Span) -> Span | None:
    """CLAUSE, Lavrov said (on Monday).  CLAUSE, said the ministry."""
    doc = syntax.doc
    tail_start = subject.end if inverted else verb.i + 1
    if verb.lemma_.lower() in _ADDRESSED and not inverted:
        listener = syntax.phrase_starting(tail_start, sentence.end)
        tail_start = listener.end if listener is not None else tail_start
    if any(t.pos_ in ("VERB", "AUX") or t.text in (",", ";", ":") for t in doc[tail_start:sentence.end]):
        return None
    comma = (verb.i if inverted else subject.start) - 1
    while comma > sentence.start and doc[comma].is_space:
        comma -= 1
    if comma <= sentence.start or doc[comma].text != ",":
        return None
    content = _trim(doc, sentence.start, comma)
    return content if _is_clause(content) else None


def extract_quotes(doc: Doc, allowed: Callable[[int], bool] = lambda start: True,
                   phrases: Iterable[Span] | None = None) -> list[Quote]:
    """Quotes in `doc`; `allowed(char)` says whether a character is in a part of the article to analyse;
    `phrases` are the doc's noun phrases if already found (`noun_phrases(doc)` otherwise)."""
    syntax = _Syntax(doc, noun_phrases(doc) if phrases is None else phrases)
    quotes: list[Quote] = []
    direct_spans = []
    for match in _DIRECT.finditer(doc_text(doc)):
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
        verbs = [(v, s) for s in sorted(sentences, key=lambda s: s.start) for v in _speech_verbs(s, (match.start(), match.end()))]
        if verbs:
            closest, sentence = min(verbs, key=lambda vs: min(abs(vs[0].idx - match.end()), abs(vs[0].idx - match.start())))
            subject = syntax.subject(closest, sentence)
            if subject is not None:
                speaker_text, speaker = _speaker(syntax, subject[0], match.start())
        quotes.append(Quote(text, start, end, "direct", speaker_text,
                            (speaker.start_char, speaker.end_char) if speaker is not None else None))
    for sentence in doc.sents:
        if not allowed(sentence.start_char):
            continue
        for verb in _speech_verbs(sentence):
            if any(s <= verb.idx < e for s, e in direct_spans):
                continue
            subject = syntax.subject(verb, sentence)
            if subject is None:
                continue
            phrase, inverted = subject
            content = None if inverted else _clause_after(syntax, verb, sentence)
            if content is None:
                content = _clause_before(syntax, verb, phrase, inverted, sentence)
            if content is None or any(s < content.end_char and content.start_char < e for s, e in direct_spans):
                continue
            speaker_text, speaker = _speaker(syntax, phrase, verb.idx)
            quotes.append(Quote(content.text, content.start_char, content.end_char, "indirect", speaker_text,
                                (speaker.start_char, speaker.end_char) if speaker is not None else None))
    return quotes
