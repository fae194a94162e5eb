"""Find the files an ingest run should look at."""

from __future__ import annotations

from pathlib import Path


class InboxPathError(FileNotFoundError):
    """A path given to ingest does not exist."""


def discover_files(paths: list[Path | str]) -> list[Path]:
    """Every regular, non-hidden file under `paths`, folders searched recursively.

    The result is absolute, de-duplicated and sorted so runs are reproducible.
    """
    found: set[Path] = set()
    for raw in paths:
        root = Path(raw).expanduser()
        if not root.exists():
            raise InboxPathError(f"{root}: no such file or folder; pass an inbox folder or article files")
        root = root.resolve()
        if root.is_file():
            found.add(root)
            continue
        for candidate in root.rglob("*"):
            relative = candidate.relative_to(root)
            if any(part.startswith(".") for part in relative.parts):
                continue
            if candidate.is_file():
                found.add(candidate.absolute())
    return sorted(found)
