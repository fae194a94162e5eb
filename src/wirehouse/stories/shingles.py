"""The text a story is compared on, and its word shingles.

Only the body counts: the title, standfirst, captions, credits, bylines, trailers, headers and
navigation are what republishers change, so they are left out (`ParsedArticle.segments` says
which characters are which). The body is normalized for comparison (transliterated to ASCII with
unidecode, case-folded, apostrophes dropped, thousands separators joined, every other punctuation
mark a word break), and shingled into overlapping runs of k words.

Lines the parser leaves inside the body but that are site furniture, not story (`Read more: ...`,
`Follow us on Telegram`, `(Corrects spelling of name in paragraph 3)`, a correction note), are
dropped before shingling when `strip_boilerplate` is on. Containment (see `signatures`) already
forgives a few extra lines, so this only matters when a short story gains long boilerplate;
`benchmarks/near_dup_eval.py` measures both ways.

A body of fewer than k words (but at least one) is one shingle: the whole body. Such an article
can only match another whose body is the same words, never a longer story it happens to quote.
An empty body has no shingles, so it gets no signature bands and stays a story of its own.

The lead (the body's first `lead_words` words) is shingled too: its small signature gives extra LSH
bands, so a copy cut down to its first paragraphs, whose Jaccard similarity to the whole story is
low, is still found as a candidate (containment then decides, from the full signatures).
"""

from __future__ import annotations

import re

from unidecode import unidecode

from wirehouse.articles.model import ParsedArticle

COMPARED_SECTIONS = ("body",)

_APOSTROPHE = re.compile(r"['’‘`]")
_DIGIT_SEPARATOR = re.compile(r"(?<=\d)[,.](?=\d{3}\b)")
_NOT_WORD = re.compile(r"[^0-9a-z]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")

# Whole lines inside a body that are site furniture or editorial notes, not the story.
_BOILERPLATE_LINE = re.compile(
    r"(?:"
    r"(?:read|see) (?:also|more)\b.*"
    r"|related(?: news| stories| articles)?:.*"
    r"|(?:follow|subscribe to|join) (?:us|our|\w+ on)\b.*"
    r"|(?:all news|latest news|top stories|most read|advertisement|share(?: this article)?|listen to this article)"
    r"|(?:tags|topics|keywords):.{0,200}|share this (?:story|article|page)\b.*"
    # Agency credits that a republisher's page pushed off the end (the parser's trailer is the last lines only).
    r"|\(?(?:additional )?(?:reporting|writing|editing|compiled|translated) by\b.*"
    r"|.{0,80}\ball rights reserved\b.*|©.*|copyright \d{4}.*"
    r"|\((?:corrects?|correcting|updates?|adds|recasts|refiles?|repeats?|fixes)\b[^)]{0,200}\)"
    r"|(?:correction|clarification|editor'?s note)\b\s*(?:\(\w[^)]{0,40}\))?\s*:.*"
    r"|this (?:story|article|report) (?:has been|was) (?:corrected|updated|amended)\b.*"
    r"|an earlier version of this (?:story|article|report)\b.*"
    r")$",
    re.IGNORECASE,
)
# Boilerplate lines are short; a long paragraph that merely starts like one is story.
_MAX_BOILERPLATE_CHARS = 400


def story_text(article: ParsedArticle) -> str:
    """The article's body, the only text stories are compared on (paragraphs joined by blank lines)."""
    return "\n\n".join(article.full_text[segment.start:segment.end].strip()
                       for segment in article.segments if segment.section in COMPARED_SECTIONS)


def is_boilerplate_line(line: str) -> bool:
    stripped = line.strip()
    return len(stripped) <= _MAX_BOILERPLATE_CHARS and bool(_BOILERPLATE_LINE.match(stripped))


def strip_boilerplate(text: str) -> str:
    """`text` without the lines that are site furniture or correction notes."""
    return "\n".join(line for line in text.split("\n") if not is_boilerplate_line(line))


def normalized_words(text: str) -> list[str]:
    """Words for comparison: ASCII, case-folded, no punctuation (`Russia’s 1,000 U.S.-led` → russias 1000 u s led)."""
    # unidecode maps each character on its own, so only the non-ASCII runs need it (it is slow per character).
    text = _NON_ASCII.sub(lambda run: unidecode(run.group()), text).casefold()
    text = _DIGIT_SEPARATOR.sub("", _APOSTROPHE.sub("", text))
    return [word for word in _NOT_WORD.split(text) if word]


def word_shingles(words: list[str], k: int) -> set[str]:
    """Every run of k consecutive words; the whole text as one shingle when it has fewer than k words."""
    if k < 1:
        raise ValueError(f"shingle size must be at least 1, not {k}")
    if not words:
        return set()
    if len(words) < k:
        return {" ".join(words)}
    return {" ".join(run) for run in zip(*(words[i:] for i in range(k)))}


def comparison_words(article: ParsedArticle, strip: bool = True) -> list[str]:
    """The normalized words of the article's body (without boilerplate lines when `strip`)."""
    text = story_text(article)
    return normalized_words(strip_boilerplate(text) if strip else text)


def article_shingles(article: ParsedArticle, k: int, strip: bool = True) -> set[str]:
    """The shingles a story is compared on, from the real parser's body segments."""
    return word_shingles(comparison_words(article, strip), k)
