"""Storyline links beyond same-type/same-day: statements across PLOVER types, undated reports at a place."""
from __future__ import annotations

import pytest

from dossier.events.merge import content_words, merge_events, speaker
from dossier.models import Event, Participant

PUTIN = Participant("vladimir_putin", "Vladimir Putin", "source")
PUTIN_ACTOR = Participant("vladimir_putin", "Vladimir Putin", "participant")
EUROPE = Participant("europe", "Europe", "target")
RUSSIA = Participant("russian_government", "Government of Russia", "participant")
KYIV_ARMY = Participant("armed_forces_of_ukraine", "Armed Forces of Ukraine", "source")


def ev(start=0, plover="REJECT", type="rejection", people=(PUTIN,), date="2025-06-10", place=None,
       status="held", text="evidence"):
    return Event(start=start, end=start + len(text), text=text, type=type, plover=plover,
                 participants=list(people), place_id=place, date=date,
                 date_precision="day" if date else None, status=status)


def groups(stories):
    return sorted(sorted({k for k, _, _ in s.sources}) for s in stories if len(s.sources) > 1)


REJ = "Devant la presse, le chef du Kremlin juge irrecevables les conditions posées par l'Europe"
THR = "le dirigeant russe promet une riposte si l'Europe choisit l'escalade"


@pytest.mark.parametrize("a, b, merged", [
    # same speaker, same day, different types, a content word in common: one statement
    (ev(text=REJ), ev(plover="THREATEN", type="statement", people=(PUTIN_ACTOR, EUROPE), status="planned", text=THR), True),
    # nothing said in common
    (ev(text=REJ), ev(plover="OTHER", type="statement", text="il a salué la récolte de blé"), False),
    # another day
    (ev(text=REJ), ev(plover="THREATEN", type="statement", date="2025-06-11", text=THR), False),
    # another speaker
    (ev(text=REJ), ev(plover="THREATEN", type="statement", people=(KYIV_ARMY,), text=THR), False),
    # a denied statement stays apart
    (ev(text=REJ), ev(plover="THREATEN", type="statement", status="denied", text=THR), False),
])
def test_statements_across_types(a, b, merged):
    stories = merge_events([("a.txt", a), ("b.txt", b)])
    assert (groups(stories) == [["a.txt", "b.txt"]]) is merged
    if merged:
        joined = next(s for s in stories if len(s.sources) == 2)
        assert any("statements by vladimir_putin" in r and "europe" in r for r in joined.explanation)


def test_statements_of_one_article_are_not_joined_across_types():
    stories = merge_events([("a.txt", ev(text=REJ)), ("a.txt", ev(10, plover="THREATEN", type="statement", text=THR))])
    assert groups(stories) == []


def test_the_speaker_name_alone_does_not_join_statements():
    a = ev(text="M. Poutine a salué la récolte de blé")
    b = ev(plover="OTHER", type="statement", text="Poutine a critiqué les banques centrales")
    assert groups(merge_events([("a.txt", a), ("b.txt", b)])) == []


def test_speaker_and_content_words():
    e = ev(plover="THREATEN", people=(PUTIN_ACTOR, EUROPE), text=THR)
    assert speaker(e) == "vladimir_putin"
    words = content_words(e)
    assert "europe" in words and not any(w.startswith("declar") for w in words)


CLAIM_DATED = ev(plover="ASSAULT", type="military_claim", people=(RUSSIA,), date="2025-06-09", place="pokrovsk",
                 text="le ministère russe annonce que le bourg est tombé")
CLAIM_UNDATED = ev(plover="ASSAULT", type="military_claim", people=(KYIV_ARMY, RUSSIA), date=None, place="pokrovsk",
                   text="selon Kiev, les Russes n'y tiennent que quelques rues")


@pytest.mark.parametrize("undated, published, merged", [
    (CLAIM_UNDATED, "2025-06-10", True),
    (CLAIM_UNDATED, "2025-06-30", False),  # the dated report is older than the week before publication
    (CLAIM_UNDATED, "2025-06-05", False),  # the dated report comes after the publication
    (ev(plover="ASSAULT", type="military_claim", people=(RUSSIA,), date=None, place="kupiansk"), "2025-06-10", False),
    (ev(plover="ASSAULT", type="military_claim", people=(KYIV_ARMY,), date=None, place="pokrovsk"), "2025-06-10", False),
])
def test_undated_report_at_a_place(undated, published, merged):
    items = [("a.txt", undated), ("b.txt", CLAIM_DATED)]
    stories = merge_events(items, published={"a.txt": published, "b.txt": "2025-06-10"})
    assert (groups(stories) == [["a.txt", "b.txt"]]) is merged
    if merged:
        story = next(s for s in stories if len(s.sources) == 2)
        assert story.date == "2025-06-09" and "pokrovsk" in story.explanation[0]


def test_new_links_do_not_depend_on_input_order():
    items = [("a.txt", ev(text=REJ)), ("b.txt", ev(plover="THREATEN", type="statement", text=THR)),
             ("a.txt", CLAIM_UNDATED), ("b.txt", CLAIM_DATED)]
    pub = {"a.txt": "2025-06-10", "b.txt": "2025-06-10"}
    forward = merge_events(items, published=pub)
    backward = merge_events(list(reversed(items)), published=pub)
    assert [(s.id, s.sources) for s in forward] != [] and len(forward) == len(backward)
    assert sorted(s.id for s in forward) == sorted(s.id for s in backward)
