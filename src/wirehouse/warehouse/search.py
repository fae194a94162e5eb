"""Full-text search over article text with DuckDB's FTS extension, loaded offline from its registry package."""

from __future__ import annotations

from pathlib import Path

import duckdb

INDEX_SCHEMA = "fts_main_article_text"


class ExtensionMissingError(RuntimeError):
    """The duckdb-extension-fts package for this DuckDB version is not installed."""


def fts_extension_path() -> Path:
    """The extension file shipped by the `duckdb-extension-fts` package pinned to our DuckDB version."""
    try:
        import duckdb_extension_fts
    except ImportError as exc:
        raise ExtensionMissingError("duckdb-extension-fts is not installed; run `uv sync --frozen`") from exc
    path = Path(duckdb_extension_fts.__file__).parent / "extensions" / f"v{duckdb.__version__}" / "fts.duckdb_extension"
    if not path.exists():
        raise ExtensionMissingError(f"{path}: no FTS extension for DuckDB {duckdb.__version__}; install "
                                    f"duckdb-extension-fts=={duckdb.__version__}")
    return path


def load_fts(connection: duckdb.DuckDBPyConnection) -> None:
    connection.execute(f"load '{fts_extension_path()}'")  # a path of our own package, not user input


def rebuild_index(connection: duckdb.DuckDBPyConnection) -> None:
    """Index every article's text (stemmed English, accents stripped); replaces the previous index."""
    load_fts(connection)
    connection.execute(
        "pragma create_fts_index('article_text', 'article_id', 'full_text', "
        "stemmer = 'english', stopwords = 'english', strip_accents = 1, lower = 1, overwrite = 1)"
    )


def has_index(connection: duckdb.DuckDBPyConnection) -> bool:
    return connection.execute(
        "select count(*) from duckdb_schemas() where schema_name = ?", [INDEX_SCHEMA]).fetchone()[0] > 0


def search(connection: duckdb.DuckDBPyConnection, terms: str, limit: int = 20) -> list[tuple]:
    """(article_id, title, published_date, source, score) of the best matches, best first."""
    load_fts(connection)
    return connection.execute(
        f"""
        with scored as (
            select article_text.article_id, {INDEX_SCHEMA}.match_bm25(article_text.article_id, ?) as score
            from article_text
        )
        select fact_article.article_id, fact_article.title, fact_article.published_date, dim_source.name,
               round(scored.score, 3) as score
        from scored
        inner join fact_article on scored.article_id = fact_article.article_id
        left join dim_source on fact_article.source_key = dim_source.source_key
        where scored.score is not null
        order by scored.score desc, fact_article.article_id
        limit ?
        """,
        [terms, limit],
    ).fetchall()
