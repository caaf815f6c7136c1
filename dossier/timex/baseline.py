"""dateparser as a baseline: what an off-the-shelf date finder gets on the same texts."""

from __future__ import annotations

import logging
import re
from datetime import datetime

from dossier.timex.calendar import Anchor

log = logging.getLogger(__name__)


def _precision_value(dt: datetime, text: str) -> str:
    """dateparser returns full datetimes; keep the precision the expression itself carries."""
    low = text.lower()
    if re.fullmatch(r"\s*\d{4}\s*", low):
        return f"{dt.year:04d}"
    has_day = re.search(r"(?<!\d)(?:\d{1,2}|1er)(?!\d)", low) is not None
    weekday = re.search(r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|demain|aujourd", low)
    month = re.search(r"janv|févr|fevr|mars|avr|mai|juin|juil|août|aout|sept|oct|nov|déc|dec", low)
    if month and not has_day and not weekday:
        return f"{dt.year:04d}-{dt.month:02d}"
    return dt.date().isoformat()


def dateparser_baseline(text: str, anchor: str) -> list[tuple[str, str | None]]:
    """(expression, ISO value) pairs found by ``dateparser.search.search_dates`` in French."""
    from dateparser.search import search_dates

    a = Anchor.parse(anchor)
    base = datetime(a.day.year, a.day.month, a.day.day) if a else None
    settings = {"PREFER_DATES_FROM": "past"}
    if base:
        settings["RELATIVE_BASE"] = base
    try:
        found = search_dates(text, languages=["fr"], settings=settings) or []
    except Exception as exc:  # dateparser raises many unrelated types on odd input
        log.warning("dateparser failed: %s", exc)
        return []
    out = []
    for expression, dt in found:
        out.append((expression, _precision_value(dt, expression)))
    return out
