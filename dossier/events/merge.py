"""The merged timeline: one storyline event per real event, every source behind it.

``merge_events(items, published)`` takes ``(article key, Event)`` pairs from many articles:

1. features once per mention (:func:`dossier.events.features.event_features`: canonical
   participants and the actors they stand for, date interval or undated window, background flag,
   place, content stems, sentence vector; storable);
2. candidate pairs from two indexes, never all pairs: (participant, place or kind) x time bucket
   at the mention's own precision, a day meeting only the days beside it
   (:class:`~dossier.blocking.KeyIndex`), and mentions sharing most of their words within a week
   or so (:class:`~dossier.blocking.PrefixIndex`);
3. a decision per candidate pair that lists its weighted reasons
   (:func:`dossier.events.similarity.compare`);
4. groups from the accepted pairs, strongest first, never joining members dated more than a day
   apart, members one article dates on different days, or participants with nothing in common
   (:func:`~dossier.blocking.cluster`): the same groups for any input order. A coarse mention
   (a week, a month, undated) may join only the group of its single best day-precise match, so
   it never bridges two groups (:func:`cluster_mentions`).

A planned (or cancelled) mention and the held event are different events, linked (``related``),
unless the plan named the day the event was held. Where sources disagree (date, place, duration,
outcome, status, figures), ``details`` keeps every value with the article that says it and
``disagreements`` lists the conflicts between articles; pairs kept apart only because their
dates differ by more than a day, while everything else matches strongly, are listed in
``date_conflicts`` of both storylines.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from dossier.blocking import Edge, KeyIndex, PrefixIndex, cluster, figures
from dossier.blocking.index import frequency_rank, overlap_share
from dossier.events.features import (PRECISION_RANK, EventFeatures, _gap, blocking_keys, date_interval,
                                     event_features, participant_key, place_relation, text_buckets,
                                     timeless_buckets, timeless_mismatch)
from dossier.events.similarity import SAME, Group, cannot_match, compare, groups_apart
from dossier.models import Event, Participant

__all__ = ["StorylineEvent", "merge_events", "date_interval", "participant_key", "MergeStats"]
TEXT_SHARE = 0.6  # candidate pairs by words: at least this share of the shorter stem set
REFERENCE_SPAN_DAYS = 31  # a publication known to the month or the week is a reference; a year is not


@dataclass
class StorylineEvent:
    id: str
    type: str
    plover: str
    mode: str | None = None
    date: str | None = None
    date_precision: str | None = None
    place: str | None = None
    place_name: str | None = None
    participants: list[Participant] = field(default_factory=list)
    status: str = "held"
    sources: list[tuple[str, int, str]] = field(default_factory=list)  # (article key, index, evidence)
    details: dict[str, list[tuple[Any, str]]] = field(default_factory=dict)
    explanation: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)  # ids of linked storylines (planned <-> held)
    background: bool = False
    # conflicts between sources: {"attribute", "values": [{"value", "sources": [(key, index, evidence)]}]}
    disagreements: list[dict[str, Any]] = field(default_factory=list)
    date_conflicts: list[dict[str, Any]] = field(default_factory=list)  # with storylines kept apart


@dataclass
class MergeStats:
    mentions: int = 0
    probed: int = 0  # pairs met in the indexes (a set lookup or intersection each)
    comparisons: int = 0  # pairwise decisions made
    accepted: int = 0


def reference_values(items: list[tuple[str, Event]], published: Mapping[str, str] | None) -> dict[str, str]:
    """Each article's reference (an ISO value: the days its undated mentions may report): its
    publication day; a publication known only to the month or the week: the latest day its
    events carry within it, else that month or week; else (no publication, or a year) the latest
    day its events carry."""
    days: dict[str, list[dt.date]] = defaultdict(list)
    for key, event in items:
        iv = date_interval(event.date)
        if iv is not None and iv[0] == iv[1]:
            days[key].append(iv[0])
    out = {key: max(found).isoformat() for key, found in days.items()}
    for key, value in (published or {}).items():
        pub = date_interval(value)
        if pub is None:
            continue
        if pub[0] == pub[1]:
            out[key] = pub[0].isoformat()
        elif (pub[1] - pub[0]).days <= REFERENCE_SPAN_DAYS:
            within = [d for d in days.get(key, ()) if pub[0] <= d <= pub[1]]
            out[key] = max(within).isoformat() if within else value.strip()
    return out


def features_of(items: list[tuple[str, Event]], published: Mapping[str, str] | None = None,
                vectors: bool = True, affiliations: Mapping[str, str] | None = None,
                known: list[EventFeatures] | None = None) -> list[tuple[EventFeatures, Event]]:
    """Features of every mention, in canonical order (article key, position in the article);
    ``known``: each item's features, already computed (taken as they are)."""
    if known is not None:
        return sorted(zip(known, (event for _, event in items)), key=lambda fe: (fe[0].key, fe[0].index))
    refs = {key: date_interval(value) for key, value in reference_values(items, published).items()}
    per_key: Counter = Counter()
    out = []
    for key, event in items:
        index = per_key[key]
        per_key[key] += 1
        out.append((event_features(key, index, event, refs.get(key), vectors=vectors, affiliations=affiliations),
                    event))
    out.sort(key=lambda fe: (fe[0].key, fe[0].index))
    return out


