"""The `wirehouse` command line."""

from __future__ import annotations

import gc
import logging
import os
import shutil
import signal
import sys
import time
from pathlib import Path
from typing import Optional

from wirehouse import offline  # noqa: F401  (before Prefect is imported anywhere)

import typer
from rich import box
from rich.console import Console
from rich.table import Table

from wirehouse.config import Settings

app = typer.Typer(
    help="Wirehouse: turn raw news articles into an analytical DuckDB warehouse.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console()
errors = Console(stderr=True)

WarehouseOption = typer.Option(None, "--warehouse", "-w", help="DuckDB warehouse file [default: warehouse/news.duckdb]")


def _warehouse(path: Optional[Path]) -> Path:
    return (path or Settings().warehouse).expanduser().resolve()


def _reader(warehouse: Optional[Path]):
    """(path, read-only connection) of the warehouse, or a clear error and exit 1."""
    from wirehouse.warehouse.connection import WarehouseBusyError, connect_reader

    target = _warehouse(warehouse)
    try:
        return target, connect_reader(target)
    except (FileNotFoundError, WarehouseBusyError) as exc:
        _fail(str(exc))


def _fail(message: str, code: int = 1) -> None:
    errors.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def _print_rows(columns: list[str], rows: list[tuple], title: str | None = None) -> None:
    """A table whose last column folds long text; the others keep to one line."""
    table = Table(title=title, box=box.SIMPLE_HEAD, pad_edge=False)
    for index, column in enumerate(columns):
        last = index == len(columns) - 1
        table.add_column(column, overflow="fold" if last else "ellipsis", no_wrap=not last)
    for row in rows:
        table.add_row(*("NULL" if value is None else str(value) for value in row))
    console.print(table)


def _print_set_aside(rows: list[tuple], heading: str) -> None:
    """One line per file, never folded, so paths and reasons can be copied."""
    console.print(f"[bold]{heading}[/] ({len(rows)}):", highlight=False)
    for status_name, file_path, reason in rows:
        console.print(f"  {status_name:<11} {file_path}: {reason}", highlight=False, soft_wrap=True, markup=False)


class _ProgressBar:
    """A rich progress bar on standard error for `wirehouse ingest`, fed by the flow's progress notices."""

    def __init__(self) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self._bar = Progress(TextColumn("[bold]ingest[/] {task.description}"), BarColumn(), MofNCompleteColumn(),
                             TextColumn("files"), TimeElapsedColumn(), console=errors, transient=True,
                             disable=not errors.is_terminal)
        self._task = None

    def __enter__(self) -> "_ProgressBar":
        self._quieted = _quiet_prefect_console() if not self._bar.disable else []
        self._bar.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._bar.stop()
        for handler, level in self._quieted:
            handler.setLevel(level)

    def started(self, total_files: int) -> None:
        self._task = self._bar.add_task("reading", total=total_files)

    def advanced(self, files_done: int, note: str) -> None:
        if self._task is not None:
            self._bar.update(self._task, advance=files_done, description=note)


def _quiet_prefect_console() -> list[tuple[logging.Handler, int]]:
    """Show only warnings on the terminal while the bar is drawn: Prefect's console handler writes past it.

    The run's full log still goes to the Prefect API (the UI shows every line).
    """
    from prefect.logging.handlers import PrefectConsoleHandler

    loggers = [logging.getLogger()] + [logging.getLogger(name) for name in list(logging.root.manager.loggerDict)]
    quieted = []
    for logger in loggers:
        for handler in getattr(logger, "handlers", []):
            if isinstance(handler, PrefectConsoleHandler) and handler.level < logging.WARNING:
                quieted.append((handler, handler.level))
                handler.setLevel(logging.WARNING)
    return quieted


def _terminated(signum, frame) -> None:
    """SIGTERM (a scheduler or `kill` stopping the run) unwinds like Ctrl-C: the working copy is
    discarded, the lock released and the temporary Prefect server stopped, instead of the server
    living on without its parent. The served warehouse is what the last run published."""
    raise SystemExit(128 + signum)


@app.command()
def ingest(
    paths: list[Path] = typer.Argument(..., help="Inbox folders (searched recursively) or article files."),
    warehouse: Optional[Path] = WarehouseOption,
    batch_size: Optional[int] = typer.Option(None, help="Articles per batch [default: WIREHOUSE_BATCH_SIZE or 512]."),
    runner: str = typer.Option("local", help="Where the NLP stage runs: 'local' (this process) or 'dask' (a Dask cluster)."),
    dask_address: Optional[str] = typer.Option(
        None, help="With --runner dask: scheduler address such as tcp://host:8786 [default: WIREHOUSE_DASK_ADDRESS, "
                   "else a local cluster]."),
    summary_json: Optional[Path] = typer.Option(
        None, "--summary-json", help="Also write the run's summary (counts, set-aside files, seconds per stage) "
                                     "to this file as JSON."),
    reference_date: Optional[str] = typer.Option(
        None, "--reference-date", help="YYYY-MM-DD or 'today': datelines without a year take the latest such day on "
                                       "or before it [default: WIREHOUSE_REFERENCE_DATE, else they stay undated]."),
) -> None:
    """Load every article file under PATHS into the warehouse (one Prefect flow run)."""
    if reference_date is not None:
        from wirehouse.config import parse_reference_date

        try:
            parse_reference_date(reference_date, what="--reference-date")
        except ValueError as exc:
            _fail(str(exc), 2)
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        _fail(f"{', '.join(missing)}: no such file or folder; pass an inbox folder or article files", 2)
    if runner not in ("local", "dask"):
        _fail(f"--runner {runner!r}: use 'local' or 'dask'", 2)
    target = _warehouse(warehouse)
    from wirehouse.memory import cap_malloc_arenas

    cap_malloc_arenas()  # before the server, the NLP workers and the flow's threads start
    signal.signal(signal.SIGTERM, _terminated)  # a scheduler's stop: unwind, so the server and working copy go
    from wirehouse.prefect_server import TemporaryServer, serving

    started = time.perf_counter()
    server = TemporaryServer.start_unless_configured()  # boots while the flow's modules import
    from wirehouse.memory import long_lived_allocations

    with long_lived_allocations():  # Prefect, the flow's modules and the caches stay for the whole run
        from flows.ingest import ingest_articles
        from wirehouse import progress
        from wirehouse.warehouse.connection import WarehouseBusyError

        if server is not None:  # it is still booting: time this process would spend waiting
            from wirehouse.stages import warm_caches

            warm_caches()
    try:
        with serving(server), _ProgressBar() as bar, progress.listening(bar):
            summary = ingest_articles(paths=[str(p) for p in paths], warehouse=str(target), batch_size=batch_size,
                                      runner=runner, dask_address=dask_address, reference_date=reference_date)
    except WarehouseBusyError as exc:
        _fail(str(exc))
    except Exception as exc:  # the run failed: say why, without a traceback
        _fail(f"ingest run failed: {type(exc).__name__}: {exc}")
    gc.freeze()  # the process ends soon: exiting with Prefect & co. frozen cost about 1 s less CPU (measured)
    elapsed = time.perf_counter() - started
    _print_summary(summary, elapsed)
    if summary_json is not None:
        _write_summary_json(summary, summary_json)


def _write_summary_json(summary: dict, path: Path) -> None:
    """The flow's returned summary as JSON, for scripts (the benchmark harness reads it)."""
    import json

    destination = path.expanduser().resolve()
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_text(json.dumps(summary, indent=2, default=str) + "\n", encoding="utf-8")
    except OSError as exc:
        _fail(f"{destination}: cannot write the summary ({exc.strerror or exc}); the ingest itself completed, "
              "pass --summary-json FILE somewhere writable next time")


def _print_summary(summary: dict, elapsed: float) -> None:
    console.print(f"Ingest into {summary['warehouse']}:", highlight=False, soft_wrap=True)
    table = Table(show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    for key in ("files_seen", "loaded", "duplicate", "quarantined", "failed", "mentions"):
        label = "entity mentions" if key == "mentions" else key.replace("_", " ")
        table.add_row(label, str(summary[key]))
    table.add_row("elapsed", f"{elapsed:.1f} s")
    console.print(table)
    console.print(f"Working copy: {summary['working_copy']}.", highlight=False)
    console.print(f"Data Docs (validation results): {summary['data_docs']}", highlight=False, soft_wrap=True)
    if summary["set_aside"]:
        _print_set_aside(summary["set_aside"], "Set aside in this run")


@app.command()
def status(
    warehouse: Optional[Path] = WarehouseOption,
    runs: int = typer.Option(5, help="How many recent runs to show."),
) -> None:
    """Recent runs, and the files the latest run set aside, with reasons."""
    target, connection = _reader(warehouse)
    with connection:
        recent = connection.execute(
            "select strftime(started_at, '%Y-%m-%d %H:%M'), status, files_seen, loaded_count, duplicate_count, "
            "quarantined_count, failed_count, mention_count "
            "from etl_run order by started_at desc limit ?",
            [runs],
        ).fetchall()
        _print_rows(["started UTC", "status", "files", "loaded", "dup", "quar", "fail", "mentions"],
                    recent, title=f"Recent runs in {target}")
        totals = connection.execute(
            "select (select count(*) from fact_article), (select count(*) from fact_entity_mention), "
            "(select count(*) from dim_entity)"
        ).fetchone()
        console.print(f"Warehouse holds {totals[0]} articles, {totals[1]} entity mentions, {totals[2]} entities.")
        if connection.execute("select count(*) from duckdb_tables() where table_name = 'article_story'").fetchone()[0]:
            members, stories = connection.execute(
                "select count(*), count(distinct story_id) from article_story").fetchone()
            console.print(f"Stories: {members} articles in {stories} stories ({members - stories} copies folded).")
            if members < totals[0]:
                console.print(f"{totals[0] - members} articles loaded before story matching existed have no story yet.")
        set_aside = connection.execute(
            "select status, file_path, reason from etl_file_ledger "
            "where run_id = (select run_id from etl_run order by started_at desc limit 1) "
            "and status in ('quarantined', 'failed') order by file_path"
        ).fetchall()
        if set_aside:
            _print_set_aside(set_aside, "Set aside by the latest run")


@app.command("search")
def search_command(
    terms: list[str] = typer.Argument(..., help="Words to look for (stemmed, case- and accent-insensitive)."),
    warehouse: Optional[Path] = WarehouseOption,
    limit: int = typer.Option(20, help="How many articles to list."),
) -> None:
    """Full-text search over article text: matching articles with title, date, source and score."""
    from wirehouse.warehouse.search import ExtensionMissingError, has_index, search

    target, connection = _reader(warehouse)
    with connection:
        if not has_index(connection):
            _fail(f"{target} has no search index yet; it is built by the next `wirehouse ingest` that loads articles")
        try:
            rows = search(connection, " ".join(terms), limit)
        except ExtensionMissingError as exc:
            _fail(str(exc))
    if not rows:
        console.print(f"No article matches {' '.join(terms)!r}.", highlight=False)
        return
    _print_rows(["article", "title", "date", "source", "score"],
                [(article_id[:12], title or "(no title)", published, source, score)
                 for article_id, title, published, source, score in rows])


@app.command("transpile")
def transpile_command(
    dialect: str = typer.Option(..., "--dialect", help="Target: postgres, snowflake, bigquery or spark."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here instead of to standard output."),
) -> None:
    """Write the star's tables and views in another warehouse's SQL dialect (sqlglot)."""
    from wirehouse.warehouse.transpile import UntranslatableError, transpile_star

    try:
        sql = transpile_star(dialect.lower())
    except (UntranslatableError, ValueError) as exc:
        _fail(str(exc))
    if output is None:
        sys.stdout.write(sql)
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(sql, encoding="utf-8")
    console.print(f"Wrote {output} ({sql.count(';')} statements for {dialect}).", highlight=False)


@app.command("serve")
def serve_command(
    cron: str = typer.Option("*/15 * * * *", help="When to ingest (cron, UTC)."),
    inbox: Path = typer.Option(Path("samples/inbox"), help="Folder to ingest from."),
    warehouse: Optional[Path] = WarehouseOption,
    name: str = typer.Option("ingest-inbox", help="Deployment name (shown as ingest-articles/NAME)."),
) -> None:
    """Serve the ingest flow on a schedule (Prefect flow.serve), for machines without a work pool."""
    if not inbox.exists():
        _fail(f"{inbox}: no such folder; pass --inbox DIR")
    from flows.ingest import ingest_articles

    target = _warehouse(warehouse)
    console.print(f"Serving ingest-articles/{name}: {inbox.resolve()} into {target} on '{cron}' (UTC); Ctrl-C stops.",
                  highlight=False)
    # Each scheduled run dates datelines without a year by its own scheduled time: a live inbox holds recent stories.
    ingest_articles.serve(name=name, cron=cron, limit=1,
                          parameters={"paths": [str(inbox.resolve())], "warehouse": str(target),
                                      "reference_date": "scheduled"})


@app.command("export")
def export_command(
    warehouse: Optional[Path] = WarehouseOption,
    output: Path = typer.Option(Path("warehouse/export"), "--output", "-o", help="Folder for the Parquet files."),
) -> None:
    """Write every table as Parquet (fact_article split by publication year) for Spark, Trino or another warehouse."""
    from wirehouse.warehouse.export import export_tables

    _, connection = _reader(warehouse)
    with connection:
        written = export_tables(connection, output)
    console.print(f"Wrote {len(written)} tables as Parquet under {output}.", highlight=False)


@app.command("report")
def report_command(
    warehouse: Optional[Path] = WarehouseOption,
    output: Optional[Path] = typer.Option(None, "--output", "-o",
                                          help="HTML file to write [default: <warehouse stem>.report.html beside it]."),
) -> None:
    """Write one self-contained HTML page of charts (articles, entities, topics, countries, network, quality)."""
    from wirehouse.report import ReportQueryError, build_report, default_output

    target, connection = _reader(warehouse)
    with connection:
        try:
            html = build_report(connection, target)
        except ReportQueryError as exc:
            _fail(f"{target}: {exc}")
    destination = (output or default_output(target)).expanduser().resolve()
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_text(html, encoding="utf-8")
    except OSError as exc:
        _fail(f"{destination}: cannot write the report ({exc.strerror or exc}); pass --output FILE.html somewhere writable")
    console.print(f"Wrote {destination} ({destination.stat().st_size / 1024:.0f} KiB).", highlight=False, soft_wrap=True)


@app.command("lineage")
def lineage_command(
    output: Path = typer.Option(Path("docs/view_lineage.md"), "--output", "-o", help="Markdown file to write."),
) -> None:
    """Write the column lineage of every view (which table columns feed each view column)."""
    from wirehouse.warehouse.lineage import lineage_markdown

    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(lineage_markdown(), encoding="utf-8")
    console.print(f"Wrote {output}.", highlight=False)


topics_app = typer.Typer(help="Topic discovery: refit the model on the warehouse corpus.", no_args_is_help=True)
app.add_typer(topics_app, name="topics")


@topics_app.command("refit")
def topics_refit(warehouse: Optional[Path] = WarehouseOption) -> None:
    """Fit discovered topics on every article, keep the codes of topics that persist, reassign all articles."""
    from wirehouse.nlp.discovery import NotEnoughArticlesError
    from wirehouse.warehouse.connection import WarehouseBusyError, writer_lock
    from wirehouse.warehouse.publish import WorkingCopy
    from wirehouse.warehouse.schema import apply_schema
    from wirehouse.warehouse.topic_models import refit

    target = _warehouse(warehouse)
    if not target.exists():
        _fail(f"{target}: no warehouse yet; run `wirehouse ingest INBOX` first")
    started = time.perf_counter()
    try:
        with writer_lock(target, Settings().lock_timeout_seconds):
            working = WorkingCopy(target, Settings().writer_memory_mb)
            connection = working.open()
            try:
                apply_schema(connection)
                with console.status("Fitting topic models (choosing the number of topics)..."):
                    summary = refit(connection)
                working.publish(connection)
            except BaseException:
                working.discard(connection)
                raise
    except (WarehouseBusyError, NotEnoughArticlesError) as exc:
        _fail(str(exc))
    except Exception as exc:  # nothing was committed: say why, without a traceback
        _fail(f"topic refit failed, the warehouse is unchanged: {type(exc).__name__}: {exc}")
    console.print(f"Topic model version {summary.version}: {summary.topic_count} topics from {summary.article_count} "
                  f"articles (silhouette {summary.silhouette:.3f}) in {time.perf_counter() - started:.1f} s", highlight=False)
    _print_rows(["code", "kept from last version?", "top terms"],
                [(code, summary.alignment.get(code, ""), label) for code, label in summary.labels.items()])


def _duckdb_shell() -> str | None:
    beside_python = Path(sys.executable).with_name("duckdb")
    return str(beside_python) if beside_python.exists() else shutil.which("duckdb")


@app.command()
def sql(
    query: Optional[str] = typer.Argument(None, help="SQL to run read-only; omit it to open the duckdb shell."),
    warehouse: Optional[Path] = WarehouseOption,
) -> None:
    """Run a read-only query and print the result, or open the duckdb shell read-only."""
    import duckdb

    target = _warehouse(warehouse)
    if query is None:
        if not target.exists():
            _fail(f"{target}: no warehouse yet; run `wirehouse ingest INBOX` first")
        shell = _duckdb_shell()
        if shell is None:
            _fail("the duckdb shell is not installed in this environment; run `make run` or `uv sync --frozen`")
        os.execv(shell, [shell, "-readonly", str(target)])
    _, connection = _reader(target)
    with connection:
        try:
            result = connection.execute(query)
        except duckdb.Error as exc:
            _fail(f"query failed: {exc}")
        if result.description is None:
            return
        _print_rows([c[0] for c in result.description], result.fetchall())


def main() -> None:
    """The `wirehouse` command: an ingest first restarts itself on glibc's malloc (wirehouse.memory)."""
    if sys.argv[1:2] == ["ingest"]:
        from wirehouse.memory import restart_on_c_allocator

        restart_on_c_allocator()
    app()


if __name__ == "__main__":
    main()
