"""Hard-wrapped bodies: which line breaks only wrap a paragraph, and the text the NLP reads.

Wire archives, e-mailed releases and many feeds break every line at a fixed width, so a line
break inside a paragraph says nothing: "Finance Minister Dilson\nFunaro" is one name. In such a
body a paragraph ends at a blank line or an indented line. A body whose lines are not of one width
(a sentence per line, tables, verse) keeps every break.

The NLP reads the article with each wrapping break replaced by a space. That is a one-for-one
character swap, so every offset the NLP gives still points into `article_text.full_text`.
"""

from __future__ import annotations

from wirehouse.articles.spans import line_bounds

# Wider lines than this are not wrapped at a fixed width by any feed we know of.
_MAX_WRAP_WIDTH = 100
# A line counts as filled to the width when it reaches this share of the widest line.
_FILLED = 0.6
_SENTENCE_ENDS = (".", "!", "?", ":", ";", '"', "”", "’", "'", *"0123456789")
# ... and at least this share of those lines go on with a word in lower case on the next line.
_LOWER_NEXT_SHARE = 0.3
# A body is hard-wrapped when at least this share of its paragraph-internal lines are filled and run on ...
_FILLED_SHARE = 0.6
# ... and it has at least this many of them.
_MIN_WRAPPED_LINES = 2


def wrapping_breaks(text: str, start: int, end: int) -> list[int]:
    """Offsets of the line breaks in text[start:end] that only wrap a paragraph (empty when the body
    is not hard-wrapped). Lines are measured whole, so a body that opens mid-line after a dateline
    is measured from the line's start."""
    lines = [line_bounds(text, start)]  # (start, end) of each line that overlaps the body
    while lines[-1][1] + 1 < end:
        lines.append(line_bounds(text, lines[-1][1] + 1))
    widths = [len(text[a:b].rstrip()) for a, b in lines]
    width = max(widths, default=0)
    if not width or width > _MAX_WRAP_WIDTH:
        return []
    # A break that could wrap: between two lines with text, the next one not indented.
    candidates = [
        index for index in range(len(lines) - 1)
        if widths[index] and text[lines[index + 1][0]:lines[index + 1][1]].strip()
        and not text[lines[index + 1][0]].isspace() and start <= lines[index][1] < end
    ]
    # Filled to the width, and the sentence runs on: a line per sentence (ending in a full stop) or a
    # table (short lines, or lines ending in a figure) is not wrapped prose.
    running_on = [index for index in candidates if widths[index] >= _FILLED * width
                  and not text[lines[index][0]:lines[index][1]].rstrip().endswith(_SENTENCE_ENDS)]
    if len(running_on) < _MIN_WRAPPED_LINES or len(running_on) < _FILLED_SHARE * len(candidates):
        return []
    # Wrapped prose goes on in lower case on many next lines; tables and lists of names do not.
    lower_next = sum(text[lines[index + 1][0]].islower() for index in running_on)
    if lower_next < _LOWER_NEXT_SHARE * len(running_on):
        return []
    return [lines[index][1] for index in running_on]


def unwrapped(text: str, start: int, end: int) -> str:
    """`text` with the wrapping breaks of text[start:end] replaced by spaces (same length)."""
    breaks = wrapping_breaks(text, start, end)
    if not breaks:
        return text
    chars = list(text)
    for offset in breaks:
        chars[offset] = " "
    return "".join(chars)
