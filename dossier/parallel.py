"""Scale-out: run the per-article pipeline over worker processes with Dask.

``process_many`` is pure, so the same function maps over a ``dask.bag`` unchanged. Each
worker process loads the spaCy pipeline once (``cached_nlp``) and reuses it for every article
of its partitions. The default scheduler is local processes; pass a ``dask.distributed``
client's scheduler via ``scheduler=`` to run on a cluster.

Failures stay per article: an article a stage raises on comes back as an
:class:`~dossier.models.ArticleFailure` (from ``process_many`` in the worker). A chunk whose
workers fail as a whole (a worker process killed, a result that cannot travel back) comes back
as one ArticleFailure per article of the chunk, component ``"worker"``; a configuration error
(:class:`~dossier.errors.DossierError`, e.g. the model is not installed) stops the run.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from dossier.config import Settings
from dossier.errors import DossierError
from dossier.models import Article, ArticleFailure, ArticleRecords

log = logging.getLogger(__name__)

Result = ArticleRecords | ArticleFailure


def _process_partition(articles: list[Article], settings: Settings) -> list[Result]:
    from dossier.pipeline import cached_nlp, process_many

    nlp = cached_nlp(settings)
    return list(process_many(articles, nlp, batch_size=settings.batch_size))


def process_parallel(articles: Iterable[Article], settings: Settings, workers: int = 2,
                     chunk: int = 64, scheduler: str | object = "processes") -> Iterator[Result]:
    """Yield records or failures for ``articles`` (in input order), ``chunk`` articles at a time,
    each chunk spread over ``workers`` processes. Memory stays bounded by the chunk size."""
    import dask.bag as db

    buffer: list[Article] = []

    def run(batch: list[Article]) -> list[Result]:
        bag = db.from_sequence(batch, npartitions=max(1, min(workers, len(batch))))
        try:
            out = bag.map_partitions(_process_partition, settings).compute(scheduler=scheduler, num_workers=workers)
        except DossierError:
            raise
        except Exception as exc:  # noqa: BLE001  (worker boundary: the chunk's articles are kept as failures)
            log.warning("a chunk of %d articles failed in its workers", len(batch), exc_info=True)
            return [ArticleFailure.from_exception(article, "worker", exc) for article in batch]
        return list(out)

    for article in articles:
        buffer.append(article)
        if len(buffer) >= chunk:
            yield from run(buffer)
            buffer = []
    if buffer:
        yield from run(buffer)
