"""Exports round-trip: what is written reads back equal to what the store holds."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from dossier.errors import DossierError
from dossier.export import export, export_document, plover_records
from dossier.store.schema import RECORD_TABLES

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = ROOT / "docs" / "schema" / "export.schema.json"


def test_json_document_round_trip(store, tmp_path):
    (path,) = export(store, "json", tmp_path / "d.json")
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["format"] == "dossier-export/1"
    assert [a["id"] for a in doc["articles"]] == [1, 2, 3]
    for art in doc["articles"]:
        stored = store.article(art["id"])
        assert art["raw_text"] == stored["raw_text"]
        for table in RECORD_TABLES:
            assert len(art[table]) == len(stored[table]), table
            for rec in art[table]:
                if "start" in rec and "end" in rec and "text" in rec:
                    assert art["raw_text"][rec["start"]:rec["end"]] == rec["text"]
    assert {s["id"]: len(s["event_ids"]) for s in doc["storylines"]} == {"S1": 2, "S2": 1}
    assert set(doc["crossref"]) == {"disputes", "conflicts"}
    assert len(doc["entities"]) == 8


def test_published_schema_is_generated_from_the_records():
    from dossier.export.schema import schema_text

    assert SCHEMA.read_text(encoding="utf-8") == schema_text(), \
        "regenerate: python -m dossier.export.schema > docs/schema/export.schema.json"


def test_json_export_matches_schema(store):
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    doc = json.loads(json.dumps(export_document(store), default=str))
    try:
        import jsonschema
    except ImportError:  # a tiny structural check instead
        assert set(schema["required"]) <= set(doc)
        for art in doc["articles"]:
            assert set(schema["$defs"]["Article"]["required"]) <= set(art)
        return
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(doc, schema)
    broken = dict(doc, articles=[{"id": "one"}])
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def test_csv_one_table_per_record_type(store, tmp_path):
    files = export(store, "csv", tmp_path / "csv")
    names = {f.name for f in files}
    assert {f"{t}.csv" for t in RECORD_TABLES} | {"articles.csv", "entities.csv", "storylines.csv"} <= names
    with (tmp_path / "csv" / "quotes.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["text"] for r in rows] == [q["text"] for q in store.quotes()]
    with (tmp_path / "csv" / "events.csv").open(encoding="utf-8") as fh:
        events = list(csv.DictReader(fh))
    assert json.loads(events[0]["participants"])[0]["entity_id"] == "vladimir_putin"
    with (tmp_path / "csv" / "articles.csv").open(encoding="utf-8") as fh:
        arts = list(csv.DictReader(fh))
    assert arts[2]["raw_text"] == store.article(3)["raw_text"]  # hostile text kept verbatim
    assert (tmp_path / "csv" / "attributes.csv").read_text() == ""  # empty table, still one file


def test_parquet_round_trip(store, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    export(store, "parquet", tmp_path / "pq")
    mentions = pq.read_table(tmp_path / "pq" / "mentions.parquet").to_pylist()
    assert len(mentions) == store.count("mentions")
    assert {m["entity_id"] for m in mentions} >= {"vladimir_putin", "yuri_ushakov"}
    arts = pq.read_table(tmp_path / "pq" / "articles.parquet")
    assert arts.column("id").to_pylist() == [1, 2, 3]
    assert str(arts.schema.field("id").type) == "int64"
    sl = pq.read_table(tmp_path / "pq" / "storyline_sources.parquet").to_pylist()
    assert len(sl) == 3


def test_plover_lines(store, tmp_path):
    (path,) = export(store, "plover", tmp_path / "events.jsonl")
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == store.count("events")
    meeting = lines[0]
    assert meeting["event_type"] == "CONSULT" and meeting["mode"] == "visit"
    assert meeting["actor"]["wikidata"] == "Q7747"
    assert meeting["url"] == "https://example.org/entretien"
    art = store.article(meeting["article_id"])
    assert art["raw_text"][meeting["start"]:meeting["end"]] == meeting["event_text"]
    assert len({rec["id"] for rec in plover_records(store)}) == len(lines)


@pytest.mark.parametrize("fmt, target, message", [
    ("xml", "x.xml", "unknown export format"),
    ("json", "no/such/folder/x.json", "does not exist"),
    ("csv", "file.txt", "not a folder"),
])
def test_export_errors(store, tmp_path, fmt, target, message):
    (tmp_path / "file.txt").write_text("x")
    with pytest.raises(DossierError, match=message):
        export(store, fmt, tmp_path / target)
