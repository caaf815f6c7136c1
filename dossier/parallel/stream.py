"""Chunks of articles streamed through an executor: bounded in flight, results in input order.

``ordered(articles, submit, chunk, in_flight)`` cuts the article stream into chunks, keeps at most
``in_flight`` chunks submitted (so memory stays flat however long the stream) and yields each
chunk's results in input order as soon as the oldest chunk is done; the workers go on with the
next chunks while the caller stores these (the writer overlaps the NLP).

Input order (rather than completion order) costs a little waiting behind a slow chunk but makes a
parallel run store exactly what a serial run stores: the same article ids, the same
near-duplicate links.

Failures: a chunk whose task raises (a worker killed, a result that cannot travel back) is run
again one article per task, so only the article that kills its worker is lost; that article comes
back as an :class:`~dossier.models.ArticleFailure` with component ``"worker"``. A
:class:`~dossier.errors.DossierError` (a configuration error such as a missing model) stops the
run, as does losing the executor itself (:class:`ExecutorLost`).
"""
from __future__ import annotations

import logging
from collections import deque
from concurrent.futures import CancelledError
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from dossier.errors import DossierError
from dossier.models import Article, ArticleFailure

log = logging.getLogger(__name__)

WORKER = "worker"  # the stage named in an ArticleFailure lost with its worker


class ExecutorLost(DossierError):
    """The pool or the Dask scheduler is gone: nothing more can be processed in this run."""


def chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    buffer: list[Any] = []
    for item in items:
        buffer.append(item)
        if len(buffer) >= size:
            yield buffer
            buffer = []
    if buffer:
        yield buffer


def ordered(articles: Iterable[Article], submit: Callable[[list[Article]], Any], chunk: int,
            in_flight: int | Callable[[], int]) -> Iterator[Any]:
    """Yield the results of ``submit(chunk)`` futures, article by article, in input order.
    ``in_flight`` may be a function, asked before each submit (a cluster whose workers come and go)."""
    limit = in_flight if callable(in_flight) else (lambda: in_flight)
    pending: deque = deque()
    for part in chunks(articles, max(1, chunk)):
        pending.append((part, submit(part)))
        while len(pending) >= max(1, limit()):
            yield from _collect(*pending.popleft(), submit)
    while pending:
        yield from _collect(*pending.popleft(), submit)


def _collect(part: list[Article], future, submit) -> list[Any]:
    try:
        results = future.result()
    except DossierError:
        raise
    except CancelledError as exc:  # the pool was shut down or the scheduler is gone
        raise ExecutorLost(f"the workers are gone ({' '.join(str(exc).split())[:200]})") from exc
    except Exception as exc:  # noqa: BLE001  (worker boundary: the chunk's articles are isolated)
        if len(part) == 1:
            log.warning("an article was lost with its worker: %s", exc)
            return [ArticleFailure.from_exception(part[0], WORKER, exc)]
        log.warning("a chunk of %d articles failed in its worker (%s); running them one by one",
                    len(part), exc)
        return [r for article in part for r in _collect([article], submit([article]), submit)]
    if len(results) != len(part):  # a worker must answer for every article it was given
        raise ExecutorLost(f"a worker returned {len(results)} results for {len(part)} articles")
    return results
