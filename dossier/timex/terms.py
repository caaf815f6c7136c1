"""When a text can have been written, from the offices its persons hold in it.

"le ministre iranien des Affaires étrangères Abbas Araghchi" or "Steve Witkoff, envoyé spécial
américain" is written while that person holds that office: the knowledge base's terms (start
inclusive, end exclusive) bound the publication date. Several such pairs intersect ("le président
américain Donald Trump" held office twice; with a minister appointed in 2024 only the second term
remains). A role written as past ("l'ancien président", "ex-ministre", "former") bounds it from
below when the knowledge base knows the person left that office: the text is written after the
last term ended. For an office the base says is still held it says nothing (the base may be
out of date, or the text recalls an earlier term).

The pairs come from the entities component's mentions: a role mention (``resolution`` kb-role)
right next to a name mention of the same person (before or after it, a comma or a space between).
"""
from __future__ import annotations

import importlib
import re
from datetime import date
from functools import lru_cache

Interval = tuple[date, date | None]  # [start, end), end None = still held

_PAST_ROLE = re.compile(r"(?:\b(?:ancien|ancienne|anciens|ex|former|feu|défunt|late)\W{0,2}|\bex-)\s*$", re.IGNORECASE)
_GAP = re.compile(r"^[\s,]{0,3}$")
_NAMED = ("kb-alias", "fuzzy")


@lru_cache(maxsize=1)
def _kb():
    try:
        return importlib.import_module("dossier.entities").load_kb()
    except (ModuleNotFoundError, AttributeError):  # the entities package is optional for time
        return None


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10] if len(value) >= 10 else (value + "-01-01")[:10])
    except ValueError:
        return None


@lru_cache(maxsize=1)
def kb_horizon() -> date | None:
    """The latest start of any term the knowledge base knows: how far its knowledge reaches."""
    kb = _kb()
    if kb is None:
        return None
    starts = [_day(r.start) for e in kb.entries() for r in e.roles]
    return max((d for d in starts if d), default=None)


def _terms(entity_id: str, role_text: str) -> list[Interval]:
    kb = _kb()
    entry = kb.get(entity_id) if kb is not None else None
    if entry is None:
        return []
    named = set(kb.role_ids(role_text))
    defs = kb.roles()
    roles = [r for r in entry.roles if (r.role in named if named else
                                        getattr(defs.get(r.role), "kind", "position") == "position")]
    out = []
    for r in roles:
        start = _day(r.start)
        if start is not None:
            out.append((start, _day(r.end)))
    return sorted(out)


def role_terms(text: str, mentions) -> list[list[Interval]]:
    """For each (role, name) pair of the text, the terms during which that person held it."""
    ms = sorted(mentions, key=lambda m: m.start)
    out: list[list[Interval]] = []
    for i, m in enumerate(ms):
        if m.resolution != "kb-role" or m.entity_type != "person" or m.entity_id.startswith("local:"):
            continue
        former = bool(_PAST_ROLE.search(text[max(0, m.start - 14):m.start]))
        neighbours = [n for n in (ms[i - 1] if i else None, ms[i + 1] if i + 1 < len(ms) else None) if n is not None]
        named = [n for n in neighbours if n.entity_id == m.entity_id and n.resolution in _NAMED
                 and _GAP.match(text[min(n.end, m.end):max(n.start, m.start)])]
        if not named:
            continue
        terms = _terms(m.entity_id, m.text)
        if former:
            terms = _after(terms)
        if terms and terms not in out:
            out.append(terms)
    return out


def _after(terms: list[Interval]) -> list[Interval]:
    """When a person who held an office only in ``terms`` is its former holder: after the last
    term ended. Nothing when the last term is still open."""
    if not terms or terms[-1][1] is None:
        return []
    return [(terms[-1][1], None)]


def _intersect(a: list[Interval], b: list[Interval]) -> list[Interval]:
    out = []
    for s1, e1 in a:
        for s2, e2 in b:
            s = max(s1, s2)
            e = e1 if e2 is None else e2 if e1 is None else min(e1, e2)
            if e is None or s < e:
                out.append((s, e))
    return sorted(out)


def written_during(text: str, mentions) -> list[Interval]:
    """The periods every (role, name) pair of the text agrees on; a pair that contradicts the
    others is left out (a wrong resolution must not empty the window). [] when no pair."""
    window: list[Interval] = []
    for terms in role_terms(text, mentions):
        if not window:
            window = terms
            continue
        both = _intersect(window, terms)
        if both:
            window = both
    return window


__all__ = ["kb_horizon", "role_terms", "written_during"]
