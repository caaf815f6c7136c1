"""The events' candidate pairs of an incremental update decided a block at a time.

An update meets millions of candidate pairs, and most are refused: by the word index's own test
(:data:`dossier.crossref.kinds.STEM_SHARE`), or by
:func:`dossier.events.similarity.cannot_match`, which tells by a bound of the score that
:func:`dossier.events.similarity.compare` would find them neither one event nor a date
conflict. Here the pairs of one *block* (those of one new mention, its *anchor*, with the
mentions it met) are told together over arrays of the mentions' fields: the word index's test
exactly, then the parts of :func:`cannot_match`'s score (the status, dates, type and place from
its own memo; the vectors' cosine within :data:`COS_MARGIN`; the words' bound and the
participants' weight from the counts of what the two share: stems, singulars, names, actors,
parties, sides). A pair is refused here only when its score is surely below what
:func:`cannot_match` needs (it refuses it too: no link, no score kept); it goes to
:func:`compare` directly only when every part is told exactly and the need is reached (or a name
may be spelled one letter apart, where :func:`cannot_match` gives no bound); every other pair
is asked of :func:`dossier.crossref.kinds.event_verdict` as before. The decisions, and their
order, are those of deciding each pair in turn.
"""
from __future__ import annotations

from typing import Any

import numpy as np

from dossier.crossref.kinds import APART, STEM_SHARE, _features, event_compare, event_verdict
from dossier.events.features import timeless_mismatch
from dossier.events.similarity import (
    _PLACE_WEIGHT, FULL_WORDS, LONG_ENOUGH, MAX_ACTOR, SAME, STRONG, TRIGGER_WEIGHT, VECTOR_BONUS,
    NAME_VARIANT_LETTERS, _actor_weight, _one_edit, _pair_memo, _signatures, _singular, _words_bound,
)

# (anchor, whether it is the first of its pairs, the other of each pair, whether they share a
# (who or where, when) key): pairs (anchor, other) or (other, anchor)
Block = tuple[int, bool, list[int], list[bool]]
COS_MARGIN = 1e-4  # the float32 cosine of two unit vectors (300 terms) is off by less: bounds widen by it
SCORE_MARGIN = 1e-7  # a pair is refused here only when its bound is below cannot_match's need by this


