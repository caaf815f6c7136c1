"""The TIMEX3 value vocabulary: kinds, validity, matching at the gold's precision, and the dates
scorer per kind on a hand-written gold (times, parts of day, durations, weekends, seasons,
ranges, sets)."""
from __future__ import annotations

import pytest

from dossier.errors import GoldError
from dossier.eval import scorers, timex3
from dossier.eval.gold import parse_gold


@pytest.mark.parametrize("value, kind", [
    ("2025-12-02", "date"), ("2025-W49", "date"), ("2025-W49-WE", "date"), ("2025-W49-3", "date"),
    ("2025-12", "date"), ("2025-SU", "date"), ("2025-Q1", "date"), ("2025-H2", "date"), ("2025", "date"),
    ("202X", "date"), ("202", "date"), ("20XX", "date"), ("PRESENT_REF", "date"),
    ("2025-12-02T17:00", "time"), ("2025-12-02T17", "time"), ("2025-12-02T17:00:30", "time"),
    ("2025-12-02TEV", "time"), ("2025-12-02TNI", "time"),
    ("P3Y", "duration"), ("PT5H", "duration"), ("P1Y6M", "duration"), ("PXY", "duration"),
    ("P2DE", "duration"), ("PT30M", "duration"), ("P1DT2H", "duration"),
    ("XXXX-WXX-1", "set"),
    ("2025-12-01/2025-12-05", "range"), ("2025-12-02T09:00/2025-12-02T12:00", "range"),
    ("demain", "other"), ("2025-13", "other"), ("P", "other"),
])
def test_kind_of(value, kind):
    assert timex3.kind_of(value) == kind


def test_kind_of_uses_the_timex3_type_for_sets():
    assert timex3.kind_of("P1W", "set") == "set"
    assert timex3.kind_of(None, "duration") == "duration"


@pytest.mark.parametrize("gold, predicted, expected", [
    # times and parts of the day
    ("2025-12-02T17:00", "2025-12-02T17:00", True),
    ("2025-12-02T17:00", "2025-12-02T18:00", False),
    ("2025-12-02T17:00", "2025-12-02", False),            # coarser: wrong
    ("2025-12-02", "2025-12-02T17:00", True),             # finer: right
    ("2025-12-02T17", "2025-12-02T17:45", True),          # inside the hour
    ("2025-12-02TEV", "2025-12-02TEV", True),
    ("2025-12-02TEV", "2025-12-02T19:30", True),          # a clock time in the evening
    ("2025-12-02TEV", "2025-12-02T09:00", False),
    ("2025-12-02TEV", "2025-12-02TMO", False),
    ("2025-12-02TEV", "2025-12-02", False),               # the day is coarser than its evening
    ("2025-12-02", "2025-12-02TNI", True),
    # durations
    ("P3Y", "P3Y", True), ("P3Y", "P36M", True), ("P1W", "P7D", True), ("P1DE", "P10Y", True),
    ("PT5H", "PT300M", True), ("PT5H", "PT4H", False), ("P3Y", "PXY", False), ("PXY", "PXY", True),
    ("P3Y", "2025", False), ("2025", "P1Y", False),
    # weekends
    ("2025-W49-WE", "2025-W49-WE", True),
    ("2025-W49-WE", "2025-12-06", True),                  # the Saturday of ISO week 49
    ("2025-W49-WE", "2025-12-05", False),                 # its Friday
    ("2025-W49-WE", "2025-W49", False),                   # the week is coarser (what dossier.timex writes)
    ("2025-W49", "2025-W49-WE", True),
    ("2025-12", "2025-W49-WE", True),
    # seasons, quarters
    ("2025-SU", "2025-SU", True), ("2025-SU", "2025-07", True), ("2025-SU", "2025-09-10", False),
    ("2025-07", "2025-SU", False), ("2025-WI", "2025-01-15", True), ("2025-WI", "2024-12-20", True),
    ("2025-Q4", "2025-11", True), ("2025-Q4", "2025-09", False),
    # decades and centuries in both notations
    ("202X", "202", True), ("202", "2024", True), ("20XX", "1999", False), ("19", "1999-03", True),
    # ranges
    ("2025-12-01/2025-12-05", "2025-12-01/2025-12-05", True),
    ("2025-12-01/2025-12-05", "2025-12-01/2025-12-06", False),
    ("2025-12/2026-01", "2025-12-03/2026-01-20", True),
    ("2025-12-01/2025-12-05", "2025-12-01", False),
    ("2025-12-01", "2025-12-01/2025-12-05", False),
    # sets and reference words
    ("XXXX-WXX-1", "XXXX-WXX-1", True), ("XXXX-WXX-1", "XXXX-WXX-2", False),
    ("PRESENT_REF", "PRESENT_REF", True), ("PRESENT_REF", "2025-12-02", False),
])
def test_value_matches_every_kind(gold, predicted, expected):
    assert timex3.value_matches(gold, predicted) is expected


@pytest.mark.parametrize("value, valid", [
    ("2025-12-02T17:00", True), ("2025-12-02TEV", True), ("P3Y", True), ("PT5H", True),
    ("2025-W49-WE", True), ("2025-SU", True), ("2025-12-01/2025-12-05", True), ("XXXX-WXX-1", True),
    ("202X", True), ("2025-12-32", False), ("2025-W60", False), ("2025-12-01/", False),
    ("2025-12-01/P3Y", False), ("P", False), ("mardi", False), ("", False),
])
def test_is_valid(value, valid):
    assert timex3.is_valid(value) is valid


