"""What runs inside a worker process (a local pool process or a Dask worker).

Each process loads the spaCy pipeline once (``cached_nlp``, at start-up: the pool initializer
or the Dask :class:`~dossier.parallel.cluster.DossierWorkerPlugin`) and, when workers write,
opens the store once; every chunk of articles then reuses them.
"""
from __future__ import annotations

import gc
import logging
import os
import threading

from dossier.config import Settings
from dossier.models import Article, ArticleRecords

log = logging.getLogger(__name__)

# Numerical libraries must not start their own thread pools in a worker: N workers on N cores
# with a BLAS/OpenMP pool each would oversubscribe the cores (Dask's nanny sets the same).
THREAD_LIMITS = {name: "1" for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                                         "BLIS_NUM_THREADS", "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")}

_stores: dict[str, object] = {}
# A spaCy pipeline is not meant to run in two threads at once: a Dask worker started with
# several threads runs its chunks one after the other (start workers with --nthreads 1).
_lock = threading.Lock()


def limit_threads() -> None:
    """One thread per worker for numpy/BLAS/OpenMP (unless the user set a value)."""
    for name, value in THREAD_LIMITS.items():
        os.environ.setdefault(name, value)


def warm_up(settings: Settings, write: bool = False) -> str | None:
    """Load the pipeline (and open the store when workers write) once for this process.
    Returns the error line when it cannot (the first chunk raises it again, as a DossierError)."""
    from dossier.errors import DossierError
    from dossier.pipeline import cached_nlp

    try:
        cached_nlp(settings)
        if write:
            worker_store(settings)
    except DossierError as exc:
        return str(exc)
    return None


def settle() -> None:
    """For a process that runs the pipeline for the rest of its life (a worker, once warmed up;
    ``dossier ingest`` once the model is loaded): collect once, then move every object alive into
    the collector's permanent generation (:func:`gc.freeze`), so the full collections of the run
    no longer walk the loaded model's tables and the knowledge base (about 650,000 tracked objects;
    0.15 CPU-s per full collection). A process-wide setting: only the owner of the process calls it."""
    gc.collect()
    gc.freeze()


def worker_store(settings: Settings):
    """This process's connection to the shared database (opened once, reused by every chunk)."""
    from dossier.store import open_store

    store = _stores.get(settings.db)
    if store is None:
        store = _stores[settings.db] = open_store(settings)
    return store


def close_stores() -> None:
    while _stores:
        _, store = _stores.popitem()
        store.close()


def run_chunk(articles: list[Article], settings: Settings, write: bool = False) -> list:
    """The per-article pipeline over ``articles``: ArticleRecords | ArticleFailure each, in input
    order. With ``write``, each article's records are stored here and a small
    :class:`~dossier.writer.Stored` / :class:`~dossier.writer.NotStored` comes back instead."""
    from dossier.pipeline import cached_nlp, process_many

    with _lock:
        results = process_many(articles, cached_nlp(settings), batch_size=settings.batch_size)
        if not write:
            return list(results)
        from dossier.writer import write_records

        store = worker_store(settings)
        return [write_records(store, r) if isinstance(r, ArticleRecords) else r for r in results]