class _Postings:
    """Which mentions hold a value (a stem, an actor...): how many values of a set each mention
    shares with it, for all mentions at once."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.lists: dict[Any, list[int]] = {}
        self.arrays: dict[Any, np.ndarray] = {}

    def add(self, i: int, values) -> None:
        for v in values:
            self.lists.setdefault(v, []).append(i)

    def _postings(self, values) -> list[np.ndarray]:
        """The posting (ascending positions) of each of ``values`` that some mention holds."""
        parts = []
        for v in values:
            a = self.arrays.get(v)
            if a is None:
                found = self.lists.get(v)
                if found is None:
                    continue
                a = self.arrays[v] = np.array(found, dtype=np.int64)
            parts.append(a)
        return parts

    def counts(self, values) -> np.ndarray:
        """Mention -> how many of ``values`` (distinct) it holds."""
        parts = self._postings(values)
        if not parts:
            return np.zeros(self.n, dtype=np.int64)
        return np.bincount(np.concatenate(parts), minlength=self.n)

    def counts_at(self, values, at: np.ndarray) -> np.ndarray:
        """:meth:`counts` of the mentions ``at`` only (positions), in their order. Its cost
        follows ``at`` and the values' postings, not every mention of the update: each posting is
        searched for ``at`` when that is cheaper than counting all of it."""
        parts = self._postings(values)
        if not parts:
            return np.zeros(len(at), dtype=np.int64)
        total = sum(len(a) for a in parts)
        if total + self.n <= 8 * len(at) * len(parts):  # small postings: count them all
            return np.bincount(np.concatenate(parts), minlength=self.n)[at]
        out = np.zeros(len(at), dtype=np.int64)
        for a in parts:  # a posting is ascending (positions are added in order)
            i = np.searchsorted(a, at)
            out += a[np.minimum(i, len(a) - 1)] == at
        return out


class _Table:
    """The fields of every mention of the update as arrays (from the stored dicts), and their
    features (:func:`dossier.crossref.kinds._features`, with the word vector) when first needed."""

    def __init__(self, data: dict[int, dict], cache: dict) -> None:
        self.data, self.cache = data, cache
        rids = sorted(data)
        n = len(rids)
        self.pos = {rid: i for i, rid in enumerate(rids)}
        self.sorted_rids = np.array(rids, dtype=np.int64)
        self.rids = rids
        self.feats: list[Any] = [None] * n
        self.ready = np.zeros(n, dtype=bool)
        self.stems = _Postings(n)
        self.singulars = _Postings(n)
        self.actors = _Postings(n)
        self.parties = _Postings(n)
        self.sides = _Postings(n)
        self.names = _Postings(n)  # its actors' name stems
        self.name_stems = _Postings(n)  # those its sentence holds
        self.free = _Postings(n)  # the singulars of its stems that are no name of its actors
        self.long_names = _Postings(n)  # its long name words its sentence holds (similarity._bound_info)
        self.long_words: set[str] = set()  # every long stem of the mentions
        self.one_less: dict[str, list[str]] = {}  # a long stem and it less one letter -> those stems
        self.near: dict[str, frozenset[str]] = {}
        self.aliases = _Postings(0)  # stem -> the names (of every mention's actors) holding it
        alias_owner: list[int] = []
        alias_actor: list[str] = []
        alias_size: list[int] = []
        self.own_aliases: list[list[tuple[str, frozenset]]] = []
        self.name_sets: list[frozenset] = []
        self.stem_sets: list[frozenset] = []
        self.singular_sets: list[frozenset] = []
        self.sets: list[tuple[frozenset, frozenset, frozenset]] = []
        n_stems, n_twins, n_actors = (np.zeros(n, dtype=np.int64) for _ in range(3))
        background, consult, phone, moded, say, timeless = (np.zeros(n, dtype=bool) for _ in range(6))
        key_id, trigger_id = np.zeros(n, dtype=np.int64), np.zeros(n, dtype=np.int64)
        type_id, interval_id, n_parties = (np.zeros(n, dtype=np.int64) for _ in range(3))
        fine, local = np.zeros(n, dtype=bool), np.zeros(n, dtype=bool)
        keys: dict[str, int] = {}
        triggers: dict[str, int] = {"": 0}
        types: dict[str, int] = {}
        intervals: dict[Any, int] = {None: -1}
        for i, rid in enumerate(rids):
            d = data[rid]
            stems = frozenset(d.get("stems") or ())
            singulars = frozenset(_singular(w) for w in stems)
            actors, parties, sides = (frozenset(d.get(k) or ()) for k in ("actors", "parties", "sides"))
            self.stem_sets.append(stems)
            self.singular_sets.append(singulars)
            self.sets.append((actors, parties, sides))
            self.stems.add(i, stems)
            self.singulars.add(i, singulars)
            self.actors.add(i, actors)
            self.parties.add(i, parties)
            self.sides.add(i, sides)
            names = frozenset(d.get("names") or ())
            self.name_sets.append(names)
            self.names.add(i, names)
            self.name_stems.add(i, names & stems)
            self.free.add(i, {_singular(w) for w in stems - names})
            self.long_names.add(i, {w for w in names & stems if len(w) >= NAME_VARIANT_LETTERS})
            for w in stems:
                if len(w) >= NAME_VARIANT_LETTERS and w not in self.long_words:
                    self.long_words.add(w)
                    for v in (w, *(w[:k] + w[k + 1:] for k in range(len(w)))):
                        self.one_less.setdefault(v, []).append(w)
            own = [(actor, frozenset(alias)) for actor, aliases in d.get("named") or () for alias in aliases]
            self.own_aliases.append(own)
            for actor, alias in own:
                self.aliases.add(len(alias_owner), alias)
                alias_owner.append(i)
                alias_actor.append(actor)
                alias_size.append(len(alias))
            type_id[i] = types.setdefault(d["type"], len(types))
            iv = d.get("interval")
            interval_id[i] = intervals.setdefault(tuple(iv) if iv else None, len(intervals))
            fine[i] = d.get("precision") in ("day", "time")
            local[i] = all(x.startswith("local:") for x in actors)
            n_parties[i] = len(parties)
            n_stems[i] = len(stems)
            n_twins[i] = len(stems) - len(singulars)
            n_actors[i] = len(actors)
            background[i] = bool(d["background"])
            consult[i] = d["plover"] == "CONSULT"
            phone[i] = d.get("mode") == "phone"
            moded[i] = bool(d.get("mode"))
            say[i] = d.get("kind", "other") == "say"
            timeless[i] = not d.get("interval") and not d.get("window")
            key_id[i] = keys.setdefault(d["key"], len(keys))
            trigger_id[i] = triggers.setdefault(d.get("trigger") or "", len(triggers))
        order = sorted({(data[rid]["key"], data[rid]["index"]) for rid in rids})
        rank_of = {k: j for j, k in enumerate(order)}
        self.rank = np.array([rank_of[(data[rid]["key"], data[rid]["index"])] for rid in rids], dtype=np.int64)
        self.n_stems, self.n_twins, self.n_actors = n_stems, n_twins, n_actors
        self.background, self.consult, self.phone, self.moded, self.say = background, consult, phone, moded, say
        self.timeless, self.key_id, self.trigger_id = timeless, key_id, trigger_id
        self.type_id, self.interval_id, self.fine, self.local, self.n_parties = type_id, interval_id, fine, local, n_parties
        self.aliases.n = len(alias_owner)
        self.alias_owner = np.array(alias_owner, dtype=np.int64)
        self.actor_ids: dict[str, int] = {}
        self.alias_actor_id = np.array([self.actor_ids.setdefault(x, len(self.actor_ids)) for x in alias_actor],
                                       dtype=np.int64)
        for actors, _, _ in self.sets:
            for x in actors:
                self.actor_ids.setdefault(x, len(self.actor_ids))
        self.alias_size = np.array(alias_size, dtype=np.int64)
        self.signatures = np.full((n, 4), -1, dtype=np.int64)
        self.fields = np.full(n, -1, dtype=np.int64)  # the number of its signatures (similarity._signatures)
        self.field_ids: dict[tuple, int] = {}
        self.vectors: np.ndarray | None = None
        self.has_vector = np.zeros(n, dtype=bool)

    def neighbours(self, x: str) -> frozenset[str]:
        """The long stems of the mentions one edit from ``x``, as
        :func:`dossier.events.similarity._one_edit_words` finds them among a sentence's stems."""
        found = self.near.get(x)
        if found is None:
            found = self.near[x] = frozenset(
                y for v in (x, *(x[:k] + x[k + 1:] for k in range(len(x)))) for y in self.one_less.get(v, ())
                if (y[0] == x[0] or y[-1] == x[-1]) and abs(len(x) - len(y)) <= 1 and _one_edit(x, y))
        return found

    def features(self, i: int):
        f = self.feats[i]
        if f is None:
            d = self.data[self.rids[i]]
            f = self.feats[i] = self.cache.get(id(d)) or self.cache.setdefault(id(d), _features(d))
        return f

    def prepare(self, idx: np.ndarray) -> None:
        """The features of these mentions, and the arrays read from them."""
        for i in idx[~self.ready[idx]].tolist():
            if self.ready[i]:
                continue
            f = self.features(i)
            g = _signatures(f)
            if g is not None:
                self.signatures[i] = g
                self.fields[i] = self.field_ids.setdefault(g, len(self.field_ids))
            if f.vector is not None:
                if self.vectors is None:
                    self.vectors = np.zeros((len(self.rids), len(f.vector)), dtype=np.float64)
                self.vectors[i] = f.vector
                self.has_vector[i] = True
            self.ready[i] = True


