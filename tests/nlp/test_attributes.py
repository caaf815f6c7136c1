"""dossier_attribute_ruler and dossier_french_lemmatizer: spaCy's rule pipes over arrays, same annotation."""
import numpy as np
import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from dossier.nlp.attributes import ArrayAttributeRuler, ArrayFrenchLemmatizer, compile_rules

COLUMNS = [TAG, POS, MORPH, DEP, HEAD, LEMMA]

# the shape of fr_core_news_md's rules: the tag copied from the part of speech, then space tokens
RULES = [
    *({"patterns": [[{"POS": p}]], "attrs": {"TAG": p}} for p in ("ADJ", "ADP", "NOUN", "PROPN", "PUNCT", "VERB", "SPACE")),
    {"patterns": [[{"POS": "SPACE", "IS_SPACE": False}]], "attrs": {"TAG": "X", "POS": "X", "MORPH": "_"}},
    {"patterns": [[{"IS_SPACE": True, "DEP": {"NOT_IN": [""]}}]], "attrs": {"DEP": "dep"}},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "SPACE", "POS": "SPACE", "MORPH": "_"}},
]


def _doc(vocab):
    words = ["Le", "ministre", "a", "parlé", "\n\n", "à", "Paris", ".", "  ", "Oui"]
    spaces = [True, True, True, False, False, True, False, True, False, False]
    pos = ["DET", "NOUN", "AUX", "VERB", "SPACE", "ADP", "PROPN", "PUNCT", "SPACE", "INTJ"]
    heads = [1, 3, 3, 3, 3, 6, 3, 3, 7, 9]
    deps = ["det", "nsubj", "aux:tense", "ROOT", "dep", "case", "obl:arg", "punct", "", "ROOT"]
    morphs = ["Definite=Def|Gender=Masc", "Gender=Masc|Number=Sing", "", "VerbForm=Part", "", "", "", "", "",
              "Polarity=Pos"]
    return Doc(vocab, words=words, spaces=spaces, pos=pos, heads=heads, deps=deps, morphs=morphs)


def _rulers(rules):
    vocab = spacy.blank("fr").vocab  # (a bare Vocab sets no IS_SPACE flag)
    spacy_ruler, array_ruler = AttributeRuler(vocab), ArrayAttributeRuler(vocab)
    spacy_ruler.add_patterns(rules)
    array_ruler.add_patterns(rules)
    return vocab, spacy_ruler, array_ruler


def _annotation(doc):
    return doc.to_array(COLUMNS), [t.tag_ for t in doc], [str(t.morph) for t in doc], [t.dep_ for t in doc]


def test_array_ruler_annotates_as_spacy_does():
    vocab, spacy_ruler, array_ruler = _rulers(RULES)
    assert compile_rules(array_ruler) is not None
    expected, got = spacy_ruler(_doc(vocab)), array_ruler(_doc(vocab))
    a, b = _annotation(expected), _annotation(got)
    assert np.array_equal(a[0], b[0])
    assert a[1:] == b[1:]
    assert got[4].pos_ == "SPACE" and got[4].tag_ == "SPACE" and got[8].dep_ == ""  # a later rule wins
    assert got[1].tag_ == "NOUN" and got[0].tag_ == ""  # DET has no rule here: its tag stays unset


def test_rules_it_cannot_evaluate_go_through_spacy():
    rules = [*RULES, {"patterns": [[{"LOWER": "le"}, {"POS": "NOUN"}]], "attrs": {"TAG": "DETNOUN"}, "index": 0}]
    vocab, spacy_ruler, array_ruler = _rulers(rules)
    assert compile_rules(array_ruler) is None
    assert np.array_equal(spacy_ruler(_doc(vocab)).to_array(COLUMNS), array_ruler(_doc(vocab)).to_array(COLUMNS))
    assert array_ruler(_doc(vocab))[0].tag_ == "DETNOUN"


def test_empty_doc():
    vocab, _, array_ruler = _rulers(RULES)
    assert len(array_ruler(Doc(vocab, words=[]))) == 0


