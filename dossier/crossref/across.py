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
    one of its claims of a supported predicate, one day wider (``SUPPORT_DAYS``); None without a store
    or such a claim (the dispute conflicts then stand alone, as before)."""
    from dossier.claims.conflicts import SUPPORT_DAYS

    store = ctx.get("store")
    if store is None or not hasattr(store, "x_story_views"):
        return None
    spans = [iv for c in claims if _supported_predicate(c) and (iv := _interval(c.date))]
    if not spans:
        return None
    pad = dt.timedelta(days=SUPPORT_DAYS)
    found: dict[str, dict] = {}
    for between in _merged([((a - pad).isoformat(), (b + pad).isoformat()) for a, b in spans]):
        found.update((s["id"], s) for s in store.x_story_views(between=between))
    return [found[k] for k in sorted(found)]


DENIAL_KEY = "e.n"  # x_key_ids kind: a covered deny event filed under each party it names


def is_denial(event: Any) -> bool:
    """An event of class ``deny`` (a denial of a military claim) that is not background."""
    from dossier.events.features import event_class

    return event_class(event.plover, event.type) == "deny" and not event.background


def denial_keys(rid: int, event: Any) -> list[tuple[str, str, int]]:
    """The key rows (kind, party, record id) filing a deny event under its parties."""
    return [(DENIAL_KEY, party, rid) for party in sorted(_parties_of(event.participants))] if is_denial(event) else []


def deny_events(store, article_ids: list[int] | None = None, parties: set[str] | None = None
                 ) -> list[tuple[int, int, int, Any]]:
    """(record id, article id, index, event) of the deny events of these articles, or of the
    covered ones filed under one of these ``parties`` (:data:`DENIAL_KEY`): never a scan of
    every event."""
    if article_ids is not None:
        rows = store.record_rows("events", article_ids=article_ids)
    else:
        ids = {rid for _, rid, _ in store.x_lookup(DENIAL_KEY, sorted(parties or ()))}
        rows = store.record_rows("events", ids=ids) if ids else []
    return [(rid, aid, idx, ev) for rid, aid, idx, ev in rows if is_denial(ev)]


def _merged(days: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """ISO (first, last) day bounds, sorted and merged where they overlap."""
    out: list[list[str]] = []
    for a, b in sorted(days):
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


def _claims_near(store, days: list[tuple[str, str]], pad: dt.timedelta) -> list[int]:
    """Ids of the claims of a supported predicate (or denying one) whose date meets one of
    ``days`` (ISO first and last day) widened by ``pad``: the claims whose disputes a changed
    storyline may support (:func:`dossier.claims.conflicts._event_support` looks this close to
    each claim). The database is asked for the dates that may meet the days' months (a day, a
    month; a week, season or year of their years), never for every claim. Days and months are
    compared as text (their digits and hyphens sort alike in every collation), weeks and seasons
    by pattern."""
    from dossier.claims.conflicts import _SUPPORTED

    spans = _merged(days)
    lo, hi = spans[0][0], spans[-1][1]
    y, m = int(lo[:4]), int(lo[5:7])
    low = f"{y - (m == 1):04d}-{(m - 2) % 12 + 1:02d}"  # the month before: a pad may cross into it
    y2, m2 = int(hi[:4]), int(hi[5:7])
    high = f"{y2 + (m2 == 12):04d}-{m2 % 12 + 1:02d}-99"  # the month after, every day of it
    years = [str(v) for v in range(y - 1, y2 + 2)]
    whole = years + sorted({v[:3] for v in years})  # a year, a decade ("202")
    # a week or season of those years (2025-W18, 2025-SU): by pattern, which no collation reorders
    lettered = " OR ".join("date LIKE ?" for _ in years for _ in "WSF")
    preds = sorted(_SUPPORTED)
    where = (f"(predicate IN ({', '.join('?' * len(preds))}) OR denies IS NOT NULL) AND date IS NOT NULL AND "
             f"((date >= ? AND date <= ?) OR date IN ({', '.join('?' * len(whole))}) OR {lettered})")
    params = [*preds, low, high, *whole, *(f"{v}-{c}%" for v in years for c in "WSF")]
    out = []
    for rid, _, _, claim in store.record_rows("claims", ids=store.x_record_ids("claims", where, params)):
        iv = _interval(claim.date)
        if iv is None or not _supported_predicate(claim):
            continue
        first, last = (iv[0] - pad).isoformat(), (iv[1] + pad).isoformat()
        if any(a <= last and b >= first for a, b in spans):
            out.append(rid)
    return out


def _parties_of(participants: Any) -> set[str]:
    from dossier.claims.conflicts import _get, _parties

    return _parties(_get(p, "entity_id") for p in participants or [])


def denied_units(store, denials: list[tuple[int, int, int, Any]]) -> set[int]:
    """The event units holding a storyline these deny events ((record id, article id, index,
    event)) may answer: a shared party, within the denial's days (as ``_denied_events``)."""
    from dossier.claims.conflicts import DENIAL_DAYS, SUPPORT_DAYS

    if not denials:
        return set()
    published = store.article_meta(sorted({aid for _, aid, _, _ in denials}))
    units: set[int] = set()
    near: dict[tuple[str, str], list[tuple[int, set[str]]]] = {}  # the storylines of a window, read once
    for _, aid, _, ev in denials:
        when = _interval(ev.date) or _interval((published.get(aid) or {}).get("published"))
        parties = _parties_of(ev.participants)
        if when is None or not parties:
            continue
        between = ((when[0] - dt.timedelta(days=DENIAL_DAYS)).isoformat(),
                   (when[0] + dt.timedelta(days=SUPPORT_DAYS)).isoformat())
        if between not in near:
            near[between] = [(unit, _parties_of(participants)) for unit, participants in store.x_story_parties(between)
                             if unit is not None]
        units |= {unit for unit, theirs in near[between] if theirs & parties}
    return units