def candidate_pairs(feats: list[EventFeatures], stats: MergeStats | None = None) -> set[tuple[int, int]]:
    """Pairs (i < j) sharing a (who or where, when) key, or sharing :data:`TEXT_SHARE` of their
    content words within a few weeks: a function of the mentions alone (not of their order)."""
    rank = frequency_rank(f.stems for f in feats)
    keys, texts = KeyIndex(), defaultdict(lambda: PrefixIndex(TEXT_SHARE, rank=rank))
    timeless = KeyIndex()  # a mention of unknown time and one of known time, by their words
    pairs: set[tuple[int, int]] = set()
    for i, f in enumerate(feats):
        found = keys.add(i, *blocking_keys(f))
        if len(f.stems) >= 2:
            for when in text_buckets(f):
                found |= texts[when].add(i, f.stems, verify=True)
            sides = timeless_buckets(f)
            if sides is not None:
                prefix = texts[sides[0]].prefix(f.stems)  # the same order as the word index
                met = timeless.add(i, {(sides[0], w) for w in f.stems}, {(sides[1], w) for w in prefix})
                found |= {j for j in met if overlap_share(f.stems, feats[j].stems) >= TEXT_SHARE - 1e-9}
        pairs.update((j, i) for j in found if not timeless_mismatch(feats[j], f))
    if stats is not None:
        stats.probed += keys.comparisons + timeless.comparisons + sum(t.probed for t in texts.values())
    return pairs


