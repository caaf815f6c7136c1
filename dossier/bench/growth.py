"""Ingest as the corpus grows: ``dossier bench --growth``.

For each size (0, 1k, 10k, 100k articles) a database holds that many real-length synthetic
articles, their records written directly (no NLP) and the cross-article state built by a full
``rebuild_cross_article`` (so storylines, quote groups, disputes... cover them, as after a real
ingest). Such a database is built once under ``--growth-dir`` (default ``build/growth``, as
``grown-FLOW-N.db``) and reused (copied) by later runs; its build time is reported. Then a batch of 100 other real-length
synthetic articles is ingested through the whole pipeline (one process), and the report gives
the batch's articles/s, the incremental cross-article update's time and share of the batch, and
the reading queries' latencies on the grown database.

The corpus is a news flow of many stories (:mod:`dossier.bench.stories`; ``flow="one-story"``
gives the first generator's single story, which rounds 1 to 5 of docs/benchmarks.md measured):
the stored articles are published over ``n / PER_DAY`` days (at least :data:`MIN_DAYS`) ending
on :data:`LAST_DAY`, and the batch over that span's last :data:`BATCH_DAYS` days, as a daily
ingest would be; the batch continues the stored flow's stories. A grown database is reused only
when the same version of the generator wrote it (:func:`reusable`). (Spreading 100k articles over the 365 days
the generator uses by default would put 270 reports of its few actors on every day: every
storyline, and so every unit, would grow with the corpus, which no news flow does.)
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from dossier.config import Settings

log = logging.getLogger(__name__)
SIZES = (0, 1_000, 10_000, 100_000)
BATCH = 100
SEED = 0  # the stored articles; the batch uses another seed (different articles, same vocabulary)
PER_DAY = 100  # articles a day in the stored flow
MIN_DAYS = 30
BATCH_DAYS = 3
CHUNK = 1_000  # articles per incremental update when a grown database is built
LAST_DAY = dt.date(2025, 12, 31)
FLOW = "stories"  # the generator's flow (dossier.bench.synth.FLOWS); "one-story" is rounds 1-5's


def generator_version(flow: str = FLOW) -> str:
    """What the flow's generator writes: a grown database written by another version of it is
    built again, never reused (its batch would continue other stories, in other words)."""
    if flow == "stories":
        from dossier.bench.stories import VERSION

        return VERSION
    return flow


def reusable(path: Path, flow: str = FLOW) -> dict[str, Any] | None:
    """The build information of the grown database ``path`` when it can be reused: built to
    the end (its ``.json`` written) by this version of the flow's generator; else None."""
    info = path.with_suffix(".json")
    if not path.exists() or not info.exists():
        return None
    try:
        built = json.loads(info.read_text())
    except (OSError, ValueError):
        return None
    return built if isinstance(built, dict) and built.get("generator") == generator_version(flow) else None


def stored_span(n: int) -> tuple[dt.date, int]:
    days = max(MIN_DAYS, n // PER_DAY)
    return LAST_DAY - dt.timedelta(days=days - 1), days


def batch_span() -> tuple[dt.date, int]:
    return LAST_DAY - dt.timedelta(days=BATCH_DAYS - 1), BATCH_DAYS


def build_grown_db(path: Path, n: int, seed: int = SEED, chunk: int = CHUNK, flow: str = FLOW) -> dict[str, Any]:
    """``n`` synthetic articles' records written straight into ``path`` and the cross-article
    state built over them as a daily ingest would build it: the articles in order of
    publication, ``chunk`` at a time, each chunk followed by the incremental update (one chunk
    when ``n <= chunk``: the full rebuild). The build's times (wall, and CPU per chunk)."""
    from dossier.bench.synth import synthetic_records
    from dossier.crossref import update_cross_article
    from dossier.store import open_store

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".building")
    tmp.unlink(missing_ok=True)
    records = sorted(synthetic_records(n, seed, long=True, span=stored_span(n), flow=flow),
                     key=lambda r: r.article.published)
    written = crossref = 0.0
    chunks: list[dict[str, Any]] = []
    counts: dict[str, Any] = {}
    with open_store(Settings().with_(db=str(tmp))) as store:
        for start in range(0, n, chunk):
            t0 = time.perf_counter()
            store.add_many(records[start:start + chunk])
            written += time.perf_counter() - t0
            t0, c0 = time.perf_counter(), time.process_time()
            counts = update_cross_article(store) or {}
            crossref += time.perf_counter() - t0
            chunks.append({"articles": start + chunk, "seconds": round(time.perf_counter() - t0, 1),
                           "cpu_seconds": round(time.process_time() - c0, 1),
                           **{k: v for k, v in counts.items() if k.endswith(("_candidates", "_decisions", "_recomputed"))}})
            log.info("growth: %d articles stored, update %.1f s (%.1f s CPU)", min(n, start + chunk),
                     chunks[-1]["seconds"], chunks[-1]["cpu_seconds"])
            path.with_suffix(".progress.json").write_text(json.dumps(chunks, indent=1))
        store.analyze()
    info = {"articles": n, "flow": flow, "generator": generator_version(flow), "write_seconds": round(written, 1), "crossref_build_seconds": round(crossref, 1),
            "crossref_build_cpu_seconds": round(sum(c["cpu_seconds"] for c in chunks), 1),
            "built_by": f"chronological incremental updates of {chunk} articles", "chunks": chunks,
            "crossref": {k: v for k, v in counts.items() if not k.endswith("_seconds")}}  # the last update's
    tmp.rename(path)
    path.with_suffix(".json").write_text(json.dumps(info, indent=1))
    path.with_suffix(".progress.json").unlink(missing_ok=True)
    return info


