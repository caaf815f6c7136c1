"""The same statement reported by two outlets in other words is one event. (A rule that kept
apart statements sharing fewer than two content words was tried on 2026-12-07 and withdrawn: it
split two outlets' paraphrases of one statement on the development set and barely shrank the
growth benchmark's event units.)

Hand-written sentences, a speaker of our own (not in the knowledge base)."""
from __future__ import annotations

from dossier.events.merge import features_of, merge_events
from dossier.events.similarity import cannot_match, compare
from dossier.models import Event, Participant

SPEAKER = Participant("local:oriane_valcourt", "Oriane Valcourt")
DAY = "2025-03-04"


def statement(text: str, date: str | None = DAY) -> Event:
    return Event(0, len(text), text, "statement", "OTHER", participants=[SPEAKER], date=date,
                 date_precision="day" if date else None, sentence=0)


# one speaker, two subjects: no content word shared
BUDGET = statement("Oriane Valcourt a déclaré que le budget des hôpitaux serait relevé de deux milliards.")
STORM = statement("Oriane Valcourt a promis une aide aux pêcheurs dont les bateaux ont sombré pendant la tempête.")
# one statement, two outlets, other words
PORT_A = statement("Oriane Valcourt a annoncé que le port de Brelonne rouvrirait lundi aux bateaux de pêche.")
PORT_B = statement("Le port de Brelonne sera rouvert aux pêcheurs dès lundi, a indiqué la ministre Oriane Valcourt.")


def _pair(a: Event, b: Event):
    items = [("art-one", a), ("art-two", b)]
    (fa, _), (fb, _) = features_of(items, {"art-one": DAY, "art-two": DAY})
    return fa, fb, items


def _groups(items):
    stories = merge_events(items, published={"art-one": DAY, "art-two": DAY})
    return sorted(len(s.sources) for s in stories)


def test_one_statement_reported_by_two_outlets_in_other_words_is_one_event():
    fa, fb, items = _pair(PORT_A, PORT_B)
    decision = compare(fa, fb)
    assert decision.same, decision.reasons
    assert not cannot_match(fa, fb)
    assert _groups(items) == [2]


def test_undated_statements_of_one_speaker_need_what_they_say_in_common():
    fa, fb, _ = _pair(statement(BUDGET.text, None), statement(STORM.text, None))
    assert not compare(fa, fb).same
    fa, fb, _ = _pair(statement(PORT_A.text, None), statement(PORT_B.text, None))
    assert compare(fa, fb).same
