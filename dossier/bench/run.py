"""``run_bench``: speed and memory of the dossier pipeline against a bare ``nlp.pipe``.

Sections of the (JSON-serialisable) result:

- ``throughput``: the whole pipeline (``process_many`` with ``build_nlp()``: cleaning, the model
  and dossier's components, records) and a bare ``nlp.pipe`` of the same spaCy model over the same
  texts, alternating, ``repeats`` times; articles/s, tokens/s and the pipeline/bare ratio. An
  article the pipeline fails on is counted and named in ``failed`` (source, stage, error).
- ``stages``: seconds per stage (clean, tokenizer, each pipe component, records) on the articles
  that did not fail.
- ``scaling``: synthetic corpora of ``base × size`` articles, each run in a fresh subprocess
  (``dossier.bench.worker``) so its peak RSS is that run's own.
- ``queries``: p50/p95 latency of timeline / search / entity queries on a store holding
  ``db_articles`` synthetic articles written directly (no NLP), or ``status: not available``.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from dossier.bench.report import format_bench  # noqa: F401  (re-exported)
from dossier.bench.synth import PERSONS, PLACES, generate, synthetic_records
from dossier.config import Settings
from dossier.errors import DossierError
from dossier.models import Article, ArticleFailure

log = logging.getLogger(__name__)

DEFAULTS = {"base": 5, "corpus": 20, "db_articles": 100_000, "queries": 20, "workers_articles": 244}
QUICK = {"base": 2, "corpus": 6, "db_articles": 10_000, "queries": 5, "sizes": (1, 10), "workers_articles": 48}


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def _time(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def _cpu(fn) -> float:
    c0 = time.process_time()
    fn()
    return time.process_time() - c0


def _times(fn) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) of ``fn()``. On a shared machine the CPU
    time of a single-threaded run is the steadier measure: other jobs stretch the wall clock."""
    t0, c0 = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - t0, time.process_time() - c0


# -- throughput ---------------------------------------------------------------------------------
def throughput(articles: list[Article], nlp, bare, repeats: int, batch_size: int) -> dict[str, Any]:
    from dossier.pipeline import process_many

    texts = [a.raw_text for a in articles]
    list(process_many(articles[:1], nlp))  # warm-up (lazy loads, caches)
    list(bare.pipe(texts[:1]))
    tokens = sum(len(doc) for doc in bare.pipe(texts, batch_size=batch_size))
    failed: list[ArticleFailure] = []
    runs: dict[str, list[tuple[float, float]]] = {"pipeline": [], "bare": []}

    def pipeline_run():
        failed[:] = [r for r in process_many(articles, nlp, batch_size=batch_size) if isinstance(r, ArticleFailure)]

    for r in range(repeats):
        order = ("pipeline", "bare") if r % 2 == 0 else ("bare", "pipeline")
        for name in order:
            if name == "pipeline":
                runs[name].append(_times(pipeline_run))
            else:
                runs[name].append(_times(lambda: list(bare.pipe(texts, batch_size=batch_size))))
    out: dict[str, Any] = {"articles": len(articles), "tokens": tokens, "repeats": repeats,
                           "failed": [{"source": f.article.source, "component": f.component, "error": f.error}
                                      for f in failed]}
    for name, times in runs.items():
        best = statistics.median(t for t, _ in times)
        cpu = statistics.median(c for _, c in times)
        out[name] = {"seconds_median": round(best, 3), "seconds_all": [round(t, 3) for t, _ in times],
                     "cpu_seconds_median": round(cpu, 3),
                     "articles_per_s": round(len(articles) / best, 2), "tokens_per_s": round(tokens / best, 1)}
    out["ratio_pipeline_to_bare"] = round(out["pipeline"]["articles_per_s"] / out["bare"]["articles_per_s"], 3)
    out["ratio_cpu"] = round(out["bare"]["cpu_seconds_median"] / max(1e-9, out["pipeline"]["cpu_seconds_median"]), 3)
    out["load_average"] = round(os.getloadavg()[0], 2)
    return out


