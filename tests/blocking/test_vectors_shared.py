"""The cross-article sentence vectors read the vocabulary of the pipeline this process loaded
(dossier.blocking.vectors.share, called by build_nlp) instead of a second copy from disk: the
same vector for every sentence, and no second load."""
from __future__ import annotations

import re

import numpy as np
import pytest

from dossier.blocking import vectors


@pytest.fixture()
def fresh_vectors():
    def clear():
        vectors._vectors.cache_clear()
        vectors._word_vector.cache_clear()
        vectors.sentence_vector.cache_clear()

    saved = dict(vectors._LOADED)
    vectors._LOADED.clear()
    clear()
    yield clear
    vectors._LOADED.clear()
    vectors._LOADED.update(saved)
    clear()


def test_a_loaded_pipeline_vocabulary_gives_the_disk_copy_vectors(seeds_dir, fresh_vectors):
    from dossier.config import Settings
    from dossier.pipeline import build_nlp

    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]
    sentences = [s for t in texts for s in re.split(r"(?<=[.!?»])\s+", t) if len(s) > 20]
    assert len(sentences) > 50
    own = [vectors.sentence_vector(s) for s in sentences]  # nothing shared yet: the disk copy
    disk_vocab = vectors._vectors(vectors.DEFAULT_MODEL)
    fresh_vectors()
    settings = Settings()
    nlp = build_nlp(settings, components=())
    assert vectors._LOADED.get(settings.model) is nlp.vocab
    shared = [vectors.sentence_vector(s) for s in sentences]
    assert vectors._vectors(vectors.DEFAULT_MODEL) is nlp.vocab is not disk_vocab
    assert sum(v is not None for v in own) > 50
    for a, b in zip(own, shared):
        assert (a is None and b is None) or np.array_equal(a, b)
