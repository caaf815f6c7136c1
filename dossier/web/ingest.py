"""Ingest of JSON records posted to the API: they go through the ordinary ingest (the same
reading, cleaning, dedup and pipeline) via a private JSON Lines file that only this function
writes. A request never names a path."""
from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from dossier.config import Settings


def ingest_records(records: list[dict[str, Any]], settings: Settings,
                   names: list[str] | None = None) -> dict[str, Any]:
    """The ingest summary of ``records``; sources in it are ``names`` (default records[i])."""
    from dossier.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="dossier-api-") as tmp:
        path = Path(tmp) / "api-ingest.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for r in records:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        summary = ingest([str(path)], settings).to_dict()
    prefix = f"{path}:"

    names = names or [f"records[{i}]" for i in range(len(records))]

    def named(source: str) -> str:  # "<tmp>/api-ingest.jsonl:2" -> "records[1]": no server path in answers
        line = source[len(prefix):]
        return names[int(line) - 1] if source.startswith(prefix) and line.isdigit() else source

    for key in ("skipped", "failed"):
        summary[key] = [{**item, "source": named(item["source"])} for item in summary[key]]
    return summary
