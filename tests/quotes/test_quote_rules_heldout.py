"""General quote rules found on the held-out set, checked on invented sentences."""
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


def _quotes(nlp, text):
    return list(_doc(nlp, text)._.quotes)


# labelling cues (présenter comme, qualifier de): the speaker is their subject
# coordinated cue verbs share their subject; an adjective does not hide the speaker noun
@pytest.mark.parametrize("text,contains,speaker_id,anonymous", [
    ("Ankara, pour sa part, présente le gazoduc comme un « succès » historique.", "succès",
     "turkish_government", False),
    ("Les combats ont repris lorsque l'Inde a bombardé ce qu'elle présente désormais comme des « bases ennemies ».",
     "bases ennemies", "indian_government", False),
    ("Le Kremlin dit appliquer le cessez-le-feu ; Kiev le conteste et affirme que des missiles ont frappé Odessa.",
     "missiles ont frappé Odessa", "ukrainian_government", False),
    ("Un diplomate allemand juge que le texte précédent protégeait mieux les civils.",
     "texte précédent", None, True),
    ("Volodymyr Zelensky a pour sa part accusé Moscou de « manipuler » les termes de l'accord.",
     "Moscou de", "volodymyr_zelensky", False),
    ("Un nouveau cycle de discussions est prévu jeudi, probablement à Genève, a annoncé un responsable suisse.",
     "nouveau cycle", None, True),
    # an indefinite role is an unnamed source
    ("« Aucun accord n'a été signé », a affirmé un porte-parole du ministère.", "Aucun accord", None, True),
])
def test_speaker(nlp, text, contains, speaker_id, anonymous):
    found = [q for q in _quotes(nlp, text) if contains in q.text]
    assert found, [(q.text, q.speaker_text) for q in _quotes(nlp, text)]
    q = found[0]
    assert q.speaker_id == speaker_id and q.anonymous == anonymous, (q.speaker_id, q.speaker_text, q.anonymous)


def test_accusation_is_reported_speech(nlp):
    quotes = _quotes(nlp, "Un porte-parole des rebelles a accusé l'armée d'avoir pilonné un marché, "
                          "ce que l'état-major a démenti.")
    indirect = [q for q in quotes if q.kind == "indirect"]
    assert len(indirect) == 1
    assert indirect[0].text == "l'armée d'avoir pilonné un marché"


@pytest.mark.parametrize("text", [
    "Le texte prévoit une route commerciale, baptisée « voie de la concorde et du progrès entre les peuples ».",
    "New Delhi et Islamabad se sont mutuellement accusés dimanche d'avoir violé la trêve.",
    # a banner or an acronym in capitals between quotation marks is no speech
    "Sous une bannière « UNIS POUR 2026 », le ministre a salué les délégués un par un.",
    "L'information a été rapportée par l'agence « TNA », qui cite un responsable.",
    # a known name set in quotation marks is a name, not speech
    "Le président a confirmé sur la plateforme « Truth Social » que les deux pays avaient signé.",
])
def test_not_a_quote(nlp, text):
    quotes = _quotes(nlp, text)
    assert not quotes, [(q.kind, q.text) for q in quotes]


@pytest.mark.parametrize("text", [
    # the office in other words: "le chef de l'État" after "le président libanais X" (an accent or not)
    "Le président libanais, Joseph Aoun, a reçu jeudi les chefs des partis. "
    "Le chef de l'Etat a affirmé que « le monopole des armes sera réalisé ».",
    "Le chef de l'État, Joseph Aoun, a reçu jeudi les chefs des partis. "
    "Le président a affirmé que « le monopole des armes sera réalisé ».",
])
def test_head_of_state_and_president_name_one_office(nlp, text):
    found = [q for q in _quotes(nlp, text) if "monopole" in q.text]
    assert found and found[0].speaker_id == "joseph_aoun", [(q.text, q.speaker_id, q.speaker_text) for q in found]
