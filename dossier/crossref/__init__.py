"""Cross-article results kept up to date incrementally: storylines, quote groups, disputes,
conflicts and positions.

Every record that takes part (quote, event, claim, attribute, position) has, stored once in
``x_records``, the features the cross-article step needs (computed when its article is first
covered, never per comparison) and the *unit* it belongs to: records that may influence each
other's results are in one unit (see :mod:`dossier.crossref.kinds`), and the results of a unit
(its storylines, quote groups, disputes, conflicts, positions) depend on its records only.

An update covers the articles stored since the last one (``x_articles``): their records are
linked among themselves through in-memory indexes and to the stored records through the
blocking keys filed in ``x_key_ids`` / ``x_key_records`` (never all pairs); the units they join are merged, and only
those units' results are recomputed, by the same cross-article functions a full run uses
(``merge_events``, ``find_disputes``, the conflicts and ``positions_matrix``; a quote unit is one
group). The event pair decisions that count for the merge (one event, a date conflict) are
stored with their scores (``x_pairs``) when the later mention is covered, and a unit's
storylines are clustered from them instead of deciding every pair of the unit again; the
clustering trusts the groups of the unit's stored storylines wherever the new records cannot
change them, and asks its constraint only about the other joins
(:func:`dossier.blocking.cluster`'s ``prior``). Merged events are built day after day and
filed per week (:func:`dossier.crossref.kinds.week_of`), so however long a chain of linked
mentions grows, an update recomputes it only from the eve of its earliest new day on.
Results that join records of two units (an event denied by another article, a dispute
supported by merged events) are found after the units (:mod:`dossier.crossref.across`).
``dossier rebuild`` forgets the state and covers every article as one update, so both give the
same results (``tests/test_crossref_incremental.py``).

The update runs inside ``store.cross_article_update()`` (one at a time, its reads from one
snapshot, its writes visible at once) and stores with its results the fingerprint of the
articles it read. While the stored articles have another fingerprint (an update was killed, or
articles were stored since) ``store.cross_article_current()`` is false, and the next ingest,
reading command or ``dossier rebuild`` brings it up to date.
"""
from __future__ import annotations

import datetime as dt
import gc
import logging
import time
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from dossier.blocking.index import KeyIndex, frequency_rank
from dossier.crossref import across
from dossier.crossref.kinds import APART, KINDS, STEM_SHARE, Kind, Record, event_cross_conflicts, storyline_seq

__all__ = ["update_cross_article", "rebuild_cross_article", "update_pending", "forget_articles"]
log = logging.getLogger(__name__)
# the rules the stored units follow: a state built by other rules is rebuilt by the next update
STATE_RULES_KEY, STATE_RULES = "crossref_rules", "anchored-coarse-events-16"  # -3: main's references, -4: status keys, -6: rival coarse mentions, -7: unknown time meets known time, -8: trigger stems, -9: a town within its region, -10: a statement is what it says, -11: that rule withdrawn, -12: counted dates one unit wide, two events of one sentence never one, -13: an undated mention's days bounded by a vague offset (Event.date_window), -14: denials and disputes' supporting events read across units, deny events filed by party (e.n), -15: both of those, -16: groups built day after day, units filed per week
_CONFLICT_CLASS = 10**13  # conflicts' order: attributes, storylines, disputes, positions; then unit


def update_cross_article(store, process=None) -> dict[str, int] | None:
    """Bring the cross-article tables up to date with the stored articles, incrementally, unless
    they already cover every one (e.g. another process's update covered ours meanwhile): the
    counts, or None when current. ``process`` (the pipeline over articles) lets the update
    date articles from the merged events (see :func:`update_pending`)."""
    if store.cross_article_current():
        return None
    with store.cross_article_update():
        if store.cross_article_current():  # another process finished an update while we waited
            return None
        return update_pending(store, process=process)


def rebuild_cross_article(store, process=None) -> dict[str, int]:
    """Recompute every cross-article result from the stored records (idempotent)."""
    with store.cross_article_update():
        return update_pending(store, full=True, process=process)


REDATE_PASSES = 2  # an article dated in one pass can date another in the next