def stages(articles: list[Article], nlp, batch_size: int) -> dict[str, float]:
    """CPU seconds per stage (steadier than the wall clock on a shared machine): clean, tokenizer
    (+ doc setup), each pipe component, records."""
    from dossier.clean import clean_text
    from dossier.pipeline import _prepare, _records, pipeline_version

    out: dict[str, float] = {}
    out["clean"] = _cpu(lambda: [clean_text(a.raw_text, title=a.title) for a in articles])
    prepared: list = []
    prepare = _cpu(lambda: prepared.extend(_prepare(a, nlp) for a in articles))
    out["tokenizer"] = max(0.0, prepare - out["clean"])
    docs = [doc for _, doc in prepared]
    for name, proc in nlp.pipeline:
        t0 = time.process_time()
        if hasattr(proc, "pipe"):
            docs = list(proc.pipe(docs, batch_size=batch_size))
        else:
            docs = [proc(d) for d in docs]
        out[name] = time.process_time() - t0
    version = pipeline_version(nlp)
    out["records"] = _cpu(lambda: [_records(a, c, d, version)
                                    for a, (c, _), d in zip(articles, prepared, docs)])
    return {k: round(v, 4) for k, v in out.items()}


# -- scaling ------------------------------------------------------------------------------------
def scaling(base: int, sizes: tuple[int, ...], model: str, seed: int = 0) -> list[dict[str, Any]]:
    rows = []
    for size in sizes:
        n = base * size
        root = str(Path(__file__).resolve().parents[2])  # so the child imports this very package
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH")) if p)}
        proc = subprocess.run([sys.executable, "-m", "dossier.bench.worker", str(n), str(seed), model],
                              capture_output=True, text=True, check=False, env=env)
        if proc.returncode != 0:
            tail = (proc.stderr.strip().splitlines() or ["?"])[-1]
            rows.append({"size": size, "articles": n, "status": f"failed: {tail}"})
            continue
        m = json.loads(proc.stdout.strip().splitlines()[-1])
        m.update(size=size, articles_per_s=round(n / m["seconds"], 2) if m["seconds"] else None)
        rows.append(m)
    return rows


# -- query latency ------------------------------------------------------------------------------
def _storylines(events: list[tuple[int, Any]]) -> list[dict[str, Any]]:
    """One storyline per (type, date, place) among the synthetic events (event row ids given)."""
    groups: dict[tuple, dict[str, Any]] = {}
    for event_id, ev in events:
        key = (ev.type, ev.date, ev.place_id)
        g = groups.get(key)
        if g is None:
            g = groups[key] = {"id": f"s{len(groups) + 1}", "type": ev.type, "plover": ev.plover,
                               "date": ev.date, "place_id": ev.place_id, "place_name": ev.place_name,
                               "status": "held", "participants": {}, "event_ids": [], "n_articles": 0}
        g["event_ids"].append(event_id)
        for p in ev.participants:
            g["participants"][p.entity_id] = {"entity_id": p.entity_id, "name": p.name}
    out = []
    for g in groups.values():
        g["participants"] = list(g["participants"].values())
        g["n_articles"] = len(g["event_ids"])
        out.append(g)
    return out


def build_query_db(db: str, n: int, seed: int = 0) -> dict[str, Any]:
    """Write ``n`` synthetic articles' records straight into a fresh store at ``db`` (a SQLite
    path or a PostgreSQL URL selecting an empty schema)."""
    from dossier.store import open_store

    settings = Settings().with_(db=db)
    events: list[tuple[int, Any]] = []

    def records():
        for rec in synthetic_records(n, seed):
            for ev in rec.events:  # a fresh table numbers rows 1, 2, ... in insertion order
                events.append((len(events) + 1, ev))
            yield rec

    t0 = time.perf_counter()
    with open_store(settings) as store:
        store.add_many(records())
        storylines = _storylines(events)
        store.replace_storylines(storylines)
        store.analyze()  # what autovacuum / PRAGMA optimize would do on a live database
        size = store.size_bytes()
    return {"articles": n, "events": len(events), "storylines": len(storylines),
            "build_seconds": round(time.perf_counter() - t0, 1), "db_mb": round(size / 2**20, 1)}


