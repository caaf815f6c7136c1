"""The family of a reported content from its words (events.content.content_family), on Docs
built by hand: the tokens holding none of the words looked for are skipped, the others typed as
before."""
import pytest
from spacy.tokens import Doc
import spacy

from dossier.events.content import content_family


_VOCAB = spacy.blank("fr").vocab  # (a bare Vocab has no lower-case forms)


def _doc(words, lemmas, pos, deps, heads):
    return Doc(_VOCAB, words=words, lemmas=lemmas, pos=pos, deps=deps, heads=heads)


CASES = [
    # "il n' y a pas d' accord": a denied agreement
    (["il", "n'", "y", "a", "pas", "d'", "accord"], ["il", "ne", "y", "avoir", "pas", "de", "accord"],
     ["PRON", "ADV", "PRON", "VERB", "ADV", "ADP", "NOUN"], ["expl", "advmod", "expl", "ROOT", "advmod", "case", "obj"],
     [3, 3, 3, 3, 3, 6, 3], "rejection"),
    # "ce sont des ruses": a charge
    (["ce", "sont", "des", "ruses"], ["ce", "être", "un", "ruse"], ["PRON", "AUX", "DET", "NOUN"],
     ["nsubj", "cop", "det", "ROOT"], [3, 3, 3, 3], "accuse"),
    # "il salue l' accord": praise
    (["il", "salue", "l'", "accord"], ["il", "saluer", "le", "accord"], ["PRON", "VERB", "DET", "NOUN"],
     ["nsubj", "ROOT", "det", "obj"], [1, 1, 3, 1], "support"),
    # "un consensus a été trouvé": an agreement reached
    (["un", "consensus", "a", "été", "trouvé"], ["un", "consensus", "avoir", "être", "trouver"],
     ["DET", "NOUN", "AUX", "AUX", "VERB"], ["det", "nsubj:pass", "aux:tense", "aux:pass", "ROOT"],
     [1, 4, 4, 4, 4], "agreement"),
    # "la réunion a eu lieu": nothing typed
    (["la", "réunion", "a", "eu", "lieu"], ["le", "réunion", "avoir", "avoir", "lieu"],
     ["DET", "NOUN", "AUX", "VERB", "NOUN"], ["det", "nsubj", "aux:tense", "ROOT", "obj"], [1, 3, 3, 3, 3], None),
]


@pytest.mark.parametrize("words,lemmas,pos,deps,heads,family", CASES)
def test_family_of_a_content(words, lemmas, pos, deps, heads, family):
    assert content_family(_doc(words, lemmas, pos, deps, heads)) == family


def test_candidate_nouns_are_screened_by_the_words_that_can_type_them():
    """events.candidates skips a noun no lexicon noun, sense noun or trigger participle matches
    (its typing would find nothing) and keeps those they do."""
    from dossier.events import lexicon as lx
    from dossier.events import senses
    from dossier.events.extract import _noun_words, candidates

    words = _noun_words()
    assert set(lx.NOUNS) <= words and senses.RELEASE_NOUNS <= words and senses.TRUCE_NOUNS <= words
    doc = _doc(["la", "table", "de", "la", "rencontre"], ["le", "table", "de", "le", "rencontre"],
               ["DET", "NOUN", "ADP", "DET", "NOUN"], ["det", "ROOT", "case", "det", "nmod"], [1, 1, 4, 4, 1])
    assert "table" not in words
    found = [(c.token.text, c.family) for c in candidates(doc[0:5])]
    assert ("rencontre", lx.NOUNS["rencontre"]) in found and all(t != "table" for t, _ in found)


@pytest.mark.parametrize("words,lemmas,pos,deps,heads,family", CASES)
def test_bearing_tokens_keep_the_family(words, lemmas, pos, deps, heads, family):
    """content_family over bearing_tokens (the words read from the token table that its tests
    can match) types a content as over all its tokens, and the others are left out."""
    from dossier.events.content import bearing_tokens

    doc = _doc(words, lemmas, pos, deps, heads)
    kept = bearing_tokens(doc, 0, len(doc))
    assert content_family(kept) == family
    assert [t.text for t in kept if t.lower_ in ("il", "la", "des", "un", "l'")] == []
    assert bearing_tokens(doc, 1, 1) == []
