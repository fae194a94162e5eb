"""Headlines sent in capitals, as the NLP should read them.

Wires send headlines in capitals (`SOCCER - JAPAN GET LUCKY WIN`, `FDA OKAYS DRUG`). A statistical
tagger reads a run of capitalised words as a name, so whole headlines became organisations
("SIGNS WORLD BANK LOAN"). The NLP reads such a line recased instead: each word as the article writes
it elsewhere in mixed case (`World Bank`), a prominent place or country capitalised, short words and
tickers in capitals kept (`U.S.`, `EU`, `<DF>`), every other word in lower case, the first word
capitalised. Only the NLP's copy changes, one character for one, so offsets and the stored title
stay as sent.
"""

from __future__ import annotations

import re
from collections import Counter

from wirehouse.articles.spans import in_capitals, line_bounds

# A word: letters and digits, apostrophes and hyphens inside it, dots inside it (`U.S`), no closing stop.
_WORD = re.compile(r"[^\W\d_](?:[\w'’&-]|\.(?=\w))*")
# At least this many letters, nearly all upper case, make a line shouted.
_MIN_LETTERS = 6
_UPPER_SHARE = 0.9
# Words this short in capitals are usually acronyms: kept as they are unless the text writes them otherwise.
_ACRONYM_LETTERS = 3
# Company-name suffixes, as business copy writes them.
_SUFFIXES = {"inc": "Inc", "corp": "Corp", "co": "Co", "ltd": "Ltd", "plc": "Plc", "llc": "LLC", "cos": "Cos"}


def is_shouted(line: str) -> bool:
    return in_capitals(line, _MIN_LETTERS, _UPPER_SHARE)


def written_forms(text: str) -> dict[str, str]:
    """lower-case word → its most frequent spelling in the text's lines that are not shouted."""
    forms: dict[str, Counter] = {}
    for line in text.split("\n"):
        if is_shouted(line):
            continue
        for match in _WORD.finditer(line):
            forms.setdefault(match.group(0).lower(), Counter())[match.group(0)] += 1
    return {lower: counts.most_common(1)[0][0] for lower, counts in forms.items()}


def recase_word(word: str, forms: dict[str, str], first: bool) -> str:
    from wirehouse.articles.gazetteer import is_prominent_place

    lower, written = word.lower(), forms.get(word.lower())
    if lower in _SUFFIXES:
        recased = _SUFFIXES[lower]
    elif written is not None:
        recased = written if written != lower or not first else lower.capitalize()
    elif sum(char.isalpha() for char in word) <= _ACRONYM_LETTERS or "." in word:
        recased = word  # U.S., EU, UN: as sent
    elif is_prominent_place(lower.capitalize()):
        recased = lower.capitalize()
    else:
        recased = lower.capitalize() if first else lower
    return recased if len(recased) == len(word) else word


def recased(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with every shouted line that overlaps SPANS recased (same length)."""
    lines = set()
    for start, _ in spans:
        line_start, line_end = line_bounds(text, start)
        if is_shouted(text[line_start:line_end]):
            lines.add((line_start, line_end))
    if not lines:
        return text
    forms = written_forms(text)
    chars = list(text)
    for line_start, line_end in sorted(lines):
        for index, match in enumerate(_WORD.finditer(text, line_start, line_end)):
            chars[match.start():match.end()] = recase_word(match.group(0), forms, first=index == 0)
    return "".join(chars)
