"""``--workers N`` on one machine: a persistent pool of N processes for the whole run.

Each process starts once, limits numerical libraries to one thread, and loads the spaCy pipeline
in its initializer; every chunk then reuses it. (The earlier ``dask.bag`` version started a fresh
process pool for every chunk of 64 articles, so each worker imported spaCy and loaded the model
again per chunk: ``--workers 2`` used twice the CPU of one worker and was slower.)

A worker that dies (killed, out of memory, a crash in native code) breaks a
``ProcessPoolExecutor``; the pool is then replaced on the next submit and the chunks that were in
flight are run again one article per task (see :mod:`dossier.parallel.stream`).

The start method follows Dask's ``multiprocessing.context`` setting ("spawn" by default, which is
safe with the threads of the client; "fork" starts faster where it is safe).
"""
from __future__ import annotations

import logging
import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from dossier.config import Settings
from dossier.parallel import tasks
from dossier.parallel.stream import ExecutorLost

log = logging.getLogger(__name__)

# A pool that breaks this many times in a row without one chunk coming back is not losing an
# article now and then: its processes cannot start (e.g. a script without the
# ``if __name__ == "__main__":`` guard that the "spawn" start method needs).
MAX_BROKEN_IN_A_ROW = 3


def _start_method() -> str:
    try:
        import dask

        return dask.config.get("multiprocessing.context", "spawn")
    except ImportError:  # pragma: no cover  (dask is a dependency)
        return "spawn"


def _initialize(settings: Settings, write: bool) -> None:
    tasks.limit_threads()
    error = tasks.warm_up(settings, write)
    if error:  # the first chunk raises it again, with its message
        log.debug("worker start-up: %s", error)
    tasks.settle()  # this process is the pool's: the loaded model stays for its whole life


class LocalPool:
    """``submit(chunk) -> Future`` over N persistent worker processes."""

    def __init__(self, settings: Settings, workers: int, write: bool = False):
        self.settings, self.workers, self.write = settings, workers, write
        self.restarts = 0
        self._broken_in_a_row = 0  # pools broken since the last chunk that came back
        self._pool: ProcessPoolExecutor | None = None

    def _new_pool(self) -> ProcessPoolExecutor:
        tasks.limit_threads()  # inherited by spawned children before they import numpy
        context = multiprocessing.get_context(_start_method())
        return ProcessPoolExecutor(self.workers, mp_context=context, initializer=_initialize,
                                   initargs=(self.settings, self.write))

    @property
    def started(self) -> bool:
        """Whether the worker processes were started (by a first submit) and are still there."""
        return self._pool is not None

    def submit(self, chunk, write: bool | None = None) -> Future:
        """Run ``chunk`` on a worker; ``write`` (default: the pool's) False gets the records back
        even from workers that store their articles."""
        write = self.write if write is None else write
        if self._pool is None:
            self._pool = self._new_pool()
        try:
            future = self._pool.submit(tasks.run_chunk, chunk, self.settings, write)
        except BrokenProcessPool:
            self.restarts += 1
            self._broken_in_a_row += 1
            if self._broken_in_a_row > MAX_BROKEN_IN_A_ROW:  # not one lost article: the workers cannot run
                raise ExecutorLost(f"the worker processes died {self._broken_in_a_row} times in a row "
                                   "without finishing a chunk (see the messages above)") from None
            log.warning("a worker process died; starting a new pool")
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = self._new_pool()
            future = self._pool.submit(tasks.run_chunk, chunk, self.settings, write)
        future.add_done_callback(self._done)
        return future

    def _done(self, future: Future) -> None:
        if not future.cancelled() and future.exception() is None:
            self._broken_in_a_row = 0

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> "LocalPool":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
