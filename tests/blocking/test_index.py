"""Candidate indexes: symmetric, order-independent, complete for their threshold, and selective."""
from __future__ import annotations

import itertools
import random

import pytest

from dossier.blocking.index import KeyIndex, PrefixIndex, frequency_rank


def _pairs(index, records):
    out = set()
    for rid, tokens in records:
        out.update(frozenset((rid, other)) for other in index.add(rid, tokens))
    return out


def _random_sets(n, vocabulary, seed):
    rng = random.Random(seed)
    words = [f"w{i}" for i in range(vocabulary)]
    return [(i, set(rng.sample(words, rng.randint(1, 12)))) for i in range(n)]


@pytest.mark.parametrize("threshold", [0.3, 0.5, 0.8, 1.0])
@pytest.mark.parametrize("ranked", [False, True])
def test_prefix_index_finds_every_pair_above_its_threshold(threshold, ranked):
    records = _random_sets(300, 60, seed=7)
    rank = frequency_rank(tokens for _, tokens in records) if ranked else None
    found = _pairs(PrefixIndex(threshold, rank=rank), records)
    for (i, a), (j, b) in itertools.combinations(records, 2):
        if len(a & b) >= threshold * min(len(a), len(b)):
            assert frozenset((i, j)) in found, (a, b)


def test_prefix_index_does_not_depend_on_insertion_order():
    records = _random_sets(200, 80, seed=3)
    rank = frequency_rank(tokens for _, tokens in records)
    forward = _pairs(PrefixIndex(0.5, rank=rank), records)
    backward = _pairs(PrefixIndex(0.5, rank=rank), list(reversed(records)))
    shuffled = records[:]
    random.Random(1).shuffle(shuffled)
    assert forward == backward == _pairs(PrefixIndex(0.5, rank=rank), shuffled)


def test_prefix_index_compares_far_fewer_than_all_pairs():
    records = _random_sets(2000, 5000, seed=11)
    index = PrefixIndex(0.5, rank=frequency_rank(tokens for _, tokens in records))
    _pairs(index, records)
    assert index.comparisons < 0.01 * 2000 * 1999 / 2


def test_key_index_files_and_probes():
    index = KeyIndex()
    assert index.add("day", {("putin", "W48")}, {("putin", "W48"), ("putin", "2025-11")}) == set()
    assert index.add("month", {("putin", "2025-11")}) == {"day"}  # the day report probes the month
    assert index.add("other", {("zelensky", "W48")}) == set()
    assert index.add("same week", {("putin", "W48")}) == {"day"}
    assert index.comparisons == 2


def test_threshold_must_be_a_share():
    with pytest.raises(ValueError):
        PrefixIndex(0)