def _latencies(db: str, queries: int, seed: int, persons: list[tuple[str, str]] | None = None,
               places: list[str] | None = None) -> dict[str, Any]:
    """p50/p95 of the reading queries; ``persons`` (id, surname) and ``places`` (names) asked
    about: by default the one-story generator's."""
    from dossier.store import open_store

    rng = random.Random(seed)
    persons = list(persons or [(pid, surname) for pid, _, surname, _ in PERSONS])
    places = places or [name for _, name in PLACES]
    words = ["cessez-le-feu", "sanctions", "prisonniers", "garanties", "trêve", "souveraineté",
             "négociations", "drones", "plan de paix"]
    cases = {
        "timeline_actor": lambda s: s.timeline(actor=rng.choice(persons)[0], limit=100),
        "timeline_dates": lambda s: s.timeline(date_from=f"2025-{(m := rng.randrange(1, 11)):02d}",
                                               date_to=f"2025-{m + 1:02d}", limit=100),
        "search": lambda s: s.search(f"{rng.choice(words)} {rng.choice(places)}", limit=20),
        "entity": lambda s: s.entity(rng.choice(persons)[1]),
    }
    out: dict[str, Any] = {"queries_each": queries}
    with open_store(Settings().with_(db=db), readonly=True) as store:
        # only the persons the database holds once are asked about (a surname it lacks or holds
        # twice is refused at once, which times no lookup): all of them if it holds none
        held = [p for p in persons if _resolves(store, p[1])]
        out["persons_asked"] = len(held) if held else len(persons)
        persons[:] = held or persons
        for name, fn in cases.items():
            times, errors = [], 0
            for i in range(queries + 1):  # the first call warms the page cache
                t0 = time.perf_counter()
                try:
                    fn(store)
                except DossierError:
                    errors += 1
                if i:
                    times.append((time.perf_counter() - t0) * 1000)
            out[name] = {"p50_ms": round(_percentile(times, 0.5), 2),
                         "p95_ms": round(_percentile(times, 0.95), 2), "errors": errors}
    return out


def _resolves(store, surname: str) -> bool:
    """Whether ``Store.entity`` finds one entity for this name."""
    try:
        store.entity(surname)
    except DossierError:
        return False
    return True


def query_latency(n: int, queries: int, seed: int = 0, db_dir: str | None = None,
                  postgres: str | None = None) -> dict[str, Any]:
    """p50/p95 of the reading queries on ``n`` synthetic articles, in a temporary SQLite file or,
    with ``postgres`` (a server URL), in a scratch schema of that database (dropped after)."""
    if postgres:
        from dossier.store.postgres import scratch_schema

        with scratch_schema(postgres, "dossier_bench") as url:
            built = build_query_db(url, n, seed)
            return {"database": {**built, "backend": "postgresql"}, **_latencies(url, queries, seed)}
    with tempfile.TemporaryDirectory(dir=db_dir) as tmp:
        path = str(Path(tmp) / "bench.db")
        built = build_query_db(path, n, seed)
        return {"database": {**built, "backend": "sqlite"}, **_latencies(path, queries, seed)}


