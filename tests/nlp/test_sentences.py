"""dossier_sentence_cap: no sentence over MAX_SENTENCE_TOKENS tokens, news sentences untouched."""
import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from dossier.nlp.sentences import MAX_SENTENCE_TOKENS, cap_sentences


def _doc(words):
    return Doc(Vocab(), words=words)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["mot"] * 25, [10, 20]),  # no pause: every 10 tokens
        (["mot"] * 7 + [","] + ["mot"] * 10, [8]),  # after the last comma of the run's second half
        (["mot"] * 2 + [","] + ["mot"] * 15, [10]),  # a comma too early: at the limit
        ((["mot"] * 8 + ["."]) * 3, []),  # sentence ends reset the count
        (["mot"] * 8 + ["\n"] + ["mot"] * 8, []),  # so do line breaks
        (["mot"] * 5, []),
        ([], []),
    ],
)
def test_cap_marks_starts_in_long_runs_only(words, expected):
    doc = _doc(words)
    assert cap_sentences(doc, max_tokens=10) == expected
    assert all(doc[i].is_sent_start for i in expected)


def test_default_cap_leaves_news_sentences_alone():
    doc = _doc((["mot"] * (MAX_SENTENCE_TOKENS - 10) + ["."]) * 4)
    assert cap_sentences(doc) == []


@pytest.mark.slow
def test_parser_keeps_the_cap_on_text_without_punctuation(nlp):
    assert nlp.pipe_names[0] == "dossier_line_parser" and "parser" not in nlp.pipe_names
    words = "le ministre a rencontré son homologue et les deux délégations ont parlé de la trêve puis".split()
    doc = nlp.make_doc(" ".join(words * 120))  # 1,800 tokens, not one sentence end
    for name, proc in nlp.pipeline:
        if name.startswith("dossier_") and name != "dossier_line_parser":
            break
        doc = proc(doc)
    assert max(len(s) for s in doc.sents) <= MAX_SENTENCE_TOKENS + 1


def _line_doc(text):
    import spacy

    return spacy.blank("fr").make_doc(text)


@pytest.mark.parametrize(("text", "starts"), [
    # a headline, a caption and a byline without full stops each end at their line break
    ("Un titre sans point\nLégende de la photo\nPar Jeanne Martin\nLe texte commence ici.",
     ["Légende", "Par", "Le"]),
    # a wrapped line goes on: it ends on a comma, or the next line starts in lower case
    ("Le ministre a parlé mardi,\net il a ajouté une phrase.", []),
    ("Le ministre a parlé\nde la trêve.", []),
    ("Il a déclaré :\n« Nous verrons. »", []),
    # a line already ending a sentence needs nothing more (the parser sees the full stop)
    ("Première phrase.\nDeuxième phrase.", []),
    ("« Fin de citation. »\nSuite du texte.", []),
    # a headline quoting someone, without a full stop
    ("« Tout est prêt »\nLe ministre a confirmé.", ["Le"]),
])
def test_line_breaks_start_sentences_unless_wrapped(text, starts):
    from dossier.nlp.sentences import line_starts

    doc = _line_doc(text)
    marked = line_starts(doc)
    assert [doc[i].text for i in marked] == starts
    assert all(doc[i].is_sent_start for i in marked)


@pytest.mark.slow
@pytest.mark.parametrize("text,first_words,verb", [
    # a headline without a full stop, then a paragraph opening on a name: the parser, forced to
    # start a sentence there, cut "Donald" | "Trump et …" | "se sont parlé …"
    ("« Une réunion utile », selon le ministre\n\nDonald Trump et Vladimir Poutine se sont parlé "
     "à Genève mardi pendant deux heures.\n", "Donald Trump", "parlé"),
    ("« Une journée utile », selon le négociateur\n\nLe ministre Karl Berger et la diplomate Anna Sorel "
     "se sont rencontrés à Genève mardi.\n", "Le ministre", "rencontrés"),
    ("Négociations à Rome\n\nLe ministre des Affaires étrangères Karl Berger a reçu son homologue mardi.\n",
     "Le ministre", "reçu"),
])
def test_a_paragraph_after_a_headline_is_parsed_whole(nlp, text, first_words, verb):
    doc = nlp(text)
    sent = next(s for s in doc.sents if s.text.startswith(first_words))
    assert verb in sent.text  # one sentence from its subject to its verb
    assert doc[0].sent.text.rstrip().endswith(("ministre", "négociateur", "Rome"))  # the headline stays apart


_LINES = ("Pourparlers à Lisbonne\nPar Jeanne Martin\n"
          "Le ministre Karl Berger a reçu son homologue mardi, a indiqué un porte-parole.\n"
          "« Nous avons avancé », a-t-il ajouté\nLa suite des discussions est prévue jeudi.\n")


def test_line_docs_are_the_lines_as_spacy_copies_them():
    from dossier.nlp.sentences import line_breaks, line_docs

    doc = _line_doc(_LINES)
    bounds = [0, *line_breaks(doc, after_full_stops=False), len(doc)]
    assert len(bounds) > 3
    lines = line_docs(doc, bounds)
    assert [line.text for line in lines] == [doc[a:b].text for a, b in zip(bounds, bounds[1:])]
    for line, (a, b) in zip(lines, zip(bounds, bounds[1:])):
        assert line.to_bytes(exclude=["user_data"]) == doc[a:b].as_doc().to_bytes(exclude=["user_data"])


def test_line_docs_of_an_annotated_doc_keep_its_entities():
    from dossier.nlp.sentences import line_docs

    text = "Réunion à Lisbonne\nKarl Berger a parlé."
    doc = _line_doc(text)
    doc.ents = [doc.char_span(text.index(name), text.index(name) + len(name), label=label)
                for name, label in (("Lisbonne", "LOC"), ("Karl Berger", "PER"))]
    lines = line_docs(doc, [0, 3, len(doc)])
    assert [[(e.text, e.label_) for e in line.ents] for line in lines] == [[("Lisbonne", "LOC")],
                                                                          [("Karl Berger", "PER")]]


@pytest.mark.slow
def test_line_parser_gives_a_batch_what_it_gives_each_document(nlp):
    from spacy.attrs import DEP, HEAD, MORPH, POS, TAG

    texts = [_LINES, "Une phrase sans saut de ligne, écrite pour ce test, sur la trêve conclue lundi.",
             "Titre seul\n" + "Le ministre a parlé de la trêve. " * 30, ""]
    parser = nlp.get_pipe("dossier_line_parser")
    one_by_one = [parser(nlp.make_doc(t)) for t in texts]
    batched = list(parser.pipe([nlp.make_doc(t) for t in texts], batch_size=3))
    assert len(batched) == len(texts)
    attrs = [TAG, POS, MORPH, HEAD, DEP]
    for a, b in zip(one_by_one, batched):
        assert a.text == b.text
        assert (a.to_array(attrs) == b.to_array(attrs)).all()
        assert (a.tensor == b.tensor).all()
    assert any(t.dep_ for t in batched[0])
