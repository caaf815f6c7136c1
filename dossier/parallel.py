"""Scale-out: run the per-article pipeline over worker processes with Dask.

``process_article`` is pure, so the same function maps over a ``dask.bag`` unchanged. Each
worker process loads the spaCy pipeline once (``cached_nlp``) and reuses it for every article
of its partitions. The default scheduler is local processes; pass a ``dask.distributed``
client's scheduler via ``scheduler=`` to run on a cluster.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from dossier.config import Settings
from dossier.models import Article, ArticleRecords


def _process_partition(articles: list[Article], settings: Settings) -> list[ArticleRecords]:
    from dossier.pipeline import cached_nlp, process_many

    nlp = cached_nlp(settings)
    return list(process_many(articles, nlp, batch_size=settings.batch_size))


def process_parallel(articles: Iterable[Article], settings: Settings, workers: int = 2,
                     chunk: int = 64, scheduler: str | object = "processes") -> Iterator[ArticleRecords]:
    """Yield records for ``articles`` (in input order), ``chunk`` articles at a time, each chunk
    spread over ``workers`` processes. Memory stays bounded by the chunk size."""
    import dask.bag as db

    buffer: list[Article] = []

    def run(batch: list[Article]) -> list[ArticleRecords]:
        bag = db.from_sequence(batch, npartitions=max(1, min(workers, len(batch))))
        out = bag.map_partitions(_process_partition, settings).compute(scheduler=scheduler, num_workers=workers)
        return list(out)

    for article in articles:
        buffer.append(article)
        if len(buffer) >= chunk:
            yield from run(buffer)
            buffer = []
    if buffer:
        yield from run(buffer)
