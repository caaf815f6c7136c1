"""Ingest: read inputs, skip duplicates, run the pipeline, store, link near-duplicates.

Streaming: articles are read, processed in small batches and committed one transaction per
article, so a killed ingest leaves a consistent database and a re-run completes it. Several
ingests may write one PostgreSQL database at once: an article another process stored meanwhile
counts as a duplicate, and the cross-article rebuild at the end runs once at a time (skipped
when another process's rebuild already covers every stored article).

No article sinks its batch: an article a stage raises on is reported on one line (source,
component, exception) and recorded in the store's failed articles, with its text and metadata,
so that ``ingest(..., retry_failed=True)`` (``dossier ingest --retry-failed``) can run it again
after an upgrade; every other article is stored.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from dossier.config import Settings
from dossier.errors import DossierError, InputError, StoreError
from dossier.models import Article, ArticleFailure, ArticleRecords
from dossier.writer import NotStored, Written, write_records

log = logging.getLogger(__name__)

QUIET_SECONDS = 60  # a reader command rebuilds stale results only when nothing was stored for this long


@dataclass
class IngestSummary:
    read: int = 0
    new: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    retried: int = 0  # stored failures taken again (--retry-failed)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)
    failures: list[ArticleFailure] = field(default_factory=list)
    stored: list[int] = field(default_factory=list)
    rebuilt: bool = False
    rebuild_error: str | None = None  # the cross-article rebuild raised (articles are stored)
    crossref: dict | None = None  # what the incremental cross-article update did (counts, seconds)

    @property
    def failed(self) -> bool:
        """Something was left out (exit code 2): a skipped input, a failed article, a rebuild."""
        return bool(self.skipped or self.failures or self.rebuild_error)

    def to_dict(self) -> dict:
        return {
            "read": self.read, "new": self.new, "duplicates": self.duplicates,
            "near_duplicates": self.near_duplicates, "retried": self.retried,
            "skipped": [{"source": s, "reason": r} for s, r in self.skipped],
            "failed": [{"source": f.article.source, "component": f.component, "error": f.error}
                       for f in self.failures],
            "stored": self.stored, "rebuilt": self.rebuilt, "rebuild_error": self.rebuild_error,
        }


def ingest(inputs: Iterable[str], settings: Settings, manifest: str | Sequence[str] | None = None,
           progress: Callable[[str], None] | None = None, rebuild: bool = True,
           retry_failed: bool = False, settle: bool = False) -> IngestSummary:
    """Read, process and store ``inputs``; with ``retry_failed``, first take again the articles
    recorded as failed (each one that succeeds leaves the failed list). ``settle=True`` is for
    the owner of the process (``dossier ingest``): with the NLP in this process, the loaded model
    is frozen out of the cycle collector's walks (:func:`dossier.parallel.tasks.settle`)."""
    from dossier.read import iter_articles
    from dossier.store import open_store

    summary = IngestSummary()
    say = progress or (lambda line: None)
    store = open_store(settings)
    learned_file = None
    pool = None
    try:
        settings, learned_file = _with_learned_roles(settings, store)
        pool = _local_pool(settings)
        # built when the first result comes back (with --workers: while they start), unless the
        # workers store articles themselves: then before, so it holds none of this run's
        index = _near_duplicate_index(store, settings) if workers_write(settings) else None
        seen: set[str] = set()

        def is_new(article: Article) -> bool:
            h = article.content_hash
            if h in seen or store.article_id_for_hash(h) is not None:
                summary.duplicates += 1
                say(f"duplicate {article.source}")
                return False
            seen.add(h)
            return True

        def fresh_articles() -> Iterator[Article]:
            if retry_failed:
                for failure in store.failed_articles():
                    summary.retried += 1
                    if is_new(failure.article):
                        yield failure.article
                    else:  # stored meanwhile: nothing left to retry
                        store.remove_failure(failure.article.content_hash)
            for item in iter_articles(list(inputs), settings, manifest=manifest):
                if isinstance(item, InputError):
                    summary.skipped.append((item.source, item.reason))
                    say(f"skipped {item.source}: {item.reason}")
                    continue
                summary.read += 1
                if is_new(item):
                    yield item

        for result in _process(fresh_articles(), settings, settle=settle, pool=pool):
            if index is None:
                index = _near_duplicate_index(store, settings)
            if isinstance(result, ArticleRecords):  # computed here or sent back by a worker: store it
                result = write_records(store, result, index)
            _account(store, index, summary, result, say)
        if rebuild and (summary.new or not store.cross_article_current()):
            _rebuild(store, summary, say, settings, pool)
    finally:
        if pool is not None:
            pool.close()
        store.close()
        if learned_file is not None:
            Path(learned_file).unlink(missing_ok=True)
    return summary


