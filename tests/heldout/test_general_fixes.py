"""The general fixes found with the held-out set, on invented sentences (no held-out text)."""
from __future__ import annotations

import pytest

from dossier.timex.infer import infer_published


# -- publication date: a deadline does not bound the publication year ----------------------------
@pytest.mark.parametrize("text,expected", [
    ("Les ministres se sont retrouvés jeudi 6 mars à Genève. Un accord est attendu d'ici 2030. "
     "La crise a éclaté en janvier 2024.", "2025-03-06"),
    ("Les deux camps ont signé samedi 9 août à Doha. Le retrait doit être achevé avant 2029. "
     "Les combats avaient repris en octobre 2023.", "2025-08-09"),
])
def test_deadline_year_is_not_a_lower_bound(text, expected):
    got = infer_published(text, "fr")
    assert got is not None and got[0] == expected


# -- entities: new actors, role descriptions, metonyms, junk -------------------------------------
def _doc(nlp, text, published="2025-06-01"):
    doc = nlp.make_doc(text)
    doc._.published = published
    doc._.published_precision = "day"
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


@pytest.mark.slow
@pytest.mark.parametrize("text,surface,expected_id", [
    ("Le Premier ministre qatari a reçu les négociateurs mardi.", "Premier ministre qatari",
     "mohammed_bin_abdulrahman_al_thani"),
    ("Le ministre iranien des Affaires étrangères a quitté Genève.", "ministre iranien des Affaires étrangères",
     "abbas_araghchi"),
    ("Le président azerbaïdjanais a rencontré son homologue russe.", "président azerbaïdjanais", "ilham_aliyev"),
    ("Le Premier ministre pakistanais a appelé au calme.", "Premier ministre pakistanais", "shehbaz_sharif"),
    ("Téhéran a rejeté toute discussion directe.", "Téhéran", "iranian_government"),
    ("Erevan refuse de modifier sa Constitution.", "Erevan", "armenian_government"),
    ("Islamabad a démenti toute implication.", "Islamabad", "pakistani_government"),
    ("Les délégués sont arrivés à Mascate dimanche.", "Mascate", "muscat"),
    ("Un cargo a été touché en mer Noire.", "mer Noire", "black_sea"),
])
def test_new_actors_roles_and_metonyms(nlp, text, surface, expected_id):
    doc = _doc(nlp, text)
    ids = {m.entity_id for m in doc._.mentions if m.text == surface}
    assert expected_id in ids, [(m.text, m.entity_id) for m in doc._.mentions]


@pytest.mark.slow
@pytest.mark.parametrize("text,surface,expected_id", [
    ("Les diplomates sont restés à Moscou. A Kiev, le ministre a répondu aux journalistes.", "Kiev", "kyiv"),
    ("Le cessez-le-feu tient. A Moscou, le ton reste prudent.", "Moscou", "moscow"),
])
def test_capital_a_opening_a_sentence_is_the_preposition(nlp, text, surface, expected_id):
    doc = _doc(nlp, text)
    ids = [m.entity_id for m in doc._.mentions if m.text == surface]
    assert ids == [expected_id]


@pytest.mark.slow
@pytest.mark.parametrize("text,junk", [
    ("Plus de 2 000 Géorgiens ont manifesté devant le Parlement.", "Géorgiens"),
    ("Le ministre de la Défense a démenti vendredi.", "Défense"),
    ("La télévision d'Etat a diffusé le discours.", "Etat"),
])
def test_common_words_and_peoples_are_not_entities(nlp, text, junk):
    doc = _doc(nlp, text)
    assert junk not in {m.text for m in doc._.mentions}


# -- quotes: incise cues and participles -----------------------------------------------------------
@pytest.mark.slow
@pytest.mark.parametrize("text,fragment,speaker", [
    ("« Nous avons tenu parole », s'est félicité Donald Trump devant la presse.", "Nous avons tenu parole",
     "donald_trump"),
    ("Vladimir Poutine s'est montré prudent lundi, estimant que « rien n'est réglé ». "
     "Le président ukrainien a pour sa part jugé que le texte était acceptable.", "rien n'est réglé",
     "vladimir_putin"),
])
def test_quote_cues(nlp, text, fragment, speaker):
    doc = _doc(nlp, text)
    found = [q for q in doc._.quotes if fragment in q.text]
    assert found, [(q.text, q.speaker_id) for q in doc._.quotes]
    assert found[0].speaker_id == speaker
