"""Scorers on hand-written gold: perfect, empty and partial predictions."""
from __future__ import annotations

import dataclasses

import pytest

from dossier.eval import scorers
from dossier.models import EntityInfo, Mention, Quote, Timex

PER_ARTICLE = {
    "boilerplate": (scorers.score_boilerplate, ("recall", "sentences_kept")),
    "published": (scorers.score_published, ("accuracy",)),
    "persons": (lambda g, p: scorers.score_entities(g, p, "persons"), ("precision", "recall", "f1")),
    "places": (lambda g, p: scorers.score_entities(g, p, "places"), ("precision", "recall", "f1")),
    "organizations": (lambda g, p: scorers.score_entities(g, p, "organizations"), ("precision", "recall", "f1")),
    "dates": (scorers.score_dates, ("precision", "recall", "f1", "value_accuracy")),
    "quotes": (scorers.score_quotes, ("precision", "recall", "f1", "speaker_accuracy")),
    "events": (scorers.score_events, ("precision", "recall", "f1", "type_accuracy", "participants_f1",
                                      "place_accuracy", "date_accuracy")),
    "claims": (scorers.score_claims, ("precision", "recall", "f1", "claimant_accuracy", "stance_accuracy")),
}


@pytest.mark.parametrize("task", list(PER_ARTICLE))
def test_perfect_prediction_scores_one(task, mini_gold, perfect):
    scorer, keys = PER_ARTICLE[task]
    result = scorer(mini_gold, perfect)
    assert {k: result[k] for k in keys} == {k: 1.0 for k in keys}
    assert result.get("n_gold", 1) > 0


@pytest.mark.parametrize("task", [t for t in PER_ARTICLE if t not in ("boilerplate", "published")])
def test_empty_prediction_scores_zero_recall(task, mini_gold, empty):
    scorer, _ = PER_ARTICLE[task]
    result = scorer(mini_gold, empty)
    assert result["recall"] == 0.0 and result["f1"] == 0.0 and result["n_gold"] > 0


def test_empty_prediction_boilerplate_and_published(mini_gold, empty):
    b = scorers.score_boilerplate(mini_gold, empty)
    assert b["recall"] == 0.0 and b["sentences_kept"] == 1.0 and b["n_gold"] == 4
    assert scorers.score_published(mini_gold, empty)["accuracy"] == 0.0


def test_missing_article_counts_as_empty(mini_gold, perfect):
    del perfect["a2.txt"]
    result = scorers.score_entities(mini_gold, perfect, "persons")
    assert result["recall"] == 0.5 and result["precision"] == 1.0
    missed = [(e["article"], e["gold"]["id"]) for e in result["errors"] if e["kind"] == "missed"]
    assert ("a2.txt", "donald_trump") in missed


def test_boilerplate_removing_body_costs_sentences(mini_gold, perfect, mini_texts):
    text = mini_texts["a1.txt"]
    start = text.index("Selon un diplomate")
    perfect["a1.txt"].boilerplate.append((start, start + 10))
    result = scorers.score_boilerplate(mini_gold, perfect)
    assert result["recall"] == 1.0 and 0 < result["sentences_kept"] < 1.0


def test_boilerplate_partly_removed_line_is_not_removed(mini_gold, perfect):
    s, e = perfect["a2.txt"].boilerplate[0]
    perfect["a2.txt"].boilerplate[0] = (s, e - 3)
    assert scorers.score_boilerplate(mini_gold, perfect)["recall"] == 0.75


@pytest.mark.parametrize("predicted, correct", [("2025-11-17", 2), ("2025-11", 1), (None, 1)])
def test_published_accuracy_at_gold_precision(mini_gold, perfect, predicted, correct):
    perfect["a1.txt"].article.published = predicted
    assert scorers.score_published(mini_gold, perfect)["accuracy"] == correct / 2


