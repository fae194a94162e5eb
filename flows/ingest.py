"""The ingest flow: inbox files in, a loaded star schema out.

It only sequences the stages; every decision lives in the `wirehouse` package:
discover → read & parse → entities → topics → story sketches → validate (the stories' lookup
beside it) → load → record the run.
"""

import logging
import time
import uuid
from dataclasses import replace
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Literal

from wirehouse import offline  # noqa: F401  (must precede the Prefect import)

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.client.orchestration import get_client
from prefect.runtime import flow_run
from prefect.tasks import exponential_backoff
from prefect.utilities.annotations import quote

from wirehouse import progress

from wirehouse.articles.discover import InboxEntry, discover_entries
from wirehouse.articles.read import content_digest
from wirehouse.batching import batch_sizes
from wirehouse.config import Settings, parse_reference_date
from wirehouse.ledger import Ledger
from wirehouse.memory import release_free_memory, settle_long_lived, thaw_long_lived
from wirehouse.memory_trace import MemoryTrace
from wirehouse.articles.model import ParsedArticle
from wirehouse.nlp.entities import AnalyzedArticle, analyze_articles
from wirehouse.nlp.workers import ChunkResults, InProcessNlp, NlpRunner, WorkerProcessNlp
from wirehouse.reporting import set_aside_table, summary_markdown
from wirehouse.quality.validate import default_validator, docs_dir_for, validate_star
from wirehouse.stories.params import StoryParams
from wirehouse.stories.signatures import sketch_articles
from wirehouse.stale_runs import crash_dead_holder
from wirehouse.stages import (Batch, classify_topics, discover_topics, drop_articles, drop_rows, read_and_parse,
                              split_known)
from wirehouse.warehouse import runs
from wirehouse.warehouse.connection import WarehouseBusyError, acquire_writer_lock, memory_limit
from wirehouse.warehouse.publish import WorkingCopy
from wirehouse.warehouse.frames import StarFrames, build_frames, findings_frame
from wirehouse.warehouse.load import known_articles, known_contents, load_batch, record_ledger, refresh_marts
from wirehouse.warehouse.schema import apply_schema
from wirehouse.warehouse.search import update_index
from wirehouse.warehouse.stories import StoryMatches, find_story_matches
from wirehouse.warehouse.topic_models import latest_model


# Below this many files a run analyses in this process: worker start-up would cost more than it saves.
WORKER_MIN_FILES = 200


def _only_when_busy(task, task_run, state) -> bool:
    """Retry lock waits only: any other error is not transient and fails at once."""
    return isinstance(state.data, WarehouseBusyError)


@task(cache_policy=NO_CACHE, retry_condition_fn=_only_when_busy)
def acquire_writer(target: Path, wait_seconds: float):
    """The warehouse's writer lock; while another ingest or refit holds it, retried with exponential backoff."""
    return acquire_writer_lock(target, wait_seconds)


@task(cache_policy=NO_CACHE)
def discover(paths: list[str]) -> list[InboxEntry]:
    """Every entry under the given inbox paths, folders searched recursively; unsafe links carry a problem."""
    return discover_entries(paths)


@task(cache_policy=NO_CACHE)
def screen_known(entries: list[InboxEntry], connection) -> tuple[list[InboxEntry], Ledger]:
    """Hash every file; those whose bytes an earlier run loaded are duplicates at once, with one
    query for the whole inbox, so an unchanged inbox costs no reading, parsing or batches."""
    digests = {entry.path: digest for entry in entries if not entry.problem and (digest := content_digest(entry.path))}
    return split_known(entries, digests, known_contents(connection, list(set(digests.values()))))