def _near_duplicate_index(store, settings: Settings):
    """The near-duplicate index over every stored article's signature. When the records come back
    to this process it is built once the first result is back rather than before the first
    article is read: with ``--workers`` the worker processes start (and load the model)
    meanwhile, instead of after it (importing datasketch and SciPy alone takes about 0.6 CPU-s)."""
    from dossier.dedup import NearDuplicateIndex

    index = NearDuplicateIndex(threshold=settings.near_duplicate_threshold)
    for key, sig in store.signatures():
        index.add(key, sig)
    return index


def workers_write(settings: Settings) -> bool:
    """Parallel workers store their articles themselves when the database is a server
    (PostgreSQL) every worker can reach; with SQLite the records come back to this process."""
    from dossier.store import is_postgres_url

    parallel = settings.scheduler is not None or settings.n_process > 1
    return parallel and is_postgres_url(settings.db)


def _with_learned_roles(settings: Settings, store) -> tuple[Settings, str | None]:
    """Settings whose KB also holds the roles learned from the articles already stored (a
    temporary ``dossier-kb-learned/1`` file), so a role stated in an earlier article resolves the
    descriptions of later ones."""
    import dataclasses
    import tempfile

    import yaml

    from dossier.entities.kb import learned_kb_data  # (not entities.roles: it would load spaCy here)

    try:
        facts = [dataclasses.asdict(f) for _, f in store.records("roles")]
    except Exception:  # noqa: BLE001 - a store without the table (older build) has nothing learned
        return settings, None
    if not facts:
        return settings, None
    data = learned_kb_data(facts)
    with tempfile.NamedTemporaryFile("w", suffix=".yaml", prefix="dossier-learned-", delete=False,
                                     encoding="utf-8") as fh:
        yaml.safe_dump(data, fh, allow_unicode=True, sort_keys=False)
    return settings.with_(kb_files=tuple(settings.kb_files) + (fh.name,)), fh.name


def _local_pool(settings: Settings):
    """With ``--workers N`` (N > 1, no scheduler): the pool of worker processes, opened for the
    whole ingest (its processes start with the first chunk) so that the cross-article step can
    re-date articles on them instead of loading the model in this process. None otherwise."""
    if settings.scheduler is not None or settings.n_process <= 1:
        return None
    from dossier.parallel.local import LocalPool

    return LocalPool(settings, settings.n_process, write=workers_write(settings))


def _process(articles: Iterator[Article], settings: Settings, settle: bool = False,
             pool=None) -> Iterator[ArticleRecords | ArticleFailure | Written]:
    first = next(articles, None)
    if first is None:
        return

    def chained():
        yield first
        yield from articles

    if pool is not None:
        from dossier.parallel import process_parallel

        yield from process_parallel(chained(), settings, write=pool.write, pool=pool)
    elif settings.scheduler is not None or settings.n_process > 1:
        from dossier.parallel import process_parallel

        yield from process_parallel(chained(), settings, workers=settings.n_process,
                                    scheduler=settings.scheduler, write=workers_write(settings))
    else:
        from dossier.pipeline import cached_nlp, process_many

        nlp = cached_nlp(settings)
        if settle:
            from dossier.parallel.tasks import settle as freeze

            freeze()
        yield from process_many(chained(), nlp, batch_size=settings.batch_size)


def _account(store, index, summary: IngestSummary, result: Written, say) -> None:
    """Count and report what happened to one article (stored, duplicate, skipped, failed); link
    a near-duplicate an article stored by a worker has, against this run's index."""
    if isinstance(result, ArticleFailure):
        _fail(store, summary, result, say)
        return
    if isinstance(result, NotStored):
        if result.duplicate:
            summary.duplicates += 1
            say(f"duplicate {result.source}")
        else:
            summary.skipped.append((result.source, result.reason))
            say(f"skipped {result.source}: {result.reason}")
        return
    near = result.near
    if not result.linked:  # stored by a worker, which has no index: link it here, in input order
        found = index.query(result.signature)
        near = found[0] if found else None
        if near is not None:
            try:
                store.link_near_duplicate(result.article_id, *near)
            except DossierError as exc:  # the article is stored; only the link is missing
                log.warning("%s: near-duplicate link not stored (%s)", result.source, exc)
    index.add(result.article_id, result.signature)
    summary.new += 1
    summary.stored.append(result.article_id)
    if near is not None:
        summary.near_duplicates += 1
    say(f"stored {result.source} as #{result.article_id}")


