"""The SQL behind the HTML report: each query reads the warehouse's views into a pandas DataFrame.

Every query has a name and names the views or tables it reads, so a failure (say, a warehouse
older than a view) says which query broke and what it was reading.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

TOP_ENTITIES = 15
TOP_PAIRS = 40
RECENT_RUNS = 30


class ReportQueryError(RuntimeError):
    """A query the report needs failed against this warehouse."""


@dataclass(frozen=True)
class Totals:
    articles: int
    undated_articles: int
    entities: int
    mentions: int
    runs: int


@dataclass(frozen=True)
class ReportData:
    """Everything the report shows, read in one go from a read-only connection."""

    totals: Totals
    articles_per_day: pd.DataFrame      # published_date, source_name, articles
    top_entities: pd.DataFrame          # canonical_name, entity_type, articles, mentions
    topic_share_month: pd.DataFrame     # topic_label, published_month, articles, month_articles, share
    dateline_countries: pd.DataFrame    # country_code, articles
    cooccurrence: pd.DataFrame          # entity_name_a/b, entity_type_a/b, article_count, sentence_count, mentions_a/b
    runs: pd.DataFrame                  # run_id, started_at, status, loaded/duplicate/quarantined/failed counts
    findings: pd.DataFrame | None       # run_id, severity, findings, unexpected_rows; None without the table


def _frame(connection: duckdb.DuckDBPyConnection, name: str, reads: str, sql: str,
           params: list | None = None) -> pd.DataFrame:
    try:
        return connection.execute(sql, params or []).df()
    except duckdb.Error as exc:
        raise ReportQueryError(
            f"report query {name!r} (reads {reads}) failed: {exc}; "
            "a warehouse older than this view gets it from the next `wirehouse ingest`"
        ) from exc


TOTALS_SQL = """
select
    (select count(*) from fact_article) as articles,
    (select count(*) from fact_article where published_date is null) as undated_articles,
    (select count(*) from dim_entity) as entities,
    (select count(*) from fact_entity_mention) as mentions,
    (select count(*) from etl_run) as runs
"""

ARTICLES_PER_DAY_SQL = """
select published_date, coalesce(source_name, '(unknown)') as source_name, count(*) as articles
from v_article
where published_date is not null
group by all
order by published_date, source_name
"""

TOP_ENTITIES_SQL = """
select canonical_name, entity_type, count(distinct article_id) as articles, count(*) as mentions
from v_entity_mention
group by entity_key, canonical_name, entity_type
order by articles desc, mentions desc, canonical_name, entity_key
limit ?
"""

# Top-level IPTC topics only (no parent): second-level ones would double-count their parent.
TOPIC_SHARE_MONTH_SQL = """
select topic_label, published_month, articles, month_articles, share
from v_topic_share_month
where scheme = 'iptc'
    and topic_code in (select code from dim_topic where scheme = 'iptc' and parent_key is null)
order by published_month, topic_label
"""

DATELINE_COUNTRIES_SQL = """
select dateline_country_code as country_code, count(*) as articles
from v_article
where dateline_country_code is not null
group by all
order by articles desc, country_code
"""

# The strongest pairs first; the keys break ties so the same warehouse always draws the same network.
COOCCURRENCE_SQL = """
with
top_pair as (
    select entity_key_a, entity_name_a, entity_type_a, entity_key_b, entity_name_b, entity_type_b,
           article_count, sentence_count
    from v_entity_cooccurrence
    order by article_count desc, sentence_count desc, entity_key_a, entity_key_b
    limit ?
),
entity_mentions as (
    select entity_key, count(*) as mentions from v_entity_mention group by entity_key
)
select top_pair.entity_name_a, top_pair.entity_type_a, top_pair.entity_name_b, top_pair.entity_type_b,
       top_pair.article_count, top_pair.sentence_count,
       coalesce(mentions_a.mentions, 0) as mentions_a, coalesce(mentions_b.mentions, 0) as mentions_b
from top_pair
left join entity_mentions as mentions_a on top_pair.entity_key_a = mentions_a.entity_key
left join entity_mentions as mentions_b on top_pair.entity_key_b = mentions_b.entity_key
order by top_pair.article_count desc, top_pair.sentence_count desc, top_pair.entity_key_a, top_pair.entity_key_b
"""

# Naive UTC timestamps: the chart labels runs in UTC, and DuckDB's pandas conversion of
# TIMESTAMPTZ columns trips a pandas deprecation warning.
RUNS_SQL = """
select run_id, timezone('UTC', started_at) as started_at, status, files_seen, loaded_count, duplicate_count, quarantined_count, failed_count
from (select * from etl_run order by started_at desc, run_id limit ?)
order by started_at, run_id
"""

FINDINGS_SQL = """
select run_id, severity, count(*) as findings, sum(unexpected_count) as unexpected_rows
from etl_quality_finding
group by all
order by run_id, severity
"""


def _has_table(connection: duckdb.DuckDBPyConnection, table: str) -> bool:
    return connection.execute(
        "select count(*) from duckdb_tables() where table_name = ?", [table]
    ).fetchone()[0] > 0


def read_report_data(connection: duckdb.DuckDBPyConnection) -> ReportData:
    """Run every report query; raises ReportQueryError naming the query that failed."""
    totals_row = _frame(connection, "totals", "fact_article, dim_entity, fact_entity_mention, etl_run",
                        TOTALS_SQL).iloc[0]
    totals = Totals(*(int(totals_row[column]) for column in
                      ("articles", "undated_articles", "entities", "mentions", "runs")))
    # etl_quality_finding came later than etl_run: older warehouses simply have no findings to show.
    findings = (_frame(connection, "quality findings", "etl_quality_finding", FINDINGS_SQL)
                if _has_table(connection, "etl_quality_finding") else None)
    return ReportData(
        totals=totals,
        articles_per_day=_frame(connection, "articles per day", "v_article", ARTICLES_PER_DAY_SQL),
        top_entities=_frame(connection, "top entities", "v_entity_mention", TOP_ENTITIES_SQL, [TOP_ENTITIES]),
        topic_share_month=_frame(connection, "topic share per month", "v_topic_share_month, dim_topic",
                                 TOPIC_SHARE_MONTH_SQL),
        dateline_countries=_frame(connection, "dateline countries", "v_article", DATELINE_COUNTRIES_SQL),
        cooccurrence=_frame(connection, "entity co-occurrence", "v_entity_cooccurrence, v_entity_mention",
                            COOCCURRENCE_SQL, [TOP_PAIRS]),
        runs=_frame(connection, "runs", "etl_run", RUNS_SQL, [RECENT_RUNS]),
        findings=findings,
    )
