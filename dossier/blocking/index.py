"""Candidate pairs from an index, never from all pairs.

Both indexes are incremental (``add`` returns the candidates among the records added before) and
symmetric: whether two records are candidates depends only on the two records, never on the
order they were added in, so a batch rebuild and an incremental update see the same pairs.
``comparisons`` counts the candidates handed out (the pairwise decisions a caller will make).
"""
from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping


class KeyIndex:
    """Records filed under blocking keys (e.g. (actor, ISO week)).

    A record is *filed* under its ``index_keys`` and *looks* under its ``probe_keys`` (by default
    the same). Two records are candidates when one's probe keys meet the other's index keys: a
    day-dated event files under (actor, week) and also probes (actor, month), where a month-dated
    report of the same actor is filed.
    """

    def __init__(self) -> None:
        self._filed: dict[Hashable, list[Hashable]] = defaultdict(list)
        self._probing: dict[Hashable, list[Hashable]] = defaultdict(list)
        self.comparisons = 0

    def add(self, rid: Hashable, index_keys: Iterable[Hashable],
            probe_keys: Iterable[Hashable] | None = None) -> set[Hashable]:
        index_keys = set(index_keys)
        probe_keys = set(probe_keys) if probe_keys is not None else set(index_keys)
        found: set[Hashable] = set()
        for key in probe_keys:
            found.update(self._filed.get(key, ()))
        for key in index_keys:
            found.update(self._probing.get(key, ()))
        found.discard(rid)
        for key in index_keys:
            self._filed[key].append(rid)
        for key in probe_keys:
            self._probing[key].append(rid)
        self.comparisons += len(found)
        return found


def stable_rank(token: str) -> int:
    """A fixed pseudo-random position of a token in the global order (no corpus statistics)."""
    return int.from_bytes(hashlib.blake2b(token.encode("utf-8"), digest_size=4).digest(), "big")


def frequency_rank(token_sets: Iterable[Iterable[str]]) -> dict[str, int]:
    """Rarest first: a global order from document frequencies (ties by token), for a batch."""
    df: dict[str, int] = defaultdict(int)
    for tokens in token_sets:
        for t in set(tokens):
            df[t] += 1
    return {t: i for i, t in enumerate(sorted(df, key=lambda t: (df[t], t)))}


def overlap_share(a: frozenset | set, b: frozenset | set) -> float:
    """|a ∩ b| / min(|a|, |b|) (0 when either is empty)."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


class PrefixIndex:
    """Token sets that may share at least ``threshold`` of the smaller set (prefix filtering).

    Under one global token order, if |A ∩ B| >= t·|A| with A the smaller set, then B contains one
    of A's first |A| - ceil(t·|A|) + 1 tokens. Each record files its prefix and all its tokens;
    a new record looks its prefix up among all tokens and all its tokens up among prefixes, so
    every pair that can reach the threshold is found whichever of the two is smaller, and only
    pairs that share a prefix token are compared. ``rank`` fixes the order (rarest first gives
    the shortest lists); tokens it does not know come first, ordered by :func:`stable_rank`.
    ``add(..., verify=True)`` keeps only the pairs that do reach the threshold, so that the
    candidates depend on the records alone, not on the order or the ranking.
    """

    def __init__(self, threshold: float, rank: Mapping[str, int] | None = None) -> None:
        if not 0 < threshold <= 1:
            raise ValueError("threshold must be in (0, 1]")
        self.threshold = threshold
        self._rank = rank
        self._prefixes: dict[str, list[Hashable]] = defaultdict(list)
        self._tokens: dict[str, list[Hashable]] = defaultdict(list)
        self._sets: dict[Hashable, frozenset[str]] = {}
        self.comparisons = 0  # candidates handed out
        self.probed = 0  # pairs met in the index (a set intersection each when verifying)

    def _order(self, token: str) -> tuple[int, int, str]:
        if self._rank is not None and token in self._rank:
            return 1, self._rank[token], token
        return 0, stable_rank(token), token

    def prefix(self, tokens: Iterable[str]) -> list[str]:
        ordered = sorted(set(tokens), key=self._order)
        size = len(ordered) - math.ceil(self.threshold * len(ordered) - 1e-9) + 1
        return ordered[:max(size, 0)]

    def add(self, rid: Hashable, tokens: Iterable[str], verify: bool = False) -> set[Hashable]:
        tokens = frozenset(tokens)
        prefix = self.prefix(tokens)
        found: set[Hashable] = set()
        for t in prefix:
            found.update(self._tokens.get(t, ()))
        for t in tokens:
            found.update(self._prefixes.get(t, ()))
        found.discard(rid)
        for t in prefix:
            self._prefixes[t].append(rid)
        for t in tokens:
            self._tokens[t].append(rid)
        self._sets[rid] = tokens
        self.probed += len(found)
        if verify:
            found = {other for other in found
                     if len(tokens & self._sets[other]) >= self.threshold * min(len(tokens), len(self._sets[other])) - 1e-9}
        self.comparisons += len(found)
        return found
