"""Held-out evaluation: seven invented wire-style French articles on other negotiations (Gaza,
Armenia-Azerbaijan, Sudan, Iran, India-Pakistan, two Russia-Ukraine stories worded unlike the
seeds), written for this project, with their gold in ``heldout.gold.json`` (dossier-gold/1).

The floors below protect generalisation in CI. They sit a little under the scores measured when
the held-out set was added (after the KB, lexicon, date-inference and quote-cue fixes of that
change):

    task            measured                     floor
    persons         F1 1.000                     0.95
    places          F1 1.000                     0.95
    organizations   F1 0.986                     0.93
    dates           F1 0.891, value acc 1.000    0.85 / 0.95   (precision pays for durations)
    quotes          F1 0.961, speaker acc 0.934  0.92 / 0.88
    published       acc 1.000 (no manifest)      0.85          (one miss of seven allowed)
    boilerplate     recall 1.000, kept 1.000     0.95 / 0.97

Events and claims are annotated only partially (main items), so they get no floor here.
Before the fixes the same gold gave: persons 0.987, places 0.796, organizations 0.667,
dates 0.891 (value acc 0.933), quotes 0.927 (speaker acc 0.877), published 0.857.
Never tune code to these sentences: fix the general lexicon/KB/parse logic and add a new
held-out article when a floor needs raising.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from dossier.eval.gold import load_gold

HERE = Path(__file__).resolve().parent
GOLD = HERE / "heldout.gold.json"
CORPUS = HERE / "corpus"

# (task, figure, floor): figure is a key of the task's report, or "f1"/"recall"/"accuracy"
FLOORS = [
    ("persons", "f1", 0.95),
    ("places", "f1", 0.95),
    ("organizations", "f1", 0.93),
    ("dates", "f1", 0.85),
    ("dates", "value_accuracy", 0.95),
    ("quotes", "f1", 0.92),
    ("quotes", "speaker_accuracy", 0.88),
    ("published", "accuracy", 0.85),
    ("boilerplate", "recall", 0.95),
    ("boilerplate", "sentences_kept", 0.97),
]


def _article_text(key: str) -> str:
    return (CORPUS / key).read_text(encoding="utf-8")


def test_gold_loads_and_covers_every_article():
    gold = load_gold(GOLD)
    files = sorted(p.name for p in CORPUS.glob("*.txt"))
    assert sorted(gold.articles) == files
    assert len(files) >= 6


def _gold_strings():
    raw = json.loads(GOLD.read_text(encoding="utf-8"))
    for key, art in raw["articles"].items():
        yield key, "title", art["title"]
        for line in art["boilerplate"]:
            yield key, "boilerplate", line
        for q in art["quotes"]:
            yield key, "quote", q["quote"]
            yield key, "cue", q["cue"]
        for d in art["dates"]:
            yield key, "date context", d["context"]
        for item in art["events"] + art["claims"]:
            yield key, "evidence", item["evidence"]


@pytest.mark.parametrize("key,kind,string", list(_gold_strings()))
def test_gold_strings_are_in_their_article(key, kind, string):
    assert string in _article_text(key), f"{kind} not in {key}: {string!r}"


@pytest.mark.parametrize("key,entity_id", [
    (key, eid) for key, art in json.loads(GOLD.read_text(encoding="utf-8"))["articles"].items()
    for task in ("persons", "places", "organizations") for eid in art[task]
])
def test_every_listed_entity_is_named_in_its_article(key, entity_id):
    gold = load_gold(GOLD)
    entity = gold.entities[entity_id]
    text = _article_text(key)
    assert any(name in text for name in [entity.name, *entity.aliases]), (key, entity_id)


@pytest.fixture(scope="module")
def report(nlp):
    from dossier.eval.run import run_eval

    return run_eval(GOLD, CORPUS, nlp=nlp)


@pytest.mark.slow
@pytest.mark.parametrize("task,figure,floor", FLOORS)
def test_heldout_floor(report, task, figure, floor):
    scores = report["tasks"][task]
    value = scores.get(figure)
    assert value is not None, f"{task}.{figure} not reported: {scores.get('status')}"
    assert value >= floor, f"held-out {task}.{figure} = {value} < floor {floor}"


@pytest.mark.slow
def test_heldout_reads_every_article(report):
    assert report["meta"]["read"] == report["meta"]["articles"]
    assert not report["meta"]["missing"]