def _field_parts(t: _Table, a: int, others: np.ndarray, a_first: np.ndarray) -> list[list]:
    """The values of ``_FIELD_PARTS`` (status, time, type, place) of the anchor with each other
    mention (in :func:`cannot_match`'s order of the two), told once per distinct signature."""
    codes = t.fields[others] * 2 + a_first
    _, first_at, inverse = np.unique(codes, return_index=True, return_inverse=True)
    fa, ga = t.feats[a], tuple(t.signatures[a].tolist())
    values = []
    for j in first_at.tolist():
        o = int(others[j])
        fo, go = t.feats[o], tuple(t.signatures[o].tolist())
        pair = (ga, go, fa, fo) if a_first[j] else (go, ga, fo, fa)
        values.append([_pair_memo(part, *pair) for part in range(4)])
    inverse = inverse.tolist()
    return [[values[k][part] for k in inverse] for part in range(4)]


def _named(t: _Table, a: int, others: np.ndarray) -> np.ndarray:
    """Whether an actor of one, not of the other, is named by the other's sentence (every stem of
    one of its names among the other's stems: :func:`dossier.events.similarity._named_in`)."""
    actors = t.sets[a][0]
    # the others' actors that ``a``'s sentence names
    inside = np.flatnonzero(t.aliases.counts(t.stem_sets[a]) == t.alias_size)
    inside = inside[~np.isin(t.alias_actor_id[inside], [t.actor_ids[x] for x in actors])]
    found = np.isin(others, t.alias_owner[inside])
    # ``a``'s actors that their sentences name
    for actor, alias in t.own_aliases[a]:
        found |= (t.stems.counts_at(alias, others) == len(alias)) & (t.actors.counts_at((actor,), others) == 0)
    return found


