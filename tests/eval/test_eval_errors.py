"""The items behind the numbers (``--errors``): a known miss, extra or wrong attribute shows up in
each task's errors, with the gold item, the predicted one, offsets and the sentence."""
from __future__ import annotations

import dataclasses

import pytest

from dossier.eval import errors as error_items
from dossier.eval import scorers
from dossier.models import Event, Mention, Participant, Quote, Sentence, Timex

PER_ARTICLE = {
    "boilerplate": scorers.score_boilerplate,
    "published": scorers.score_published,
    "persons": lambda g, p: scorers.score_entities(g, p, "persons"),
    "places": lambda g, p: scorers.score_entities(g, p, "places"),
    "organizations": lambda g, p: scorers.score_entities(g, p, "organizations"),
    "dates": scorers.score_dates,
    "quotes": scorers.score_quotes,
    "events": scorers.score_events,
    "claims": scorers.score_claims,
}


def _one(result, **want):
    found = [e for e in result["errors"] if all(e.get(k) == v for k, v in want.items())]
    assert len(found) == 1, (want, result["errors"])
    return found[0]


@pytest.mark.parametrize("task", list(PER_ARTICLE))
def test_perfect_prediction_has_no_errors(task, mini_gold, perfect):
    assert PER_ARTICLE[task](mini_gold, perfect)["errors"] == []


def test_cross_article_perfect_has_no_errors(mini_gold, perfect_storylines, perfect_conflicts):
    assert scorers.score_same_events(mini_gold, perfect_storylines)["errors"] == []
    assert scorers.score_conflicts(mini_gold, perfect_conflicts)["errors"] == []


def test_quote_missed_extra_and_wrong_speaker(mini_gold, perfect, mini_texts):
    rec = perfect["a2.txt"]
    rec.quotes[0] = dataclasses.replace(rec.quotes[0], speaker_id="vladimir_putin", speaker_name="Poutine")
    del rec.quotes[1]
    text = mini_texts["a2.txt"]
    start = text.index("Genève") if "Genève" in text else 0
    rec.quotes.append(Quote(start, start + 6, "Genève", "direct", None, None))
    result = scorers.score_quotes(mini_gold, perfect)

    wrong = _one(result, kind="wrong", attribute="speaker")
    assert wrong["article"] == "a2.txt" and wrong["gold_value"] == "Donald Trump [donald_trump]"
    assert wrong["predicted_value"].startswith("Poutine [vladimir_putin]")
    assert wrong["cause"] == "other person"
    assert "très utile" in wrong["sentence"] and text[wrong["start"]:wrong["end"]] == "très utile"

    missed = _one(result, kind="missed")
    assert missed["gold"]["quote"] == "les combats se poursuivent à Lipovka"
    assert text[missed["start"]:missed["end"]] == missed["gold"]["quote"]
    assert missed["gold"]["speaker"] == "Armed Forces of Ukraine [armed_forces_of_ukraine]"
    assert "les combats se poursuivent à Lipovka" in missed["sentence"]

    extra = _one(result, kind="extra")
    assert extra["predicted"]["text"] == "Genève" and extra["gold"] is None


def test_quote_speaker_causes(mini_gold, perfect):
    rec = perfect["a1.txt"]
    rec.quotes[0] = dataclasses.replace(rec.quotes[0], speaker_id=None)                  # nobody
    rec.quotes[1] = dataclasses.replace(rec.quotes[1], speaker_id="volodymyr_zelensky")  # anonymous gold
    result = scorers.score_quotes(mini_gold, perfect)
    causes = {e["gold"]["quote"][:10]: e["cause"] for e in result["errors"]}
    assert causes == {"Nous avons": "none predicted", "les deux d": "anonymous source given a name"}


