"""Bytes -> text: UTF-8 first, then a charset-normalizer guess re-ranked for Western text.

charset-normalizer alone often calls short French cp1252 text "cp1250" (è -> č); we decode with
each plausible candidate and keep the one whose characters look most like French/English.
"""
from __future__ import annotations

import codecs

from dossier.errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_WESTERN = set("àâäáãåçéèêëíìîïñóòôöõúùûüýÿœæÀÂÄÁÃÅÇÉÈÊËÍÌÎÏÑÓÒÔÖÕÚÙÛÜÝŸŒÆ«»’‘“”–—…€°§ßø")
_FALLBACKS = ("cp1252", "latin-1", "iso8859-15", "mac_roman")


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > max(4, len(sample) // 100)


def _utf16_without_bom(data: bytes) -> str | None:
    """Text that is clearly UTF-16 without a byte-order mark (mostly Latin script, so one byte of
    nearly every pair is zero, always on the same side), or None."""
    sample = data[:8192]
    if len(sample) < 16:
        return None
    pairs = len(sample) // 2
    even = sum(1 for b in sample[0::2] if b == 0) / pairs
    odd = sum(1 for b in sample[1::2] if b == 0) / pairs
    for encoding, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros >= 0.7 and other <= 0.02:
            try:
                text = data[: len(data) - len(data) % 2].decode(encoding)
            except UnicodeDecodeError:
                return None
            controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\t\n\r\f")
            return text if controls <= len(text[:4096]) // 100 else None
    return None


def _score(text: str) -> float:
    """Higher = more plausible Western (French/English) text."""
    good = bad = 0
    for ch in text:
        o = ord(ch)
        if o < 128:
            continue
        if ch in _WESTERN:
            good += 1
        elif 0x80 <= o < 0xA0 or ch == "\ufffd":
            bad += 3
        else:
            bad += 1
    return good - 2 * bad


def decode(data: bytes, source: str) -> tuple[str, str]:
    """Return (text, encoding) or raise InputError for binary / undecodable data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                break
    if looks_binary(data):
        text = _utf16_without_bom(data)
        if text is None:
            raise InputError(source, "binary file (not text)")
        return text, "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # mostly UTF-8 with a few broken bytes (a bad scrape): keep UTF-8, mark the bytes with U+FFFD
    lenient = data.decode("utf-8", errors="replace")
    broken = lenient.count("\ufffd")
    multibyte = sum(1 for ch in lenient if ord(ch) > 127) - broken
    if multibyte >= 10 * broken:
        return lenient, "utf-8"
    from charset_normalizer import from_bytes

    candidates: list[str] = [m.encoding for m in from_bytes(data)][:6]
    candidates += [e for e in _FALLBACKS if e not in candidates]
    best: tuple[float, int, str, str] | None = None
    for rank, encoding in enumerate(candidates):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        key = (_score(text), -rank, text, encoding)
        if best is None or key[:2] > best[:2]:
            best = key
    if best is None:
        raise InputError(source, "binary file (not text)")
    return best[2], best[3]