def test_entities_matched_by_alias_and_qid(mini_gold, perfect):
    rec = perfect["a1.txt"]
    rec.mentions = [m for m in rec.mentions if m.entity_type != "person"]
    rec.entities = {k: v for k, v in rec.entities.items() if v.type != "person"}
    rec.mentions += [
        Mention(0, 7, "Poutine", "PER", "local:poutine", "Poutine", "person"),           # alias
        Mention(0, 9, "Zelensky", "PER", "zelensky_kb", "Zelensky", "person"),           # QID
        Mention(0, 7, "diplomate", "PER", "local:un diplomate europeen", "x", "person"),  # alias of the local id
        Mention(0, 5, "Macron", "PER", "emmanuel_macron", "Emmanuel Macron", "person"),  # not in gold
    ]
    rec.entities["zelensky_kb"] = EntityInfo("zelensky_kb", "V. Z.", "person", wikidata="Q3881980")
    result = scorers.score_entities(mini_gold, {"a1.txt": rec}, "persons")
    assert result["tp"] == 3 and result["n_pred"] == 4
    assert result["precision"] == 0.75


def test_duplicate_canonical_entities_cost_precision(mini_gold, perfect):
    rec = perfect["a2.txt"]
    rec.mentions.append(Mention(0, 5, "Trump", "PER", "local:trump", "Trump", "person"))
    result = scorers.score_entities(mini_gold, perfect, "persons")
    assert result["recall"] == 1.0 and result["precision"] == pytest.approx(6 / 7, abs=1e-3)


def test_groups_count_as_organizations(mini_gold, perfect):
    rec = perfect["a2.txt"]
    for m in rec.mentions:
        if m.entity_id == "russian_government":
            m.entity_type = "group"
    assert scorers.score_entities(mini_gold, perfect, "organizations")["recall"] == 1.0


@pytest.mark.parametrize("value, found, value_ok", [
    ("2026-03", 4, 4),
    ("2026-03-01", 4, 4),   # finer than the gold month: right
    ("2026", 4, 3),         # coarser than the gold month: wrong
])
def test_dates_value_at_precision(mini_gold, perfect, value, found, value_ok):
    t = perfect["a1.txt"].timexes[1]
    perfect["a1.txt"].timexes[1] = dataclasses.replace(t, value=value)
    result = scorers.score_dates(mini_gold, perfect)
    assert result["tp"] == found and result["value_accuracy"] == value_ok / 4


def test_dates_overlap_and_spurious(mini_gold, perfect, mini_texts):
    text = mini_texts["a1.txt"]
    s = text.index("mars 2026")
    perfect["a1.txt"].timexes[1] = Timex(s, s + 9, "mars 2026", "date", "2026-03")  # partial overlap
    perfect["a1.txt"].timexes.append(Timex(0, 7, "Accueil", "date", "2025"))       # spurious
    result = scorers.score_dates(mini_gold, perfect)
    assert result["recall"] == 1.0 and result["precision"] == 0.8


def test_quotes_opening_words_and_speakers(mini_gold, perfect):
    q0 = perfect["a1.txt"].quotes[0]
    perfect["a1.txt"].quotes[0] = dataclasses.replace(q0, text="« Nous avons  beaucoup avancé »", speaker_id=None,
                                                      speaker_name="M. Poutine")
    q1 = perfect["a1.txt"].quotes[1]
    perfect["a1.txt"].quotes[1] = dataclasses.replace(q1, speaker_id=None, anonymous=True)
    q2 = perfect["a2.txt"].quotes[0]
    perfect["a2.txt"].quotes[0] = dataclasses.replace(q2, speaker_id="vladimir_putin")
    result = scorers.score_quotes(mini_gold, perfect)
    assert result["recall"] == 1.0 and result["speaker_accuracy"] == 0.75


@pytest.mark.parametrize("gold, predicted, found", [
    ("les combats se poursuivent à Lipovka", "Selon eux, « les combats se poursuivent à Lipovka ».", True),
    ("les combats se poursuivent à Lipovka", "les combats se poursuivent", True),   # an opening of the gold
    ("les combats se poursuivent à Lipovka", "les combats", False),                # too short
    ("très utile", "très utile", True),
    ("les combats se poursuivent à Lipovka", "se poursuivent à Lipovka", False),
])
def test_quote_found(gold, predicted, found):
    assert scorers.quote_found(gold, predicted) is found