def update_pending(store, full: bool = False, process=None, again: "Forgotten | None" = None) -> dict[str, Any]:
    """Cover the articles the state does not cover yet (all of them with ``full``, or when no
    state exists): their records' features and keys, the units they join, those units'
    results; with ``again`` (:func:`forget_articles`), the records of the units those articles
    left are covered again with them. Runs inside ``store.cross_article_update()``.

    With ``process`` (the pipeline over a list of articles), articles of unknown or coarse date
    that the merged events date are then processed again and their records replaced
    (:func:`dossier.timex.crossdate.redate_stored`): before that, those articles are taken out of
    the state (:func:`forget_articles`), and the next update covers them and the rest of the
    units they were in again, as if new (a rebuild gives the same results, not its cost)."""
    from dossier.store.sql import CROSSREF_BUILT_FROM

    started, cpu = time.perf_counter(), time.process_time()
    store.x_upgrade_keys()  # a state an earlier version filed under text keys (x_keys): renumbered, once
    if full or store.get_meta(STATE_RULES_KEY) != STATE_RULES or (
            store.x_state_empty() and store.articles_fingerprint() != "0:None"):
        store.x_reset()  # no state yet, or one built by other rules (a full rebuild follows)
        store.set_meta(STATE_RULES_KEY, STATE_RULES)
    fingerprint = store.articles_fingerprint()  # the articles this update reads (one snapshot)
    pending = store.x_pending_articles()
    counts: dict[str, Any] = {"articles": len(pending)}
    if pending:
        with _collector_paused():
            _cover(store, pending, counts, again)
    store.set_meta(CROSSREF_BUILT_FROM, fingerprint)
    if process is not None:
        from dossier.timex.crossdate import redate_stored

        covered = None if full else [a["id"] for a in pending]  # only their storylines can date anew
        for _ in range(REDATE_PASSES):
            left: list[Forgotten] = []
            changed = redate_stored(store, process, covered, forget=lambda ids: left.append(forget_articles(store, ids)))
            if not changed:
                break
            counts["redated"] = counts.get("redated", 0) + len(changed)
            redo = update_pending(store, again=left[0] if left else None)  # their units only, as new
            counts["redated_recovered"] = counts.get("redated_recovered", 0) + (
                sum(len(v) for v in left[0].records.values()) if left else 0)
            counts["redated_seconds"] = round(counts.get("redated_seconds", 0) + redo["seconds"], 3)
            covered = changed
    counts.update(store.x_counts())
    counts["seconds"] = round(time.perf_counter() - started, 3)
    counts["cpu_seconds"] = round(time.process_time() - cpu, 3)  # this process's CPU (a loaded machine's wall lies)
    return counts


def _cover(store, pending: list[dict], counts: dict[str, Any], again: "Forgotten | None") -> None:
    """:func:`update_pending`'s covering of the ``pending`` articles (their records' features
    and keys, the units they join, those units' results), its counts added to ``counts``."""
    from dossier.events.merge import reference_values

    aids = [a["id"] for a in pending]
    events = defaultdict(list)
    for _, aid, _, ev in store.record_rows("events", article_ids=aids):
        events[aid].append(ev)
    covered = []
    for a in pending:
        refs = reference_values([(a["content_hash"], e) for e in events.get(a["id"], [])],
                                {a["content_hash"]: a["published"]} if a["published"] else None)
        covered.append((a["id"], refs.get(a["content_hash"])))  # a day, or a month or week
    store.x_add_articles(covered)
    from dossier.events.features import affiliation_counts

    store.x_add_affiliations(affiliation_counts(r for _, _, _, r in store.record_rows("roles", article_ids=aids)))
    ctx: dict[str, Any] = {"articles": {}, "store": store, "records": {},
                           "story_days": list(again.story_days) if again else [],
                           "status_again": set(again.status_units) if again else set()}
    for kind in KINDS:
        t0 = time.perf_counter()
        counts.update(_update_kind(store, kind, aids, ctx, again.records.get(kind.name, []) if again else []))
        counts[f"{kind.table}_seconds"] = round(time.perf_counter() - t0, 3)
    t0 = time.perf_counter()
    counts.update(across.update(store, ctx, aids))
    counts["across_seconds"] = round(time.perf_counter() - t0, 3)


@contextmanager
def _collector_paused():
    """Python's cyclic garbage collector paused while the update covers articles (its
    thresholds restored after): the update builds millions of small containers (candidate
    pairs, features, storylines) and leaves next to no reference cycle as garbage, and the collector's
    full passes over them as the heap grows cost about a seventh of its CPU (the 1k-article
    update: 15 full collections, about 6 CPU-s; a collection after it frees 10 objects).
    A zero threshold, not ``gc.disable``: a library loading its data (the word vectors) turns
    the collector back on. Process-wide while it lasts; the re-dating pipeline (``process``)
    runs with the collector as it was."""
    thresholds = gc.get_threshold()
    gc.set_threshold(0)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def _context(store, ctx: dict, kind: Kind, article_ids) -> None:
    """What the kind's features and results need: articles' keys and reference days, the facts."""
    missing = set(article_ids) - set(ctx["articles"])
    if missing and kind.name == "e":
        ctx["articles"].update(store.x_article_info(missing))
    if kind.name == "a" and "names" not in ctx:
        from dossier.claims.conflicts import _facts_table

        ctx["facts"], ctx["names"] = _facts_table()


@dataclass
class Forgotten:
    """What :func:`forget_articles` took out of the state: by kind, the records of other
    articles whose units it dissolved (to be covered again), and the days of the storylines it
    dropped (claims near them may have lost a supporting event)."""

    records: dict[str, list[int]] = field(default_factory=dict)
    story_days: list[tuple[str, str]] = field(default_factory=list)
    status_units: set[int] = field(default_factory=set)  # event units a forgotten denial answered


