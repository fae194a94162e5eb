"""Bytes to text: UTF-8 (with or without BOM), UTF-16 (with or without BOM), legacy single-byte encodings."""

from __future__ import annotations

import codecs
import re
import unicodedata
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


# Symbols that stand beside letters in Western text as it is written: degrees, trademarks.
_WORD_SYMBOLS = set("°™®©")


def _western_oddities(text: str) -> int:
    """Non-ASCII symbols glued to a letter (`powiedzia³`, `¿e`, `£ódz`): what another code page's letters
    look like when read as Western. A currency sign before a number (`£2,000`) is not one."""
    odd = 0
    for index, char in enumerate(text):
        if ord(char) < 128 or char.isalpha() or char.isspace() or char in _WORD_SYMBOLS:
            continue
        if unicodedata.category(char)[0] not in "SN" and char not in "¿¡":
            continue  # quotes, dashes and other punctuation sit between letters in Western text too
        before = text[index - 1] if index else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        if before.isalpha() or after.isalpha():
            odd += 1
    return odd


def _single_byte(data: bytes) -> tuple[str, str]:
    """Text that is not UTF-8: Western (cp1252, else Latin-1) unless the evidence for another code page
    is strong. Statistical detectors take short Western text with a few accents or a pound sign for
    Central European (`£2,000` became `Ł2,000`); a Western reading of another code page's text shows
    itself by letters that are mostly non-ASCII (Cyrillic, Greek, Arabic) or by symbols glued to
    letters (Polish, Czech, Turkish)."""
    try:
        western, western_encoding = data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined: Latin-1 has them (as controls)
        western, western_encoding = data.decode("latin-1"), "latin-1"
    letters = [char for char in western if char.isalpha()]
    non_ascii_letters = sum(ord(char) > 127 for char in letters)
    high = sum(ord(char) > 127 for char in western)
    oddities = _western_oddities(western)
    foreign = non_ascii_letters > 0.3 * max(1, len(letters)) or (oddities >= 2 and oddities >= 0.2 * high)
    if foreign:
        best = from_bytes(data, cp_isolation=LEGACY_ENCODINGS).best()
        if best is not None and best.encoding:
            return str(best), best.encoding
    return western, western_encoding


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
        text, encoding = _single_byte(data)
    if _binary_share(text) > 0.05:
        return Decoded(None, None, "binary data (many control characters), not a text article")
    return Decoded(text, encoding)
