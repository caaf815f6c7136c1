"""The merged timeline: one storyline event per real event, every source behind it.

``merge_events(items)`` takes ``(article key, Event)`` pairs from many articles and returns
:class:`StorylineEvent` records. Cost stays near-linear: events are blocked by type family and
sorted by date; only events whose date intervals lie within a small window are compared; pairs
that pass (participant overlap on canonical ids, compatible place, compatible status) are joined
with union-find, and each join records why.

Decisions
- A *planned* (or cancelled) mention and the *held* event are different events; they are not
  merged but linked (``related``), so the timeline shows "planned on …" beside "held on …".
- Undated events merge only with an event of the exact same type and the same participants that
  is dated and comes from an article of the same reference week (its publication week when
  ``published`` is given, else the week of the latest date its own events carry).
- Where sources disagree on a detail (duration, date, place, outcome, status), ``details`` keeps
  every value side by side with the article that says it.
- Output is independent of input order: ids hash the earliest (key, offset) source; storylines
  and sources are sorted.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from dossier.models import Event, Participant

WINDOW_DAYS = 1
WEEK_DAYS = 7  # an undated report covers the week before its reference day
MIN_OVERLAP = 0.6
_PRECISION_RANK = {"time": 0, "day": 1, "week": 2, "month": 3, "season": 4, "year": 5, "decade": 6}


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


@dataclass
class _Item:
    n: int
    key: str
    index: int
    event: Event
    interval: tuple[dt.date, dt.date] | None
    people: frozenset[str]


# -- dates ----------------------------------------------------------------------------------------
def date_interval(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The days an ISO value (2025-12-02, 2025-W48, 2025-11, 2025) may denote."""
    if not value:
        return None
    value = value.strip()
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?", value):
            d = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + dt.timedelta(days=6)
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            start = dt.date(int(m[1]), int(m[2]), 1)
            nxt = dt.date(start.year + (start.month == 12), start.month % 12 + 1, 1)
            return start, nxt - dt.timedelta(days=1)
        if m := re.fullmatch(r"(\d{4})", value):
            return dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31)
    except ValueError:
        return None
    return None


def _week(d: dt.date) -> tuple[int, int]:
    iso = d.isocalendar()
    return iso[0], iso[1]


# -- participants ---------------------------------------------------------------------------------
def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c))


def participant_key(p: Participant) -> str:
    """Canonical id; for ``local:`` ids, the last name word (so "local:poutine" = "local:vladimir_poutine")."""
    if not p.entity_id.startswith("local:"):
        return p.entity_id
    words = re.findall(r"[a-z0-9]+", _norm(p.entity_id[len("local:"):]))
    return "local:" + (words[-1] if words else p.entity_id)


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Overlap coefficient |a∩b| / min(|a|, |b|) (subsets count as full overlap)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def family(event: Event) -> str:
    """Blocking key: PLOVER type, plus the mode for CONSULT (a call is not a visit)."""
    if event.plover == "CONSULT":
        return f"CONSULT/{event.mode or event.type}"
    return event.plover


# -- union-find -----------------------------------------------------------------------------------
class _UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        lo, hi = sorted((ra, rb))
        self.parent[hi] = lo
        return True


def _place_ok(a: Event, b: Event) -> bool:
    return a.place_id is None or b.place_id is None or a.place_id == b.place_id


def _same_status_group(a: Event, b: Event) -> bool:
    return a.status == b.status or {a.status, b.status} <= {"held", "hypothetical"}


