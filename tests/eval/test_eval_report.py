"""Report table, floors check and the refusal to lower a floor."""
from __future__ import annotations

import json

import pytest

from dossier.eval.report import FloorError, check_floors, format_report, update_floors


def _report(**tasks):
    base = {"persons": {"precision": 0.8, "recall": 0.6, "f1": 0.6857, "n_gold": 10},
            "quotes": {"status": "not implemented"},
            "published": {"accuracy": 0.5, "n_gold": 2, "with_manifest": {"accuracy": 1.0},
                          "without_manifest": {"accuracy": 0.5}}}
    base.update(tasks)
    return {"tasks": base, "baselines": {"entities_bare_ner": {"persons": {"precision": 0.5, "recall": 0.9, "f1": 0.64}}},
            "meta": {"articles": 2, "read": 2, "pipeline_version": "x", "seconds": 1.0}}


def _floors(tmp_path, floors):
    path = tmp_path / "floors.json"
    path.write_text(json.dumps(floors), encoding="utf-8")
    return path


def test_format_report_has_a_row_per_task_and_baselines():
    text = format_report(_report())
    rows = {line.split()[0]: line for line in text.splitlines() if line and line.split()[0] in
            ("persons", "quotes", "published")}
    assert set(rows) == {"persons", "quotes", "published"}
    assert "0.686" in rows["persons"] and "bare NER" in rows["persons"]
    assert "not implemented" in rows["quotes"]
    assert "with_manifest=1.000" in rows["published"]


@pytest.mark.parametrize("floors, failures", [
    ({"persons": {"f1": 0.6}}, []),
    ({"persons": {"f1": 0.7}}, ["persons.f1: 0.686 < floor 0.700"]),
    ({"persons": {"recall": 0.6, "precision": 0.9}}, ["persons.precision: 0.800 < floor 0.900"]),
    ({"published": {"without_manifest.accuracy": 0.6}}, ["published.without_manifest.accuracy: 0.500 < floor 0.600"]),
    ({"quotes": {"f1": 0.9}}, []),                 # not implemented: skipped
    ({"persons": {"missing_metric": 0.1}}, ["persons.missing_metric: no score (floor 0.100)"]),
])
def test_check_floors(tmp_path, floors, failures):
    assert check_floors(_report(), _floors(tmp_path, floors)) == failures


def test_update_floors_raises_and_writes_nothing_when_lowering(tmp_path):
    path = _floors(tmp_path, {"persons": {"f1": 0.9}})
    with pytest.raises(FloorError, match="persons.f1 0.900 -> 0.685"):
        update_floors(_report(), path)
    assert json.loads(path.read_text()) == {"persons": {"f1": 0.9}}


def test_update_floors_lowers_with_flag_and_raises_freely(tmp_path):
    path = _floors(tmp_path, {"persons": {"f1": 0.9}, "quotes": {"f1": 0.4}})
    floors = update_floors(_report(), path, allow_lower=True)
    assert floors["persons"]["f1"] == 0.685
    assert floors["quotes"] == {"f1": 0.4}            # not implemented: floor kept as it was
    assert floors["published"]["with_manifest.accuracy"] == 1.0
    better = _report(persons={"precision": 1.0, "recall": 1.0, "f1": 1.0, "n_gold": 10})
    assert update_floors(better, path)["persons"]["f1"] == 1.0
    assert check_floors(better, path) == []


def test_shipped_floors_file_is_valid():
    from dossier.eval.report import FLOORS_PATH, TRACKED

    floors = json.loads(FLOORS_PATH.read_text(encoding="utf-8"))
    for task, metrics in floors.items():
        assert task in TRACKED
        assert all(0.0 <= v <= 1.0 for v in metrics.values())
