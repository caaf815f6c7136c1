"""Publication dates from metadata strings: ISO 8601 prefix + precision (day | month | year)."""
from __future__ import annotations

import re
import time
from datetime import date
from email.utils import parsedate as parsedate_tuple

from dossier.clean.boilerplate import DATE_VALUE, MONTHS

_ISO_RE = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ]|\s*$)")
_NUMERIC_RE = re.compile(r"^\s*(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")  # day first (European)
_DAY_MONTH_RE = re.compile(r"(\d{1,2})(?:er)?\s+([^\W\d_]+)\.?,?\s+(\d{4})", re.IGNORECASE)
_MONTH_DAY_RE = re.compile(r"([^\W\d_]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})", re.IGNORECASE)
_MONTH_YEAR_RE = re.compile(r"([^\W\d_]+)\.?\s+(\d{4})\b", re.IGNORECASE)


def _valid(y: int, m: int | None = None, d: int | None = None) -> bool:
    try:
        date(y, m or 1, d or 1)
    except ValueError:
        return False
    return 1900 <= y <= 2100


def _iso(y: int, m: int | None = None, d: int | None = None) -> tuple[str, str] | None:
    if not _valid(y, m, d):
        return None
    if d is not None and m is not None:
        return f"{y:04d}-{m:02d}-{d:02d}", "day"
    if m is not None:
        return f"{y:04d}-{m:02d}", "month"
    return f"{y:04d}", "year"


def parse_date(value) -> tuple[str, str] | None:
    """(ISO prefix, precision) for a date string or ``time.struct_time``; None when unreadable."""
    if value is None:
        return None
    if isinstance(value, time.struct_time):
        return _iso(value.tm_year, value.tm_mon, value.tm_mday)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _iso(int(value)) if 1900 <= value <= 2100 else None
    text = str(value).strip()
    if not text:
        return None
    m = _ISO_RE.match(text)
    if m:
        y, mo, d = m.groups()
        return _iso(int(y), int(mo) if mo else None, int(d) if d else None)
    m = _NUMERIC_RE.match(text)
    if m:
        return _iso(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    m = _DAY_MONTH_RE.search(text)
    if m and m.group(2).lower() in MONTHS:
        return _iso(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
    m = _MONTH_DAY_RE.search(text)
    if m and m.group(1).lower() in MONTHS:
        return _iso(int(m.group(3)), MONTHS[m.group(1).lower()], int(m.group(2)))
    parsed = parsedate_tuple(text)  # RFC 822 ("Wed, 12 Feb 2025 10:00:00 GMT")
    if parsed:
        return _iso(parsed[0], parsed[1], parsed[2])
    m = _MONTH_YEAR_RE.search(text)
    if m and m.group(1).lower() in MONTHS:
        return _iso(int(m.group(2)), MONTHS[m.group(1).lower()])
    return None


# furniture kinds that carry an article's own metadata near its top (not captions, credits or
# related-article lists, whose dates belong to other things)
_HEADER_KINDS = frozenset({"header", "byline", "breadcrumb", "dateline", "label"})
_HEADER_CHARS = 800
_DATE_IN_LINE = re.compile(rf"(?<![\w.]){DATE_VALUE}", re.IGNORECASE)


def header_date(original: str, kinds: list[tuple[int, int, str]]) -> tuple[str, str] | None:
    """(ISO, precision) of the first full date on a metadata line of the article's header (a
    byline "Nom | 06.11.2025 - Mise à jour : 06.11.2025", a place/outlet line): the removed
    furniture lines starting in the first characters of the text, captions excepted."""
    for start, end, kind in kinds:
        if start > _HEADER_CHARS:
            break
        if kind not in _HEADER_KINDS:
            continue
        for m in _DATE_IN_LINE.finditer(original[start:end]):
            parsed = parse_date(m.group(0))
            if parsed and parsed[1] == "day":
                return parsed
    return None
