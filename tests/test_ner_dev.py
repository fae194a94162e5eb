"""The entity clean-up measured on the team's labelled development set (tests/data/ner_dev.jsonl)."""

from pathlib import Path

import pytest

from wirehouse.config import DEFAULT_SPACY_MODEL
from wirehouse.nlp.evaluate import load_examples, score
from wirehouse.nlp.pipeline import load_pipeline

DEV_SET = Path(__file__).parent / "data" / "ner_dev.jsonl"


@pytest.fixture(scope="module")
def scores():
    examples = load_examples(DEV_SET)
    assert len(examples) >= 30
    return (score(load_pipeline(DEFAULT_SPACY_MODEL, cleanup=False), examples),
            score(load_pipeline(DEFAULT_SPACY_MODEL), examples))


def test_dev_set_offsets_are_exact():
    for example in load_examples(DEV_SET):
        for start, end, label in example["entities"]:
            surface = example["text"][start:end]
            assert surface == surface.strip() and "\n" not in surface, (example["id"], surface)


def test_clean_up_beats_the_raw_model_on_every_type(scores):
    raw, cleaned = scores
    for kind in ("PERSON", "ORG", "PLACE", "ALL"):
        assert cleaned[kind].f1 > raw[kind].f1, kind
    assert cleaned["ALL"].f1 >= 0.80
