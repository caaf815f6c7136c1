"""dossier_events on hand-written French sentences (full pipeline)."""
from __future__ import annotations

import pytest

from dossier.events.details import parse_duration
from dossier.events.merge import merge_events

pytestmark = pytest.mark.slow


def run(nlp, text, published="2025-03-13"):
    doc = nlp.make_doc(text)
    doc._.published = published
    doc._.published_precision = "day"
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


@pytest.mark.parametrize("text, type_, plover, status", [
    ("Le président français Emmanuel Macron doit rencontrer Olaf Scholz à Berlin la semaine prochaine.",
     "meeting", "CONSULT", "planned"),
    ("Emmanuel Macron a rencontré Olaf Scholz à Berlin mardi.", "meeting", "CONSULT", "held"),
    ("Le sommet entre Joe Biden et Xi Jinping prévu à Genève a été annulé.", "rejection", "REJECT", "cancelled"),
    ("L'armée russe affirme avoir capturé le village de Kourakhové.", "military_claim", "ASSAULT", "held"),
    ("Le gouvernement ukrainien a rejeté la proposition de paix venue de Moscou.", "rejection", "REJECT", "held"),
    ("La Turquie a proposé un cessez-le-feu de 60 jours aux deux camps.", "proposal", "REQUEST", "held"),
    ("Des missiles russes ont frappé la ville d'Odessa pendant la nuit.", "attack", "ASSAULT", "held"),
    ("Vladimir Poutine et Donald Trump se sont entretenus au téléphone pendant deux heures jeudi.",
     "phone_call", "CONSULT", "held"),
    ("Si Kiev accepte, Zelensky rencontrera Poutine à Istanbul.", "meeting", "CONSULT", "hypothetical"),
    ("Zelensky n'a pas rencontré Poutine.", "meeting", "CONSULT", "denied"),
    ("Le ministre a déclaré que la proposition était inacceptable.", "rejection", "REJECT", "held"),
    ("Le Kremlin menace de couper le gaz à la Moldavie.", "statement", "THREATEN", "held"),
])
def test_event_type_and_status(nlp, text, type_, plover, status):
    events = run(nlp, text)._.events
    assert events, text
    first = events[0]
    assert (first.type, first.plover, first.status) == (type_, plover, status)
    assert text[first.start:first.end] == first.text and first.sentence == 0


@pytest.mark.parametrize("text, participants, place", [
    ("Emmanuel Macron a rencontré Olaf Scholz à Berlin mardi.", {"Macron", "Scholz"}, "Berlin"),
    ("Vladimir Poutine et Donald Trump se sont entretenus au téléphone pendant deux heures jeudi.",
     {"Poutine", "Trump"}, None),
    ("Le président Vladimir Poutine a accueilli Steve Witkoff au Kremlin.", {"Poutine", "Witkoff"}, "Kremlin"),
])
def test_participants_and_place(nlp, text, participants, place):
    event = run(nlp, text)._.events[0]
    names = " ".join(p.name for p in event.participants) + " " + " ".join(p.entity_id for p in event.participants)
    for who in participants:
        assert who.lower() in names.lower().replace("putin", "poutine")
    if place is None:
        assert event.place_id is None
    else:
        assert place.lower() in (event.place_name or "").lower() + (event.place_id or "")


def test_host_and_visitor_roles(nlp):
    event = run(nlp, "Le président Vladimir Poutine a accueilli Steve Witkoff au Kremlin.")._.events[0]
    roles = {p.entity_id: p.role for p in event.participants}
    assert "host" in roles.values() and "visitor" in roles.values()


def test_duration_is_read(nlp):
    event = run(nlp, "Vladimir Poutine et Donald Trump se sont entretenus au téléphone pendant deux heures jeudi.")._.events[0]
    assert (event.duration, event.duration_text) == ("PT2H", "deux heures")


def test_undated_event_has_no_date(nlp):
    event = run(nlp, "L'armée russe affirme avoir capturé le village de Kourakhové.")._.events[0]
    assert event.date is None


def test_dated_event_takes_its_own_date(nlp):
    event = run(nlp, "Emmanuel Macron a rencontré Olaf Scholz à Berlin mardi.")._.events[0]
    assert event.date == "2025-03-11"


def test_a_meeting_announced_for_the_day_it_was_held_is_one_storyline(nlp):
    announce = run(nlp, "Emmanuel Macron doit rencontrer Olaf Scholz à Berlin mardi prochain.", "2025-03-13")
    report = run(nlp, "Emmanuel Macron a rencontré Olaf Scholz à Berlin mardi.", "2025-03-19")
    stories = merge_events([("a.txt", e) for e in announce._.events] + [("b.txt", e) for e in report._.events])
    meetings = [s for s in stories if s.plover == "CONSULT"]
    assert len(meetings) == 1 and meetings[0].status == "held"
    assert {k for k, _, _ in meetings[0].sources} == {"a.txt", "b.txt"}
    assert {v for v, _ in meetings[0].details["status"]} == {"planned", "held"}


def test_a_meeting_planned_for_another_day_stays_apart_but_linked(nlp):
    announce = run(nlp, "Emmanuel Macron doit rencontrer Olaf Scholz à Berlin jeudi prochain.", "2025-03-13")
    report = run(nlp, "Emmanuel Macron a rencontré Olaf Scholz à Berlin mardi.", "2025-03-19")
    stories = merge_events([("a.txt", e) for e in announce._.events] + [("b.txt", e) for e in report._.events])
    statuses = sorted(s.status for s in stories if s.plover == "CONSULT")
    assert statuses == ["held", "planned"]
    planned = next(s for s in stories if s.status == "planned")
    assert planned.related, "the planned meeting links to the held one"


def test_two_articles_one_call(nlp):
    one = run(nlp, "Vladimir Poutine et Donald Trump se sont entretenus au téléphone pendant deux heures mercredi.",
              "2025-02-12")
    two = run(nlp, "Donald Trump et Vladimir Poutine ont eu mercredi un appel téléphonique d'environ deux heures et demie.",
              "2025-02-13")
    items = [("one.txt", e) for e in one._.events] + [("two.txt", e) for e in two._.events]
    stories = merge_events(items)
    calls = [s for s in stories if s.mode == "phone"]
    assert len(calls) == 1 and {k for k, _, _ in calls[0].sources} == {"one.txt", "two.txt"}
    assert {k for _, k in calls[0].details["duration"]} == {"one.txt", "two.txt"}
    assert [s.id for s in merge_events(list(reversed(items)))] == [s.id for s in stories]


@pytest.mark.parametrize("phrase, iso", [
    ("six heures de discussions", "PT6H"),
    ("environ deux heures et demie", "PT2H30M"),
    ("environ une heure", "PT1H"),
    ("pendant 45 minutes", "PT45M"),
    ("une trêve de 45 jours", "P45D"),
    ("sans durée", None),
])
def test_parse_duration(phrase, iso):
    found = parse_duration(phrase)
    assert (found[0] if found else None) == iso