@task(cache_policy=NO_CACHE)
def read_articles(entries: list[InboxEntry], settings: Settings, connection, seen_in_run: dict[str, str]) -> Batch:
    """Decode, normalize, de-duplicate and parse metadata for a batch of files."""
    batch = read_and_parse(entries, settings.max_file_bytes, seen_in_run, settings.max_nlp_chars, settings.reference_date)
    already = known_articles(connection, [a.article_id for a in batch.articles])
    duplicates = {a.article_id: [f"same normalized text as {already[a.article_id]}"] for a in batch.articles if a.article_id in already}
    drop_articles(batch, duplicates, status="duplicate")
    return batch


@task(cache_policy=NO_CACHE)
def extract_entities(batch: Batch) -> Batch:
    """spaCy entities, quotes, topic lemmas and key phrases of the batch, from the NLP runner it was sent to.

    With worker processes or Dask this mostly waits: the batch was sent off when it was read, and
    the workers analysed it while the flow validated and loaded the batch before.
    """
    batch.analyzed = batch.pending.result()
    batch.pending = None
    return batch


@task(cache_policy=NO_CACHE)
def analyze_shard(articles: list[ParsedArticle], model_name: str) -> list[AnalyzedArticle]:
    """The NLP stage for one shard of a batch, on a Dask worker (the pipeline loads once per worker)."""
    from wirehouse.nlp.pipeline import load_pipeline

    return analyze_articles(articles, load_pipeline(model_name))


class DaskNlp:
    """Sends each batch to a Dask cluster in shards, one Prefect task run per shard."""

    def __init__(self, task_runner, settings: Settings) -> None:
        self.task_runner = task_runner
        self.settings = settings

    def submit(self, articles: list[ParsedArticle]) -> ChunkResults:
        size = max(1, self.settings.dask_shard_size)
        return ChunkResults([
            self.task_runner.submit(analyze_shard, {"articles": articles[i : i + size], "model_name": self.settings.spacy_model})
            for i in range(0, len(articles), size)
        ])


@contextmanager
def nlp_runner(runner: str, settings: Settings, dask_address: str | None, file_count: int) -> Iterator[NlpRunner]:
    """Where the NLP stage runs: a Dask cluster (`runner="dask"`), else worker processes for runs of
    WORKER_MIN_FILES files or more, else this process (worker start-up costs more than it saves)."""
    if runner == "dask":
        with _dask_task_runner(settings, dask_address) as task_runner:
            yield DaskNlp(task_runner, settings)
    elif runner != "local":
        raise ValueError(f"unknown runner {runner!r}: use 'local' or 'dask'")
    elif settings.nlp_processes > 1 and file_count >= WORKER_MIN_FILES:
        with WorkerProcessNlp(settings.spacy_model, settings.nlp_processes) as workers:
            yield workers
    else:
        yield InProcessNlp(settings.spacy_model)


def _dask_task_runner(settings: Settings, dask_address: str | None):
    from prefect_dask import DaskTaskRunner

    # Cluster start-up and shutdown chatter would bury the run's own log lines.
    logging.getLogger("distributed").setLevel(logging.WARNING)
    address = dask_address or settings.dask_address
    if address:
        return DaskTaskRunner(address=address)
    # A local cluster of worker processes that report their task runs to this run's Prefect API
    # (without it each worker would start a temporary server of its own); dashboard on any free port.
    with get_client(sync_client=True) as client:
        api_url = str(client.api_url)
    return DaskTaskRunner(cluster_kwargs={
        "n_workers": max(1, settings.nlp_processes), "threads_per_worker": 1, "processes": True,
        "dashboard_address": ":0", "env": {"PREFECT_API_URL": api_url},
    })


@task(cache_policy=NO_CACHE)
def assign_topics(batch: Batch, topic_model) -> Batch:
    """IPTC Media Topics (two levels) with matched-term evidence, and discovered topics from the current model."""
    batch.topics = classify_topics(batch.analyzed)
    batch.discovered = discover_topics(batch.analyzed, topic_model)
    return batch


