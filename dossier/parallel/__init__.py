"""Scale-out: the per-article pipeline over worker processes, on this machine or a Dask cluster.

``process_many`` is pure, so the same function runs in any process. Two executors:

- ``workers=N`` (``dossier ingest --workers N``): a persistent pool of N local processes
  (:mod:`dossier.parallel.local`), each loading the model once for the whole run;
- ``scheduler="tcp://HOST:PORT"`` or a ``distributed.Client`` (``dossier ingest --scheduler``):
  the workers of a Dask cluster (:mod:`dossier.parallel.cluster`), each loading the model once
  (a worker plugin).

Either way the articles are streamed in chunks with a bounded number in flight, and results come
back in input order (:mod:`dossier.parallel.stream`). With ``write=True`` the workers store each
article themselves (a shared PostgreSQL database) and only a small
:class:`~dossier.writer.Stored` / :class:`~dossier.writer.NotStored` travels back; otherwise the
records travel back and the caller stores them.

Failures stay per article: an article a stage raises on comes back as an
:class:`~dossier.models.ArticleFailure` (from ``process_many`` in the worker); an article lost
with its worker (killed, out of memory) as one with component ``"worker"``; a configuration
error (:class:`~dossier.errors.DossierError`, e.g. the model is not installed) stops the run.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import Any

from dossier.config import Settings
from dossier.models import Article
from dossier.parallel.stream import ExecutorLost, ordered

log = logging.getLogger(__name__)

__all__ = ["ExecutorLost", "process_parallel"]


def process_parallel(articles: Iterable[Article], settings: Settings, workers: int | None = None,
                     scheduler: Any = None, chunk: int | None = None, in_flight: int | None = None,
                     write: bool = False, pool: Any = None) -> Iterator[Any]:
    """Yield, in input order, ``ArticleRecords | ArticleFailure`` for each article (with
    ``write``: ``Stored | NotStored | ArticleFailure``).

    ``workers`` local processes (default ``settings.n_process``), or the workers of
    ``scheduler`` (an address or a ``distributed.Client``), or ``pool``, a
    :class:`~dossier.parallel.local.LocalPool` the caller opened and closes (its processes, and
    the models they loaded, serve several streams: ``dossier ingest`` re-dates articles on the
    workers that processed them). ``chunk`` articles per task (default ``settings.batch_size``);
    at most ``in_flight`` chunks submitted at once (default: two per worker thread, asked again
    before each submit on a cluster), which bounds memory however long the stream."""
    chunk = chunk or settings.batch_size
    if pool is not None:
        yield from ordered(articles, lambda part: pool.submit(part, write=write), chunk, in_flight or 2 * pool.workers)
        return
    if scheduler is not None:
        from dossier.parallel.cluster import ClusterPool

        pool = ClusterPool(settings, scheduler, write=write)
        limit = in_flight or (lambda: 2 * pool.threads)  # workers may join or leave during the run
    else:
        from dossier.parallel.local import LocalPool

        threads = workers or settings.n_process
        pool = LocalPool(settings, threads, write=write)
        limit = in_flight or 2 * threads
    with pool:
        yield from ordered(articles, pool.submit, chunk, limit)
