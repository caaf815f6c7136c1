"""Events of the story vs background, and which events make a timeline line.

An article about this week's talks recalls history ("l'annexion de la Crimée en 2014", "la
guerre qui avait éclaté au printemps 2019"): those events are **background**, dated (by the
text) more than ``BACKGROUND_DAYS`` (half a year) before the article's publication (a year or a
decade from its first day: "en 2024" in March 2025). They stay
records (they are events the text reports), but the timeline folds them and the cross-article
merge keeps them apart (``Event.background``).

An event with neither a participant nor a place says too little to be a line of the timeline
("des frappes", "les combats"): it stays a record with ``Event.timeline_line = False``.
"""
from __future__ import annotations

import calendar
import dataclasses
from datetime import date, timedelta

from dossier.models import Event
from dossier.timex.calendar import value_to_date

BACKGROUND_DAYS = 183  # half a year: a news story reports weeks, recalls the past


def date_end(value: str | None) -> date | None:
    """Last day an ISO value (day, week, month, season, year, decade) may denote."""
    parsed = value_to_date(value) if value else None
    if parsed is None:
        return None
    first, precision = parsed
    if precision == "day":
        return first
    if precision == "week":
        return first + timedelta(days=6)
    if precision == "month":
        return first.replace(day=calendar.monthrange(first.year, first.month)[1])
    if precision == "season":
        return first + timedelta(days=91)
    if precision == "year":
        return date(first.year, 12, 31)
    if precision == "decade":
        return date(first.year + 9, 12, 31)
    return None


COARSE = ("year", "decade")  # precisions that say "some time back then", not "these days"


def is_background(event: Event, published: str | None, days: int = BACKGROUND_DAYS) -> bool:
    """Dated by the text, and over more than ``days`` before the publication date; a year or a
    decade counts from its first day ("en 2024" in an article of March 2025 is history recalled,
    not this week's news)."""
    if not event.date or not published:
        return False
    end, pub, parsed = date_end(event.date), value_to_date(published), value_to_date(event.date)
    if end is None or pub is None:
        return False
    limit = pub[0] - timedelta(days=days)
    return end < limit or bool(parsed and parsed[1] in COARSE and parsed[0] < limit)


def is_timeline_line(event: Event) -> bool:
    return bool(event.participants) or bool(event.place_id)


def mark_story(events: list[Event], published: str | None) -> list[Event]:
    """The events with ``background`` and ``timeline_line`` set."""
    out = []
    for e in events:
        background, line = is_background(e, published), is_timeline_line(e)
        if background != e.background or line != e.timeline_line:
            e = dataclasses.replace(e, background=background, timeline_line=line)
        out.append(e)
    return out


__all__ = ["mark_story", "is_background", "is_timeline_line", "date_end", "BACKGROUND_DAYS"]
