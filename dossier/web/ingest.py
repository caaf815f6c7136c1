"""Ingest of JSON records posted to the API: they go through the ordinary ingest (the same
reading, cleaning, dedup and pipeline) via a private JSON Lines file that only this function
writes. A request never names a path."""
from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from dossier.config import Settings


def ingest_records(records: list[dict[str, Any]], settings: Settings) -> dict[str, Any]:
    from dossier.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="dossier-api-") as tmp:
        path = Path(tmp) / "api-ingest.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for r in records:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        summary = ingest([str(path)], settings)
    return summary.to_dict()
