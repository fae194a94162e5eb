"""Loading the spaCy pipeline named in the settings, once per process."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from wirehouse.nlp import components as _components  # noqa: F401  (registers the factories)
from wirehouse.nlp import sentences as _sentences
from wirehouse.nlp import sports as _sports
from wirehouse.nlp.attribute_rules import use_fast_attribute_rules
from wirehouse.nlp.models import ModelNotInstalledError, not_installed_message

# Components the entity, quote and topic stages read from; everything else is disabled. They read
# tags, lemmas, entities and sentences, never a dependency parse (phrases.py, quotes.py), so sentences
# come from the small `senter` where the pipeline has one (about a sixth less work than the parser)
# and from the parser otherwise (en_core_web_trf has no senter). The senter runs last: `ner` does not
# start or continue an entity across a sentence start that is already set, and the senter's
# boundaries are not the parser's, so running it first would change the entities.
NEEDED_COMPONENTS = ("tok2vec", "tagger", "attribute_ruler", "lemmatizer", "ner")
SENTER_NAME = "wirehouse_senter"
CLEANUP_COMPONENTS = ("wirehouse_entity_cleanup", "wirehouse_entity_consistency")


@lru_cache(maxsize=4)
def load_pipeline(model_name: str, cleanup: bool = True) -> Language:
    """The named spaCy pipeline with unused components disabled, its attribute rules applied by the
    faster equivalent, and, by default, our entity clean-up after `ner`."""
    try:
        nlp = spacy.load(model_name)
    except OSError as exc:
        raise ModelNotInstalledError(not_installed_message(model_name)) from exc
    senter = "senter" in nlp.component_names
    keep = NEEDED_COMPONENTS if senter else (*NEEDED_COMPONENTS, "parser")
    for name in nlp.component_names:
        if name not in keep and name not in nlp.disabled:
            nlp.disable_pipe(name)
    use_fast_attribute_rules(nlp)  # same annotation as attribute_ruler, a sixth of the pipeline's time less
    if cleanup:
        nlp.add_pipe(CLEANUP_COMPONENTS[0], after="ner")
        nlp.add_pipe(CLEANUP_COMPONENTS[1], after=CLEANUP_COMPONENTS[0])
        nlp.add_pipe(_sports.NAME, after=CLEANUP_COMPONENTS[1])
    if senter:
        nlp.add_pipe("senter", name=SENTER_NAME, source=nlp, last=True)  # the same component, moved to the end
        nlp.remove_pipe("senter")
        nlp.add_pipe(_sentences.NAME, last=True)
    return nlp
