"""Date conflicts between storylines kept in different units: the incremental update stores them
from the date-conflict pairs it decided (they never join units), replaces them when either
storyline changes, and gives what the rebuild and ``find_conflicts`` give. Hand-built records,
our own sentences."""
from __future__ import annotations

import dataclasses

from dossier.claims.conflicts import find_conflicts
from dossier.config import Settings
from dossier.crossref import rebuild_cross_article, update_cross_article
from dossier.store import open_store

from test_event_conflicts import TRUMP, event, records

SIGNED = "Donald Trump a paraphé au Caire le traité de cessez-le-feu négocié par les médiateurs régionaux"
SIGNED_LATER = "Au Caire, Donald Trump a paraphé le traité de cessez-le-feu négocié par les médiateurs régionaux"
SIGNED_AGAIN = "Le traité de cessez-le-feu négocié par les médiateurs régionaux a été paraphé par Donald Trump au Caire"


def _article(name: str, text: str, day: str):
    _, r = records(name, day, [event(text, (TRUMP,), place="cairo", date=day)])
    return dataclasses.replace(r, article=dataclasses.replace(r.article, raw_text=text, source=name))


def _date_conflicts(store) -> list[dict]:
    return [c for c in store.crossref("conflicts") if c.get("kind") == "date"]


def _values(conflicts) -> list[list[str]]:
    return sorted(sorted(v["value"] for v in c["values"]) for c in conflicts)


def test_a_date_conflict_between_units_is_stored_and_replaced(tmp_path):
    first = [_article("a.txt", SIGNED, "2025-10-13"), _article("b.txt", SIGNED_LATER, "2025-10-20")]
    third = _article("c.txt", SIGNED_AGAIN, "2025-10-13")
    whole = [c for c in find_conflicts([(r.article.source, r) for r in (*first, third)], kb={}) if c.kind == "date"]
    assert len(whole) == 1
    with open_store(Settings().with_(db=str(tmp_path / "x.db"))) as store:
        for rec in first:
            store.add_article(rec)
        update_cross_article(store)
        units = {r["unit"] for r in store._rows("SELECT unit FROM x_records WHERE kind = 'e'")}
        assert len(units) == 2  # the conflict does not join the two storylines' units
        assert _values(_date_conflicts(store)) == [["2025-10-13", "2025-10-20"]]
        store.add_article(third)  # joins the first storyline: the conflict is recomputed, not doubled
        counts = update_cross_article(store)
        assert counts["events_recomputed"] == 2  # the first unit and the new mention, not the other
        found = _date_conflicts(store)
        assert _values(found) == [sorted(v.value for v in whole[0].values)]
        rebuild_cross_article(store)
        assert _date_conflicts(store) == found