def forget_articles(store, article_ids) -> Forgotten:
    """Take covered articles out of the state before their records are replaced (a re-dated
    article): every unit holding one of their records is dissolved (its results dropped, its
    records, keys and pairs forgotten) and its other records are returned, to be covered again
    with the articles' new records by the next update; the articles' roles leave the affiliation
    counts and the articles are pending again. The other units do not change: none of their
    records is linked to a dissolved unit's (else they would be one unit), so they are what a
    rebuild without these articles gives, and the next update's candidates meet them as usual.
    Runs inside ``store.cross_article_update()``, before ``store.replace_records``."""
    from dossier.events.features import affiliation_counts

    ids = sorted(set(article_ids))
    out = Forgotten()
    if not ids:
        return out
    counts = affiliation_counts(r for _, _, _, r in store.record_rows("roles", article_ids=ids))
    if counts:
        store.x_add_affiliations({k: -n for k, n in counts.items()})
        store.x_prune_affiliations()
    leaving = set(ids)
    out.status_units = across.denied_units(store, across.deny_events(store, article_ids=ids))
    stale = [f"xs:{u}" for u in out.status_units]  # results read across units, dropped once at the end
    for kind in KINDS:
        units = store.x_units_of_articles(kind.name, ids)
        if not units:
            continue
        members = store.x_members(kind.name, units)
        gone = [rid for rid, _, _ in members]
        out.records[kind.name] = sorted(rid for rid, aid, _ in members if aid not in leaving)
        if kind.name == "e":
            out.story_days += store.x_story_days(units)
            pairs = {(min(int(k), p), max(int(k), p)) for k, p, _ in store.x_lookup("e.d", [str(r) for r in gone])}
            stale += [f"ex:{a}:{b}" for a, b in pairs] + [f"xs:{u}" for u in units]
        store.x_replace_results(kind.name, units, [], [])
        store.x_forget_records(kind.name, gone)
    store.x_replace_tagged(stale, [])
    store.x_forget_articles(ids)
    return out


class _Links:
    """Union-find over new records (``("n", rid)``) and stored units (``("u", unit)``)."""

    def __init__(self) -> None:
        self.parent: dict[tuple, tuple] = {}

    def find(self, x: tuple) -> tuple:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: tuple, b: tuple) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _update_kind(store, kind: Kind, article_ids: list[int], ctx: dict, again: list[int] = ()) -> dict[str, int]:
    new: list[Record] = []
    rows = store.record_rows(kind.table, article_ids=article_ids)
    if again:  # records of covered articles whose units were taken apart (forget_articles): new again
        rows = sorted(rows + store.record_rows(kind.table, ids=again), key=lambda t: (t[1], t[2]))
    _context(store, ctx, kind, {aid for _, aid, _, _ in rows})
    for rid, aid, idx, rec in rows:
        r = Record(rid, aid, idx, rec)
        r.data = kind.data(r, ctx)
        if r.data is not None:
            new.append(r)
    if not new:
        return {}
    by_rid = {r.rid: r for r in new}
    # the stems' frequency in the batch: records probe with their rarest stems (fewer met)
    rank = frequency_rank(r.data["stems"] for r in new if "stems" in r.data)
    keys = {r.rid: kind.keys(r.data, rank) for r in new}
    if kind.name == "e":
        return _update_events(store, kind, new, keys, ctx)
    links = _Links()
    cache: dict = {}

    def linked(a: dict, b: dict) -> bool | str:
        if kind.linked is None:
            return True
        return kind.linked(a, b, cache)

    apart: list[tuple[int, int]] = []  # pairs decided in date conflict: stored, never linking units
    decisions = 0
    index = KeyIndex()  # the new records among themselves
    for r in new:
        ik, pk = keys[r.rid]
        links.find(("n", r.rid))
        for other in sorted(index.add(r.rid, ik, pk)):
            if links.find(("n", r.rid)) != links.find(("n", other)):
                decisions += 1
                found = linked(r.data, by_rid[other].data)
                if found == APART:
                    apart.append((r.rid, other))
                elif found:
                    links.union(("n", r.rid), ("n", other))
    candidates, unit_of = _stored_candidates(store, kind, new, keys)
    stored = {}
    if kind.linked is not None:
        stored = store.x_data(kind.name, {rid for found in candidates.values() for rid in found.tolist()})
    for r in new:
        for rid in candidates[r.rid].tolist():  # in the order of their ids
            unit = unit_of[rid]
            if links.find(("n", r.rid)) == links.find(("u", unit)):
                continue
            decisions += 1
            found = linked(r.data, stored.get(rid)) if kind.linked is not None else True
            if found == APART:
                apart.append((r.rid, rid))
            elif found:
                links.union(("n", r.rid), ("u", unit))
    # units: each component of new records and stored units, labelled by its smallest record id
    groups: dict[tuple, list[tuple]] = defaultdict(list)
    for node in list(links.parent):
        groups[links.find(node)].append(node)
    label: dict[int, int] = {}
    merged: dict[int, list[int]] = {}
    for nodes in groups.values():
        if not any(x[0] == "n" for x in nodes):
            continue  # a stored unit only compared with, joined by nothing: its results stand
        unit = min(x[1] for x in nodes)  # a unit is labelled by its smallest record id
        old = [x[1] for x in nodes if x[0] == "u"]
        merged[unit] = old
        for x in nodes:
            if x[0] == "n":
                label[x[1]] = unit
        store.x_relabel(kind.name, old, unit)
    key_rows = [(f"{kind.name}.i", k, r.rid) for r in new for k in keys[r.rid][0]]
    key_rows += [(f"{kind.name}.p", k, r.rid) for r in new if keys[r.rid][1] is not None for k in keys[r.rid][1]]
    key_rows += [(f"{kind.name}.d", str(a), b) for x, y in apart for a, b in ((x, y), (y, x))]
    store.x_add_records(kind.name, [(r.rid, r.article_id, label[r.rid], r.data) for r in new], key_rows)
    # results of the touched units
    members = store.x_members(kind.name, merged)
    _recompute(store, kind, ctx, members, [u for unit, old in merged.items() for u in (unit, *old)])
    log.debug("crossref %s: %d new records, %d decisions, %d units recomputed (%d records)",
              kind.table, len(new), decisions, len(merged), len(members))
    return {f"{kind.table}_new": len(new), f"{kind.table}_decisions": decisions,
            f"{kind.table}_units": len(merged), f"{kind.table}_recomputed": len(members)}


