"""A denial is linked to the claim it denies (``Claim.denies``); agreements reported or denied
share one proposition (``AGREED(parties,topic)``). Invented sentences."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def claims_of(nlp, text, published="2025-12-03"):
    doc = nlp.make_doc(text)
    doc._.published = published
    doc._.published_precision = "day"
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return list(doc._.claims)


def _pair(claims):
    asserted = [c for c in claims if c.stance == "asserts"]
    denied = [c for c in claims if c.stance == "denies"]
    assert asserted and denied, [(c.stance, c.proposition, c.text) for c in claims]
    return asserted[0], denied[-1]


@pytest.mark.parametrize("text", [
    # a clitic object: "l'a démenti"
    "Selon Moscou, les troupes russes ont pris la ville de Koupiansk. L'armée ukrainienne l'a démenti mercredi.",
    # "…, ce que X a démenti"
    "Le Kremlin a annoncé la prise de Lyman, ce que Kiev a aussitôt démenti.",
])
def test_a_denial_names_the_claim_it_denies(nlp, text):
    claim, denial = _pair(claims_of(nlp, text))
    assert denial.denies == claim.proposition
    assert denial.proposition == claim.proposition  # the denier denies that very proposition




@pytest.mark.parametrize("text, parties", [
    ("Emmanuel Macron a affirmé lundi que l'Inde et le Pakistan avaient convenu d'une trêve.",
     "indian_government+pakistani_government"),
    ("Les Forces de soutien rapide ont annoncé jeudi avoir accepté la trêve.", "rapid_support_forces"),
])
def test_agreements_name_their_parties_and_topic(nlp, text, parties):
    [claim] = [c for c in claims_of(nlp, text) if c.predicate == "AGREED"]
    assert claim.arguments == [parties, "ceasefire"] and claim.stance == "asserts"


def test_an_agreement_said_not_to_exist_is_denied_and_linked(nlp):
    text = ("Emmanuel Macron a affirmé lundi que l'Inde et le Pakistan avaient convenu d'une trêve. "
            "Le lendemain, Shehbaz Sharif a assuré qu'il n'existait aucun accord de trêve avec New Delhi.")
    claim, denial = _pair([c for c in claims_of(nlp, text) if c.predicate == "AGREED"])
    assert denial.arguments[1] == "ceasefire"
    assert denial.denies == claim.proposition  # the parties it names are among the ones claimed


@pytest.mark.parametrize("text", [
    "Le ministre Shehbaz Sharif a déclaré que ces pourparlers sont un pas vers un accord.",  # "pas" is a step
    "Shehbaz Sharif a déclaré que son gouvernement n'accepterait aucune de ces conditions.",  # a refusal, asserted
])
def test_no_false_denials(nlp, text):
    assert all(c.stance != "denies" for c in claims_of(nlp, text))


def test_an_agreement_said_to_concern_something_else_is_not_denied(nlp):
    claims = claims_of(nlp, "Le porte-parole des rebelles a affirmé que l'accord n'a rien à voir avec le Tchad.")
    assert not [c for c in claims if c.predicate == "AGREED" and c.stance == "denies"]


def test_no_agreement_concluded_is_a_denial(nlp):
    claims = [c for c in claims_of(nlp, "Le ministre a affirmé qu'aucun accord n'a été conclu avec les rebelles.")
              if c.predicate == "AGREED"]
    assert [c.stance for c in claims] == ["denies"]
