"""Which language an article is written in (ISO 639-1), offline with py3langid."""

from __future__ import annotations

from functools import lru_cache
from itertools import islice

# Below this many letters the guess is noise; report unknown instead.
_MIN_LETTERS = 20
_MIN_PROBABILITY = 0.5


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str | None, float]:
    """(ISO 639-1 code, probability); (None, 0.0) when the text is too short or the model unsure."""
    sample = text[:2000]  # the first paragraphs decide; longer samples cost time and change no answer
    if len(list(islice(filter(str.isalpha, sample), _MIN_LETTERS))) < _MIN_LETTERS:  # stops at the 20th letter
        return None, 0.0
    code, probability = _identifier().classify(sample)
    probability = float(probability)
    if probability < _MIN_PROBABILITY:
        return None, probability
    return code, round(probability, 3)
