"""Storyline merge over hand-built Event records (no model needed)."""
from __future__ import annotations

import datetime as dt

import pytest

from dossier.events.merge import date_interval, merge_events, participant_key
from dossier.events.plover import to_plover
from dossier.models import Event, Participant

PUTIN = Participant("vladimir_putin", "Vladimir Putin")
TRUMP = Participant("donald_trump", "Donald Trump")
ZELENSKY = Participant("volodymyr_zelensky", "Volodymyr Zelensky")
MACRON = Participant("emmanuel_macron", "Emmanuel Macron")
RUSSIA = Participant("russian_government", "Government of Russia")


def ev(start=0, type="phone_call", plover="CONSULT", mode="phone", people=(PUTIN, TRUMP), date="2025-02-12",
       precision="day", place=None, status="held", duration=None, duration_text=None, text="evidence"):
    return Event(start=start, end=start + len(text), text=text, type=type, plover=plover, mode=mode,
                 participants=list(people), place_id=place, date=date, date_precision=precision if date else None,
                 duration=duration, duration_text=duration_text, status=status)


def keys_of(story):
    return sorted({k for k, _, _ in story.sources})


def test_two_reports_of_one_call_merge_with_both_durations():
    a = ev(10, duration="PT2H30M", duration_text="environ deux heures et demie", text="ils se sont parlé longuement")
    b = ev(50, duration="PT2H", duration_text="deux heures", date="2025-02-13", text="un appel de deux heures")
    stories = merge_events([("a.txt", a), ("b.txt", b)])
    assert len(stories) == 1
    story = stories[0]
    assert keys_of(story) == ["a.txt", "b.txt"]
    assert story.details["duration"] == [("environ deux heures et demie", "a.txt"), ("deux heures", "b.txt")]
    assert story.sources[0] == ("a.txt", 0, "ils se sont parlé longuement")
    assert story.explanation and "CONSULT" in story.explanation[0] and "overlap 1.00" in story.explanation[0]


def test_storyline_ids_do_not_depend_on_input_order():
    items = [("b.txt", ev(40)), ("a.txt", ev(5)), ("a.txt", ev(90, type="attack", plover="ASSAULT", mode=None,
                                                                   people=(RUSSIA,), date="2022-02-24")),
             ("c.txt", ev(7, people=(MACRON, ZELENSKY), date="2025-03-01", mode="meeting", type="meeting"))]
    forward = merge_events(items)
    # the articles arrive in the opposite order (each article keeps its own event order)
    by_key = {}
    for key, event in items:
        by_key.setdefault(key, []).append((key, event))
    backward = merge_events([pair for key in sorted(by_key, reverse=True) for pair in by_key[key]])
    assert [s.id for s in forward] == [s.id for s in backward]
    assert [s.sources for s in forward] == [s.sources for s in backward]
    assert len(forward) == 3


def test_planned_and_held_meeting_are_distinct_but_linked():
    planned = ev(0, type="meeting", mode="meeting", people=(MACRON, ZELENSKY), date="2025-03-01", status="planned")
    held = ev(0, type="meeting", mode="meeting", people=(MACRON, ZELENSKY), date="2025-03-01")
    stories = merge_events([("announce.txt", planned), ("report.txt", held)])
    assert len(stories) == 2
    by_status = {s.status: s for s in stories}
    assert by_status["planned"].related == [by_status["held"].id]
    assert by_status["held"].related == [by_status["planned"].id]