def test_date_wrong_value_and_missed(mini_gold, perfect, mini_texts):
    rec = perfect["a1.txt"]
    rec.timexes[1] = dataclasses.replace(rec.timexes[1], value="2026")
    del perfect["a2.txt"].timexes[0]
    result = scorers.score_dates(mini_gold, perfect)
    wrong = _one(result, kind="wrong", attribute="value")
    assert (wrong["gold_value"], wrong["predicted_value"], wrong["cause"]) == ("2026-03", "2026", "coarser than gold")
    assert mini_texts["a1.txt"][wrong["start"]:wrong["end"]] == "en mars 2026"
    missed = _one(result, kind="missed")
    assert missed["article"] == "a2.txt" and missed["gold"]["expression"] == "lundi"


def test_entities_missed_and_extra_with_where_they_are_named(mini_gold, perfect, mini_texts):
    rec = perfect["a2.txt"]
    rec.mentions = [m for m in rec.mentions if m.entity_id != "donald_trump"]
    rec.mentions.append(Mention(3, 9, "Macron", "PER", "emmanuel_macron", "Emmanuel Macron", "person"))
    result = scorers.score_entities(mini_gold, perfect, "persons")
    missed = _one(result, kind="missed")
    assert missed["gold"] == {"id": "donald_trump", "name": "Donald Trump"}
    assert mini_texts["a2.txt"][missed["start"]:missed["end"]] in ("Donald Trump", "Trump")
    extra = _one(result, kind="extra")
    assert extra["predicted"]["id"] == "emmanuel_macron" and (extra["start"], extra["end"]) == (3, 9)


def test_event_attribute_errors(mini_gold, perfect):
    rec = perfect["a2.txt"]
    ev = rec.events[1]
    rec.events[1] = dataclasses.replace(ev, plover="CONSULT", place_id="geneva", place_name="Genève", date="2025",
                                        participants=[Participant("donald_trump", "Trump"),
                                                      Participant("emmanuel_macron", "Macron")])
    result = scorers.score_events(mini_gold, perfect)
    assert {e["attribute"] for e in result["errors"]} == {"type", "participants", "place", "date"}
    assert _one(result, attribute="type")["cause"] == "REQUEST as CONSULT"
    participants = _one(result, attribute="participants")
    assert participants["cause"] == "missing and extra participants"
    assert "Vladimir Putin [vladimir_putin]" in participants["gold_value"]
    assert "Macron [emmanuel_macron]" in participants["predicted_value"]
    assert _one(result, attribute="place")["cause"] == "other place"
    date = _one(result, attribute="date")
    assert (date["gold_value"], date["predicted_value"], date["cause"]) == ("2025-12", "2025", "coarser than gold")


def test_event_missed_and_extra(mini_gold, perfect):
    rec = perfect["a1.txt"]
    del rec.events[1]
    rec.events.append(Event(0, 7, "Accueil", "meeting", "CONSULT"))
    result = scorers.score_events(mini_gold, perfect)
    assert _one(result, kind="missed")["gold"]["plover"] == "ASSAULT"
    assert _one(result, kind="extra")["predicted"]["text"] == "Accueil"


def test_claim_claimant_and_stance(mini_gold, perfect):
    c = perfect["a1.txt"].claims[1]
    perfect["a1.txt"].claims[1] = dataclasses.replace(c, stance="asserts", claimant_id="russian_ministry_of_defence")
    result = scorers.score_claims(mini_gold, perfect)
    claimant = _one(result, attribute="claimant")
    assert claimant["gold_value"] == "Armed Forces of Ukraine [armed_forces_of_ukraine]"
    assert claimant["cause"] == "other organization"
    stance = _one(result, attribute="stance")
    assert (stance["gold_value"], stance["predicted_value"], stance["cause"]) == ("denies", "asserts", "denies as asserts")


def test_boilerplate_and_published(mini_gold, perfect, mini_texts):
    perfect["a2.txt"].boilerplate = []
    perfect["a1.txt"].article.published = "2025-11"
    b = scorers.score_boilerplate(mini_gold, perfect)
    missed = _one(b, kind="missed")
    assert missed["gold"]["line"] == "Abonnez-vous à notre lettre d'information"
    assert mini_texts["a2.txt"][missed["start"]:missed["end"]] == missed["gold"]["line"]
    p = scorers.score_published(mini_gold, perfect)
    wrong = _one(p, kind="wrong")
    assert (wrong["article"], wrong["gold_value"], wrong["predicted_value"], wrong["cause"]) == (
        "a1.txt", "2025-11-17", "2025-11", "coarser than gold")