@task(cache_policy=NO_CACHE)
def validate(batch: Batch, run_id: str, docs_dir: Path) -> tuple[Batch, StarFrames]:
    """Great Expectations suites from expectations/: a critical failure drops the failing mention, quote or
    topic row (or quarantines the article, for its own row); all go to the Data Docs and the findings."""
    frames = build_frames(batch.analyzed, batch.topics, run_id, runs.now(), batch.discovered)
    report = validate_star(frames, {a.article_id: a.full_text for a in batch.articles},
                           default_validator(docs_dir), run_name=f"{run_id}-batch{batch.number:04d}")
    batch.warnings += report.warnings()
    batch.findings = report.findings
    quarantined, dropped = report.critical_reasons(), report.rows_to_drop()
    if dropped:
        drop_rows(batch, frames, dropped)
    if quarantined:
        drop_articles(batch, quarantined)
    if quarantined or dropped:
        frames = build_frames(batch.analyzed, batch.topics, run_id, runs.now(), batch.discovered)
    for article in batch.articles:
        batch.ledger.record(article.source_file, "loaded", None, article.content_sha256, article.article_id)
    return batch, frames


@task(cache_policy=NO_CACHE)
def sketch_stories(batch: Batch, story_params: StoryParams) -> Batch:
    """MinHash signatures of the bodies of the articles about to load, for near-duplicate stories."""
    batch.sketches = sketch_articles(batch.articles, story_params)
    return batch


@task(cache_policy=NO_CACHE)
def look_up_stories(connection, sketches: list, story_params: StoryParams) -> StoryMatches:
    """The stored stories a batch's sketches may join, read on a cursor of its own while the batch
    is validated: DuckDB's threads read the LSH index and the members' signatures (cold blocks in a
    new process, growing with the warehouse) beside Great Expectations instead of after it.
    The previous batch is loaded by then, and nothing writes before this batch's load reads them."""
    cursor = connection.cursor()
    try:
        return find_story_matches(cursor, sketches, story_params)
    finally:
        cursor.close()


@task(cache_policy=NO_CACHE)
def load(connection, batch: Batch, frames: StarFrames, run_id: str, story_params: StoryParams,
         story_lookup=None) -> dict[str, int]:
    """One transaction: dimensions, facts, story clusters and the batch's ledger rows.
    `story_lookup`: the `look_up_stories` future of the batch, if its matches were looked up ahead."""
    # Awaited even when validation dropped every sketch: its reads end before this batch writes.
    matches = story_lookup.result() if story_lookup is not None else None
    load_batch(connection, frames, batch.ledger, run_id, runs.now(), findings_frame(batch.findings, run_id, batch.number),
               batch.sketches, story_params, matches)
    return batch.ledger.counts()


@task(cache_policy=NO_CACHE)
def record_ledger_only(connection, batch: Batch, run_id: str) -> dict[str, int]:
    """The ledger rows of a batch with no new article (duplicates, files set aside)."""
    record_ledger(connection, batch.ledger, run_id, runs.now())
    return batch.ledger.counts()


@task(cache_policy=NO_CACHE)
def record_failed_batch(connection, entries: list[InboxEntry], run_id: str, error: str) -> dict[str, int]:
    """Ledger every file of a batch that hit a processing error as failed, with the error."""
    ledger = Ledger()
    for entry in entries:
        ledger.record(str(entry.path), "failed", f"processing error, nothing of this file was loaded: {error}")
    record_ledger(connection, ledger, run_id, runs.now())
    return ledger.counts()


@task(cache_policy=NO_CACHE)
def update_marts(connection, memory_mb: int) -> None:
    """dim_date and the display names of the entities the run mentioned, once after the last batch.
    After the NLP workers have exited, as the search index, so DuckDB may take `memory_mb`: at
    100,000 articles in one run the refresh ran out of the 96 MB the writer keeps while batches load."""
    with memory_limit(connection, memory_mb):
        refresh_marts(connection)


@task(cache_policy=NO_CACHE)
def build_data_docs(docs_dir: Path) -> None:
    """The run's Great Expectations results as HTML (Data Docs), written once after the last batch."""
    default_validator(docs_dir).build_docs()


