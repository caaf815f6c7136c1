"""``--scheduler tcp://HOST:PORT``: the per-article pipeline on a ``dask.distributed`` cluster.

The client registers :class:`DossierWorkerPlugin` with the scheduler: every worker, present or
joining later, loads the spaCy pipeline once when the plugin is attached (and opens the shared
database when workers write), then runs chunks of articles with
:func:`dossier.parallel.tasks.run_chunk`. Chunks are submitted with ``Client.submit``; the
streaming (bounded in flight, input order, failure isolation) is :mod:`dossier.parallel.stream`.

Every worker host needs the same ``dossier`` installation as the client (same version, same
model) and any ``--kb`` / issues file at the same path. Start workers with ``--nthreads 1``: one
spaCy pipeline per process runs one chunk at a time.
"""
from __future__ import annotations

import logging
from typing import Any

from distributed import Client
from distributed.diagnostics.plugin import WorkerPlugin

import dossier
from dossier.config import Settings
from dossier.errors import DossierError
from dossier.parallel import tasks

log = logging.getLogger(__name__)

PLUGIN = "dossier-pipeline"
CONNECT_TIMEOUT = "20s"


class DossierWorkerPlugin(WorkerPlugin):
    """Loads the pipeline (and opens the store when workers write) once per worker process."""

    name = PLUGIN
    idempotent = False  # a new ingest with other settings replaces the previous plugin

    def __init__(self, settings: Settings, write: bool, version: str = dossier.__version__):
        self.settings, self.write, self.version = settings, write, version
        self.error: str | None = None

    def setup(self, worker) -> None:
        tasks.limit_threads()
        if self.version != dossier.__version__:
            self.error = (f"worker {worker.address} runs dossier {dossier.__version__}, "
                          f"the client {self.version}")
        else:
            self.error = tasks.warm_up(self.settings, self.write)
        if self.error:
            log.error("dossier worker set-up: %s", self.error)

    def teardown(self, worker) -> None:
        tasks.close_stores()


def _check_worker() -> None:
    """Runs on each worker before its first chunk: a plugin set-up error becomes a DossierError."""
    from distributed import get_worker

    plugin = get_worker().plugins.get(PLUGIN)
    if plugin is not None and plugin.error:
        raise DossierError(plugin.error)


def run_chunk(articles, settings: Settings, write: bool = False) -> list:
    _check_worker()
    return tasks.run_chunk(articles, settings, write)


class ClusterPool:
    """``submit(chunk) -> Future`` on the workers of a Dask scheduler (or of a given ``Client``)."""

    def __init__(self, settings: Settings, scheduler: str | Client, write: bool = False):
        self.settings, self.write = settings, write
        self._own = not isinstance(scheduler, Client)
        if self._own:
            try:
                self.client = Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
            except (OSError, TimeoutError, ValueError) as exc:
                raise DossierError(f"cannot reach the Dask scheduler at {scheduler}: "
                                   f"{' '.join(str(exc).split())[:200]}") from None
        else:
            self.client = scheduler
        try:
            self.client.register_plugin(DossierWorkerPlugin(settings, write), name=PLUGIN)
        except Exception:
            self.close()
            raise

    @property
    def threads(self) -> int:
        """Worker threads on the cluster now (at least 1: chunks wait for workers to join)."""
        return max(1, sum(self.client.nthreads().values()))

    def submit(self, chunk) -> Any:
        return self.client.submit(run_chunk, chunk, self.settings, self.write, pure=False)

    def close(self) -> None:
        if self._own:
            self.client.close()

    def __enter__(self) -> "ClusterPool":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
