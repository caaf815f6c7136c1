"""``dossier kb import``: knowledge-base entries from a Wikidata export, merged into the user's KB file.

Two export shapes are read (both are what a user with network access gets in one download):

* a Wikidata **entity JSON** (``Special:EntityData/Q….json``, or several merged):
  ``{"entities": {"Q…": {"labels", "aliases", "claims": {"P31", "P39"}}}}``. Position items
  (the values of P39) present in the same file give their labels to the roles.
* a **SPARQL results JSON** (``application/sparql-results+json``) with the variables ``item``,
  ``itemLabel``, optionally ``itemAltLabel`` (comma-separated aliases), ``type`` (P31 value),
  ``position``, ``positionLabel``, ``start``, ``end``; labels carry ``xml:lang``.

What is taken: labels and aliases in French and English, P31 types (human -> person; a country or
city -> place; anything else -> organization), P39 positions held with their start (P580) and end
(P582) qualifiers. A position whose label or alias is a role the KB already knows (for instance
the generated "ministre des Affaires étrangères du Soudan") becomes that role, so its holder
resolves the role descriptions of articles on the dates it was held; other positions become new
roles named by their labels. QIDs come from the export, so they are certain.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from dossier.entities.kb import KnowledgeBase, load_kb
from dossier.entities.normalize import norm_alias
from dossier.errors import InputError

LANGS = ("fr", "en")
HUMAN = "Q5"
PLACE_TYPES = frozenset({"Q6256", "Q3624078", "Q515", "Q5119", "Q1549591", "Q486972"})
_QID = re.compile(r"(Q\d+)$")


@dataclass
class ImportResult:
    path: str
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (f"{self.path}: {len(self.added)} entities added, {len(self.updated)} updated, "
                f"{len(self.roles)} roles")


def _qid(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("id") or value.get("value")
    m = _QID.search(str(value or ""))
    return m.group(1) if m else None


def _date(value: Any) -> str | None:
    """A Wikidata time ("+2023-06-03T00:00:00Z", precision ignored) or an xsd:dateTime -> ISO day."""
    if isinstance(value, dict):
        value = value.get("time") or value.get("value")
    m = re.match(r"^\+?(\d{4})-(\d{2})-(\d{2})", str(value or ""))
    if not m:
        return None
    y, mo, d = m.groups()
    return f"{y}-{mo if mo != '00' else '01'}-{d if d != '00' else '01'}"


def _snake(text: str) -> str:
    return "_".join(re.findall(r"[a-z0-9]+", norm_alias(text))) or "entity"


@dataclass
class _Item:
    qid: str
    labels: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, list[str]] = field(default_factory=dict)
    types: set[str] = field(default_factory=set)
    positions: list[tuple[str, str | None, str | None]] = field(default_factory=list)  # (QID, start, end)


def _from_entity_json(data: dict) -> dict[str, _Item]:
    items: dict[str, _Item] = {}
    for qid, raw in (data.get("entities") or {}).items():
        if not isinstance(raw, dict):
            continue
        item = _Item(str(raw.get("id") or qid))
        for lang in LANGS:
            label = (raw.get("labels") or {}).get(lang)
            if isinstance(label, dict) and label.get("value"):
                item.labels[lang] = str(label["value"])
            names = [a.get("value") for a in (raw.get("aliases") or {}).get(lang) or [] if isinstance(a, dict)]
            item.aliases[lang] = [str(n) for n in names if n]
        claims = raw.get("claims") or {}
        for st in claims.get("P31") or []:
            q = _qid(((st.get("mainsnak") or {}).get("datavalue") or {}).get("value"))
            if q:
                item.types.add(q)
        for st in claims.get("P39") or []:
            q = _qid(((st.get("mainsnak") or {}).get("datavalue") or {}).get("value"))
            if not q:
                continue
            quals = st.get("qualifiers") or {}

            def first(prop):
                for s in quals.get(prop) or []:
                    return _date((s.get("datavalue") or {}).get("value"))
                return None

            item.positions.append((q, first("P580"), first("P582")))
        items[item.qid] = item
    return items


def _from_sparql(data: dict) -> dict[str, _Item]:
    items: dict[str, _Item] = {}
    positions: dict[str, _Item] = {}
    for row in (data.get("results") or {}).get("bindings") or []:
        qid = _qid((row.get("item") or {}).get("value"))
        if not qid:
            continue
        item = items.setdefault(qid, _Item(qid))
        label = row.get("itemLabel") or {}
        lang = label.get("xml:lang", "fr")
        if label.get("value") and lang in LANGS and not _QID.fullmatch(label["value"]):
            item.labels.setdefault(lang, label["value"])
        alt = row.get("itemAltLabel") or {}
        if alt.get("value"):
            alang = alt.get("xml:lang", lang)
            if alang in LANGS:
                bucket = item.aliases.setdefault(alang, [])
                bucket += [a.strip() for a in alt["value"].split(",") if a.strip() and a.strip() not in bucket]
        t = _qid((row.get("type") or {}).get("value"))
        if t:
            item.types.add(t)
        pos = _qid((row.get("position") or {}).get("value"))
        if pos:
            entry = (pos, _date(row.get("start")), _date(row.get("end")))
            if entry not in item.positions:
                item.positions.append(entry)
            plabel = row.get("positionLabel") or {}
            if plabel.get("value") and not _QID.fullmatch(plabel["value"]):
                p = positions.setdefault(pos, _Item(pos))
                p.labels.setdefault(plabel.get("xml:lang", "fr"), plabel["value"])
    for pos, p in positions.items():
        items.setdefault(pos, p)
    return items


def read_export(path: str | Path) -> dict[str, _Item]:
    """Items of a Wikidata entity JSON or SPARQL results JSON file."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(str(p), f"cannot read: {exc.strerror or exc}") from exc
    except ValueError as exc:
        raise InputError(str(p), f"not JSON: {str(exc).splitlines()[0]}") from exc
    if isinstance(data, dict) and isinstance(data.get("entities"), dict):
        return _from_entity_json(data)
    if isinstance(data, dict) and isinstance(data.get("results"), dict):
        return _from_sparql(data)
    raise InputError(str(p), "neither a Wikidata entity export ({\"entities\": …}) nor SPARQL results ({\"results\": …})")


