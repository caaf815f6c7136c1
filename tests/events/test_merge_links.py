"""Storyline links beyond one type: statements across PLOVER types, undated reports at a place,
and the explanation each decision gives."""
from __future__ import annotations

import pytest

from dossier.events.merge import features_of, merge_events
from dossier.events.similarity import compare
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


def merge(items, published=None):
    return merge_events(items, published=published, vectors=False)


REJ = "Devant la presse, le chef du Kremlin juge irrecevables les conditions posées par l'Europe"
THR = "le dirigeant russe promet une riposte si l'Europe choisit l'escalade et maintient ses conditions"


@pytest.mark.parametrize("a, b, merged", [
    # same speaker, same day, different types, content words in common: one statement
    (ev(text=REJ), ev(plover="THREATEN", type="statement", people=(PUTIN_ACTOR, EUROPE), status="planned", text=THR), True),
    # nothing said in common
    (ev(text=REJ), ev(plover="OTHER", type="statement", text="il a salué la récolte de blé"), False),
    # another day
    (ev(text=REJ), ev(plover="THREATEN", type="statement", date="2025-06-13", text=THR), False),
    # another speaker
    (ev(text=REJ), ev(plover="THREATEN", type="statement", people=(KYIV_ARMY,), text=THR), False),
    # a denied statement stays apart
    (ev(text=REJ), ev(plover="THREATEN", type="statement", status="denied", text=THR), False),
])
def test_statements_across_types(a, b, merged):
    stories = merge([("a.txt", a), ("b.txt", b)])
    assert (groups(stories) == [["a.txt", "b.txt"]]) is merged
    if merged:
        joined = next(s for s in stories if len(s.sources) == 2)
        assert any("vladimir_putin" in r and "condit" in r for r in joined.explanation)


def test_statements_of_one_article_are_not_joined_unless_repeated():
    stories = merge([("a.txt", ev(text=REJ)), ("a.txt", ev(10, plover="THREATEN", type="statement", text=THR))])
    assert all(len(s.sources) == 1 for s in stories)
    repeated = merge([("a.txt", ev(text=REJ)), ("a.txt", ev(200, text="Le chef du Kremlin juge irrecevables "
                                                                        "les conditions posées par l'Europe"))])
    assert len(repeated) == 1


def test_the_speaker_name_alone_does_not_join_statements():
    a = ev(text="M. Poutine a salué la récolte de blé")
    b = ev(plover="OTHER", type="statement", text="Poutine a critiqué les banques centrales")
    assert groups(merge([("a.txt", a), ("b.txt", b)])) == []


CLAIM_DATED = ev(plover="ASSAULT", type="military_claim", people=(RUSSIA,), date="2025-06-09", place="pokrovsk",
                 text="le ministère russe annonce que ses troupes ont pris le bourg de Pokrovsk")
CLAIM_UNDATED = ev(plover="ASSAULT", type="military_claim", people=(KYIV_ARMY, RUSSIA), date=None, place="pokrovsk",
                   text="selon Kiev, les troupes russes n'ont pris que quelques rues de Pokrovsk")


@pytest.mark.parametrize("undated, published, merged", [
    (CLAIM_UNDATED, "2025-06-10", True),
    (CLAIM_UNDATED, "2025-06-30", False),  # the dated report is older than the week before publication
    (CLAIM_UNDATED, "2025-06-05", False),  # the dated report comes after the publication
    (ev(plover="ASSAULT", type="military_claim", people=(RUSSIA,), date=None, place="kupiansk",
        text="les troupes russes ont pris le bourg de Koupiansk"), "2025-06-10", False),
])
def test_undated_report_at_a_place(undated, published, merged):
    items = [("a.txt", undated), ("b.txt", CLAIM_DATED)]
    stories = merge(items, published={"a.txt": published, "b.txt": "2025-06-10"})
    assert (groups(stories) == [["a.txt", "b.txt"]]) is merged
    if merged:
        story = next(s for s in stories if len(s.sources) == 2)
        assert story.date == "2025-06-09" and "pokrovsk" in story.explanation[0]


def test_every_decision_lists_its_reasons_with_their_weights():
    pairs = features_of([("a.txt", CLAIM_UNDATED), ("b.txt", CLAIM_DATED)],
                        {"a.txt": "2025-06-10", "b.txt": "2025-06-10"}, vectors=False)
    decision = compare(pairs[0][0], pairs[1][0])
    assert decision.same
    assert decision.score == pytest.approx(sum(float(r.rsplit("(", 1)[1].rstrip(")")) for r in decision.reasons))
    assert any(r.startswith("places pokrovsk / pokrovsk: same") for r in decision.reasons)
