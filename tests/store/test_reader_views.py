"""Reads the reader's pages need (cards, positions over time), on SQLite and PostgreSQL."""
from __future__ import annotations

import dataclasses

from store_records import TEXT, make_records

from dossier.models import Position


def test_locate_evidence_finds_the_sentence_and_the_quote_date(store):
    aid = store.add_article(make_records())
    found = store.locate_evidence([(aid, "rencontré Beta"), (aid, "Tout va bien"), (aid, "absent du texte"),
                                   (aid + 1, "Alpha"), (-3, "Alpha")])
    assert found[(aid, "rencontré Beta")] == {"sentence": 0, "start": TEXT.index("rencontré Beta"),
                                             "end": TEXT.index("rencontré Beta") + 14, "said": None}
    assert found[(aid, "Tout va bien")]["sentence"] == 1
    assert found[(aid, "Tout va bien")]["said"] == "2025-06-10"  # it lies in a quote: the quote's date
    assert set(found) == {(aid, "rencontré Beta"), (aid, "Tout va bien")}
    assert store.locate_evidence([]) == {}


def test_article_meta_gives_a_lead_for_untitled_articles(store):
    aid = store.add_article(make_records(title=None))
    meta = store.article_meta([aid])[aid]
    assert meta["title"] is None and meta["lead"].startswith("Le ministre Alpha") and meta["language"] == "fr"


def _position(stance: str, said: str | None, date: str) -> Position:
    return Position("local:alpha", "Alpha", "ceasefire", stance, 0, 10, TEXT[:10], date=date, sentence=0, said=said)


def test_positions_are_ordered_and_windowed_by_when_they_were_said(store):
    records = dataclasses.replace(make_records(), positions=[
        _position("opposes", "2025-06-01", "2014"),  # said in 2025 about 2014
        _position("supports", "2025-03", "2025-03"),
        _position("conditional", None, "2019")])  # no statement date: the publication's (2025-06-10)
    store.add_article(records)
    rows = store.positions_rows()
    assert [(r["stance"], r["said"], r["date"]) for r in rows] == [
        ("supports", "2025-03", "2025-03"), ("opposes", "2025-06-01", "2014"), ("conditional", "2025-06-10", "2019")]
    assert [r["stance"] for r in store.positions_rows(since="2025-06")] == ["opposes", "conditional"]
    assert [r["stance"] for r in store.positions_rows(until="2025-05")] == ["supports"]
