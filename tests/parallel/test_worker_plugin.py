"""The Dask worker plugin ships the client's knowledge-base files to workers on other hosts."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

pytest.importorskip("distributed")

from dossier.config import Settings  # noqa: E402
from dossier.parallel import cluster, tasks  # noqa: E402


@pytest.fixture()
def no_model(monkeypatch):
    loaded = []
    monkeypatch.setattr(tasks, "warm_up", lambda settings, write=False: loaded.append(settings))
    return loaded


def test_a_kb_file_missing_on_the_worker_is_written_there(tmp_path, no_model):
    kb = tmp_path / "client" / "mine.yaml"
    kb.parent.mkdir()
    kb.write_text("entities: []\n", encoding="utf-8")
    plugin = cluster.DossierWorkerPlugin(Settings(kb_files=(str(kb),)), write=False)
    kb.unlink()  # the worker runs on another host: the client's path does not exist there
    plugin.setup(SimpleNamespace(address="tcp://w:1", local_directory=str(tmp_path / "worker")))
    assert plugin.error is None
    [local] = plugin.local.kb_files
    assert Path(local).parent == tmp_path / "worker" / "dossier-kb"
    assert Path(local).read_text(encoding="utf-8") == "entities: []\n"
    assert no_model == [plugin.local]


def test_the_same_file_on_the_worker_keeps_its_path(tmp_path, no_model):
    kb = tmp_path / "shared.yaml"
    kb.write_text("entities: []\n", encoding="utf-8")
    plugin = cluster.DossierWorkerPlugin(Settings(kb_files=(str(kb),)), write=False)
    plugin.setup(SimpleNamespace(address="tcp://w:1", local_directory=str(tmp_path / "worker")))
    assert plugin.local.kb_files == (str(kb),)


def test_another_dossier_version_on_a_worker_is_an_error(tmp_path, no_model):
    plugin = cluster.DossierWorkerPlugin(Settings(), write=False, version="0.0.1")
    plugin.setup(SimpleNamespace(address="tcp://w:1", local_directory=str(tmp_path)))
    assert plugin.error.startswith("worker tcp://w:1 runs dossier") and "the client 0.0.1" in plugin.error
    assert no_model == []
