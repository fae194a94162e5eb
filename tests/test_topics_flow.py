"""Topics end to end: IPTC on the seeds, and discovered topics refitted through the CLI on the team's labelled set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sklearn.metrics import normalized_mutual_info_score
from typer.testing import CliRunner

from flows.ingest import ingest_articles
from tests.warehouse_queries import query
from wirehouse.cli import app
from wirehouse.nlp.evaluate import LABEL_TOPICS

TOPIC_DEV = Path(__file__).parent / "data" / "topic_dev.jsonl"
runner = CliRunner()




def top_topics(warehouse, prefix: str) -> list[str]:
    return [r[0] for r in query(warehouse, """
        select dim_topic.label from bridge_article_topic
        inner join dim_topic on bridge_article_topic.topic_key = dim_topic.topic_key
        inner join fact_article on bridge_article_topic.article_id = fact_article.article_id
        where dim_topic.scheme = 'iptc' and dim_topic.level = 1 and bridge_article_topic.rank <= 3
          and fact_article.source_file like '%/' || ? || '_%'
        order by bridge_article_topic.rank""", [prefix])]


@pytest.fixture(scope="module")
def seeds_topics(prefect_server, seeds_dir, tmp_path_factory):
    warehouse = tmp_path_factory.mktemp("seed-topics") / "seeds.duckdb"
    ingest_articles(paths=[str(seeds_dir)], warehouse=str(warehouse))
    return warehouse


@pytest.mark.parametrize("prefix", ["000", "002", "003", "004"])
def test_syria_and_libya_seeds_carry_conflict_and_politics(seeds_topics, prefix):
    assert {"conflict, war and peace", "politics"} <= set(top_topics(seeds_topics, prefix))


def test_coronavirus_seed_also_carries_health(seeds_topics):
    assert "health" in top_topics(seeds_topics, "000")


def test_second_level_topics_explain_themselves(seeds_topics):
    rows = query(seeds_topics, """
        select child.label, parent.label, bridge_article_topic.evidence from bridge_article_topic
        inner join dim_topic as child on bridge_article_topic.topic_key = child.topic_key
        inner join dim_topic as parent on child.parent_key = parent.topic_key
        inner join fact_article on bridge_article_topic.article_id = fact_article.article_id
        where fact_article.source_file like '%/000_%'""")
    by_label = {child: (parent, json.loads(evidence)) for child, parent, evidence in rows}
    assert by_label["international relations"][0] == "politics"
    assert by_label["diseases and conditions"][0] == "health"
    assert all(weight > 0 for weight in by_label["international relations"][1].values())


def test_keyphrases_are_stored(seeds_topics):
    rows = query(seeds_topics, """
        select article_keyphrase.phrase, article_keyphrase.score from article_keyphrase
        inner join fact_article on article_keyphrase.article_id = fact_article.article_id
        where fact_article.source_file like '%/000_%' order by article_keyphrase.rank""")
    assert 3 <= len(rows) <= 10 and rows[0][1] == 1.0
    assert all(0 < score <= 1 for _, score in rows)


@pytest.fixture(scope="module")
def labelled_warehouse(prefect_server, tmp_path_factory):
    folder = tmp_path_factory.mktemp("labelled")
    labels = {}
    for line in TOPIC_DEV.read_text(encoding="utf-8").splitlines():
        example = json.loads(line)
        (folder / "inbox").mkdir(exist_ok=True)
        path = folder / "inbox" / f"{example['id']}.txt"
        path.write_text(example["text"], encoding="utf-8")
        labels[str(path)] = example["label"]
    warehouse = folder / "news.duckdb"
    ingest_articles(paths=[str(folder / "inbox")], warehouse=str(warehouse))
    return warehouse, labels


def discovered_main_topics(warehouse) -> dict[str, str]:
    return dict(query(warehouse, """
        select fact_article.source_file, dim_topic.code from bridge_article_topic
        inner join dim_topic on bridge_article_topic.topic_key = dim_topic.topic_key
        inner join fact_article on bridge_article_topic.article_id = fact_article.article_id
        where dim_topic.scheme = 'discovered' and bridge_article_topic.rank = 1"""))


def test_main_iptc_topic_matches_the_label(labelled_warehouse):
    warehouse, labels = labelled_warehouse
    main = dict(query(warehouse, """
        select fact_article.source_file, dim_topic.code from bridge_article_topic
        inner join dim_topic on bridge_article_topic.topic_key = dim_topic.topic_key
        inner join fact_article on bridge_article_topic.article_id = fact_article.article_id
        where dim_topic.scheme = 'iptc' and bridge_article_topic.rank = 1"""))
    correct = sum(main.get(path) == LABEL_TOPICS[label] for path, label in labels.items())
    assert correct / len(labels) >= 0.85


def test_refit_discovers_topics_that_agree_with_the_labels_and_keep_their_codes(labelled_warehouse, samples_dir):
    warehouse, labels = labelled_warehouse
    first = runner.invoke(app, ["topics", "refit", "--warehouse", str(warehouse)])
    assert first.exit_code == 0, first.output
    assert "Topic model version 1" in first.output
    after_first = discovered_main_topics(warehouse)
    assert set(after_first) == set(labels)
    paths = sorted(labels)
    nmi = normalized_mutual_info_score([labels[p] for p in paths], [after_first[p] for p in paths])
    assert nmi >= 0.6

    second = runner.invoke(app, ["topics", "refit", "--warehouse", str(warehouse)])
    assert second.exit_code == 0 and "Topic model version 2" in second.output
    assert discovered_main_topics(warehouse) == after_first
    assert query(warehouse, "select version, topic_count from topic_model order by version")[1][0] == 2

    # A new article is placed in the current discovered topics at ingest.
    ingest_articles(paths=[str(samples_dir / "regional" / "2024" / "tass_rio_g20.txt")], warehouse=str(warehouse))
    [(evidence,)] = query(warehouse, """
        select bridge_article_topic.evidence from bridge_article_topic
        inner join dim_topic on bridge_article_topic.topic_key = dim_topic.topic_key
        inner join fact_article on bridge_article_topic.article_id = fact_article.article_id
        where dim_topic.scheme = 'discovered' and bridge_article_topic.rank = 1
          and fact_article.source_file like '%tass_rio_g20.txt'""")
    assert json.loads(evidence)["model_version"] == 2
    trends = query(warehouse, "select scheme, count(*) from v_topic_share_month group by scheme order by scheme")
    assert [scheme for scheme, _ in trends] == ["discovered", "iptc"]
    assert query(warehouse, "select count(*) from v_topic_share_source where share > 0")[0][0] > 0


def test_refit_without_a_warehouse_says_what_to_do(tmp_path):
    result = runner.invoke(app, ["topics", "refit", "--warehouse", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1 and "wirehouse ingest" in result.output