def _compare(a: _Item, b: _Item) -> str | None:
    """Why a and b are the same event, or None."""
    ea, eb = a.event, b.event
    if a.interval is None or b.interval is None:
        return None
    gap = max(0, (max(a.interval[0], b.interval[0]) - min(a.interval[1], b.interval[1])).days)
    if gap > WINDOW_DAYS:
        return None
    score = overlap(a.people, b.people)
    if not a.people or not b.people:
        # an actor-less report ("la frappe de mai 2023") joins a same-type event it dates the same
        fine = all(_PRECISION_RANK.get(e.date_precision or "day", 1) <= 3 for e in (ea, eb))
        if ea.type == eb.type and gap == 0 and fine and _place_ok(ea, eb) and (a.people or b.people) \
                and _same_status_group(ea, eb):
            return (f"same type {ea.type}, dates {ea.date} and {eb.date} agree, one report names no actor")
        return None
    if score < MIN_OVERLAP:
        return None
    shared_n = len(a.people & b.people)
    if shared_n < 2 and not (ea.place_id and ea.place_id == eb.place_id) and not (
            ea.type == eb.type and len(a.people) == len(b.people) == 1 and gap == 0 and ea.date == eb.date):
        return None
    if not _place_ok(ea, eb) and (score < 0.75 or gap > 0):
        return None
    if not _same_status_group(ea, eb):
        return None
    shared = sorted(a.people & b.people)
    return (f"same type {ea.plover}{'/' + ea.mode if ea.mode else ''}, dates {ea.date} and {eb.date} "
            f"within {WINDOW_DAYS} day, participants {{{', '.join(shared)}}} overlap {score:.2f}"
            + ("" if _place_ok(ea, eb) else f", places differ ({ea.place_id} / {eb.place_id})"))


def _ref_weeks(items: list[_Item], published: Mapping[str, str] | None) -> dict[str, tuple[int, int] | None]:
    latest: dict[str, dt.date] = {}
    for it in items:
        if it.interval is not None and it.event.date_precision in (None, "day", "time"):
            if it.key not in latest or it.interval[0] > latest[it.key]:
                latest[it.key] = it.interval[0]
    out: dict[str, tuple[int, int] | None] = {}
    for key in {it.key for it in items}:
        pub = date_interval((published or {}).get(key))
        if pub is not None and pub[0] == pub[1]:
            out[key] = _week(pub[0])
        else:
            out[key] = _week(latest[key]) if key in latest else None
    return out


def _same_people(a: frozenset[str], b: frozenset[str]) -> bool:
    """The same participants: equal sets or one inside the other, sharing at least two actors."""
    return len(a & b) >= 2 and (a == b or a <= b or b <= a)


def _ref_days(items: list[_Item], published: Mapping[str, str] | None) -> dict[str, dt.date]:
    """Each article's reference day: its publication day, else the latest day its events carry."""
    out: dict[str, dt.date] = {}
    for it in items:
        if it.interval is not None and it.event.date_precision in (None, "day", "time"):
            if it.key not in out or it.interval[0] > out[it.key]:
                out[it.key] = it.interval[0]
    for key, value in (published or {}).items():
        pub = date_interval(value)
        if pub is not None and pub[0] == pub[1]:
            out[key] = pub[0]
    return out


def _link_undated_at_place(items: list[_Item], uf: _UnionFind, why: dict[int, list[str]],
                           published: Mapping[str, str] | None) -> None:
    """An undated report of a held event at a named place joins a dated event of the same type at
    the same place sharing an actor, dated within the week ending on the report's reference day."""
    days = _ref_days(items, published)
    dated: dict[tuple[str, str], list[_Item]] = defaultdict(list)
    for it in items:
        if it.interval is not None and it.interval[0] == it.interval[1] and it.event.place_id and it.people:
            dated[(it.event.type, it.event.place_id)].append(it)
    for it in items:
        e = it.event
        if it.interval is not None or not e.place_id or not it.people or e.status != "held" or it.key not in days:
            continue
        ref = days[it.key]
        for other in dated.get((e.type, e.place_id), []):
            if other.key == it.key or other.event.status != "held" or not it.people & other.people:
                continue
            if not ref - dt.timedelta(days=WEEK_DAYS) <= other.interval[0] <= ref:
                continue
            if uf.union(it.n, other.n):
                why[it.n].append(f"undated {e.type} at {e.place_id} sharing "
                                 f"{{{', '.join(sorted(it.people & other.people))}}} with a report dated "
                                 f"{other.event.date} ({other.key}) in the week before {ref.isoformat()}")
            break


