"""A war told by its start ("X, en guerre depuis mai 2024 contre Y"), and an article without a
publication date whose only full date is such a start: hand-written articles."""
from __future__ import annotations

import pytest

from dossier.events.coref import inherit_dates
from dossier.models import Event, Participant

pytestmark = pytest.mark.slow

WAR = "Le port était tenu par les miliciens du Front populaire de libération, en guerre depuis mai 2024 contre l'armée tchadienne. "


def _war(doc):
    return [e for e in doc._.events if e.trigger == "guerre"]


def test_a_war_noun_with_its_own_start_is_an_event_of_its_parties(annotate):
    doc = annotate(WAR, "2025-09-02")
    found = _war(doc)
    assert len(found) == 1, [e.trigger for e in doc._.events]
    war = found[0]
    assert (war.plover, war.date) == ("ASSAULT", "2024-05")
    # the side at war is the actor the detached "en guerre" phrase follows; the army is its target
    # (the parser hangs "depuis mai 2024" and "contre l'armée" on the front, not on the war noun)
    roles = {p.entity_id: p.role for p in war.participants}
    assert roles == {"local:front_populaire_de_liberation": "participant", "chadian_armed_forces": "target"}


@pytest.mark.parametrize("text", [
    "La guerre au Tchad a fait des milliers de morts. ",  # a war named in passing: the setting
    "Le pays est en guerre depuis des décennies. ",        # no start the text can date
])
def test_a_war_without_its_own_dated_start_is_no_event(annotate, text):
    assert _war(annotate(text, "2025-09-02")) == []


def _event(trigger, date, precision, actors, start):
    return Event(start=start, end=start + 10, text=trigger, type="attack", plover="ASSAULT", trigger=trigger,
                 participants=[Participant(a, a, "participant") for a in actors], date=date,
                 date_precision=precision, date_basis="governing")


def test_without_a_publication_date_a_month_of_history_dates_no_news():
    """ "X ont pris la ville dimanche … un conflit qui a éclaté en mai 2024": with no publication
    date the month cannot be told from news, so the undated capture stays undated (the merge and
    the re-dating from other reports date it); with a publication date, history is told apart
    as before, and a day still dates the undated report of the same parties."""
    outbreak = _event("éclaté", "2023-04", "month", ["rebels", "army"], 100)
    capture = _event("pris", None, None, ["rebels", "army"], 0)
    capture.date_basis = None
    assert inherit_dates([capture, outbreak], None)[0].date is None
    day = _event("frappé", "2025-10-26", "day", ["rebels"], 200)
    assert inherit_dates([capture, day], None)[0].date == "2025-10-26"
