"""Group the same statement reported by several articles (trimmed or worded slightly differently).

Two quotes are linked when their normalised texts overlap strongly (rapidfuzz partial ratio on
the normalised text, or token containment) and their speakers are compatible (same id, or one
side unknown/anonymous with a compatible affiliation). Groups are the connected components.

Each quote is normalised once (:func:`quote_key`); candidate pairs come from a prefix-filter
index over the quotes' word stems (:class:`dossier.blocking.PrefixIndex`): only quotes that
share a rare stem are compared, never all pairs. The stems are the first six letters of each
content word, so "convenu" and "convenus" meet. A match needs most of the shorter quote's words
in the longer one; over the seeds and the development set the matched pairs share at least 0.67
of the smaller quote's stems, above the candidate threshold of 0.5.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from dossier.blocking.index import PrefixIndex, frequency_rank
from dossier.models import Quote
from dossier.quotes.lexicon import norm

_STOP = frozenset(
    "le la les l de du des d un une et à a en au aux que qu il elle ils elles nous vous on ce c est "
    "pas ne n se s sur pour par dans avec the a an of to and in that is it we".split()
)
CANDIDATE_SHARE = 0.5  # stems a candidate pair shares, as a share of the smaller quote's stems


@dataclass(frozen=True)
class QuoteKey:
    """A quote normalised once: tokens, their joined form, content words and stems, speaker."""

    tokens: tuple[str, ...]
    joined: str
    content: frozenset[str]
    stems: frozenset[str]
    speaker_id: str | None
    affiliation: str | None
    anonymous: bool


def _tokens(text: str) -> list[str]:
    return re.findall(r"\w+", norm(text))


def _content(tokens) -> set[str]:
    return {t for t in tokens if t not in _STOP and len(t) > 1}


def quote_key(q: Quote) -> QuoteKey:
    tokens = tuple(_tokens(q.text))
    content = frozenset(_content(tokens))
    return QuoteKey(tokens=tokens, joined=" ".join(tokens), content=content,
                    stems=frozenset(t[:6] for t in content) or frozenset(tokens),
                    speaker_id=q.speaker_id, affiliation=q.affiliation, anonymous=q.anonymous)


def speakers_compatible(a: Quote | QuoteKey, b: Quote | QuoteKey) -> bool:
    if a.speaker_id and b.speaker_id:
        return a.speaker_id == b.speaker_id or a.speaker_id == b.affiliation or b.speaker_id == a.affiliation
    if a.anonymous and b.anonymous:
        return not (a.affiliation and b.affiliation and a.affiliation != b.affiliation)
    # one side unknown: only the affiliation can rule it out
    known, other = (a, b) if a.speaker_id else (b, a)
    return not (other.affiliation and known.speaker_id and other.affiliation not in (known.speaker_id, known.affiliation))


def same_words(a: QuoteKey, b: QuoteKey, threshold: float = 85.0) -> bool:
    """True when two normalised quotes report the same words (possibly trimmed differently)."""
    ta, tb = a.tokens, b.tokens
    if not ta or not tb:
        return False
    short, long_ = (a, b) if len(ta) <= len(tb) else (b, a)
    if len(short.tokens) == 1:
        # a single quoted word only matches the same word from a compatible speaker
        return (short.tokens[0] in long_.tokens and len(long_.tokens) <= 3 and a.speaker_id is not None
                and a.speaker_id == b.speaker_id)
    if len(short.tokens) >= 3 and fuzz.partial_ratio(a.joined, b.joined) >= threshold:
        return True
    ca = _content(short.tokens)
    if len(ca) >= 3 and len(ca & _content(long_.tokens)) / len(ca) >= 0.8:
        return True
    return len(short.tokens) >= 4 and fuzz.token_set_ratio(a.joined, b.joined) >= 92


def same_statement(a: Quote, b: Quote, threshold: float = 85.0) -> bool:
    """True when two quotes report the same words (possibly trimmed differently)."""
    return same_words(quote_key(a), quote_key(b), threshold)


def candidate_pairs(keys: list[QuoteKey], stats: dict[str, int] | None = None) -> set[tuple[int, int]]:
    """Pairs (i < j) of quotes sharing at least :data:`CANDIDATE_SHARE` of the smaller quote's
    stems: a function of the quotes alone (not of their order)."""
    index = PrefixIndex(CANDIDATE_SHARE, rank=frequency_rank(k.stems for k in keys))
    pairs: set[tuple[int, int]] = set()
    for i, k in enumerate(keys):
        pairs.update((j, i) for j in index.add(i, k.stems, verify=True))
    if stats is not None:
        stats["probed"] = stats.get("probed", 0) + index.probed
    return pairs


def group_quotes(items: list[tuple[str, Quote]], threshold: float = 85.0,
                 stats: dict[str, int] | None = None) -> list[list[int]]:
    """Indexes of ``items`` grouped by statement; singletons included, groups in input order.

    ``items`` are (article key, Quote) pairs. Quotes of the same article are grouped too when
    they repeat the same statement (e.g. a headline and the body). ``stats``, when given, receives
    the number of quotes, of pairs met in the index (a set intersection each) and of pairwise
    comparisons made.
    """
    n = len(items)
    keys = [quote_key(q) for _, q in items]
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    pairs = candidate_pairs(keys, stats)
    for i, j in sorted(pairs):
        if find(i) != find(j) and speakers_compatible(keys[i], keys[j]) and same_words(keys[i], keys[j], threshold):
            ri, rj = find(i), find(j)
            parent[max(ri, rj)] = min(ri, rj)
    if stats is not None:
        stats["quotes"] = stats.get("quotes", 0) + n
        stats["comparisons"] = stats.get("comparisons", 0) + len(pairs)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    return sorted(groups.values(), key=lambda g: g[0])