def _link_undated(items: list[_Item], uf: _UnionFind, why: dict[int, list[str]],
                  published: Mapping[str, str] | None) -> None:
    weeks = _ref_weeks(items, published)
    dated: dict[tuple, list[_Item]] = defaultdict(list)
    for it in items:
        if it.interval is not None and it.people:
            dated[(it.event.type, it.event.plover, weeks[it.key])].append(it)
    for it in items:
        if it.interval is not None or not it.people or weeks[it.key] is None:
            continue
        for other in dated.get((it.event.type, it.event.plover, weeks[it.key]), []):
            if not _same_people(it.people, other.people):
                continue
            if other.key == it.key or not _place_ok(it.event, other.event):
                continue
            if not _same_status_group(it.event, other.event):
                continue
            if uf.union(it.n, other.n):
                why[it.n].append(f"undated {it.event.type} with the same participants "
                                 f"{{{', '.join(sorted(it.people))}}} as a dated report of the same week "
                                 f"({other.event.date}, {other.key})")
            break


# -- statements across PLOVER types --------------------------------------------------------------
STATEMENT_FAMILY = frozenset({"REJECT", "THREATEN", "DEMAND", "OTHER"})
_STOP = frozenset("ainsi alors apres avant avoir cette comme dans depuis encore entre etait etaient etre "
                  "leurs notre nous plus pour sans selon serait sont tout toute tous toutes votre "
                  "about after before their there these those which while would could should".split())
_REPORTING_STEMS = ("declar", "affirm", "estim", "assur", "indiq", "precis", "ajout", "annonc", "soulig",
                    "expliq", "confir", "rappel", "repet", "journa", "said", "saying",
                    # titles and the conflict's own vocabulary say nothing about which statement it is
                    "presid", "minist", "dirige", "porte", "parole", "conseil", "guerre", "confli", "ukrain",
                    "russie", "russes", "americ", "etats", "president", "minister", "russia", "ukraine", "leader")


def _skeleton(word: str) -> str:
    """Consonants only: "poutine" and "putin" (transliterations of one name) give "ptn"."""
    return re.sub(r"[aeiouy]", "", word)


def speaker(event: Event) -> str | None:
    """Who makes a statement: its source, else its first actor."""
    for role in ("source", "participant", "host"):
        for p in event.participants:
            if p.role == role:
                return participant_key(p)
    return None


def content_words(event: Event) -> frozenset[str]:
    """Stems (6 letters) of the evidence's content words, without reporting verbs or speaker names."""
    who = speaker(event)
    names = {_skeleton(w) for p in event.participants if participant_key(p) == who
             for w in re.findall(r"[a-z]+", _norm(p.name or "")) if len(w) >= 3}
    out = set()
    for w in re.findall(r"[a-z]+", _norm(event.text or "")):
        if len(w) < 5 or w in _STOP or _skeleton(w) in names or w.startswith(_REPORTING_STEMS):
            continue
        out.add(w[:6])
    return frozenset(out)


