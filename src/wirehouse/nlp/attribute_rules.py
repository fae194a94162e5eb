"""The model's attribute rules (tag → part of speech, morphology, lemma exceptions), applied faster.

spaCy's `attribute_ruler` runs a Matcher with every rule over every token and then sets each match
through a Python Span: in `en_core_web_sm` that is about 15% of the whole pipeline, more than the
parser. Nearly all its rules look at one token only (its tag, lower-case form, dependency label or
whether it is a space), so their combined effect depends only on those four values: it is
computed once per distinct combination and cached. The few rules that span several tokens are
tried only where their first token's test holds. The result is the same annotation, token for token
(tests/test_attribute_rules.py compares it with the original on real articles).
"""

from __future__ import annotations

import re
from typing import Any, Callable

from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

NAME = "wirehouse_attribute_rules"
_FIELDS = ("TAG", "LOWER", "DEP", "IS_SPACE")  # what a single-token rule may test, in key order

Key = tuple[str, str, str, bool]


def _value_test(spec: Any) -> Callable[[Any], bool] | None:
    """A test for one attribute value as the Matcher would apply it (None: a form not handled here)."""
    if not isinstance(spec, dict):
        return lambda value, wanted=spec: value == wanted
    if len(spec) != 1:
        return None
    (operator, operand), = spec.items()
    if operator == "IN":
        return lambda value, options=frozenset(operand): value in options
    if operator == "NOT_IN":
        return lambda value, options=frozenset(operand): value not in options
    if operator == "REGEX":
        return lambda value, pattern=re.compile(operand): value is not None and bool(pattern.search(value))
    return None


def _token_test(token_spec: dict) -> Callable[[Key], bool] | None:
    tests = []
    for field, spec in token_spec.items():
        test = _value_test(spec)
        if field not in _FIELDS or test is None:
            return None
        tests.append((_FIELDS.index(field), test))
    return lambda key: all(test(key[position]) for position, test in tests)


def _lower_values(patterns: list[list[dict]]) -> tuple[frozenset[str], list[re.Pattern]]:
    """Every lower-case form a rule asks for, and the regular expressions some rules use instead."""
    values: set[str] = set()
    expressions = []
    for pattern in patterns:
        for token_spec in pattern:
            spec = token_spec.get("LOWER")
            if isinstance(spec, str):
                values.add(spec)
            elif isinstance(spec, dict):
                values.update(spec.get("IN", ()))
                if "REGEX" in spec:
                    expressions.append(re.compile(spec["REGEX"]))
    return frozenset(values), expressions


class FastAttributeRules:
    """Applies an AttributeRuler's rules with the same result; rules cached per kind of token.

    A token's kind is its tag, dependency label, whether it is a space and, only when some rule
    asks for it, its lower-case form (else None): a bounded set, so the cache stays small.
    """

    def __init__(self, ruler: AttributeRuler) -> None:
        self.attrs = ruler.attrs
        self._single: list[tuple[int, Callable[[Key], bool]]] = []  # (rule index, test)
        self._multi: list[tuple[int, int, list[Callable[[Key], bool]]]] = []  # (rule index, target, tests)
        every_pattern = []
        for number, rule in enumerate(ruler.patterns):
            every_pattern.extend(rule["patterns"])
            for pattern in rule["patterns"]:
                tests = [_token_test(token_spec) for token_spec in pattern]
                if any(test is None for test in tests):
                    raise ValueError(f"attribute rule {number} uses a pattern the fast rules do not handle: {pattern}")
                if len(pattern) == 1 and ruler.indices[number] in (0, -1):
                    self._single.append((number, tests[0]))
                else:
                    self._multi.append((number, ruler.indices[number] % len(pattern), tests))
        self._lowers, self._lower_expressions = _lower_values(every_pattern)
        self._multi_firsts = [tests[0] for _, _, tests in self._multi]
        self._cache: dict[Key, tuple[list[int], dict, bool]] = {}

    def _rules_for(self, key: Key) -> tuple[list[int], dict, bool]:
        """(rules that match this kind of token, their combined attributes, whether a longer rule may start here)."""
        found = self._cache.get(key)
        if found is None:
            numbers = sorted({number for number, test in self._single if test(key)})
            merged: dict = {}
            for number in numbers:  # later rules win, as in spaCy
                merged.update(self.attrs[number])
            may_start = any(test(key) for test in self._multi_firsts)
            found = self._cache[key] = (numbers, merged, may_start)
        return found

    def _key(self, token) -> Key:
        lower = token.lower_
        if lower not in self._lowers and not any(expression.search(lower) for expression in self._lower_expressions):
            lower = None
        return (token.tag_, lower, token.dep_, token.is_space)

    def __call__(self, doc: Doc) -> Doc:
        keys = [self._key(token) for token in doc]
        rules = [self._rules_for(key) for key in keys]
        extra: dict[int, list[int]] = {}
        for start, (_, _, may_start) in enumerate(rules):
            if not may_start:
                continue
            for number, target, tests in self._multi:
                end = start + len(tests)
                if end <= len(keys) and all(test(keys[start + k]) for k, test in enumerate(tests)):
                    extra.setdefault(start + target, []).append(number)
        for token, (numbers, merged, _) in zip(doc, rules):
            more = extra.get(token.i)
            if more is None:
                if merged:
                    set_token_attrs(token, merged)
                continue
            for number in sorted(set(numbers) | set(more)):
                set_token_attrs(token, self.attrs[number])
        return doc


@Language.factory(NAME)
def make_fast_attribute_rules(nlp: Language, name: str) -> FastAttributeRules:
    return FastAttributeRules(nlp.get_pipe("attribute_ruler"))


def use_fast_attribute_rules(nlp: Language) -> None:
    """Put the fast rules in place of the pipeline's `attribute_ruler` (a pipeline without one is left alone)."""
    if "attribute_ruler" in nlp.pipe_names and NAME not in nlp.pipe_names:
        nlp.add_pipe(NAME, before="attribute_ruler")
        nlp.disable_pipe("attribute_ruler")