def _fail(store, summary: IngestSummary, failure: ArticleFailure, say) -> None:
    """Report a failed article on one line and record it for --retry-failed."""
    summary.failures.append(failure)
    say(f"failed {failure.line}")
    try:
        store.add_failure(failure)
    except StoreError as exc:  # reported with the failure; nothing else to do with it
        log.warning("%s", exc)


def reprocessor(settings: Settings, pool=None) -> Callable[[list[Article]], list[ArticleRecords | ArticleFailure]]:
    """The pipeline over stored articles again, for the cross-article step to date articles
    from the merged events (:func:`dossier.timex.crossdate.redate_stored`). With ``pool`` (the
    ingest's local workers) whose processes are running, on them: they hold the model already,
    which this process would otherwise load (seconds) for a few dozen articles."""

    def run(articles: list[Article]) -> list[ArticleRecords | ArticleFailure]:
        if pool is not None and pool.started and articles:
            from dossier.parallel import ExecutorLost, process_parallel

            try:
                return list(process_parallel(articles, settings, write=False, pool=pool))
            except ExecutorLost as exc:  # the workers are gone: the model loads here after all
                log.warning("re-dating in this process: %s", exc)
        from dossier.pipeline import cached_nlp, process_many

        return list(process_many(articles, cached_nlp(settings), batch_size=settings.batch_size))

    return run


def _rebuild(store, summary: IngestSummary, say, settings: Settings, pool=None) -> None:
    from dossier.crossref import update_cross_article

    say("rebuilding cross-article results")
    try:
        # None: another process's rebuild covers our articles
        counts = update_cross_article(store, process=reprocessor(settings, pool))
    except DossierError:
        raise
    except Exception as exc:  # noqa: BLE001  (the articles are stored; the rebuild stays pending)
        log.warning("cross-article rebuild failed", exc_info=True)
        summary.rebuild_error = f"{type(exc).__name__}: {' '.join(str(exc).split())[:300]}"
        return
    summary.rebuilt = counts is not None
    summary.crossref = counts


def rebuild(settings: Settings, force: bool = True) -> dict[str, int] | None:
    """Recompute the cross-article results (timeline, quote groups, disputes, conflicts,
    positions) from what is stored: ``dossier rebuild``. With ``force=False`` only when they
    do not cover every stored article (None when they do, e.g. another process rebuilt them)."""
    from dossier.crossref import rebuild_cross_article, update_cross_article
    from dossier.store import open_store

    with open_store(settings) as store:
        learned_file = None
        try:
            settings, learned_file = _with_learned_roles(settings, store)  # as ingest processes articles
            process = reprocessor(settings)
            return rebuild_cross_article(store, process) if force else update_cross_article(store, process)
        finally:
            if learned_file is not None:
                Path(learned_file).unlink(missing_ok=True)


def rebuild_if_stale(settings: Settings) -> str | None:
    """Finish a cross-article rebuild an earlier run left undone (e.g. killed after storing its
    last article). Returns None when the results were up to date, else one line saying what
    happened (rebuilt, or why they stay stale: a database this process cannot write...)."""
    import datetime as dt

    from dossier.store import open_store

    with open_store(settings, readonly=True) as store:
        if store.cross_article_current():
            return None
        last = store.last_stored_at()
    if last:
        age = dt.datetime.now(dt.timezone.utc) - dt.datetime.fromisoformat(last)
        if age.total_seconds() < QUIET_SECONDS:  # an ingest is probably still storing: it rebuilds at its end
            return (f"cross-article results do not include the articles stored in the last {QUIET_SECONDS} s "
                    "(an ingest is running?)")
    try:
        if rebuild(settings, force=False) is None:  # another process finished it meanwhile
            return None
    except DossierError as exc:
        return f"cross-article results are out of date and cannot be rebuilt here ({exc})"
    except Exception as exc:  # noqa: BLE001  (a reader command still shows what is stored)
        log.warning("cross-article rebuild failed", exc_info=True)
        return (f"cross-article results are out of date: the rebuild failed ({type(exc).__name__}); "
                "run 'dossier rebuild'")
    return "cross-article results rebuilt (an earlier ingest stopped before finishing them)"


def article_from_text(text: str, **meta) -> Article:
    """Convenience for library users: an Article from a string."""
    return Article(raw_text=text, **meta)
