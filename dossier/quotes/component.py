"""The ``dossier_quotes`` spaCy component: direct and indirect quotes with their speakers."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

import dossier.nlp  # noqa: F401  (registers the Doc extensions)
from dossier.nlp.extensions import doc_list
from dossier.quotes.extract import extract_quotes


class QuotesComponent:
    """Writes :class:`dossier.models.Quote` records to ``doc._.quotes``."""

    version = "dossier.quotes.v1"

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        quotes = doc_list(doc, "quotes")
        quotes.clear()
        quotes.extend(extract_quotes(doc))
        return doc


@Language.factory(
    "dossier_quotes",
    requires=["token.dep", "token.lemma", "doc.sents"],
    assigns=["doc._.quotes"],
)
def make_quotes(nlp: Language, name: str) -> QuotesComponent:
    return QuotesComponent(nlp, name)
