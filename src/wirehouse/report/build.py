"""Build the HTML report of a warehouse: queries -> charts -> page, with a caption per chart."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import duckdb

from wirehouse.report import charts
from wirehouse.report.page import Header, Section, render_page
from wirehouse.report.queries import TOP_PAIRS, ReportData, read_report_data


def default_output(warehouse: Path) -> Path:
    """`<stem>.report.html` beside the warehouse: warehouse/news.duckdb -> warehouse/news.report.html."""
    return warehouse.with_name(f"{warehouse.stem}.report.html")


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def report_sections(data: ReportData) -> list[Section]:
    """The six charts in reading order, each with its caption and source views."""
    undated = data.totals.undated_articles
    dated = data.totals.articles - undated
    no_country = data.totals.articles - int(data.dateline_countries["articles"].sum())
    with_findings = data.findings is not None and not data.findings.empty
    if data.findings is None:
        findings_note = "This warehouse has no etl_quality_finding table yet."
    elif with_findings:
        findings_note = "The lower panel counts failed Great Expectations checks per run by severity."
    else:
        findings_note = "No run has recorded a failed data-quality check."
    return [
        Section(
            "articles-per-day", "Articles per day and source", charts.articles_per_day(data.articles_per_day),
            f"Articles by publication date, stacked by agency or publisher. {_plural(dated, 'article')} "
            f"with a date are shown; {_plural(undated, 'article')} without a publication date "
            "(published_date is NULL) are not.",
            "v_article", "no article has a publication date" if data.totals.articles else "no articles loaded",
        ),
        Section(
            "top-entities", "Top entities", charts.top_entities(data.top_entities),
            f"The {len(data.top_entities)} entities named in the most articles (ties broken by mentions), "
            "coloured by entity type; each bar is labelled with its articles and mentions.",
            "v_entity_mention", "no entity mentions loaded",
        ),
        Section(
            "topic-trends", "Topic trends", charts.topic_trends(data.topic_share_month),
            "For each month, the share of that month's dated articles carrying each IPTC top-level topic "
            "among their three best topics; an article can carry several, so a month's shares may add up "
            "to more than 100%. Undated articles are left out.",
            "v_topic_share_month, dim_topic", "no dated article has an IPTC topic",
        ),
        Section(
            "dateline-countries", "Dateline countries", charts.dateline_countries(data.dateline_countries),
            f"Articles per country of their geocoded dateline place (ISO 3166-1 code); "
            f"{_plural(no_country, 'article')} without a dateline country are not shown.",
            "v_article", "no article has a geocoded dateline place",
        ),
        Section(
            "cooccurrence", "Entity co-occurrence network", charts.cooccurrence_network(data.cooccurrence),
            f"The {min(TOP_PAIRS, len(data.cooccurrence))} entity pairs mentioned together in the most articles "
            "(ties: most shared sentences). Node size is the entity's mentions, edge width the articles "
            "naming both; spring layout with a fixed seed, so the same warehouse draws the same network.",
            "v_entity_cooccurrence, v_entity_mention", "no two entities share an article",
        ),
        Section(
            "quality-history", "Data-quality history", charts.quality_history(data.runs, data.findings),
            f"Files each ingest run (the latest {len(data.runs)} shown, by start time in UTC) loaded, found duplicate, quarantined "
            f"or failed, from the run ledger. {findings_note}",
            "etl_run, etl_quality_finding" if data.findings is not None else "etl_run",
            "no ingest run recorded",
        ),
    ]


def build_report(connection: duckdb.DuckDBPyConnection, warehouse: Path,
                 generated_at: datetime | None = None) -> str:
    """The report of the warehouse behind `connection` as one HTML document."""
    data = read_report_data(connection)
    when = (generated_at or datetime.now(timezone.utc)).strftime("%Y-%m-%d %H:%M UTC")
    totals = data.totals
    header = Header(str(warehouse), when, [
        ("articles", totals.articles), ("without a date", totals.undated_articles),
        ("entities", totals.entities), ("entity mentions", totals.mentions), ("ingest runs", totals.runs),
    ])
    return render_page(header, report_sections(data))
