"""Dispute cards: one per disputed proposition, in words, with who asserts it and who denies it
(or, for a value in dispute, one column per value), each entry dated by when it was said and
linked to its sentence. Newest first."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dossier.cards.sources import Source, Sources, outlets
from dossier.claims.disputes import PLACE_PREDICATES
from dossier.claims.wording import Namer, dispute_title, value_phrase

SIDE_LABELS = {"asserts": "affirment", "denies": "démentent"}
_SIDE_ORDER = {"asserts": 0, "denies": 1}


@dataclass
class Entry:
    actor_id: str | None
    actor_name: str
    stance: str
    said: str | None  # when it was said: the quote's date, else the article's publication date
    about: str | None  # the time the sentence is about, when it differs from ``said``
    source: Source
    linked: bool = False  # the actor has a page


@dataclass
class Side:
    key: str  # asserts | denies | a value
    label: str  # "affirment", "démentent", "productives"
    entries: list[Entry] = field(default_factory=list)


@dataclass
class DisputeCard:
    id: str
    title: str  # the proposition in French
    predicate: str
    sides: list[Side]
    latest: str | None  # the newest date an entry was said
    places: list[tuple[str, str]]  # (entity id, name) of the places it is about
    actors: list[tuple[str, str]]  # (entity id, name) of everyone in it
    articles: int
    outlets: int

    @property
    def anchor(self) -> str:
        return f"dispute-{self.id}"


@dataclass
class Filters:
    actor: str | None = None
    place: str | None = None
    since: str | None = None
    until: str | None = None


def _refs(sides: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [(side, r) for side, refs in (sides or {}).items() for r in refs or [] if isinstance(r, dict)]


def _article(ref: dict[str, Any]) -> int | None:
    raw = ref.get("article_id", ref.get("key"))
    return int(raw) if isinstance(raw, int) or (isinstance(raw, str) and raw.isdigit()) else None


def _in_window(value: str | None, since: str | None, until: str | None) -> bool:
    if not value:
        return not (since or until)
    if since and value[: len(since)] < since and not since.startswith(value):
        return False
    return not until or value[: len(until)] <= until


def build_card(d: dict[str, Any], sources: Sources, located: dict, names: dict[str, dict[str, Any]]) -> DisputeCard:
    """One card from a stored dispute payload."""
    namer = Namer({k: v.get("name") for k, v in names.items() if v.get("name")})
    refs = _refs(d.get("sides"))
    texts = [r.get("evidence") or "" for _, r in refs]
    predicate = d.get("predicate") or ""
    by_value = any(r.get("value") is not None for _, r in refs) or not set(d.get("sides") or {}) <= set(SIDE_LABELS)
    values = list((d.get("sides") or {}).keys()) if by_value else None
    sides: list[Side] = []
    everyone: dict[str, str] = {}
    for key, items in (d.get("sides") or {}).items():
        label = value_phrase(predicate, key, namer, texts) if by_value else SIDE_LABELS.get(key, key)
        side = Side(key, label)
        seen: set[tuple] = set()
        for r in items or []:
            article_id = _article(r)
            if article_id is None:
                continue
            evidence = r.get("evidence") or ""
            where = located.get((article_id, evidence), {})
            sentence = where.get("sentence", r.get("sentence"))
            who = r.get("claimant_id")
            mark = (article_id, sentence if sentence is not None else evidence, who or r.get("claimant_name"))
            if mark in seen:
                continue  # one sentence read as two claims of one side by one claimant
            seen.add(mark)
            said = where.get("said") or sources.published(article_id)
            src = sources(article_id, sentence, evidence, said)
            about = r.get("date") if r.get("date") and r.get("date") != said else None
            name = (names.get(who) or {}).get("name") or r.get("claimant_name") or (who or "unknown source")
            if who:
                everyone[who] = name
            side.entries.append(Entry(who, name, r.get("stance") or key, said, about, src, who in names))
        side.entries.sort(key=lambda e: (e.said or "", e.source.article_id), reverse=True)
        sides.append(side)
    if by_value:
        sides.sort(key=lambda s: (-len(s.entries), s.key))
    else:
        sides.sort(key=lambda s: _SIDE_ORDER.get(s.key, 2))
    entries = [e for s in sides for e in s.entries]
    args = [a.partition("@")[0] for a in d.get("arguments") or []]
    if predicate in PLACE_PREDICATES:
        args = args[-1:]  # CONTROLS(holder, place): the holder is a side, not where it happens
    places = [(a, (names.get(a) or {}).get("name") or namer(a)) for a in args
              if (names.get(a) or {}).get("type") == "place"]
    return DisputeCard(
        id=str(d.get("id", "")), predicate=predicate,
        title=dispute_title(predicate, list(d.get("arguments") or []), d.get("proposition") or "", values, namer, texts),
        sides=sides, latest=max((e.said for e in entries if e.said), default=None), places=places,
        actors=sorted(everyone.items(), key=lambda kv: kv[1]),
        articles=len({e.source.article_id for e in entries}), outlets=outlets([e.source for e in entries]))


def dispute_cards(store, filters: Filters | None = None) -> list[DisputeCard]:
    """Every stored dispute as a card, newest first, kept when it names the actor (as a
    claimant or an argument), the place, and has an entry said in the window."""
    filters = filters or Filters()
    rows = store.crossref("disputes")
    refs = [(side, r) for d in rows for side, r in _refs(d.get("sides"))]
    located = store.locate_evidence([(a, r.get("evidence") or "") for _, r in refs if (a := _article(r)) is not None])
    ids = {r.get("claimant_id") for _, r in refs} | {a.partition("@")[0] for d in rows for a in d.get("arguments") or []}
    names = store.entity_names(sorted(i for i in ids if i))
    sources = Sources(store)
    sources.load(a for _, r in refs if (a := _article(r)) is not None)
    actor_ids = set(store.resolve_entity(filters.actor)) if filters.actor else None
    place_ids = set(store.resolve_entity(filters.place)) if filters.place else None
    cards = []
    for d in rows:
        args = {a.partition("@")[0] for a in d.get("arguments") or []}
        if actor_ids is not None and not ({r.get("claimant_id") for _, r in _refs(d.get("sides"))} | args) & actor_ids:
            continue
        if place_ids is not None and not args & place_ids:
            continue
        card = build_card(d, sources, located, names)
        if not card.sides or not any(s.entries for s in card.sides):
            continue
        if (filters.since or filters.until) and not any(
                _in_window(e.said, filters.since, filters.until) for s in card.sides for e in s.entries):
            continue
        cards.append(card)
    cards.sort(key=lambda c: (c.latest or "", c.outlets, c.id), reverse=True)
    return cards
