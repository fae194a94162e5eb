"""IPTC top-level accuracy and discovered-topic NMI on the team's labelled topic set.

    uv run python benchmarks/topic_dev_eval.py [--data tests/data/topic_dev.jsonl]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from wirehouse.config import Settings
from wirehouse.nlp.evaluate import evaluate_topics
from wirehouse.nlp.pipeline import load_pipeline

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / "tests" / "data" / "topic_dev.jsonl")
    args = parser.parse_args()
    examples = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    result = evaluate_topics(load_pipeline(Settings().spacy_model), examples)
    print(f"{len(examples)} articles: top-level accuracy {result.accuracy:.3f}, "
          f"discovered topics {result.topic_count}, NMI {result.nmi:.3f}")
    for article_id, label, predicted in result.confusions:
        print(f"  {article_id}: {label} -> {predicted}")


if __name__ == "__main__":
    main()
