"""The store's interface on hand-made records, on SQLite and PostgreSQL (no model needed)."""
from __future__ import annotations

import pytest
from store_records import TEXT, make_records

from dossier.config import Settings
from dossier.errors import AlreadyStored, NotFound, StoreError
from dossier.models import Event, Participant
from dossier.store import open_store


def test_round_trip_article_and_records(store):
    aid = store.add_article(make_records())
    art = store.article(aid)
    assert art["title"] == "Alpha à Genève"
    assert art["raw_text"] == TEXT and art["boilerplate"] == [] and art["extra"] == {}
    assert "signature" not in art and "fts" not in art
    assert [m["text"] for m in art["mentions"]] == ["Alpha", "Beta"]
    assert art["events"][0]["participants"][1]["entity_id"] == "local:beta"
    assert store.article_id_for_hash(make_records().article.content_hash) == aid
    assert len(art["ingested_at"]) == 19  # YYYY-MM-DD HH:MM:SS (UTC) on both backends


def test_records_come_back_as_dataclasses(store):
    store.add_article(make_records())
    [(aid, event)] = store.records("events")
    assert isinstance(event, Event) and isinstance(event.participants[0], Participant)


def test_duplicate_hash_is_refused(store):
    first = store.add_article(make_records())
    with pytest.raises(AlreadyStored, match="already stored") as info:
        store.add_article(make_records())
    assert info.value.article_id == first and isinstance(info.value, StoreError)
    assert store.count() == 1 and store.count("events") == 1  # nothing of the duplicate was kept


def test_signatures_round_trip(store):
    aid = store.add_article(make_records(), signature=b"\x00\x01\xfe")
    assert list(store.signatures()) == [(aid, b"\x00\x01\xfe")]


@pytest.mark.parametrize("query,found", [
    ("geneve", True), ("Genève", True), ("GENEVE", True), ("rencontré", True), ("introuvable", False),
    ("", False), ("!!!", False),
])
def test_search_is_accent_and_case_insensitive(store, query, found):
    store.add_article(make_records())
    rows = store.search(query)
    assert [r["title"] for r in rows] == (["Alpha à Genève"] if found else [])
    if found:
        assert "[" in rows[0]["snippet"] and "]" in rows[0]["snippet"]


def test_search_ranks_then_orders_by_id(store):
    store.add_article(make_records())
    store.add_article(make_records(text=TEXT.replace("lundi", "mardi"), source="mem://2"))  # same rank
    assert [r["id"] for r in store.search("Genève")] == [1, 2]
    assert [r["id"] for r in store.search("mardi")] == [2]


def test_entity_profile_by_alias_and_unknown_name(store):
    store.add_article(make_records())
    ent = store.entity("M. Alpha")
    assert ent["id"] == "local:alpha" and ent["mention_count"] == 1
    assert ent["co_occurring"] == [{"id": "local:beta", "name": "Beta", "type": "person", "articles": 1}]
    with pytest.raises(NotFound):
        store.entity("Personne Inconnue Zzz")


def test_entity_aliases_are_merged_across_articles(store):
    store.add_article(make_records())
    store.add_article(make_records(text=TEXT + " Fin.", source="mem://2", aliases=("Alpha", "le ministre Alpha")))
    [alpha] = [e for e in store.entities() if e["id"] == "local:alpha"]
    assert alpha["aliases"] == ["Alpha", "M. Alpha", "le ministre Alpha"]
    assert alpha["mentions"] == 2 and alpha["articles"] == 2


def test_quotes_filters(store):
    store.add_article(make_records())
    assert len(store.quotes(speaker="Alpha")) == 1
    assert store.quotes(since="2025-07-01") == []
    assert len(store.quotes(until="2025-06")) == 1
    assert len(store.quotes(search="TOUT va")) == 1  # word search ignores ASCII case, as in SQLite


def _storyline(event_id, **extra):
    return {"id": "s1", "type": "meeting", "plover": "CONSULT", "date": "2025-06-09", "date_precision": "day",
            "participants": [{"entity_id": "local:alpha", "name": "Alpha"}], "event_ids": [event_id], **extra}


def test_storylines_replace_and_timeline(store):
    aid = store.add_article(make_records())
    [event_id] = [r["id"] for r in store.record_refs("events")]
    store.replace_storylines([_storyline(event_id)], {"disputes": [{"id": "d1", "proposition": "P"}]})
    rows = store.timeline(actor="Alpha")
    assert rows[0]["id"] == "s1" and rows[0]["sources"][0]["article_id"] == aid
    assert rows[0]["participants"] == [{"entity_id": "local:alpha", "name": "Alpha"}]
    assert store.timeline(date_from="2025-07") == []
    assert store.crossref("disputes") == [{"id": "d1", "proposition": "P"}]


def test_crossref_keeps_the_order_it_was_given(store):
    store.add_article(make_records())
    payloads = [{"id": i, "n": i} for i in (3, 10, 2, 1)]
    store.replace_storylines([], {"disputes": payloads, "conflicts": [{"id": "x"}]})
    assert store.crossref("disputes") == payloads
    assert [r["payload"] for r in store.export_rows("crossref")] == [{"id": "x"}, *payloads]


