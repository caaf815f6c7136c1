"""Ingest as the corpus grows: ``dossier bench --growth``.

For each size (0, 1k, 10k, 100k articles) a database holds that many real-length synthetic
articles, their records written directly (no NLP) and the cross-article state built by a full
``rebuild_cross_article`` (so storylines, quote groups, disputes... cover them, as after a real
ingest). Such a database is built once under ``--growth-dir`` (default ``build/growth``) and
reused (copied) by later runs; its build time is reported. Then a batch of 100 other real-length
synthetic articles is ingested through the whole pipeline (one process), and the report gives
the batch's articles/s, the incremental cross-article update's time and share of the batch, and
the reading queries' latencies on the grown database.
"""
from __future__ import annotations

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


def build_grown_db(path: Path, n: int, seed: int = SEED) -> dict[str, Any]:
    """``n`` synthetic articles' records written straight into ``path`` and the cross-article
    state built over them (the full rebuild): the build's times."""
    from dossier.bench.synth import synthetic_records
    from dossier.crossref import rebuild_cross_article
    from dossier.store import open_store

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".building")
    tmp.unlink(missing_ok=True)
    t0 = time.perf_counter()
    with open_store(Settings().with_(db=str(tmp))) as store:
        store.add_many(synthetic_records(n, seed, long=True))
        written = time.perf_counter() - t0
        counts = rebuild_cross_article(store) if n else {}
        store.analyze()
    info = {"articles": n, "write_seconds": round(written, 1),
            "crossref_build_seconds": round(time.perf_counter() - t0 - written, 1),
            "crossref": {k: v for k, v in counts.items() if not k.endswith("_seconds")}}
    tmp.rename(path)
    path.with_suffix(".json").write_text(json.dumps(info, indent=1))
    return info


def _batch_folder(folder: Path, n: int, seed: int) -> None:
    from dossier.bench.synth import generate

    folder.mkdir(parents=True, exist_ok=True)
    for i, article in enumerate(generate(n, seed, long=True)):
        (folder / f"{i:04d}.txt").write_text(article.raw_text, encoding="utf-8")


def growth(sizes: tuple[int, ...] = SIZES, batch: int = BATCH, growth_dir: str = "build/growth",
           queries: int = 20, seed: int = SEED) -> list[dict[str, Any]]:
    """One row per size: the stored database, the batch's ingest and the query latencies."""
    from dossier.bench.run import _latencies
    from dossier.ingest import ingest

    root = Path(growth_dir)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        texts = Path(tmp) / "batch"
        _batch_folder(texts, batch, seed + 1000)
        warm = Path(tmp) / "warm"
        _batch_folder(warm, 2, seed + 2000)
        ingest([str(warm)], Settings().with_(db=str(Path(tmp) / "warm.db")))  # model and KB loaded once
        for n in sizes:
            cached = root / f"grown-{n}.db"
            if cached.exists() and cached.with_suffix(".json").exists():
                built = json.loads(cached.with_suffix(".json").read_text())
                built["reused"] = True
            else:
                log.info("growth: building a database of %d articles under %s", n, root)
                built = build_grown_db(cached, n, seed)
            db = Path(tmp) / f"run-{n}.db"
            shutil.copyfile(cached, db)
            log.info("growth: ingesting %d articles into %d", batch, n)
            t0 = time.perf_counter()
            summary = ingest([str(texts)], Settings().with_(db=str(db)))
            seconds = time.perf_counter() - t0
            update = summary.crossref or {}
            cross = update.get("seconds")
            rows.append({
                "size": n, "database": built, "batch": batch, "new": summary.new, "seconds": round(seconds, 1),
                "articles_per_s": round(summary.new / seconds, 2) if seconds else None,
                "crossref_seconds": cross, "crossref_share": round(cross / seconds, 3) if cross else None,
                "crossref": {k: v for k, v in update.items() if k.endswith(("_recomputed", "_decisions", "_new"))},
                "queries": _latencies(str(db), queries, seed),
            })
            db.unlink()
    return rows


def format_growth(rows: list[dict[str, Any]]) -> str:
    out = ["| stored articles | state build (s) | batch articles/s | batch s | cross-article update s | share "
           "| timeline p50/p95 ms | search p50/p95 ms | entity p50/p95 ms |",
           "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        q = r["queries"]

        def lat(name):
            return f"{q[name]['p50_ms']} / {q[name]['p95_ms']}"

        b = r["database"]
        build = f"{b.get('crossref_build_seconds', 0)}" + (" (reused)" if b.get("reused") else "")
        out.append(f"| {r['size']:,} | {build} | {r['articles_per_s']} | {r['seconds']} | {r['crossref_seconds']} "
                   f"| {100 * (r['crossref_share'] or 0):.1f} % | {lat('timeline_actor')} | {lat('search')} "
                   f"| {lat('entity')} |")
    return "\n".join(out)
