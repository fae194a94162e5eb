"""The run report published as Prefect artifacts: counts, reasons, time per stage, throughput."""

from __future__ import annotations

from collections import Counter


def summary_markdown(summary: dict, stage_seconds: dict[str, float], elapsed: float,
                     set_aside: list[tuple[str, str, str]]) -> str:
    loaded = summary.get("loaded", 0)
    rate = loaded / elapsed if elapsed > 0 else 0.0
    lines = [
        f"# Ingest run {summary['run_id']}",
        "",
        f"Warehouse: `{summary['warehouse']}`",
        "",
        *([f"Working copy: {summary['working_copy']}", ""] if summary.get("working_copy") else []),
        "| files seen | loaded | duplicate | quarantined | failed | entity mentions | seconds | articles/s |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
        f"| {summary['files_seen']} | {loaded} | {summary['duplicate']} | {summary['quarantined']} | "
        f"{summary['failed']} | {summary['mentions']} | {elapsed:.1f} | {rate:.2f} |",
        "",
        "## Time per stage",
        "",
        "| stage | seconds |",
        "|---|---:|",
        *[f"| {stage} | {seconds:.2f} |" for stage, seconds in stage_seconds.items()],
        "",
    ]
    if set_aside:
        reasons = Counter(reason.split(";")[0] for _, _, reason in set_aside)
        lines += ["## Why files were set aside", "", "| reason | files |", "|---|---:|"]
        lines += [f"| {reason} | {count} |" for reason, count in reasons.most_common()]
        lines.append("")
    lines.append(f"Data Docs: `{summary.get('data_docs', '')}`")
    return "\n".join(lines)


def set_aside_table(set_aside: list[tuple[str, str, str]]) -> list[dict[str, str]]:
    return [{"status": status, "file": path, "reason": reason} for status, path, reason in set_aside]
