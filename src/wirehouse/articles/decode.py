"""Bytes to text: UTF-8 (with or without BOM), UTF-16 (with or without BOM), legacy single-byte encodings."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes


# Single-byte code pages newsrooms still send: Western, Cyrillic, Central European, Greek, Turkish, Arabic.
LEGACY_ENCODINGS = ["cp1252", "cp1251", "koi8_r", "cp1250", "cp1253", "cp1254", "cp1256"]


@dataclass(frozen=True)
class Decoded:
    text: str | None
    encoding: str | None
    problem: str | None = None


def _looks_like_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: ASCII-range text has a NUL in every other byte."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_nuls = data[0::2].count(0) / (len(data) // 2)
    odd_nuls = data[1::2].count(0) / (len(data) // 2)
    if odd_nuls > 0.4 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.4 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


# Control characters that text does not contain: below 32, except tab, line feed, \v, \f, carriage return.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f]")


def _binary_share(text: str) -> float:
    return len(_CONTROLS.findall(text)) / max(1, len(text))


def decode_bytes(data: bytes) -> Decoded:
    """Decode article bytes; never raises. `problem` says why bytes are not a text article."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return Decoded(data[len(codecs.BOM_UTF8):].decode("utf-8"), "utf-8-sig")
        except UnicodeDecodeError:
            data = data[len(codecs.BOM_UTF8):]
    for bom, encoding in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                          (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), encoding)
            except UnicodeDecodeError as exc:
                return Decoded(None, None, f"starts with a {encoding.upper()} byte-order mark but is not valid {encoding.upper()} "
                                           f"({exc.reason} at byte {exc.start})")
    utf16 = _looks_like_utf16(data)
    if utf16:
        try:
            return Decoded(data.decode(utf16), utf16)
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        return Decoded(None, None, "binary data (NUL bytes), not a text article")
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
        best = from_bytes(data, cp_isolation=LEGACY_ENCODINGS).best()
        if best is not None and best.encoding:
            text, encoding = str(best), best.encoding
        else:
            text, encoding = data.decode("cp1252", errors="replace"), "cp1252"
    if _binary_share(text) > 0.05:
        return Decoded(None, None, "binary data (many control characters), not a text article")
    return Decoded(text, encoding)
