"""The on-disk start-up cache (dossier.cache): built once, read back, rebuilt when its inputs
change or its file is unreadable, and never a reason for a run to fail."""
from __future__ import annotations

import marshal
import os
from pathlib import Path

import pytest

from dossier import cache


@pytest.fixture()
def folder(tmp_path, monkeypatch):
    where = tmp_path / "cache"
    monkeypatch.setenv("DOSSIER_CACHE_DIR", str(where))
    return where


class Builder:
    """A build function that counts its calls."""

    def __init__(self, value):
        self.value, self.calls = value, 0

    def __call__(self):
        self.calls += 1
        return self.value


VALUE = {"paris": (1, 2), "lyon": [3.5, None, True], "nested": {"k": ("a", "b")}}


def entry_file(folder: Path, name: str) -> Path:
    files = list(folder.glob(f"{name}-*{cache.SUFFIX}"))
    assert len(files) == 1, files
    return files[0]


def test_a_value_is_built_once_then_read_back(folder):
    build = Builder(VALUE)
    key = cache.fingerprint(extra=["one"])
    assert cache.cached("table", key, build) == VALUE
    again = cache.cached("table", key, build)
    assert again == VALUE and build.calls == 1
    assert isinstance(again["paris"], tuple) and isinstance(again["lyon"], list)  # types kept


def test_a_new_key_rebuilds_and_removes_the_stale_entry(folder):
    cache.cached("table", cache.fingerprint(extra=["v1"]), Builder({"v": 1}))
    old = entry_file(folder, "table")
    build = Builder({"v": 2})
    assert cache.cached("table", cache.fingerprint(extra=["v2"]), build) == {"v": 2}
    assert build.calls == 1
    assert not old.exists() and entry_file(folder, "table") != old


