"""Within-article meeting coreference, envoy teams, claim owners (full pipeline, invented articles)."""
from __future__ import annotations

import pytest

from dossier.events.merge import merge_events

pytestmark = pytest.mark.slow


def run(nlp, text, published="2025-06-12"):
    doc = nlp.make_doc(text)
    doc._.published = published
    doc._.published_precision = "day"
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def meetings(doc):
    return [e for e in doc._.events if e.plover == "CONSULT"]


def ids(event):
    return {p.entity_id for p in event.participants}


@pytest.mark.parametrize("text, expected", [
    # the subject of "accueillir" is a participant even when its first name hangs elsewhere in the parse
    ("Vladimir Poutine a reçu les émissaires américains au Kremlin jeudi.", {"vladimir_putin"}),
    # a plural envoy noun stands for the envoys the article names
    ("L'envoyé spécial Steve Witkoff et Jared Kushner, le gendre du président, sont arrivés en Russie. "
     "Vladimir Poutine a reçu les émissaires américains au Kremlin jeudi.",
     {"vladimir_putin", "steve_witkoff", "jared_kushner"}),
])
def test_host_and_envoy_team(nlp, text, expected):
    event = next(e for e in meetings(run(nlp, text)) if e.trigger == "reçu")
    assert expected <= ids(event)


@pytest.mark.parametrize("text, principal", [
    # "les négociateurs de X": X sends them, X is not one of them
    ("Les négociateurs de Donald Trump sont arrivés à Riyad. Le prince a accueilli les négociateurs américains "
     "au palais mercredi.", "donald_trump"),
])
def test_principal_is_not_an_envoy(nlp, text, principal):
    event = next(e for e in meetings(run(nlp, text)) if e.trigger == "accueilli")
    assert principal not in ids(event)


def test_definite_references_join_the_reported_meeting(nlp):
    text = ("Emmanuel Macron a rencontré Olaf Scholz à Berlin mardi. "
            "La rencontre a duré trois heures, selon la chancellerie. "
            "Les discussions ont surtout porté sur la défense européenne.")
    events = meetings(run(nlp, text))
    refs = [e for e in events if e.trigger in ("rencontre", "discussions")]
    assert refs
    for e in refs:
        assert {"emmanuel_macron", "olaf_scholz"} <= ids(e), e
        assert e.date == "2025-06-10" and e.date_basis in ("coreference", "governing")


def test_reference_with_other_actors_or_date_stays_apart(nlp):
    text = ("Emmanuel Macron a rencontré Olaf Scholz à Berlin mardi. "
            "Les discussions de février avec Giorgia Meloni avaient échoué.")
    events = meetings(run(nlp, text))
    other = [e for e in events if e.trigger == "discussions"]
    for e in other:
        assert "olaf_scholz" not in ids(e)


def test_indefinite_meeting_is_not_a_reference(nlp):
    text = ("Emmanuel Macron a rencontré Olaf Scholz à Berlin mardi. "
            "Une réunion du 3 mars avec Pedro Sánchez avait été plus tendue.")
    events = meetings(run(nlp, text))
    for e in events:
        if e.trigger == "réunion":
            assert "olaf_scholz" not in ids(e)


def test_reported_meeting_with_named_parties_is_a_meeting(nlp):
    text = "Le porte-parole a estimé que la rencontre entre Emmanuel Macron et Olaf Scholz avait été très utile."
    events = meetings(run(nlp, text))
    assert events and {"emmanuel_macron", "olaf_scholz"} <= ids(events[0])


@pytest.mark.parametrize("text", [
    "Les soldats ukrainiens tiennent encore Koupiansk, malgré l'annonce de Moscou qui affirme que ses "
    "forces s'en sont emparées.",
    "Des unités ukrainiennes résistent encore dans Koupiansk, malgré la revendication de Moscou selon "
    "laquelle son armée s'en était emparée la veille.",
])
def test_claim_owner_and_clitic_place(nlp, text):
    claim = next(e for e in run(nlp, text)._.events if e.plover == "ASSAULT")
    assert "russian_government" in ids(claim)
    assert claim.place_id == "kupiansk"


def test_three_invented_reports_merge_into_one_meeting(nlp):
    a = run(nlp, "Vladimir Poutine a reçu l'envoyé spécial Steve Witkoff au Kremlin mardi. "
                 "La rencontre a duré quatre heures.", published="2025-06-11")
    b = run(nlp, "Les discussions entre Vladimir Poutine et l'émissaire Steve Witkoff ont été utiles, "
                 "a déclaré mercredi le Kremlin. La réunion de mardi a commencé en retard.", published="2025-06-11")
    items = [("a", e) for e in a._.events] + [("b", e) for e in b._.events]
    stories = merge_events(items, published={"a": "2025-06-11", "b": "2025-06-11"})
    both = [s for s in stories if {k for k, _, _ in s.sources} == {"a", "b"} and s.plover == "CONSULT"]
    assert len(both) == 1 and both[0].date == "2025-06-10"
