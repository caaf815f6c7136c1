"""A reported statement as an event beside the event it reports (dossier.events.reports), and a
clause of circumstance as an event of its own; hand-written sentences."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def events_of(annotate, text, published="2025-03-13"):
    return list(annotate(text, published)._.events)


def kinds(events):
    return sorted((e.plover, e.trigger) for e in events)


def test_a_third_party_report_is_a_statement_beside_the_reported_meeting(annotate):
    events = events_of(annotate, "Le ministre Emmanuel Macron a déclaré jeudi que l'Inde et le Pakistan "
                                 "s'étaient rencontrés à Genève.")
    assert kinds(events) == [("CONSULT", "rencontrés"), ("OTHER", "déclaré")]
    saying = next(e for e in events if e.trigger == "déclaré")
    meeting = next(e for e in events if e.trigger == "rencontrés")
    assert {p.entity_id for p in saying.participants} == {"emmanuel_macron"}
    assert saying.date == "2025-03-13"  # the saying's own day
    assert "emmanuel_macron" not in {p.entity_id for p in meeting.participants}
    assert {"indian_government", "pakistani_government"} <= {p.entity_id for p in meeting.participants}
    # each span is its own clause: the statement stops before what it reports
    assert "rencontrés" not in saying.text and "Macron" not in meeting.text


@pytest.mark.parametrize("text", [
    # an announcement is the news itself
    "Emmanuel Macron a annoncé jeudi que l'Inde et le Pakistan s'étaient rencontrés à Genève.",
    # the speaker reports its own act (an infinitive: no subject of its own)
    "Le gouvernement indien a déclaré jeudi avoir accepté la trêve proposée par le Pakistan.",
    # the speaker's own troops
    "Le général Oleksandr Syrsky a indiqué mercredi qu'une partie de ses troupes se retirait de la ville.",
])
def test_a_report_of_ones_own_act_stays_one_event(annotate, text):
    events = events_of(annotate, text)
    assert len(events) == 1, kinds(events)


def test_a_report_by_someone_on_the_actors_side_stays_one_event(annotate):
    # a government's spokesman reporting what his government's army does (knowledge base sides)
    events = events_of(annotate, "Le porte-parole Dmitri Peskov a déclaré que l'armée russe avait repris "
                                 "trois villages.")
    assert len(events) == 1, kinds(events)


def test_a_source_introduced_by_selon_is_not_a_party_of_the_reported_act(annotate):
    events = events_of(annotate, "Selon Emmanuel Macron, l'Inde et le Pakistan se sont rencontrés jeudi à Genève.")
    meeting = next(e for e in events if e.plover == "CONSULT")
    assert "emmanuel_macron" not in {p.entity_id for p in meeting.participants}


def test_a_clause_of_circumstance_in_the_report_is_an_event(annotate):
    events = events_of(annotate, "Emmanuel Macron a déclaré mardi que l'Inde et le Pakistan s'étaient "
                                 "engagés à signer un traité, alors qu'il accueillait à l'Élysée les "
                                 "dirigeants des deux pays.")
    assert ("CONSULT", "accueillait") in kinds(events)
    meeting = next(e for e in events if e.trigger == "accueillait")
    assert meeting.text.startswith("alors qu'il accueillait")
