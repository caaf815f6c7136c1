"""The type of a reported statement from its words (dossier.events.content); hand-written French."""
from __future__ import annotations

import pytest

from dossier.events.content import content_family

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("words,family", [
    ("Selon lui, il n'existe toujours aucun accord entre les deux camps.", "rejection"),
    ("Le négociateur parle d'un pas en avant vers un accord, sans plus.", None),  # a step, no negation
    ("Le texte ouvrira la voie à de meilleures conditions pour la paix.", None),  # conditions nobody sets
    ("Le ministre a posé des conditions préalables à toute discussion.", "demand"),
    ("Il faudra des conditions préalables à toute discussion.", "demand"),
    ("Cette décision marque une nouvelle escalade dans la crise.", "disapprove"),
])
def test_the_words_of_a_statement_give_its_type(nlp, words, family):
    doc = nlp(words)
    assert content_family(list(doc)) == family


def test_a_step_is_no_negation_whatever_the_tagger_says(nlp):
    from spacy.tokens import Doc

    from dossier.events.content import negated_here

    # "un pas en avant vers un accord", "pas" tagged as an adverb hung on "avant" (a real parse)
    words = ["un", "pas", "en", "avant", "vers", "un", "accord"]
    doc = Doc(nlp.vocab, words=words, pos=["DET", "ADV", "ADP", "VERB", "ADP", "DET", "NOUN"],
              heads=[1, 3, 3, 3, 6, 6, 3], deps=["det", "advmod", "mark", "ROOT", "case", "det", "obl:mod"])
    assert not negated_here(doc[6])
    doc = Doc(nlp.vocab, words=["il", "n'", "y", "a", "pas", "d'", "accord"],
              pos=["PRON", "ADV", "PRON", "VERB", "ADV", "ADP", "NOUN"],
              heads=[3, 3, 3, 3, 3, 6, 3], deps=["expl:subj", "advmod", "expl:comp", "ROOT", "advmod", "case", "obj"])
    assert negated_here(doc[6])
