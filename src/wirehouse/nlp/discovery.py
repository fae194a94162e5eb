"""Discovered topics: NMF over lemmas and noun chunks, refitted on the whole warehouse corpus.

The number of topics is chosen from the data: the knee of the cosine silhouette of the articles'
topic assignments over growing counts (`knee`); a refit aligns its topics to the previous model's (Hungarian matching on topic-term
similarity) so topic codes, and the trend lines built on them, survive refits. Everything is
deterministic: the same corpus gives the same model, codes and assignments.
"""

from __future__ import annotations

import io
import pickle
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # scikit-learn and scipy take seconds to import: only where a model is fitted or used
    from sklearn.decomposition import NMF
    from sklearn.feature_extraction.text import TfidfVectorizer

SCHEME = "discovered"
MIN_ARTICLES = 10
MAX_TOPICS = 20
# Articles per candidate topic at the least: a corpus of 60 articles tries at most 6 topics.
ARTICLES_PER_TOPIC = 10
# A new topic keeps an old topic's code when their term profiles are at least this similar.
ALIGN_MIN_SIMILARITY = 0.2
TOP_TERMS = 8
MAX_ASSIGNED = 3
MIN_SHARE = 0.1


class NotEnoughArticlesError(ValueError):
    """Too few articles with text to discover topics from."""


@dataclass
class TopicModel:
    version: int
    vectorizer: TfidfVectorizer
    nmf: NMF
    codes: list[str]                       # code of each NMF component
    labels: list[str]                      # top terms of each component
    silhouette: float
    n_articles: int
    alignment: dict[str, str] = field(default_factory=dict)   # code → "kept (similarity 0.83)" | "new"

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        pickle.dump(self, buffer, protocol=pickle.HIGHEST_PROTOCOL)
        return buffer.getvalue()

    @staticmethod
    def from_bytes(data: bytes) -> "TopicModel":
        return pickle.loads(data)

    def term_profiles(self) -> list[dict[str, float]]:
        vocabulary = self.vectorizer.get_feature_names_out()
        profiles = []
        for component in self.nmf.components_:
            norm = np.linalg.norm(component) or 1.0
            top = np.argsort(-component)[:200]
            profiles.append({vocabulary[i]: float(component[i] / norm) for i in top if component[i] > 0})
        return profiles

    def assign(self, terms: list[str]) -> list[list[tuple[str, float]]]:
        """For each article's terms: up to three (code, share) pairs, strongest first."""
        if not terms:
            return []
        weights = self.nmf.transform(self.vectorizer.transform(terms))
        result = []
        for row in weights:
            total = row.sum()
            if total <= 0:
                result.append([])
                continue
            order = np.argsort(-row, kind="stable")[:MAX_ASSIGNED]
            result.append([(self.codes[i], round(float(row[i] / total), 4)) for i in order if row[i] / total >= MIN_SHARE])
        return result


def _candidate_counts(n_articles: int) -> range:
    return range(2, max(2, min(MAX_TOPICS, n_articles // ARTICLES_PER_TOPIC)) + 1)


# How far above the straight line the knee must stand (as a share of the quality gained) to count.
_MIN_KNEE_LIFT = 0.1


def knee(qualities: list[float]) -> int:
    """Index of the knee of a quality curve over growing topic counts (Satopaa et al., "Kneedle").

    On TF-IDF vectors the silhouette keeps creeping up as topics split into ever narrower ones, so
    its maximum sits at the largest count tried. The knee is where adding topics stops paying: the
    point farthest above the straight line from the first count's quality to the best one's.
    """
    best_index = max(range(len(qualities)), key=lambda i: (qualities[i], -i))
    low, high = qualities[0], qualities[best_index]
    if best_index == 0 or high <= low:
        return best_index
    lift = [(qualities[i] - low) / (high - low) - i / best_index for i in range(best_index + 1)]
    index = max(range(best_index + 1), key=lambda i: (lift[i], -i))
    return index if lift[index] >= _MIN_KNEE_LIFT else best_index  # no bend: the curve is about straight


def _fit_nmf(matrix, k: int) -> NMF:
    from sklearn.decomposition import NMF

    return NMF(n_components=k, init="nndsvd", random_state=0, max_iter=500).fit(matrix)


def _label(component: np.ndarray, vocabulary: np.ndarray) -> str:
    top = np.argsort(-component, kind="stable")[:TOP_TERMS]
    return ", ".join(vocabulary[i].replace("_", " ") for i in top)


def _align(previous: TopicModel | None, profiles: list[dict[str, float]]) -> tuple[list[str], dict[str, str]]:
    """Codes for the new components: an old code where the topic is the same, a fresh one otherwise."""
    if previous is None:
        codes = [f"D{i + 1:03d}" for i in range(len(profiles))]
        return codes, {code: "new" for code in codes}
    old_profiles = previous.term_profiles()
    similarity = np.zeros((len(profiles), len(old_profiles)))
    for i, new in enumerate(profiles):
        for j, old in enumerate(old_profiles):
            similarity[i, j] = sum(weight * old.get(term, 0.0) for term, weight in new.items())
    from scipy.optimize import linear_sum_assignment

    rows, cols = linear_sum_assignment(-similarity)
    codes: list[str | None] = [None] * len(profiles)
    alignment = {}
    for i, j in zip(rows, cols):
        if similarity[i, j] >= ALIGN_MIN_SIMILARITY:
            codes[i] = previous.codes[j]
            alignment[previous.codes[j]] = f"kept (similarity {similarity[i, j]:.2f})"
    next_number = 1 + max(int(code[1:]) for code in previous.codes)
    for i in range(len(codes)):
        if codes[i] is None:
            codes[i] = f"D{next_number:03d}"
            alignment[codes[i]] = "new"
            next_number += 1
    return codes, alignment


def fit_topics(corpus: list[tuple[str, str]], previous: TopicModel | None = None) -> TopicModel:
    """Fit on (article_id, terms) pairs; `previous` is the model whose codes should carry over."""
    documents = [terms for _, terms in sorted(corpus) if terms.strip()]
    if len(documents) < MIN_ARTICLES:
        raise NotEnoughArticlesError(
            f"{len(documents)} article(s) with analysed text; topic discovery needs at least {MIN_ARTICLES}")
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics import silhouette_score

    vectorizer = TfidfVectorizer(token_pattern=r"[^ ]+", min_df=2, max_df=0.5, max_features=20000, sublinear_tf=True)
    matrix = vectorizer.fit_transform(documents)
    fitted = []
    for k in _candidate_counts(len(documents)):
        nmf = _fit_nmf(matrix, k)
        labels = nmf.transform(matrix).argmax(axis=1)
        if len(set(labels)) < 2:
            continue
        fitted.append((float(silhouette_score(matrix, labels, metric="cosine")), nmf))
    if not fitted:
        raise NotEnoughArticlesError("the articles are too alike to separate into topics")
    quality, nmf = fitted[knee([quality for quality, _ in fitted])]
    vocabulary = vectorizer.get_feature_names_out()
    model = TopicModel(0, vectorizer, nmf, [], [_label(c, vocabulary) for c in nmf.components_], round(quality, 4),
                       len(documents))
    model.codes, model.alignment = _align(previous, model.term_profiles())
    model.version = (previous.version + 1) if previous else 1
    return model
