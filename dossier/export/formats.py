"""Exports of a whole dossier: one JSON document, CSV or Parquet tables (one per record type),
PLOVER-style JSON Lines of events.

Every function reads from the store's read-only views and writes files; nothing is recomputed.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dossier.errors import DossierError
from dossier.models import Event, Participant
from dossier.store import schema

log = logging.getLogger(__name__)

FORMAT_ID = "dossier-export/1"
FORMATS = ("json", "csv", "parquet", "plover")
TABLES = ("articles", "entities", *schema.RECORD_TABLES, "storylines", "storyline_sources", "crossref")


def export_document(store) -> dict[str, Any]:
    """The whole dossier as one JSON-ready document: articles with all their records nested,
    entities, storylines (with their source event ids) and cross-article results by kind."""
    records: dict[int, dict[str, list]] = {}
    for table in schema.RECORD_TABLES:
        for row in store.export_rows(table):
            records.setdefault(row["article_id"], {}).setdefault(table, []).append(_strip(row))
    articles = []
    for art in store.export_rows("articles"):
        art.update({t: records.get(art["id"], {}).get(t, []) for t in schema.RECORD_TABLES})
        articles.append(art)
    sources: dict[str, list[int]] = {}
    for row in store.export_rows("storyline_sources"):
        sources.setdefault(row["storyline_id"], []).append(row["event_id"])
    storylines = [{**s, "event_ids": sources.get(s["id"], [])} for s in store.export_rows("storylines")]
    crossref: dict[str, list] = {}
    for row in store.export_rows("crossref"):
        crossref.setdefault(row["kind"], []).append(row["payload"])
    return {
        "format": FORMAT_ID,
        "generated_at": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
        "articles": articles,
        "entities": list(store.export_rows("entities")),
        "storylines": storylines,
        "crossref": crossref,
    }


def _strip(row: dict[str, Any]) -> dict[str, Any]:
    """A record row for nesting under its article: keeps its stored id and index."""
    return {k: v for k, v in row.items() if k != "article_id"}


def write_json(store, path: Path) -> Path:
    path = _file(path, ".json")
    with path.open("w", encoding="utf-8") as fh:
        json.dump(export_document(store), fh, ensure_ascii=False, indent=1, default=str)
    return path


def _file(path: Path, suffix: str) -> Path:
    path = Path(path)
    if path.is_dir():
        path = path / f"dossier{suffix}"
    if not path.parent.exists():
        raise DossierError(f"{path}: folder {path.parent} does not exist")
    return path


def _folder(path: Path) -> Path:
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise DossierError(f"{path}: exists and is not a folder (CSV/Parquet exports write one file per table)")
    if not path.parent.exists():
        raise DossierError(f"{path}: folder {path.parent} does not exist")
    path.mkdir(exist_ok=True)
    return path


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    """JSON-encode nested values so that a row fits a flat table."""
    return {k: json.dumps(v, ensure_ascii=False, default=str) if isinstance(v, (list, dict)) else v
            for k, v in row.items()}


def write_csv(store, path: Path) -> list[Path]:
    folder = _folder(path)
    written = []
    for table in TABLES:
        rows = store.export_rows(table)
        first = next(rows, None)
        out = folder / f"{table}.csv"
        with out.open("w", encoding="utf-8", newline="") as fh:
            if first is None:
                fh.write("")
            else:
                writer = csv.DictWriter(fh, fieldnames=list(first))
                writer.writeheader()
                writer.writerow(_flat(first))
                for row in rows:
                    writer.writerow(_flat(row))
        written.append(out)
    return written


def write_parquet(store, path: Path) -> list[Path]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = _folder(path)
    written = []
    for table in TABLES:
        rows = [_flat(r) for r in store.export_rows(table)]
        out = folder / f"{table}.parquet"
        if rows:
            columns = {name: [r.get(name) for r in rows] for name in rows[0]}
            arrow = pa.table({name: pa.array(values, type=_arrow_type(values)) for name, values in columns.items()})
        else:
            arrow = pa.table({})
        pq.write_table(arrow, out)
        written.append(out)
    return written


def _arrow_type(values: list[Any]):
    import pyarrow as pa

    kinds = {type(v) for v in values if v is not None}
    if kinds <= {bool}:
        return pa.bool_() if kinds else pa.string()
    if kinds <= {int}:
        return pa.int64()
    if kinds <= {int, float}:
        return pa.float64()
    if kinds <= {bytes}:
        return pa.binary()
    return pa.string()


def plover_records(store) -> Iterator[dict[str, Any]]:
    """Every stored event as a PLOVER-style dict (``dossier.events.plover.to_plover``)."""
    from dossier.events.plover import to_plover

    kb = {e["id"]: e for e in store.export_rows("entities")}
    articles = {a["id"]: a for a in store.export_rows("articles")}
    for row in store.export_rows("events"):
        art = articles.get(row["article_id"], {})
        event = _event(row)
        rec = to_plover(event, {"key": str(row["article_id"]), "id": row["article_id"], "url": art.get("url"),
                                "published": art.get("published"), "outlet": art.get("outlet"),
                                "title": art.get("title")}, kb=kb or False)
        rec["article_id"] = row["article_id"]
        rec["event_row_id"] = row["id"]
        yield rec


def _event(row: dict[str, Any]) -> Event:
    import dataclasses

    names = {f.name for f in dataclasses.fields(Event)}
    kwargs = {k: v for k, v in row.items() if k in names}
    kwargs["participants"] = [Participant(**p) for p in kwargs.get("participants") or []]
    return Event(**kwargs)


def write_plover(store, path: Path) -> Path:
    path = _file(path, ".plover.jsonl")
    with path.open("w", encoding="utf-8") as fh:
        for rec in plover_records(store):
            fh.write(json.dumps(rec, ensure_ascii=False, default=str) + "\n")
    return path


def export(store, fmt: str, path: str | Path) -> list[Path]:
    """Write the dossier in ``fmt`` (json | csv | parquet | plover) to ``path``; returns the files."""
    if fmt not in FORMATS:
        raise DossierError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")
    path = Path(path)
    writer = {"json": lambda: [write_json(store, path)], "plover": lambda: [write_plover(store, path)],
              "csv": lambda: write_csv(store, path), "parquet": lambda: write_parquet(store, path)}[fmt]
    try:
        return writer()
    except OSError as exc:  # disk full, read-only folder, a device that refuses writes
        raise DossierError(f"{path}: cannot write ({exc.strerror or type(exc).__name__})") from None