def _stored_candidates(store, kind: Kind, new: list[Record], keys: dict) -> tuple[dict[int, Any], dict[int, int]]:
    """New record id -> the ids (an ascending array) of the stored records it meets in the
    blocking keys: its probe keys among their index keys, its index keys among their probe
    keys; and each stored record met -> its unit."""
    import numpy as np

    probes = {k for ik, pk in keys.values() for k in (pk if pk is not None else ik)}
    indexed, units = store.x_postings(f"{kind.name}.i", probes)
    probing: dict = {}
    if any(pk is not None for _, pk in keys.values()):
        probing, more = store.x_postings(f"{kind.name}.p", {k for ik, _ in keys.values() for k in ik})
        units.update(more)
    none = np.zeros(0, dtype=np.int64)
    candidates: dict[int, Any] = {}
    for r in new:
        ik, pk = keys[r.rid]
        parts = [indexed[k] for k in (pk if pk is not None else ik) if k in indexed]
        if pk is not None:
            parts += [probing[k] for k in ik if k in probing]
        candidates[r.rid] = _ascending_once(np.concatenate(parts)) if parts else none
    return candidates, units


def _ascending_once(ids):
    """The ids of an int64 array sorted, each once (``np.unique`` without its hash table)."""
    import numpy as np

    ids = np.sort(ids)
    return ids[np.append(True, ids[1:] != ids[:-1])] if len(ids) else ids


