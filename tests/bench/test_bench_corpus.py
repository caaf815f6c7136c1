"""Benchmark corpora: real articles from a folder, replicated with distinct closing lines."""
from __future__ import annotations

import pytest

from dossier.bench.corpus import read_corpus, replicate
from dossier.errors import DossierError
from dossier.models import Article


def test_replicate_cycles_with_a_distinct_closing_line():
    base = [Article(raw_text="Premier texte écrit pour ce test.", source="a"),
            Article(raw_text="Second texte écrit pour ce test.", source="b")]
    out = replicate(base, 5)
    assert [a.source for a in out] == ["a#1", "b#2", "a#3", "b#4", "a#5"]
    assert len({a.content_hash for a in out}) == 5
    assert all(a.raw_text.startswith(base[i % 2].raw_text) for i, a in enumerate(out))


def test_read_corpus_reads_a_folder_and_refuses_an_empty_one(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "x.txt").write_text("Un article de test, écrit pour ce test.\n", encoding="utf-8")
    assert [a.raw_text.strip() for a in read_corpus(str(tmp_path / "in"))] == ["Un article de test, écrit pour ce test."]
    (tmp_path / "empty").mkdir()
    with pytest.raises(DossierError, match="no article to benchmark"):
        read_corpus(str(tmp_path / "empty"))


def test_real_articles_of_the_seeds(seeds_dir):
    articles = read_corpus(str(seeds_dir))
    assert len(articles) == 5 and all(len(a.raw_text) > 1000 for a in articles)
