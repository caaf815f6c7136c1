"""Shared helpers of the event tests."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def annotate(nlp):
    """Run the full pipeline on a hand-written text with a given publication date."""
    def run(text: str, published: str = "2025-03-13"):
        doc = nlp.make_doc(text)
        doc._.published = published
        doc._.published_precision = "day"
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        return doc
    return run
