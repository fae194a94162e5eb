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


def test_the_worker_pool_leaves_spacy_out_of_the_calling_process(tmp_path):
    """The main process of an ingest checks the model name but never runs the model: it must not
    pay for importing spaCy (about 43 MB for the whole run)."""
    import subprocess
    import sys

    script = ("import sys\n"
              "from wirehouse.nlp.workers import WorkerProcessNlp\n"
              "from wirehouse.config import Settings\n"
              "if __name__ == '__main__':\n"
              "    with WorkerProcessNlp(Settings().spacy_model, 1) as pool:\n"
              "        analyzed = pool.submit([]).result()\n"
              "    print(sorted(name for name in ('spacy', 'thinc') if name in sys.modules))\n")
    path = tmp_path / "pool.py"
    path.write_text(script)
    done = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_a_missing_model_is_named_with_what_to_do(tmp_path):
    import pytest

    from wirehouse.nlp.models import ModelNotInstalledError, check_installed, is_installed

    assert is_installed(Settings().spacy_model)
    assert is_installed(str(tmp_path))  # a pipeline folder
    with pytest.raises(ModelNotInstalledError, match=r"'en_core_web_nonesuch' is not installed.*WIREHOUSE_SPACY_MODEL"):
        check_installed("en_core_web_nonesuch")
    with pytest.raises(ModelNotInstalledError, match="en_core_web_nonesuch"):
        WorkerProcessNlp("en_core_web_nonesuch", 1)