@pytest.mark.parametrize("damage", ["flip a byte", "truncate", "empty", "other file", "bad payload"])
def test_a_damaged_entry_is_built_again_and_rewritten(folder, damage):
    key = cache.fingerprint(extra=["damage"])
    cache.cached("table", key, Builder(VALUE))
    path = entry_file(folder, "table")
    blob = path.read_bytes()
    if damage == "flip a byte":
        blob = blob[:-3] + bytes([blob[-3] ^ 0xFF]) + blob[-2:]
    elif damage == "truncate":
        blob = blob[: len(blob) // 2]
    elif damage == "empty":
        blob = b""
    elif damage == "other file":
        blob = b"not a cache entry at all\n" + blob
    else:  # a matching checksum over bytes marshal cannot load
        import hashlib

        payload = b"\xff\x00garbage"
        head = cache.HEADER + key.encode() + b"\n"
        blob = head + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload
    path.write_bytes(blob)
    build = Builder(VALUE)
    assert cache.cached("table", key, build) == VALUE
    assert build.calls == 1
    repaired = Builder(None)
    assert cache.cached("table", key, repaired) == VALUE and repaired.calls == 0  # the file was rewritten


def test_a_folder_that_cannot_be_written_only_costs_the_build(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way")
    monkeypatch.setenv("DOSSIER_CACHE_DIR", str(blocker / "cache"))  # a folder under a file
    build = Builder(VALUE)
    assert cache.cached("table", "k" * 64, build) == VALUE
    assert cache.cached("table", "k" * 64, build) == VALUE
    assert build.calls == 2


@pytest.mark.parametrize("off", ["off", "0", ""])
def test_the_cache_can_be_turned_off(tmp_path, monkeypatch, off):
    monkeypatch.setenv("DOSSIER_CACHE_DIR", off)
    monkeypatch.chdir(tmp_path)
    assert cache.cache_dir() is None
    build = Builder(VALUE)
    cache.cached("table", "k" * 64, build)
    cache.cached("table", "k" * 64, build)
    assert build.calls == 2 and not list(tmp_path.rglob(f"*{cache.SUFFIX}"))


def test_the_default_folder_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv("DOSSIER_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.cache_dir() == tmp_path / "dossier"


def test_a_value_that_is_not_plain_data_is_returned_but_not_stored(folder):
    value = {"when": object()}
    build = Builder(value)
    assert cache.cached("odd", "k" * 64, build) == value
    assert cache.cached("odd", "k" * 64, build) == value
    assert build.calls == 2 and not list(folder.glob("odd-*"))


def test_the_fingerprint_follows_every_input(tmp_path):
    data = tmp_path / "data.txt"
    data.write_text("one")
    base = cache.fingerprint(files=[data], modules=["dossier.cache"], packages=["pyyaml"], extra=["x"])
    assert base == cache.fingerprint(files=[data], modules=["dossier.cache"], packages=["pyyaml"], extra=["x"])
    data.write_text("two")
    os.utime(data, ns=(1, 1))  # a new size/time: the file's digest is taken again
    assert cache.fingerprint(files=[data], modules=["dossier.cache"], packages=["pyyaml"], extra=["x"]) != base
    assert cache.fingerprint(files=[data], modules=["dossier.ingest"], packages=["pyyaml"], extra=["x"]) != \
        cache.fingerprint(files=[data], modules=["dossier.cache"], packages=["pyyaml"], extra=["x"])
    assert cache.fingerprint(extra=["x"]) != cache.fingerprint(extra=["y"])
    assert cache.fingerprint(files=[tmp_path / "missing"]) != cache.fingerprint(files=[data])


def test_an_entry_is_marshal_data_behind_a_header(folder):
    cache.cached("table", "a" * 64, Builder(VALUE))
    blob = entry_file(folder, "table").read_bytes()
    head = cache.HEADER + b"a" * 64 + b"\n"
    assert blob.startswith(head)
    assert marshal.loads(blob[len(head) + 65:]) == VALUE


# -- the entries dossier keeps -----------------------------------------------------------------

def test_the_place_gazetteer_is_read_back_from_the_cache(folder, monkeypatch):
    from dossier.entities import geo

    geo._gazetteer.cache_clear()
    try:
        built = geo._gazetteer()
        assert entry_file(folder, "gazetteer").stat().st_size > 0
        geo._gazetteer.cache_clear()

        def no_build():
            raise AssertionError("built again although cached")

        monkeypatch.setattr(geo, "build_gazetteer", no_build)
        read = geo._gazetteer()
        assert read == built
        assert geo.geocode("Pokrovsk") == geo.geocode("Pokrovsk")
        monkeypatch.undo()
        assert read == geo.build_gazetteer()
    finally:
        geo._gazetteer.cache_clear()


def test_a_corrupt_gazetteer_file_is_built_again(folder):
    from dossier.entities import geo

    geo._gazetteer.cache_clear()
    try:
        built = geo._gazetteer()
        path = entry_file(folder, "gazetteer")
        path.write_bytes(path.read_bytes()[:1000])
        geo._gazetteer.cache_clear()
        assert geo._gazetteer() == built
        assert entry_file(folder, "gazetteer").stat().st_size > 1000  # rewritten whole
    finally:
        geo._gazetteer.cache_clear()


def test_the_generated_states_are_read_back_from_the_cache(folder, monkeypatch):
    from dossier.entities import kb

    kb._generated.cache_clear()
    try:
        built = kb._generated()
        kb._generated.cache_clear()
        monkeypatch.setattr(kb, "_build_generated", lambda: (_ for _ in ()).throw(AssertionError("built again")))
        assert kb._generated() == built
        monkeypatch.undo()
        assert kb._generated() == kb._build_generated()
    finally:
        kb._generated.cache_clear()


def test_the_gender_detector_is_rebuilt_from_its_cached_state(folder):
    import gender_guesser.detector as gg

    from dossier.quotes import speakers

    speakers._gender_detector.cache_clear()
    try:
        speakers._gender_detector()
        speakers._gender_detector.cache_clear()
        detector = speakers._gender_detector()  # from the file
        entry_file(folder, "gender-names")
        fresh = gg.Detector(case_sensitive=False)
        assert vars(detector) == vars(fresh)
        for name in ("Marie", "jean", "Andrea", "Zorglub"):
            assert detector.get_gender(name) == fresh.get_gender(name)
    finally:
        speakers._gender_detector.cache_clear()


def test_the_alias_trie_is_read_back_for_the_same_knowledge_base(folder, monkeypatch, tmp_path):
    from dossier.entities import kb as kbmod
    from dossier.entities.ruler import AliasRuler

    user = tmp_path / "user-kb.yaml"
    user.write_text("entities:\n  - {id: p_essai, name: Jeanne Essai, type: person, aliases: {fr: [Mme Essai]}}\n",
                    encoding="utf-8")
    kbmod._load.cache_clear()
    try:
        kb = kbmod.load_kb([str(user)])
        assert kb.source_key
        built = AliasRuler(kb).trie
        entry_file(folder, "alias-trie")
        monkeypatch.setattr(AliasRuler, "_add", lambda *a: (_ for _ in ()).throw(AssertionError("built again")))
        assert AliasRuler(kb).trie == built  # from the file
        monkeypatch.undo()
        assert "essai" in built["jeanne"]
        user.write_text("entities:\n  - {id: p_autre, name: Paule Autre, type: person}\n", encoding="utf-8")
        kbmod._load.cache_clear()
        other = AliasRuler(kbmod.load_kb([str(user)])).trie  # another file content: another key
        assert "paule" in other and "jeanne" not in other
    finally:
        kbmod._load.cache_clear()


def test_a_knowledge_base_changed_after_loading_builds_its_own_trie(folder):
    from dossier.entities import kb as kbmod
    from dossier.entities.ruler import AliasRuler

    kb = kbmod.KnowledgeBase()
    kb.add_data({"entities": [{"id": "o_essai", "name": "Office des Essais", "type": "organization"}]})
    assert kb.source_key is None
    assert "office" in AliasRuler(kb).trie and not list(folder.glob("alias-trie-*"))


def test_an_entry_may_keep_a_few_keys(folder):
    for version in range(5):
        cache.cached("trie", cache.fingerprint(extra=[str(version)]), Builder({"v": version}), keep=3)
    assert len(list(folder.glob(f"trie-*{cache.SUFFIX}"))) == 3
    build = Builder(None)
    assert cache.cached("trie", cache.fingerprint(extra=["4"]), build, keep=3) == {"v": 4}
    assert cache.cached("trie", cache.fingerprint(extra=["3"]), build, keep=3) == {"v": 3}
    assert build.calls == 0


def test_no_home_directory_means_no_cache_not_a_failure(monkeypatch):
    monkeypatch.delenv("DOSSIER_CACHE_DIR", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)

    def no_home(cls=None):
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", classmethod(no_home))
    assert cache.cache_dir() is None
    build = Builder(VALUE)
    assert cache.cached("table", "k" * 64, build) == VALUE and build.calls == 1
