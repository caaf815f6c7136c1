"""The growth benchmark's batch ingested through the pipeline (as ``dossier bench --growth``
does, with its manifest) into a copy of a grown database, then the state's digest
(dev/xdigest.py): two checkouts giving the same digest stored the same cross-article state for
real pipeline records (dev/upd.py stores the generator's records, which hold fewer kinds of
events, e.g. no denials). Prints the update's CPU seconds and counts.

    PYTHONPATH=CHECKOUT python dev/ingest_digest.py build/growth/grown-stories-1000.db /tmp/i.db
"""
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))


def main(src: str, dst: str) -> None:
    from dossier.bench.growth import BATCH, FLOW, SEED, _batch_folder
    from dossier.config import Settings
    from dossier.ingest import ingest
    from xdigest import digest

    shutil.copy(src, dst)
    with tempfile.TemporaryDirectory() as tmp:
        texts = Path(tmp) / "batch"
        manifest = _batch_folder(texts, BATCH, SEED + 1000, FLOW)
        c0 = time.process_time()
        summary = ingest([str(texts)], Settings().with_(db=dst), manifest=str(manifest))
        cpu = time.process_time() - c0
    update = summary.crossref or {}
    print(f"ingest cpu {cpu:.1f} s, update cpu {update.get('cpu_seconds')} s, new {summary.new}")
    print(json.dumps({k: v for k, v in update.items() if k.endswith(("seconds", "_recomputed", "_units"))}, sort_keys=True))
    print("digest", digest(dst))


if __name__ == "__main__":
    main(*sys.argv[1:3])