def merge_events(items: list[tuple[str, Event]], published: Mapping[str, str] | None = None,
                 vectors: bool = True, stats: MergeStats | None = None,
                 affiliations: Mapping[str, str] | None = None,
                 decided: Iterable[tuple[tuple[str, int], tuple[str, int], float, bool]] | None = None,
                 prior: Mapping[tuple[str, int], Any] | None = None,
                 last_days: list[int | None] | None = None,
                 mention_days: dict[tuple[str, int], int | None] | None = None,
                 features: list[EventFeatures] | None = None,
                 ) -> list[StorylineEvent]:
    """Merge events reported by many articles into storyline events (see the module docstring).

    ``published`` maps article keys to publication dates (the reference day of undated
    mentions); ``vectors=False`` leaves word vectors out (lexical evidence only);
    ``affiliations`` (:func:`dossier.events.features.learned_affiliations` of the articles'
    learned roles) says whom actors the knowledge base does not affiliate act for.

    ``decided``: the decisions already made on these mentions, given as (mention, mention,
    score, date conflict) for *every* candidate pair that :func:`compare` finds one event or
    in date conflict (a mention is (article key, its position among that article's items));
    then no candidate is searched and no pair decided again (the cross-article state keeps
    them), only the pairs the result explains are compared again for their reasons. The
    result is the one the full search gives when ``decided`` holds exactly those pairs.

    ``prior`` (with ``decided``): for each mention of an earlier merge (of some of these mentions,
    with the decisions between them), (that merge, its storyline there), as any labels; mentions
    missing: new; a storyline None: not to be trusted (then for all of its mentions):
    the groups are the same, but only the joins they can change are tried again
    (:func:`dossier.blocking.cluster`), so that a large set of mentions chained by their pairs
    costs little when a few are new.

    ``last_days`` (a list, filled): for each storyline returned, in order, the latest day
    (ordinal) of its day-precise mentions, None when it has none (the cross-article state files
    storylines by the week of that day: :mod:`dossier.crossref.kinds`); ``mention_days`` (a dict,
    filled): each mention's day, None for a coarse one (:func:`slab_day`).

    ``features``: each item's features when the caller already has them (the values
    :func:`features_of` would compute with ``published``, ``vectors`` and ``affiliations``, and
    ``index`` the item's position among its article's items), not computed again.
    """
    pairs = features_of(items, published, vectors, affiliations, known=features)
    feats = [f for f, _ in pairs]
    events = [e for _, e in pairs]
    edges: list[Edge] = []
    apart: list[tuple[int, int, list[str] | None]] = []  # reasons None: not written yet
    if decided is None:
        candidates = candidate_pairs(feats, stats)
        for i, j in sorted(candidates):
            if cannot_match(feats[i], feats[j]):
                continue
            decision = compare(feats[i], feats[j], explain=False)
            if decision.same or decision.date_conflict:
                decision = compare(feats[i], feats[j])
            if decision.same:
                edges.append(Edge(i, j, decision.score, tuple(decision.reasons)))
            elif decision.date_conflict:
                apart.append((i, j, decision.reasons))
        if stats is not None:
            stats.comparisons += len(candidates)
    else:
        at = {(f.key, f.index): i for i, f in enumerate(feats)}
        for x, y, score, in_conflict in decided:
            i, j = sorted((at[x], at[y]))
            if in_conflict:
                apart.append((i, j, None))
            else:
                edges.append(Edge(i, j, score))
        apart.sort(key=lambda t: (t[0], t[1]))
    if stats is not None:
        stats.mentions += len(feats)
        stats.accepted += len(edges)

    def reasons(e: Edge) -> tuple[str, ...]:
        return e.reasons if decided is None else tuple(compare(feats[e.a], feats[e.b]).reasons)

    def dated_apart(e: Edge) -> bool:  # a refused pair that counts as a date conflict (below)
        fa, fb = feats[e.a], feats[e.b]
        return fa.key != fb.key and bool(fa.interval and fb.interval) and _gap(fa.interval, fb.interval) > 0

    before = None
    if prior is not None and decided is not None:
        before = [prior.get((f.key, f.index)) for f in feats]
        # a mention of an earlier run whose storyline is not trusted: its run still tells which
        # of its pairs that run counted
        before = [p if p is not None and p[1] is not None else None for p in before], \
            [p[0] if p is not None else None for p in before]
    fine_days = [slab_day(f) for f in feats]
    memo: dict = {}  # two mentions of one article compared, asked again as their groups grow
    seen: dict[tuple[int, int], Group] = {}

    def group(g: list[int]) -> Group:
        # a group only grows while it is clustered, and its first member is its smallest: its
        # first member and size tell one state of it (asked again as long as it does not grow)
        found = seen.get((g[0], len(g)))
        if found is None:
            found = seen[(g[0], len(g))] = Group([feats[i] for i in g])
        return found

    groups, used, refused = cluster_mentions(
        [day is not None for day in fine_days], edges,
        lambda ga, gb: groups_apart(group(ga), group(gb), memo),
        [f.key for f in feats], prior=before[0] if before else None, runs=before[1] if before else None,
        explain=dated_apart, days=fine_days)
    why: dict[int, list[str]] = defaultdict(list)
    for e in used:
        why[e.b].append(f"{feats[e.a].key}#{feats[e.a].index} ~ {feats[e.b].key}#{feats[e.b].index} "
                        f"(score {e.score:.1f} >= {SAME}): " + "; ".join(reasons(e)))
    for e, reason in refused:  # a strong pair kept apart by its groups: a conflict only if its own dates differ
        if dated_apart(e):
            apart.append((e.a, e.b, list(reasons(e)) + [f"kept apart: {reason}"]))
    stories = [_storyline(g, feats, events, why) for g in groups]
    _link_related(stories, [[feats[i] for i in g] for g in groups])
    _date_conflicts(stories, groups, apart, feats, events)
    order = sorted(range(len(stories)), key=lambda s: (stories[s].date or "9999", stories[s].id))
    if mention_days is not None:
        mention_days.update(((f.key, f.index), day) for f, day in zip(feats, fine_days))
    if last_days is not None:
        last_days.extend(max((fine_days[i] for i in groups[s] if fine_days[i] is not None), default=None)
                         for s in order)
    return [stories[s] for s in order]


