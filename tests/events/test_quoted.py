"""Statements from the quotes layer (dossier.events.quoted); hand-written articles."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def statements(annotate, text, published="2025-03-13"):
    doc = annotate(text, published)
    return doc, [e for e in doc._.events if e.type == "statement"]


@pytest.mark.parametrize("text,words", [
    # an incise after direct words that carry no event of their own
    ("« Nous sommes beaucoup plus proches d'une base de discussion qu'hier », a déclaré Emmanuel Macron.",
     "beaucoup plus proches"),
    # the same with a description the quotes component resolves
    ("Les échanges ont été « constructifs et francs », a écrit jeudi soir le président français Emmanuel Macron.",
     "constructifs"),
])
def test_an_incise_with_plain_words_is_a_statement_of_its_speaker(annotate, text, words):
    doc, found = statements(annotate, text)
    assert len(found) == 1, [(e.plover, e.text) for e in doc._.events]
    event = found[0]
    assert {p.entity_id for p in event.participants} == {"emmanuel_macron"}
    assert words in event.text  # the evidence holds what was said, not only the cue


def test_more_plain_words_of_the_same_speaker_are_the_same_statement(annotate):
    doc, found = statements(annotate, "Emmanuel Macron a déclaré jeudi que la rencontre avait été utile. "
                                      "« Nous verrons bien la suite », a-t-il ajouté.")
    assert len(found) == 1, [(e.plover, e.text) for e in doc._.events]
    assert "utile" in found[0].text


def test_words_of_another_kind_from_the_same_speaker_are_an_event_of_their_own(annotate):
    doc = annotate("Emmanuel Macron a déclaré jeudi que la rencontre avait été utile. "
                   "« Il faut absolument que l'Europe soit associée à ce processus », a-t-il ajouté.")
    kinds = sorted(e.plover for e in doc._.events)
    assert kinds == ["DEMAND", "OTHER"], [(e.plover, e.text) for e in doc._.events]


def test_an_incise_statement_beside_the_event_it_reports_holds_the_words(annotate):
    doc = annotate("« Les forces indiennes ont bombardé trois villages pendant la nuit », a déclaré Emmanuel Macron.")
    saying = [e for e in doc._.events if e.trigger == "déclaré"]
    assert len(saying) == 1, [(e.plover, e.trigger, e.text) for e in doc._.events]
    assert "trois villages" in saying[0].text


def test_a_saying_typed_by_its_words_holds_them_too(annotate):
    doc = annotate("« Ces accusations ne sont que de la propagande et des mensonges », a déclaré Emmanuel Macron.")
    saying = [e for e in doc._.events if e.trigger == "déclaré"]
    assert len(saying) == 1 and saying[0].plover == "ACCUSE", [(e.plover, e.text) for e in doc._.events]
    assert "propagande" in saying[0].text
