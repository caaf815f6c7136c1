"""The cross-article state's blocking keys: numbered once (x_key_ids), filed as two integers a
row (x_key_records), and the text rows an earlier version stored (x_keys) moved over once; on
SQLite and PostgreSQL. Hand-made state, no model."""
from __future__ import annotations


def _state(store):
    with store._tx("write"):
        store.x_add_records("e", [(1, 10, 1, {"stems": ["a"]}), (2, 10, 1, {}), (3, 11, 3, {})], [])


def test_keys_are_found_filed_once_and_dropped(store):
    _state(store)
    with store._tx("write"):
        store.x_add_keys([("e.i", "qui|quand", 1), ("e.i", "qui|quand", 2), ("e.i", "qui|quand", 1),
                          ("e.p", "qui|quand", 3), ("e.a", "3", 1)])
        store.x_add_keys([("e.i", "autre", 3), ("e.i", "qui|quand", 3)])
    assert store.x_lookup("e.i", ["qui|quand", "absent"]) == [("qui|quand", 1, 1), ("qui|quand", 2, 1),
                                                               ("qui|quand", 3, 3)]
    assert store.x_lookup("e.p", ["qui|quand"]) == [("qui|quand", 3, 3)]  # same text, another kind
    # the same rows by key, unsorted (an update's candidates)
    filed = store.x_filed("e.i", ["qui|quand", "autre", "absent"])
    assert {k: sorted(v) for k, v in filed.items()} == {"qui|quand": [(1, 1), (2, 1), (3, 3)], "autre": [(3, 3)]}
    assert store.x_filed("e.p", ["qui|quand"]) == {"qui|quand": [(3, 3)]}
    assert store._scalar("SELECT count(*) FROM x_key_ids") == 4  # (kind, text) numbered once
    with store._tx("write"):
        store.x_delete_keys("e.i", ["qui|quand"])
    assert store.x_lookup("e.i", ["qui|quand", "autre"]) == [("autre", 3, 3)]
    with store._tx("write"):
        store.x_forget_records("e", [3])  # its keys and the keys naming it (e.a "3") go with it
    assert store.x_lookup("e.i", ["autre"]) == [] and store.x_lookup("e.p", ["qui|quand"]) == []
    assert store.x_lookup("e.a", ["3"]) == []


def test_text_keys_of_an_earlier_version_are_moved_once(store):
    _state(store)
    with store._tx("write"):
        store.x_add_keys([("e.i", "déjà", 2)])  # numbered before the move: keeps its number
        store._exec("CREATE TABLE x_keys (kind TEXT, key TEXT, record_id BIGINT)")
        store._exec_many("INSERT INTO x_keys (kind, key, record_id) VALUES (?, ?, ?)",
                         [("e.i", "k1", 1), ("e.i", "k1", 2), ("e.i", "k1", 1), ("e.i", "k2", 3),
                          ("e.p", "k1", 3), ("e.i", "déjà", 1)])
    before = store._scalar("SELECT id FROM x_key_ids WHERE key = 'déjà'")
    with store._tx("write"):
        store.x_upgrade_keys()
    assert store._scalar("SELECT count(*) FROM x_keys") == 0
    assert store.x_lookup("e.i", ["k1", "k2", "déjà"]) == [("déjà", 1, 1), ("déjà", 2, 1), ("k1", 1, 1),
                                                          ("k1", 2, 1), ("k2", 3, 3)]
    assert store.x_lookup("e.p", ["k1"]) == [("k1", 3, 3)]
    assert store._scalar("SELECT id FROM x_key_ids WHERE key = 'déjà'") == before
    ids = [r["id"] for r in store._rows("SELECT id FROM x_key_ids ORDER BY id")]
    assert len(ids) == len(set(ids)) == 4
    with store._tx("write"):
        store.x_upgrade_keys()  # nothing left to move
        store.x_add_keys([("e.i", "k3", 2)])  # numbers go on after the moved ones
    assert store._scalar("SELECT id FROM x_key_ids WHERE key = 'k3'") == max(ids) + 1


def test_sqlite_keeps_key_rows_in_their_primary_key(tmp_path):
    from dossier.store import schema
    from dossier.store.dialect import PostgresDialect, SQLiteDialect

    table = schema.TABLE["x_key_records"]
    assert SQLiteDialect().create_table(table).endswith("WITHOUT ROWID")
    assert "ROWID" not in PostgresDialect().create_table(table)