def _variants(t: _Table, a: int, others: np.ndarray) -> np.ndarray:
    """Whether a long name word of one's actors (its sentence holds it, the other's actors have
    no such name) is one edit from a word of the other's sentence: where
    :func:`dossier.events.similarity._words_bound` gives no bound."""
    names, stems = t.name_sets[a], t.stem_sets[a]
    found = np.zeros(len(others), dtype=bool)
    for x in stems & names:  # ``a``'s names, one edit from the others' words
        if len(x) >= NAME_VARIANT_LETTERS:
            near = t.neighbours(x)
            if near:
                found |= (t.stems.counts_at(near, others) > 0) & (t.names.counts_at((x,), others) == 0)
    # the others' names, one edit from ``a``'s words
    near = {y for w in stems if len(w) >= NAME_VARIANT_LETTERS for y in t.neighbours(w)} - names
    if near:
        found |= t.long_names.counts_at(near, others) > 0
    return found


def _vector_bonus(cos: np.ndarray, small: np.ndarray) -> np.ndarray:
    """The weight of the sentences' vectors' cosine (as :func:`_text_weight` and :func:`cannot_match`)."""
    bonus = np.where(cos < 0.6, np.where(small >= LONG_ENOUGH, -0.5, 0.0), 0.0)
    for floor, w in reversed(VECTOR_BONUS):
        bonus = np.where(cos >= floor, w, bonus)
    return bonus


REFUSED, ASK, COMPARE = 0, 1, 2  # cannot_match refuses the pair; may refuse it; lets it through