@task(cache_policy=NO_CACHE)
def update_search_index(connection, memory_mb: int) -> None:
    """Full-text index over article text: the run's new articles are added to it. It runs after the
    NLP workers have exited, so DuckDB may take more memory here than while batches load."""
    with memory_limit(connection, memory_mb):
        update_index(connection)


class StageTimer:
    """Seconds spent per stage over the whole run, for the run report."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._stage = ""

    def __call__(self, stage: str) -> "StageTimer":
        self._stage = stage
        return self

    def __enter__(self) -> None:
        self._started = time.perf_counter()

    def __exit__(self, *exc_info) -> None:
        self.seconds[self._stage] = self.seconds.get(self._stage, 0.0) + time.perf_counter() - self._started


def publish_report(summary: dict, stage_seconds: dict[str, float], elapsed: float, set_aside: list) -> None:
    """The run's report as Prefect artifacts: a markdown summary and a table of the files set aside."""
    create_markdown_artifact(key="ingest-summary", markdown=summary_markdown(summary, stage_seconds, elapsed, set_aside),
                             description="Counts per status, reasons, time per stage, articles per second")
    create_table_artifact(key="ingest-set-aside", table=set_aside_table(set_aside) or [{"status": "", "file": "", "reason": "nothing set aside"}],
                          description="Files quarantined or failed in this run, with reasons")


def _chunks(items: list[InboxEntry], size: int) -> list[list[InboxEntry]]:
    """The files in batches of about `size`, small at both ends (wirehouse.batching)."""
    chunks, start = [], 0
    for count in batch_sizes(len(items), size):
        chunks.append(items[start : start + count])
        start += count
    return chunks


def _run_name() -> str:
    """Readable run names for the Prefect UI: `ingest-news.duckdb-20261124-150102`."""
    target = flow_run.parameters.get("warehouse") or Settings().warehouse
    return f"ingest-{Path(target).name}-{runs.now():%Y%m%d-%H%M%S}"


