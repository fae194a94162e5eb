"""The benchmark's corpora in the work folder: generated once, reused while a marker says they match.

Sizes that are a multiple of 1,000 share one corpus of the largest such size (`corpus/`): size N is
its first N/1,000 sub-folders, because article i depends only on (seed, i). Other sizes (the CI
smoke) get a small corpus of their own (`corpus-N/`). The articles added to a built warehouse are
new: they start after the largest size (`new-START-N/`).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from benchmarks.corpus.generate import FILES_PER_FOLDER, generate_corpus

MARKER = ".corpus.json"


def shared_corpus_size(sizes: list[int]) -> int:
    """Articles the shared corpus needs: the largest size that is a multiple of 1,000 (0 if none is)."""
    return max((size for size in sizes if size % FILES_PER_FOLDER == 0), default=0)


def shared_corpus_dir(work: Path) -> Path:
    return work / "corpus"


def own_corpus_dir(work: Path, size: int) -> Path:
    return work / f"corpus-{size}"


def new_articles_dir(work: Path, start: int, count: int) -> Path:
    return work / f"new-{start}-{count}"


def folders_for(size: int, work: Path) -> list[Path]:
    """The folders to pass to `wirehouse ingest` for `size` articles."""
    if size % FILES_PER_FOLDER == 0:
        root = shared_corpus_dir(work)
        return [root / f"{number:04d}" for number in range(size // FILES_PER_FOLDER)]
    return [own_corpus_dir(work, size)]


def read_marker(root: Path) -> dict | None:
    try:
        return json.loads((root / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def ensure_corpus(root: Path, count: int, seed: int, start: int = 0) -> tuple[dict, bool]:
    """Articles start..start+count-1 of the seed's corpus under `root`; (marker, whether any were written).

    An existing corpus of the same seed and start is kept and, when it is shorter, extended (article i
    is the same file whatever the corpus size). The marker is written last, so an interrupted run
    leaves no marker claiming files that are not there.
    """
    marker = read_marker(root)
    have = 0
    if marker and marker.get("seed") == seed and marker.get("start") == start:
        have = int(marker.get("articles", 0))
        if have >= count:
            return marker, False
    elif root.exists():
        shutil.rmtree(root)  # another seed or start, or an interrupted first run: start over
    generate_corpus(count - have, root, seed=seed, start=start + have)
    marker = {"generator": "benchmarks.corpus.generate", "seed": seed, "start": start, "articles": count}
    (root / MARKER).write_text(json.dumps(marker, indent=2) + "\n", encoding="utf-8")
    return marker, True


def prepare(sizes: list[int], new: int, work: Path, seed: int) -> dict[str, dict]:
    """Every corpus the run needs; returns what was generated or reused, by folder."""
    done: dict[str, dict] = {}

    def note(root: Path, count: int, start: int = 0) -> None:
        marker, written = ensure_corpus(root, count, seed, start)
        done[str(root)] = {"articles": marker["articles"], "seed": seed, "start": start,
                           "status": "generated" if written else "reused"}

    shared = shared_corpus_size(sizes)
    if shared:
        note(shared_corpus_dir(work), shared)
    for size in sorted({size for size in sizes if size % FILES_PER_FOLDER}):
        note(own_corpus_dir(work, size), size)
    if sizes and new:
        start = max(sizes)
        note(new_articles_dir(work, start, new), new, start)
    return done
