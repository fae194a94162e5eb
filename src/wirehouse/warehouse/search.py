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


def update_index(connection: duckdb.DuckDBPyConnection) -> int:
    """Add the articles the index does not have yet; returns how many were added.

    `create_fts_index` reads the whole table, so rebuilding after every run would cost more as
    the warehouse grows. This adds only the new documents to the index's tables, tokenized by the
    index's own `tokenize` macro and stemmer, and updates document frequencies and the statistics
    BM25 reads, so scores are the same as after a full rebuild. With no index yet, or when articles
    were removed from `article_text` since, it rebuilds.
    """
    load_fts(connection)
    if not has_index(connection):
        rebuild_index(connection)
        return connection.execute(f"select count(*) from {INDEX_SCHEMA}.docs").fetchone()[0]
    connection.begin()
    try:
        new_rows = _unindexed_rows(connection)
        # Ids are unique in both tables, so the index holds documents whose article is gone exactly
        # when it has more documents than the articles it shares with article_text.
        [(indexed,)] = connection.execute(f"select count(*) from {INDEX_SCHEMA}.docs").fetchall()
        [(articles,)] = connection.execute("select count(*) from article_text").fetchall()
        stale = indexed - (articles - len(new_rows))
        if not stale:
            _add_new_documents(connection, new_rows)
        connection.commit()
    except BaseException:
        connection.rollback()
        raise
    if stale:
        rebuild_index(connection)
        return indexed - stale
    return len(new_rows)


# Texts read per statement: their row ids go in as a literal list of integers, which DuckDB turns
# into a filter on the scan itself, so older articles' texts are never read from disk.
_ROWS_PER_READ = 2000


def _unindexed_rows(connection: duckdb.DuckDBPyConnection) -> list[int]:
    """Row ids in article_text of the articles the index does not have yet, decided on the id column alone."""
    fts = INDEX_SCHEMA
    return [row[0] for row in connection.execute(
        f"select article_text.rowid from article_text anti join {fts}.docs on article_text.article_id = {fts}.docs.name"
    ).fetchall()]


def _add_new_documents(connection: duckdb.DuckDBPyConnection, new_rows: list[int]) -> None:
    """Index the articles at `new_rows` of article_text, in the caller's transaction.

    Their texts are read by row id. A filter on the article id (a parameter list or a join) is
    only a hint to DuckDB's scan: it read every older article's text to apply it, about a second
    per run at 100,000 articles once the file was no longer cached. The texts come back through
    a DataFrame because row ids belong to one file: a journal replays the statements that change
    the warehouse on the standby copy, whose row ids may differ, with the frames they read.
    """
    fts = INDEX_SCHEMA
    if not new_rows:
        return
    connection.execute("create or replace temp table fts_new_text (article_id varchar, full_text varchar)")
    for start in range(0, len(new_rows), _ROWS_PER_READ):
        listed = ", ".join(str(int(row)) for row in new_rows[start : start + _ROWS_PER_READ])
        texts = connection.execute(f"select article_id, full_text from article_text where rowid in ({listed})").df()
        connection.register("fts_new_text_rows", texts)
        try:
            connection.execute("insert into fts_new_text select article_id, full_text from fts_new_text_rows")
        finally:
            connection.unregister("fts_new_text_rows")
    connection.execute(
        f"""
        create or replace temp table fts_new_docs as
        select
            (select coalesce(max(docid), -1) from {fts}.docs) + row_number() over (order by fts_new_text.article_id) as docid,
            fts_new_text.article_id as name,
            fts_new_text.full_text,
        from fts_new_text
        """
    )
    connection.execute("drop table fts_new_text")
    connection.execute(
        f"""
        create or replace temp table fts_new_terms as
        with tokenized as (
            select unnest({fts}.tokenize(fts_new_docs.full_text)) as w, fts_new_docs.docid,
            from fts_new_docs
        )
        select stem(tokenized.w, 'english') as term, tokenized.docid, 0 as fieldid,
        from tokenized
        where tokenized.w is not null
            and len(tokenized.w) > 0
            and tokenized.w not in (select sw from {fts}.stopwords)
        """
    )
    connection.execute(
        f"""
        insert into {fts}.dict (termid, term, df)
        select (select coalesce(max(termid), -1) from {fts}.dict) + row_number() over (order by new_terms.term),
            new_terms.term, 0,
        from (select distinct fts_new_terms.term from fts_new_terms) as new_terms
        anti join {fts}.dict on new_terms.term = {fts}.dict.term
        """
    )
    connection.execute(
        f"""
        update {fts}.dict set df = {fts}.dict.df + new_df.df
        from (select fts_new_terms.term, count(distinct fts_new_terms.docid) as df from fts_new_terms group by all) as new_df
        where {fts}.dict.term = new_df.term
        """
    )
    connection.execute(
        f"""
        insert into {fts}.terms (docid, fieldid, termid)
        select fts_new_terms.docid, fts_new_terms.fieldid, {fts}.dict.termid,
        from fts_new_terms inner join {fts}.dict on fts_new_terms.term = {fts}.dict.term
        """
    )
    connection.execute(
        f"""
        insert into {fts}.docs (docid, name, len)
        select fts_new_docs.docid, fts_new_docs.name,
            (select count(*) from fts_new_terms where fts_new_terms.docid = fts_new_docs.docid),
        from fts_new_docs
        """
    )
    connection.execute(f"delete from {fts}.stats")
    connection.execute(f"insert into {fts}.stats select count(docid), sum(len) / count(len) from {fts}.docs")
    connection.execute("drop table fts_new_terms")
    connection.execute("drop table fts_new_docs")


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
