"""Payload helpers shared by the kinds: plain JSON values, article keys turned into ids, and
citations (article id, position in the article, sentence) for every reference."""
from __future__ import annotations

import dataclasses
import functools
import re
from typing import Any

_CONTENT_KEY = re.compile(r"\b[0-9a-f]{64}\b")  # an article's content hash (sha256)


def plain(obj: Any) -> Any:
    """A dataclass as nested dicts, lists and tuples (what ``dataclasses.asdict`` gives, without
    its deep copy of every leaf: the leaves here are strings and numbers)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return _plain(obj)
    return obj


def _plain(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {name: _plain(getattr(obj, name)) for name in _field_names(type(obj))}
    if isinstance(obj, list):
        return [_plain(x) for x in obj]
    if isinstance(obj, tuple):
        return tuple(_plain(x) for x in obj)
    if isinstance(obj, dict):
        return {_plain(k): _plain(v) for k, v in obj.items()}
    return obj


@functools.lru_cache(maxsize=None)
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def to_ids(obj: Any, article_id: dict[str, str]) -> Any:
    """``obj`` with every article content key (alone or inside a text) replaced by the article id."""
    if isinstance(obj, str):
        return article_id.get(obj) or _CONTENT_KEY.sub(lambda m: article_id.get(m[0], m[0]), obj)
    if isinstance(obj, (list, tuple)):
        return type(obj)(to_ids(x, article_id) for x in obj)
    if isinstance(obj, dict):
        return {k: to_ids(v, article_id) for k, v in obj.items()}
    return obj


def cite(payload: Any, members: list) -> Any:
    """Every nested item naming (key, index) -- ``index`` its position in ``members``, the list
    the cross-article function was given -- gets that record's position in its article
    (``index``), ``article_id`` and ``sentence``, so it can be cited as ``dossier show ID:SENTENCE``
    whatever else was in the list."""
    if isinstance(payload, list):
        return [cite(x, members) for x in payload]
    if isinstance(payload, dict):
        out = {k: cite(v, members) for k, v in payload.items()}
        key, index = out.get("key"), out.get("index")
        if isinstance(key, str) and key.isdigit() and isinstance(index, int) and 0 <= index < len(members):
            m = members[index]
            out["index"] = m.idx
            out["article_id"] = m.article_id
            out["sentence"] = getattr(m.rec, "sentence", None)
        return out
    return payload
