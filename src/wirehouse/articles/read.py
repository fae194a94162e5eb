"""Read one inbox file into normalized text, or a specific reason it cannot be an article."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from wirehouse.articles.decode import decode_bytes
from wirehouse.articles.normalize import normalize_text

# Markup that says a file is a saved web page rather than an article text.
_HTML_MARKERS = (b"<!doctype html", b"<html", b"<body", b"<head")


@dataclass(frozen=True)
class FileText:
    """One inbox file after decoding; `problem` is set when it cannot become an article."""

    path: Path
    content_sha256: str
    text: str | None
    problem: str | None = None
    encoding: str | None = None


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def article_id_for(normalized_text: str) -> str:
    """The contract's article id: lowercase hex SHA-256 of the normalized text."""
    return sha256_hex(normalized_text.encode("utf-8"))


def content_digest(path: Path) -> str | None:
    """SHA-256 of the file's bytes, or None when it cannot be read (read_article_file then says why)."""
    try:
        with path.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


def read_article_file(path: Path, max_bytes: int) -> FileText:
    """Read one file; every failure becomes a specific `problem`, never an exception."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            with path.open("rb") as handle:
                digest = hashlib.file_digest(handle, "sha256").hexdigest()
            return FileText(path, digest, None,
                            f"file is {size} bytes, over the {max_bytes}-byte cap (WIREHOUSE_MAX_FILE_BYTES)")
        data = path.read_bytes()
    except FileNotFoundError:
        return FileText(path, "", None, "file disappeared before it could be read")
    except OSError as exc:
        return FileText(path, "", None, f"cannot read file: {exc.strerror or exc}")
    return file_text_from_bytes(path, data)


def file_text_from_bytes(path: Path, data: bytes) -> FileText:
    """Decode and normalize bytes that came from `path`; pure, for tests and other callers."""
    digest = sha256_hex(data)
    if data[:2048].lstrip().lower().startswith(_HTML_MARKERS):
        return FileText(path, digest, None, "an HTML page, not article text; save the article as plain text")
    decoded = decode_bytes(data)
    if decoded.problem:
        return FileText(path, digest, None, decoded.problem)
    normalized = normalize_text(decoded.text or "")
    if not normalized:
        return FileText(path, digest, None, "empty or whitespace-only file")
    return FileText(path, digest, normalized, encoding=decoded.encoding)
