"""What the incremental cross-article update knows about each kind of record.

A :class:`Kind` says, for one record table, what is stored per record (its features, computed
once), the blocking keys it is filed and looks under, whether two records are *linked* (their
results may depend on each other), and the results of one unit. A unit is a set of linked
records closed under the links: the results of a unit depend on its records only, so an update
recomputes only the units its new records join.

- quotes (``q``): linked when :mod:`dossier.quotes.group` would group them (a unit is a quote
  group); keys are the quote's stems, a prefix of them probing (prefix filtering);
- events (``e``): two day-precise mentions are linked when
  :func:`dossier.events.similarity.compare` finds them one event; a coarse mention (a week, a
  month, undated) is linked only to its *anchor*, the best day-precise mention it is one event
  with (:func:`anchor_rank`; the ``e.a`` keys keep it; none of an article whose own coarse
  mention matches it better: :func:`dossier.events.merge.coarse_rivals`), or, when there is none, to the coarse
  mentions without an anchor it is one event with: as :func:`dossier.events.merge.cluster_mentions`
  groups them, so a month-dated report never chains a month of meetings into one unit (a unit
  holds whole storylines). A pair in *date conflict* (kept apart only by their dates) is stored
  apart (:data:`APART`) and never joins units: the date conflicts between two units are read
  from those stored pairs (:func:`event_cross_conflicts`); keys are the merge's (who or where,
  when) keys and stems per week. A coarse mention moves to a better anchor stored later: its
  old unit is recomputed (and, if it had no anchor, split into what stays linked);
  the storylines of linked mentions are stored as one unit per week (of their latest
  day-precise day, :func:`week_of`): the merge builds its groups day after day, so a change on
  a day reaches only that day's eve and later days, and an update recomputes the weeks linked
  to its new records from the eve of their earliest day on (:func:`dossier.crossref._later_weeks`);
  two weeks' storylines found one event a day apart are a date conflict told across units;
- claims (``c``): linked when they share their dispute key, or one speaks of a generic subject
  on a day the other's predicate has a claim (the disputes' join of generic subjects);
- attributes (``a``): linked by (canonical subject, attribute); positions (``p``): by issue.

Links only need to hold *at least* whenever the cross-article functions could let two records
interact: a unit bigger than needed gives the same results, only slower.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any, Callable

from dossier.blocking.index import PrefixIndex, overlap_share

APART = "apart"  # a pair decision that is stored (a date conflict) but links nothing
STEM_SHARE = {"q": 0.5, "e": 0.6}  # prefix thresholds: quotes.group.CANDIDATE_SHARE, events.merge.TEXT_SHARE
_EVIDENCE = re.compile(r"\b([0-9a-f]{64})#(\d+)")


@dataclass
class Record:
    """One record of a kind: row id, article, position in the article, dataclass, stored data."""

    rid: int
    article_id: int
    idx: int
    rec: Any = None
    data: Any = None


def _prefix(tokens, share: float, rank: dict[str, int] | None = None) -> list[str]:
    """The tokens a record probes with: enough of them that any record sharing ``share`` of the
    smaller set holds one (prefix filtering, checked both ways). Which ones is free: the rarest
    in ``rank`` (the update's batch, rarest first), so that few records are met."""
    return PrefixIndex(share, rank=rank).prefix(tokens)


# -- quotes ------------------------------------------------------------------------------------
def quote_data(r: Record, ctx) -> dict:
    from dossier.quotes.group import quote_key

    k = quote_key(r.rec)
    return {"tokens": list(k.tokens), "stems": sorted(k.stems), "speaker_id": k.speaker_id,
            "affiliation": k.affiliation, "anonymous": k.anonymous}


def _quote_key(d: dict):
    from dossier.quotes.group import QuoteKey, _content

    tokens = tuple(d["tokens"])
    return QuoteKey(tokens=tokens, joined=" ".join(tokens), content=frozenset(_content(tokens)),
                    stems=frozenset(d["stems"]), speaker_id=d["speaker_id"], affiliation=d["affiliation"],
                    anonymous=d["anonymous"])


def _speaker_tags(d: dict) -> tuple[set[str], set[str]]:
    """(filed, looked at) speaker tags: two quotes whose speakers are compatible
    (:func:`dossier.quotes.group.speakers_compatible`) always have one's looked-at tag among the
    other's filed tags, both ways. A known speaker files under its id, its affiliation and
    ``all``, and looks at its id, its affiliation and ``*`` (unknown speakers); a quote of no
    known speaker files under ``*`` and looks at ``all`` and ``*``."""
    if not d["speaker_id"]:
        return {"*"}, {"all", "*"}
    mine = {f"id:{d['speaker_id']}"} | ({f"id:{d['affiliation']}"} if d["affiliation"] else set())
    return mine | {"all"}, mine | {"*"}


def quote_keys(d: dict, rank: dict[str, int] | None = None) -> tuple[set[str], set[str]]:
    """Stems x speaker tags, the prefix of the stems probing (prefix filtering both ways)."""
    filed, looks = _speaker_tags(d)
    stems = d["stems"]
    prefix = _prefix(stems, STEM_SHARE["q"], rank)
    return {f"{t}|{s}" for s in stems for t in filed}, {f"{t}|{s}" for s in prefix for t in looks}


def quotes_linked(a: dict, b: dict, cache: dict) -> bool:
    from dossier.quotes.group import CANDIDATE_SHARE, same_words, speakers_compatible

    ka = cache.get(id(a)) or cache.setdefault(id(a), _quote_key(a))
    kb = cache.get(id(b)) or cache.setdefault(id(b), _quote_key(b))
    if overlap_share(ka.stems, kb.stems) < CANDIDATE_SHARE - 1e-9:
        return False
    return speakers_compatible(ka, kb) and same_words(ka, kb)


def quote_results(members: list[Record], ctx) -> tuple[list, list]:
    """A unit of quotes is one quote group: its records are linked by the grouping's own test
    (:func:`quotes_linked`) and the groups are the connected components of those links, so
    :func:`dossier.quotes.group.group_quotes` over the unit would find it whole again."""
    if len(members) < 2:
        return [], []
    first = min(m.rid for m in members)
    return [], [("quote_groups", str(first), {
        "id": first, "members": [{"article_id": m.article_id, "sentence": m.rec.sentence, "text": m.rec.text,
                                  "speaker_id": m.rec.speaker_id} for m in members]}, first)]


# -- events ------------------------------------------------------------------------------------
def event_data(r: Record, ctx) -> dict:
    """The merge's features of one mention (its article's reference day known), without the
    word vector, which is recomputed from the text (a cached mean of static vectors)."""
    from dossier.events.features import date_interval, event_features

    info = ctx["articles"][r.article_id]
    ref = date_interval(info["ref_day"])  # a day, or a month or week (merge.reference_values)
    d = event_features(info["content_hash"], r.idx, r.rec, ref, vectors=False).to_dict()
    d.pop("vector", None)
    d["text"] = r.rec.text or ""
    return d


def _features(d: dict):
    from dossier.blocking.vectors import sentence_vector
    from dossier.events.features import EventFeatures

    d = dict(d)
    text = d.pop("text", "")
    d["vector"] = None
    f = EventFeatures.from_dict(d)
    f.vector = sentence_vector(text)
    return f


def event_keys(d: dict, rank: dict[str, int] | None = None) -> tuple[set[str], set[str]]:
    from dossier.events.features import blocking_keys, text_buckets, timeless_buckets

    f = _features_plain(d)
    index, probe = blocking_keys(f)
    ikeys = {"k" + repr(k) for k in index}
    pkeys = {"k" + repr(k) for k in probe}
    if len(f.stems) >= 2:
        prefix = _prefix(f.stems, STEM_SHARE["e"], rank)
        for when in text_buckets(f):
            ikeys |= {f"t{when!r}{s}" for s in f.stems}  # filed: every stem (probed by prefixes)
            pkeys |= {f"t{when!r}{s}" for s in prefix}  # looks: its prefix among every stem
        sides = timeless_buckets(f)  # unknown time meets known time by words (one side files, the other looks)
        if sides is not None:
            ikeys |= {f"t{sides[0]!r}{s}" for s in f.stems}
            pkeys |= {f"t{sides[1]!r}{s}" for s in prefix}
    # prefix filtering both ways: a's prefix meets b's stems or b's prefix meets a's stems
    return ikeys, pkeys


def _merge_keys(d: dict) -> tuple[set, set, frozenset]:
    from dossier.events.features import blocking_keys

    f = _features_plain(d)
    index, probe = blocking_keys(f)
    return index, probe, f.stems


def _features_plain(d: dict):
    from dossier.events.features import EventFeatures

    d = dict(d)
    d.pop("text", None)
    d["vector"] = None
    return EventFeatures.from_dict(d)


def events_linked(a: dict, b: dict, cache: dict) -> bool | str:
    """True when the merge finds them one event, :data:`APART` when in date conflict."""
    return event_decision(a, b, cache)[0]


def event_decision(a: dict, b: dict, cache: dict, keyed: bool | None = None) -> tuple[bool | str, float]:
    """The merge's decision on two stored mentions: (True when one event, :data:`APART` when in
    date conflict, else False; the score). ``keyed``: whether they share a (who or where, when)
    key, when the caller knows."""
    if keyed is None:
        ka = cache.get(("k", id(a))) or cache.setdefault(("k", id(a)), _merge_keys(a))
        kb = cache.get(("k", id(b))) or cache.setdefault(("k", id(b)), _merge_keys(b))
        keyed = bool(ka[1] & kb[0] or ka[0] & kb[1])
    if not keyed:  # met only by their words: as the merge's verified index
        sa = cache.get(("s", id(a))) or cache.setdefault(("s", id(a)), frozenset(a["stems"]))
        sb = cache.get(("s", id(b))) or cache.setdefault(("s", id(b)), frozenset(b["stems"]))
        if min(len(sa), len(sb)) < 2 or overlap_share(sa, sb) < STEM_SHARE["e"] - 1e-9:
            return False, 0.0
    fa = cache.get(id(a)) or cache.setdefault(id(a), _features(a))
    fb = cache.get(id(b)) or cache.setdefault(id(b), _features(b))
    return event_verdict(fa, fb)


def event_verdict(fa, fb) -> tuple[bool | str, float]:
    """:func:`event_decision` on two mentions' features (a candidate pair of the merge)."""
    from dossier.events.similarity import cannot_match

    first, second = (fa, fb) if (fa.key, fa.index) <= (fb.key, fb.index) else (fb, fa)
    if cannot_match(first, second):
        return False, 0.0
    return event_compare(first, second)


def event_compare(fa, fb) -> tuple[bool | str, float]:
    """:func:`event_verdict` of a pair that :func:`dossier.events.similarity.cannot_match` lets
    through (it is not asked again)."""
    from dossier.events.similarity import compare

    first, second = (fa, fb) if (fa.key, fa.index) <= (fb.key, fb.index) else (fb, fa)
    d = compare(first, second, explain=False)
    if d.same:
        return True, d.score
    return (APART if d.date_conflict else False), d.score


def event_day_precise(d: dict) -> bool:
    """A stored mention dated to one day (:func:`dossier.events.merge.day_precise`)."""
    iv = d.get("interval")
    return bool(iv) and iv[0] == iv[1]


def anchor_rank(d: dict, score: float) -> tuple:
    """Order of the day-precise mentions a coarse one may join (the first is its anchor): best
    score, then canonical order (article key, position), as
    :func:`dossier.events.merge.cluster_mentions`."""
    return -score, d["key"], d["index"]


def _remap(obj: Any, real: dict[tuple[str, int], int]) -> Any:
    """Event positions of the merge's input turned back into positions in their articles."""
    if isinstance(obj, str):
        return _EVIDENCE.sub(lambda m: f"{m[1]}#{real.get((m[1], int(m[2])), m[2])}", obj)
    if isinstance(obj, tuple | list):
        if len(obj) == 3 and isinstance(obj[0], str) and isinstance(obj[1], int) and (obj[0], obj[1]) in real:
            return type(obj)((obj[0], real[(obj[0], obj[1])], obj[2]))
        return type(obj)(_remap(x, real) for x in obj)
    if isinstance(obj, dict):
        return {k: _remap(v, real) for k, v in obj.items()}
    return obj


def event_results(members: list[Record], ctx) -> tuple[list, list]:
    from dossier.claims.conflicts import _storyline_conflicts
    from dossier.crossref.output import plain, to_ids
    from dossier.events.merge import merge_events

    info = ctx["articles"]
    key = {m.article_id: info[m.article_id]["content_hash"] for m in members}
    article_id = {h: str(a) for a, h in key.items()}
    published = {key[a]: info[a]["ref_day"] for a in key if info[a]["ref_day"]}
    real: dict[tuple[str, int], int] = {}
    count: dict[str, int] = {}
    items = []
    row_id = {}
    mention: dict[int, tuple[str, int]] = {}  # record id -> (article key, the merge's position)
    for m in members:  # in (article, idx) order: the merge numbers each article's events 0, 1, ...
        h = key[m.article_id]
        real[(h, count.get(h, 0))] = m.idx
        mention[m.rid] = (h, count.get(h, 0))
        count[h] = count.get(h, 0) + 1
        items.append((h, m.rec))
        row_id[(m.article_id, m.idx)] = m.rid
    fields = ("sources", "details", "explanation", "disagreements", "date_conflicts")
    learned = _affiliations(ctx, [m.rec for m in members])
    decided = _stored_decisions(ctx, members, learned, mention)
    prior = None
    if decided is not None:  # the storylines these mentions had: only the joins they can change are tried
        before = ctx["store"].x_storyline_groups(mention)
        unsettled = {before[rid] for rid in ctx.get("unsettled", ()) if rid in before}  # whole storylines
        old_unit = ctx.get("old_unit", {})
        prior = {mention[rid]: (old_unit[rid], before[rid] if before.get(rid) not in (None, *unsettled) else None)
                 for rid in mention if rid in old_unit}
    last_days: list[int | None] = []
    days: dict[tuple[str, int], int | None] = {}
    known = _merge_features(ctx, members, mention) if decided is not None and len(article_id) == len(key) else None
    stories = [dataclasses.replace(s, **{f: to_ids(_remap(getattr(s, f), real), article_id) for f in fields})
               for s in merge_events(items, published=published, affiliations=learned, decided=decided, prior=prior,
                                     last_days=last_days, mention_days=days, features=known)]
    ctx.setdefault("days", {}).update((rid, days.get(m)) for rid, m in mention.items())  # record -> its day, for the weeks
    out = []
    piece = {}
    for story, last in zip(stories, last_days):
        d = {f.name: getattr(story, f.name) for f in dataclasses.fields(story)}  # asdict deep-copies: slow
        d["participants"] = [dataclasses.asdict(p) for p in story.participants]
        d["event_ids"] = [row_id[(int(src[0]), src[1])] for src in d.get("sources", [])
                          if (int(src[0]), src[1]) in row_id]
        d["n_articles"] = len({src[0] for src in d.get("sources", [])})
        d["place_id"] = d.get("place")
        d["_piece"] = piece[story.id] = week_of(last)
        out.append(d)
    # a date conflict between storylines of two weeks is told across units (event_cross_conflicts)
    own = [dataclasses.replace(s, date_conflicts=[dc for dc in s.date_conflicts if piece.get(dc["with"]) == piece[s.id]])
           for s in stories]
    rows = []
    for c in _storyline_conflicts(own) + _story_detail_conflicts(stories, ctx):
        story = c.subject.split("|")[0]  # a date conflict's subject is "first|second"
        rows.append(("conflicts", None, {**plain(c), "_piece": piece[story], "_story": story}, 1))
    return out, rows


def _merge_features(ctx, members: list[Record], mention: dict[int, tuple[str, int]]) -> list:
    """The features :func:`dossier.events.merge.merge_events` computes for the unit's mentions
    (``members``, numbered per article as ``mention`` says), built from their stored ones
    (``x_records``: :func:`event_data`, the vector again from the text) instead: the same
    values when the merge is given no affiliation that changes a party (as whenever
    ``_stored_decisions`` gives decisions) and no two of its articles share a content key (so
    every article's reference day is the stored one). The features the update's decisions built
    (``ctx["event_features"]``) are taken as they are, the others read once."""
    data, built = ctx.get("event_features") or ({}, {})
    missing = [m.rid for m in members if m.rid not in built and m.rid not in data]
    if missing:
        data.update(ctx["store"].x_data("e", missing))
    out = []
    for m in members:
        f = built.get(m.rid)
        if f is None:
            f = built[m.rid] = _features(data[m.rid])
        g = dataclasses.replace(f, index=mention[m.rid][1])
        g.__dict__.update((k, v) for k, v in f.__dict__.items() if k.startswith("_"))  # what compare kept on it
        out.append(g)
    return out


def week_of(day: int | None) -> int | None:
    """The week (Monday to Sunday, numbered) a storyline is filed under, from the latest day of
    its day-precise mentions (None: it has none). The storylines of one unit of linked mentions
    are stored as one unit per week: the groups are built day after day
    (:func:`dossier.events.merge.cluster_mentions`), so a new mention changes no week that ends
    more than a day before its own, and an update recomputes only the weeks from there on."""
    return None if day is None else (day - 1) // 7  # date.fromordinal(1) is a Monday


def _stored_decisions(ctx, members: list[Record], learned: dict[str, str] | None,
                      mention: dict[int, tuple[str, int]]) -> list | None:
    """The unit's stored pair decisions for :func:`merge_events` (``decided``), or None when
    the merge must decide its pairs itself: no state, or an actor of the unit whose party only a
    learned affiliation gives (the stored decisions were made on features without them, whose
    blocking keys and decisions may then differ)."""
    from dossier.events.features import actor_key, side_of

    store = ctx.get("store")
    if store is None or not hasattr(store, "x_pairs"):
        return None
    if learned and any(side_of(a) is None and a in learned
                       for a in {actor_key(p) for m in members for p in m.rec.participants}):
        return None
    stored = store.x_pairs("e", mention)
    ctx["unit_pairs"] = (frozenset(mention), stored)  # the weeks' split reads them too (crossref._recompute)
    return [(mention[a], mention[b], score, apart) for a, b, score, apart in stored]


def event_cross_conflicts(store, members: list[tuple[int, int, int]], stories: list[dict], ctx
                          ) -> tuple[list[str], list[tuple[str, str, dict, int, str]]]:
    """The date conflicts between the storylines of touched units and those of other units, read
    from the stored date-conflict pairs (``e.d`` keys) of the touched units' records: (tags of
    the stored rows they replace, new rows (crossref kind, id, payload, seq, tag)). As the
    merge's ``_date_conflicts``: one conflict per pair of storylines, from their first pair of
    mentions in canonical (article key, position) order, said from the side of the storyline
    first in the timeline's order (date, id)."""
    from dossier.claims.conflicts import _storyline_conflicts
    from dossier.crossref.output import plain

    unit_of = {rid: unit for rid, _, unit in members}
    pairs: dict[tuple[int, int], tuple[int, int]] = {}
    for key, partner, punit in store.x_lookup("e.d", [str(r) for r in unit_of]):
        a = int(key)
        units = {a: unit_of[a], partner: unit_of.get(partner, punit)}
        pairs[(min(a, partner), max(a, partner))] = (units[min(a, partner)], units[max(a, partner)])
    # two day-precise mentions found one event but a day apart, in two weeks' units: the merge
    # kept them apart (its constraint refused the pair), a date conflict as those of one unit
    # (those of one unit too: their rows, written when the two were apart, are stale)
    days: dict[int, int | None] = ctx.get("days", {})
    article = {rid: aid for rid, aid, _ in members}
    same = [(a, b) for a, b, _, apart in store.x_pairs_touching("e", unit_of) if not apart
            and not (a in days and b in days and days[a] == days[b])]  # a day not known yet: told below
    outside = {r for p in same for r in p} - set(unit_of)
    keys: dict[int, str] = {}
    if outside:
        feats = store.x_data("e", outside)
        days.update((rid, dt.date.fromisoformat(d["interval"][0]).toordinal() if event_day_precise(d) else None)
                    for rid, d in feats.items())
        keys = {rid: d["key"] for rid, d in feats.items()}
    known = {**unit_of, **(store.x_units_of("e", outside) if outside else {})}
    hashes = {a: ctx["articles"][a]["content_hash"] for a in set(article.values()) if a in ctx["articles"]}

    def key_of(rid: int) -> str | None:
        return hashes.get(article[rid]) if rid in article else keys.get(rid)

    for a, b in same:
        if a in known and b in known and days.get(a) is not None and days.get(b) is not None \
                and days[a] != days[b] and key_of(a) != key_of(b):
            pairs[(min(a, b), max(a, b))] = (known[min(a, b)], known[max(a, b)])
    stale = [f"ex:{a}:{b}" for a, b in pairs]
    live = sorted(p for p, (ua, ub) in pairs.items() if ua != ub)
    if not live:
        return stale, []
    ends = {r for p in live for r in p}
    story_of = {eid: s for s in stories for eid in s.get("event_ids", [])}
    stored = store.x_storylines_of(ends - set(story_of))
    recs = {rid: (aid, idx, ev) for rid, aid, idx, ev in store.record_rows("events", ids=ends)}
    info = ctx["articles"]
    missing = {aid for aid, _, _ in recs.values()} - set(info)
    if missing:
        info.update(store.x_article_info(missing))

    def view(rid: int) -> dict | None:
        return story_of.get(rid) or stored.get(rid)

    def canon(rid: int) -> tuple[str, int]:
        aid, idx, _ = recs[rid]
        return info[aid]["content_hash"], idx

    first: dict[tuple[str, str], tuple[int, int]] = {}
    for a, b in live:
        if a not in recs or b not in recs or view(a) is None or view(b) is None:
            continue
        i, j = sorted((a, b), key=canon)
        sp = tuple(sorted((view(i)["id"], view(j)["id"])))
        if sp[0] == sp[1]:
            continue
        if sp not in first or (canon(i), canon(j)) < tuple(canon(x) for x in first[sp]):
            first[sp] = (i, j)
    rows = []
    for i, j in first.values():
        si, sj = view(i), view(j)

        def entry(rid: int, s: dict) -> dict:
            aid, idx, ev = recs[rid]
            return {"storyline": s["id"], "date": ev.date, "sources": [(str(aid), idx, ev.text)]}

        def ns(s: dict, dcs: list) -> SimpleNamespace:
            return SimpleNamespace(id=s["id"], type=s.get("type"), place=s.get("place") or s.get("place_id"),
                                   participants=[SimpleNamespace(entity_id=p["entity_id"]) for p in s.get("participants") or []],
                                   disagreements=[], date_conflicts=dcs)

        (x, xr), (y, yr) = sorted(((si, i), (sj, j)), key=lambda t: (t[0].get("date") or "9999", t[0]["id"]))
        found = _storyline_conflicts([ns(x, [{"with": y["id"], "sides": [entry(xr, x), entry(yr, y)]}]), ns(y, [])])
        a, b = min(i, j), max(i, j)
        for c in found:
            payload = plain(c)
            payload["id"] = f"ed:{a}:{b}"
            rows.append(("conflicts", payload["id"], payload, min(pairs[(a, b)]), f"ex:{a}:{b}"))
    return stale, rows


def _affiliations(ctx, events) -> dict[str, str] | None:
    """The organisations the roles learned from the covered articles say the actors of these
    events act for, read from the counts the state keeps (``x_affiliations``, filled per
    article), cached for the update. Stored merge features do not carry them: the blocking links
    records on the knowledge base's affiliations, the merge inside a unit on both."""
    from dossier.events.features import actor_key, most_said, participant_key

    store = ctx.get("store")
    if store is None:
        return None
    known = ctx.setdefault("affiliations", {})
    actors = {k for ev in events for p in ev.participants for k in (participant_key(p), actor_key(p))}
    missing = actors - set(known)
    if missing:
        counts = store.x_affiliations(missing)
        known.update({a: (most_said(counts[a]) if a in counts else None) for a in missing})
    return {a: known[a] for a in sorted(actors) if known[a] is not None}


def _story_detail_conflicts(stories: list, ctx) -> list:
    """What the sources of one merged event say differently beyond its date (place, clock time,
    format of talks), read from the
    records of the unit's articles (as ``find_conflicts`` does over a whole corpus)."""
    from dossier.claims.conflicts import _format_conflicts, _place_conflicts, _time_conflicts

    store = ctx.get("store")
    if store is None or not stories:
        return []
    ids = sorted({int(src[0]) for s in stories for src in (s.sources or [])})
    _read_articles(store, ids, ctx)
    items = [(str(aid), _article_records(store, aid, ctx)) for aid in ids]
    return (_place_conflicts(stories, items) + _time_conflicts(stories, items)
            + _format_conflicts(stories, items))  # denials: dossier.crossref.across (other units)


_ARTICLE_TABLES = ("events", "mentions", "claims")


def _read_articles(store, article_ids: list[int], ctx) -> None:
    """The records :func:`_article_records` gives of these articles, read for all of them at once
    (a few queries, not three per article) into the update's cache."""
    from dossier.models import Article, ArticleRecords

    cache = ctx.setdefault("records", {})
    missing = [aid for aid in article_ids if aid not in cache]
    if not missing:
        return
    meta = store.article_meta(missing)
    recs: dict[str, dict[int, list]] = {t: {aid: [] for aid in missing} for t in _ARTICLE_TABLES}
    for t in _ARTICLE_TABLES:
        for _, aid, _, rec in store.record_rows(t, article_ids=missing):  # in (article, idx) order
            recs[t][aid].append(rec)
    for aid in missing:
        m = meta.get(aid, {})
        art = Article(raw_text="", source=m.get("source") or "", published=m.get("published"))
        cache[aid] = ArticleRecords(article=art, clean_text="", boilerplate=[], **{t: recs[t][aid] for t in _ARTICLE_TABLES})


def _article_records(store, article_id: int, ctx):
    """One stored article's events, place mentions and claims as ArticleRecords (cached for the
    update)."""
    _read_articles(store, [article_id], ctx)
    return ctx["records"][article_id]


def storyline_seq(story: dict) -> int:
    """The timeline's order: by first day (undated last), then id."""
    from dossier.events.features import date_interval

    iv = date_interval(story.get("date"))
    return iv[0].toordinal() if iv else dt.date.max.toordinal() + 1


# -- claims ------------------------------------------------------------------------------------
def claim_data(r: Record, ctx) -> dict | None:
    from dossier.claims.disputes import GENERIC, _parse_group, dispute_key
    from dossier.claims.propositions import FUNCTIONAL, parse_key

    rec = r.rec
    if rec.predicate == "SAYS":
        return None  # free-text content: never disputed
    group, _ = dispute_key(rec)
    if rec.denies and rec.denies != rec.proposition:  # as disputes._refs: a denial takes the claim's key
        predicate, args = parse_key(rec.denies)
        if predicate != "SAYS" and args:
            group, _ = dispute_key(dataclasses.replace(rec, predicate=predicate, arguments=args,
                                                       proposition=rec.denies))
    predicate, args, _ = _parse_group(group)
    day = rec.date[:10] if rec.date else None
    functional = predicate in FUNCTIONAL and bool(args)
    return {"group": group, "day": f"{predicate}|{day}" if functional and day else None,
            "generic": functional and set(args) <= GENERIC}


def claim_keys(d: dict, rank: dict[str, int] | None = None) -> tuple[set[str], set[str]]:
    index = {"g" + d["group"]}
    probe = set(index)
    if d["day"]:
        index.add("d" + d["day"])  # a generic claim of this day looks at every claim of it
        if d["generic"]:
            probe.add("d" + d["day"])
    return index, probe


def claim_results(members: list[Record], ctx) -> tuple[list, list]:
    from dossier.claims.conflicts import _dispute_conflicts
    from dossier.claims.disputes import find_disputes
    from dossier.crossref.output import cite, plain

    items = [(str(m.article_id), m.rec) for m in members]
    rows = []
    for d in find_disputes(items):
        payload = cite(plain(d), members)
        n_refs = sum(len(s) for s in d.sides.values())
        rows.append(("disputes", None, payload, -(len(d.articles) * 10**6 + min(n_refs, 10**6 - 1))))
    from dossier.crossref.across import support_stories

    stories = support_stories(ctx, [m.rec for m in members])  # merged events reporting a disputed fact
    rows += [("conflicts", None, plain(c), 2) for c in _dispute_conflicts(_per_article(items, "claims"), stories)]
    return [], rows


def _per_article(items: list[tuple[str, Any]], field: str) -> list[tuple[str, SimpleNamespace]]:
    """(article key, a stand-in of its records holding ``field``: that article's records), in the
    order the articles first appear: what the whole-corpus conflict finders read."""
    grouped: dict[str, list] = {}
    for key, rec in items:
        grouped.setdefault(key, []).append(rec)
    return [(key, SimpleNamespace(**{field: recs})) for key, recs in grouped.items()]


# -- attributes and positions ------------------------------------------------------------------
def attribute_data(r: Record, ctx) -> dict:
    from dossier.claims.conflicts import _canonical

    return {"key": f"{_canonical(r.rec.entity_id, ctx['names'])}|{r.rec.attribute}"}


def keyed(d: dict, rank: dict[str, int] | None = None) -> tuple[set[str], None]:
    return {d["key"]}, None


def attribute_results(members: list[Record], ctx) -> tuple[list, list]:
    from dossier.claims.conflicts import _attribute_conflicts
    from dossier.crossref.output import plain

    found = _attribute_conflicts(_per_article([(str(m.article_id), m.rec) for m in members], "attributes"),
                                 ctx["facts"], ctx["names"])
    return [], [("conflicts", None, plain(c), 0) for c in found]


def position_data(r: Record, ctx) -> dict:
    return {"key": r.rec.issue or ""}


def position_results(members: list[Record], ctx) -> tuple[list, list]:
    from dossier.claims import positions_matrix
    from dossier.claims.conflicts import _position_conflicts
    from dossier.crossref.output import cite, plain

    items = [(str(m.article_id), m.rec) for m in members]
    matrix = cite(plain(positions_matrix(items)), members)
    rows = []
    for actor, issues in (matrix or {}).items():
        for issue, cell in issues.items():
            cell = plain(cell)
            rows.append(("positions", f"{actor}|{issue}", {"id": f"{actor}|{issue}", "actor_id": actor, "issue": issue,
                                                           **(cell if isinstance(cell, dict) else {"stance": cell})}, 0))
    rows += [("conflicts", None, plain(c), 3) for c in _position_conflicts(_per_article(items, "positions"))]
    return [], rows


@dataclass(frozen=True)
class Kind:
    name: str  # the record kind in x_records / x_key_ids
    table: str  # the record table
    data: Callable[[Record, dict], dict | None]  # stored features of one record (None: not cross-article)
    # (index keys, probe keys or None: the same); the rank of the batch's stems (rarest first)
    keys: Callable[[dict, dict[str, int] | None], tuple[set[str], set[str] | None]]
    linked: Callable[..., bool] | None  # None: records sharing a key are linked
    results: Callable[[list[Record], dict], tuple[list, list]]  # (storylines, crossref rows)


KINDS: tuple[Kind, ...] = (
    Kind("q", "quotes", quote_data, quote_keys, quotes_linked, quote_results),
    Kind("e", "events", event_data, event_keys, events_linked, event_results),
    Kind("c", "claims", claim_data, claim_keys, None, claim_results),
    Kind("a", "attributes", attribute_data, keyed, None, attribute_results),
    Kind("p", "positions", position_data, keyed, None, position_results),
)
