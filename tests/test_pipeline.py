"""Per-article isolation in the pipeline: a stage that raises on one article yields an
ArticleFailure naming that stage, in input order, and the rest of the batch is processed."""
from __future__ import annotations

import pytest

import dossier.pipeline as pipeline
from dossier.errors import ProcessingError
from dossier.models import Article, ArticleFailure, ArticleRecords
from dossier.timex.component import TimeComponent

pytestmark = pytest.mark.slow

MARK = "Zorglub"  # a made-up name the patched stage fails on

TEXTS = [
    "La ministre fictive Claire Vautrin a reçu mardi à Genève son homologue pour parler du cessez-le-feu.",
    f"Le diplomate imaginaire Paul {MARK} a quitté jeudi la table des négociations sans un mot.",
    "Les délégations se retrouveront lundi prochain à Vienne, selon un communiqué publié mercredi.",
]


def articles():
    return [Article(raw_text=t, source=f"a{i}.txt", published="2025-12-02", published_precision="day")
            for i, t in enumerate(TEXTS, start=1)]


def fail_on_mark(original):
    def patched(*args, **kwargs):
        if any(MARK in str(getattr(a, "text", a)) for a in args):
            raise RuntimeError("panne simulée")
        return original(*args, **kwargs)
    return patched


@pytest.fixture()
def failing_time(monkeypatch):
    monkeypatch.setattr(TimeComponent, "__call__", fail_on_mark(TimeComponent.__call__))


@pytest.mark.parametrize("batch_size", [1, 2, 16])
def test_a_raising_component_names_the_article_and_the_component(nlp, failing_time, batch_size):
    out = list(pipeline.process_many(articles(), nlp, batch_size=batch_size))
    assert [type(r) for r in out] == [ArticleRecords, ArticleFailure, ArticleRecords]
    failure = out[1]
    assert failure.article.source == "a2.txt"
    assert failure.component == "dossier_time"
    assert failure.error == "RuntimeError: panne simulée"
    assert failure.line == "a2.txt: failed in dossier_time: RuntimeError: panne simulée"
    assert "Traceback" in failure.detail and failure.pipeline_version == pipeline.pipeline_version(nlp)
    assert [r.article.source for r in (out[0], out[2])] == ["a1.txt", "a3.txt"]


def test_the_rest_of_a_failing_batch_gets_the_records_it_would_get_alone(nlp, failing_time):
    out = list(pipeline.process_many(articles(), nlp, batch_size=16))
    alone = [pipeline.process_article(a, nlp) for a in (articles()[0], articles()[2])]
    for got, expected in zip((out[0], out[2]), alone):
        assert [(m.start, m.end, m.entity_id) for m in got.mentions] == \
               [(m.start, m.end, m.entity_id) for m in expected.mentions]
        assert [(t.start, t.value) for t in got.timexes] == [(t.start, t.value) for t in expected.timexes]
        assert got.timexes, "the other articles still went through dossier_time"


@pytest.mark.parametrize("target,stage", [
    ("clean_text", "clean"),
    ("_records", "records"),
])
def test_stages_outside_spacy_are_named_too(nlp, monkeypatch, target, stage):
    monkeypatch.setattr(pipeline, target, fail_on_mark(getattr(pipeline, target)))
    out = list(pipeline.process_many(articles(), nlp, batch_size=16))
    assert [getattr(r, "component", None) for r in out] == [None, stage, None]


def test_process_article_raises_a_domain_error_carrying_the_failure(nlp, failing_time):
    with pytest.raises(ProcessingError) as info:
        pipeline.process_article(articles()[1], nlp)
    assert info.value.failure.component == "dossier_time"
    assert str(info.value) == "a2.txt: failed in dossier_time: RuntimeError: panne simulée"


def test_every_component_is_always_built(nlp):
    extraction = [n for n in nlp.pipe_names if n.startswith("dossier_") and n != "dossier_line_parser"]
    assert [name for name, _ in pipeline.COMPONENTS] == extraction
    # the model's stages up to its parser run line by line, inside dossier_line_parser
    assert nlp.pipe_names[0] == "dossier_line_parser"
    assert {"tok2vec", "morphologizer", "parser"} <= set(nlp.disabled)


def test_a_paragraph_the_page_repeats_is_told_once(nlp):
    para = "« Nous ne céderons pas », a déclaré mardi le ministre Ivan Petrenko à Kiev."
    text = f"Un titre de test\n\n{para}\n\nLes discussions reprendront jeudi à Genève.\n\n{para}\n"
    records = pipeline.process_article(Article(raw_text=text, published="2025-05-13"), nlp)
    first = text.index(para)
    assert [q.start for q in records.quotes] == [text.index("Nous", first)]
    assert all(e.start < text.rindex(para) for e in records.events)
    assert len([m for m in records.mentions if m.text == "Ivan Petrenko"]) == 2  # entities keep both mentions
