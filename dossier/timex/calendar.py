"""Date arithmetic and ISO 8601 formatting at a precision (day, week, month, season, year, decade)."""

from __future__ import annotations

import calendar as _cal
import re
from dataclasses import dataclass
from datetime import date, timedelta

from dossier.timex.lexicon import SEASON_START

# finest -> coarsest; "time" is finer than a day
ORDER = ("time", "day", "week", "month", "season", "year", "decade", "unknown")
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def coarser(a: str, b: str) -> str:
    return a if ORDER.index(a) >= ORDER.index(b) else b


@dataclass(frozen=True)
class Anchor:
    """The date expressions are resolved against, with how precisely it is known."""

    day: date  # a representative day (the middle of the month/year when only that is known)
    precision: str  # day | month | year
    iso: str

    @classmethod
    def parse(cls, value: str | None) -> Anchor | None:
        if not value:
            return None
        m = _ISO.match(value.strip())
        if not m:
            return None
        y, mo, d = m.group(1), m.group(2), m.group(3)
        try:
            if d:
                return cls(date(int(y), int(mo), int(d)), "day", f"{y}-{mo}-{d}")
            if mo:
                return cls(date(int(y), int(mo), 15), "month", f"{y}-{mo}")
            return cls(date(int(y), 7, 1), "year", y)
        except ValueError:
            return None


def days_around(month: int, day: int, around: date, weekday: int | None = None) -> list[date]:
    """The dates of ``day`` ``month`` in the year before, the year of and the year after
    ``around`` that exist (no 29 February outside leap years), on ``weekday`` (0 = Monday) when
    given: the readings of a date written without its year."""
    out = []
    for y in (around.year - 1, around.year, around.year + 1):
        try:
            d = date(y, month, day)
        except ValueError:
            continue
        if weekday is None or d.weekday() == weekday:
            out.append(d)
    return out


def add_months(d: date, n: int) -> date:
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    return date(y, m, min(d.day, _cal.monthrange(y, m)[1]))


def add_years(d: date, n: float) -> date:
    whole = int(n)
    months = round((n - whole) * 12)
    return add_months(d, whole * 12 + months)


def shift(d: date, unit: str, n: float) -> date | None:
    """Move ``d`` by ``n`` units (D, W, QD (fortnight), M, Y, DE, CE); None outside the calendar."""
    try:
        return _shift(d, unit, n)
    except (ValueError, OverflowError):
        return None


def _shift(d: date, unit: str, n: float) -> date:
    if unit == "D":
        return d + timedelta(days=round(n))
    if unit == "W":
        return d + timedelta(days=round(7 * n))
    if unit == "QD":
        return d + timedelta(days=round(14 * n))
    if unit == "M":
        whole = int(n)
        return add_months(d, whole) + timedelta(days=round((n - whole) * 30))
    if unit == "Y":
        return add_years(d, n)
    if unit == "DE":
        return add_years(d, 10 * n)
    if unit == "CE":
        return add_years(d, 100 * n)
    return d


def season_of(d: date) -> tuple[int, str]:
    """(year, code) of the meteorological season containing d; December belongs to next year's winter."""
    m = d.month
    if m in (3, 4, 5):
        return d.year, "SP"
    if m in (6, 7, 8):
        return d.year, "SU"
    if m in (9, 10, 11):
        return d.year, "FA"
    return (d.year + 1 if m == 12 else d.year), "WI"


def season_start(year: int, code: str) -> date:
    return date(year - 1, 12, 1) if code == "WI" else date(year, SEASON_START[code], 1)


def fmt(d: date, precision: str) -> str:
    """ISO 8601 (TIMEX3 flavour) value of ``d`` at ``precision``."""
    if precision in ("day", "time"):
        return d.isoformat()
    if precision == "week":
        y, w, _ = d.isocalendar()
        return f"{y}-W{w:02d}"
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if precision == "season":
        y, code = season_of(d)
        return f"{y:04d}-{code}"
    if precision == "year":
        return f"{d.year:04d}"
    if precision == "decade":
        return f"{d.year // 10:03d}"
    return d.isoformat()


def iso_week_monday(year: int, week: int) -> date:
    return date.fromisocalendar(year, week, 1)


def value_to_date(value: str) -> tuple[date, str] | None:
    """Parse a value written by :func:`fmt` back to (first day, precision)."""
    if not value:
        return None
    m = re.match(r"^(\d{4})-W(\d{2})", value)
    if m:
        try:
            return iso_week_monday(int(m.group(1)), int(m.group(2))), "week"
        except ValueError:
            return None
    m = re.match(r"^(\d{4})-(SP|SU|FA|WI)$", value)
    if m:
        return season_start(int(m.group(1)), m.group(2)), "season"
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3))), "day"
        except ValueError:
            return None
    m = re.match(r"^(\d{4})-(\d{2})$", value)
    if m:
        return date(int(m.group(1)), int(m.group(2)), 1), "month"
    m = re.match(r"^(\d{4})$", value)
    if m:
        return date(int(m.group(1)), 1, 1), "year"
    m = re.match(r"^(\d{3})$", value)
    if m:
        return date(int(m.group(1)) * 10, 1, 1), "decade"
    return None


def same_at(pred: str | None, gold: str) -> bool:
    """Does ``pred`` agree with ``gold`` at the gold's precision (week, month, year...)?"""
    if not pred:
        return False
    p = value_to_date(pred[:10] if "T" in pred else pred)
    g = value_to_date(gold)
    if not p or not g:
        return pred == gold
    if ORDER.index(p[1]) > ORDER.index(g[1]):
        # the prediction is coarser than the gold: only equal values count
        return pred == gold
    return fmt(p[0], g[1]) == gold
