"""F1 of raw spaCy entities against the clean-up components on the team's labelled dev set.

    uv run python benchmarks/ner_dev_f1.py [--data tests/data/ner_dev.jsonl] [--output benchmarks/results/ner_dev_f1.json]
"""

from __future__ import annotations

import argparse
import json
import platform
from datetime import datetime, timezone
from pathlib import Path

from wirehouse.config import Settings
from wirehouse.nlp.evaluate import load_examples, score
from wirehouse.nlp.pipeline import load_pipeline

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / "tests" / "data" / "ner_dev.jsonl")
    parser.add_argument("--output", type=Path, default=ROOT / "benchmarks" / "results" / "ner_dev_f1.json")
    args = parser.parse_args()
    examples = load_examples(args.data)
    model = Settings().spacy_model
    results = {}
    for name, cleanup in (("raw", False), ("cleaned", True)):
        scores = score(load_pipeline(model, cleanup=cleanup), examples)
        results[name] = {kind: {"precision": round(s.precision, 3), "recall": round(s.recall, 3), "f1": round(s.f1, 3),
                                "gold": s.gold, "predicted": s.predicted} for kind, s in scores.items()}
    print(f"{len(examples)} paragraphs, model {model}")
    print(f"{'':8}{'raw F1':>10}{'cleaned F1':>12}")
    for kind in ("PERSON", "ORG", "PLACE", "ALL"):
        print(f"{kind:8}{results['raw'][kind]['f1']:>10.3f}{results['cleaned'][kind]['f1']:>12.3f}")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps({
        "measured_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "platform": platform.platform(), "processor": platform.machine()},
        "data": str(args.data.relative_to(ROOT)), "paragraphs": len(examples), "model": model, "results": results,
    }, indent=2) + "\n")


if __name__ == "__main__":
    main()
