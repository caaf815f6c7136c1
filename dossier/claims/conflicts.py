"""Conflicting reports across (or within) articles.

- relations: "Y, gendre de A" in one source, "gendre de B" in another (functional relations);
- titles: "le président russe X" vs "le président ukrainien X";
- events: what the sources of one merged event say differently (day, time, place, duration,
  figures), and events kept apart only because their dates differ;
- disputes of propositions (``find_disputes``), kind "dispute" (or "count" for casualty figures);
- positions: actors on opposite sides of one issue, kind "position".

``settled_by_kb`` holds the value the knowledge base (relation roles of ``dossier.entities``) or
``data/facts.yaml`` gives, when it is one of the conflicting values.
"""
from __future__ import annotations

import logging
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from dossier.claims.actors import side_of_text
from dossier.claims.attributes import functional_attributes
from dossier.claims.disputes import find_disputes
from dossier.claims.lexicon import facts, fold
from dossier.models import ArticleRecords, Position

log = logging.getLogger(__name__)


@dataclass
class ConflictValue:
    value: str
    sources: list[tuple[str, str]] = field(default_factory=list)  # (article key, evidence)


@dataclass
class Conflict:
    kind: str  # relation | title | duration | date | count | dispute | position
    subject: str  # entity id, proposition or issue id
    attribute: str
    values: list[ConflictValue]
    settled_by_kb: str | None = None
    articles: list[str] = field(default_factory=list)
    summary: str = ""
    entities: list[str] = field(default_factory=list)  # the actors and places it is about