def slab_day(f: EventFeatures) -> int | None:
    """The day (ordinal) of a day-precise mention (:func:`day_precise`), else None: the groups
    are built day after day (:func:`cluster_mentions`)."""
    return f.interval[0].toordinal() if f.interval is not None and f.interval[0] == f.interval[1] else None


def day_precise(f: EventFeatures) -> bool:
    """A mention dated to one day (or a time of day): the mentions the groups are built from.
    A week, a month, a year or no date at all is *coarse*: it is attached afterwards."""
    return f.interval is not None and f.interval[0] == f.interval[1]


def cluster_mentions(fine: list[bool], edges: list[Edge], cannot: Callable[[list[int], list[int]], str | None],
                     articles: list[str] | None = None, prior: list[Any] | None = None,
                     runs: list[Any] | None = None, explain: Callable[[Edge], bool] | None = None,
                     days: list[int | None] | None = None) -> tuple[list[list[int]], list[Edge], list[tuple[Edge, str]]]:
    """Groups of mentions from the accepted pairs (:func:`cluster`), such that no coarse mention
    ever bridges two groups of day-precise ones. Of the accepted pairs only these count:

    - the pairs of two day-precise mentions (``fine``);
    - for a coarse mention (a week, a month, undated...) one event with some day-precise ones,
      its pair with the single best of them, its *anchor* (highest score, ties to the first in
      the canonical order): it may join that group only. A day-precise mention is no anchor
      when a coarse mention of its own article (``articles``: each mention's article) matches
      better: that article reports the coarse mention's event apart from it ("Moscou annonce un
      compromis sur le traité" and, further on, "Kiev a accepté les propositions russes", a second
      outlet reporting only the acceptance);
    - the pairs of two coarse mentions one event with no day-precise mention.

    So a month-dated report compatible with a month of meetings joins one of them and chains
    nothing; the cross-article update's units are the groups these pairs connect
    (:mod:`dossier.crossref.kinds`). Positions are canonical (sorted by article key, position).

    ``prior``: each mention's group in an earlier run (None: new, or not to be trusted), ``runs``
    which earlier run each mention was in (None: new; default: told by ``prior``); the
    mentions whose counted pairs differ from what their earlier run counted (among the pairs
    within it: a new anchor, a pair with a new mention or with another run's) are told to
    :func:`cluster` as changed. ``explain``: which refused pairs need their reason.

    ``days``: each mention's day (:func:`slab_day`; None for a coarse one). The groups are then
    built day after day: the pairs whose later day-precise mention is of an earlier day first
    (a coarse mention's pair with its anchor on its anchor's day, two coarse mentions last),
    strongest first within a day. So the groups that end before a day never depend on the
    pairs of later days, and a report of today changes no group of last month (the
    cross-article update recomputes the weeks from a new mention's day on:
    :mod:`dossier.crossref`)."""
    kept = _counted_pairs(fine, edges, articles)
    order = None if days is None else (lambda e: _pair_day(days, e))
    if prior is None:
        return cluster(len(fine), kept, cannot, order=order)
    if runs is None:
        runs = [p[0] if p is not None else None for p in prior]
    within = [e for e in edges if runs[e.a] is not None and runs[e.a] == runs[e.b]]
    old = {(e.a, e.b) for e in _counted_pairs(fine, within, articles)}
    now = {(e.a, e.b) for e in kept}
    changed = {x for pair in old ^ now for x in pair}
    return cluster(len(fine), kept, cannot, prior=prior, changed=changed, explain=explain, order=order)


_LAST = 10**9  # after every day: the pairs of two coarse mentions


