"""The bare baseline: plain spaCy over the same files, nothing of Wirehouse around it.

    python -m benchmarks.bare --paths-file FILES.txt --output RESULT.json --model NAME --processes P [--batch-size B]

Loads the model with `spacy.load(NAME)` (its default components, no Wirehouse clean-up; not timed),
reads every file listed in FILES.txt (one path a line) and decodes it as UTF-8 (not timed), then
times `for doc in nlp.pipe(texts, n_process=P, batch_size=B)`. The harness (`benchmarks.run`) runs
this in a fresh process, so the model loads as it would in a job of its own.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path


def read_texts(paths: list[Path]) -> tuple[list[str], int]:
    """Every file's text as UTF-8 (undecodable bytes replaced), and how many files needed replacing."""
    texts, replaced = [], 0
    for path in paths:
        raw = path.read_bytes()
        try:
            texts.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            texts.append(raw.decode("utf-8", errors="replace"))
            replaced += 1
    return texts, replaced


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Time bare spaCy nlp.pipe over a list of article files.")
    parser.add_argument("--paths-file", type=Path, required=True, help="text file with one article path a line")
    parser.add_argument("--output", type=Path, required=True, help="JSON file for the result")
    parser.add_argument("--model", required=True, help="spaCy pipeline to load")
    parser.add_argument("--processes", type=int, default=1, help="n_process for nlp.pipe (default 1)")
    parser.add_argument("--batch-size", type=int, default=64, help="batch_size for nlp.pipe (default 64)")
    args = parser.parse_args(argv)

    import spacy

    began = time.perf_counter()
    nlp = spacy.load(args.model)
    load_seconds = time.perf_counter() - began
    began = time.perf_counter()
    paths = [Path(line) for line in args.paths_file.read_text(encoding="utf-8").splitlines() if line]
    texts, replaced = read_texts(paths)
    read_seconds = time.perf_counter() - began
    words = sum(len(text.split()) for text in texts)

    began = time.perf_counter()
    docs = 0
    for _doc in nlp.pipe(texts, n_process=args.processes, batch_size=args.batch_size):
        docs += 1
    seconds = time.perf_counter() - began

    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps({
        "model": args.model, "components": list(nlp.pipe_names), "n_process": args.processes,
        "batch_size": args.batch_size, "articles": docs, "words": words, "files_not_utf8": replaced,
        "load_seconds": round(load_seconds, 3), "read_seconds": round(read_seconds, 3), "seconds": round(seconds, 3),
        "articles_per_second": round(docs / seconds, 3) if seconds > 0 else None,
        "words_per_second": round(words / seconds, 1) if seconds > 0 else None,
    }, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
