"""The fast attribute rules annotate exactly as spaCy's attribute_ruler does, on real articles."""

from __future__ import annotations

import pytest
import spacy

from wirehouse.config import DEFAULT_SPACY_MODEL
from wirehouse.nlp.attribute_rules import NAME, FastAttributeRules, use_fast_attribute_rules

# Every multi-token rule of the English models (gonna, gotta, let's, c'mon, y'all, ain't, there is)
# and ordinary prose around them.
CRAFTED = (
    "There is no way we're gonna stop, the minister said on Tuesday. Let's go! Y'all ain't seen nothing yet. "
    "There are three of them and there were more. I gotta go, c'mon. It's gotta be done, \"she said\".\n\n"
    "  Ms. O'Neill's 2,000 U.S.-made trucks -- aren't they?"
)


def _annotation(doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


@pytest.fixture(scope="module")
def pipelines():
    original = spacy.load(DEFAULT_SPACY_MODEL)
    fast = spacy.load(DEFAULT_SPACY_MODEL)
    use_fast_attribute_rules(fast)
    return original, fast


def _texts(seeds_dir, samples_dir) -> list[str]:
    files = sorted(seeds_dir.glob("*")) + sorted(samples_dir.rglob("*.txt"))
    return [CRAFTED] + [path.read_text(encoding="utf-8", errors="replace") for path in files if path.is_file()]


def test_fast_rules_replace_the_attribute_ruler(pipelines):
    _, fast = pipelines
    assert NAME in fast.pipe_names
    assert "attribute_ruler" in fast.disabled
    assert fast.pipe_names.index(NAME) < fast.pipe_names.index("lemmatizer")


def test_same_tags_parts_of_speech_morphology_and_lemmas_as_spacy(pipelines, seeds_dir, samples_dir):
    original, fast = pipelines
    texts = _texts(seeds_dir, samples_dir)
    compared = 0
    for text, expected, got in zip(texts, original.pipe(texts), fast.pipe(texts)):
        assert _annotation(got) == _annotation(expected), text[:80]
        compared += len(got)
    assert compared > 3000


def test_multi_token_rules_take_effect(pipelines):
    _, fast = pipelines
    doc = fast(CRAFTED)
    lemmas = {(t.lower_, t.lemma_) for t in doc}
    assert ("gon", "go") in lemmas and ("na", "to") in lemmas  # "gonna": two-token rules
    assert ("'s", "us") in lemmas  # "let's"
    assert ("ai", "be") in lemmas  # "ain't"


def test_a_rule_the_fast_path_cannot_express_is_refused(pipelines):
    original, _ = pipelines
    ruler = original.get_pipe("attribute_ruler")

    class Unusual:
        vocab, attrs, indices = ruler.vocab, ruler.attrs, ruler.indices
        patterns = [{"patterns": [[{"LENGTH": {">=": 3}}]], "attrs": {"POS": "X"}, "index": 0}]

    with pytest.raises(ValueError, match="fast rules do not handle"):
        FastAttributeRules(Unusual())


def test_the_project_pipeline_uses_the_fast_rules(nlp):
    assert NAME in nlp.pipe_names and "attribute_ruler" not in nlp.pipe_names