def _ingest_batches(connection, files: list[InboxEntry], size: int, run_id: str, settings: Settings,
                    docs_dir: Path, timer: StageTimer, nlp: NlpRunner, trace: MemoryTrace | None) -> tuple[list[str], int]:
    """Every batch through read, NLP, topics, validation and load.

    Returns the data-quality warnings and how many batches were validated.

    Batches go to tasks wrapped in `quote`: Prefect would otherwise walk every token of every
    article looking for futures to resolve, which cost more than the stages themselves.

    One batch ahead is read and sent to the NLP runner before the current one is validated and
    loaded, so with worker processes (or Dask) the model never waits for the rest of the pipeline.
    """
    logger = get_run_logger()
    seen_in_run: dict[str, str] = {}
    topic_model = latest_model(connection)
    story_params = StoryParams.from_settings(settings)
    warnings: list[str] = []
    validated = 0
    chunks = _chunks(files, size)
    files_done = 0

    def start(number: int, chunk: list[InboxEntry]) -> Batch | None:
        try:
            with timer("read and parse"):
                batch = read_articles(quote(chunk), settings, quote(connection), quote(seen_in_run))
            batch.number, batch.entries = number, chunk
            batch.read_ids = [article.article_id for article in batch.articles]
            with timer("entities"):  # all of the NLP when it runs here; only the hand-over to workers
                batch.pending = nlp.submit(batch.articles)
            return batch
        except Exception as exc:  # one bad batch must not sink the run
            fail(number, chunk, exc)
            return None

    def finish(batch: Batch) -> None:
        nonlocal validated
        if not batch.articles:  # all duplicates or set aside: only the ledger has anything to say
            with timer("load"):
                done(batch.number, batch.entries, record_ledger_only(quote(connection), quote(batch), run_id))
            return
        lookup = None
        try:
            with timer("entities"):
                batch = extract_entities(quote(batch))
            with timer("topics"):
                batch = assign_topics(quote(batch), quote(topic_model))
            with timer("stories"):  # sketched before validation, so the lookup runs beside it
                batch = sketch_stories(quote(batch), story_params)
                lookup = look_up_stories.submit(quote(connection), quote(batch.sketches), story_params) \
                    if batch.sketches else None
            with timer("validate"):
                batch, frames = validate(quote(batch), run_id, docs_dir)
                validated += 1
            with timer("load"):
                counts = load(quote(connection), quote(batch), quote(frames), run_id, story_params, quote(lookup))
        except Exception as exc:
            if lookup is not None:
                lookup.wait()  # its reads end before the failed batch's ledger rows are written
            fail(batch.number, batch.entries, exc)
            return
        warnings.extend(batch.warnings)
        done(batch.number, batch.entries, counts)

    def fail(number: int, chunk: list[InboxEntry], exc: Exception) -> None:
        counts = record_failed_batch(quote(connection), quote(chunk), run_id, f"{type(exc).__name__}: {exc}")
        logger.error("batch %d/%d failed (%s): its files are marked failed in the ledger", number, len(chunks), exc)
        done(number, chunk, counts)

    def done(number: int, chunk: list[InboxEntry], counts: dict[str, int]) -> None:
        logger.info("batch %d/%d: %s", number, len(chunks), ", ".join(f"{k} {v}" for k, v in counts.items()))
        progress.files_finished(len(chunk), f"batch {number}/{len(chunks)}")

    def traced(batch: Batch) -> None:
        nonlocal files_done
        files_done += len(batch.entries)
        if trace is not None:
            trace.record(batch.number, files_done, connection)

    def forget_loaded(batch: Batch) -> None:
        """The batch's articles leave `seen_in_run`: loaded, the working copy answers for them
        (`known_articles`), so the map holds two batches at most instead of the whole run."""
        for article_id in batch.read_ids:
            seen_in_run.pop(article_id, None)

    in_flight: Batch | None = None
    for number, chunk in enumerate(chunks, start=1):
        started = start(number, chunk)
        if in_flight is not None:
            finish(in_flight)
            forget_loaded(in_flight)
            # After the first batch every module the stages import is loaded (Great Expectations on
            # first validation): from then on the collector only walks what later batches create.
            # ingest_articles thaws it all when the run ends.
            if in_flight.number == 1:
                settle_long_lived()  # collects and trims, as release_free_memory does, then freezes
            else:
                release_free_memory()
            traced(in_flight)
        in_flight = started
    if in_flight is not None:
        finish(in_flight)
        traced(in_flight)
    return warnings, validated


