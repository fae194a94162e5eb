"""Smoke of benchmarks/pipe_batch_memory.py: real model, real articles, two batch sizes, one round."""

import json

from benchmarks import pipe_batch_memory


def test_smaller_pipe_batches_peak_lower_with_the_same_mentions(tmp_path):
    output = tmp_path / "pipe_batch_memory.json"
    pipe_batch_memory.main(["--articles", "16", "--sizes", "4,16", "--rounds", "1", "--output", str(output)])
    result = json.loads(output.read_text(encoding="utf-8"))
    by_size = {row["batch_size"]: row for row in result["by_batch_size"]}
    assert result["articles"] == 16 and result["mentions"] > 50
    assert by_size[4]["peak_above_model_mb"] < by_size[16]["peak_above_model_mb"]
    assert all(reading["model_loaded_mb"] > 50 for row in by_size.values() for reading in row["readings"])