def test_quote_not_found_when_opening_differs(mini_gold, perfect):
    q = perfect["a2.txt"].quotes[1]
    perfect["a2.txt"].quotes[1] = dataclasses.replace(q, text="les combats ont cessé")
    assert scorers.score_quotes(mini_gold, perfect)["recall"] == 0.75


def test_quote_matching_is_one_to_one(mini_gold, perfect):
    extra = Quote(0, 3, "très utile", "direct", "donald_trump", None)
    perfect["a2.txt"].quotes.append(extra)
    result = scorers.score_quotes(mini_gold, perfect)
    assert result["recall"] == 1.0 and result["precision"] == 0.8


def test_events_partial(mini_gold, perfect):
    ev = perfect["a2.txt"].events[1]
    perfect["a2.txt"].events[1] = dataclasses.replace(ev, plover="CONSULT", place_id=None, date="2025")
    perfect["a1.txt"].events.pop()
    result = scorers.score_events(mini_gold, perfect)
    assert result["recall"] == 0.75 and result["precision"] == 1.0
    assert result["type_accuracy"] == pytest.approx(2 / 3, abs=1e-3)
    assert result["place_accuracy"] == pytest.approx(2 / 3, abs=1e-3)
    assert result["date_accuracy"] == pytest.approx(2 / 3, abs=1e-3)
    assert result["participants_f1"] == 1.0


def test_claims_partial(mini_gold, perfect):
    c = perfect["a1.txt"].claims[1]
    perfect["a1.txt"].claims[1] = dataclasses.replace(c, stance="asserts", claimant_id=None,
                                                      claimant_name="l'armée ukrainienne")
    result = scorers.score_claims(mini_gold, perfect)
    assert result["recall"] == 1.0 and result["claimant_accuracy"] == 1.0
    assert result["stance_accuracy"] == pytest.approx(2 / 3, abs=1e-3)


def test_same_events(mini_gold, perfect_storylines):
    assert scorers.score_same_events(mini_gold, perfect_storylines)["recall"] == 1.0
    assert scorers.score_same_events(mini_gold, perfect_storylines)["pairwise"]["f1"] == 1.0
    wrong_date = [{"sources": [("a1.txt", 0), ("a2.txt", 0)], "date": "2025-11-20"}]
    assert scorers.score_same_events(mini_gold, wrong_date)["recall"] == 0.0
    right_date = [{"sources": [("a1.txt", 0), ("a2.txt", 0)], "date": "2025-11-17T10:00"}]
    assert scorers.score_same_events(mini_gold, right_date)["recall"] == 1.0
    single = [type(perfect_storylines[0])([("a1.txt", 0), ("a1.txt", 1)])]
    result = scorers.score_same_events(mini_gold, single)
    assert result["recall"] == 0.0 and result["pairwise"]["recall"] == 0.0


@pytest.mark.parametrize("predicted, recall", [
    ([{"articles": ["a1.txt", "a2.txt"], "entity_id": "lipovka"}], 1.0),
    ([{"claims": [("a1.txt", 0), ("a2.txt", 0)], "proposition": "CONTROLS(russian_armed_forces,lipovka)"}], 1.0),
    ([{"articles": ["a1.txt"], "entity_id": "lipovka"}], 0.0),                        # other articles
    ([{"articles": ["a1.txt", "a2.txt"], "entity_id": "geneva"}], 0.0),               # no shared entity
    ([], 0.0),
])
def test_conflicts(mini_gold, predicted, recall):
    result = scorers.score_conflicts(mini_gold, predicted)
    assert result["recall"] == recall and result["f1"] == recall and result["n_gold"] == 1


def test_bare_ner_baseline(mini_gold):
    texts = {"a1.txt": [("Poutine", "PER"), ("Genève", "LOC"), ("Zelensky", "PER"), ("Lundi", "PER")],
             "a2.txt": []}
    result = scorers.score_bare_entities(mini_gold, texts)
    assert result["persons"]["tp"] == 1 + 0 or result["persons"]["tp"] == 2
    assert result["persons"]["n_pred"] == 3 and result["persons"]["n_gold"] == 6
    assert result["places"]["tp"] == 1 and result["organizations"]["n_pred"] == 0