def _update_events(store, kind: Kind, new: list[Record], keys: dict, ctx: dict) -> dict[str, int]:
    """The events' update: as :func:`_update_kind`, with the links of
    :func:`dossier.events.merge.cluster_mentions` (day-precise pairs; a coarse mention to its
    anchor only; coarse mentions without an anchor among themselves). Every candidate pair is
    decided (a coarse mention's anchor is the best of all). A stored coarse mention that a new
    day-precise one is a better anchor for moves: the unit it leaves is recomputed, and split
    into what stays linked when it had no anchor (such a unit holds only anchorless coarse
    mentions, linked among themselves: what stays linked is read from their stored pairs)."""
    import numpy as np

    from dossier.crossref.decide import Block, decide_events
    from dossier.crossref.kinds import anchor_rank, event_day_precise, event_decision
    from dossier.events.merge import coarse_rivals

    new_ids = {r.rid for r in new}
    data: dict[int, dict] = {r.rid: r.data for r in new}
    cache: dict = {}
    # candidate pairs: met in a (who or where, when) key ("k": a candidate of the merge as such)
    # or only in a word key ("t": a candidate when they share enough words)
    # (by blocks of the pairs of one new mention: decide_events)
    blocks: list[Block] = []
    by_kind: dict[str, dict[int, tuple[set, set]]] = {"k": {}, "t": {}}
    for r in new:  # each record's keys split by their first letter, in one pass
        split = {"k": (set(), set()), "t": (set(), set())}
        for side in (0, 1):
            for k in keys[r.rid][side]:
                if k[0] in split:
                    split[k[0]][side].add(k)
        by_kind["k"][r.rid], by_kind["t"][r.rid] = split["k"], split["t"]
    index = {t: KeyIndex() for t in "kt"}  # the new records among themselves: pairs (earlier, later)
    for r in new:
        keyed = index["k"].add(r.rid, *by_kind["k"][r.rid])
        others = sorted(keyed | index["t"].add(r.rid, *by_kind["t"][r.rid]))
        blocks.append((r.rid, False, others, [other in keyed for other in others]))
    unit_of: dict[int, int] = {}  # stored record -> its unit
    keyed_stored, units = _stored_candidates(store, kind, new, by_kind["k"])
    worded, more = _stored_candidates(store, kind, new, by_kind["t"])
    units.update(more)
    for r in new:  # pairs (new, stored), in the order of the stored ids
        keyed, met = keyed_stored[r.rid], _ascending_once(np.concatenate((keyed_stored[r.rid], worded[r.rid])))
        at = np.minimum(np.searchsorted(keyed, met), max(len(keyed) - 1, 0))
        blocks.append((r.rid, True, met.tolist(), ((keyed[at] == met) if len(keyed) else np.zeros(len(met), bool)).tolist()))
    unit_of.update((rid, units[rid]) for rid in sorted(set().union(*(b[2] for b in blocks if b[1]))))
    data.update(store.x_data(kind.name, unit_of))

    precise: dict[int, bool] = {}

    def fine(rid: int) -> bool:
        if rid not in precise:
            precise[rid] = event_day_precise(data[rid])
        return precise[rid]

    decide_cpu = time.process_time()
    # every candidate pair is decided, and those that count for the merge (one event, a date
    # conflict) are stored (x_pairs): a unit's results are recomputed from them
    apart, same, decided, decisions = decide_events(blocks, data, cache)
    decide_cpu = time.process_time() - decide_cpu
    feats = {rid: f for rid, d in data.items() if (f := cache.get(id(d))) is not None}  # built by the decisions
    ctx["event_features"] = (data, feats)  # stored features read and built here: the merge's too (event_results)
    partners: dict[int, list[tuple[tuple, int]]] = defaultdict(list)  # coarse -> [(rank, day-precise)]
    fine_links: list[tuple[int, int]] = []
    loose: list[tuple[int, int]] = []
    # a day-precise mention is no anchor for a coarse one that a coarse mention of its own article
    # matches better (both of that article, so both new or both stored: the pairs are here)
    rivals = coarse_rivals(fine, same, lambda rid: data[rid]["key"])
    for x, y, score in same:
        if fine(x) and fine(y):
            fine_links.append((x, y))
        elif fine(x) or fine(y):
            c, f = (y, x) if fine(x) else (x, y)
            if rivals.get((c, data[f]["key"]), -1.0) > score:
                continue
            partners[c].append((anchor_rank(data[f], score), f))
        else:
            loose.append((x, y))
    # stored coarse mentions met: their anchors (none: anchorless)
    current = {int(k): a for k, a, _ in store.x_lookup("e.a", [str(c) for c in unit_of if not fine(c)])}
    data.update(store.x_data(kind.name, set(current.values()) - set(data)))
    # the score of each stored coarse mention with its anchor: stored with the pair (x_pairs)
    held = {c: current[c] for c in partners if c not in new_ids and c in current}
    scored = {(min(x, y), max(x, y)): score for x, y, score, _ in store.x_pairs(kind.name, {*held, *held.values()})}

    def anchor_score(c: int, old: int) -> float:
        found = scored.get((min(c, old), max(c, old)))
        return found if found is not None else event_decision(data[c], data[old], cache)[1]

    anchor: dict[int, int] = {}  # coarse mention -> its (new) anchor
    moved: dict[int, int] = {}  # stored coarse mention -> the unit it leaves
    for c, found in partners.items():
        best = min(found)
        if c not in new_ids:
            old = current.get(c)
            if old is not None and anchor_rank(data[old], anchor_score(c, old)) < best[0]:
                continue  # its anchor stays the best
            moved[c] = unit_of[c]
        anchor[c] = best[1]

    def free(rid: int) -> bool:
        return not fine(rid) and rid not in anchor and rid not in current

    # units left: by an anchored mention (the rest stays linked), by an anchorless one (split)
    split = {u for c, u in moved.items() if c not in current}
    shrunk = {u for c, u in moved.items() if c in current} - split
    old_rows = store.x_members(kind.name, split | shrunk)
    # a unit with an actor whose party only a learned affiliation gives was merged by the merge's
    # own search: once such a mention has left it, its stored storylines are not the earlier run
    # the clustering of what stays may trust (event_results)
    searched = _searched_units(store, kind, old_rows, data)
    ctx.setdefault("unsettled", set()).update(rid for rid, _, u in old_rows if u in searched)
    # a mention that left may have been the rival of a coarse mention of its article (its anchor then other)
    left = {(where_aid, u) for rid, where_aid, u in old_rows if rid in moved}
    ctx["unsettled"].update(rid for rid, aid, u in old_rows if (aid, u) in left)
    staying = [rid for rid, _, u in old_rows if u in split and rid not in moved]
    # such a unit holds anchorless coarse mentions only, linked by the pairs found one event:
    # every candidate pair was decided when its later mention was covered and those pairs
    # stored (x_pairs), so what stays linked is read from them, never decided again
    rest = [(x, y) for x, y, _, in_conflict in store.x_pairs(kind.name, staying) if not in_conflict]
    loose_ids = set(staying) | set(moved)

    def node(rid: int) -> tuple:
        if rid in new_ids:
            return ("n", rid)
        return ("r", rid) if rid in loose_ids else ("u", unit_of[rid])

    links = _Links()
    for r in new:
        links.find(("n", r.rid))
    for rid in staying:
        links.find(("r", rid))
    for u in shrunk:
        links.find(("u", u))
    for x, y in fine_links + rest + [(c, f) for c, f in anchor.items()]:
        links.union(node(x), node(y))
    for x, y in loose:
        if free(x) and free(y):
            links.union(node(x), node(y))
    # the groups are built day after day (merge.cluster_mentions): what changes on a day may
    # change the groups of that day's eve and of every later day, so each component takes in the
    # stored weeks linked to it that reach that eve (kinds.week_of)
    changed_days: list[tuple[tuple, str]] = []  # (node, ISO day of a pair that changed)
    for r in new:
        if fine(r.rid):
            changed_days.append((("n", r.rid), data[r.rid]["interval"][0]))
        elif r.rid in anchor:
            changed_days.append((("n", r.rid), data[anchor[r.rid]]["interval"][0]))
    for c, u in moved.items():
        for f in (current.get(c), anchor.get(c)):
            if f is not None and f in data:
                changed_days.append((node(c), data[f]["interval"][0]))
                if u in shrunk:  # the unit it left (a split one's records are nodes of their own)
                    changed_days.append((("u", u), data[f]["interval"][0]))
    _later_weeks(store, kind, links, changed_days, data)
    components: dict[tuple, list[tuple]] = defaultdict(list)
    for n in list(links.parent):
        components[links.find(n)].append(n)
    units = {n[1] for nodes in components.values() for n in nodes if n[0] == "u"}
    stored_rows = store.x_members(kind.name, units - shrunk) + old_rows
    by_unit: dict[int, list[tuple[int, int]]] = defaultdict(list)
    where: dict[int, tuple[int, int]] = {}  # stored record -> (article, old unit)
    for rid, aid, u in stored_rows:
        where[rid] = (aid, u)
        ctx.setdefault("old_unit", {})[rid] = u  # the unit whose merge gave its stored storyline
        if rid not in loose_ids:
            by_unit[u].append((rid, aid))
    article = {r.rid: r.article_id for r in new}
    members: list[tuple[int, int, int]] = []
    label: dict[int, int] = {}
    changed: list[tuple[int, int]] = []
    for nodes in components.values():
        recs = []
        for n in nodes:
            if n[0] == "u":
                recs += by_unit[n[1]]
            else:
                recs.append((n[1], article[n[1]] if n[0] == "n" else where[n[1]][0]))
        if not recs:  # a unit that only held a coarse mention now anchored elsewhere
            continue
        unit = min(rid for rid, _ in recs)  # a unit is labelled by its smallest record id
        for rid, aid in recs:
            members.append((rid, aid, unit))
            label[rid] = unit
            if rid in where and where[rid][1] != unit:
                changed.append((rid, unit))
    key_rows = [(f"{kind.name}.i", k, r.rid) for r in new for k in keys[r.rid][0]]
    key_rows += [(f"{kind.name}.p", k, r.rid) for r in new if keys[r.rid][1] is not None for k in keys[r.rid][1]]
    key_rows += [(f"{kind.name}.d", str(a), b) for x, y in apart for a, b in ((x, y), (y, x))]
    key_rows += [(f"{kind.name}.a", str(c), f) for c, f in anchor.items()]
    key_rows += [k for r in new for k in across.denial_keys(r.rid, r.rec)]  # status conflicts find denials by party
    store.x_delete_keys(f"{kind.name}.a", [str(c) for c in moved])
    store.x_add_records(kind.name, [(r.rid, r.article_id, label[r.rid], r.data) for r in new], key_rows)
    store.x_set_units(kind.name, changed)
    store.x_add_pairs(kind.name, decided)
    drop = units | split | {u for _, u in moved.items()} | {u for _, _, u in members}
    _recompute(store, kind, ctx, members, sorted(drop))
    log.debug("crossref events: %d new records, %d decisions, %d moved, %d units recomputed (%d records)",
              len(new), decisions, len(moved), len({u for _, _, u in members}), len(members))
    return {"events_new": len(new), "events_candidates": sum(len(b[2]) for b in blocks), "events_decisions": decisions,
            "events_decide_cpu_seconds": round(decide_cpu, 3), "events_moved": len(moved),
            "events_units": len({u for _, _, u in members}), "events_recomputed": len(members)}


