"""Per-Doc token attribute lists (dossier.nlp.tokens) against spaCy's own properties."""
from spacy.tokens import Doc
from spacy.vocab import Vocab

from dossier.nlp import tokens


def _doc() -> Doc:
    words = ["Le", "Kremlin", "a", "Démenti", ".", "Selon", "LUI", ",", "rien", "."]
    return Doc(Vocab(), words=words,
               lemmas=["le", "Kremlin", "avoir", "Démentir", ".", "selon", "lui", ",", "rien", "."],
               pos=["DET", "PROPN", "AUX", "VERB", "PUNCT", "ADP", "PRON", "PUNCT", "PRON", "PUNCT"],
               deps=["det", "nsubj", "aux:tense", "ROOT", "punct", "case", "obl", "punct", "ROOT", "punct"],
               heads=[1, 3, 3, 3, 3, 6, 8, 8, 8, 8],
               sent_starts=[True, False, False, False, False, True, False, False, False, False])


def test_lists_hold_what_the_token_properties_return():
    doc = _doc()
    tab = tokens.table(doc)
    assert tab.lower == [t.lower_ for t in doc]
    assert tab.lemma == [t.lemma_.lower() for t in doc]
    assert tab.pos == [t.pos_ for t in doc]
    assert tab.dep == [t.dep_ for t in doc]
    assert tab.word == [not t.is_space and not t.is_punct for t in doc]
    assert tab.idx == [t.idx for t in doc]
    assert tab.punct == [t.is_punct for t in doc]
    assert tab.sent_start == [bool(t.is_sent_start) for t in doc] == [True] + [False] * 4 + [True] + [False] * 4
    assert [tab.chars(a, b) for a, b in ((0, 1), (1, 4), (5, 10))] == [
        (doc[a:b].start_char, doc[a:b].end_char) for a, b in ((0, 1), (1, 4), (5, 10))]
    assert [(s.start, s.end) for s in tab.sents] == [(0, 5), (5, 10)]
    assert [(tab.sent(t.i).start, tab.sent(t.i).end) for t in doc] == [(t.sent.start, t.sent.end) for t in doc]


def test_heads_and_children_are_the_parse():
    doc = _doc()  # heads before and after each token, two roots
    tab = tokens.table(doc)
    assert tab.head == [t.head.i for t in doc] == [1, 3, 3, 3, 3, 6, 8, 8, 8, 8]
    assert tab.children == [tuple(c.i for c in t.children) for t in doc]
    assert tab.children[3] == (1, 2, 4) and tab.children[8] == (6, 7, 9)


def test_children_keep_no_container_for_the_collector():
    """A tuple per token (the shared empty one for a leaf), untracked once collected: a list
    per token kept every Doc's tokens in the cyclic collector's oldest generation."""
    import gc

    doc = _doc()
    tab = tokens.table(doc)
    assert all(type(kids) is tuple for kids in tab.children)
    gc.collect()
    assert not any(gc.is_tracked(kids) for kids in tab.children)


def test_space_and_punct_flags_are_the_tokens():
    import spacy

    doc = Doc(spacy.blank("fr").vocab, words=["Il", "\n\n", "a", "dit", ":", "«", "non", "»", " ", "."],
              spaces=[False, False, True, False, True, False, True, False, False, False])
    tab = tokens.table(doc)
    assert tab.space == [t.is_space for t in doc] and any(tab.space)
    assert tab.punct == [t.is_punct for t in doc] and any(tab.punct)
    assert tab.word == [not t.is_space and not t.is_punct for t in doc]


def test_heads_and_children_of_a_nonprojective_parse():
    words = ["a", "b", "c", "d", "e"]
    doc = Doc(Vocab(), words=words, deps=["ROOT", "dep", "dep", "dep", "dep"], heads=[0, 3, 0, 0, 1])
    tab = tokens.table(doc)
    assert tab.head == [t.head.i for t in doc]
    assert tab.children == [tuple(c.i for c in t.children) for t in doc]


