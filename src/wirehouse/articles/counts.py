"""Word, sentence and paragraph counts of a body text."""

from __future__ import annotations

import re

WORD = re.compile(r"\w+(?:[’'-]\w+)*")
# A sentence ends at . ! or ? (optionally closed by a quote or bracket) before whitespace and a capital,
# a digit or an opening quote; common abbreviations do not end one.
# The punctuation comes first so the search skips other characters at once; the look-behinds
# then check the word before it.
_SENTENCE_END = re.compile(r"[.!?](?<!\b[A-Z].)(?<!\bMr.)(?<!\bMrs.)(?<!\bMs.)(?<!\bDr.)(?<!\bSt.)(?<!\bGen.)(?<!\bNo.)"
                           r"(?<!\bU\.S.)(?<!\bJan.)(?<!\bFeb.)(?<!\bAug.)(?<!\bSept.)(?<!\bOct.)(?<!\bNov.)(?<!\bDec.)"
                           r"[\"'”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")


def word_count(text: str) -> int:
    return len(WORD.findall(text))


def paragraph_count(text: str) -> int:
    return sum(1 for block in re.split(r"\n\s*\n", text) if block.strip())


def sentence_count(text: str) -> int:
    count = 0
    for paragraph in re.split(r"\n+", text):
        paragraph = paragraph.strip()
        if paragraph:
            count += len(_SENTENCE_END.findall(paragraph)) + 1
    return count
