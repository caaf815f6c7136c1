"""run_eval end to end: on the hand-written gold with a blank pipeline (no model), and on the real
seeds with the full pipeline (slow)."""
from __future__ import annotations

import json
import numbers

import pytest
import spacy

from dossier.errors import GoldError
from dossier.eval import TASKS, check_floors, format_report, run_eval
from dossier.eval.run import default_manifest, find_article_files


@pytest.fixture(scope="module")
def blank_nlp():
    nlp = spacy.blank("fr")
    nlp.add_pipe("sentencizer")
    return nlp


def test_blank_pipeline_reports_not_implemented(mini_gold_path, blank_nlp, settings):
    report = run_eval(mini_gold_path, settings=settings, nlp=blank_nlp)
    assert list(report["tasks"]) == list(TASKS)
    for task in ("persons", "places", "organizations", "dates", "quotes", "events", "claims", "same_events"):
        assert report["tasks"][task] == {"status": "not implemented"}
    assert report["meta"]["read"] == 2 and report["meta"]["missing"] == []
    assert report["meta"]["manifest"].endswith("mini.jsonl")
    assert "persons" in report["baselines"]["entities_bare_ner"]
    assert "not implemented" in format_report(report)


def test_finds_files_recursively_and_manifest(mini_gold, mini_gold_path):
    files = find_article_files(mini_gold, mini_gold_path.parent)
    assert sorted(p.name for p in files.values()) == ["a1.txt", "a2.txt"]
    assert default_manifest(mini_gold_path).name == "mini.jsonl"


def test_missing_corpus_is_gold_error(mini_gold_path, tmp_path, blank_nlp):
    with pytest.raises(GoldError, match="none of its 2 articles"):
        run_eval(mini_gold_path, corpus_dir=tmp_path, nlp=blank_nlp)


def test_unreadable_manifest_is_gold_error(mini_gold_path, tmp_path, blank_nlp):
    with pytest.raises(GoldError, match="could be read"):
        run_eval(mini_gold_path, manifest=tmp_path / "absent.jsonl", nlp=blank_nlp)


def _numeric_or_status(result: dict) -> bool:
    if "status" in result:
        return result["status"] in ("not implemented", "not available")
    main = result.get("f1", result.get("recall", result.get("accuracy")))
    return isinstance(main, numbers.Real)


@pytest.mark.slow
def test_seeds_every_task_scored_and_at_floors(gold_file, seeds_dir, nlp):
    report = run_eval(gold_file, corpus_dir=seeds_dir.parent, nlp=nlp)
    assert set(report["tasks"]) == set(TASKS)
    bad = {t: r for t, r in report["tasks"].items() if not _numeric_or_status(r)}
    assert bad == {}
    assert report["meta"]["read"] == report["meta"]["articles"] == 5
    assert check_floors(report) == []


def test_failed_article_predicts_nothing_and_is_named(fake_nlp, oracle_pipeline, mini_gold_path):
    oracle_pipeline["a2.txt"] = ("dossier_quotes", "ValueError: no speaker")
    report = run_eval(mini_gold_path, nlp=fake_nlp, errors=True)
    assert report["meta"]["failed"] == [{"article": "a2.txt", "component": "dossier_quotes",
                                         "error": "ValueError: no speaker"}]
    assert report["meta"]["failed_without_manifest"] == report["meta"]["failed"]
    tasks = report["tasks"]
    assert tasks["persons"]["recall"] == 0.5 and tasks["persons"]["precision"] == 1.0
    assert tasks["quotes"]["recall"] == 0.5 and tasks["same_events"]["recall"] == 0.0
    assert tasks["published"]["with_manifest"]["accuracy"] == 0.5
    # its gold items are listed as missed, with their sentences (the text was read)
    missed = report["errors"]["articles"]["a2.txt"]["quotes"]
    assert {e["kind"] for e in missed} == {"missed"} and all(e["sentence"] for e in missed)
    assert "failed: a2.txt in dossier_quotes: ValueError: no speaker" in format_report(report)
    json.dumps(report)


def test_every_task_scored_with_a_full_set_of_components(fake_nlp, oracle_pipeline, mini_gold_path):
    report = run_eval(mini_gold_path, nlp=fake_nlp)
    for task in TASKS:
        assert "status" not in report["tasks"][task], task
        assert "errors" not in report["tasks"][task]
    assert "errors" not in report and report["meta"]["failed"] == []
    assert report["tasks"]["quotes"]["f1"] == 1.0 and report["tasks"]["same_events"]["recall"] == 1.0
