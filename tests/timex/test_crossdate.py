"""Publication dates from other reports of the same event (dossier.timex.crossdate, .hints).

Hand-written articles: one names a meeting "mardi" and gives no date; another reports the same
meeting with its date."""
from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from dossier.models import Article, ArticleRecords, Event, Participant, Timex
from dossier.timex.crossdate import date_hints, open_to_hints, redate
from dossier.timex.hints import expression_info, named_day, pinned_by_hints

TODAY = date(2026, 1, 1)
TERMS = [(date(2020, 7, 16), None)]  # the period a text may have been written in


@pytest.mark.parametrize("words, info", [
    ("jeudi", {"weekday": 3}),
    ("le 13 mars", {"month": 3, "day": 13}),
    ("mardi 12 mars", {"month": 3, "day": 12, "weekday": 1}),
    ("13 mars 2025", {"value": "2025-03-13"}),
    ("dans la nuit", {}),
])
def test_what_an_expression_says_of_its_day(words, info):
    assert expression_info(words) == info


@pytest.mark.parametrize("own, hint, day", [
    ({"weekday": 1}, {"value": "2025-03-04"}, date(2025, 3, 4)),  # "mardi", dated elsewhere a Tuesday
    ({"weekday": 1}, {"value": "2025-03-05"}, None),  # dated elsewhere a Wednesday: they disagree
    ({}, {"value": "2025-03-18"}, date(2025, 3, 18)),  # "dans la nuit": the day the other gives
    ({"weekday": 3}, {"month": 3, "day": 13}, date(2025, 3, 13)),  # a Thursday 13 March inside the terms
    ({"month": 3, "day": 13}, {"weekday": 3}, date(2025, 3, 13)),
    ({"month": 3, "day": 13}, {"weekday": 4}, None),  # no Friday 13 March inside the terms
    ({"weekday": 3}, {"weekday": 3}, None),  # a weekday alone falls in every week
    ({"month": 3, "day": 13}, {"month": 3, "day": 14, "weekday": 4}, None),
])
def test_the_day_an_expression_names(own, hint, day):
    assert named_day(own, hint, TERMS, TODAY) == day


def _records(key, published, precision, basis, timexes, events):
    article = Article(raw_text="x", source=key, published=published, published_precision=precision,
                      published_basis=basis)
    return ArticleRecords(article=article, clean_text="x", boilerplate=[], timexes=timexes, events=events)


def _meeting(date_value, precision, sentence=0):
    return Event(start=0, end=40, text="rencontre", type="meeting", plover="CONSULT",
                 participants=[Participant(entity_id="sergey_lavrov", name="Sergueï Lavrov")],
                 date=date_value, date_precision=precision, sentence=sentence)


def test_hints_come_from_known_days_and_never_reach_a_given_date():
    weekday = Timex(start=10, end=15, text="mardi", type="date", value=None, sentence=0)
    records = {
        "a": _records("a", None, "unknown", "unknown", [weekday], [_meeting(None, None)]),
        "b": _records("b", "2025-03-05", "day", "metadata", [], [_meeting("2025-03-04", "day")]),
        "c": _records("c", "2025-03-05", "day", "manifest", [weekday], [_meeting("2025-03-04", "day")]),
    }
    story = SimpleNamespace(sources=[("a", 0, ""), ("b", 0, ""), ("c", 0, "")])
    hints = date_hints(records, [story])
    assert hints == {"a": [{"sentence": 0, "text": "mardi", "value": "2025-03-04", "by": "b, c",
                            "reports": ["2025-03-05"]}]}  # the day the others came out
    assert not open_to_hints(records["c"].article)
    # the known reports disagree on the day: no hint
    records["c"].events[0].date = "2025-03-03"
    assert date_hints(records, [story]) == {}


FIRST = ("Lavrov et Fidan parlent de la mer Noire\n\n"
         "Le chef de la diplomatie russe, Sergueï Lavrov, a rencontré mardi à Ankara son homologue turc "
         "Hakan Fidan pour évoquer la sécurité de la navigation en mer Noire. Les deux ministres ont promis "
         "de se revoir bientôt.")
SECOND = ("Le {day} mars 2025, Sergueï Lavrov a rencontré Hakan Fidan à Ankara pour parler de la navigation "
          "en mer Noire, a indiqué le ministère turc.")


def _run(nlp, second_day: int | None, second_published: str = "2025-03-06"):
    from dossier.pipeline import process_article

    articles = {"premier.txt": Article(raw_text=FIRST, source="premier.txt")}
    if second_day is not None:
        articles["second.txt"] = Article(raw_text=SECOND.format(day=second_day), source="second.txt",
                                         outlet="La Dépêche du Bosphore", published=second_published,
                                         published_precision="day", published_basis="metadata")
    records = {k: process_article(a, nlp) for k, a in articles.items()}
    assert records["premier.txt"].article.published is None  # its text alone does not say
    return records, redate(articles, records, lambda items: [process_article(a, nlp) for a in items])


@pytest.mark.parametrize("second_published, published", [
    ("2025-03-06", "2025-03-06"),  # out on the Thursday: "mardi" told then is that Tuesday, so the
    # first report is dated with the other report of its news cycle
    ("2025-03-12", "2025-03-04"),  # out eight days later, after any day "mardi" can be told: the
    # Tuesday itself, the nearest day the words allow
    ("2025-03-03", "2025-03-04"),  # out the day before the meeting: not a day "mardi" can be told
])
def test_a_weekday_takes_its_day_from_another_report_of_the_same_meeting(nlp, second_published, published):
    _, out = _run(nlp, 4, second_published)  # 4 March 2025 is a Tuesday
    first = out["premier.txt"]
    assert (first.article.published, first.article.published_precision) == (published, "day")
    evidence = first.article.extra["published_evidence"]
    assert pinned_by_hints(evidence) and "La Dépêche du Bosphore" in evidence and '"mardi" is 2025-03-04' in evidence
    assert ("the day another report of it came out" in evidence) == (published == second_published)
    # its relative dates are resolved against the new date
    assert [t.value for t in first.timexes if t.text == "mardi"] == ["2025-03-04"]
    assert [e.date for e in first.events if e.type == "meeting"] == ["2025-03-04"]
    assert out["second.txt"].article.published == second_published  # a given date never moves


@pytest.mark.parametrize("second_day", [5, None])  # 5 March 2025 is a Wednesday; or no other report
def test_disagreeing_or_absent_evidence_changes_nothing(nlp, second_day):
    records, out = _run(nlp, second_day)
    first = out["premier.txt"]
    assert first.article.published is None and "published_evidence" not in first.article.extra
    assert first == records["premier.txt"]


@pytest.mark.parametrize("hints", [
    "mardi",
    [5, None, {"sentence": "2", "text": "mardi", "value": "2025-03-04"}],
    [{"sentence": 2, "text": "mardi", "month": "3", "day": 4, "weekday": 1}],
    [{"sentence": 2, "text": "mardi", "value": 20250304}],
    [{"sentence": 99, "text": "mardi", "value": "2025-03-04"}, {"sentence": 2, "text": "mardi", "value": "n'importe"}],
    [{"sentence": 2, "text": "mardi", "reports": ["2025-03-06"]}],  # when others came out says no day
])
def test_malformed_hints_are_ignored(nlp, hints):
    from dossier.pipeline import process_article

    records = process_article(Article(raw_text=FIRST, source="premier.txt", extra={"date_hints": hints}), nlp)
    assert records.article.published is None and "published_evidence" not in records.article.extra
