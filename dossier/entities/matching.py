"""Across-article name matching, transliteration-aware (Ouchakov = Ushakov, Zelenski = Zelenskyy).

A new name is linked to a known person only when its surname key equals (or is nearly equal to) the
surname key of one of that person's names, its given name (if any) does not contradict, and no
other known person comes close: ``Melania Trump`` never becomes ``Donald Trump``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from dossier.entities.kb import KBEntry, KnowledgeBase
from dossier.entities.normalize import key_tokens

EXACT = 0.95  # confidence of a merge on equal keys
FUZZY_MIN = 90.0  # rapidfuzz ratio of surname keys needed for a fuzzy merge
MARGIN = 6.0  # the best candidate must beat the next different one by this much
_NAME_LIKE = re.compile(r"^[A-ZÀ-Ý][\w'’.-]*(?:\s+(?:[A-ZÀ-Ý][\w'’.-]*|de|du|von|van|der|bin|ben|al|el|la|le))*$")


@dataclass
class _Name:
    entry: KBEntry
    alias: str
    tokens: list[str]


def _index(kb: KnowledgeBase, types: tuple[str, ...]) -> list[_Name]:
    cache = kb.__dict__.setdefault("_name_index", {})
    if types not in cache:
        names = []
        for alias, entry in kb.alias_pairs():
            if entry.type in types:
                if _NAME_LIKE.match(alias):
                    tokens = key_tokens(alias)
                    if tokens:
                        names.append(_Name(entry, alias, tokens))
        cache[types] = names
    return cache[types]


def _given_compatible(a: list[str], b: list[str]) -> tuple[bool, float]:
    """Given names (all tokens but the surname) agree, or one side has none, or one side's are the
    last of the other's (a name written with one more given name in front)."""
    if not a or not b:
        return True, 100.0
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    if len(short) < len(long_) and long_[-len(short):] == short and all(len(t) > 1 for t in short):
        return True, 100.0  # "Muhammad Ishaq Dar" ~ "Ishaq Dar": one more given name in front
    x, y = a[0], b[0]
    if len(x) == 1 or len(y) == 1:  # an initial
        return x[0] == y[0], 100.0 if x[0] == y[0] else 0.0
    score = fuzz.ratio(x, y)
    return score >= 75, score


_MATCHES_MAX = 50_000  # remembered results per knowledge base before the memo is emptied


def match_name(name: str, kb: KnowledgeBase, types: tuple[str, ...] = ("person",)
               ) -> tuple[KBEntry | None, float, str]:
    """``(entry, confidence, evidence)``; entry is None when no known entity is safely the same.

    Remembered per knowledge base (the KB drops the memo when its entries change): the same
    names come back in article after article, and each new one is compared with every name
    the KB knows."""
    memo = kb.__dict__.setdefault("_name_matches", {})
    found = memo.get((name, types))
    if found is None:
        if len(memo) >= _MATCHES_MAX:
            memo.clear()
        found = memo[(name, types)] = _match_name(name, kb, types)
    return found


def _match_name(name: str, kb: KnowledgeBase, types: tuple[str, ...]) -> tuple[KBEntry | None, float, str]:
    exact = [e for e in kb.by_alias(name) if e.type in types]
    if len(exact) == 1:
        return exact[0], 1.0, f"alias {name!r} of {exact[0].id}"
    tokens = key_tokens(name)
    if not tokens:
        return None, 0.0, "no name tokens"
    surname, given = tokens[-1], tokens[:-1]
    best: dict[str, tuple[float, str]] = {}
    for cand in _index(kb, types):
        if given and len(cand.tokens) < 2:
            continue  # a full name is only compared with full names
        s_score = 100.0 if cand.tokens[-1] == surname else fuzz.ratio(cand.tokens[-1], surname)
        if s_score < 80:
            continue
        ok, g_score = _given_compatible(given, cand.tokens[:-1])
        if not ok:
            continue
        score = s_score if not (given and cand.tokens[:-1]) else (3 * s_score + g_score) / 4
        evidence = (f"surname key {surname!r}~{cand.tokens[-1]!r} ({s_score:.0f}) "
                    f"via alias {cand.alias!r}")
        if score > best.get(cand.entry.id, (-1.0, ""))[0]:
            best[cand.entry.id] = (score, evidence)
    if not best:
        return None, 0.0, f"no known name with surname key {surname!r}"
    ranked = sorted(best.items(), key=lambda kv: -kv[1][0])
    (top_id, (top, evidence)) = ranked[0]
    runner = ranked[1][1][0] if len(ranked) > 1 else 0.0
    if runner and top - runner < MARGIN:
        return None, 0.0, f"ambiguous: {top_id} ({top:.0f}) vs {ranked[1][0]} ({runner:.0f})"
    if top >= 100.0:
        return kb.get(top_id), EXACT, evidence
    if top >= FUZZY_MIN:
        return kb.get(top_id), round(0.9 * top / 100, 3), evidence
    return None, round(top / 100, 3), f"below threshold: {evidence}"