TEXT = ("Le sommet s'est ouvert mardi 2 décembre 2025 à 17 heures. Mardi soir, les délégations ont dîné "
        "ensemble. Elles se retrouveront ce week-end, puis l'été prochain. Les pourparlers ont duré cinq "
        "heures ; le conflit dure depuis trois ans. La trêve courra du 1er au 5 décembre. Chaque lundi, "
        "un point presse est prévu. Le texte sera relu pendant deux jours.")


def _date(expression: str, value: str, context: str | None = None) -> dict:
    return {"expression": expression, "context": context or expression, "value": value}


GOLD_DATES = [
    _date("à 17 heures", "2025-12-02T17:00"),
    _date("Mardi soir", "2025-12-02TEV"),
    _date("ce week-end", "2025-W49-WE"),
    _date("l'été prochain", "2026-SU"),
    _date("cinq heures", "PT5H", "duré cinq heures"),
    _date("trois ans", "P3Y"),
    _date("du 1er au 5 décembre", "2025-12-01/2025-12-05"),
    _date("Chaque lundi", "XXXX-WXX-1"),
]


def _gold(dates: list[dict], **top):
    return parse_gold({"format": "dossier-gold/1", "entities": {},
                       "articles": {"t.txt": {"published": "2025-12-02", "dates": dates}}, **top}, "t.gold.json")


def _at(expression: str, value: str, kind: str = "date", occurrence: int = 0) -> tuple:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(expression, start + 1)
    return (start, start + len(expression), value, kind, expression)


# what a timex component may write for the text: a range as two dates, a weekend as its week
PREDICTED = [
    _at("17 heures", "2025-12-02T17:00", "time"),
    _at("Mardi soir", "2025-12-02T19:00", "time"),
    _at("ce week-end", "2025-W49"),
    _at("l'été prochain", "2026-SU"),
    _at("cinq heures", "PT300M", "duration"),
    _at("trois ans", "P36M", "duration"),
    _at("1er", "2025-12-01"),
    _at("5 décembre", "2025-12-05"),
    _at("Chaque lundi", "XXXX-WXX-1", "set"),
    _at("deux jours", "P2D", "duration"),          # not in the gold
]


def test_dates_scored_per_kind():
    result = scorers.score_date_items(_gold(GOLD_DATES), {"t.txt": PREDICTED}, {"t.txt": TEXT})
    kinds = result["by_kind"]
    assert kinds["time"] == {"n_gold": 2, "found": 2, "recall": 1.0, "value_accuracy": 1.0, "n_pred": 2,
                             "precision": 1.0}
    assert kinds["duration"]["found"] == 2 and kinds["duration"]["value_accuracy"] == 1.0
    assert kinds["duration"]["n_pred"] == 3 and kinds["duration"]["precision"] == pytest.approx(2 / 3, abs=1e-3)
    assert kinds["date"]["found"] == 2 and kinds["date"]["value_accuracy"] == 0.5   # the weekend is coarser
    assert kinds["range"] == {"n_gold": 1, "found": 1, "recall": 1.0, "value_accuracy": 1.0, "n_pred": 1,
                              "precision": 1.0}
    assert kinds["set"]["value_accuracy"] == 1.0
    assert result["recall"] == 1.0 and result["tp"] == 8
    assert result["n_pred"] == 9 and result["precision"] == pytest.approx(8 / 9, abs=1e-3)  # P2D counts
    assert result["value_accuracy"] == pytest.approx(7 / 8, abs=1e-3)
    wrong = [e for e in result["errors"] if e["kind"] == "wrong"]
    assert [(e["gold_value"], e["predicted_value"], e["cause"]) for e in wrong] == [
        ("2025-W49-WE", "2025-W49", "coarser than gold")]


def test_predictions_of_kinds_the_gold_does_not_annotate_cost_no_precision():
    calendar_only = [d for d in GOLD_DATES if timex3.kind_of(d["value"]) == "date"]
    result = scorers.score_date_items(_gold(calendar_only), {"t.txt": PREDICTED}, {"t.txt": TEXT})
    assert result["annotated_kinds"] == ["date"]
    assert result["tp"] == 2 and result["n_pred"] == 4          # the two dates of the range stay extras
    assert result["not_annotated"] == 6                         # times, durations, the set
    assert "precision" not in result["by_kind"]["duration"]
    extras = {e["predicted"]["value"] for e in result["errors"] if e["kind"] == "extra"}
    assert extras == {"2025-12-01", "2025-12-05"}


def test_declared_timex_kinds_override_what_the_values_show():
    calendar_only = [d for d in GOLD_DATES if timex3.kind_of(d["value"]) == "date"]
    gold = _gold(calendar_only, timex_kinds=["date", "duration"])
    result = scorers.score_date_items(gold, {"t.txt": PREDICTED}, {"t.txt": TEXT})
    assert result["not_annotated"] == 3 and result["n_pred"] == 7


@pytest.mark.parametrize("value", ["2025-12-02T17:00", "2025-12-02TEV", "P3Y", "PT5H", "2025-W49-WE",
                                   "2025-SU", "2025-12-01/2025-12-05", "XXXX-WXX-1"])
def test_gold_accepts_the_vocabulary(value):
    gold = _gold([{"expression": "x", "context": "x", "value": value}])
    assert gold.articles["t.txt"]["dates"][0]["value"] == value


@pytest.mark.parametrize("top, needle", [
    ({"timex_kinds": ["date", "hour"]}, "unknown kind 'hour'"),
    ({"timex_kinds": "date"}, "timex_kinds"),
])
def test_gold_rejects_bad_timex_kinds(top, needle):
    with pytest.raises(GoldError, match=needle):
        _gold([], **top)


def test_gold_rejects_values_outside_the_vocabulary():
    with pytest.raises(GoldError, match="not a TIMEX3 value"):
        _gold([{"expression": "x", "context": "x", "value": "2025-12-01/"}])