def _pair_day(days: list[int | None], e: Edge) -> int:
    """The day a pair is taken on (:func:`cluster_mentions`): its later day-precise mention's."""
    da, db = days[e.a], days[e.b]
    if da is None:
        return _LAST if db is None else db
    return da if db is None or da >= db else db


def _counted_pairs(fine: list[bool], edges: list[Edge], articles: list[str] | None) -> list[Edge]:
    """The accepted pairs :func:`cluster_mentions` groups by (see there)."""
    anchors: dict[int, tuple[float, int, Edge]] = {}
    kept: list[Edge] = []
    loose: list[Edge] = []
    rivals = coarse_rivals(fine, [(e.a, e.b, e.score) for e in edges], articles)
    for e in edges:
        if fine[e.a] and fine[e.b]:
            kept.append(e)
        elif fine[e.a] or fine[e.b]:
            c, f = (e.b, e.a) if fine[e.a] else (e.a, e.b)
            if articles is not None and rivals.get((c, articles[f]), -1.0) > e.score:
                continue  # f's own article tells c's event apart from f
            if c not in anchors or (-e.score, f) < anchors[c][:2]:
                anchors[c] = (-e.score, f, e)
        else:
            loose.append(e)
    kept += [e for _, _, e in anchors.values()]
    kept += [e for e in loose if e.a not in anchors and e.b not in anchors]
    return kept


def coarse_rivals(fine: Callable[[Any], bool] | list[bool], pairs: Iterable[tuple[Any, Any, float]],
                  articles: Callable[[Any], str] | list[str] | None) -> dict[tuple[Any, str], float]:
    """(coarse mention, article) -> the best score of a coarse mention of that article one event
    with it (``pairs``: (mention, mention, score) found one event): the bar a day-precise mention
    of that article must pass to be its anchor (:func:`cluster_mentions`)."""
    if articles is None:
        return {}
    is_fine = fine if callable(fine) else fine.__getitem__
    article = articles if callable(articles) else articles.__getitem__
    out: dict[tuple[Any, str], float] = {}
    for x, y, score in pairs:
        if is_fine(x) or is_fine(y):
            continue
        for c, other in ((x, y), (y, x)):
            k = (c, article(other))
            if score > out.get(k, -1.0):
                out[k] = score
    return out


def _most_common(values: list[Any]) -> Any:
    values = [v for v in values if v is not None]
    if not values:
        return None
    counts = Counter(values)
    return max(values, key=lambda v: (counts[v], -values.index(v)))


def _storyline(group: list[int], feats: list[EventFeatures], events: list[Event],
               why: dict[int, list[str]]) -> StorylineEvent:
    members = [(feats[i], events[i]) for i in group]
    first = min(members, key=lambda fe: (fe[0].key, fe[1].start))
    sid = "ev_" + hashlib.sha1(f"{first[0].key}:{first[1].start}".encode()).hexdigest()[:12]
    evs = [e for _, e in members]
    dated = [e for e in evs if date_interval(e.date)]
    best = min((PRECISION_RANK.get(e.date_precision or "day", 1) for e in dated), default=None)
    date = _most_common([e.date for e in dated if PRECISION_RANK.get(e.date_precision or "day", 1) == best])
    place = _most_common([e.place_id for e in evs])
    participants: dict[str, Participant] = {}
    for e in evs:
        for p in e.participants:
            participants.setdefault(p.entity_id, p)
    statuses = [e.status for e in evs]
    details: dict[str, list[tuple[Any, str]]] = {}
    for name, get in (("duration", lambda e: e.duration_text or e.duration), ("date", lambda e: e.date),
                      ("place", lambda e: e.place_id), ("status", lambda e: e.status),
                      ("outcome", lambda e: "; ".join(f"{o.get('words')} ({o.get('by')})" for o in e.outcome) or None)):
        said = [(get(e), f.key) for f, e in members if get(e) is not None]
        if len({v for v, _ in said}) > 1:
            details[name] = said
    return StorylineEvent(
        id=sid, type=_most_common([e.type for e in evs]), plover=_most_common([e.plover for e in evs]),
        mode=_most_common([e.mode for e in evs]), date=date,
        date_precision=next((e.date_precision for e in dated if e.date == date), None),
        place=place, place_name=next((e.place_name for e in evs if e.place_id == place), None),
        participants=list(participants.values()),
        status="held" if "held" in statuses else _most_common(statuses),
        sources=[(f.key, f.index, e.text) for f, e in members], details=details,
        explanation=[r for i in group for r in why.get(i, [])],
        background=all(f.background for f, _ in members),
        disagreements=_disagreements(members),
    )