def test_postings_are_the_filed_rows_as_arrays(store):
    """x_postings (an update's candidates, read as arrays) holds exactly x_filed's rows: every
    record filed under a key once, ascending; none whose record the kind does not hold (x_filed's
    join); each record met with its unit. Rows of several kinds interleaved, filed twice, and
    record ids too large to pack with the key number take the same path to the same rows."""
    import random

    big = 2**61  # (key id, record id) cannot be packed in one int64: x_add_keys sorts them as pairs
    rng = random.Random(7)
    records = [(rid, 10 + rid % 3, 100 + rid % 4, {}) for rid in range(1, 40)] + [(big, 12, 5, {})]
    rows = [(rng.choice(["e.i", "e.p"]), f"k{rng.randrange(12)}", rng.choice(records)[0]) for _ in range(300)]
    rows += [("e.i", "k0", big), ("e.i", "k0", big), ("e.i", "orphan", 999)]  # 999: no x_records row
    with store._tx("write"):
        store.x_add_records("e", records, rows)
    unit = {rid: u for rid, _, u, _ in records}
    for kind in ("e.i", "e.p"):
        asked = [f"k{n}" for n in range(14)] + ["orphan"]
        filed = store.x_filed(kind, asked)
        postings, units = store.x_postings(kind, asked)
        assert set(postings) == set(filed)
        for key, ids in postings.items():
            assert ids.tolist() == sorted({rid for rid, _ in filed[key]})  # ascending, each once
            assert all(units[rid] == unit[rid] for rid in ids.tolist())
        expected = {(k, rid) for kind_, k, rid in rows if kind_ == kind and rid != 999 and k in asked}
        assert {(k, rid) for k, ids in postings.items() for rid in ids.tolist()} == expected
    assert "orphan" not in store.x_postings("e.i", ["orphan"])[0]
    assert store.x_postings("e.i", ["absent"]) == ({}, {})
    # each (kind, key, record) filed once (the kinds number their keys apart)
    assert store._scalar("SELECT count(*) FROM x_key_records") == len(set(rows))


def test_pairs_read_inside_an_update_are_those_stored(store):
    """Inside one update the stored pairs are read once and served from memory
    (``x_pairs_cached``): what it serves, after pairs are added and records forgotten, is what the
    database holds, on both backends."""
    import random

    rng = random.Random(7)
    first = {(a, b): (a, b, float(rng.randrange(40)) / 4, rng.random() < 0.2)
             for a, b in {tuple(sorted(rng.sample(range(1, 60), 2))) for _ in range(150)}}
    later = [(70, 3, 9.5, False), (71, 70, 2.0, True), (71, 5, 9.0, False)]  # given either way round
    ids = [{3}, {3, 70, 71}, set(range(1, 21)), set(range(10, 75, 2)), {200}]

    def asked(s) -> list:
        return [s.x_pairs("e", x) for x in ids] + [s.x_pairs_touching("e", x) for x in ids]

    def stored(s) -> None:
        with s._tx("write"):
            s.x_add_pairs("e", list(first.values()))
            s.x_add_pairs("q", [(1, 2, 1.0, False)])  # another kind: never served for "e"

    def scenario(s) -> list:  # read, add pairs, read, forget records, read
        out = asked(s)
        for change in (lambda: s.x_add_pairs("e", later), lambda: s.x_forget_records("e", [3, 4])):
            with s._tx("write"):
                change()
            out += asked(s)
        return out

    stored(store)
    with store.x_pairs_cached():
        store.x_pairs_preload("e", range(1, 30))
        cached = scenario(store)
        assert store._pair_cache("e") is not None
    assert store._pair_cache("e") is None  # the block is over: read from the database again
    with store._tx("write"):
        store._exec("DELETE FROM x_pairs")
    stored(store)
    plain = scenario(store)
    assert cached == plain
    assert all(p == sorted(p) for p in plain)
    assert (3, 70, 9.5, False) in plain[11] and (70, 71, 2.0, True) in plain[11]  # both ends among {3, 70, 71}
    assert (5, 71, 9.0, False) not in plain[11] and (5, 71, 9.0, False) in plain[16]  # one end: touching
    assert not any((3, 70, 9.5, False) in p for p in plain[20:])  # forgotten with record 3