def to_kb_data(items: dict[str, _Item], kb: KnowledgeBase) -> dict:
    """KB data (``roles`` + ``entities``) for the non-position items of an export."""
    position_ids = {q for it in items.values() for q, _, _ in it.positions}
    roles: dict[str, dict] = {}
    role_of: dict[str, str] = {}
    for q in position_ids:
        names = _names(items.get(q))
        known = next((r for n in names.get("fr", []) + names.get("en", []) for r in kb.role_ids(n)), None)
        if known is not None:
            role_of[q] = known
            extra = {lang: [n for n in ns if not kb.role_ids(n)] for lang, ns in names.items()}
            if any(extra.values()):
                roles[known] = {"aliases": extra}
        else:
            rid = f"wd_{q}"
            role_of[q] = rid
            roles[rid] = {"aliases": names or {"en": [q]}, "wikidata": q}
    entities = []
    by_qid = {e.wikidata: e for e in kb.entries() if e.wikidata}
    for q, it in items.items():
        if q in position_ids and not it.types and not it.positions:
            continue  # a position item, used for its labels only
        names = _names(it)
        label = it.labels.get("en") or it.labels.get("fr") or q
        existing = by_qid.get(q)
        etype = "person" if HUMAN in it.types else "place" if it.types & PLACE_TYPES else "organization"
        raw: dict[str, Any] = {"id": existing.id if existing else _snake(label), "name": label, "type": etype,
                               "wikidata": q, "aliases": names}
        if it.positions:
            raw["roles"] = [{"role": role_of[p], "start": s, "end": e} for p, s, e in it.positions if p in role_of]
            orgs = [kb.role_organization(role_of[p]) for p, _, e in it.positions if p in role_of and e is None]
            if any(orgs):
                raw["affiliation"] = next(o for o in orgs if o)
        entities.append(raw)
    return {"roles": roles, "entities": entities}


def _names(item: _Item | None) -> dict[str, list[str]]:
    if item is None:
        return {}
    out = {}
    for lang in LANGS:
        names = ([item.labels[lang]] if lang in item.labels else []) + item.aliases.get(lang, [])
        if names:
            out[lang] = list(dict.fromkeys(names))
    return out


def import_export(export: str | Path, target: str | Path, kb_files: tuple[str, ...] = ()) -> ImportResult:
    """Merge the entities of a Wikidata export into the user's KB file ``target`` (created when
    missing; entries with the same id are replaced, roles merged). Returns what changed."""
    kb = load_kb(tuple(str(p) for p in kb_files if Path(p).exists()))
    data = to_kb_data(read_export(export), kb)
    path = Path(target)
    current: dict = {}
    if path.exists():
        try:
            current = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise InputError(str(path), f"cannot read the KB file to update: {str(exc).splitlines()[0]}") from exc
        if isinstance(current, list):
            current = {"entities": current}
        if not isinstance(current, dict):
            raise InputError(str(path), "a knowledge base is a mapping with 'entities' (and 'roles')")
    result = ImportResult(str(path))
    entities = list(current.get("entities") or [])
    index = {str(e.get("id")): i for i, e in enumerate(entities) if isinstance(e, dict)}
    for raw in data["entities"]:
        if raw["id"] in index:
            entities[index[raw["id"]]] = raw
            result.updated.append(raw["id"])
        else:
            index[raw["id"]] = len(entities)
            entities.append(raw)
            result.added.append(raw["id"])
    roles = dict(current.get("roles") or {})
    for rid, raw in data["roles"].items():
        old = roles.get(rid) or {}
        aliases = {lang: list(dict.fromkeys((old.get("aliases") or {}).get(lang, []) + names))
                   for lang, names in {**(old.get("aliases") or {}), **raw["aliases"]}.items()}
        roles[rid] = {**old, **raw, "aliases": aliases}
        result.roles.append(rid)
    out = {"format": "dossier-kb/1", "roles": roles, "entities": entities}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(out, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return result