def _verdicts(t: _Table, a: int, others: np.ndarray) -> np.ndarray:
    """What :func:`cannot_match` says of the pairs of the anchor ``a`` with ``others``, told by
    bounds of its score: :data:`REFUSED` (it refuses them), :data:`COMPARE` (it lets them
    through, every part of its score told exactly), else :data:`ASK` (it must be asked)."""
    t.prepare(np.append(others, a))
    refused = t.background[others] != t.background[a]
    known = (t.signatures[others] >= 0).all(axis=1) & (t.signatures[a] >= 0).all() \
        & (t.key_id[others] != t.key_id[a]) & ~refused
    if not known.any():
        return np.where(refused, REFUSED, ASK)
    rest = others[known]
    a_first = t.rank[a] <= t.rank[rest]
    status, times, type_w, places = _field_parts(t, a, rest, a_first)
    status = np.array([np.nan if v is None else v for v in status], dtype=np.float64)
    time_w = np.array([np.nan if w is None else w for w, _ in times], dtype=np.float64)
    differ = np.array([bool(x) for _, x in times], dtype=bool)
    type_w = np.array(type_w, dtype=np.float64)
    place_w = np.array([_PLACE_WEIGHT[r] for r in places], dtype=np.float64)
    phone = t.consult[rest] & t.consult[a] & t.moded[rest] & t.moded[a] & (t.phone[rest] != t.phone[a])
    no_time = np.isnan(time_w)
    out = np.isnan(status) | phone | (no_time & ~differ)
    need = np.where(no_time, STRONG, SAME - np.nan_to_num(time_w)) - 1e-9
    # the names of their actors both hold (_text_weight counts them with the participants)
    names_a = t.name_sets[a]
    both_in_a = t.names.counts_at(names_a & t.stem_sets[a], rest)  # a's stems among both's names
    both_in_o = t.name_stems.counts_at(names_a, rest)  # the other's stems among both's names
    small = np.minimum(t.n_stems[a] - both_in_a, t.n_stems[rest] - both_in_o)  # _small, exactly
    # the vectors' cosine (cannot_match: np.dot of the two)
    vector = np.zeros(len(rest), dtype=np.float64)
    vector_known = np.ones(len(rest), dtype=bool)  # the bonus exactly (not only at most)
    if t.has_vector[a]:
        with_vector = t.has_vector[rest]
        cos = np.full(len(rest), -2.0)
        cos[with_vector] = t.vectors[rest[with_vector]] @ t.vectors[a]
        vector = np.where(with_vector, _vector_bonus(cos + COS_MARGIN, small), 0.0)
        vector_known = ~with_vector | (vector == _vector_bonus(cos - COS_MARGIN, small))
    # the words (_words_bound): no word shared beyond both's names when every singular they
    # share is only name words of ``a`` that are names of the other's actors too (_none_shared)
    singulars = t.singular_sets[a]
    common = t.singulars.counts_at(singulars, rest)
    by_singular: dict[str, list[str]] = {}
    for w in t.stem_sets[a]:
        by_singular.setdefault(_singular(w), []).append(w)
    free = [s for s, ws in by_singular.items() if not names_a.issuperset(ws)]
    unproven = t.singulars.counts_at(free, rest)
    for s, ws in by_singular.items():
        if names_a.issuperset(ws):
            met_s = t.singulars.counts_at((s,), rest) > 0
            if met_s.any():
                unproven = unproven + (met_s & (t.names.counts_at(ws, rest) < len(ws)))
    shared = common + np.maximum(t.n_twins[rest], t.n_twins[a])
    enough = np.where(t.say[rest] & t.say[a], 2, LONG_ENOUGH)
    trigger = (t.trigger_id[rest] == t.trigger_id[a]) & (t.trigger_id[a] != 0)
    # their share of the shorter sentence at most this many of its words (_text_weight's shorter
    # sentence holds every shared word: it is never shorter than ``small``)
    share = np.minimum(1.0, shared / np.maximum(small, 1))
    full = 4.0 * share * np.minimum(1.0, shared / FULL_WORDS) + np.minimum(1.5, 0.25 * np.maximum(0, shared - FULL_WORDS))
    words = np.where((common == 0) | (unproven == 0), np.where(small >= enough, -1.0, 0.0),
                     np.where(shared < 2, np.where(trigger, TRIGGER_WEIGHT, 0.0), full))
    # the participants (_actor_weight): exactly, but for one actor shared, the others named
    actors, parties, sides = t.sets[a]
    sa = t.actors.counts_at(actors, rest)
    sp = t.parties.counts_at(parties, rest)
    ss = t.sides.counts_at(sides, rest)
    named = _named(t, a, rest)
    na_, no_ = t.n_actors[a], t.n_actors[rest]
    subset = (sa == na_) | (sa == no_)
    party_subset = (sp >= 1) & ((sp == t.n_parties[a]) | (sp == t.n_parties[rest]))
    party_match = (sp >= 2) | party_subset
    by_party = np.where(sp >= 2, 2.5, np.where(party_subset, 1.5, 0.5))
    one = np.where(named, 2.5, np.where(subset, 2.0, np.where(party_match, by_party, 0.5)))
    none = np.where(sp >= 1, by_party, np.where(ss >= 2, 2.0, np.where(ss == 1, 1.0, np.where(
        named, 1.0, np.where(t.local[a] | t.local[rest], 0.0, -2.5)))))
    actor = np.where(sa >= 2, MAX_ACTOR, np.where(sa == 1, one, none))
    bare_n = np.where(no_ == 0, t.n_stems[rest], t.n_stems[a])
    bare_w = np.where((t.interval_id[a] >= 0) & (t.interval_id[rest] == t.interval_id[a]) & t.fine[a] & t.fine[rest]
                      & (t.type_id[rest] == t.type_id[a]) & (bare_n >= 2), 1.5, 0.0)
    actor = np.where((no_ == 0) | (na_ == 0), np.where((no_ == 0) & (na_ == 0), 0.0, bare_w), actor)
    bound = np.nan_to_num(status) + type_w + place_w + vector + words + actor
    live = ~out & ~np.isnan(status)
    low = live & (bound < need - SCORE_MARGIN)
    # a name spelled one letter apart: no bound (cannot_match leaves the pair to compare)
    variant = _variants(t, a, rest)
    low &= ~variant
    fa = t.feats[a]
    # near the need: the words' bound and the participants' weight told exactly, as cannot_match
    floor = np.where(small >= enough, -1.0, 0.0)
    # a singular of a word beyond the names of each: shared words, whatever both's names
    beyond = t.free.counts_at(free, rest) > 0
    unsure = ~((common == 0) | (unproven == 0) | beyond) | ((sa == 1) & named & ~subset)
    near = live & ~low & unsure & (bound - words + floor - actor - 2.5 < need - SCORE_MARGIN)
    for j in np.flatnonzero(near).tolist():
        fo = t.feats[int(rest[j])]
        first, second = (fa, fo) if a_first[j] else (fo, fa)
        w = _words_bound(first, second)
        if w is None:
            continue
        b = bound[j] - words[j] + w
        if b < need[j] - SCORE_MARGIN or b - actor[j] + _actor_weight(first, second)[0] < need[j] - SCORE_MARGIN:
            low[j] = True
    # every part told exactly and the need reached: cannot_match lets the pair through
    exact = vector_known & ((common == 0) | (unproven == 0) | beyond) & ~((sa == 1) & named & ~subset)
    through = live & ~low & (variant | (exact & (bound > need + SCORE_MARGIN)))
    verdict = np.where(refused, REFUSED, ASK)
    verdict[np.flatnonzero(known)] = np.where(out | low, REFUSED, np.where(through, COMPARE, ASK))
    return verdict


