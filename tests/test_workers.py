"""NLP worker processes analyse exactly as this process does, without the whole gazetteer."""

from __future__ import annotations

import psutil

from wirehouse.articles.discover import discover_entries
from wirehouse.config import Settings
from wirehouse.nlp.workers import InProcessNlp, WorkerProcessNlp
from wirehouse.stages import read_and_parse


def test_worker_processes_give_the_in_process_analysis(samples_dir, seeds_dir):
    entries = discover_entries([samples_dir, seeds_dir])
    articles = read_and_parse(entries, Settings().max_file_bytes, {}).articles
    assert len(articles) >= 10
    model = Settings().spacy_model
    local = InProcessNlp(model).submit(articles).result()
    with WorkerProcessNlp(model, 2) as workers:
        remote = workers.submit(articles).result()
        worker_rss = [psutil.Process(pid).memory_info().rss for pid in workers._executor._processes]
    assert [a.article.article_id for a in remote] == [a.article.article_id for a in local]
    assert [(a.mentions, a.quotes, a.terms, a.keyphrases, a.tokens, a.nlp_status) for a in remote] == \
           [(a.mentions, a.quotes, a.terms, a.keyphrases, a.tokens, a.nlp_status) for a in local]
    assert any(a.mentions for a in remote)
    # Each worker holds the model but not the gazetteer (about 310 MB with it, 170 MB without).
    assert worker_rss and max(worker_rss) < 250 * 2**20, [rss // 2**20 for rss in worker_rss]
