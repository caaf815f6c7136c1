"""A capture told only as the time of another act ("cette trêve survient plus d'une semaine
après la capture de X"), without its agent: the days the vague offset bounds it to, the
actor the article is about as its agent, and the storyline it joins. Hand-written articles."""
from __future__ import annotations

import pytest

from dossier.events.merge import merge_events
from dossier.models import Article, Event, Participant

pytestmark = pytest.mark.slow

CAPTURE = ("2025-05-12", "Les rebelles du Front populaire de libération ont pris dimanche le contrôle de la ville "
                         "d'Abéché, après des semaines de combats contre l'armée tchadienne.")
TRUCE = ("2025-05-22", "Le Front populaire de libération accepte une trêve proposée par l'Union africaine. Cette "
                       "trêve survient plus d'une semaine après la capture de la ville d'Abéché. Le Front populaire de "
                       "libération dit vouloir négocier avec le gouvernement. Selon l'Union africaine, le Front "
                       "populaire de libération a libéré lundi vingt soldats.")


def _prise(annotate, text, published):
    doc = annotate(text, published)
    found = [e for e in doc._.events if e.trigger == "capture"]
    assert found, [e.trigger for e in doc._.events]
    return found[0]


def test_a_vague_offset_bounds_the_days_without_dating_the_event(annotate):
    prise = _prise(annotate, TRUCE[1], TRUCE[0])
    assert prise.date is None  # the text gives it no date
    assert prise.date_window == "2025-05-08/2025-05-14"  # 8 to 14 days before the present clause's day
    assert [p.entity_id for p in prise.participants] == ["local:front_populaire_de_liberation"]


@pytest.mark.parametrize(("words", "window"), [
    ("environ deux semaines après", "2025-05-05/2025-05-11"),  # 11 to 17 days
    ("quelques jours après", "2025-05-16/2025-05-20"),  # 2 to 6 days
])
def test_other_vague_offsets(annotate, words, window):
    text = TRUCE[1].replace("plus d'une semaine après", words)
    assert _prise(annotate, text, TRUCE[0]).date_window == window


def test_an_exact_offset_gives_no_window(annotate):
    text = TRUCE[1].replace("plus d'une semaine après", "dix jours après")
    assert _prise(annotate, text, TRUCE[0]).date_window is None


def test_a_vague_offset_from_a_dated_clause_is_not_taken_as_exact(annotate):
    text = TRUCE[1].replace("Cette trêve survient plus d'une semaine", "Cette trêve est survenue mardi, moins d'une semaine")
    prise = _prise(annotate, text, TRUCE[0])
    assert prise.date is None  # not "mardi" less seven days (the parser hangs "moins" on the verb)
    assert prise.date_window == "2025-05-14/2025-05-19"


def test_the_capture_joins_the_dated_report_of_it(nlp):
    from dossier.pipeline import process_article

    records = {key: process_article(Article(raw_text=text, source=key, published=pub, published_precision="day"), nlp)
               for key, (pub, text) in (("prise.txt", CAPTURE), ("treve.txt", TRUCE))}
    stories = merge_events([(k, e) for k, r in records.items() for e in r.events],
                           published={k: r.article.published for k, r in records.items()})
    capture = next(s for s in stories if any(k == "prise.txt" and "pris" in t for k, _, t in s.sources))
    assert sorted({k for k, _, _ in capture.sources}) == ["prise.txt", "treve.txt"]
    assert capture.date == "2025-05-11"


def _ev(trigger, actors, place=None, plover="ASSAULT"):
    return Event(start=0, end=5, text=trigger, type="military_claim", plover=plover, trigger=trigger, place_id=place,
                 participants=[Participant(a, a, "participant") for a in actors])


def test_the_agent_is_the_actor_the_article_is_about_only():
    from dossier.events.sides import fill_agent

    bare = _ev("prise", [], place="abeche")
    about = [_ev("accepte", ["front"], plover="AGREE"), _ev("dit", ["front"], plover="OTHER"),
             _ev("libéré", ["front", "union"], plover="CONCEDE")]
    assert [p.entity_id for p in fill_agent(about + [bare])[-1].participants] == ["front"]
    # two actors as present: no one is the article's actor
    even = about + [_ev("propose", ["union"], plover="REQUEST"), _ev("salue", ["union"], plover="OTHER")]
    assert fill_agent(even + [bare])[-1].participants == []
    # fighting without a place, or history, is left alone
    assert fill_agent(about + [_ev("prise", [])])[-1].participants == []
    old = _ev("prise", [], place="abeche")
    old.background = True
    assert fill_agent(about + [old])[-1].participants == []