def update(store, ctx: dict, new_article_ids: list[int]) -> dict[str, int]:
    """Status conflicts and dispute supports after the kinds' units of one update (see the
    module's doc). ``ctx["recomputed"]``: kind -> the unit labels (old and new) it recomputed;
    ``ctx["story_days"]``: the days of the storylines it dropped and stored;
    ``ctx["status_again"]``: event units whose status conflicts a forgotten denial answered."""
    from dossier.crossref import _CONFLICT_CLASS, _recompute
    from dossier.crossref.kinds import KINDS, _article_records

    recomputed: dict[str, set[int]] = ctx.get("recomputed", {})
    counts: dict[str, int] = {}
    # -- held per some, denied per another report -------------------------------------------
    from dossier.claims.conflicts import SUPPORT_DAYS, _denied_events

    touched = set(recomputed.get("e", ()))
    units = touched | denied_units(store, deny_events(store, article_ids=new_article_ids))
    units |= set(ctx.get("status_again", ()))
    stale = [f"xs:{u}" for u in sorted(units)]
    rows: list[tuple[str, str, dict, int, str]] = []
    stories = store.x_story_views(units=units) if units else []
    denials = deny_events(store, parties=set().union(*(_parties_of(s["participants"]) for s in stories)))
    if stories and denials:
        arts = sorted({aid for _, aid, _, _ in denials})
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
        pad = dt.timedelta(days=SUPPORT_DAYS)
        near = _claims_near(store, days, pad)
        unit_of = store.x_units_of("c", near)
        done = set(recomputed.get("c", ()))
        redo = {u for u in unit_of.values() if u not in done}
        if redo:
            kind = next(k for k in KINDS if k.name == "c")
            _recompute(store, kind, ctx, store.x_members("c", redo), sorted(redo))
    counts["support_units"] = len(redo)
    return counts
