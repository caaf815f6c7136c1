"""1 vs N workers: the NLP alone, then the whole ingest (store, then the cross-article update
timed on its own), each configuration in a fresh process as ``dossier ingest --workers N`` runs.

Every figure is measured from a cold start (model loads and worker start-up included) and also
in steady state (articles/s after the first chunk of results); CPU seconds of the process and of
its worker processes and the load average before and after are kept, because on a shared
machine the wall clock alone says little.

``python -m dossier.bench.workers MODE ARTICLES.jsonl N [DB]`` (MODE ``nlp`` or ``ingest``)
writes one JSON object on stdout.
"""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from dossier.models import Article

FIRST = 16  # results after which the steady-state rate is measured (one chunk / one batch)


def _cpu() -> tuple[float, float]:
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, kids.ru_utime + kids.ru_stime


def write_jsonl(articles: list[Article], path: Path) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for a in articles:
            out.write(json.dumps({"text": a.raw_text, "url": a.url or f"bench:{a.source}", "title": a.title,
                                  "published": a.published, "outlet": a.outlet, "language": a.language},
                                 ensure_ascii=False) + "\n")
    return path


def measure(mode: str, path: str, workers: int, db: str | None = None) -> dict[str, Any]:
    from dossier.config import Settings
    from dossier.read import iter_articles

    load = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings().with_(db=db or str(Path(tmp) / "bench.db"), n_process=workers)
        out: dict[str, Any] = {"mode": mode, "workers": workers}
        t0, (own0, kids0) = time.perf_counter(), _cpu()
        if mode == "nlp":
            from dossier.ingest import _process

            articles = [a for a in iter_articles([path], settings) if isinstance(a, Article)]
            t0, (own0, kids0) = time.perf_counter(), _cpu()
            n, first = 0, None
            for _ in _process(iter(articles), settings, settle=True):  # as dossier ingest runs
                n += 1
                if n == FIRST:
                    first = time.perf_counter()
            end = time.perf_counter()
            out["articles"] = n
            if first is not None and n > FIRST:
                out["steady_articles_per_s"] = round((n - FIRST) / (end - first), 2)
        else:
            from dossier.ingest import ingest

            # as `dossier ingest` runs: the cross-article update at the end, in the same call (with
            # --workers, re-dating on the workers still running); timed from its progress line
            split: dict[str, Any] = {}

            def progress(line: str) -> None:
                if line.startswith("rebuilding cross-article") and not split:
                    split.update(end=time.perf_counter(), cpu=_cpu())

            summary = ingest([path], settings, progress=progress, settle=True)
            done, (own2, _) = time.perf_counter(), _cpu()
            end = split.get("end", done)
            own1 = split["cpu"][0] if split else own2
            kids1 = _cpu()[1]  # the workers are reaped when ingest closes its pool, after the update:
            # their CPU counts whole (with the re-dating they did for the update, if any)
            out["articles"] = summary.new
            out["failed"] = len(summary.failures)
            out["rebuild_seconds"] = round(done - end, 2)
            out["rebuild_cpu_seconds"] = round(own2 - own1, 2)  # this process's
        if mode == "nlp":
            own1, kids1 = _cpu()
        seconds = end - t0
        out.update(seconds=round(seconds, 2), articles_per_s=round(out["articles"] / seconds, 2),
                   cpu_seconds=round(own1 - own0 + kids1 - kids0, 2), cpu_client_seconds=round(own1 - own0, 2),
                   load_before=[round(x, 1) for x in load], load_after=[round(x, 1) for x in os.getloadavg()],
                   peak_rss_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
                   peak_worker_rss_mb=round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1))
        out["cpu_utilisation"] = round(out["cpu_seconds"] / seconds, 2)
    return out


def run_workers(articles: list[Article], workers: tuple[int, ...] = (1, 2), postgres: str | None = None,
                modes: tuple[str, ...] = ("nlp", "ingest")) -> dict[str, Any]:
    """Each (mode, N) in a fresh subprocess; speed-up of N workers over one. With ``postgres`` (a
    server URL), the ingest runs again into a scratch schema of that database (mode
    ``ingest_pg``: the workers write the articles themselves)."""
    from contextlib import nullcontext

    root = str(Path(__file__).resolve().parents[2])  # so the child imports this very package
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH")) if p)}
    if postgres and "ingest" in modes:
        modes = (*modes, "ingest_pg")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        path = write_jsonl(articles, Path(tmp) / "articles.jsonl")
        for mode in modes:
            for n in workers:
                if mode == "ingest_pg":
                    from dossier.store.postgres import scratch_schema

                    target = scratch_schema(postgres, "dossier_bench")
                else:
                    target = nullcontext(None)
                with target as db:
                    cmd = [sys.executable, "-m", "dossier.bench.workers", mode.split("_")[0], str(path), str(n)]
                    proc = subprocess.run(cmd + ([db] if db else []), capture_output=True, text=True,
                                          check=False, env=env)
                if proc.returncode != 0:
                    tail = (proc.stderr.strip().splitlines() or ["?"])[-1]
                    rows.append({"mode": mode, "workers": n, "status": f"failed: {tail}"})
                    continue
                rows.append({**json.loads(proc.stdout.strip().splitlines()[-1]), "mode": mode})
    out: dict[str, Any] = {"articles": len(articles), "runs": rows}
    for mode in modes:
        by_n = {r["workers"]: r for r in rows if r["mode"] == mode and "status" not in r}
        if 1 in by_n:
            for n, r in by_n.items():
                if n != 1:
                    out[f"{mode}_speedup_{n}"] = round(r["articles_per_s"] / by_n[1]["articles_per_s"], 2)
                    if "steady_articles_per_s" in r and "steady_articles_per_s" in by_n[1]:
                        out[f"{mode}_steady_speedup_{n}"] = round(
                            r["steady_articles_per_s"] / by_n[1]["steady_articles_per_s"], 2)
    return out


def main(argv: list[str]) -> int:
    mode, path, workers = argv[0], argv[1], int(argv[2])
    db = argv[3] if len(argv) > 3 else None
    sys.stdout.write(json.dumps(measure(mode, path, workers, db)) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