@pytest.mark.parametrize("a, b, merged", [
    (ev(date="2025-02-12"), ev(date="2025-02-20"), False),  # a week apart
    (ev(people=(PUTIN, TRUMP)), ev(people=(MACRON, ZELENSKY)), False),  # other people
    (ev(), ev(type="meeting", mode="meeting"), False),  # a call is not a meeting
    (ev(), ev(status="cancelled"), False),
    (ev(place="moscow"), ev(place="moscow"), True),
    (ev(date="2025-02"), ev(date="2025-02-12"), True),  # coarse date containing the other
    (ev(people=(RUSSIA,), type="attack", plover="ASSAULT", mode=None),
     ev(people=(RUSSIA,), type="attack", plover="ASSAULT", mode=None, date="2025-02-13"), False),  # one actor, no place
])
def test_pairs(a, b, merged):
    assert (len(merge_events([("a.txt", a), ("b.txt", b)])) == 1) is merged


@pytest.mark.parametrize("published, merged", [
    ({"a.txt": "2025-12-02", "b.txt": "2025-12-03"}, True),
    ({"a.txt": "2025-12-02", "b.txt": "2025-12-20"}, False),
])
def test_undated_event_merges_only_within_the_publication_week(published, merged):
    dated = ev(type="military_claim", plover="ASSAULT", mode=None, people=(RUSSIA, PUTIN), date="2025-12-01")
    undated = ev(type="military_claim", plover="ASSAULT", mode=None, people=(RUSSIA, PUTIN), date=None)
    stories = merge_events([("a.txt", dated), ("b.txt", undated)], published=published)
    assert (len(stories) == 1) is merged
    if merged:
        assert stories[0].date == "2025-12-01"
        assert any("undated" in r for r in stories[0].explanation)


def test_undated_events_never_merge_with_each_other():
    a = ev(type="rejection", plover="REJECT", mode=None, date=None)
    b = ev(type="rejection", plover="REJECT", mode=None, date=None)
    assert len(merge_events([("a.txt", a), ("b.txt", b)], published={"a.txt": "2025-12-02", "b.txt": "2025-12-02"})) == 2


@pytest.mark.parametrize("value, interval", [
    ("2025-12-02", (dt.date(2025, 12, 2), dt.date(2025, 12, 2))),
    ("2025-W48", (dt.date(2025, 11, 24), dt.date(2025, 11, 30))),
    ("2025-02", (dt.date(2025, 2, 1), dt.date(2025, 2, 28))),
    ("2014", (dt.date(2014, 1, 1), dt.date(2014, 12, 31))),
    ("2025-12-02T17:00", (dt.date(2025, 12, 2), dt.date(2025, 12, 2))),
    (None, None),
    ("soon", None),
])
def test_date_interval(value, interval):
    assert date_interval(value) == interval


@pytest.mark.parametrize("entity_id, key", [
    ("vladimir_putin", "vladimir_putin"),
    ("local:vladimir_poutine", "local:poutine"),
    ("local:poutine", "local:poutine"),
])
def test_participant_key(entity_id, key):
    assert participant_key(Participant(entity_id, "x")) == key


def test_to_plover_fields():
    event = ev(5, type="meeting", mode="meeting", people=(Participant("emmanuel_macron", "Emmanuel Macron", "host"),
                                                          Participant("volodymyr_zelensky", "Zelensky", "visitor")),
               place="paris", text="Macron a reçu Zelensky")
    kb = {"emmanuel_macron": {"wikidata": "Q3052772"}}
    out = to_plover(event, {"key": "a.txt", "url": "https://example.org/a", "published": "2025-02-12"}, kb=kb)
    assert out["event_type"] == "CONSULT" and out["mode"] == "meeting"
    assert out["actor"] == {"id": "emmanuel_macron", "name": "Emmanuel Macron", "role": "host", "wikidata": "Q3052772"}
    assert out["recipient"]["id"] == "volodymyr_zelensky" and out["recipient"]["wikidata"] is None
    assert (out["start"], out["end"], out["event_text"]) == (5, 5 + len("Macron a reçu Zelensky"), "Macron a reçu Zelensky")
    assert out["url"] == "https://example.org/a" and out["location"]["id"] == "paris"
    assert out["id"] == to_plover(event, {"key": "a.txt"}, kb=False)["id"]
