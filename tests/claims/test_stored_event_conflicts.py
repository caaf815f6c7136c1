"""The conflicts read around merged events (here: the place a sentence gives) reach the stored
dossier through the incremental cross-article update, not only ``find_conflicts``. Hand-built
records, our own sentences."""
from __future__ import annotations

import dataclasses

from dossier.config import Settings
from dossier.crossref import rebuild_cross_article, update_cross_article
from dossier.store import open_store

from test_event_conflicts import SIGNED_A, TRUMP, event, place_mention, records

SIGNED_B = "Donald Trump a paraphé lundi le texte de paix lors d'un sommet international organisé à Charm el-Cheikh"


def _articles(place_b: str):
    a = records("a.txt", "2025-10-13", [event(SIGNED_A, (TRUMP,), place="cairo")])[1]
    b = records("b.txt", "2025-10-13", [event(place_b, (TRUMP,), date=None)],
                mentions=[place_mention(place_b, "Charm el-Cheikh", "local:charm_el_cheikh")])[1]
    return [dataclasses.replace(r, article=dataclasses.replace(r.article, raw_text=r.events[0].text, source=name))
            for name, r in (("a.txt", a), ("b.txt", b))]


def _place_conflicts(store) -> list[dict]:
    return [c for c in store.crossref("conflicts") if c.get("kind") == "place"]


def test_a_place_conflict_is_stored_by_the_incremental_update_and_the_rebuild(tmp_path):
    with open_store(Settings().with_(db=str(tmp_path / "x.db"))) as store:
        first, second = _articles(SIGNED_B)
        store.add_article(first)
        update_cross_article(store)
        assert _place_conflicts(store) == []
        store.add_article(second)  # the second outlet arrives in a later batch
        update_cross_article(store)
        found = _place_conflicts(store)
        assert len(found) == 1
        assert sorted(v["value"] for v in found[0]["values"]) == ["cairo", "local:charm_el_cheikh"]
        rebuild_cross_article(store)
        assert [c["values"] for c in _place_conflicts(store)] == [found[0]["values"]]


def test_no_place_conflict_when_the_sentence_names_what_the_summit_was_about(tmp_path):
    about = SIGNED_B.replace("organisé à", "sur")
    with open_store(Settings().with_(db=str(tmp_path / "x.db"))) as store:
        for rec in _articles(about):
            store.add_article(rec)
        update_cross_article(store)
        assert _place_conflicts(store) == []
