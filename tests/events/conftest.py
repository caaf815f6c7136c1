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


@pytest.fixture(scope="session")
def event_by_trigger(annotate):
    """The first event of a hand-written text whose trigger is ``trigger`` (the triggers found, when none)."""
    def find(text: str, trigger: str, published: str = "2025-03-13"):
        events = annotate(text, published)._.events
        found = [e for e in events if e.trigger == trigger]
        assert found, [e.trigger for e in events]
        return found[0]
    return find
