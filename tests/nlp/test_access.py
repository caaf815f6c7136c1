"""Read helpers shared by the components (dossier.nlp.access), with hand-built Docs."""
from spacy.tokens import Doc
from spacy.vocab import Vocab

import dossier.nlp  # noqa: F401  (registers the extensions)
from dossier.models import SentenceTime
from dossier.nlp import access


def test_doc_text_is_joined_once():
    doc = Doc(Vocab(), words=["Le", "Kremlin", "a", "démenti", "."], spaces=[True, True, True, False, False])
    first = access.doc_text(doc)
    assert first == doc.text == "Le Kremlin a démenti."
    assert access.doc_text(doc) is first  # cached: Doc.text re-joins every token on each access


def test_sentence_time_by_index_and_by_scan():
    doc = Doc(Vocab(), words=["a", "b", "c"])
    times = [SentenceTime(sentence=i, value=f"2025-03-1{i}", precision="day", basis="governing") for i in range(3)]
    doc._.sentence_times = times
    assert access.sentence_time(doc, 2) is times[2]
    assert access.sentence_time(doc, 7) is None
    doc._.sentence_times = [times[2], times[0]]  # not one per sentence in order: found by scan
    assert access.sentence_time(doc, 0) is times[0]
    assert access.sentence_time(doc, 1) is None
