"""The reading queries' latencies ask only about persons the database holds: a small database of
the many-story flow holds few of the flow's persons, and the entity query then times lookups,
not refusals."""
from __future__ import annotations


def test_the_entity_query_asks_only_about_persons_the_database_holds(tmp_path):
    from dossier.bench.growth import _asked
    from dossier.bench.run import _latencies
    from dossier.bench.synth import synthetic_records
    from dossier.config import Settings
    from dossier.store import open_store

    db = str(tmp_path / "small.db")
    with open_store(Settings().with_(db=db)) as store:
        store.add_many(list(synthetic_records(12, 3, long=True, flow="stories")))
    persons, places = _asked("stories")
    q = _latencies(db, 6, 0, persons, places)
    assert 0 < q["persons_asked"] < len(persons)  # the flow knows many more than 12 articles name
    assert q["entity"]["errors"] == 0 and q["timeline_actor"]["errors"] == 0
    assert len(persons) == len(_asked("stories")[0])  # the caller's list is left as it was