def test_lemmatizer_sets_the_lemmas_of_spacys_rules():
    from spacy.lang.fr.lemmatizer import FrenchLemmatizer
    from spacy.lookups import Lookups

    vocab = spacy.blank("fr").vocab
    lookups = Lookups()
    lookups.add_table("lemma_lookup", {"été": "être"})
    lookups.add_table("lemma_rules", {"noun": [["aux", "al"], ["s", ""]], "verb": [["ons", "er"]]})
    lookups.add_table("lemma_exc", {"noun": {"yeux": ["œil"]}})
    lookups.add_table("lemma_index", {"noun": ["cheval", "accord"], "verb": ["parler"]})
    rulers = []
    for cls in (FrenchLemmatizer, ArrayFrenchLemmatizer):
        lemmatizer = cls(vocab, None, "lemmatizer", mode="rule")
        lemmatizer.initialize(lookups=lookups)
        rulers.append(lemmatizer)
    words = ["Les", "chevaux", "parlons", "des", "accords", "yeux", "été", "\n", "chevaux", "Parlons"]
    pos = ["DET", "NOUN", "VERB", "ADP", "NOUN", "NOUN", "AUX", "SPACE", "NOUN", "VERB"]
    expected, got = (rulers[k](Doc(vocab, words=words, pos=pos)) for k in (0, 1))
    assert [t.lemma_ for t in got] == [t.lemma_ for t in expected]
    assert [t.lemma_ for t in got][1:3] == ["cheval", "parler"]
    preset = Doc(vocab, words=["chevaux"], pos=["NOUN"], lemmas=["monture"])  # a lemma already set stays
    assert rulers[1](preset)[0].lemma_ == "monture"


class _Unscannable(list):
    """An index list that fails the test when searched word by word."""

    def __contains__(self, item):
        raise AssertionError(f"the index list was scanned for {item!r}")


def test_lemmatizer_reads_the_index_as_a_set():
    from spacy.lang.fr.lemmatizer import FrenchLemmatizer
    from spacy.lookups import Lookups

    vocab = spacy.blank("fr").vocab
    tables = {"lemma_lookup": {"vîmes": "voir", "zz": "z"},
              "lemma_rules": {"noun": [["aux", "al"], ["s", ""], ["x", ""]], "verb": [["ons", "er"], ["ons", "1"]],
                              "adj": [["es", "e"], ["es", ""]]},
              "lemma_exc": {"noun": {"yeux": ["œil"]}, "adj": {"vieilles": ["vieux", "vieux"]}},
              "lemma_index": {"noun": ["cheval", "accord"], "verb": ["parler"], "adj": ["grande"]}}

    def lemmatizer(cls, index_type):
        lookups = Lookups()
        for name, data in tables.items():
            lookups.add_table(name, {k: index_type(v) for k, v in data.items()} if name == "lemma_index" else data)
        found = cls(vocab, None, "lemmatizer", mode="rule")
        found.initialize(lookups=lookups)
        return found

    # each step of the rules: in the index, an exception, a rule's form in the index, a form that is
    # not alphabetic, forms outside the index, the lookup table, the word itself, other parts of speech
    words = ["cheval", "yeux", "vieilles", "grandes", "parlons", "mangeons", "chevaux", "vîmes", "zz", "Paris",
             "\n", "le", "accords"]
    pos = ["NOUN", "NOUN", "ADJ", "ADJ", "VERB", "VERB", "NOUN", "VERB", "NOUN", "PROPN", "SPACE", "DET", "NOUN"]
    expected = lemmatizer(FrenchLemmatizer, list)(Doc(vocab, words=words, pos=pos))
    got = lemmatizer(ArrayFrenchLemmatizer, _Unscannable)(Doc(vocab, words=words, pos=pos))
    assert [t.lemma_ for t in got] == [t.lemma_ for t in expected]
    assert [t.lemma_ for t in got][:7] == ["cheval", "œil", "vieux", "grande", "parler", "mange1", "cheval"]


@pytest.mark.slow
def test_pipeline_uses_the_array_pipes_with_the_models_annotation(nlp, base_nlp):
    assert isinstance(nlp.get_pipe("attribute_ruler"), ArrayAttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), ArrayFrenchLemmatizer)
    text = ("Le ministre a rencontré son homologue lundi à Genève.\n\n« Nous avançons », a-t-il déclaré,  "
            "avant de repartir.\n \nLes discussions reprendront la semaine prochaine.  ")
    # the same tags and trees to start from (the model's stages up to the parser, line by line),
    # then our array pipes against spaCy's own over it
    line_parser = nlp.get_pipe("dossier_line_parser")
    ours, theirs = line_parser(nlp.make_doc(text)), line_parser(nlp.make_doc(text))
    for name, proc in nlp.pipeline:
        if not name.startswith("dossier_"):
            ours = proc(ours)
            theirs = base_nlp.get_pipe(name)(theirs)
    assert np.array_equal(ours.to_array(COLUMNS), theirs.to_array(COLUMNS))
    assert [t.tag_ for t in ours] == [t.tag_ for t in theirs]
