"""The SQLite store on hand-made records (no model needed)."""
from __future__ import annotations

import sqlite3

import pytest

from dossier.config import Settings
from dossier.errors import NotFound, StoreError
from dossier.models import (Article, ArticleRecords, EntityInfo, Event, Mention, Participant,
                            Quote, Sentence)
from dossier.store import open_store

TEXT = "Le ministre Alpha a rencontré Beta à Genève lundi. « Tout va bien », a dit Alpha."


def make_records(text: str = TEXT, title: str = "Alpha à Genève") -> ArticleRecords:
    art = Article(raw_text=text, source="mem://1", title=title, published="2025-06-10",
                  published_precision="day", published_basis="manifest", language="fr")
    return ArticleRecords(
        article=art,
        clean_text=text,
        boilerplate=[],
        sentences=[Sentence(0, 51, text[:51]), Sentence(52, len(text), text[52:])],
        mentions=[Mention(12, 17, "Alpha", "PER", "local:alpha", "Alpha", "person", sentence=0),
                  Mention(30, 34, "Beta", "PER", "local:beta", "Beta", "person", sentence=0)],
        entities={"local:alpha": EntityInfo("local:alpha", "Alpha", "person", aliases=["Alpha", "M. Alpha"]),
                  "local:beta": EntityInfo("local:beta", "Beta", "person", aliases=["Beta"])},
        quotes=[Quote(54, 67, "Tout va bien ", "direct", "local:alpha", "Alpha", cue="a dit",
                      date="2025-06-10", sentence=1)],
        events=[Event(0, 51, text[:51], "meeting", "CONSULT",
                      participants=[Participant("local:alpha", "Alpha"), Participant("local:beta", "Beta")],
                      date="2025-06-09", date_precision="day", sentence=0)],
        pipeline_version="test",
    )


@pytest.fixture()
def store(tmp_path):
    s = open_store(Settings(db=str(tmp_path / "t.db")))
    yield s
    s.close()


def test_round_trip_article_and_records(store):
    aid = store.add_article(make_records())
    art = store.article(aid)
    assert art["title"] == "Alpha à Genève"
    assert [m["text"] for m in art["mentions"]] == ["Alpha", "Beta"]
    assert art["events"][0]["participants"][1]["entity_id"] == "local:beta"
    assert store.article_id_for_hash(make_records().article.content_hash) == aid


def test_records_come_back_as_dataclasses(store):
    store.add_article(make_records())
    [(aid, event)] = store.records("events")
    assert isinstance(event, Event) and isinstance(event.participants[0], Participant)


def test_duplicate_hash_is_refused(store):
    store.add_article(make_records())
    with pytest.raises(StoreError, match="already stored"):
        store.add_article(make_records())
    assert store.count() == 1


def test_search_is_accent_insensitive(store):
    store.add_article(make_records())
    assert store.search("geneve")[0]["title"] == "Alpha à Genève"
    assert store.search("introuvable") == []


def test_entity_profile_by_alias_and_unknown_name(store):
    store.add_article(make_records())
    ent = store.entity("M. Alpha")
    assert ent["id"] == "local:alpha" and ent["mention_count"] == 1
    with pytest.raises(NotFound):
        store.entity("Personne Inconnue Zzz")


def test_quotes_filters(store):
    store.add_article(make_records())
    assert len(store.quotes(speaker="Alpha")) == 1
    assert store.quotes(since="2025-07-01") == []
    assert len(store.quotes(until="2025-06")) == 1


def test_storylines_replace_and_timeline(store):
    aid = store.add_article(make_records())
    [(event_id,)] = store.conn.execute("SELECT id FROM events").fetchall()
    store.replace_storylines([{"id": "s1", "type": "meeting", "plover": "CONSULT", "date": "2025-06-09",
                               "date_precision": "day", "participants": [{"entity_id": "local:alpha", "name": "Alpha"}],
                               "event_ids": [event_id]}], {"disputes": [{"id": "d1", "proposition": "P"}]})
    rows = store.timeline(actor="Alpha")
    assert rows[0]["id"] == "s1" and rows[0]["sources"][0]["article_id"] == aid
    assert store.timeline(date_from="2025-07") == []
    assert store.crossref("disputes") == [{"id": "d1", "proposition": "P"}]


def test_new_record_field_is_migrated(tmp_path):
    path = tmp_path / "old.db"
    s = open_store(Settings(db=str(path)))
    s.conn.execute("ALTER TABLE quotes DROP COLUMN confidence")
    s.close()
    s = open_store(Settings(db=str(path)))  # reopening adds the missing column back
    cols = {r[1] for r in s.conn.execute("PRAGMA table_info(quotes)")}
    assert "confidence" in cols
    s.close()


def test_not_a_database(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_text("this is not sqlite " * 100)
    with pytest.raises(StoreError, match="not a dossier database"):
        open_store(Settings(db=str(bad)))


@pytest.mark.parametrize("path,message", [
    ("/proc/dossier-test.db", "not a dossier database or not writable"),
    ("/nonexistent-folder-xyz/d.db", "does not exist"),
])
def test_unwritable_locations(path, message):
    with pytest.raises(StoreError, match=message):
        open_store(Settings(db=path))


def test_readonly_open_of_missing_db(tmp_path):
    with pytest.raises(StoreError, match="no database here yet"):
        open_store(Settings(db=str(tmp_path / "none.db")), readonly=True)


def test_wal_mode(store):
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert isinstance(store.conn, sqlite3.Connection)


@pytest.mark.parametrize("value,bounds", [
    ("2025-12-02", ("2025-12-02", "2025-12-02")),
    ("2025-12-02T17:00", ("2025-12-02", "2025-12-02")),
    ("2025-W48", ("2025-11-24", "2025-11-30")),
    ("2025-12", ("2025-12-01", "2025-12-31")),
    ("2025", ("2025-01-01", "2025-12-31")),
    (None, (None, None)),
])
def test_date_bounds(value, bounds):
    from dossier.store.queries import date_bounds

    assert date_bounds(value) == bounds


def test_timeline_orders_weeks_by_their_first_day(store):
    store.add_article(make_records())
    store.replace_storylines([
        {"id": "day", "type": "meeting", "date": "2025-11-26", "participants": [], "event_ids": []},
        {"id": "week", "type": "meeting", "date": "2025-W48", "participants": [], "event_ids": []},
        {"id": "month", "type": "meeting", "date": "2025-12", "participants": [], "event_ids": []},
    ])
    assert [r["id"] for r in store.timeline()] == ["week", "day", "month"]
    assert [r["id"] for r in store.timeline(date_from="2025-11-27", date_to="2025-12-01")] == ["week", "month"]


def _story_store(store, *, background: bool, line: bool = True):
    rec = make_records()
    rec.events[0].background = background
    rec.events[0].timeline_line = line
    store.add_article(rec)
    [(event_id,)] = store.conn.execute("SELECT id FROM events").fetchall()
    store.replace_storylines([{"id": "s1", "type": "meeting", "plover": "CONSULT", "date": "2025-06-09",
                               "date_precision": "day", "participants": [], "event_ids": [event_id]}])


@pytest.mark.parametrize("background, line, shown, folded", [
    (False, True, True, False),
    (True, True, True, True),   # history recalled: listed, flagged for folding
    (False, False, False, False),  # no participant, no place: a record, not a timeline line
])
def test_timeline_flags_background_and_drops_non_lines(store, background, line, shown, folded):
    _story_store(store, background=background, line=line)
    rows = store.timeline()
    assert bool(rows) == shown
    if rows:
        assert rows[0]["background"] is folded
