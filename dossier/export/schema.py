"""The JSON Schema of ``dossier export --format json``, derived from the record dataclasses so it
cannot drift from them. ``docs/schema/export.schema.json`` is this function's output (a test
checks that they are equal; regenerate with ``python -m dossier.export.schema > docs/schema/export.schema.json``).
"""
from __future__ import annotations

import dataclasses
import json
import typing
from typing import Any

from dossier import models
from dossier.export.formats import FORMAT_ID
from dossier.store import schema as store_schema

ID = "https://dossier.invalid/schema/export.schema.json"


def _type(tp: Any) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        inner = [a for a in args if a is not type(None)]
        out = _type(inner[0]) if len(inner) == 1 else {"anyOf": [_type(a) for a in inner]}
        if type(None) in args:
            out = {"anyOf": [out, {"type": "null"}]} if "type" not in out or isinstance(out["type"], list) \
                else {**out, "type": [out["type"], "null"]}
        return out
    if origin is list or tp is list:
        item = _type(args[0]) if args else {}
        return {"type": "array", "items": item}
    if origin is tuple:
        return {"type": "array", "items": _type(args[0]) if args else {}}
    if origin is dict or tp is dict:
        return {"type": "object"}
    if dataclasses.is_dataclass(tp):
        return {"$ref": f"#/$defs/{tp.__name__}"}
    return {bool: {"type": ["boolean", "integer"]}, int: {"type": "integer"}, float: {"type": "number"},
            str: {"type": "string"}}.get(tp, {})


def _record(cls: type, stored: bool = True) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    props: dict[str, Any] = {}
    if stored:
        props["id"] = {"type": "integer", "description": "row id in the database"}
        props["idx"] = {"type": "integer", "description": "index of the record in its article"}
    required = ["id", "idx"] if stored else []
    for f in dataclasses.fields(cls):
        props[f.name] = _type(hints[f.name])
        required.append(f.name)
    return {"type": "object", "description": (cls.__doc__ or cls.__name__).strip().split("\n")[0],
            "properties": props, "required": required}


def _article() -> dict[str, Any]:
    json_type = {"text": ["string", "null"], "json": ["string", "null"], "timestamp": ["string", "null"],
                 "real": ["number", "null"], "int": ["integer", "null"]}
    props: dict[str, Any] = {"id": {"type": "integer"}}
    for col in store_schema.ARTICLES.columns:
        if col.name in store_schema.ARTICLE_FIELDS:
            props[col.name] = {"type": list(json_type[col.type])}
    props["content_hash"] = {"type": "string"}
    props["raw_text"] = {"type": "string", "description": "the original text; every offset points into it"}
    props["boilerplate"] = {"type": "array", "items": {"type": "array", "items": {"type": "integer"},
                                                       "minItems": 2, "maxItems": 2},
                            "description": "removed page-furniture spans [start, end) of raw_text"}
    props["extra"] = {"type": "object"}
    for table, cls in store_schema.RECORD_TABLES.items():
        props[table] = {"type": "array", "items": {"$ref": f"#/$defs/{cls.__name__}"}}
    return {"type": "object", "properties": props,
            "required": ["id", "raw_text", "content_hash", "boilerplate", *store_schema.RECORD_TABLES]}


def export_schema() -> dict[str, Any]:
    defs = {cls.__name__: _record(cls) for cls in store_schema.RECORD_TABLES.values()}
    defs["Participant"] = _record(models.Participant, stored=False)
    defs["Article"] = _article()
    entity = _record(models.EntityInfo, stored=False)
    entity["properties"].update({"lat": {"type": ["number", "null"]}, "lon": {"type": ["number", "null"]}})
    defs["Entity"] = entity
    defs["Storyline"] = {
        "type": "object",
        "description": "One real-world event merged across articles; event_ids are the stored events it merges.",
        "properties": {
            "id": {"type": "string"}, "type": {"type": ["string", "null"]}, "plover": {"type": ["string", "null"]},
            "date": {"type": ["string", "null"]}, "date_precision": {"type": ["string", "null"]},
            "place_id": {"type": ["string", "null"]}, "place_name": {"type": ["string", "null"]},
            "status": {"type": ["string", "null"]}, "participants": {"type": ["array", "null"]},
            "details": {"type": ["object", "null"]}, "explanation": {"type": ["array", "null"]},
            "n_sources": {"type": ["integer", "null"]}, "n_articles": {"type": ["integer", "null"]},
            "summary": {"type": ["string", "null"]},
            "event_ids": {"type": "array", "items": {"type": "integer"}},
        },
        "required": ["id", "event_ids"],
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": ID,
        "title": "dossier export",
        "description": "A whole dossier: articles with their original text and every record pointing into "
                       "it (character offsets), canonical entities, storyline events and cross-article results.",
        "type": "object",
        "properties": {
            "format": {"const": FORMAT_ID},
            "generated_at": {"type": "string"},
            "articles": {"type": "array", "items": {"$ref": "#/$defs/Article"}},
            "entities": {"type": "array", "items": {"$ref": "#/$defs/Entity"}},
            "storylines": {"type": "array", "items": {"$ref": "#/$defs/Storyline"}},
            "crossref": {"type": "object", "description": "disputes, conflicts, positions, quote_groups …",
                         "additionalProperties": {"type": "array", "items": {"type": "object"}}},
        },
        "required": ["format", "articles", "entities", "storylines", "crossref"],
        "$defs": defs,
    }


def schema_text() -> str:
    return json.dumps(export_schema(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":  # pragma: no cover
    import sys

    sys.stdout.write(schema_text())
