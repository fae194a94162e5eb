"""Turn a file's bytes into the normalized text every offset in the warehouse refers to."""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import ftfy

_FTFY_CONFIG = ftfy.TextFixerConfig(uncurl_quotes=False, fix_line_breaks=True, normalization="NFC")
_TRAILING_SPACE = re.compile(r"[ \t\u00a0\u2007\u202f\u200b]+$", re.MULTILINE)
_MANY_BLANK_LINES = re.compile(r"\n{3,}")


@dataclass(frozen=True)
class FileText:
    """One inbox file after decoding; `problem` is set when it cannot become an article."""

    path: Path
    content_sha256: str
    text: str | None
    problem: str | None = None


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode_bytes(data: bytes) -> tuple[str | None, str | None]:
    """Decode article bytes; return (text, None) or (None, reason)."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError as exc:
            return None, f"starts with a UTF-16 byte-order mark but is not valid UTF-16 ({exc.reason} at byte {exc.start})"
    if b"\x00" in data:
        return None, "binary data (NUL bytes), not a text article"
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        # Legacy Western newsroom files; ftfy repairs any mojibake afterwards.
        return data.decode("cp1252", errors="replace"), None


def normalize_text(text: str) -> str:
    """Repair mojibake, unify line breaks, drop trailing blanks; deterministic."""
    text = ftfy.fix_text(text, config=_FTFY_CONFIG)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    text = _TRAILING_SPACE.sub("", text)
    text = _MANY_BLANK_LINES.sub("\n\n", text)
    return text.strip()


def article_id_for(normalized_text: str) -> str:
    """The contract's article id: lowercase hex SHA-256 of the normalized text."""
    return sha256_hex(normalized_text.encode("utf-8"))


def read_article_file(path: Path, max_bytes: int) -> FileText:
    """Read one file; every failure becomes a specific `problem`, never an exception."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            with path.open("rb") as handle:
                digest = hashlib.file_digest(handle, "sha256").hexdigest()
            return FileText(path, digest, None, f"file is {size} bytes, over the {max_bytes}-byte cap (WIREHOUSE_MAX_FILE_BYTES)")
        data = path.read_bytes()
    except FileNotFoundError:
        return FileText(path, "", None, "file disappeared before it could be read")
    except OSError as exc:
        return FileText(path, "", None, f"cannot read file: {exc.strerror or exc}")
    digest = sha256_hex(data)
    text, problem = decode_bytes(data)
    if problem:
        return FileText(path, digest, None, problem)
    normalized = normalize_text(text or "")
    if not normalized:
        return FileText(path, digest, None, "empty or whitespace-only file")
    return FileText(path, digest, normalized)