# -- the benchmark ------------------------------------------------------------------------------
def run_bench(settings: Settings | None = None, texts: list[str] | None = None, repeats: int = 3,
              sizes: tuple[int, ...] = (1, 10, 100), quick: bool = False, base: int | None = None,
              db_articles: int | None = None, seed: int = 0, nlp=None, bare=None,
              corpora: tuple[str, ...] = (), workers: int = 0, workers_articles: int | None = None,
              postgres: str | None = None) -> dict[str, Any]:
    """Measure the pipeline against bare spaCy (see the module docstring). ``quick`` shrinks every
    size (a smoke run of well under a minute plus the database build). ``nlp`` / ``bare`` reuse
    already loaded pipelines (the full one and the bare model). ``corpora``: folders of real
    articles measured the same way (``corpora`` section). ``workers`` > 1: 1 vs ``workers``
    processes on ``workers_articles`` real-length articles (``workers`` section). ``postgres``: a
    PostgreSQL server URL; the workers' ingest and the query latencies are measured there too
    (in scratch schemas, dropped after)."""
    import spacy

    from dossier.bench.corpus import read_corpus, replicate
    from dossier.pipeline import build_nlp, pipeline_version

    settings = settings or Settings()
    conf = {**DEFAULTS, **(QUICK if quick else {})}
    if quick:
        # fewer and smaller sizes, but still alternating repetitions: one run of a few articles is noise
        sizes = tuple(s for s in sizes if s in QUICK["sizes"]) or QUICK["sizes"]
    base = base or conf["base"]
    db_articles = db_articles if db_articles is not None else conf["db_articles"]
    articles = ([Article(raw_text=t, source=f"text:{i}") for i, t in enumerate(texts)] if texts
                else generate(conf["corpus"], seed, long=True))
    real = {folder: read_corpus(folder, settings) for folder in corpora}
    started = time.perf_counter()
    nlp = nlp if nlp is not None else build_nlp(settings)
    bare = bare if bare is not None else spacy.load(settings.model)
    result: dict[str, Any] = {
        "meta": {"date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                 "cpus": os.cpu_count(), "load_average": [round(x, 2) for x in os.getloadavg()],
                 "python": platform.python_version(), "spacy": spacy.__version__,
                 "model": settings.model, "pipeline_version": pipeline_version(nlp),
                 "components": list(nlp.pipe_names), "quick": quick, "batch_size": settings.batch_size,
                 "corpus": "texts given" if texts else f"{len(articles)} real-length synthetic articles"},
    }

    def measured(items: list[Article]) -> dict[str, Any]:
        out = {"throughput": throughput(items, nlp, bare, repeats, settings.batch_size)}
        failed = {f["source"] for f in out["throughput"]["failed"]}
        out["stages"] = stages([a for a in items if a.source not in failed], nlp, settings.batch_size)
        return out

    log.info("bench: throughput over %d articles", len(articles))
    result.update(measured(articles))
    if real:
        result["corpora"] = {}
        for folder, items in real.items():
            log.info("bench: throughput over %d articles of %s", len(items), folder)
            result["corpora"][folder] = measured(items)
    del bare
    if workers > 1:
        from dossier.bench.workers import run_workers

        n = workers_articles or conf["workers_articles"]
        pool = [a for items in real.values() for a in items] or generate(conf["corpus"], seed + 1, long=True)
        log.info("bench: 1 vs %d workers on %d articles", workers, n)
        result["workers"] = run_workers(replicate(pool, n), workers=(1, workers), postgres=postgres)
        result["workers"]["source"] = ", ".join(real) if real else "real-length synthetic"
    log.info("bench: scaling %s x %d articles", sizes, base)
    result["scaling"] = scaling(base, tuple(sizes), settings.model, seed)
    log.info("bench: query latency on %d synthetic articles", db_articles)
    result["queries"] = (query_latency(db_articles, conf["queries"], seed) if db_articles
                         else {"status": "skipped"})
    if postgres and db_articles:
        log.info("bench: query latency on %d synthetic articles in PostgreSQL", db_articles)
        result["queries_postgresql"] = query_latency(db_articles, conf["queries"], seed, postgres=postgres)
    result["meta"]["seconds"] = round(time.perf_counter() - started, 1)
    return result
