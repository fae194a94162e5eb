"""Where the NLP stage runs: in this process, or in worker processes that each load the pipeline once.

Workers run the spaCy model *and* our extraction (mentions, quotes, topic lemmas, key phrases) and
send back only those small results, never spaCy Docs. That is cheaper than `nlp.pipe(n_process=N)`,
which ships every Doc back to be unpacked here, and it leaves this process free to read, validate
and load other batches while the workers are busy: `submit` returns at once.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Protocol

from wirehouse.articles.gazetteer import install_prominent_names, prominent_names
from wirehouse.articles.model import ParsedArticle
from wirehouse.nlp.entities import AnalyzedArticle, analyze_articles

# Articles per piece of work sent to a worker: small enough to spread a batch evenly over the
# workers, large enough for spaCy's internal batching.
CHUNK_SIZE = 16


class PendingAnalysis(Protocol):
    def result(self) -> list[AnalyzedArticle]: ...


class NlpRunner(Protocol):
    def submit(self, articles: list[ParsedArticle]) -> PendingAnalysis: ...


class Done:
    """An analysis that is already finished."""

    def __init__(self, analyzed: list[AnalyzedArticle]) -> None:
        self._analyzed = analyzed

    def result(self) -> list[AnalyzedArticle]:
        return self._analyzed


class InProcessNlp:
    """The pipeline in this process: no start-up cost, for small runs."""

    def __init__(self, model_name: str) -> None:
        from wirehouse.nlp.pipeline import load_pipeline  # spaCy is imported only where the model runs

        self.nlp = load_pipeline(model_name)

    def submit(self, articles: list[ParsedArticle]) -> PendingAnalysis:
        return Done(analyze_articles(articles, self.nlp))


class ChunkResults:
    """Results of the chunks of one batch, in the batch's order (any futures with `.result()`)."""

    def __init__(self, futures: list[Future]) -> None:
        self._futures = futures

    def result(self) -> list[AnalyzedArticle]:
        return [analyzed for future in self._futures for analyzed in future.result()]


_worker_nlp = None


def _load_in_worker(model_name: str, prominent_places: frozenset[str]) -> None:
    from wirehouse import offline  # noqa: F401  (a fresh interpreter: offline settings first)

    from wirehouse.nlp.pipeline import load_pipeline

    global _worker_nlp
    install_prominent_names(prominent_places)
    _worker_nlp = load_pipeline(model_name)


def _ready() -> None:
    """Nothing: submitting it starts a worker process (the pool starts them on demand)."""


def _analyze_in_worker(articles: list[ParsedArticle]) -> list[AnalyzedArticle]:
    return analyze_articles(articles, _worker_nlp)


class WorkerProcessNlp:
    """A pool of worker processes, each with its own copy of the pipeline. Close it when done."""

    def __init__(self, model_name: str, processes: int) -> None:
        from wirehouse.nlp.models import check_installed  # not spaCy: this process never runs the model

        check_installed(model_name)  # fail here with the install hint, not as a broken worker pool
        # forkserver: workers start from a clean interpreter, not a fork of this threaded one.
        self._executor = ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("forkserver"),
                                             initializer=_load_in_worker, initargs=(model_name, prominent_names()))
        # Start every worker now, so they load the model while the first batch is being read.
        for _ in range(processes):
            self._executor.submit(_ready)

    def submit(self, articles: list[ParsedArticle]) -> PendingAnalysis:
        chunks = [articles[i : i + CHUNK_SIZE] for i in range(0, len(articles), CHUNK_SIZE)]
        return ChunkResults([self._executor.submit(_analyze_in_worker, chunk) for chunk in chunks])

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> "WorkerProcessNlp":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()
