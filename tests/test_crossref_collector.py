"""The incremental update runs with Python's cyclic garbage collector paused (a zero threshold),
and gives it back as it found it (crossref._collector_paused)."""
from __future__ import annotations

import gc

import dossier.crossref as crossref
from dossier.bench.synth import synthetic_records
from dossier.config import Settings
from dossier.store import open_store


def _update(tmp_path, monkeypatch) -> list[int]:
    seen: list[int] = []
    cover = crossref._update_kind

    def spy(*args, **kwargs):
        seen.append(gc.get_threshold()[0])
        return cover(*args, **kwargs)

    monkeypatch.setattr(crossref, "_update_kind", spy)
    with open_store(Settings().with_(db=str(tmp_path / "x.db"))) as store:
        store.add_many(synthetic_records(4, 11))
        assert crossref.update_cross_article(store)
    return seen


def test_the_collector_is_paused_while_the_update_covers_articles(tmp_path, monkeypatch):
    before = gc.get_threshold()
    assert before[0] > 0
    seen = _update(tmp_path, monkeypatch)
    assert seen and not any(seen)  # every kind covered with the threshold at zero
    assert gc.get_threshold() == before


def test_the_thresholds_the_caller_set_are_given_back(tmp_path, monkeypatch):
    before = gc.get_threshold()
    gc.set_threshold(12345, 7, 3)
    try:
        _update(tmp_path, monkeypatch)
        assert gc.get_threshold() == (12345, 7, 3)
    finally:
        gc.set_threshold(*before)