def test_one_table_per_doc():
    doc = _doc()
    assert tokens.table(doc) is tokens.table(doc)
    assert tokens.table(_doc()) is not tokens.table(doc)


def test_empty_doc():
    doc = Doc(Vocab(), words=[])
    tab = tokens.table(doc)
    assert tab.lower == tab.lemma == tab.pos == tab.dep == tab.sent_index == tab.word == tab.space == tab.idx == []
    assert tab.head == tab.children == []


def test_morph_and_sent_of_match_spacy():
    doc = _doc()
    morphs = ["Definite=Def|Gender=Masc|Number=Sing|PronType=Art", "", "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin",
              "Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part", "", "", "Number=Plur,Sing|PronType=Prs", "", "", ""]
    doc = Doc(doc.vocab, words=[t.text for t in doc], morphs=morphs, sent_starts=[t.is_sent_start for t in doc])
    for t in doc:
        for field in ("VerbForm", "Tense", "Number", "PronType", "Mood", "Voice"):
            assert tokens.morph(t, field) == t.morph.get(field)
        assert (tokens.sent_of(t).start, tokens.sent_of(t).end) == (t.sent.start, t.sent.end)
    assert tokens.morph(doc[6], "Number") == ["Plur", "Sing"]


def test_the_table_does_not_keep_its_doc_alive():
    import gc
    import weakref

    doc = _doc()
    tokens.table(doc).lower
    ref = weakref.ref(doc)
    gc.disable()
    try:
        del doc
        assert ref() is None  # freed by its reference count, no cycle through user_data
    finally:
        gc.enable()


def test_the_components_share_the_tables_sentences():
    """doc.sents builds every sentence's Span on each read: the components and the records read
    the table's list instead (the same Span objects), and get the same boundaries."""
    from dossier.nlp import access
    from dossier.quotes.extract import Extractor
    from dossier.quotes.speakers import SpeakerResolver

    doc = _doc()
    shared = tokens.table(doc).sents
    assert access.sentence_starts(doc) == [s.start_char for s in doc.sents]
    extractor = Extractor(doc)
    assert all(a is b for a, b in zip(extractor.sents, shared)) and len(extractor.sents) == 2
    resolver = SpeakerResolver(doc, [], [])
    assert resolver.sent_of == {t.i: (0 if t.i < 5 else 1) for t in doc}


def test_the_word_flags_come_from_the_docs_own_vocab():
    """Punctuation is a flag of the lexeme, set by the vocab's language: a table made for a
    model's Doc must not decide for a bare Vocab's Doc (nor the other way round)."""
    import spacy

    fr = spacy.blank("fr")("Oui . Non")
    bare = _doc()
    assert tokens.table(fr).word == [not t.is_space and not t.is_punct for t in fr] == [True, False, True]
    spaced = spacy.blank("fr")("Oui.\n\nNon  ,  si")
    assert tokens.table(spaced).space == [t.is_space for t in spaced] and any(tokens.table(spaced).space)
    assert tokens.table(spaced).word == [not t.is_space and not t.is_punct for t in spaced]
    assert tokens.table(bare).word == [not t.is_space and not t.is_punct for t in bare]


def test_decode_when_the_memo_of_strings_is_emptied(monkeypatch):
    """The memo of strings is emptied when full: the keys it held before are looked up again
    (they were lost with it: a KeyError on the next document that shared some of them)."""
    from spacy.attrs import ORTH

    monkeypatch.setattr(tokens, "_STRINGS", {})
    monkeypatch.setattr(tokens, "_STRINGS_MAX", 4)
    doc = Doc(Vocab(), words=["un", "deux", "trois", "quatre", "cinq"])
    keys = doc.to_array(ORTH).tolist()
    assert tokens.decode(doc.vocab, keys[:3]) == ["un", "deux", "trois"]
    assert tokens.decode(doc.vocab, keys) == ["un", "deux", "trois", "quatre", "cinq"]