def decide_events(blocks: list[Block], data: dict[int, dict], cache: dict
                  ) -> tuple[list[tuple[int, int]], list[tuple[int, int, float]], list[tuple[int, int, float, bool]], int]:
    """Every candidate pair decided, in the order of the blocks and of their pairs: (the pairs in
    date conflict, the pairs one event with their score, both with their score and whether
    apart, the decisions made). A pair met only by its words (not ``keyed``) is a candidate when
    its stems pass the word index's own test; a pair of unknown and known time that
    :func:`timeless_mismatch` refuses is no decision."""
    t = _Table(data, cache)
    apart: list[tuple[int, int]] = []
    same: list[tuple[int, int, float]] = []
    decided: list[tuple[int, int, float, bool]] = []
    decisions = 0
    share = STEM_SHARE["e"] - 1e-9
    pos = t.pos
    for anchor, first, ids, keyed in blocks:
        if not ids:
            continue
        a = pos[anchor]
        others = np.searchsorted(t.sorted_rids, np.array(ids, dtype=np.int64))  # their positions
        keyed = np.array(keyed, dtype=bool)
        small = np.minimum(t.n_stems[others], t.n_stems[a])
        common = t.stems.counts_at(t.stem_sets[a], others)
        worded = (small >= 2) & (common / np.maximum(small, 1) >= share)
        met = np.flatnonzero(keyed | worded)
        if not len(met):
            continue
        cross = met[t.timeless[others[met]] != t.timeless[a]]
        if len(cross):
            fa = t.features(a)
            gone = [j for j in cross.tolist() if timeless_mismatch(*(
                (fa, t.features(int(others[j]))) if first else (t.features(int(others[j])), fa)))]
            if gone:
                met = np.setdiff1d(met, np.array(gone, dtype=np.int64), assume_unique=True)
        decisions += len(met)
        verdicts = _verdicts(t, a, others[met])
        for j, v in zip(met.tolist(), verdicts.tolist()):
            if v == REFUSED:
                continue
            x, y = (anchor, ids[j]) if first else (ids[j], anchor)
            verdict, score = (event_compare if v == COMPARE else event_verdict)(t.features(pos[x]), t.features(pos[y]))
            if verdict == APART:
                apart.append((x, y))
                decided.append((x, y, score, True))
            elif verdict:
                same.append((x, y, score))
                decided.append((x, y, score, False))
    return apart, same, decided, decisions