def _later_weeks(store, kind: Kind, links: "_Links", changed_days: list[tuple[tuple, str]], data: dict) -> None:
    """Join to each component of ``links`` the stored units (weeks of linked mentions) its
    changes may reach: those linked to it (a pair found one event, stored) that hold a
    day-precise mention of the eve of its earliest changed day or later, and so on from them
    (a component that a join gives an earlier eve looks again from all of its units)."""
    from dossier.crossref.kinds import event_day_precise

    eve: dict[tuple, str] = {}
    for n, day in changed_days:
        root = links.find(n)
        day = (dt.date.fromisoformat(day[:10]) - dt.timedelta(days=1)).isoformat()
        eve[root] = min(day, eve.get(root, day))
    last: dict[int, str] = {}  # unit -> its latest day-precise day ("" when none)
    fine = {rid: event_day_precise(d) for rid, d in data.items()}  # record -> day-precise
    looked: dict[int, str] = {}  # unit -> the eve its links were followed for

    def eve_of(unit: int) -> str | None:
        return eve.get(links.find(("u", unit))) if ("u", unit) in links.parent else None

    while True:
        frontier = {n[1] for n in list(links.parent) if n[0] == "u" and (e := eve_of(n[1])) is not None
                    and e < looked.get(n[1], "~")}
        if not frontier:
            return
        for u in frontier:
            looked[u] = eve_of(u)
        mine = {rid: u for rid, _, u in store.x_members(kind.name, frontier)}
        pairs = [(a, b) for a, b, _, apart in store.x_pairs_touching(kind.name, mine) if not apart]
        # only two day-precise mentions' pair links weeks (a coarse mention joins its anchor's)
        ends = {r for p in pairs for r in p}
        missing = ends - set(fine)
        if missing:
            fine.update((rid, event_day_precise(d)) for rid, d in store.x_data(kind.name, missing).items())
        pairs = [(a, b) for a, b in pairs if fine.get(a) and fine.get(b)]
        outside = {r for p in pairs for r in p if r not in mine}
        partner_unit = store.x_units_of(kind.name, outside) if outside else {}
        reach: dict[int, set[int]] = defaultdict(set)  # another unit -> ours it is linked to
        for a, b in pairs:
            for x, y in ((a, b), (b, a)):
                if x in mine and y in partner_unit and (("u", partner_unit[y]) not in links.parent or
                                                        links.find(("u", partner_unit[y])) != links.find(("u", mine[x]))):
                    reach[partner_unit[y]].add(mine[x])
        unknown = set(reach) - set(last)
        if unknown:
            rows = store.x_members(kind.name, unknown)
            feats = store.x_data(kind.name, [rid for rid, _, _ in rows])
            last.update((u, "") for u in unknown)
            for rid, _, u in rows:
                d = feats.get(rid) or data.get(rid)
                if d is not None and event_day_precise(d) and d["interval"][0] > last[u]:
                    last[u] = d["interval"][0]
        for u, ours in sorted(reach.items()):
            reached = [o for o in sorted(ours) if (e := eve_of(o)) is not None and last[u] and last[u] >= e]
            for o in reached:
                links.union(("u", o), ("u", u))
            if reached:
                merged: dict[tuple, str] = {}  # a join may merge two components: the earliest eve counts
                for root, day in eve.items():
                    r = links.find(root)
                    merged[r] = min(day, merged.get(r, day))
                eve = merged