@flow(name="ingest-articles", flow_run_name=_run_name, log_prints=True)
def ingest_articles(paths: list[str], warehouse: str | None = None, batch_size: int | None = None,
                    runner: Literal["local", "dask"] = "local", dask_address: str | None = None,
                    reference_date: str | None = None) -> dict:
    """Ingest every article file under `paths` into the DuckDB warehouse.

    `runner="dask"` runs the NLP stage on a Dask cluster (`dask_address`, WIREHOUSE_DASK_ADDRESS,
    or a local one); every other stage runs here, and the warehouse is the same either way.
    `reference_date` (YYYY-MM-DD, `today`, or `scheduled`: this run's scheduled start) dates
    datelines without a year; unset, WIREHOUSE_REFERENCE_DATE does, else they stay undated.
    """
    logger = get_run_logger()
    started = time.perf_counter()
    timer = StageTimer()
    settings = Settings()
    if reference_date is not None:
        settings = replace(settings, reference_date=parse_reference_date(
            reference_date, flow_run.scheduled_start_time, "flow parameter reference_date"))
    if settings.reference_date is not None:
        logger.info("reference date for datelines without a year: %s", settings.reference_date.isoformat())
    target = Path(warehouse) if warehouse else settings.warehouse
    run_id = flow_run.get_id() or uuid.uuid4().hex
    docs_dir = docs_dir_for(target)
    trace = MemoryTrace(settings.memory_trace) if settings.memory_trace else None
    lock = acquire_writer.with_options(
        retries=settings.lock_retries,
        retry_delay_seconds=exponential_backoff(backoff_factor=settings.lock_retry_delay_seconds),
    )(target, settings.lock_timeout_seconds)
    if dead := crash_dead_holder(target, flow_run.get_id()):
        logger.warning("flow run %s died holding the writer lock without reporting; marked Crashed", dead)
    working = WorkingCopy(target, settings.writer_memory_mb)

    def traced(stage: str, traced_connection=None) -> None:
        if trace is not None:
            trace.record_stage(stage, traced_connection)

    try:
        with timer("working copy"):
            connection = working.open()
        apply_schema(connection)
        runs.start_run(connection, run_id, flow_run.get_id())
        try:
            files = discover(paths)
            logger.info("%d file(s) found under %s", len(files), ", ".join(paths))
            progress.run_started(len(files))
            runs.set_data_docs(connection, run_id, docs_dir / "index.html")
            with timer("read and parse"):
                files, known = screen_known(quote(files), quote(connection))
            if known.entries:
                with timer("load"):
                    counts = record_ledger_only(quote(connection), quote(Batch(ledger=known)), run_id)
                logger.info("already loaded: %s", ", ".join(f"{k} {v}" for k, v in counts.items()))
                progress.files_finished(len(known.entries), "already loaded")
            warnings, validated = [], 0
            if files:
                with nlp_runner(runner, settings, dask_address, len(files)) as nlp:
                    warnings, validated = _ingest_batches(connection, files, batch_size or settings.batch_size, run_id,
                                                          settings, docs_dir, timer, nlp, trace)
            for warning in dict.fromkeys(warnings):
                logger.warning("data-quality warning: %s", warning)
            # The Data Docs render (Python, on a thread) while DuckDB refreshes the marts and the
            # search index (its own threads): the run's tail is one step shorter.
            docs = build_data_docs.submit(docs_dir) if validated else None
            with timer("load"):
                update_marts(quote(connection), settings.search_index_memory_mb)
            traced("marts", connection)
        except Exception as exc:
            try:  # what was loaded before the failure is published whole
                update_marts(quote(connection), settings.search_index_memory_mb)
            except Exception as marts_error:  # the marts lag behind; the loaded articles must not be discarded
                logger.error("dim_date and the entity names of this run were not refreshed after the failure "
                             "(%s: %s); the loaded articles are published", type(marts_error).__name__, marts_error)
            runs.finish_run(connection, run_id, "failed", f"{type(exc).__name__}: {exc}")
            working.publish(connection)
            raise
        summary = runs.finish_run(connection, run_id, "completed")
        if summary["loaded"]:
            with timer("search index"):
                update_search_index(connection, settings.search_index_memory_mb)
            traced("search index", connection)
        if docs is not None:
            with timer("validate"):  # only what is left of the Data Docs by now
                try:
                    docs.result()
                except Exception as exc:  # the loaded data stands: a report page must not discard it
                    logger.error("Data Docs were not written to %s (%s: %s); the run's data is loaded and its "
                                 "validation findings are in the warehouse", docs_dir, type(exc).__name__, exc)
            traced("data docs", connection)
        set_aside = runs.set_aside(connection, run_id)
        with timer("publish"):
            working.publish(connection)
        traced("publish")
    except BaseException:
        working.discard()
        raise
    finally:
        lock.release()
        thaw_long_lived()  # the process may run more flows: what this run froze is collectable again
    summary.update(run_id=run_id, warehouse=str(target), data_docs=str(docs_dir / "index.html"), working_copy=working.origin)
    summary["set_aside"] = set_aside
    summary["stage_seconds"] = {stage: round(seconds, 3) for stage, seconds in timer.seconds.items()}
    publish_report(summary, timer.seconds, time.perf_counter() - started, set_aside)
    return summary
