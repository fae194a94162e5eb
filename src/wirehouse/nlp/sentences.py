"""Sentences end at line breaks: a component after spaCy's `senter` (see pipeline.py).

The statistical sentence recogniser reads a line without final punctuation (a headline, a dateline
line, a photo credit) as the start of the next sentence; the parser did not. Articles arrive as
lines and paragraphs, so every token after a line break starts a sentence.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

NAME = "wirehouse_line_sentences"


@Language.component(NAME)
def line_sentences(doc: Doc) -> Doc:
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc
