"""The knowledge base: actors, places and organisations as data (``data/kb.yaml``).

File format (YAML or JSON)::

    roles:                       # role definitions, shared by their successive holders
      president_of_russia:
        aliases: {fr: [président russe, chef du Kremlin], en: [Russian president]}
    entities:
      - id: vladimir_putin       # snake_case of the English canonical name
        name: Vladimir Putin
        type: person             # person | organization | place | group
        wikidata: Q7747          # or null
        aliases: {fr: [Vladimir Poutine, Poutine], en: [Putin]}
        roles: [{role: president_of_russia, start: 2012-05-07, end: null}]
        affiliation: russian_government
      - id: moscow
        type: place
        metonym_of: russian_government   # "Moscou a déclaré" -> the government
        lat: 55.75
        lon: 37.62
        country: RU

A user's files (``--kb FILE``) are read after the shipped one and win: an entry with a known id is
merged into it (the user's fields replace, aliases are added), and an alias the user gives to one
entry is taken away from every shipped entry.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from dossier.entities.normalize import norm_alias
from dossier.errors import InputError

log = logging.getLogger(__name__)

TYPES = ("person", "organization", "place", "group")
ANY_LANG = "*"


@dataclass
class Role:
    role: str  # role id (key of the ``roles`` table)
    start: str | None = None  # ISO date, inclusive
    end: str | None = None  # ISO date, exclusive; None = still held

    def holds_on(self, date: str) -> bool:
        return (self.start is None or self.start <= date) and (self.end is None or date < self.end)

    def overlaps(self, first: str, last: str) -> bool:
        return (self.start is None or self.start <= last) and (self.end is None or first < self.end)


@dataclass
class KBEntry:
    id: str
    name: str
    type: str
    wikidata: str | None = None
    aliases: dict[str, list[str]] = field(default_factory=dict)  # language -> aliases
    roles: list[Role] = field(default_factory=list)
    affiliation: str | None = None
    metonym_of: str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    geonames: int | None = None
    metonym_generated: bool = False  # metonym_of comes from the generated gazetteer (a capital), not a known seat of power
    institution: str | None = None  # government | foreign_ministry | defence_ministry | armed_forces (of ``country``)
    source: str = "shipped"  # generated | shipped | path of the user's file

    def all_aliases(self, lang: str | None = None) -> list[str]:
        out = [self.name]
        for language, names in self.aliases.items():
            if lang is None or language in (lang, ANY_LANG):
                out.extend(names)
        return list(dict.fromkeys(out))


@dataclass
class RoleDef:
    id: str
    aliases: dict[str, list[str]] = field(default_factory=dict)
    kind: str = "position"  # position | relation
    organization: str | None = None  # the body the role belongs to (a foreign minister: the ministry)


def _date(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    return str(value)


def _aliases(raw: Any) -> dict[str, list[str]]:
    if raw is None:
        return {}
    if isinstance(raw, list):
        return {ANY_LANG: [str(a) for a in raw]}
    return {str(lang): [str(a) for a in names or []] for lang, names in raw.items()}


def _entry(raw: dict, source: str) -> KBEntry:
    if not isinstance(raw, dict) or "id" not in raw:
        raise InputError(source, f"knowledge-base entry without an id: {raw!r:.80}")
    etype = raw.get("type", "organization")
    if etype not in TYPES:
        raise InputError(source, f"entry {raw['id']!r} has unknown type {etype!r}")
    roles = []
    for r in raw.get("roles") or []:
        roles.append(Role(role=str(r["role"]), start=_date(r.get("start")), end=_date(r.get("end"))))
    return KBEntry(
        id=str(raw["id"]),
        name=str(raw.get("name") or raw["id"].replace("_", " ").title()),
        type=etype,
        wikidata=raw.get("wikidata") or None,
        aliases=_aliases(raw.get("aliases")),
        roles=roles,
        affiliation=raw.get("affiliation"),
        metonym_of=raw.get("metonym_of"),
        lat=raw.get("lat"),
        lon=raw.get("lon"),
        country=raw.get("country"),
        geonames=raw.get("geonames"),
        institution=raw.get("institution"),
        metonym_generated=bool(raw.get("metonym_generated", False)),
        source=source,
    )


def _read(path: Path) -> dict:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(str(path), f"cannot read knowledge base: {exc.strerror or exc}") from exc
    try:
        data = json.loads(text) if path.suffix.lower() == ".json" else yaml.safe_load(text)
    except (ValueError, yaml.YAMLError) as exc:
        raise InputError(str(path), f"not valid YAML/JSON: {str(exc).splitlines()[0]}") from exc
    if isinstance(data, list):
        data = {"entities": data}
    if not isinstance(data, dict):
        raise InputError(str(path), "a knowledge base is a mapping with 'entities' (and 'roles')")
    return data


class KnowledgeBase:
    """Entries by id, by alias (normalised), role holders by date, metonym targets."""

    def __init__(self) -> None:
        self._entries: dict[str, KBEntry] = {}
        self._roles: dict[str, RoleDef] = {}
        self._alias_index: dict[str, list[tuple[str, str]]] = {}  # key -> [(entry id, lang)]
        self._role_index: dict[str, list[str]] = {}  # key -> role ids
        self._taken: dict[str, set[str]] = {}  # alias key -> the user's entries that claim it
        self._institutions: dict[tuple[str, str], str] = {}
        self._adjectives: dict[str, str] = {}  # demonym adjective form -> ISO code

    def add_adjectives(self, forms: dict[str, str]) -> None:
        """Demonym adjective forms (any gender/number) -> ISO country code."""
        for form, code in forms.items():
            self._adjectives.setdefault(norm_alias(form), code)

    # -- building -----------------------------------------------------------------------------
    def add_data(self, data: dict, source: str = "shipped") -> None:
        for rid, raw in (data.get("roles") or {}).items():
            raw = raw or {}
            old = self._roles.get(rid)
            aliases = _aliases(raw.get("aliases"))
            if old is not None:
                for lang, names in old.aliases.items():
                    aliases[lang] = list(dict.fromkeys(aliases.get(lang, []) + names))
            organization = raw.get("organization") or (old.organization if old is not None else None)
            self._roles[rid] = RoleDef(rid, aliases, raw.get("kind", "position"), organization)
        user = source not in ("shipped", "generated", "learned")
        for raw in data.get("entities") or []:
            entry = _entry(raw, source)
            old = self._entries.get(entry.id)
            if old is not None:
                entry = self._merge(old, entry, raw, append_roles=source == "learned")
            if user:  # the user's aliases are taken away from every other entry
                for alias in entry.all_aliases():
                    self._taken.setdefault(norm_alias(alias), set()).add(entry.id)
            self._entries[entry.id] = entry
        self._reindex()

    @staticmethod
    def _merge(old: KBEntry, new: KBEntry, raw: dict, append_roles: bool = False) -> KBEntry:
        merged = KBEntry(**{**old.__dict__})
        for name in ("name", "type", "wikidata", "affiliation", "metonym_of", "lat", "lon", "country",
                     "geonames", "institution"):
            if name in raw:
                setattr(merged, name, getattr(new, name))
        if "metonym_of" in raw:
            merged.metonym_generated = new.metonym_generated
        aliases = {lang: list(names) for lang, names in new.aliases.items()}
        for lang, names in old.aliases.items():
            aliases[lang] = list(dict.fromkeys(aliases.get(lang, []) + names))
        merged.aliases = aliases
        if "roles" in raw:  # roles learned from articles add to the known ones
            merged.roles = old.roles + [r for r in new.roles if r not in old.roles] if append_roles else new.roles
        if append_roles:
            for name in ("name", "type", "affiliation"):
                setattr(merged, name, getattr(old, name) or getattr(new, name))
            return merged
        merged.source = new.source
        return merged

    def _reindex(self) -> None:
        for cache in ("_name_index", "_country_ids"):  # caches built by other modules
            self.__dict__.pop(cache, None)
        self._alias_index = {}
        # user entries first, so that ``by_alias`` lists them first; generated ones last
        ordered = sorted(self._entries.values(), key=_rank)
        for entry in ordered:
            for lang, names in [(ANY_LANG, [entry.name]), *entry.aliases.items()]:
                for name in names:
                    key = norm_alias(name)
                    if key in self._taken and entry.id not in self._taken[key]:
                        continue
                    if key:
                        bucket = self._alias_index.setdefault(key, [])
                        if (entry.id, lang) not in bucket:
                            bucket.append((entry.id, lang))
        self._institutions = {(e.country, e.institution): e.id for e in ordered
                              if e.institution and e.country and e.source != "generated"}
        for e in ordered:  # hand-written first, then generated
            if e.institution and e.country:
                self._institutions.setdefault((e.country, e.institution), e.id)
        self._role_index = {}
        for role in self._roles.values():
            for names in role.aliases.values():
                for name in names:
                    bucket = self._role_index.setdefault(norm_alias(name), [])
                    if role.id not in bucket:
                        bucket.append(role.id)

    # -- queries -------------------------------------------------------------------------------
    def get(self, entity_id: str) -> KBEntry | None:
        return self._entries.get(entity_id)

    def __contains__(self, entity_id: str) -> bool:
        return entity_id in self._entries

    def __len__(self) -> int:
        return len(self._entries)

    def entries(self) -> Iterator[KBEntry]:
        return iter(self._entries.values())

    def roles(self) -> dict[str, RoleDef]:
        return self._roles

    def by_alias(self, text: str, lang: str | None = None) -> list[KBEntry]:
        """Entries having ``text`` as a name or alias (normalised), the user's entries first."""
        hits = self._alias_index.get(norm_alias(text), [])
        if lang is not None:  # the language asked for first; other languages' spellings still count
            hits = sorted(hits, key=lambda h: h[1] not in (lang, ANY_LANG))
        ids = list(dict.fromkeys(eid for eid, _ in hits))
        return [self._entries[i] for i in ids]

    def alias_keys(self) -> Iterable[str]:
        return self._alias_index.keys()

    def alias_pairs(self) -> Iterator[tuple[str, KBEntry]]:
        """Every (alias as written, entry), the user's entries first, taken aliases left out."""
        ordered = sorted(self._entries.values(), key=_rank)
        for entry in ordered:
            for alias in entry.all_aliases():
                key = norm_alias(alias)
                if key and not (key in self._taken and entry.id not in self._taken[key]):
                    yield alias, entry

    def role_ids(self, text: str) -> list[str]:
        return list(self._role_index.get(norm_alias(text), []))

    def role_alias_keys(self) -> Iterable[str]:
        return self._role_index.keys()

    def holders(self, role_id: str) -> list[tuple[KBEntry, Role]]:
        return [(e, r) for e in self._entries.values() for r in e.roles if r.role == role_id]

    def resolve_role(self, text: str, date: str | None = None, year: int | None = None) -> KBEntry | None:
        """Who held the role named by ``text`` on ``date`` (ISO); the latest holder when no date.

        ``year`` restricts to holders during that year (the one holding it at its start wins)."""
        return self.holder_of(self.role_ids(text), date=date, year=year)

    def holder_of(self, role_ids: Iterable[str], date: str | None = None, year: int | None = None
                  ) -> KBEntry | None:
        """The holder of any of ``role_ids`` on ``date`` / during ``year`` / most recently."""
        candidates = [h for rid in role_ids for h in self.holders(rid)]
        if not candidates:
            return None
        if year is not None:
            first, last = f"{year:04d}-01-01", f"{year:04d}-12-31"
            during = [h for h in candidates if h[1].overlaps(first, last)]
            if during:
                return min(during, key=lambda h: h[1].start or "")[0]
            return None
        if date:
            day = date if len(date) >= 10 else (date + "-01-01")[:10] if len(date) == 4 else date + "-15"
            valid = [h for h in candidates if h[1].holds_on(day)]
            if valid:
                return max(valid, key=lambda h: h[1].start or "")[0]
            return None
        return max(candidates, key=lambda h: (h[1].end is None, h[1].start or ""))[0]

    def institution(self, country: str | None, kind: str = "government") -> str | None:
        """The id of a state's government / foreign_ministry / defence_ministry / armed_forces."""
        return self._institutions.get((country, kind)) if country else None

    def country_of_adjective(self, word: str) -> str | None:
        """ISO code of the state a French demonym adjective names ("soudanaise" -> "SD")."""
        return self._adjectives.get(norm_alias(word))

    def adjective_forms(self) -> dict[str, str]:
        """Every demonym adjective form (normalised) -> ISO code."""
        return self._adjectives

    def government_of_adjective(self, word: str) -> str | None:
        return self.institution(self.country_of_adjective(word))

    def role_organization(self, role_id: str) -> str | None:
        role = self._roles.get(role_id)
        return role.organization if role is not None else None

    def metonym_target(self, entity_id: str) -> str | None:
        entry = self._entries.get(entity_id)
        return entry.metonym_of if entry else None


