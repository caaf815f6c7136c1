"""Dates at a precision: formatting, anchors, comparison at the gold's precision."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.timex.calendar import Anchor, fmt, same_at, shift, value_to_date
from dossier.timex.lexicon import parse_number


@pytest.mark.parametrize(
    "day,precision,value",
    [
        (date(2025, 12, 2), "day", "2025-12-02"),
        (date(2025, 12, 2), "week", "2025-W49"),
        (date(2025, 11, 30), "week", "2025-W48"),
        (date(2024, 12, 30), "week", "2025-W01"),
        (date(2025, 12, 2), "month", "2025-12"),
        (date(2025, 12, 2), "season", "2026-WI"),
        (date(2025, 10, 2), "season", "2025-FA"),
        (date(2025, 12, 2), "year", "2025"),
        (date(1994, 5, 1), "decade", "199"),
    ],
)
def test_fmt(day, precision, value):
    assert fmt(day, precision) == value


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2025-12-02", (date(2025, 12, 2), "day")),
        ("2025-12", (date(2025, 12, 15), "month")),
        ("2025", (date(2025, 7, 1), "year")),
        ("n/a", None),
        (None, None),
    ],
)
def test_anchor_parse(value, expected):
    a = Anchor.parse(value)
    assert (a and (a.day, a.precision)) == expected


@pytest.mark.parametrize(
    "pred,gold,ok",
    [
        ("2025-12-02", "2025-12-02", True),
        ("2025-12-02", "2025-W49", True),
        ("2025-12-02", "2025-12", True),
        ("2025-12-02", "2025", True),
        ("2025-12-02T17:00", "2025-12-02", True),
        ("2025-11-30", "2025-W49", False),
        ("2025-12", "2025-12-02", False),  # coarser than the gold: not enough
        ("2022", "2022-02", False),
        ("2022-02", "2022-02", True),
        (None, "2022", False),
        ("2026-WI", "2026-WI", True),
    ],
)
def test_same_at(pred, gold, ok):
    assert same_at(pred, gold) is ok


@pytest.mark.parametrize(
    "unit,n,expected",
    [
        ("D", -3, date(2025, 11, 30)),
        ("W", -2, date(2025, 11, 19)),
        ("M", -1, date(2025, 11, 3)),
        ("Y", -4, date(2021, 12, 3)),
        ("Y", 1, date(2026, 12, 3)),
        ("M", 3, date(2026, 3, 3)),
    ],
)
def test_shift(unit, n, expected):
    assert shift(date(2025, 12, 3), unit, n) == expected


@pytest.mark.parametrize(
    "text,lang,n",
    [
        ("vingt-quatre", "fr", 24),
        ("trente et un", "fr", 31),
        ("quatre-vingt-dix", "fr", 90),
        ("soixante-dix", "fr", 70),
        ("deux cents", "fr", 200),
        ("12", "fr", 12),
        ("une quinzaine de", "fr", 15),
        ("twenty-one", "en", 21),
        ("a few", "en", 3),
        ("beaucoup", "fr", None),
    ],
)
def test_parse_number(text, lang, n):
    assert parse_number(text, lang) == n


def test_value_to_date_round_trip():
    for value in ("2025-12-02", "2025-W48", "2025-10", "2025", "2025-SP", "199"):
        d, precision = value_to_date(value)
        assert fmt(d, precision) == value


@pytest.mark.parametrize("month, day, around, weekday, expected", [
    (3, 18, date(2025, 3, 20), None, [date(2024, 3, 18), date(2025, 3, 18), date(2026, 3, 18)]),
    (2, 29, date(2025, 6, 1), None, [date(2024, 2, 29)]),  # only in a leap year
    (11, 27, date(2025, 1, 1), 2, [date(2024, 11, 27)]),  # the one Wednesday 27 November of 2024-2026
    (11, 27, date(2025, 1, 1), 6, []),
])
def test_days_around(month, day, around, weekday, expected):
    from dossier.timex.calendar import days_around

    assert days_around(month, day, around, weekday) == expected
