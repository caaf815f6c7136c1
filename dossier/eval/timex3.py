"""TIMEX3 values in gold files and predictions: their kind, their validity, and whether a
predicted value is right at the gold's precision.

The vocabulary (ISO 8601 as TimeML's TIMEX3 uses it):

======== ============================================ ========================================
kind     values                                        examples
======== ============================================ ========================================
date     day, ISO week (and a day of it), weekend,     ``2025-12-02``, ``2025-W49``,
         month, season, quarter, half year, year,      ``2025-W49-WE``, ``2025-12``, ``2025-SU``,
         decade, century, reference words              ``2025-Q1``, ``2025-H2``, ``2025``,
                                                       ``202X`` / ``202``, ``20XX``, ``PRESENT_REF``
time     clock time (hour, minute, second), part of    ``2025-12-02T17:00``, ``2025-12-02T17``,
         the day (MO, MI, AF, EV, NI, DT)              ``2025-12-02TEV``
duration ISO 8601 durations, ``X`` for an unknown      ``P3Y``, ``PT5H``, ``P1Y6M``, ``PXY``,
         count (also DE/CE: decades, centuries)        ``P2DE``
set      recurring times                               ``XXXX-WXX-1`` (every Monday), ``P1W``
                                                       with type set
range    two values joined by ``/``                    ``2025-12-01/2025-12-05``
======== ============================================ ========================================

What dossier's timex component (``dossier.timex``) writes maps onto this directly: days, weeks,
months, seasons (winter ``YYYY-WI`` runs from December of the year before), years, decades as
three digits (``202``: the same as ``202X``), clock times ``YYYY-MM-DDTHH:MM``, durations
``P..``/``PT..``, weekday sets ``XXXX-WXX-N``. It writes a range ("du 1er au 5 décembre") as two
date timexes; :func:`dossier.eval.scorers.score_date_items` joins them into one range
prediction when they both lie inside a gold range expression. It writes a weekend as its ISO
week (``2025-W49``), which is coarser than a gold ``2025-W49-WE`` and so counts as wrong.

Matching (:func:`value_matches`): calendar values are intervals with a grain; a prediction
coarser than the gold is wrong, one as fine is right when it is the same interval, a finer one
when it lies inside the gold's interval (a week counts as its Thursday against a month or
coarser, as ISO does; a clock time is inside a part of the day when its hour is). Ranges match
end by end; durations match when they denote the same length (``P1W`` = ``P7D``, ``P1DE`` =
``P10Y``); sets and reference words match exactly.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

KINDS = ("date", "time", "duration", "set", "range")
REFERENCES = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")

# grains, finest first
_GRAINS = ("second", "minute", "hour", "part_of_day", "day", "weekend", "week", "month", "season",
           "half", "year", "decade", "century")
GRAIN = {name: i for i, name in enumerate(_GRAINS)}
_TIME_GRAINS = {"second", "minute", "hour", "part_of_day"}
_SEASON_MONTHS = {"SP": (3, 6), "SU": (6, 9), "FA": (9, 12)}  # WI: December of the year before to March
# hours [start, end) of a part of the day; the night spans midnight (hours of the same date)
PARTS_OF_DAY = {"MO": set(range(5, 12)), "MI": {11, 12, 13}, "AF": set(range(12, 18)),
                "EV": set(range(18, 24)), "NI": set(range(21, 24)) | set(range(0, 6)),
                "DT": set(range(6, 18))}


@dataclass(frozen=True)
class Calendar:
    """A calendar value: the interval [start, end) it denotes and its grain."""

    grain: str
    start: dt.datetime
    end: dt.datetime
    hours: frozenset[int] | None = None  # a part of the day: its hours


_TIME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})T(?:(\d{2})(?::(\d{2})(?::(\d{2}))?)?|(MO|MI|AF|EV|NI|DT))"
                   r"(?:Z|[+-]\d{2}(?::?\d{2})?)?$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(?:-(\d|WE))?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_QUARTER = re.compile(r"^(\d{4})-(Q[1-4]|H[12])$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})X?$")
_CENTURY = re.compile(r"^(\d{2})(?:XX)?$")
_DURATION = re.compile(r"^P(?=[\dX.T])((?:(?:\d+(?:\.\d+)?|X)(?:Y|M|W|D|DE|CE|ML|Q))*)"
                       r"(?:T((?:(?:\d+(?:\.\d+)?|X)[HMS])+))?$")
_DURATION_PART = re.compile(r"(\d+(?:\.\d+)?|X)(DE|CE|ML|Y|M|W|D|Q|H|S)")
_SET = re.compile(r"^X{4}(?:-[\dWXQHSPUFAIEWT:-]+)?$")


def _day(y: int, m: int, d: int) -> dt.datetime:
    return dt.datetime(y, m, d)


def _month_start(y: int, m: int) -> dt.datetime:
    y, m = y + (m - 1) // 12, (m - 1) % 12 + 1
    return dt.datetime(y, m, 1)


def parse_calendar(value: str) -> Calendar | None:
    """The interval a date or time value denotes; None when it is not a calendar value."""
    value = value.strip()
    try:
        if m := _TIME.match(value):
            day = _day(int(m[1]), int(m[2]), int(m[3]))
            if m[7]:
                return Calendar("part_of_day", day, day + dt.timedelta(days=1), frozenset(PARTS_OF_DAY[m[7]]))
            h = int(m[4])
            if m[6] is not None:
                start = day.replace(hour=h, minute=int(m[5]), second=int(m[6]))
                return Calendar("second", start, start + dt.timedelta(seconds=1))
            if m[5] is not None:
                start = day.replace(hour=h, minute=int(m[5]))
                return Calendar("minute", start, start + dt.timedelta(minutes=1))
            start = day.replace(hour=h)
            return Calendar("hour", start, start + dt.timedelta(hours=1))
        if m := _DAY.match(value):
            day = _day(int(m[1]), int(m[2]), int(m[3]))
            return Calendar("day", day, day + dt.timedelta(days=1))
        if m := _WEEK.match(value):
            monday = dt.datetime.combine(dt.date.fromisocalendar(int(m[1]), int(m[2]), 1), dt.time())
            if m[3] == "WE":
                return Calendar("weekend", monday + dt.timedelta(days=5), monday + dt.timedelta(days=7))
            if m[3]:
                day = monday + dt.timedelta(days=int(m[3]) - 1)
                return Calendar("day", day, day + dt.timedelta(days=1))
            return Calendar("week", monday, monday + dt.timedelta(days=7))
        if m := _MONTH.match(value):
            y, mo = int(m[1]), int(m[2])
            if not 1 <= mo <= 12:
                return None
            return Calendar("month", _month_start(y, mo), _month_start(y, mo + 1))
        if m := _SEASON.match(value):
            y = int(m[1])
            if m[2] == "WI":
                return Calendar("season", dt.datetime(y - 1, 12, 1), dt.datetime(y, 3, 1))
            first, end = _SEASON_MONTHS[m[2]]
            return Calendar("season", dt.datetime(y, first, 1), _month_start(y, end))
        if m := _QUARTER.match(value):
            y, n = int(m[1]), int(m[2][1])
            months = 3 if m[2][0] == "Q" else 6
            return Calendar("season" if months == 3 else "half", _month_start(y, 1 + months * (n - 1)),
                            _month_start(y, 1 + months * n))
        if m := _YEAR.match(value):
            y = int(m[1])
            return Calendar("year", dt.datetime(y, 1, 1), dt.datetime(y + 1, 1, 1))
        if m := _DECADE.match(value):
            y = int(m[1]) * 10
            return Calendar("decade", dt.datetime(max(y, 1), 1, 1), dt.datetime(y + 10, 1, 1))
        if m := _CENTURY.match(value):
            y = int(m[1]) * 100
            return Calendar("century", dt.datetime(max(y, 1), 1, 1), dt.datetime(y + 100, 1, 1))
    except ValueError:  # impossible calendar values (2025-02-30, week 60)
        return None
    return None


def duration_length(value: str) -> tuple[float | None, float | None] | None:
    """(months, seconds) of an ISO duration; a part is None when its count is ``X``."""
    m = _DURATION.match(value.strip())
    if not m or not (m[1] or m[2]):
        return None
    months: float | None = 0.0
    seconds: float | None = 0.0
    factor = {"Y": ("m", 12), "M": ("m", 1), "Q": ("m", 3), "DE": ("m", 120), "CE": ("m", 1200),
              "ML": ("m", 12000), "W": ("s", 7 * 86400), "D": ("s", 86400)}
    for part, is_time in ((m[1] or "", False), (m[2] or "", True)):
        for count, unit in _DURATION_PART.findall(part):
            if is_time:
                where, k = "s", {"H": 3600, "M": 60, "S": 1}[unit]
            else:
                where, k = factor[unit]
            n = None if count == "X" else float(count) * k
            if where == "m":
                months = None if n is None or months is None else months + n
            else:
                seconds = None if n is None or seconds is None else seconds + n
    return months, seconds


def kind_of(value: str | None, timex_type: str | None = None) -> str:
    """The kind of a value (``date``, ``time``, ``duration``, ``set``, ``range``), or ``other``.
    ``timex_type`` (a TIMEX3 type given beside the value) decides for sets."""
    if not value:
        return (timex_type or "other") if timex_type in KINDS else "other"
    value = value.strip()
    if "/" in value:
        return "range"
    if timex_type == "set" or _SET.match(value):
        return "set"
    if value.startswith("P") and duration_length(value) is not None:
        return "duration"
    if value in REFERENCES:
        return "date"
    cal = parse_calendar(value)
    if cal is None:
        return "other"
    return "time" if cal.grain in _TIME_GRAINS else "date"


def is_valid(value: str) -> bool:
    """A value of the vocabulary above (what a gold file may hold)."""
    if not isinstance(value, str) or not value.strip():
        return False
    value = value.strip()
    if "/" in value:
        parts = value.split("/")
        return len(parts) == 2 and all(is_valid(p) and kind_of(p) in ("date", "time") for p in parts)
    return kind_of(value) != "other"


def _calendar_matches(g: Calendar, p: Calendar) -> bool:
    if GRAIN[p.grain] > GRAIN[g.grain]:
        return False  # coarser than the gold
    if GRAIN[p.grain] == GRAIN[g.grain]:
        return (p.start, p.end, p.hours) == (g.start, g.end, g.hours)
    if g.hours is not None:  # a part of the day: a finer time on that date at one of its hours
        return g.start <= p.start < g.end and p.start.hour in g.hours
    start, end = p.start, p.end
    if p.grain in ("week", "weekend") and GRAIN[g.grain] > GRAIN["week"]:
        pivot = 3 if p.grain == "week" else 0  # a week counts as its Thursday, a weekend as Saturday
        start = p.start + dt.timedelta(days=pivot)
        end = start + dt.timedelta(days=1)
    return g.start <= start and end <= g.end


def value_matches(gold: str | None, predicted: str | None) -> bool:
    """The predicted value is right at the gold's precision (see the module docstring).
    ``None`` matches only ``None``."""
    if gold is None or predicted is None:
        return gold is None and predicted is None
    gold, predicted = gold.strip(), predicted.strip()
    gk, pk = kind_of(gold), kind_of(predicted)
    if gk == "range" or pk == "range":
        if gk != pk:
            return False
        return all(value_matches(g, p) for g, p in zip(gold.split("/"), predicted.split("/")))
    if gk == "duration" or pk == "duration":
        if gk != pk:
            return False
        g_len, p_len = duration_length(gold), duration_length(predicted)
        return g_len == p_len if None not in (g_len[0], g_len[1]) else gold == predicted
    g, p = parse_calendar(gold), parse_calendar(predicted)
    if g is None or p is None:
        return gold.upper() == predicted.upper()
    return _calendar_matches(g, p)


def coarser(gold: str | None, predicted: str | None) -> bool:
    """The predicted calendar value is coarser than the gold's (a frequent cause of a wrong value)."""
    if not gold or not predicted:
        return False
    g, p = parse_calendar(gold), parse_calendar(predicted)
    return bool(g and p and GRAIN[p.grain] > GRAIN[g.grain] and p.start <= g.start and g.end <= p.end)


__all__ = ["KINDS", "kind_of", "is_valid", "value_matches", "parse_calendar", "duration_length", "coarser"]
