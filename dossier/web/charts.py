"""Geometry for the pages: timeline groups on a time axis, places on an equirectangular map.

Pure functions returning numbers and labels; the templates draw them as inline SVG (no script,
no tiles, no external resource).
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

GROUPINGS = ("day", "week", "month")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})")


def period_start(value: str | None) -> tuple[dt.date | None, str]:
    """First day of an ISO date/month/year/week value and its precision (day|week|month|year)."""
    if not value:
        return None, "none"
    m = _WEEK.match(value)
    try:
        if m:
            return dt.date.fromisocalendar(int(m[1]), int(m[2]), 1), "week"
        m = _DATE.match(value)
        if not m:
            return None, "none"
        if m[3]:
            return dt.date(int(m[1]), int(m[2]), int(m[3])), "day"
        if m[2]:
            return dt.date(int(m[1]), int(m[2]), 1), "month"
        return dt.date(int(m[1]), 1, 1), "year"
    except ValueError:
        return None, "none"


def group_key(value: str | None, by: str) -> tuple[str, str]:
    """(sort key, label) of the group a date falls in; a date vaguer than the grouping keeps its
    own precision (a month-precise event is not forced onto a day)."""
    start, precision = period_start(value)
    if start is None:
        return "~undated", "undated"
    rank = {"day": 0, "week": 1, "month": 2, "year": 3}
    level = by if rank[precision] <= rank[by] else precision
    if level == "day":
        return start.isoformat(), start.isoformat()
    if level == "week":
        year, week, _ = start.isocalendar()
        monday = dt.date.fromisocalendar(year, week, 1)
        return monday.isoformat(), f"{year}-W{week:02d} (from {monday.isoformat()})"
    if level == "month":
        return start.strftime("%Y-%m"), start.strftime("%Y-%m")
    return str(start.year), str(start.year)


@dataclass
class Group:
    key: str
    label: str
    anchor: str
    items: list[Any] = field(default_factory=list)  # rows (dicts) or objects with a ``date``
    x: float = 0.0


@dataclass
class Axis:
    width: int
    height: int
    groups: list[Group]
    ticks: list[tuple[float, str]]


def timeline_groups(rows: list[Any], by: str = "day", width: int = 900) -> Axis:
    groups: dict[str, Group] = {}
    for r in rows:
        key, label = group_key(r.get("date") if isinstance(r, dict) else getattr(r, "date", None), by)
        g = groups.get(key)
        if g is None:
            g = groups[key] = Group(key, label, "g-" + re.sub(r"[^0-9A-Za-z-]", "", key) or "g-undated")
        g.items.append(r)
    ordered = sorted(groups.values(), key=lambda g: g.key)
    dated = [(g, period_start(g.key)[0]) for g in ordered if not g.key.startswith("~")]
    margin = 40
    ticks: list[tuple[float, str]] = []
    if dated:
        first, last = dated[0][1], dated[-1][1]
        span = max((last - first).days, 1)
        for g, d in dated:
            g.x = margin + (d - first).days / span * (width - 2 * margin) if len(dated) > 1 else width / 2
        n = min(6, len(dated))
        for i in range(n):
            day = first + dt.timedelta(days=round(i * span / max(n - 1, 1)))
            x = margin + (day - first).days / span * (width - 2 * margin) if len(dated) > 1 else width / 2
            ticks.append((x, day.isoformat()))
    for g in ordered:
        if g.key.startswith("~"):
            g.x = width - 10
    return Axis(width, 90, ordered, ticks)


@dataclass
class MapPoint:
    x: float
    y: float
    r: float
    item: dict[str, Any]


@dataclass
class MapView:
    width: int
    height: int
    points: list[MapPoint]
    graticule: list[tuple[str, float, float, float, float, str]]  # (kind, x1, y1, x2, y2, label)
    outlines: list[str] = field(default_factory=list)  # SVG path data of country borders in view


COUNTRIES = Path(__file__).resolve().parent / "data" / "countries-110m.json"


@lru_cache(maxsize=1)
def country_rings() -> tuple[tuple[tuple[float, float, float, float], tuple[tuple[float, float], ...]], ...]:
    """Country outlines (Natural Earth 1:110m, TopoJSON) as ((lon0, lat0, lon1, lat1), ring) pairs;
    empty when the data file is absent."""
    try:
        topo = json.loads(COUNTRIES.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ()
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)

    def ring(indexes):
        out: list[tuple[float, float]] = []
        for i in indexes:
            pts = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(pts if not out else pts[1:])
        return tuple(out)

    rings = []
    for geom in topo["objects"]["countries"]["geometries"]:
        polygons = geom.get("arcs") or []
        if geom.get("type") == "Polygon":
            polygons = [polygons]
        for polygon in polygons:
            for indexes in polygon:
                r = ring(indexes)
                if len(r) > 2:
                    lons, lats = [p[0] for p in r], [p[1] for p in r]
                    rings.append(((min(lons), min(lats), max(lons), max(lats)), r))
    return tuple(rings)


def project(places: list[dict[str, Any]], width: int = 900, height: int = 520) -> MapView:
    """Equirectangular projection of places with lat/lon, zoomed to their bounding box."""
    pts = [p for p in places if p.get("lat") is not None and p.get("lon") is not None]
    if pts:
        lat0, lat1 = min(p["lat"] for p in pts), max(p["lat"] for p in pts)
        lon0, lon1 = min(p["lon"] for p in pts), max(p["lon"] for p in pts)
    else:
        lat0, lat1, lon0, lon1 = 35.0, 70.0, -10.0, 60.0
    pad = 3.0
    lat0, lat1, lon0, lon1 = max(lat0 - pad, -90), min(lat1 + pad, 90), max(lon0 - pad, -180), min(lon1 + pad, 180)
    # keep the aspect of degrees (equirectangular): widen the narrower side
    span_lon, span_lat = lon1 - lon0, lat1 - lat0
    ratio = width / height
    if span_lon / span_lat < ratio:
        extra = span_lat * ratio - span_lon
        lon0, lon1 = lon0 - extra / 2, lon1 + extra / 2
    else:
        extra = span_lon / ratio - span_lat
        lat0, lat1 = lat0 - extra / 2, lat1 + extra / 2

    def xy(lat: float, lon: float) -> tuple[float, float]:
        return ((lon - lon0) / (lon1 - lon0) * width, (lat1 - lat) / (lat1 - lat0) * height)

    most = max((p.get("events") or 1 for p in pts), default=1)
    points = []
    for p in pts:
        x, y = xy(p["lat"], p["lon"])
        points.append(MapPoint(round(x, 1), round(y, 1), round(4 + 10 * ((p.get("events") or 1) / most) ** 0.5, 1), p))
    grid = []
    step = 5 if max(lon1 - lon0, lat1 - lat0) <= 60 else 15
    lon = (int(lon0) // step + 1) * step
    while lon < lon1:
        x, _ = xy(lat0, lon)
        grid.append(("lon", round(x, 1), 0.0, round(x, 1), float(height), f"{lon}°"))
        lon += step
    lat = (int(lat0) // step + 1) * step
    while lat < lat1:
        _, y = xy(lat, lon0)
        grid.append(("lat", 0.0, round(y, 1), float(width), round(y, 1), f"{lat}°"))
        lat += step
    outlines = []
    for (a, b, c, d), ring in country_rings():
        if c < lon0 or a > lon1 or d < lat0 or b > lat1:
            continue
        coords = [xy(lat, lon) for lon, lat in ring]
        outlines.append("M" + " L".join(f"{x:.1f} {y:.1f}" for x, y in coords) + " Z")
    return MapView(width, height, points, grid, outlines)
