"""Validate batch DataFrames against the suites kept as JSON files in `expectations/`.

Each expectation carries `meta.severity`. A `critical` failure on an article's own row
(fact_article) quarantines the article; on a row an article has many of (a mention, a quote, a
topic) it drops that row, and the article loads without it: no article is lost over one bad value.
`warning` failures are reported only. Every failure is recorded with the articles it touched.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from wirehouse.paths import expectations_dir

INDEX_COLUMN = "article_id"
# Each validated frame gets its row positions here, so a finding names the rows that failed.
ROW_COLUMN = "_row"
SEVERITIES = ("critical", "warning")
# Suites whose rows are the articles themselves: a critical failure there quarantines the article.
ARTICLE_SUITES = ("fact_article",)


@dataclass
class Finding:
    suite: str
    expectation: str
    column: str | None
    severity: str
    unexpected_count: int
    article_ids: list[str]
    rows: list[int] = field(default_factory=list)  # positions in the validated frame; empty: the whole frame

    def describe(self) -> str:
        where = f" on {self.column}" if self.column else ""
        return f"{self.suite}: {self.expectation}{where} failed ({self.severity})"

    @property
    def action(self) -> str:
        """What the run did about it: quarantined the articles, dropped the rows, or loaded them."""
        if self.severity != "critical":
            return "loaded"
        return "quarantined" if self.suite in ARTICLE_SUITES or not self.rows else "rows dropped"


@dataclass
class ValidationReport:
    findings: list[Finding] = field(default_factory=list)

    def critical_reasons(self) -> dict[str, list[str]]:
        """Article id → reasons it must be quarantined."""
        reasons: dict[str, list[str]] = {}
        for finding in self.findings:
            if finding.action == "quarantined":
                for article_id in finding.article_ids:
                    reasons.setdefault(article_id, []).append(finding.describe())
        return reasons

    def rows_to_drop(self) -> dict[str, set[int]]:
        """Suite → positions of the rows a critical failure drops (the articles load without them)."""
        rows: dict[str, set[int]] = {}
        for finding in self.findings:
            if finding.action == "rows dropped":
                rows.setdefault(finding.suite, set()).update(finding.rows)
        return rows

    def warnings(self) -> list[str]:
        return [
            f"{f.describe()}: {f.unexpected_count} row(s)" for f in self.findings if f.severity == "warning"
        ]


class SuiteFileError(ValueError):
    """An expectation suite file is malformed."""


def _load_suite_file(path: Path):
    import great_expectations as gx

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        for expectation in data.get("expectations", []):
            severity = expectation.get("meta", {}).get("severity")
            if severity not in SEVERITIES:
                raise SuiteFileError(f"expectation {expectation.get('type')} has severity {severity!r}; use one of {SEVERITIES}")
        return gx.ExpectationSuite(**data)
    except (ValueError, TypeError, KeyError) as exc:
        raise SuiteFileError(f"{path}: not a valid expectation suite: {exc}") from exc


class Validator:
    """One ephemeral Great Expectations context with every suite from the folder."""

    def __init__(self, folder: Path | None = None, docs_dir: Path | None = None) -> None:
        import great_expectations as gx
        from great_expectations.data_context.types.base import ProgressBarsConfig

        self.folder = folder or expectations_dir()
        self.docs_dir = docs_dir
        self._unbuilt = False  # results validated since the Data Docs were last built
        # GX announces its temporary Data Docs folder at INFO; that is noise in a run's log.
        logging.getLogger("great_expectations").setLevel(logging.WARNING)
        logging.getLogger("great_expectations.data_context.types.base").setLevel(logging.WARNING)
        self.context = gx.get_context(mode="ephemeral")
        self.context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
        if docs_dir is not None:
            # Built once per run (build_docs), not after every checkpoint: a rebuild renders every
            # stored result again and cost more than the validation itself.
            self.context.add_data_docs_site(site_name="wirehouse", site_config={
                "class_name": "SiteBuilder",
                "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
                "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(docs_dir)},
            })
        self.source = self.context.data_sources.add_pandas("wirehouse_batches")
        self.suites = {}
        self.checkpoints = {}
        for path in sorted(self.folder.glob("*.json")):
            suite = self.context.suites.add(_load_suite_file(path))
            self.suites[suite.name] = suite
            asset = self.source.add_dataframe_asset(suite.name)
            definition = self.context.validation_definitions.add(gx.ValidationDefinition(
                name=suite.name, data=asset.add_batch_definition_whole_dataframe(suite.name), suite=suite))
            self.checkpoints[suite.name] = self.context.checkpoints.add(gx.Checkpoint(
                name=suite.name, validation_definitions=[definition],
                result_format={"result_format": "COMPLETE", "unexpected_index_column_names": [INDEX_COLUMN, ROW_COLUMN]}))
        if not self.suites:
            raise SuiteFileError(f"{self.folder}: no expectation suites (*.json) found")

    def build_docs(self) -> Path | None:
        """Write the Data Docs site with every validation result so far; its index page, if any."""
        if self.docs_dir is None or not self._unbuilt:
            return self.docs_index
        self.context.build_data_docs(site_names=["wirehouse"])
        self._unbuilt = False
        return self.docs_index

    @property
    def docs_index(self) -> Path | None:
        return self.docs_dir / "index.html" if self.docs_dir is not None else None

    def validate(self, suite_name: str, frame: pd.DataFrame, run_name: str = "adhoc") -> list[Finding]:
        from great_expectations.core.run_identifier import RunIdentifier

        if suite_name not in self.suites:
            raise SuiteFileError(f"{self.folder}/{suite_name}.json: suite missing")
        if frame.empty:
            return []
        self._unbuilt = True
        frame = frame.assign(**{ROW_COLUMN: range(len(frame))})
        checkpoint_result = self.checkpoints[suite_name].run(
            batch_parameters={"dataframe": frame}, run_id=RunIdentifier(run_name=run_name))
        [result] = checkpoint_result.run_results.values()
        findings = []
        for outcome in result.results:
            if outcome.success:
                continue
            config = outcome.expectation_config
            details = outcome.result or {}
            index_rows = details.get("unexpected_index_list")
            if index_rows:
                article_ids = sorted({row[INDEX_COLUMN] for row in index_rows})
                rows = sorted({int(row[ROW_COLUMN]) for row in index_rows})
            else:
                # Not a row-level expectation (or it raised): every article in the frame is affected.
                article_ids, rows = sorted(set(frame[INDEX_COLUMN])), []
            column = config.kwargs.get("column") or config.kwargs.get("column_A")
            findings.append(Finding(
                suite=suite_name,
                expectation=config.type,
                column=column,
                severity=(config.meta or {}).get("severity", "critical"),
                unexpected_count=int(details.get("unexpected_count") or len(article_ids)),
                article_ids=article_ids,
                rows=rows,
            ))
        return findings


@lru_cache(maxsize=4)
def default_validator(docs_dir: Path | None = None) -> Validator:
    return Validator(docs_dir=docs_dir)


def docs_dir_for(warehouse: Path) -> Path:
    """Where a warehouse's Data Docs (HTML) live: `warehouse/news.quality/` beside `news.duckdb`."""
    return warehouse.with_name(warehouse.stem + ".quality")


