"""Storing topic-discovery models in the warehouse, refitting them, and assigning articles with them."""

from __future__ import annotations

import json
from dataclasses import dataclass

import duckdb
import pandas as pd

from wirehouse.nlp.discovery import SCHEME, TopicModel, fit_topics
from wirehouse.warehouse import keys
from wirehouse.warehouse.runs import now


def latest_model(connection: duckdb.DuckDBPyConnection) -> TopicModel | None:
    row = connection.execute("select model from topic_model order by version desc limit 1").fetchone()
    return TopicModel.from_bytes(row[0]) if row else None


def discovered_rows(article_ids: list[str], terms: list[str], model: TopicModel) -> list[dict]:
    """bridge_article_topic rows for the articles under `model`."""
    rows = []
    for article_id, assigned in zip(article_ids, model.assign(terms)):
        for rank, (code, share) in enumerate(assigned, start=1):
            rows.append({"article_id": article_id, "topic_key": keys.topic_key(SCHEME, code), "score": share,
                         "rank": rank, "evidence": json.dumps({"model_version": model.version, "share": share})})
    return rows


def topic_rows(model: TopicModel) -> pd.DataFrame:
    return pd.DataFrame([
        {"topic_key": keys.topic_key(SCHEME, code), "scheme": SCHEME, "code": code, "label": label,
         "parent_key": None, "level": 1, "model_version": model.version}
        for code, label in zip(model.codes, model.labels)
    ])


@dataclass(frozen=True)
class RefitSummary:
    version: int
    topic_count: int
    article_count: int
    silhouette: float
    alignment: dict[str, str]
    labels: dict[str, str]


def refit(connection: duckdb.DuckDBPyConnection) -> RefitSummary:
    """Fit a new model on every article's terms, align it to the last one, reassign all articles: one transaction."""
    corpus = connection.execute("select article_id, terms from article_terms order by article_id").fetchall()
    previous = latest_model(connection)
    model = fit_topics(corpus, previous)
    article_ids = [article_id for article_id, _ in corpus]
    bridges = pd.DataFrame(discovered_rows(article_ids, [terms for _, terms in corpus], model),
                           columns=["article_id", "topic_key", "score", "rank", "evidence"])
    topics = topic_rows(model)
    connection.begin()
    try:
        connection.execute(
            "insert into topic_model (version, fitted_at, topic_count, article_count, vocabulary_size, silhouette, "
            "alignment, model) values (?, ?, ?, ?, ?, ?, ?, ?)",
            [model.version, now(), len(model.codes), model.n_articles, len(model.vectorizer.vocabulary_),
             model.silhouette, json.dumps(model.alignment), model.to_bytes()],
        )
        connection.register("incoming_topic", topics)
        connection.execute(
            "insert into dim_topic by name select * from incoming_topic on conflict (topic_key) "
            "do update set label = excluded.label, model_version = excluded.model_version")
        connection.unregister("incoming_topic")
        connection.execute("delete from bridge_article_topic where topic_key in "
                           "(select topic_key from dim_topic where scheme = ?)", [SCHEME])
        if not bridges.empty:
            connection.register("incoming_bridge", bridges)
            connection.execute("insert into bridge_article_topic by name select * from incoming_bridge")
            connection.unregister("incoming_bridge")
        connection.commit()
    except BaseException:
        connection.rollback()
        raise
    return RefitSummary(model.version, len(model.codes), model.n_articles, model.silhouette, model.alignment,
                        dict(zip(model.codes, model.labels)))
