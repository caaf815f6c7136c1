"""Load and validate gold files in the ``dossier-gold/1`` format.

A gold file is one JSON object::

    {"format": "dossier-gold/1",
     "entities": {ID: {"name", "type", "wikidata", "aliases"}},
     "articles": {FILE NAME: {"published", "title", "boilerplate", "persons", "places",
                              "organizations", "quotes", "dates", "events", "claims", ...}},
     "cross_article": {"same_events": [...], "conflicts": [...]},
     "complete": [TASK, ...],          # optional: tasks annotated completely (precision reported)
     "timex_kinds": [KIND, ...]}       # optional: TIMEX3 kinds the dates lists annotate

Every quoted string (aliases, boilerplate, quotes, date contexts, evidence) is an exact
substring of the article file. Optional keys default to empty; a key holding the wrong type,
or an entity id that ``entities`` does not define, raises :class:`dossier.errors.GoldError`.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dossier.errors import GoldError
from dossier.eval import timex3

FORMAT = "dossier-gold/1"
ENTITY_TYPES = ("person", "place", "organization", "group")
# task names a ``complete`` declaration may hold ("entities" = persons, places, organizations)
TASK_NAMES = ("boilerplate", "published", "persons", "places", "organizations", "dates", "quotes",
              "events", "claims", "same_events", "conflicts")
_TASK_GROUPS = {"entities": ("persons", "places", "organizations")}

# list-valued keys of an article (default: empty list)
_ARTICLE_LISTS = ("boilerplate", "persons", "places", "organizations", "quotes", "dates",
                  "events", "claims", "attributes")
_ANONYMOUS_NAME = re.compile(r"^(unnamed|unspecified|anonymous|unidentified)\b", re.I)


@dataclass
class GoldEntity:
    id: str
    name: str
    type: str
    wikidata: str | None = None
    aliases: list[str] = field(default_factory=list)
    anonymous: bool = False  # an unnamed source ("a US official"): speakers matched by anonymity


@dataclass
class Gold:
    path: str
    entities: dict[str, GoldEntity]
    articles: dict[str, dict[str, Any]]
    cross_article: dict[str, list[dict[str, Any]]]
    notes: str = ""
    # tasks the file annotates completely (precision and F1 are reported only for these);
    # None when the file does not say (then every task counts as complete)
    complete: tuple[str, ...] | None = None
    # TIMEX3 kinds the dates lists annotate (predictions of other kinds do not cost precision);
    # None when the file does not say (then: the kinds its date values have)
    timex_kinds: tuple[str, ...] | None = None

    def annotated_kinds(self) -> set[str]:
        if self.timex_kinds is not None:
            return set(self.timex_kinds)
        return {timex3.kind_of(d["value"], d.get("type"))
                for art in self.articles.values() for d in art["dates"]}


def _fail(path: str, where: str, why: str) -> GoldError:
    return GoldError(f"{path}: not a {FORMAT} gold file: {where}: {why}")


def _need(value: Any, kind: type | tuple, path: str, where: str) -> Any:
    if not isinstance(value, kind):
        names = kind.__name__ if isinstance(kind, type) else "/".join(k.__name__ for k in kind)
        raise _fail(path, where, f"expected {names}, got {type(value).__name__}")
    return value


def _need_keys(item: Any, keys: tuple[str, ...], path: str, where: str) -> dict:
    _need(item, dict, path, where)
    missing = [k for k in keys if k not in item]
    if missing:
        raise _fail(path, where, f"missing {', '.join(missing)}")
    return item


def _entity(eid: str, raw: Any, path: str) -> GoldEntity:
    where = f"entities.{eid}"
    _need_keys(raw, ("name", "type"), path, where)
    if raw["type"] not in ENTITY_TYPES:
        raise _fail(path, where, f"type {raw['type']!r} is not one of {', '.join(ENTITY_TYPES)}")
    aliases = _need(raw.get("aliases") or [], list, path, where + ".aliases")
    name = _need(raw["name"], str, path, where + ".name")
    return GoldEntity(
        id=eid, name=name, type=raw["type"], wikidata=raw.get("wikidata"),
        aliases=[a for a in aliases if isinstance(a, str)],
        anonymous=bool(raw.get("anonymous", bool(_ANONYMOUS_NAME.match(name)))),
    )


def _check_ref(eid: Any, entities: dict, path: str, where: str, nullable: bool = True) -> None:
    if eid is None and nullable:
        return
    if not isinstance(eid, str) or eid not in entities:
        raise _fail(path, where, f"unknown entity id {eid!r}")


def _check_date(value: Any, path: str, where: str, nullable: bool = True) -> None:
    if value is None and nullable:
        return
    if not isinstance(value, str) or not timex3.is_valid(value):
        raise _fail(path, where, f"date {value!r} is not a TIMEX3 value (2025-12-02, 2025-W49-WE, "
                                 "2025-12-02T17:00, 2025-12-02TEV, P3Y, 2025-12-01/2025-12-05, ...)")


def _article(key: str, raw: Any, entities: dict, path: str) -> dict[str, Any]:
    where = f"articles.{key}"
    _need(raw, dict, path, where)
    art: dict[str, Any] = dict(raw)
    for name in _ARTICLE_LISTS:
        art[name] = _need(raw.get(name) or [], list, path, f"{where}.{name}")
    if "published" in raw:
        _check_date(raw["published"], path, f"{where}.published")
    for name in ("persons", "places", "organizations"):
        for i, eid in enumerate(art[name]):
            _check_ref(eid, entities, path, f"{where}.{name}[{i}]", nullable=False)
    for i, line in enumerate(art["boilerplate"]):
        _need(line, str, path, f"{where}.boilerplate[{i}]")
    for i, q in enumerate(art["quotes"]):
        w = f"{where}.quotes[{i}]"
        _need_keys(q, ("quote", "speaker"), path, w)
        _need(q["quote"], str, path, w + ".quote")
        _check_ref(q["speaker"], entities, path, w + ".speaker")
    for i, d in enumerate(art["dates"]):
        w = f"{where}.dates[{i}]"
        _need_keys(d, ("expression", "context", "value"), path, w)
        if d["expression"] not in d["context"]:
            raise _fail(path, w, "expression is not inside its context")
        _check_date(d["value"], path, w + ".value")
        if d.get("type") is not None and d["type"] not in ("date", "time", "duration", "set"):
            raise _fail(path, w + ".type", f"{d['type']!r} is not a TIMEX3 type (date, time, duration, set)")
    for i, e in enumerate(art["events"]):
        w = f"{where}.events[{i}]"
        _need_keys(e, ("evidence", "plover"), path, w)
        for j, p in enumerate(e.get("participants") or []):
            _check_ref(p, entities, path, f"{w}.participants[{j}]", nullable=False)
        _check_ref(e.get("place"), entities, path, w + ".place")
        _check_date(e.get("date"), path, w + ".date")
    for i, c in enumerate(art["claims"]):
        w = f"{where}.claims[{i}]"
        _need_keys(c, ("evidence", "claimant", "stance"), path, w)
        _check_ref(c["claimant"], entities, path, w + ".claimant")
    return art


def expand_tasks(names: list[str] | tuple[str, ...], where: str = "complete") -> tuple[str, ...]:
    """Task names of a ``complete`` declaration, ``entities`` expanded; ``all`` = every task,
    ``none`` = no task. Raises ValueError naming an unknown task."""
    out: list[str] = []
    for raw in names:
        name = str(raw).strip().lower()
        if not name or name == "none":
            continue
        if name == "all":
            out += TASK_NAMES
        elif name in _TASK_GROUPS:
            out += _TASK_GROUPS[name]
        elif name in TASK_NAMES:
            out.append(name)
        else:
            raise ValueError(f"{where}: unknown task {raw!r} (tasks: entities, {', '.join(TASK_NAMES)}, all, none)")
    return tuple(dict.fromkeys(out))


def _string_list(data: dict, key: str, path: str) -> list[str] | None:
    if key not in data or data[key] is None:
        return None
    items = _need(data[key], list, path, key)
    for i, item in enumerate(items):
        _need(item, str, path, f"{key}[{i}]")
    return items


def parse_gold(data: Any, path: str = "<gold>") -> Gold:
    """Validate an already-decoded gold object."""
    _need(data, dict, path, "top level")
    if data.get("format") != FORMAT:
        raise _fail(path, "format", f"expected {FORMAT!r}, got {data.get('format')!r}")
    raw_entities = _need(data.get("entities") or {}, dict, path, "entities")
    entities = {eid: _entity(eid, raw, path) for eid, raw in raw_entities.items()}
    raw_articles = _need(data.get("articles"), dict, path, "articles")
    articles = {key: _article(key, raw, entities, path) for key, raw in raw_articles.items()}
    cross = _need(data.get("cross_article") or {}, dict, path, "cross_article")
    same = _need(cross.get("same_events") or [], list, path, "cross_article.same_events")
    conflicts = _need(cross.get("conflicts") or [], list, path, "cross_article.conflicts")
    for i, g in enumerate(same):
        _need_keys(g, ("reported_in",), path, f"cross_article.same_events[{i}]")
    for i, c in enumerate(conflicts):
        _need_keys(c, ("articles",), path, f"cross_article.conflicts[{i}]")
        for j, eid in enumerate(c.get("entities") or []):
            _check_ref(eid, entities, path, f"cross_article.conflicts[{i}].entities[{j}]", False)
    for name, groups, field_ in (("same_events", same, "reported_in"), ("conflicts", conflicts, "articles")):
        for i, g in enumerate(groups):
            for key in g[field_]:
                if key not in articles:
                    raise _fail(path, f"cross_article.{name}[{i}]", f"unknown article {key!r}")
    complete = _string_list(data, "complete", path)
    try:
        complete_tasks = expand_tasks(complete) if complete is not None else None
    except ValueError as exc:
        raise _fail(path, "complete", str(exc).split(": ", 1)[1]) from None
    kinds = _string_list(data, "timex_kinds", path)
    for kind in kinds or ():
        if kind not in timex3.KINDS:
            raise _fail(path, "timex_kinds", f"unknown kind {kind!r} (kinds: {', '.join(timex3.KINDS)})")
    return Gold(path=path, entities=entities, articles=articles,
                cross_article={"same_events": same, "conflicts": conflicts},
                notes=str(data.get("notes") or ""), complete=complete_tasks,
                timex_kinds=tuple(kinds) if kinds is not None else None)


def load_gold(path: str | Path) -> Gold:
    """Read and validate a ``dossier-gold/1`` file; any problem is one-line GoldError."""
    path = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise GoldError(f"{path}: cannot read gold file: {exc.strerror or exc}") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise GoldError(f"{path}: not a {FORMAT} gold file: invalid JSON at line {exc.lineno}") from exc
    return parse_gold(data, path)
