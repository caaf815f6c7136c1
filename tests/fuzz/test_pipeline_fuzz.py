"""The whole pipeline on generated news-like documents (hypothesis): never an exception, every
record inside the original text, every sentence index valid.

A bounded run here (``make test``); the long run is ``make fuzz`` (``tests/fuzz/run.py``).
"""
from __future__ import annotations

import pytest
from fuzz_docs import check_records, documents, published_dates
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dossier.models import Article

pytestmark = pytest.mark.slow

FUZZ_SETTINGS = settings(max_examples=80, deadline=None, derandomize=True, print_blob=True,
                         suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def pipeline_property(nlp):
    from dossier.pipeline import process_article

    @given(text=documents(), published=published_dates, language=st.sampled_from([None, "fr", "en"]),
           title=st.one_of(st.none(), st.text(max_size=40)))
    def prop(text, published, language, title):
        article = Article(raw_text=text, source="fuzz", title=title, language=language,
                          published=published[0] if published else None,
                          published_precision=published[1] if published else "unknown")
        check_records(text, process_article(article, nlp))

    return prop


def test_pipeline_on_generated_documents(nlp):
    FUZZ_SETTINGS(pipeline_property(nlp))()
