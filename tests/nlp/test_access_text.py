"""The Doc's text is recorded once when the pipeline makes the Doc; spans are sliced from it."""
import spacy

from dossier.models import Article
from dossier.nlp import access
from dossier.pipeline import _new_doc

TEXT = "Le maire de Vernal a parlé hier.\n\nIl reviendra  mardi, a-t-il dit : « Nous verrons. »"


def test_the_pipeline_records_the_text_it_made_the_doc_from():
    nlp = spacy.blank("fr")
    doc = _new_doc(Article(raw_text=TEXT), nlp, TEXT)
    assert doc.user_data.get(access._TEXT_KEY) == TEXT == doc.text
    assert access.doc_text(doc) == TEXT


def test_span_text_is_the_span_s_own_text():
    nlp = spacy.blank("fr")
    doc = nlp(TEXT)
    for start in range(len(doc)):
        for end in range(start, min(len(doc), start + 6) + 1):
            span = doc[start:end]
            assert access.span_text(span) == span.text