def _disagreements(members: list[tuple[EventFeatures, Event]]) -> list[dict[str, Any]]:
    """What the articles of one storyline say differently: the day, the place, the figures."""
    if len({f.key for f, _ in members}) < 2:
        return []
    said: dict[str, dict[str, list[tuple[str, int, str]]]] = defaultdict(lambda: defaultdict(list))
    for f, e in members:
        src = (f.key, f.index, e.text)
        if f.interval and f.precision in ("day", "time"):
            said["date"][f.interval[0].isoformat()].append(src)
            if f.precision == "time" and e.date and "T" in e.date:
                said["time"][e.date.split("T", 1)[1][:5]].append(src)
        if e.place_id:
            said["place"][e.place_id].append(src)
        if e.duration:
            said["duration"][e.duration].append(src)
        for unit, numbers in figures(e.text or "").items():
            for n in numbers:
                said["clock" if unit == "clock" else f"figure:{unit}"][n].append(src)
    out = []
    for attribute, values in sorted(said.items()):
        if len(values) < 2 or len({k for srcs in values.values() for k, _, _ in srcs}) < 2:
            continue
        if attribute == "place" and _places_agree(members, set(values)):
            continue
        out.append({"attribute": attribute,
                    "values": [{"value": v, "sources": sorted(set(s))} for v, s in sorted(values.items())]})
    return out


def _places_agree(members: list[tuple[EventFeatures, Event]], places: set[str]) -> bool:
    """No two of the places are distinct towns (a country named as the place says little)."""
    feats = {f.place: f for f, _ in members if f.place in places}
    ids = sorted(feats)
    return not any(place_relation(feats[a], feats[b]) == "differ" for n, a in enumerate(ids) for b in ids[n + 1:])


def _date_conflicts(stories: list[StorylineEvent], groups: list[list[int]],
                    apart: list[tuple[int, int, list[str] | None]],
                    feats: list[EventFeatures], events: list[Event]) -> None:
    """Storylines kept apart by their dates although everything else matches: list each side."""
    owner = {i: s for s, g in enumerate(groups) for i in g}
    seen: set[tuple[int, int]] = set()
    for i, j, reasons in sorted(apart, key=lambda t: (t[0], t[1])):
        si, sj = owner[i], owner[j]
        if si == sj or (min(si, sj), max(si, sj)) in seen:
            continue
        seen.add((min(si, sj), max(si, sj)))
        if reasons is None:  # a stored decision: its reasons written now
            reasons = compare(feats[i], feats[j]).reasons
        entry_i = {"storyline": stories[si].id, "date": events[i].date,
                   "sources": [(feats[i].key, feats[i].index, events[i].text)]}
        entry_j = {"storyline": stories[sj].id, "date": events[j].date,
                   "sources": [(feats[j].key, feats[j].index, events[j].text)]}
        stories[si].date_conflicts.append({"with": stories[sj].id, "sides": [entry_i, entry_j], "reasons": reasons})
        stories[sj].date_conflicts.append({"with": stories[si].id, "sides": [entry_j, entry_i], "reasons": reasons})


def _link_related(stories: list[StorylineEvent], members: list[list[EventFeatures]]) -> None:
    """Link a planned/cancelled storyline to a held one of the same kind and participants."""
    info = []
    for story, group in zip(stories, members):
        people = frozenset().union(*(f.actors for f in group))
        info.append((story, (story.plover, story.mode if story.plover == "CONSULT" else None), people))
    held = defaultdict(list)
    for entry in info:
        if entry[0].status == "held":
            held[entry[1]].append(entry)
    for story, kind, people in info:
        if story.status not in ("planned", "cancelled") or not people:
            continue
        for h, _, hp in held.get(kind, []):
            if len(people & hp) / len(people | hp) >= 0.5:
                story.related.append(h.id)
                h.related.append(story.id)
    for story in stories:
        story.related = sorted(set(story.related))
