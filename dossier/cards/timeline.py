"""The timeline of the story: merged events of the stories' own period, each line with its
independent sources (outlet, headline, date, sentence), its participants and place, and a marker
when its sources disagree. History recalled by the articles (background), lines without a date and
mentions naming no actor and no place are folded apart, so the page opens on the story."""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from dossier.cards.conflicts import ConflictCard, conflicts_by_storyline
from dossier.cards.sources import Source, Sources, outlets
from dossier.claims.wording import attribute_phrase, event_label, status_label
from dossier.store.queries import date_bounds
from dossier.timex.calendar import value_to_date

# History: a line dated (at its latest) this long before the first article that reports it. The
# storyline's own ``background`` flag, when the store has it, decides instead.
BACKGROUND_DAYS = 183
SORTS = ("date", "sources")


def line_anchor(storyline_id: str) -> str:
    """The id of a storyline's line on the timeline page."""
    return "line-" + "".join(c for c in str(storyline_id) if c.isalnum() or c in "-_")


@dataclass
class Line:
    id: str
    date: str | None
    precision: str | None
    label: str  # the kind of event, in words
    status: str | None  # planned, cancelled … in words (None when it was held)
    participants: list[tuple[str, str, str]]  # (entity id, name, role)
    place: tuple[str, str] | None  # (entity id, name)
    sources: list[Source]  # one per article (its first sentence about the event)
    more: dict[int, list[int]] = field(default_factory=dict)  # other sentences per article
    outlets: int = 0  # independent sources
    conflicts: list[ConflictCard] = field(default_factory=list)
    disagreements: list[str] = field(default_factory=list)  # what the sources disagree on, in words
    background: bool = False
    minor: bool = False  # names no actor and no place
    summary: str | None = None

    @property
    def anchor(self) -> str:
        return line_anchor(self.id)

    @property
    def weight(self) -> int:
        """1 to 4, from the number of independent sources (for the line's size)."""
        return min(self.outlets, 4) or 1

    @property
    def disputed(self) -> bool:
        return bool(self.conflicts or self.disagreements)


@dataclass
class TimelineView:
    story: list[Line]
    background: list[Line]
    undated: list[Line]
    minor: list[Line]
    period: tuple[str, str] | None  # first and last day of the story's lines
    total: int

    @property
    def background_span(self) -> tuple[str, str] | None:
        dates = [ln.date[:4] for ln in self.background if ln.date]
        return (min(dates), max(dates)) if dates else None


_SPAN = {"week": 6, "season": 91}


def first_day(value: str | None) -> dt.date | None:
    """The first day an ISO value (day, week, month, season, year, decade) may denote."""
    parsed = value_to_date(value) if value else None
    return parsed[0] if parsed else None


def last_day(value: str | None) -> dt.date | None:
    """The last day an ISO value (day, week, month, season, year, decade) may denote."""
    parsed = value_to_date(value) if value else None
    if parsed is None:
        return None
    first, precision = parsed
    if precision == "month":
        return first.replace(day=calendar.monthrange(first.year, first.month)[1])
    if precision in ("year", "decade"):
        return dt.date(first.year + (9 if precision == "decade" else 0), 12, 31)
    return first + dt.timedelta(days=_SPAN.get(precision, 0))


def is_background(row: dict[str, Any], sources: list[Source]) -> bool:
    """History the articles recall: the storyline's flag, or dated (at its latest) more than
    :data:`BACKGROUND_DAYS` before the first article that reports it."""
    if row.get("background"):  # every source event is history (the events stage decided)
        return True
    end = last_day(row.get("date"))  # else (also rows stored before events carried the flag) by date
    first = min((d for s in sources if (d := last_day(s.published))), default=None)
    return bool(end and first and end < first - dt.timedelta(days=BACKGROUND_DAYS))


def make_line(row: dict[str, Any], sources: Sources, conflicts: list[ConflictCard]) -> Line:
    per_article: dict[int, Source] = {}
    more: dict[int, list[int]] = {}
    for s in row.get("sources") or []:
        aid = s.get("article_id")
        if aid is None:
            continue
        if aid in per_article:
            if s.get("sentence") is not None and s.get("sentence") != per_article[aid].sentence:
                more.setdefault(aid, []).append(s["sentence"])
            continue
        per_article[aid] = sources(aid, s.get("sentence"), s.get("text") or "")
    found = sorted(per_article.values(), key=lambda s: (s.published or "", s.article_id))
    participants = [(p.get("entity_id"), p.get("name") or p.get("entity_id"), p.get("role") or "participant")
                    for p in row.get("participants") or [] if isinstance(p, dict) and p.get("entity_id")]
    place = (row["place_id"], row.get("place_name") or row["place_id"]) if row.get("place_id") else None
    disagreements = [attribute_phrase(d.get("attribute", "").partition(":")[0])
                     for d in row.get("disagreements") or [] if isinstance(d, dict)]
    timeline_line = row.get("timeline_line")
    line = Line(
        id=str(row["id"]), date=row.get("date"), precision=row.get("date_precision"),
        label=event_label(row.get("type"), row.get("plover")), status=status_label(row.get("status")),
        participants=participants, place=place, sources=found, more={k: sorted(set(v)) for k, v in more.items()},
        outlets=outlets(found), conflicts=conflicts,
        disagreements=[] if conflicts else sorted(set(disagreements)),
        minor=not timeline_line if timeline_line is not None else (not participants and place is None),
        summary=row.get("summary"))
    line.background = is_background(row, found)
    return line


def timeline_view(store, actor: str | None = None, type: str | None = None, date_from: str | None = None,
                  date_to: str | None = None, sort: str = "date", min_sources: int = 1,
                  conflicts: list[ConflictCard] | None = None, limit: int = 5000) -> TimelineView:
    """The timeline page's lines (filters as ``store.timeline``; ``min_sources``: keep lines
    reported by at least that many independent sources; ``sort``: by date or by sources)."""
    from dossier.cards.conflicts import conflict_cards

    rows = store.timeline(actor=actor, type=type, date_from=date_from, date_to=date_to, limit=limit)
    sources = Sources(store)
    sources.load(s.get("article_id") for r in rows for s in r.get("sources") or [])
    by_story = conflicts_by_storyline(conflicts if conflicts is not None else conflict_cards(store))
    lines = [make_line(r, sources, by_story.get(str(r["id"]), [])) for r in rows]
    lines = [ln for ln in lines if ln.outlets >= min_sources]
    story = [ln for ln in lines if ln.date and not ln.background and not ln.minor]
    days = [b for ln in story for b in date_bounds(ln.date) if b]
    period = (min(days), max(days)) if days else None
    if sort == "sources":
        story.sort(key=lambda ln: (-ln.outlets, -len(ln.sources), ln.date or "", ln.id))
    undated = sorted((ln for ln in lines if not ln.date and not ln.minor),
                     key=lambda ln: (-ln.outlets, ln.id))
    return TimelineView(
        story=story, background=[ln for ln in lines if ln.background and not ln.minor], undated=undated,
        minor=[ln for ln in lines if ln.minor], period=period, total=len(lines))


def top_events(view: TimelineView, n: int = 10) -> list[Line]:
    """The story's lines most sources report (then the newest)."""
    newest = sorted(view.story, key=lambda ln: (ln.date or "", ln.id), reverse=True)
    return sorted(newest, key=lambda ln: (-ln.outlets, -len(ln.sources)))[:n]
