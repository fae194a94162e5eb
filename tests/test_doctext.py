"""A Doc's text is built once and kept: the clean-up, quote and key-phrase stages all read it."""

import spacy

from wirehouse.nlp.doctext import doc_text


def test_the_text_is_the_docs_own_and_is_built_once():
    nlp = spacy.blank("en")
    text = "GENEVA, 3 Dec (Reuters) - Talks resumed on Monday.\n\n“We are close,” the envoy said."
    doc = nlp(text)
    first = doc_text(doc)
    assert first == doc.text == text
    assert doc_text(doc) is first  # the kept string, not a second join over the tokens
    assert doc_text(nlp("another text")) == "another text"