def test_same_events_missed_says_why(mini_gold):
    split = [{"sources": [("a1.txt", 0)], "date": "2025-11-17"}, {"sources": [("a2.txt", 0)], "date": "2025-11-17"}]
    missed = _one(scorers.score_same_events(mini_gold, split), kind="missed")
    assert missed["cause"] == "dated events in every article, not merged"
    assert missed["gold"]["reported_in"] == ["a1.txt", "a2.txt"]
    wrong_date = [{"sources": [("a1.txt", 0), ("a2.txt", 0)], "date": "2025-11-20"}]
    assert _one(scorers.score_same_events(mini_gold, wrong_date), kind="missed")["cause"] == "articles right, date wrong"
    only_one = [{"sources": [("a1.txt", 0)], "date": "2025-11-17"}]
    assert (_one(scorers.score_same_events(mini_gold, only_one), kind="missed")["cause"]
            == "no event at that date in some of its articles")


def test_same_events_extra_group(mini_gold, perfect_storylines):
    extra = perfect_storylines + [{"sources": [("a1.txt", 1), ("a2.txt", 1)], "date": "2025-12"}]
    result = scorers.score_same_events(mini_gold, extra)
    # the pair (a1, a2) is a gold pair: an extra storyline over it is no pairwise error
    assert result["errors"] == []


def test_conflicts_missed_and_extra(mini_gold):
    predicted = [{"articles": ["a1.txt", "a2.txt"], "entity_id": "geneva", "kind": "relation"},
                 {"articles": ["a1.txt"], "entity_id": "lipovka", "kind": "count"}]
    result = scorers.score_conflicts(mini_gold, predicted)
    missed = _one(result, kind="missed")
    assert missed["cause"] == "same articles, no shared entity" and missed["article"] == error_items.CROSS
    assert "lipovka" in missed["gold"]["entities"]
    assert sorted(e["cause"] for e in result["errors"] if e["kind"] == "extra") == ["count", "relation"]


def test_sentence_from_records_or_text(mini_texts, perfect):
    text = mini_texts["a1.txt"]
    start = text.index("Lipovka")
    assert error_items.sentence_at(text, start, start + 7).startswith("La Défense russe affirme")
    rec = perfect["a1.txt"]
    rec.sentences = [Sentence(0, 10, text[:10]), Sentence(start - 5, start + 20, text[start - 5:start + 20])]
    assert error_items.sentence_at(rec, start, start + 7) == " ".join(text[start - 5:start + 20].split())
    assert error_items.sentence_at(None, 0, 3) is None


def test_collect_groups_by_article_then_task_and_counts(mini_gold, perfect):
    perfect["a1.txt"].timexes.append(Timex(0, 7, "Accueil", "date", "2025"))
    del perfect["a2.txt"].quotes[0]
    tasks = {"dates": scorers.score_dates(mini_gold, perfect), "quotes": scorers.score_quotes(mini_gold, perfect),
             "same_events": scorers.score_same_events(mini_gold, [])}
    section = error_items.collect(tasks, mini_gold.articles)
    assert all("errors" not in r for r in tasks.values())
    assert list(section["articles"]) == ["a1.txt", "a2.txt"]
    assert list(section["articles"]["a1.txt"]) == ["dates"] and list(section["articles"]["a2.txt"]) == ["quotes"]
    assert list(section["cross_article"]) == ["same_events"]
    assert section["counts"] == {"dates": {"extra": 1}, "quotes": {"missed": 1}, "same_events": {"missed": 1}}
    assert section["causes"] == {"same_events": {"missed: no event at that date in some of its articles": 1}}
    text = error_items.format_errors(section)
    assert "== a1.txt" in text and "  -- dates (1)" in text and "== across articles" in text
    assert "extra: text=Accueil; value=2025; kind=date @0-7" in text
    assert "quotes: missed ×1" in text
