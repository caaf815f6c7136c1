"""Group the same statement reported by several articles (trimmed or worded slightly differently).

Two quotes are linked when their normalised texts overlap strongly (rapidfuzz partial ratio on
the normalised text, or token containment) and their speakers are compatible (same id, or one
side unknown/anonymous with a compatible affiliation). Groups are the connected components.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from dossier.models import Quote
from dossier.quotes.lexicon import norm

_STOP = frozenset(
    "le la les l de du des d un une et à a en au aux que qu il elle ils elles nous vous on ce c est "
    "pas ne n se s sur pour par dans avec the a an of to and in that is it we".split()
)


def _tokens(text: str) -> list[str]:
    return re.findall(r"\w+", norm(text))


def _content(tokens: list[str]) -> set[str]:
    return {t for t in tokens if t not in _STOP and len(t) > 1}


def speakers_compatible(a: Quote, b: Quote) -> bool:
    if a.speaker_id and b.speaker_id:
        return a.speaker_id == b.speaker_id or a.speaker_id == b.affiliation or b.speaker_id == a.affiliation
    if a.anonymous and b.anonymous:
        return not (a.affiliation and b.affiliation and a.affiliation != b.affiliation)
    # one side unknown: only the affiliation can rule it out
    known, other = (a, b) if a.speaker_id else (b, a)
    return not (other.affiliation and known.speaker_id and other.affiliation not in (known.speaker_id, known.affiliation))


@dataclass(frozen=True)
class _Prepared:
    """What the comparison of two quotes reads, computed once per quote."""

    tokens: tuple[str, ...]
    joined: str
    content: frozenset[str]


def _prepare(q: Quote) -> _Prepared:
    tokens = tuple(_tokens(q.text))
    return _Prepared(tokens, " ".join(tokens), frozenset(_content(list(tokens))))


def same_statement(a: Quote, b: Quote, threshold: float = 85.0) -> bool:
    """True when two quotes report the same words (possibly trimmed differently)."""
    return _same(_prepare(a), _prepare(b), a, b, threshold)


def _same(pa: _Prepared, pb: _Prepared, a: Quote, b: Quote, threshold: float) -> bool:
    ta, tb = pa.tokens, pb.tokens
    if not ta or not tb:
        return False
    short, long_ = (pa, pb) if len(ta) <= len(tb) else (pb, pa)
    if len(short.tokens) == 1:
        # a single quoted word only matches the same word from a compatible speaker
        return (short.tokens[0] in long_.tokens and len(long_.tokens) <= 3 and a.speaker_id is not None
                and a.speaker_id == b.speaker_id)
    sa, sb = pa.joined, pb.joined
    if fuzz.partial_ratio(sa, sb) >= threshold and len(short.tokens) >= 3:
        return True
    ca, cb = short.content, long_.content
    if len(ca) >= 3 and len(ca & cb) / len(ca) >= 0.8:
        return True
    return fuzz.token_set_ratio(sa, sb) >= 92 and len(short.tokens) >= 4


def group_quotes(items: list[tuple[str, Quote]], threshold: float = 85.0) -> list[list[int]]:
    """Indexes of ``items`` grouped by statement; singletons included, groups in input order.

    ``items`` are (article key, Quote) pairs. Quotes of the same article are grouped too when
    they repeat the same statement (e.g. a headline and the body). Each quote's words are
    normalised once, and quotes identical in words and speaker are one statement, compared once:
    the pairs compared are those of the distinct statements only.
    """
    n = len(items)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    quotes = [q for _, q in items]
    prepared = [_prepare(q) for q in quotes]
    # the same words from the same speaker: one statement (a pair of such quotes always matches)
    first_of: dict[tuple, int] = {}
    reps: list[int] = []
    for i, (p, q) in enumerate(zip(prepared, quotes)):
        if len(p.tokens) >= 3 or (len(p.tokens) == 1 and q.speaker_id):
            key = (p.tokens, q.speaker_id, q.anonymous, q.affiliation)
            if key in first_of:
                parent[i] = first_of[key]
                continue
            first_of[key] = i
        reps.append(i)
    for a, i in enumerate(reps):
        for j in reps[a + 1:]:
            if find(i) == find(j):
                continue
            qa, qb = quotes[i], quotes[j]
            if speakers_compatible(qa, qb) and _same(prepared[i], prepared[j], qa, qb, threshold):
                parent[find(j)] = find(i)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    return sorted(groups.values(), key=lambda g: g[0])
