"""General claim rules found on the held-out set, checked on invented sentences."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _doc(nlp, text, published="2025-06-01"):
    doc = nlp.make_doc(text)
    doc._.published = published
    doc._.published_precision = "day"
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def _claims(nlp, text):
    return list(_doc(nlp, text)._.claims)


# -- evidence stays inside the paragraph of its cue (never across furniture lines) -------------
@pytest.mark.parametrize("text", [
    "« Le dialogue reste ouvert », a déclaré le ministre.\n\nPublicité\n\n"
    "Selon un diplomate suisse, les deux délégations se retrouveront à Genève.",
    "Trêve fragile au Soudan\nPar notre correspondant\n\n"
    "Les Etats-Unis ont annoncé mardi avoir obtenu un engagement des deux camps.",
])
def test_evidence_never_crosses_a_line_break(nlp, text):
    claims = _claims(nlp, text)
    assert claims
    assert all("\n" not in c.text for c in claims), [c.text for c in claims]


# -- one claim per claimant of a statement (the development set's gold lists each claimant of
# "A et B ont affirmé que …"), one claim for a statement quoted in pieces ----------------------
@pytest.mark.parametrize("text,expected", [
    ("Le Qatar et l'Egypte ont affirmé que la trêve serait prolongée d'une semaine.", 2),
    ("Le président iranien a jugé qu'un accord restait possible « si Washington lève les sanctions ».", 1),
])
def test_one_claim_per_claimant_of_a_statement(nlp, text, expected):
    claims = _claims(nlp, text)
    assert len(claims) == expected, [(c.claimant_name, c.text) for c in claims]
    assert len({c.text for c in claims}) == 1


# -- claimants are entities or anonymous sources, never junk phrases ----------------------------
@pytest.mark.parametrize("text", [
    "Les pourparlers ont été qualifiés de « productifs » par les deux camps.",
    "Selon le chef de la délégation, la réunion a duré quatre heures.",
])
def test_no_junk_local_claimant(nlp, text):
    claims = _claims(nlp, text)
    assert claims
    for c in claims:
        assert not (c.claimant_id or "").startswith("local:") or c.claimant_name[:1].isupper(), c.claimant_id
        assert not (c.claimant_name or "").lower().startswith(("par ", "selon "))


@pytest.mark.parametrize("text,claimant,stance", [
    ("Un porte-parole des rebelles a accusé l'armée soudanaise d'avoir pilonné un marché, "
     "ce que l'état-major a aussitôt démenti.", "sudanese_armed_forces", "denies"),
    ("Volodymyr Zelensky a pour sa part accusé Moscou de « saboter » les discussions.",
     "volodymyr_zelensky", "asserts"),
    ("Le ministre turc, Hakan Fidan, a affirmé que son pays restait fidèle à la trêve, "
     "tout en accusant la Grèce de provocations en mer Egée.", "hakan_fidan", "asserts"),
    ("Le Kremlin dit appliquer le cessez-le-feu depuis lundi ; Kiev le conteste.", "ukrainian_government", "denies"),
])
def test_claimant_resolution(nlp, text, claimant, stance):
    claims = _claims(nlp, text)
    assert any(c.claimant_id == claimant and c.stance == stance for c in claims), \
        [(c.claimant_id, c.stance, c.text) for c in claims]


def test_unnamed_member_is_anonymous(nlp):
    claims = _claims(nlp, "Un porte-parole du Hezbollah a affirmé que la frontière resterait calme.")
    assert len(claims) == 1 and claims[0].anonymous and claims[0].claimant_id is None


def test_accusation_content_holds_the_accused_and_the_act(nlp):
    claims = _claims(nlp, "Un porte-parole des rebelles a accusé l'armée d'avoir bombardé un hôpital.")
    assert len(claims) == 1
    assert "armée" in claims[0].text and "bombardé" in claims[0].text


@pytest.mark.parametrize("text", [
    "Le chef de la milice, Ali Kafi, dit « le Faucon », a rejoint la capitale.",
    "Erevan tient à sa souveraineté.\n\nMoscou, allié historique d'Erevan, s'est montré plus réservé.",
])
def test_not_a_claim(nlp, text):
    claims = _claims(nlp, text)
    assert not claims, [(c.claimant_name, c.text) for c in claims]


# -- verb forms the lemmatizer returns unchanged ("estime", "indique"): data in cues.yaml forms ----
@pytest.mark.parametrize("text,claimant,words", [
    ("Le ministère indique que la frontière restera fermée.", None, "la frontière restera fermée"),
    ("Emmanuel Macron, qui estime mériter un second mandat, a quitté Bruxelles mardi.", "emmanuel_macron",
     "estime mériter un second mandat"),
])
def test_a_cue_the_lemmatizer_leaves_as_it_is_still_reports(nlp, text, claimant, words):
    claims = [c for c in _claims(nlp, text) if words in c.text]
    assert claims, [c.text for c in _claims(nlp, text)]
    assert claims[0].stance == "asserts" and claims[0].claimant_id == claimant
