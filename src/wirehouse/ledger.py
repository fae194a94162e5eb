"""What happened to every inbox file in a run: exactly one status each."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

STATUSES = ("loaded", "duplicate", "quarantined", "failed")


@dataclass
class LedgerEntry:
    file_path: str
    content_sha256: str | None
    article_id: str | None
    status: str
    reason: str | None


class Ledger:
    """Entries keyed by file path; a later verdict on the same file replaces an earlier one."""

    def __init__(self) -> None:
        self.entries: dict[str, LedgerEntry] = {}

    def record(self, file_path: str, status: str, reason: str | None = None,
               content_sha256: str | None = None, article_id: str | None = None) -> None:
        if status not in STATUSES:
            raise ValueError(f"unknown ledger status {status!r}")
        self.entries[file_path] = LedgerEntry(file_path, content_sha256 or None, article_id, status, reason)

    def counts(self) -> dict[str, int]:
        counted = Counter(entry.status for entry in self.entries.values())
        return {status: counted.get(status, 0) for status in STATUSES}

    def merge(self, other: "Ledger") -> None:
        self.entries.update(other.entries)
