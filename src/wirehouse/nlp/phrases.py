"""Noun phrases from part-of-speech tags alone, so the pipeline can run without the dependency parser.

A phrase is a run of adjectives, numbers, nouns and proper nouns (possessive `'s`, word-inner
hyphens and whatever word follows one included: "Tokyo-based"), optionally opened by a determiner
or possessive pronoun, that ends in a noun or proper noun: "the Russian Foreign Ministry", "Russia's foreign minister Sergei Lavrov", "two
peace-keeping missions". Prepositions, conjunctions, verbs, punctuation and line breaks end a
phrase, so "the Ministry of Foreign Affairs" gives "the Ministry" and "Foreign Affairs", as spaCy's
parser-based `noun_chunks` does. `benchmarks/syntax_eval.py` compares the two.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_HEADS = frozenset({"NOUN", "PROPN"})
_MODIFIERS = frozenset({"ADJ", "NUM"})
_OPENERS = frozenset({"DT", "PDT", "PRP$", "WP$"})
# After a word-inner hyphen any word continues the phrase: "Tokyo-based", "state-owned", "Dong-wook".
_JOINED = frozenset({"VERB", "ADV", "ADP", "X", "PART"})


def _inner_hyphen(doc: Doc, token: Token) -> bool:
    """A hyphen written between two words without spaces ("peace-keeping")."""
    return (token.text in ("-", "–") and not token.whitespace_ and token.i > 0 and not doc[token.i - 1].whitespace_
            and token.i + 1 < len(doc))


def noun_phrases(doc: Doc) -> list[Span]:
    """The document's noun phrases, left to right, none overlapping."""
    phrases: list[Span] = []
    start: int | None = None
    last_head = -1
    for token in doc:
        pos = token.pos_
        joined = start is not None and token.i > 0 and _inner_hyphen(doc, doc[token.i - 1]) and pos in _JOINED
        if pos in _HEADS or pos in _MODIFIERS or token.tag_ == "POS" or joined or (start is not None and _inner_hyphen(doc, token)):
            if start is None:
                start = token.i
            if pos in _HEADS:
                last_head = token.i
            continue
        if start is not None and last_head >= start:
            phrases.append(doc[start:last_head + 1])
        start = token.i if token.tag_ in _OPENERS else None
    if start is not None and last_head >= start:
        phrases.append(doc[start:last_head + 1])
    return phrases
