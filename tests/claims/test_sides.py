"""Sides for every state of the knowledge base, not only the first story's (``dossier.claims.sides``).
Invented sentences and names."""
from __future__ import annotations

import pytest

from dossier.claims.actors import side_of_text
from dossier.claims.sides import entity_side

pytestmark = pytest.mark.slow  # loads the knowledge base


@pytest.mark.parametrize("text, side", [
    ("les autorités iraniennes", "iran"),  # a demonym adjective
    ("Téhéran", "iran"),  # a capital
    ("Khartoum", "sudan"),
    ("le Soudan", "sudan"),
    ("le Soudan du Sud", "south_sudan"),  # a several-word name before its words
    ("le Soudan-du-Sud", "south_sudan"),
    ("la Corée du Nord", "north_korea"),
    ("Erevan", "armenia"),
    ("la diplomatie azerbaïdjanaise", "azerbaijan"),
    ("les Émirats arabes unis", "united_arab_emirates"),
    ("le Kremlin", "russia"),  # the hand-written words keep precedence
    ("la République", None),  # a word several states share names none
    ("le président", None),
])
def test_state_words_name_their_state(text, side):
    assert side_of_text(text) == side


def test_hand_written_words_only_when_asked():
    assert side_of_text("Téhéran", generated=False) is None


@pytest.mark.parametrize("entity, side", [
    ("abbas_araghchi", "iran"),  # a minister -> his government -> the state
    ("iranian_foreign_ministry", "iran"),
    ("israeli_government", "israel"),
    ("moscow", "russia"),  # a capital, metonym of the government
    ("sudanese_armed_forces", "sudan"),
    ("rapid_support_forces", "rapid_support_forces"),  # the other party of a civil war: its own side
    ("bloomberg", None),  # media have no side
    ("no_such_entity", None),
    (None, None),
])
def test_entity_side_follows_affiliations(entity, side):
    assert entity_side(entity) == side


def test_a_claim_of_another_story_carries_its_side(nlp):
    doc = nlp.make_doc("Le ministre iranien des Affaires étrangères, Kamran Dastvar, a affirmé mardi que "
                       "les discussions avec Washington avaient progressé.")
    doc._.published = "2025-05-14"
    doc._.published_precision = "day"
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    sides = {c.affiliation for c in doc._.claims}
    assert sides == {"iran"}
