"""Reading stored storylines for the cross-article step, on SQLite and PostgreSQL: the light
read of the storylines near a day (unit and participants, for the denials' search) gives the
storylines the full read gives. Synthetic records (no model), the state built by the update."""
from __future__ import annotations

import datetime as dt


def test_storylines_near_a_day_read_light_as_in_full(store):
    from dossier.bench.synth import synthetic_records
    from dossier.crossref import update_cross_article

    store.add_many(list(synthetic_records(24, seed=5, long=True, span=(dt.date(2025, 3, 3), 6), flow="stories")))
    update_cross_article(store)
    checked = 0
    for first, last in (("2025-03-01", "2025-03-04"), ("2025-03-05", "2025-03-05"), ("2025-02-01", "2025-04-01"),
                        ("2024-01-01", "2024-01-31")):
        full = [(s["unit"], s["participants"]) for s in store.x_story_views(between=(first, last))]
        assert store.x_story_parties((first, last)) == full
        checked += len(full)
    assert checked > 10