def test_cross_article_state_follows_the_articles(store):
    assert store.cross_article_current()  # nothing stored: nothing to build
    store.add_article(make_records())
    assert not store.cross_article_current()  # an article the (empty) cross-article tables lack
    with store.cross_article_update():
        store.replace_storylines([])
    assert store.cross_article_current()
    store.add_article(make_records(text=TEXT + " Fin.", source="mem://2"))
    assert not store.cross_article_current()


def test_failed_rebuild_keeps_the_old_state(store):
    store.add_article(make_records())
    [event_id] = [r["id"] for r in store.record_refs("events")]
    store.replace_storylines([_storyline(event_id)])
    with pytest.raises(RuntimeError), store.cross_article_update():
        store.replace_storylines([])
        raise RuntimeError("merge crashed")
    assert [r["id"] for r in store.timeline()] == ["s1"]


def test_reference_reads_for_cross_article_functions(store):
    aid = store.add_article(make_records())
    assert [(r["article_id"], r["idx"], r["sentence"]) for r in store.record_refs("quotes")] == [(aid, 0, 1)]
    assert [r["sentence"] for r in store.record_refs("sentences")] == [None, None]  # no such field
    [row] = store.article_index()
    assert (row["id"], row["published"], row["source"]) == (aid, "2025-06-10", "mem://1")
    with pytest.raises(ValueError):
        store.record_refs("articles; DROP TABLE articles")


def test_articles_list_orders_undated_last(store):
    store.add_article(make_records(source="mem://undated", published=None, text=TEXT + " A."))
    store.add_article(make_records())
    assert [a["published"] for a in store.articles()] == ["2025-06-10", None]
    rows, total = store.articles_page(since="2025-06")
    assert total == 1 and rows[0]["chars"] == len(TEXT)


def test_timeline_orders_weeks_by_their_first_day(store):
    store.add_article(make_records())
    store.replace_storylines([
        {"id": "day", "type": "meeting", "date": "2025-11-26", "participants": [], "event_ids": []},
        {"id": "week", "type": "meeting", "date": "2025-W48", "participants": [], "event_ids": []},
        {"id": "month", "type": "meeting", "date": "2025-12", "participants": [], "event_ids": []},
        {"id": "undated", "type": "meeting", "date": None, "participants": [], "event_ids": []},
    ])
    assert [r["id"] for r in store.timeline()] == ["week", "day", "month", "undated"]
    assert [r["id"] for r in store.timeline(date_from="2025-11-27", date_to="2025-12-01")] == ["week", "month"]


def test_reopen_keeps_everything(store, db_url):
    store.add_article(make_records())
    again = open_store(Settings(db=db_url))
    try:
        assert again.count() == 1 and again.get_meta("schema_digest") == store.get_meta("schema_digest")
    finally:
        again.close()
    ro = open_store(Settings(db=db_url), readonly=True)
    try:
        assert ro.article(1)["title"] == "Alpha à Genève"
    finally:
        ro.close()


def test_a_column_added_to_the_schema_is_added_on_open(db_url, monkeypatch):
    from dossier.store import schema

    open_store(Settings(db=db_url)).close()
    crossref = schema.TABLE["crossref"]
    grown = schema.Table(crossref.name, crossref.columns + (schema.Column("note"),), primary_key=crossref.primary_key)
    tables = tuple(grown if t is crossref else t for t in schema.TABLES)
    monkeypatch.setattr(schema, "TABLES", tables)
    monkeypatch.setitem(schema.TABLE, "crossref", grown)
    s = open_store(Settings(db=db_url), readonly=True)  # even a reader upgrades an older database
    try:
        assert ("column", "crossref.note") in s._catalog()
    finally:
        s.close()


@pytest.mark.parametrize("date", ["2025-12-02", "2025-12-02T17:00", "2025-W48", "2025-12", "2025", None])
def test_date_bounds_are_stored_with_storylines(store, date):
    from dossier.store.queries import date_bounds

    store.replace_storylines([{"id": "s", "date": date, "participants": [], "event_ids": []}])
    [row] = store.export_rows("storylines")
    assert (row["date_start"], row["date_end"]) == date_bounds(date)


def _story_store(store, *, background: bool, line: bool = True):
    rec = make_records()
    rec.events[0].background = background
    rec.events[0].timeline_line = line
    store.add_article(rec)
    [event_id] = [r["id"] for r in store.record_refs("events")]
    store.replace_storylines([_storyline(event_id)])


@pytest.mark.parametrize("background, line", [
    (False, True),
    (True, True),    # history recalled: flagged for folding
    (False, False),  # no participant, no place: a record, not a timeline line
])
def test_timeline_flags_background_and_non_lines(store, background, line):
    _story_store(store, background=background, line=line)
    [row] = store.timeline()
    assert (row["background"], row["timeline_line"]) == (background, line)
