"""One incremental cross-article update measured: copy the grown database SRC to DST, store the
growth benchmark's batch of records (written directly, no NLP), run ``update_cross_article`` and
print its CPU seconds and counts, then the state's digest (dev/xdigest.py) unless NODIGEST=1.
PROF=FILE writes a cProfile of the update.

    python dev/upd.py build/growth/grown-stories-1000.db /tmp/u.db
"""
import cProfile
import json
import os
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))


def main(src: str, dst: str) -> None:
    from dossier.bench.growth import BATCH, FLOW, SEED, batch_span
    from dossier.bench.synth import synthetic_records
    from dossier.config import Settings
    from dossier.crossref import update_cross_article
    from dossier.store import open_store

    shutil.copy(src, dst)
    records = synthetic_records(BATCH, SEED + 1000, long=True, span=batch_span(), flow=FLOW)
    with open_store(Settings().with_(db=dst)) as store:
        store.add_many(records)
        prof = cProfile.Profile() if os.environ.get("PROF") else None
        c0, t0 = time.process_time(), time.perf_counter()
        if prof:
            prof.enable()
        counts = update_cross_article(store)
        if prof:
            prof.disable()
            prof.dump_stats(os.environ["PROF"])
        cpu, wall = time.process_time() - c0, time.perf_counter() - t0
    print(f"update cpu {cpu:.1f} s, wall {wall:.1f} s")
    print(json.dumps({k: v for k, v in (counts or {}).items() if os.environ.get("ALL") or not k.endswith("seconds")}, sort_keys=True))
    if os.environ.get("QUERIES"):  # the growth benchmark's reading queries, in this process after the update
        from dossier.bench.growth import _asked
        from dossier.bench.run import _latencies

        q = _latencies(dst, 20, 0, *_asked(FLOW))
        print("queries", json.dumps({k: v for k, v in q.items() if isinstance(v, dict)}))
    if not os.environ.get("NODIGEST"):
        from xdigest import digest

        print("digest", digest(dst))


if __name__ == "__main__":
    main(*sys.argv[1:3])
