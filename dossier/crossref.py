"""Cross-article results recomputed from the store after each ingest: storyline events,
quote groups, disputes, conflicts and positions. Each part runs when its module exists."""
from __future__ import annotations

import dataclasses
import logging
from typing import Any

log = logging.getLogger(__name__)


def _as_dict(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj):
        return dataclasses.asdict(obj)
    return obj


def rebuild_cross_article(store) -> dict[str, int]:
    counts: dict[str, int] = {}
    storylines: list[dict[str, Any]] = []
    crossref: dict[str, list[dict]] = {}
    try:
        from dossier.events.merge import merge_events
    except ImportError:
        merge_events = None
    if merge_events is not None:
        rows = store._rows("SELECT id, article_id, idx FROM events ORDER BY article_id, idx")
        row_id = {(r["article_id"], r["idx"]): r["id"] for r in rows}
        events = store.records("events")
        items = [(str(aid), ev) for aid, ev in events]
        positions = {}
        counter: dict[str, int] = {}
        for aid, _ in events:
            positions.setdefault(len(positions), (aid, counter.get(aid, 0)))
            counter[aid] = counter.get(aid, 0) + 1
        for s in merge_events(items):
            d = _as_dict(s)
            event_ids = []
            for src in d.get("sources", []):
                key, idx = src[0], src[1]
                aid, local_idx = positions[idx] if 0 <= idx < len(positions) and positions[idx][0] == int(key) \
                    else (int(key), idx)
                if (aid, local_idx) in row_id:
                    event_ids.append(row_id[(aid, local_idx)])
            d["event_ids"] = event_ids
            d["n_articles"] = len({src[0] for src in d.get("sources", [])})
            storylines.append(d)
        counts["storylines"] = len(storylines)
    for kind, module, func in (
        ("disputes", "dossier.claims.disputes", "find_disputes"),
    ):
        try:
            mod = __import__(module, fromlist=[func])
        except ImportError:
            continue
        claims = store.records("claims")
        found = getattr(mod, func)([(str(aid), c) for aid, c in claims])
        crossref[kind] = [{"id": i, **_as_dict(x)} for i, x in enumerate(found)]
        counts[kind] = len(found)
    store.replace_storylines(storylines, crossref)
    return counts
