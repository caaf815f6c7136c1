"""``format_bench``: plain-text tables of a :func:`dossier.bench.run.run_bench` result."""
from __future__ import annotations

from typing import Any

# the five dossier components, summed as one share in the per-stage table
DOSSIER = ("dossier_entities", "dossier_time", "dossier_quotes", "dossier_events", "dossier_claims")


def _throughput(t: dict[str, Any], title: str) -> list[str]:
    lines = [f"\nthroughput over {title}: {t['articles']} articles / {t['tokens']} tokens, "
             f"{t['tokens'] / max(1, t['articles']):.0f} tokens per article (median of {t['repeats']})",
             f"  {'run':<10}{'seconds':>10}{'articles/s':>12}{'tokens/s':>12}{'CPU s':>10}"]
    for name in ("pipeline", "bare"):
        r = t[name]
        lines.append(f"  {name:<10}{r['seconds_median']:>10.3f}{r['articles_per_s']:>12.2f}{r['tokens_per_s']:>12.1f}"
                     f"{r.get('cpu_seconds_median', float('nan')):>10.3f}")
    lines.append(f"  pipeline/bare throughput ratio: {t['ratio_pipeline_to_bare']:.3f} (wall clock), "
                 f"{t.get('ratio_cpu', float('nan')):.3f} (CPU time; load average {t.get('load_average', '?')})")
    for f in t.get("failed", []):
        lines.append(f"  failed: {f['source']}: failed in {f['component']}: {f['error']}")
    if t.get("failed"):
        lines.append(f"  ({len(t['failed'])} of {t['articles']} articles failed; timed with them included)")
    return lines


def _stages(s: dict[str, float]) -> list[str]:
    total = sum(s.values()) or 1.0
    lines = ["  per-stage CPU time"]
    for name, sec in s.items():
        lines.append(f"    {name:<18}{sec:>9.3f} s {100 * sec / total:>6.1f} %")
    ours = sum(v for k, v in s.items() if k in DOSSIER)
    lines.append(f"    {'(dossier components)':<18}{ours:>9.3f} s {100 * ours / total:>6.1f} %")
    return lines


def _workers(w: dict[str, Any]) -> list[str]:
    lines = [f"\nworkers: {w['articles']} articles ({w.get('source', '')}), each run in a fresh process, cold start",
             f"  {'run':<10}{'N':>3}{'seconds':>9}{'art/s':>8}{'steady':>8}{'CPU s':>8}{'util':>6}"
             f"{'rebuild s':>10}{'load before':>13}"]
    for r in w["runs"]:
        if "status" in r:
            lines.append(f"  {r['mode']:<10}{r['workers']:>3}  {r['status']}")
            continue
        lines.append(f"  {r['mode']:<10}{r['workers']:>3}{r['seconds']:>9.1f}{r['articles_per_s']:>8.2f}"
                     f"{r.get('steady_articles_per_s', float('nan')):>8.2f}{r['cpu_seconds']:>8.1f}"
                     f"{r['cpu_utilisation']:>6.2f}{r.get('rebuild_seconds', float('nan')):>10.1f}"
                     f"{r['load_before'][0]:>13.1f}")
    for key, value in w.items():
        if "speedup" in key:
            lines.append(f"  {key.replace('_', ' ')}: {value:.2f}x")
    return lines


def format_bench(result: dict[str, Any]) -> str:
    lines = []
    meta = result.get("meta", {})
    lines.append(f"dossier bench  {meta.get('date', '')}  {meta.get('cpus')} cpus  "
                 f"load {meta.get('load_average', ['?'])[0]}  {meta.get('pipeline_version', '')}")
    if result.get("throughput"):
        lines.extend(_throughput(result["throughput"], meta.get("corpus", "the corpus")))
    if result.get("stages"):
        lines.extend(_stages(result["stages"]))
    for folder, c in (result.get("corpora") or {}).items():
        lines.extend(_throughput(c["throughput"], folder))
        lines.extend(_stages(c["stages"]))
    if result.get("workers"):
        lines.extend(_workers(result["workers"]))
    rows = result.get("scaling")
    if rows:
        lines.append("\nscaling (fresh process per size)")
        lines.append(f"  {'size':>5}{'articles':>10}{'seconds':>10}{'art/s':>9}{'peak RSS MB':>13}"
                     f"{'after load':>12}{'after run':>11}")
        for r in rows:
            if "status" in r:
                lines.append(f"  {r['size']:>5}{r['articles']:>10}  {r['status']}")
                continue
            lines.append(f"  {r['size']:>5}{r['articles']:>10}{r['seconds']:>10.2f}{r['articles_per_s']:>9.2f}"
                         f"{r['peak_rss_mb']:>13.1f}{r['rss_after_load_mb']:>12.1f}"
                         f"{r.get('rss_after_run_mb', 0):>11.1f}")
            lines.extend(f"        failed: {line}" for line in r.get("failed", []))
    for key in ("queries", "queries_postgresql"):
        q = result.get(key)
        if not q:
            continue
        if "status" in q:
            lines.append(f"\nquery latency: {q['status']} {q.get('reason', '')}".rstrip())
            continue
        db = q["database"]
        lines.append(f"\nquery latency ({db.get('backend', 'sqlite')}) on {db['articles']} articles, {db['events']} events, "
                     f"{db['storylines']} storylines ({db['db_mb']} MB, built in {db['build_seconds']} s)")
        for name, v in q.items():
            if isinstance(v, dict) and "p50_ms" in v:
                lines.append(f"  {name:<16} p50 {v['p50_ms']:>9.2f} ms   p95 {v['p95_ms']:>9.2f} ms")
    return "\n".join(lines)
