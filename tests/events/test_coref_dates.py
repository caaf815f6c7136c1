"""Dates an undated event takes from its article: the one day of the article's fighting at its place
(coref.ground_dates); the same act of the same parties, never history the article recalls
(coref.inherit_dates)."""
from __future__ import annotations

import pytest

from dossier.events.coref import ground_dates, inherit_dates
from dossier.models import Event, Participant


def ev(text, plover="ASSAULT", place="gaza_strip", date=None, precision=None, basis=None, status="held", who=()):
    return Event(start=0, end=len(text), text=text, type="attack" if plover == "ASSAULT" else "other", plover=plover,
                 place_id=place, date=date, date_precision=precision, date_basis=basis, status=status,
                 participants=[Participant(w, w) for w in who])


STRIKES = ev("Les frappes aériennes ont frappé la ville dans la nuit", date="2025-03-18", precision="day",
             basis="governing", who=("israeli_government",))
VICTIMS = ev("Deux commandants ont péri dans la ville", who=("local:a", "local:b"))


def test_victims_take_the_day_of_the_strikes_at_their_place():
    out = ground_dates([STRIKES, VICTIMS])
    assert out[1].date == "2025-03-18" and out[1].date_precision == "day" and out[1].date_basis == "coreference"
    assert out[0] is STRIKES


@pytest.mark.parametrize("others, victims", [
    # another place: another ground
    ([STRIKES], ev("Deux responsables ont été tués", place="khan_younis")),
    # no place said: nothing ties it to the ground
    ([STRIKES], ev("Deux responsables ont été tués", place=None)),
    # another kind of event at the place (a truce is not an attack)
    ([STRIKES], ev("La trêve est entrée en vigueur", plover="RETREAT")),
    # a month dates a siege, not the day of its victims
    ([ev("La ville est assiégée depuis 18 mois", date="2024-04", precision="month", basis="governing")], VICTIMS),
    # two days of fighting at the place: which one is unknown
    ([STRIKES, ev("Nouvelles frappes sur la ville", date="2025-03-20", precision="day", basis="governing")], VICTIMS),
    # a date the sentence's context gives, not tied to the strikes' own trigger
    ([ev("Des frappes dans la nuit", date="2025-03-18", precision="day", basis="paragraph-nearest")], VICTIMS),
    # planned fighting dates nothing, and is not dated
    ([STRIKES], ev("Une offensive terrestre sera lancée", status="planned")),
])
def test_left_undated(others, victims):
    out = ground_dates(others + [victims])
    assert out[-1].date is None


def test_a_date_is_never_replaced():
    own = ev("Des frappes ont tué deux responsables", date="2025-03-17", precision="day", basis="governing")
    assert ground_dates([STRIKES, own])[1].date == "2025-03-17"


def test_history_recalled_dates_none_of_the_news():
    war = ev("la guerre entre les deux armées, commencée il y a deux ans", date="2023-04", precision="month",
             basis="governing", place=None, who=("army_a", "army_b"))
    capture = ev("la milice affirme avoir pris le quartier général de l'armée", place=None, who=("army_a", "army_b"))
    assert inherit_dates([war, capture], "2025-10-27")[1].date is None
    # a date of the story's own weeks still goes to the same act of the same parties
    recent = ev("les combats ont repris mardi", date="2025-10-21", precision="day", basis="governing", place=None,
                who=("army_a", "army_b"))
    assert inherit_dates([recent, capture], "2025-10-27")[1].date == "2025-10-21"
    # no publication date: a month cannot be told from history, so it dates nothing (a day still does)
    assert inherit_dates([war, capture])[1].date is None
    assert inherit_dates([recent, capture])[1].date == "2025-10-21"
