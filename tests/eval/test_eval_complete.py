"""Precision with partial gold: a gold file (or ``--complete``) says which tasks it annotates
completely; precision and F1 are reported only for those, recall and accuracies always."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from dossier.errors import GoldError
from dossier.eval import format_report, run_eval
from dossier.eval.gold import expand_tasks, parse_gold
from dossier.eval.run import PRECISION_TASKS, apply_completeness, resolve_complete

DATA = Path(__file__).parent / "data"



def _gold_with(tmp_path, **top) -> str:
    data = json.loads((DATA / "mini.gold.json").read_text(encoding="utf-8"))
    data.update(top)
    path = tmp_path / "mini.gold.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def _run(gold_path, nlp, **kw):
    return run_eval(gold_path, corpus_dir=DATA, manifest=DATA / "mini.jsonl", nlp=nlp, **kw)


@pytest.mark.parametrize("names, expected", [
    (["quotes"], ("quotes",)),
    (["entities", "dates"], ("persons", "places", "organizations", "dates")),
    (["Quotes", " claims "], ("quotes", "claims")),
    (["none"], ()),
    ([""], ()),
])
def test_expand_tasks(names, expected):
    assert expand_tasks(names) == expected


def test_expand_all_and_unknown():
    assert set(expand_tasks(["all"])) >= set(PRECISION_TASKS)
    with pytest.raises(ValueError, match="unknown task 'speakers'"):
        expand_tasks(["quotes", "speakers"])


def test_gold_declaration_is_read_and_checked():
    base = {"format": "dossier-gold/1", "articles": {"a.txt": {}}}
    assert parse_gold({**base, "complete": ["entities"]}).complete == ("persons", "places", "organizations")
    assert parse_gold(base).complete is None
    with pytest.raises(GoldError, match="complete: unknown task 'speakers'"):
        parse_gold({**base, "complete": ["speakers"]}, "g.json")


def test_resolve_complete_precedence():
    gold = parse_gold({"format": "dossier-gold/1", "articles": {"a.txt": {}}, "complete": ["quotes"]})
    assert resolve_complete(gold, None) == (("quotes",), "gold file")
    assert resolve_complete(gold, "dates,entities") == (("dates", "persons", "places", "organizations"), "--complete")
    assert resolve_complete(gold, "none") == ((), "--complete")
    undeclared = parse_gold({"format": "dossier-gold/1", "articles": {"a.txt": {}}})
    assert set(resolve_complete(undeclared, None)[0]) >= set(PRECISION_TASKS)
    with pytest.raises(GoldError, match="--complete: unknown task 'speakers'"):
        resolve_complete(gold, "speakers")


def test_apply_completeness_drops_precision_and_f1_only():
    tasks = {"events": {"precision": 0.5, "recall": 0.8, "f1": 0.6, "type_accuracy": 0.7,
                        "errors": [{"kind": "extra"}, {"kind": "missed"}]},
             "same_events": {"recall": 0.5, "pairwise": {"precision": 1.0, "recall": 0.5, "f1": 0.67}},
             "dates": {"precision": 0.9, "recall": 1.0, "f1": 0.95, "by_kind": {"date": {"precision": 0.9, "recall": 1.0}}},
             "quotes": {"precision": 1.0, "recall": 1.0, "f1": 1.0},
             "boilerplate": {"recall": 1.0},
             "claims": {"status": "not implemented"}}
    apply_completeness(tasks, ("quotes",))
    assert tasks["events"] == {"recall": 0.8, "type_accuracy": 0.7, "complete": False,
                               "errors": [{"kind": "extra", "counted": False}, {"kind": "missed"}]}
    assert tasks["same_events"]["pairwise"] == {"recall": 0.5}
    assert tasks["dates"]["by_kind"]["date"] == {"recall": 1.0} and "precision" not in tasks["dates"]
    assert tasks["quotes"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "complete": True}
    assert tasks["boilerplate"] == {"recall": 1.0} and tasks["claims"] == {"status": "not implemented"}


def test_run_reports_precision_only_for_complete_tasks(tmp_path, fake_nlp, oracle_pipeline):
    report = _run(_gold_with(tmp_path, complete=["quotes", "entities"]), fake_nlp)
    tasks = report["tasks"]
    for task in ("quotes", "persons", "places", "organizations"):
        assert tasks[task]["precision"] == 1.0 and tasks[task]["f1"] == 1.0 and tasks[task]["complete"]
    for task in ("dates", "events", "claims", "conflicts"):
        assert "precision" not in tasks[task] and "f1" not in tasks[task], task
        assert "recall" in tasks[task] and tasks[task]["complete"] is False
    assert tasks["dates"]["recall"] == tasks["events"]["recall"] == tasks["claims"]["recall"] == 1.0
    assert "precision" not in tasks["same_events"]["pairwise"]
    assert tasks["events"]["type_accuracy"] == 1.0 and tasks["claims"]["stance_accuracy"] == 1.0
    assert report["meta"]["complete_from"] == "gold file"
    assert report["meta"]["complete"] == ["quotes", "persons", "places", "organizations"]
    row = next(line for line in format_report(report).splitlines() if line.startswith("events"))
    assert row.split()[1:4] == ["n/c", "1.000", "n/c"]


def test_complete_option_overrides_the_gold(tmp_path, fake_nlp, oracle_pipeline):
    report = _run(_gold_with(tmp_path, complete=["quotes"]), fake_nlp, complete="dates")
    assert "precision" in report["tasks"]["dates"] and "precision" not in report["tasks"]["quotes"]
    assert report["meta"]["complete_from"] == "--complete"


def test_undeclared_gold_counts_every_task_complete(fake_nlp, oracle_pipeline):
    report = _run(DATA / "mini.gold.json", fake_nlp)
    for task in PRECISION_TASKS:
        assert report["tasks"][task]["complete"] is True
    assert report["tasks"]["events"]["precision"] == 1.0
    assert report["meta"]["complete_from"] == "not declared: every task"


def test_bad_complete_option_fails_before_running(fake_nlp, monkeypatch):
    def boom(*a, **k):
        raise AssertionError("the pipeline ran")

    monkeypatch.setattr("dossier.pipeline.process_many", boom)
    with pytest.raises(GoldError, match="unknown task 'speakers'"):
        _run(DATA / "mini.gold.json", fake_nlp, complete="quotes,speakers")