def _link_statements(items: list[_Item], uf: _UnionFind, why: dict[int, list[str]]) -> None:
    """Statements (REJECT/THREATEN/DEMAND/OTHER) by the same speaker on the same day, reported by
    different articles with content words in common, are one statement whatever type each gave it."""
    by_day: dict[tuple[str, dt.date], list[_Item]] = defaultdict(list)
    for it in items:
        e = it.event
        if e.plover not in STATEMENT_FAMILY or it.interval is None or it.interval[0] != it.interval[1]:
            continue
        if e.status not in ("held", "planned", "hypothetical"):
            continue
        who = speaker(e)
        if who is not None:
            by_day[(who, it.interval[0])].append(it)
    for (who, day), group in sorted(by_day.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        words = {it.n: content_words(it.event) for it in group}
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if a.key == b.key:
                    continue
                shared = words[a.n] & words[b.n]
                if shared and uf.union(a.n, b.n):
                    why[b.n].append(f"statements by {who} on {day.isoformat()} ({a.event.plover} / "
                                    f"{b.event.plover}) share {{{', '.join(sorted(shared))}}}")


def merge_events(items: list[tuple[str, Event]], published: Mapping[str, str] | None = None) -> list[StorylineEvent]:
    """Merge events reported by many articles into storyline events (see the module docstring)."""
    per_key: Counter = Counter()
    recs: list[_Item] = []
    for key, event in items:
        idx = per_key[key]
        per_key[key] += 1
        people = frozenset(participant_key(p) for p in event.participants)
        recs.append(_Item(len(recs), key, idx, event, date_interval(event.date), people))
    # canonical order, independent of the input order
    order = sorted(recs, key=lambda it: (it.key, it.index))
    for n, it in enumerate(order):
        it.n = n
    uf = _UnionFind(len(order))
    why: dict[int, list[str]] = defaultdict(list)
    blocks: dict[str, list[_Item]] = defaultdict(list)
    for it in order:
        if it.interval is not None:
            blocks[family(it.event)].append(it)
    for block in blocks.values():
        block.sort(key=lambda it: (it.interval[0], it.n))
        active: list[_Item] = []
        for it in block:
            horizon = it.interval[0] - dt.timedelta(days=WINDOW_DAYS)
            active = [a for a in active if a.interval[1] >= horizon]
            for other in active:
                reason = _compare(other, it)
                if reason and uf.union(other.n, it.n):
                    why[it.n].append(reason)
            active.append(it)
    _link_undated(order, uf, why, published)
    _link_undated_at_place(order, uf, why, published)
    _link_statements(order, uf, why)

    groups: dict[int, list[_Item]] = defaultdict(list)
    for it in order:
        groups[uf.find(it.n)].append(it)
    stories = [_storyline(members, why) for members in groups.values()]
    _link_related(stories, groups)
    stories.sort(key=lambda s: (s.date or "9999", s.id))
    return stories


def _most_common(values: list[Any]) -> Any:
    values = [v for v in values if v is not None]
    if not values:
        return None
    counts = Counter(values)
    return max(values, key=lambda v: (counts[v], -values.index(v)))


def _storyline(members: list[_Item], why: dict[int, list[str]]) -> StorylineEvent:
    members = sorted(members, key=lambda it: (it.key, it.index))
    first = min(members, key=lambda it: (it.key, it.event.start))
    sid = "ev_" + hashlib.sha1(f"{first.key}:{first.event.start}".encode()).hexdigest()[:12]
    events = [it.event for it in members]
    dated = [e for e in events if e.date]
    best_prec = min((_PRECISION_RANK.get(e.date_precision or "day", 1) for e in dated), default=None)
    finest = [e.date for e in dated if _PRECISION_RANK.get(e.date_precision or "day", 1) == best_prec]
    date = _most_common(finest)
    date_precision = next((e.date_precision for e in dated if e.date == date), None)
    place = _most_common([e.place_id for e in events])
    participants: dict[str, Participant] = {}
    for e in events:
        for p in e.participants:
            participants.setdefault(p.entity_id, p)
    statuses = [e.status for e in events]
    status = "held" if "held" in statuses else _most_common(statuses)
    details: dict[str, list[tuple[Any, str]]] = {}
    for name, get in (("duration", lambda e: e.duration_text or e.duration), ("date", lambda e: e.date),
                      ("place", lambda e: e.place_id), ("status", lambda e: e.status),
                      ("outcome", lambda e: "; ".join(f"{o.get('words')} ({o.get('by')})" for o in e.outcome) or None)):
        said = [(get(it.event), it.key) for it in members if get(it.event) is not None]
        if len({v for v, _ in said}) > 1:
            details[name] = said
    explanation = [r for it in members for r in why.get(it.n, [])]
    return StorylineEvent(
        id=sid, type=_most_common([e.type for e in events]), plover=_most_common([e.plover for e in events]),
        mode=_most_common([e.mode for e in events]), date=date, date_precision=date_precision,
        place=place, place_name=next((e.place_name for e in events if e.place_id == place), None),
        participants=list(participants.values()), status=status,
        sources=[(it.key, it.index, it.event.text) for it in members],
        details=details, explanation=explanation,
    )


def _link_related(stories: list[StorylineEvent], groups: dict[int, list[_Item]]) -> None:
    """Link a planned/cancelled storyline to a held one of the same family and participants."""
    info = []
    for story, members in zip(stories, groups.values()):
        people = frozenset().union(*(it.people for it in members))
        info.append((story, family(members[0].event), people))
    by_family: dict[str, list] = defaultdict(list)
    for entry in info:
        by_family[entry[1]].append(entry)
    for entries in by_family.values():
        held = [e for e in entries if e[0].status == "held"]
        other = [e for e in entries if e[0].status in ("planned", "cancelled")]
        for story, _, people in other:
            for h, _, hp in held:
                if people and jaccard(people, hp) >= 0.5:
                    story.related.append(h.id)
                    h.related.append(story.id)
    for story in stories:
        story.related = sorted(set(story.related))