def _searched_units(store, kind: Kind, rows: list[tuple[int, int, int]], known: dict[int, dict]) -> set[int]:
    """The units of ``rows`` ((record, article, unit)) holding an actor the knowledge base gives
    no party and the covered articles' roles give one (:func:`dossier.crossref.kinds._stored_decisions`
    then lets the merge decide its pairs itself): told from the stored features' actors (those
    of ``known``, record -> its stored features, not read again)."""
    from dossier.events.features import side_of

    data = {rid: known[rid] for rid, _, _ in rows if rid in known}
    data.update(store.x_data(kind.name, {rid for rid, _, _ in rows} - set(data)))
    actors = {rid: set(d.get("actors") or ()) for rid, d in data.items()}
    unknown = {a for found in actors.values() for a in found if side_of(a) is None}
    learned = set(store.x_affiliations(unknown)) if unknown else set()
    return {u for rid, _, u in rows if actors.get(rid, set()) & learned}


def _weeks(stories: list[dict], rows: list[tuple], unit: int, relabel: dict[int, int], same: list[tuple[int, int]],
           fine: set[int], anchors: dict[int, int]) -> list[tuple[int, list[dict], list[tuple]]]:
    """One unit of events' results, filed per week (:func:`dossier.crossref.kinds.week_of`): the
    storylines of one week that the pairs found one event (``same``) of two day-precise mentions
    (``fine``), or of two coarse ones in storylines without a day-precise one, connect among
    themselves are a unit, with the storylines of the coarse mentions whose anchor (``anchors``)
    they hold, labelled by its smallest record id, whatever else was recomputed with them;
    (label, storylines, rows) per such unit. ``relabel`` gets each record's label."""
    week_of: dict[int, Any] = {}  # record -> its storyline's week
    owner: dict[int, int] = {}  # record -> its storyline's position
    for n, s in enumerate(stories):
        for rid in s.get("event_ids", ()):
            week_of[rid], owner[rid] = s["_piece"], n
    links = _Links()
    for n in range(len(stories)):
        links.find(n)
    for a, b in same:  # the links (kinds.py): two day-precise mentions, or two coarse ones without one
        if a in owner and b in owner and week_of[a] == week_of[b] and (
                (a in fine and b in fine) or week_of[a] is None):
            links.union(owner[a], owner[b])
    for c, f in anchors.items():  # a coarse mention stays with its anchor's, even where the merge refused it
        if c in owner and f in owner:
            links.union(owner[c], owner[f])
    parts: dict[int, list[int]] = defaultdict(list)
    for n in range(len(stories)):
        parts[links.find(n)].append(n)
    label_of: dict[int, int] = {}  # storyline position -> its unit's label
    for members in parts.values():
        label = min((rid for n in members for rid in stories[n].get("event_ids", ())), default=unit)
        for n in members:
            label_of[n] = label
            relabel.update((rid, label) for rid in stories[n].get("event_ids", ()))
    index = {s["id"]: n for n, s in enumerate(stories)}
    by_label: dict[int, tuple[list[dict], list[tuple]]] = defaultdict(lambda: ([], []))
    for n, s in enumerate(stories):
        s.pop("_piece")
        by_label[label_of[n]][0].append(s)
    for ckind, cid, payload, seq in rows:
        payload.pop("_piece")
        by_label[label_of[index[payload.pop("_story")]]][1].append((ckind, cid, payload, seq))
    return [(label, *by_label[label]) for label in sorted(by_label)]


