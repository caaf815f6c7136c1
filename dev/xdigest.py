"""A digest of a database's cross-article state and results (SQLite): storylines, their
sources, the crossref results, x_records, x_pairs, the blocking keys read back as (kind, key,
record) rows, x_affiliations. Two databases with the same digest hold the same state.

    python dev/xdigest.py DB
"""
import hashlib
import sqlite3
import sys

QUERIES = (
    "SELECT * FROM storylines",
    "SELECT storyline_id, event_id FROM storyline_sources",
    "SELECT kind, id, payload, seq, unit FROM crossref",
    "SELECT kind, record_id, article_id, unit, data FROM x_records",
    "SELECT kind, a, b, score, apart FROM x_pairs",
    "SELECT i.kind, i.key, r.record_id FROM x_key_ids i JOIN x_key_records r ON r.key_id = i.id",
    "SELECT actor, org, n FROM x_affiliations",
)


def digest(path: str) -> str:
    db = sqlite3.connect(path)
    h = hashlib.sha256()
    for q in QUERIES:
        rows = sorted(repr(tuple(r)) for r in db.execute(q))
        h.update(q.encode())
        for r in rows:
            h.update(r.encode())
    return h.hexdigest()[:16]


if __name__ == "__main__":
    print(digest(sys.argv[1]))
