"""``--scheduler tcp://HOST:PORT``: the per-article pipeline on a ``dask.distributed`` cluster.

The client registers :class:`DossierWorkerPlugin` with the scheduler: every worker, present or
joining later, loads the spaCy pipeline once when the plugin is attached (and opens the shared
database when workers write), then runs chunks of articles with
:func:`dossier.parallel.tasks.run_chunk`. Chunks are submitted with ``Client.submit``; the
streaming (bounded in flight, input order, failure isolation) is :mod:`dossier.parallel.stream`.

Every worker host needs the same ``dossier`` installation as the client (same version, same
model); the client's knowledge-base and issues files travel with the plugin. Start workers with
``--nthreads 1``: one spaCy pipeline per process runs one chunk at a time.
"""
from __future__ import annotations

import dataclasses
import hashlib
import logging
import tempfile
from pathlib import Path
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
    """Loads the pipeline (and opens the store when workers write) once per worker process.

    The client's knowledge-base and issues files (``--kb``, and the roles learned from the stored
    articles, which ingest writes to a temporary file) travel with the plugin: a worker on another
    host writes them into its local directory and runs with those paths."""

    idempotent = True  # the name says what it loads: the same plugin again is already there

    def __init__(self, settings: Settings, write: bool, version: str = dossier.__version__):
        self.settings, self.write, self.version = settings, write, version
        paths = [*settings.kb_files, *([settings.issues_file] if settings.issues_file else [])]
        self.files = {p: Path(p).read_bytes() for p in paths if Path(p).is_file()}
        # one plugin per (settings, files, write): two ingests with other settings on one cluster
        # each find their own pipeline on every worker
        digest = hashlib.sha256(repr((settings, write, version, sorted(self.files.items()))).encode())
        self.name = f"{PLUGIN}-{digest.hexdigest()[:16]}"
        self.local: Settings = settings  # the settings with paths valid on this worker (set up there)
        self.error: str | None = None

    def _here(self, path: str, folder: Path) -> str:
        data = self.files.get(path)
        if data is None or (Path(path).is_file() and Path(path).read_bytes() == data):
            return path  # not shipped (missing on the client too: the load says so), or the same file here
        target = folder / f"{hashlib.sha256(data).hexdigest()[:16]}-{Path(path).name}"
        if not target.exists():
            target.write_bytes(data)
        return str(target)

    def setup(self, worker) -> None:
        tasks.limit_threads()
        if self.version != dossier.__version__:
            self.error = (f"worker {worker.address} runs dossier {dossier.__version__}, "
                          f"the client {self.version}")
        else:
            folder = Path(getattr(worker, "local_directory", None) or tempfile.gettempdir()) / "dossier-kb"
            folder.mkdir(parents=True, exist_ok=True)
            issues = self.settings.issues_file
            self.local = dataclasses.replace(
                self.settings, kb_files=tuple(self._here(p, folder) for p in self.settings.kb_files),
                issues_file=self._here(issues, folder) if issues else None)
            self.error = tasks.warm_up(self.local, self.write)
        if self.error:
            log.error("dossier worker set-up: %s", self.error)

    def teardown(self, worker) -> None:
        tasks.close_stores()


def run_chunk(articles, settings: Settings, write: bool = False, plugin_name: str = PLUGIN) -> list:
    """On a worker: a plugin set-up error becomes a DossierError; the chunk runs with the
    plugin's settings (file paths valid on this worker)."""
    from distributed import get_worker

    plugin = get_worker().plugins.get(plugin_name)
    if plugin is not None:
        if plugin.error:
            raise DossierError(plugin.error)
        settings = plugin.local
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
        self.plugin = DossierWorkerPlugin(settings, write)
        try:
            self.client.register_plugin(self.plugin, name=self.plugin.name)
        except Exception:
            self.close()
            raise

    @property
    def threads(self) -> int:
        """Worker threads on the cluster now (at least 1: chunks wait for workers to join)."""
        return max(1, sum(self.client.nthreads().values()))

    def submit(self, chunk) -> Any:
        return self.client.submit(run_chunk, chunk, self.settings, self.write, self.plugin.name, pure=False)

    def close(self) -> None:
        if self._own:
            self.client.close()

    def __enter__(self) -> "ClusterPool":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