# -- knowledge-base facts ---------------------------------------------------------------------
def _norm_id(entity_id: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", fold(entity_id.replace("local:", ""))).strip("_")


def _facts_table(kb: Any = None) -> tuple[dict[tuple[str, str], str], dict[str, str]]:
    """((subject, attribute) -> value, name -> entity id) from the KB's relation roles and facts.yaml."""
    table: dict[tuple[str, str], str] = {}
    names: dict[str, str] = {}
    data = facts()
    for entity_id, forms in (data.get("names") or {}).items():
        for form in forms:
            names[_norm_id(form)] = entity_id
        names[_norm_id(entity_id)] = entity_id
    for fact in data.get("facts") or []:
        table[(fact["subject"], fact["attribute"])] = str(fact["value"])
    if kb is None:
        from dossier.entities.kb import load_kb

        kb = load_kb()
    if kb:  # an empty mapping / knowledge base: the facts file alone
        roles = kb.roles()
        for entry in kb.entries():
            for role in getattr(entry, "roles", []) or []:
                rdef = roles.get(role.role)
                if rdef is None or getattr(rdef, "kind", "position") != "relation":
                    continue
                m = re.match(r"^(.+?)_of_(.+)$", role.role)
                if m and m.group(2) in kb:
                    table[(entry.id, m.group(1).replace("_", "-") + " of")] = m.group(2)
    elif isinstance(kb, dict):  # {(subject, attribute): value}
        table.update(kb)
    return table, names


def _canonical(entity_id: str, names: dict[str, str]) -> str:
    return names.get(_norm_id(entity_id), entity_id.replace("local:", ""))


# -- conflicts --------------------------------------------------------------------------------
def _attribute_conflicts(items: list[tuple[str, ArticleRecords]], table, names) -> list[Conflict]:
    groups: dict[tuple[str, str], dict[str, ConflictValue]] = defaultdict(dict)
    for key, rec in items:
        for attr in rec.attributes:
            subject = _canonical(attr.entity_id, names)
            value = _canonical(attr.value, names) if attr.attribute != "position" else attr.value
            slot = groups[(subject, attr.attribute)].setdefault(value, ConflictValue(value))
            slot.sources.append((key, attr.text))
    out: list[Conflict] = []
    functional = functional_attributes()
    for (subject, attribute), values in groups.items():
        if len(values) < 2:
            continue
        if attribute in functional:
            known = table.get((subject, attribute))
            out.append(Conflict(
                kind="relation", subject=subject, attribute=attribute, values=list(values.values()),
                settled_by_kb=known if known in values else None,
                articles=sorted({k for v in values.values() for k, _ in v.sources}),
                summary=f"{subject}: {attribute} " + " / ".join(values),
            ))
        elif attribute == "position":
            # same title word, different country: "président russe" vs "président ukrainien"
            by_head: dict[str, list[ConflictValue]] = defaultdict(list)
            for v in values.values():
                by_head[v.value.split(" ")[0]].append(v)
            for head, vs in by_head.items():
                sides = {side_of_text(v.value) for v in vs} - {None}
                if len(sides) < 2:
                    continue
                known = table.get((subject, "position"))
                known_side = side_of_text(known) if known else None
                settled = next((v.value for v in vs if known_side and side_of_text(v.value) == known_side), None)
                out.append(Conflict(
                    kind="title", subject=subject, attribute="position", values=vs, settled_by_kb=settled,
                    articles=sorted({k for v in vs for k, _ in v.sources}),
                    summary=f"{subject}: " + " / ".join(v.value for v in vs),
                ))
    return out


def _storyline_conflicts(stories: list[Any]) -> list[Conflict]:
    """For every merged event, what its sources say differently (day, time, place, duration,
    figures), each value with the articles that say it; and events kept apart only because
    their dates differ while everything else matches ("13 August per A, 16 August per B")."""
    out: list[Conflict] = []
    by_id = {s.id: s for s in stories}
    done: set[tuple[str, str]] = set()
    for story in stories:
        who = sorted({p.entity_id for p in story.participants})
        entities = who + ([story.place] if story.place else [])
        label = f"{story.type} of {', '.join(who) or '?'}" + (f" at {story.place}" if story.place else "")
        for d in story.disagreements:
            values = [ConflictValue(str(v["value"]), [(k, text) for k, _, text in v["sources"]]) for v in d["values"]]
            attribute = d["attribute"]
            out.append(Conflict(
                kind=attribute.split(":")[0], subject=story.id, attribute=attribute, values=values,
                articles=sorted({k for v in values for k, _ in v.sources}), entities=entities,
                summary=f"{attribute} of the {label}: " + "; ".join(
                    f"{v.value} per {', '.join(sorted({k for k, _ in v.sources}))}" for v in values),
            ))
        for dc in story.date_conflicts:
            pair = tuple(sorted((story.id, dc["with"])))
            other = by_id.get(dc["with"])
            if pair in done or other is None:
                continue
            done.add(pair)
            values = [ConflictValue(str(side["date"]), [(k, text) for k, _, text in side["sources"]])
                      for side in dc["sides"]]
            out.append(Conflict(
                kind="date", subject=f"{story.id}|{other.id}", attribute="date", values=values,
                articles=sorted({k for v in values for k, _ in v.sources}), entities=sorted(set(entities) | {p.entity_id for p in other.participants}),
                summary=f"date of the {label}: " + "; ".join(
                    f"{v.value} per {', '.join(sorted({k for k, _ in v.sources}))}" for v in values),
            ))
    return out


def _dispute_conflicts(items: list[tuple[str, ArticleRecords]]) -> list[Conflict]:
    claims = [(key, c) for key, rec in items for c in rec.claims]
    out = []
    for d in find_disputes(claims):
        values = []
        for side, refs in d.sides.items():
            cv = ConflictValue(side)
            cv.sources = [(r.key, r.evidence) for r in refs]
            values.append(cv)
        out.append(Conflict(
            kind="count" if d.predicate == "CASUALTIES" else "dispute", subject=d.proposition,
            attribute=d.predicate, values=values, articles=d.articles,
            summary=f"{d.proposition}: " + "; ".join(f"{side} by {', '.join(c)}" for side, c in d.claimants.items()),
        ))
    return out


def _position_conflicts(items: list[tuple[str, ArticleRecords]]) -> list[Conflict]:
    groups: dict[str, dict[str, ConflictValue]] = defaultdict(dict)
    actors: dict[tuple[str, str], set[str]] = defaultdict(set)
    for key, rec in items:
        for p in rec.positions:
            if p.stance not in ("supports", "opposes"):
                continue
            slot = groups[p.issue].setdefault(p.stance, ConflictValue(p.stance))
            slot.sources.append((key, p.text))
            actors[(p.issue, p.stance)].add(p.actor_id)
    out = []
    for issue, values in groups.items():
        if len(values) > 1:
            out.append(Conflict(
                kind="position", subject=issue, attribute="stance", values=list(values.values()),
                articles=sorted({k for v in values.values() for k, _ in v.sources}),
                summary=f"{issue}: " + "; ".join(f"{s}: {', '.join(sorted(actors[(issue, s)]))}" for s in values),
            ))
    return out


def find_conflicts(items: list[tuple[str, ArticleRecords]], kb: Any = None,
                   storylines: list[Any] | None = None) -> list[Conflict]:
    """Incompatible attributes, event details, propositions and positions across the articles.

    ``storylines`` are the merged events of these articles when the caller has them already
    (``merge_events`` over the same items); otherwise they are merged here.
    """
    table, names = _facts_table(kb)
    if storylines is None:
        from dossier.events.merge import merge_events

        published = {key: rec.article.published for key, rec in items if rec.article.published}
        storylines = merge_events([(key, ev) for key, rec in items for ev in rec.events], published=published)
    return (_attribute_conflicts(items, table, names) + _storyline_conflicts(storylines)
            + _dispute_conflicts(items) + _position_conflicts(items))


def positions_matrix(items: list[tuple[str, Position]]) -> dict[str, dict[str, dict[str, Any]]]:
    """actor -> issue -> {"stance": latest, "date": its date, "history": [...] oldest first}."""
    matrix: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    ordered = sorted(enumerate(items), key=lambda ip: (ip[1][1].date or "", ip[0]))
    for index, (key, p) in ordered:
        cell = matrix[p.actor_id].setdefault(p.issue, {"actor_name": p.actor_name, "stance": None, "date": None, "history": []})
        cell["history"].append({"stance": p.stance, "date": p.date, "key": key, "index": index, "evidence": p.text})
        cell["stance"], cell["date"] = p.stance, p.date
    return {actor: dict(issues) for actor, issues in matrix.items()}
