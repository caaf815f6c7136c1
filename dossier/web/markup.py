"""The article reader's markup: the original text cut into sentence regions and segments, each
segment carrying the annotations (entity, date, quote, claim, removed furniture) that cover it.

Pure data; the template escapes every piece of text. Overlapping annotations are handled by
cutting the text at every annotation boundary, so no HTML element ever has to straddle another.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Mark:
    start: int
    end: int
    kind: str  # ent | date | quote | claim | removed
    title: str = ""
    href: str | None = None
    css: str = ""


@dataclass
class Segment:
    text: str
    classes: list[str] = field(default_factory=list)
    title: str = ""
    href: str | None = None


@dataclass
class Region:
    sentence: int | None  # index of the sentence, None for text between sentences
    segments: list[Segment]


def _marks(article: dict[str, Any]) -> list[Mark]:
    marks: list[Mark] = []
    for start, end in article.get("boilerplate") or []:
        marks.append(Mark(start, end, "removed", "removed as page furniture"))
    for m in article.get("mentions") or []:
        marks.append(Mark(m["start"], m["end"], "ent", f"{m.get('entity_name') or ''} ({m.get('entity_type') or m.get('label') or '?'})",
                          href=f"/entities/{m['entity_id']}" if m.get("entity_id") else None,
                          css=f"ent-{m.get('entity_type') or 'other'}"))
    for t in article.get("timexes") or []:
        value = t.get("value") or "?"
        marks.append(Mark(t["start"], t["end"], "date", f"{t.get('type') or 'date'} = {value} ({t.get('precision') or '?'})"))
    for q in article.get("quotes") or []:
        who = q.get("speaker_name") or ("anonymous source" if q.get("anonymous") else "unknown speaker")
        marks.append(Mark(q["start"], q["end"], "quote", f"{q.get('kind') or 'quote'} quote: {who}",
                          css=f"quote-{q.get('kind') or 'direct'}"))
    for c in article.get("claims") or []:
        marks.append(Mark(c["start"], c["end"], "claim",
                          f"{c.get('claimant_name') or 'someone'} {c.get('stance') or 'asserts'} {c.get('proposition') or ''}",
                          css=f"claim-{c.get('stance') or 'asserts'}"))
    return [m for m in marks if isinstance(m.start, int) and isinstance(m.end, int) and m.end > m.start]


def _segments(text: str, lo: int, hi: int, marks: list[Mark]) -> list[Segment]:
    inside = [m for m in marks if m.start < hi and m.end > lo]
    cuts = {lo, hi}
    for m in inside:
        cuts.add(max(lo, m.start))
        cuts.add(min(hi, m.end))
    points = sorted(cuts)
    out: list[Segment] = []
    for a, b in zip(points, points[1:]):
        if a >= b:
            continue
        active = [m for m in inside if m.start <= a and m.end >= b]
        classes, titles, href = [], [], None
        for m in active:
            classes.append(m.kind)
            if m.css:
                classes.append(m.css)
            if m.title and m.title not in titles:
                titles.append(m.title)
            if m.href and href is None:
                href = m.href
        out.append(Segment(text[a:b], classes, " · ".join(titles), href))
    return out


def article_regions(article: dict[str, Any]) -> list[Region]:
    """Cut ``article['raw_text']`` into regions: each stored sentence, and the text between them."""
    text = article.get("raw_text") or ""
    marks = _marks(article)
    sentences = sorted(
        ((i, s["start"], s["end"]) for i, s in enumerate(article.get("sentences") or [])
         if isinstance(s.get("start"), int) and isinstance(s.get("end"), int)),
        key=lambda x: (x[1], x[0]))
    regions: list[Region] = []
    pos = 0
    for index, start, end in sentences:
        start, end = max(start, pos), min(end, len(text))
        if end <= start:
            continue
        if start > pos:
            regions.append(Region(None, _segments(text, pos, start, marks)))
        regions.append(Region(index, _segments(text, start, end, marks)))
        pos = end
    if pos < len(text):
        regions.append(Region(None, _segments(text, pos, len(text), marks)))
    return regions
