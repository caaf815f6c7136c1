"""Cross-article results that join records of two kinds, kept up to date after the kinds' units.

Two results read merged events (storylines) together with records that are not in their units:

- an event reported as held by some sources and **denied** by a later report (a ``deny`` event
  of another article, in another event unit): conflicts of kind ``status``
  (:func:`dossier.claims.conflicts._denied_events`), stored tagged ``xs:UNIT`` by the unit of the
  held storyline. They depend on that unit's storylines and on the deny events of the corpus,
  so an update finds them again for the event units it recomputed and for the units whose
  storylines a new deny event may answer (a shared party, within the denial's days);
- a **dispute** whose asserting side merged events report as fact (an agreement of its parties,
  a capture of its place): the dispute's conflict lists their sources too
  (:func:`dossier.claims.conflicts._event_support`). The claims' unit reads the stored
  storylines of its days when it is recomputed (:func:`support_stories`); an update recomputes
  again the claim units whose days meet a storyline it changed (before or after).

Without this step the incremental path read only the records of one unit: a denial in another
article, or the event supporting a dispute, was missed where the whole-corpus functions
(``find_conflicts``, what ``dossier eval`` runs fresh) found it.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from dossier.crossref.output import plain

STATUS_CLASS = 1  # the storylines' class of conflicts (``_CONFLICT_CLASS`` multiples)
STATUS_OFFSET = 500  # after the unit's own conflicts in the timeline's order


def _interval(value: str | None) -> tuple[dt.date, dt.date] | None:
    from dossier.events.features import date_interval

    return date_interval(value)


def _supported_predicate(claim: Any) -> bool:
    """Whether a claim (or the claim it denies) is of a predicate merged events can support."""
    from dossier.claims.conflicts import _SUPPORTED
    from dossier.claims.propositions import parse_key

    if claim.predicate in _SUPPORTED:
        return True
    return bool(claim.denies) and parse_key(claim.denies)[0] in _SUPPORTED


def support_stories(ctx: dict, claims: list[Any]) -> list[dict] | None:
    """The stored storylines a unit's disputes may be supported by: those meeting the days of
    its claims of a supported predicate, one day wider (``SUPPORT_DAYS``); None without a store
    or such a claim (the dispute conflicts then stand alone, as before)."""
    from dossier.claims.conflicts import SUPPORT_DAYS

    store = ctx.get("store")
    if store is None or not hasattr(store, "x_story_views"):
        return None
    spans = [iv for c in claims if _supported_predicate(c) and (iv := _interval(c.date))]
    if not spans:
        return None
    pad = dt.timedelta(days=SUPPORT_DAYS)
    between = ((min(s[0] for s in spans) - pad).isoformat(), (max(s[1] for s in spans) + pad).isoformat())
    return store.x_story_views(between=between)


def _deny_events(store) -> list[tuple[int, int, int, Any]]:
    """(record id, article id, index, event) of every stored event of class ``deny`` that is
    not background."""
    from dossier.events.features import event_class, merge_data

    data = merge_data()
    types = sorted(t for t, c in data["types"].items() if c == "deny")
    plovers = sorted(p for p, c in data["class_of"].items() if c == "deny")
    conds, params = [], []
    if types:
        conds.append(f"type IN ({', '.join('?' * len(types))})")
        params += types
    if plovers:
        conds.append(f"plover IN ({', '.join('?' * len(plovers))})")
        params += plovers
    if not conds:
        return []
    ids = store.x_record_ids("events", " OR ".join(conds), params)
    return [(rid, aid, idx, ev) for rid, aid, idx, ev in store.record_rows("events", ids=ids)
            if event_class(ev.plover, ev.type) == "deny" and not ev.background]


def _parties_of(participants: Any) -> set[str]:
    from dossier.claims.conflicts import _get, _parties

    return _parties(_get(p, "entity_id") for p in participants or [])


def update(store, ctx: dict, new_article_ids: list[int]) -> dict[str, int]:
    """Status conflicts and dispute supports after the kinds' units of one update (see the
    module's doc). ``ctx["recomputed"]``: kind -> the unit labels (old and new) it recomputed;
    ``ctx["story_days"]``: the days of the storylines it dropped and stored."""
    from dossier.crossref import _CONFLICT_CLASS, _recompute
    from dossier.crossref.kinds import KINDS, _article_records

    recomputed: dict[str, set[int]] = ctx.get("recomputed", {})
    counts: dict[str, int] = {}
    # -- held per some, denied per another report -------------------------------------------
    from dossier.claims.conflicts import DENIAL_DAYS, SUPPORT_DAYS, _denied_events

    denials = _deny_events(store)
    touched = set(recomputed.get("e", ()))
    units = set(touched)
    new = set(new_article_ids)
    if new:
        published = store.article_meta(sorted({aid for _, aid, _, _ in denials if aid in new}))
    for _, aid, _, ev in denials:
        if aid not in new:
            continue
        when = _interval(ev.date) or _interval((published.get(aid) or {}).get("published"))
        parties = _parties_of(ev.participants)
        if when is None or not parties:
            continue
        between = ((when[0] - dt.timedelta(days=DENIAL_DAYS)).isoformat(),
                   (when[0] + dt.timedelta(days=SUPPORT_DAYS)).isoformat())
        units |= {s["unit"] for s in store.x_story_views(between=between)
                  if s["unit"] is not None and _parties_of(s["participants"]) & parties}
    stale = [f"xs:{u}" for u in sorted(units)]
    rows: list[tuple[str, str, dict, int, str]] = []
    stories = store.x_story_views(units=units) if units else []
    if stories and denials:
        parties = set().union(*(_parties_of(s["participants"]) for s in stories))
        arts = sorted({aid for _, aid, _, ev in denials if _parties_of(ev.participants) & parties})
        items = [(str(aid), _article_records(store, aid, ctx)) for aid in arts]
        unit_of = {s["id"]: s["unit"] for s in stories}
        n_of: dict[int, int] = {}
        for c in _denied_events(stories, items):
            unit = unit_of[c.subject]
            n = n_of[unit] = n_of.get(unit, -1) + 1
            payload = plain(c)
            payload["id"] = f"xs{unit}.{n}"
            rows.append(("conflicts", payload["id"], payload,
                         STATUS_CLASS * _CONFLICT_CLASS + unit * 1000 + STATUS_OFFSET + min(n, 499), f"xs:{unit}"))
    store.x_replace_tagged(stale, rows)
    counts["status_units"] = len(units)
    # -- disputes supported by merged events whose storylines changed -------------------------
    days = [(a[:10], b[:10]) for a, b in ctx.get("story_days", ()) if a and b]  # ISO bounds: compared as text
    redo: set[int] = set()
    if days:
        from dossier.claims.conflicts import _SUPPORTED

        ids = store.x_record_ids("claims", f"predicate IN ({', '.join('?' * len(_SUPPORTED))}) OR denies IS NOT NULL",
                                 sorted(_SUPPORTED))
        claims = [(rid, c) for rid, _, _, c in store.record_rows("claims", ids=ids) if _supported_predicate(c)]
        unit_of = store.x_units_of("c", [rid for rid, _ in claims])
        spans: dict[int, list[dt.date]] = {}
        for rid, c in claims:
            iv = _interval(c.date)
            if iv is None or rid not in unit_of:
                continue
            span = spans.setdefault(unit_of[rid], [iv[0], iv[1]])
            span[0], span[1] = min(span[0], iv[0]), max(span[1], iv[1])
        pad = dt.timedelta(days=SUPPORT_DAYS)
        done = set(recomputed.get("c", ()))
        redo = {u for u, (a, b) in spans.items() if u not in done
                and any(s <= (b + pad).isoformat() and e >= (a - pad).isoformat() for s, e in days)}
        if redo:
            kind = next(k for k in KINDS if k.name == "c")
            _recompute(store, kind, ctx, store.x_members("c", redo), sorted(redo))
    counts["support_units"] = len(redo)
    return counts
