"""Normalisation, date values at the gold's precision, entity matching and alignment."""
from __future__ import annotations

import pytest

from dossier.eval.gold import GoldEntity
from dossier.eval.matching import (
    PredEntity, entity_match, greedy_align, norm, prf, speaker_match, value_matches,
)


@pytest.mark.parametrize("gold, predicted, expected", [
    ("2025-12-02", "2025-12-02", True),
    ("2025-12-02", "2025-12-03", False),
    ("2025-12-02", "2025-12", False),          # coarser than the gold: wrong
    ("2025-12", "2025-12-17", True),           # finer: truncated to the month
    ("2025-12", "2025-11-30", False),
    ("2025", "2025-06", True),
    ("2025", "2024-12-31", False),
    ("2025-W48", "2025-11-26", True),          # a day inside ISO week 48
    ("2025-W48", "2025-12-01", False),
    ("2025-W48", "2025-W48", True),
    ("2025-11", "2025-W48", True),             # week 48's Thursday is in November
    ("2022-02", "2022-02-24T05:00", True),
    ("202X", "2024", True),
    (None, None, True),
    ("2025-12", None, False),
    (None, "2025-12", False),
    ("2025-12", "PRESENT_REF", False),
])
def test_value_matches_at_gold_precision(gold, predicted, expected):
    assert value_matches(gold, predicted) is expected


@pytest.mark.parametrize("a, b", [
    ("« Très  utile »", '"très utile"'),
    ("l’armée ukrainienne", "L'armée ukrainienne"),
    ("Genève", "geneve"),
])
def test_norm_equates(a, b):
    assert norm(a) == norm(b)


PUTIN = GoldEntity("vladimir_putin", "Vladimir Putin", "person", "Q7747", ["Poutine", "le chef du Kremlin"])
ADVISER = GoldEntity("adviser_unnamed", "Unnamed adviser", "person", None, ["un conseiller"], anonymous=True)


@pytest.mark.parametrize("pred, expected", [
    (PredEntity("vladimir_putin"), 3),
    (PredEntity("putin_v", wikidata="Q7747"), 2),
    (PredEntity("local:poutine"), 1),                          # the local id's name is an alias
    (PredEntity("x1", {"Le chef du  Kremlin"}), 1),            # alias, case and spaces ignored
    (PredEntity("x2", {"Vladimir Putin"}), 1),                 # the gold name counts as an alias
    (PredEntity("x4", {"chef du Kremlin"}), 1),                # the alias's leading article ignored
    (PredEntity("x5", {"le chef"}), 0),                        # ... but not the rest of it
    (PredEntity("x3", {"Zelensky"}, wikidata="Q3881980"), 0),
    (PredEntity(None, set()), 0),
])
def test_entity_match(pred, expected):
    assert entity_match(PUTIN, pred) == expected


@pytest.mark.parametrize("gold, pred, expected", [
    (ADVISER, PredEntity(None, anonymous=True), True),
    (ADVISER, PredEntity(None), False),
    (PUTIN, PredEntity(None, anonymous=True), False),
    (None, PredEntity(None), True),
    (None, PredEntity("vladimir_putin", {"Poutine"}), False),
    (None, PredEntity(None, {"un responsable"}, anonymous=True), True),   # no identifiable source either way
    (None, PredEntity(None, {"les discussions"}), False),                  # words taken as a source
    (None, PredEntity("local:x", {"X"}, anonymous=True), False),
])
def test_speaker_match(gold, pred, expected):
    assert speaker_match(gold, pred) is expected


def test_greedy_align_is_one_to_one_best_first():
    scores = {(0, 0): 1, (0, 1): 5, (1, 1): 4, (1, 0): 2}
    assert greedy_align(2, 2, lambda g, p: scores.get((g, p), 0)) == [(0, 1), (1, 0)]


@pytest.mark.parametrize("tp, n_pred, n_gold, expected", [
    (2, 2, 2, (1.0, 1.0, 1.0)),
    (0, 0, 3, (0.0, 0.0, 0.0)),
    (1, 2, 4, (0.5, 0.25, 0.3333)),
    (0, 0, 0, (None, None, None)),
])
def test_prf(tp, n_pred, n_gold, expected):
    r = prf(tp, n_pred, n_gold)
    assert (r["precision"], r["recall"], r["f1"]) == expected


def test_gold_strings_are_found_across_other_white_space():
    from dossier.eval.matching import find_all, locate_in_context

    text = "Le ministre a parlé d'un accord\nsolide et durable. Un accord solide."
    wrapped = text.index("accord\nsolide")
    assert find_all(text, "accord solide") == [(text.index("accord solide"), text.index("accord solide") + 13)]
    assert find_all(text, "Accord solide") == []  # case still counts
    assert find_all(text, "d'un accord solide et") == [(wrapped - 5, wrapped + 16)]
    assert locate_in_context(text, "accord solide", "parlé d'un accord solide et durable") == [(wrapped, wrapped + 13)]