_SHIPPED = "kb.yaml"
LEARNED_FORMAT = "dossier-kb-learned/1"


@lru_cache(maxsize=1)
def shipped_data() -> dict:
    """The hand-written KB (cached: do not mutate)."""
    text = resources.files("dossier.entities").joinpath("data", _SHIPPED).read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _rank(entry: KBEntry) -> int:
    return {"shipped": 1, "learned": 1, "generated": 2}.get(entry.source, 0)


@lru_cache(maxsize=1)
def _generated() -> tuple[dict, dict[str, str]]:
    from dossier.entities.states import demonyms, french_forms, state_data

    adjectives = {}
    for code, (masc, en, fem) in demonyms().items():
        if masc:
            for form in french_forms(masc, fem).values():
                adjectives.setdefault(form, code)
        adjectives.setdefault(en, code)
    return state_data(shipped_data()), adjectives


@lru_cache(maxsize=8)
def _load(extra: tuple[str, ...]) -> KnowledgeBase:
    kb = KnowledgeBase()
    generated, adjectives = _generated()
    kb.add_data(generated, "generated")  # every state, generated; the hand-written entries win
    kb.add_adjectives(adjectives)
    kb.add_data(shipped_data(), "shipped")
    for path in extra:
        data = _read(Path(path))
        learned = data.get("format") == LEARNED_FORMAT  # roles learned from stored articles
        kb.add_data(data, "learned" if learned else str(path))
    log.debug("knowledge base: %d entries (%d user files)", len(kb), len(extra))
    return kb


def load_kb(extra_files: Iterable[str] = ()) -> KnowledgeBase:
    """The shipped knowledge base plus the user's files (which win). Cached per file list."""
    return _load(tuple(str(p) for p in extra_files))