def _batch_folder(folder: Path, n: int, seed: int, flow: str = FLOW) -> Path:
    """The batch as text files and a manifest giving each its publication day (as a crawl would)."""
    from dossier.bench.synth import generate

    folder.mkdir(parents=True, exist_ok=True)
    lines = []
    for i, article in enumerate(generate(n, seed, long=True, span=batch_span(), flow=flow)):
        name = f"{i:04d}.txt"
        (folder / name).write_text(article.raw_text, encoding="utf-8")
        lines.append(json.dumps({"file": f"{folder.name}/{name}", "published": article.published, "outlet": article.outlet}))
    manifest = folder.parent / f"{folder.name}.jsonl"
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return manifest


def growth(sizes: tuple[int, ...] = SIZES, batch: int = BATCH, growth_dir: str = "build/growth",
           queries: int = 20, seed: int = SEED, flow: str = FLOW) -> list[dict[str, Any]]:
    """One row per size: the stored database, the batch's ingest and the query latencies."""
    from dossier.bench.run import _latencies
    from dossier.ingest import ingest

    root = Path(growth_dir)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        texts = Path(tmp) / "batch"
        manifest = _batch_folder(texts, batch, seed + 1000, flow)
        warm = Path(tmp) / "warm"
        _batch_folder(warm, 2, seed + 2000)
        ingest([str(warm)], Settings().with_(db=str(Path(tmp) / "warm.db")))  # model and KB loaded once
        for n in sizes:
            cached = root / f"grown-{flow}-{n}.db"
            built = reusable(cached, flow)
            if built is not None:
                built["reused"] = True
            else:
                log.info("growth: building a database of %d articles under %s", n, root)
                built = build_grown_db(cached, n, seed, flow=flow)
            db = Path(tmp) / f"run-{n}.db"
            shutil.copyfile(cached, db)
            log.info("growth: ingesting %d articles into %d", batch, n)
            t0, c0 = time.perf_counter(), time.process_time()
            summary = ingest([str(texts)], Settings().with_(db=str(db)), manifest=str(manifest))
            seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
            update = summary.crossref or {}
            cross, cross_cpu = update.get("seconds"), update.get("cpu_seconds")
            rows.append({
                "size": n, "flow": flow, "days": stored_span(n)[1], "database": built, "batch": batch, "new": summary.new, "seconds": round(seconds, 1),
                "articles_per_s": round(summary.new / seconds, 2) if seconds else None,
                "crossref_seconds": cross, "crossref_share": round(cross / seconds, 3) if cross else None,
                "cpu_seconds": round(cpu, 1), "crossref_cpu_seconds": cross_cpu,
                "crossref_cpu_share": round(cross_cpu / cpu, 3) if cross_cpu and cpu else None,
                "crossref": {k: v for k, v in update.items() if k.endswith(("_recomputed", "_candidates", "_decisions", "_new"))},
                "queries": _latencies(str(db), queries, seed, *_asked(flow)),
            })
            db.unlink()
    return rows


def _asked(flow: str) -> tuple[list[tuple[str, str]] | None, list[str] | None]:
    """The persons (id, surname) and places the reading queries ask about in this flow."""
    if flow != "stories":
        return None, None
    from dossier.bench.stories import _states

    states = _states()
    return ([(a.id, a.forms[-1]) for s in states for a in s["persons"]], [s["capital"][1] for s in states])


def format_growth(rows: list[dict[str, Any]]) -> str:
    """The growth table: wall and CPU seconds of the batch (one process: the NLP and the update)
    and of its cross-article update, the update's share, its event decisions and the records it
    recomputed, and the reading queries' latencies."""
    out = ["| stored articles | state build (s) | batch articles/s | batch s (CPU s) | cross-article update s (CPU s) "
           "| share (of CPU) | event candidates / decisions | recomputed events / quotes | timeline p50/p95 ms | search p50/p95 ms "
           "| entity p50/p95 ms |",
           "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        q = r["queries"]

        def lat(name):
            return f"{q[name]['p50_ms']} / {q[name]['p95_ms']}"

        b, c = r["database"], r.get("crossref") or {}
        build = f"{b.get('crossref_build_seconds', 0)}" + (" (reused)" if b.get("reused") else "")
        out.append(f"| {r['size']:,} | {build} | {r['articles_per_s']} | {r['seconds']} ({r.get('cpu_seconds')}) "
                   f"| {r['crossref_seconds']} ({r.get('crossref_cpu_seconds')}) "
                   f"| {100 * (r['crossref_share'] or 0):.1f} % ({100 * (r.get('crossref_cpu_share') or 0):.1f} %) "
                   f"| {c.get('events_candidates', 0):,} / {c.get('events_decisions', 0):,} "
                   f"| {c.get('events_recomputed', 0):,} / "
                   f"{c.get('quotes_recomputed', 0):,} | {lat('timeline_actor')} | {lat('search')} | {lat('entity')} |")
    return "\n".join(out)
