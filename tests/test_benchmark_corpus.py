"""The benchmark corpus generator: deterministic, unique, realistic, and readable by the real parser.

Fast by design (no Prefect, no spaCy): articles are composed in memory or written to tmp_path.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from pathlib import Path

import pytest

from benchmarks.corpus import templates
from benchmarks.corpus.generate import WEEKDAYS, compose_article, generate_corpus, main
from wirehouse.articles.metadata import parse_article
from wirehouse.articles.normalize import normalize_text
from wirehouse.articles.read import article_id_for, read_article_file

SAMPLE = 2000
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b")


@pytest.fixture(scope="module")
def articles():
    return [compose_article(index) for index in range(SAMPLE)]


def _files(root: Path) -> dict[str, bytes]:
    return {str(path.relative_to(root)): path.read_bytes() for path in sorted(root.rglob("*.txt"))}


def test_same_seed_gives_byte_identical_files(tmp_path):
    first = generate_corpus(60, tmp_path / "a", seed=11)
    second = generate_corpus(60, tmp_path / "b", seed=11)
    assert len(first) == 60 and [p.name for p in first] == [p.name for p in second]
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    other_seed = _files(generate_corpus(60, tmp_path / "c", seed=12)[0].parent.parent)
    assert other_seed != _files(tmp_path / "a")


def test_small_corpus_is_a_prefix_and_start_continues_it(tmp_path):
    whole = _files(generate_corpus(50, tmp_path / "whole")[0].parent.parent)
    prefix = _files(generate_corpus(20, tmp_path / "prefix")[0].parent.parent)
    rest = _files(generate_corpus(30, tmp_path / "rest", start=20)[0].parent.parent)
    assert len(prefix) == 20 and len(rest) == 30
    assert not set(prefix) & set(rest)
    assert {**prefix, **rest} == whole


def test_files_are_spread_over_folders_of_a_thousand(tmp_path):
    paths = generate_corpus(3, tmp_path, start=1998)
    relative = [str(p.relative_to(tmp_path)) for p in paths]
    assert [r.split("/")[0] for r in relative] == ["0001", "0001", "0002"]
    assert all(re.fullmatch(r"\d{4}/(tass|kremlin|reuters|ap|afp|interfax|xinhua)_\d{6}\.txt", r) for r in relative)
    assert relative[2].endswith("_002000.txt")


def test_parallel_workers_write_the_same_files(tmp_path):
    serial = _files(generate_corpus(2100, tmp_path / "serial", workers=1)[0].parent.parent)
    parallel = generate_corpus(2100, tmp_path / "parallel", workers=2)
    assert [p.name for p in parallel] == sorted((p.name for p in parallel), key=lambda n: int(n[-10:-4]))
    assert _files(tmp_path / "parallel") == serial


def test_normalized_texts_are_unique(articles):
    ids = {article_id_for(normalize_text(a.text)) for a in articles}
    assert len(ids) == SAMPLE


def test_word_counts_look_like_wire_stories(articles):
    words = [len(a.text.split()) for a in articles]
    assert 350 <= statistics.mean(words) <= 410
    assert min(words) >= 70 and max(words) <= 1600
    assert statistics.median(words) < statistics.mean(words)   # skewed: a long tail of long stories
    assert sum(w > 900 for w in words) >= 10


def test_every_layout_appears_in_a_realistic_mix(articles):
    counts = Counter(a.meta.layout for a in articles)
    assert set(counts) == set(templates.LAYOUTS)
    assert all(count >= 0.04 * SAMPLE for count in counts.values())
    assert Counter(a.meta.beat for a in articles).keys() >= {"diplomacy", "economy", "sport", "culture", "science"}


def test_paragraphs_quotes_and_typography(articles):
    curly = straight = 0
    for article in articles[:300]:
        blocks = article.text.rstrip("\n").split("\n\n")
        assert "\n\n\n" not in article.text and article.text.endswith("\n")
        paragraphs = blocks[3:] if article.meta.layout == "tass_allnews" else blocks[1:]   # after the front matter
        assert paragraphs and all("\n" not in block and block for block in paragraphs), article.meta
        curly += "\u201c" in article.text
        straight += '"' in article.text
    assert curly > 50 and straight > 50
    assert sum(" said" in a.text and '," ' in a.text.replace("\u201d", '"') for a in articles[:300]) > 250


def test_weekdays_match_the_publication_date(articles):
    for article in articles[:500]:
        named = set(_WEEKDAY.findall(article.text))
        assert named <= {WEEKDAYS[article.meta.written_on.weekday()]}, article.meta


def test_parser_reads_the_intended_metadata(tmp_path):
    paths = generate_corpus(120, tmp_path)
    layouts = Counter()
    for path, index in zip(paths, range(120)):
        intended = compose_article(index).meta
        parsed = parse_article(read_article_file(path, 10_000_000)).metadata
        layouts[intended.layout] += 1
        assert parsed.published_date == intended.published_date, (path, parsed.date_note)
        assert parsed.date_source == intended.date_source, path
        assert parsed.source_name == intended.source_name, path
        assert parsed.dateline_place == intended.dateline_place, path
        assert parsed.title == intended.title, path
        assert parsed.date_flag == (None if intended.published_date else "year_unresolved") and parsed.language == "en"
        assert 3 <= parsed.paragraph_count <= 13
    assert set(layouts) == set(templates.LAYOUTS)


def test_cli_writes_the_requested_articles(tmp_path, capsys):
    main(["--articles", "5", "--output", str(tmp_path), "--seed", "3", "--start", "7"])
    names = sorted(p.name for p in tmp_path.rglob("*.txt"))
    assert len(names) == 5 and all(n.endswith(f"_{i:06d}.txt") for n, i in zip(
        sorted(names, key=lambda n: n[-10:]), range(7, 12)))
    assert "wrote 5 articles" in capsys.readouterr().err