def _with_offset_check(frame: pd.DataFrame, text_column: str, full_texts: dict[str, str]) -> pd.DataFrame:
    """The frame plus `offsets_match_text`: does full_text[start_char:end_char] equal the row's text?"""
    checked = frame.copy()
    checked["offsets_match_text"] = [
        full_texts.get(article_id, "")[start:end] == text
        for article_id, start, end, text in zip(
            checked["article_id"], checked["start_char"], checked["end_char"], checked[text_column]
        )
    ]
    return checked


def validate_star(frames, full_texts: dict[str, str], validator: Validator | None = None,
                  run_name: str = "adhoc") -> ValidationReport:
    """Check a batch's article, mention, quote and topic frames; results also go to the Data Docs, if any."""
    validator = validator or default_validator()
    report = ValidationReport()
    report.findings += validator.validate("fact_article", frames["fact_article"], run_name)
    report.findings += validator.validate(
        "fact_entity_mention", _with_offset_check(frames["fact_entity_mention"], "mention_text", full_texts), run_name)
    if "fact_quote" in frames.tables:
        report.findings += validator.validate(
            "fact_quote", _with_offset_check(frames["fact_quote"], "quote_text", full_texts), run_name)
    report.findings += validator.validate("bridge_article_topic", frames["bridge_article_topic"], run_name)
    return report
