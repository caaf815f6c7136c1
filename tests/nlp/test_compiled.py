"""The tokenizer's compiled expressions kept in the on-disk cache (dossier.nlp.compiled): a process
that preloads them gets patterns equal to what re.compile would build, without compiling."""
from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from dossier import cache
from dossier.nlp import compiled

MODEL = "test-model-for-the-regex-cache"


@pytest.fixture()
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("DOSSIER_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def fake_tokenizer(stamp: str) -> SimpleNamespace:
    """A tokenizer-like object whose matchers are bound methods of compiled patterns (as
    spaCy's are), with sources no other test compiles."""
    token = re.compile(rf"(?iu)^(?:{stamp}[a-zà-ÿ]+|(?P<word>[a-z]+)-{stamp})$")
    prefix = re.compile(rf"^[«\(\[]|^{stamp}")
    return SimpleNamespace(token_match=token.match, url_match=None, prefix_search=prefix.search,
                           suffix_search=None, infix_finditer=None)


def compiles_nothing(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("re compiled a pattern the cache should have given")

    monkeypatch.setattr(re._compiler, "compile", refuse)


def test_remembered_patterns_are_preloaded_without_compiling(folder, monkeypatch):
    tok = fake_tokenizer("qzx")
    patterns = compiled.tokenizer_patterns(tok)
    assert compiled.remember(MODEL, tok) == 2
    re.purge()
    assert compiled.preload(MODEL) == 2
    compiles_nothing(monkeypatch)
    for pattern in patterns:
        again = re.compile(pattern.pattern)  # what spaCy's loader calls
        assert again == pattern  # same flags, source and SRE code
        assert again.groupindex == pattern.groupindex
    assert re.compile(patterns[0].pattern).match("qzxétat")
    assert re.compile(patterns[0].pattern).match("abc-qzx").group("word") == "abc"


def test_nothing_is_preloaded_for_another_model_or_without_a_cache(folder, tmp_path, monkeypatch):
    compiled.remember(MODEL, fake_tokenizer("wvk"))
    assert compiled.preload("another-model") == 0
    monkeypatch.setenv("DOSSIER_CACHE_DIR", "off")
    assert compiled.preload(MODEL) == 0


def test_remember_adds_only_what_is_missing(folder):
    assert compiled.remember(MODEL, fake_tokenizer("jfh")) == 2
    before = next(folder.glob(f"{compiled.NAME}-*")).stat().st_mtime_ns
    assert compiled.remember(MODEL, fake_tokenizer("jfh")) == 2  # all there: not rewritten
    assert next(folder.glob(f"{compiled.NAME}-*")).stat().st_mtime_ns == before
    assert compiled.remember(MODEL, fake_tokenizer("pmd")) == 4


def test_code_the_engine_rejects_is_skipped_and_compiled_as_usual(folder):
    source = r"^zz(?:kq)+$"
    bogus = [(source, 0, re.compile(source).flags, [1, 2, 3], 0, {}, ())]
    cache.write(compiled.NAME, compiled._key(MODEL), bogus)
    re.purge()
    assert compiled.preload(MODEL) == 0
    assert re.compile(source).match("zzkqkq")


def test_the_real_tokenizer_patterns_round_trip(base_nlp):
    """spaCy's own prefix/suffix/infix expressions rebuild equal from the stored compiler output
    (the 1.45-million-character TOKEN_MATCH goes the same way, at a cost of seconds: left out)."""
    patterns = [p for p in compiled.tokenizer_patterns(base_nlp.tokenizer) if len(p.pattern) < 100_000]
    assert len(patterns) >= 3
    for pattern in patterns:
        entry = compiled._entry(pattern)
        assert entry is not None
        assert compiled._build(entry) == pattern
