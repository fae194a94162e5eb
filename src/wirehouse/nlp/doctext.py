"""A Doc's text, built once per Doc.

spaCy's `Doc.text` joins every token's text on each access, and the entity clean-up, the quote
finder and the key phrases each read it: three passes over every token of every article. The text
cannot change after tokenization, so the first build is kept in `doc.user_data`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

_KEY = "wirehouse.text"


def doc_text(doc: Doc) -> str:
    """`doc.text`, built on the first call for this Doc and kept for the next ones."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text
