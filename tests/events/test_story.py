"""Events of the story vs background, and which events make a timeline line."""
from __future__ import annotations

import pytest

from dossier.events.story import date_end, is_background, is_timeline_line, mark_story
from dossier.models import Event, Participant


def event(date=None, participants=(), place=None) -> Event:
    return Event(0, 1, "x", "attack", "ASSAULT", date=date, participants=list(participants), place_id=place)


@pytest.mark.parametrize("value, end", [
    ("2014", "2014-12-31"), ("2024-02", "2024-02-29"), ("2025-W48", "2025-11-30"),
    ("2025-12-02", "2025-12-02"), (None, None), ("nonsense", None),
])
def test_date_end(value, end):
    got = date_end(value)
    assert (got.isoformat() if got else None) == end


@pytest.mark.parametrize("date, published, background", [
    ("2014", "2025-12-03", True),            # ten years earlier: history
    ("2022-02-24", "2025-12-03", True),
    ("2024-11", "2025-12-03", True),
    ("2025-05", "2025-12-03", True),         # over half a year before publication
    ("2025-07", "2025-12-03", False),        # the story's months
    ("2024", "2025-03-13", True),            # "en 2024" in March 2025: a year counts from its first day
    ("2025", "2025-03-13", False),           # "en 2025", the article's own year, still young
    ("2025", "2025-12-03", True),
    ("2025-06-10", "2025-12-03", False),
    (None, "2025-12-03", False),             # undated: never background by date
    ("2014", None, False),                   # no publication date: nothing to compare with
])
def test_background_is_dated_over_half_a_year_before_publication(date, published, background):
    assert is_background(event(date), published) is background


def test_a_line_needs_a_participant_or_a_place():
    assert not is_timeline_line(event())
    assert is_timeline_line(event(place="kyiv"))
    assert is_timeline_line(event(participants=[Participant("local:x", "X")]))


def test_mark_story_keeps_every_record():
    events = [event("2014"), event("2025-12-02"), event()]
    marked = mark_story(events, "2025-12-03")
    assert len(marked) == 3
    assert [e.background for e in marked] == [True, False, False]
    assert [e.timeline_line for e in marked] == [False, False, False]


@pytest.mark.slow
def test_annexation_ten_years_earlier_is_background(annotate):
    doc = annotate("Les négociateurs se sont réunis mardi à Genève. La Russie avait annexé la Crimée en 2014, "
                   "rappelle le diplomate.", published="2024-03-13")
    by_trigger = {e.trigger: e for e in doc._.events}
    assert by_trigger["annexé"].background and by_trigger["annexé"].date == "2014"
    assert not by_trigger["réunis"].background and by_trigger["réunis"].date == "2024-03-12"