def _recompute(store, kind: Kind, ctx: dict, members: list[tuple[int, int, int]], drop: list[int]) -> None:
    """The results of the units of ``members`` ((record id, article id, unit) of every record of
    each), replacing those of the units ``drop`` (their old and new labels)."""
    recs = {rid: (aid, idx, rec) for rid, aid, idx, rec in store.record_rows(kind.table, ids=[m[0] for m in members])}
    if kind.name == "e":  # each unit's merge reads its pairs, the date conflicts those leaving them
        store.x_pairs_preload(kind.name, [m[0] for m in members])
    _context(store, ctx, kind, {aid for aid, _, _ in recs.values()})
    by_unit: dict[int, list[Record]] = defaultdict(list)
    for rid, aid, unit in members:
        a, idx, rec = recs[rid]
        by_unit[unit].append(Record(rid, a, idx, rec))
    if kind.name == "e":  # the days of the storylines dropped and stored: claims near them may change
        ctx.setdefault("story_days", []).extend(store.x_story_days(drop))
    ctx.setdefault("recomputed", {}).setdefault(kind.name, set()).update(drop)
    stories: list[dict] = []
    out: list[tuple[str, str, dict, int]] = []
    relabel: dict[int, int] = {}  # record -> its week's unit (events)
    for unit in sorted(by_unit):
        items = sorted(by_unit[unit], key=lambda m: (m.article_id, m.idx))
        unit_stories, unit_rows = kind.results(items, ctx)
        if kind.name == "e":
            rids = [m.rid for m in items]
            fine = {rid for rid in rids if ctx["days"].get(rid) is not None}
            anchors = {int(c): f for c, f, _ in store.x_lookup("e.a", [str(r) for r in rids if r not in fine])}
            read = ctx.pop("unit_pairs", None)  # the stored decisions the merge of this unit read, if it did
            stored = read[1] if read is not None and read[0] == frozenset(rids) else store.x_pairs(kind.name, rids)
            pieces = _weeks(unit_stories, unit_rows, unit, relabel,
                            [(a, b) for a, b, _, apart in stored if not apart], fine, anchors)
        else:
            pieces = [(unit, unit_stories, unit_rows)]
        for label, piece_stories, piece_rows in pieces:
            for s in piece_stories:
                s["unit"], s["seq"] = label, storyline_seq(s)
            stories += piece_stories
            for n, (ckind, cid, payload, seq) in enumerate(piece_rows):
                if cid is None:
                    cid = f"{kind.name}{label}.{n}"
                    payload["id"] = cid
                if ckind == "conflicts":
                    seq = seq * _CONFLICT_CLASS + label * 1000 + min(n, 999)
                payload["_unit"] = label
                out.append((ckind, cid, payload, seq))
    if relabel:
        moved = [(rid, label) for rid, _, unit in members if (label := relabel.get(rid, unit)) != unit]
        store.x_set_units(kind.name, moved)
        members[:] = [(rid, aid, relabel.get(rid, unit)) for rid, aid, unit in members]
        labels = set(relabel.values())
        ctx["recomputed"][kind.name].update(labels)
        drop = sorted(set(drop) | labels)
    store.x_replace_results(kind.name, drop, stories, out)
    if kind.name == "e":
        from dossier.store.queries import date_bounds

        ctx["story_days"].extend(b for s in stories if (b := date_bounds(s.get("date")))[0] and b[1])
    if kind.name == "e":  # date conflicts between units, from the stored pairs (storyline ids now final)
        stale, rows = event_cross_conflicts(store, members, stories, ctx)
        store.x_replace_tagged(stale, [(ck, cid, p, 1 * _CONFLICT_CLASS + low * 1000 + 999, tag)
                                       for ck, cid, p, low, tag in rows])
