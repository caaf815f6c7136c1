"""JSON and JSON Lines: one article per record (a record or a list of records)."""
from __future__ import annotations

import json
from collections.abc import Iterator

from dossier.errors import InputError
from dossier.models import Article
from dossier.read.build import make_article
from dossier.read.html import article_from_html, looks_like_html

TEXT_FIELDS = ("text", "content", "body")
NO_TEXT = "JSON record has no text (expected a 'text', 'content' or 'body' field)"


def _first(record: dict, *names: str):
    for name in names:
        value = record.get(name)
        if value not in (None, "", []):
            return value
    return None


def _named(value) -> bool:
    """A schema.org-style person or organisation: {"name": "..."}."""
    return isinstance(value, dict) and isinstance(value.get("name"), str)


def _strings(value) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


# metadata field -> (what it may be, a check). A field of another type is not coerced (no
# Python repr such as "['a', 'b']" or "True" stored as a title or an author): the record is
# rejected with the field's name, so that the user can fix the export.
_STR = ("a string", lambda v: isinstance(v, str))
_TYPES = {
    **dict.fromkeys(("url", "link", "title", "headline", "language", "lang"), _STR),
    **dict.fromkeys(("outlet", "source", "site", "sitename"), ("a string or {\"name\": ...}",
                                                               lambda v: isinstance(v, str) or _named(v))),
    **dict.fromkeys(("author", "authors", "byline"), (
        "a string, {\"name\": ...} or a list of them",
        lambda v: isinstance(v, str) or _named(v)
        or (isinstance(v, list) and all(isinstance(x, str) or _named(x) for x in v)))),
    **dict.fromkeys(("published", "date", "published_at", "datePublished", "pubDate"), (
        "a date string", lambda v: isinstance(v, str) or (isinstance(v, int) and not isinstance(v, bool)))),
}


def _type_name(value) -> str:
    return {bool: "a boolean", int: "a number", float: "a number", list: "a list", dict: "an object",
            str: "a string"}.get(type(value), type(value).__name__)


def _check_types(record: dict, source: str) -> None:
    for name, (expected, ok) in _TYPES.items():
        value = record.get(name)
        if value is not None and not ok(value):
            raise InputError(source, f"field '{name}' is {_type_name(value)}, expected {expected}")


def article_from_record(record, source: str) -> Article:
    if not isinstance(record, dict):
        raise InputError(source, "JSON record is not an object")
    text = _first(record, *TEXT_FIELDS)
    if text is None:
        raise InputError(source, NO_TEXT)
    if isinstance(text, list) and _strings(text):  # paragraphs
        text = "\n\n".join(t for t in text if t.strip())
    if not isinstance(text, str):
        name = next(n for n in TEXT_FIELDS if record.get(n) not in (None, "", []))  # the field _first took
        raise InputError(source, f"field '{name}' is {_type_name(text)}, expected a string or a list of strings")
    if not text.strip():
        raise InputError(source, NO_TEXT)
    _check_types(record, source)
    url = _first(record, "url", "link")
    if looks_like_html(text):
        article = article_from_html(text, source, url=url)
        text = article.raw_text
    fields = dict(
        url=url,
        outlet=_first(record, "outlet", "source", "site", "sitename"),
        author=_first(record, "author", "authors", "byline"),
        title=_first(record, "title", "headline"),
        published=_first(record, "published", "date", "published_at", "datePublished", "pubDate"),
        language=_first(record, "language", "lang"),
    )
    known = set(TEXT_FIELDS) | {"url", "link", "outlet", "source", "site", "sitename", "author", "authors", "byline",
                                "title", "headline", "published", "date", "published_at", "datePublished", "pubDate",
                                "language", "lang"}
    extra = {k: v for k, v in record.items() if k not in known}
    return make_article(text, source, basis="metadata", extra=extra, **fields)


def _json_error(exc: json.JSONDecodeError) -> str:
    return f"malformed JSON ({exc.msg} at line {exc.lineno} column {exc.colno})"


def iter_jsonl(text: str, source: str) -> Iterator[Article | InputError]:
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"malformed JSON ({exc.msg} at column {exc.colno})")
            continue
        try:
            yield article_from_record(record, where)
        except InputError as exc:
            yield exc


def iter_json(text: str, source: str) -> Iterator[Article | InputError]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield InputError(source, _json_error(exc))
        return
    if isinstance(data, dict) and not any(k in data for k in TEXT_FIELDS):
        for key in ("articles", "items", "records", "data"):
            if isinstance(data.get(key), list):
                data = data[key]
                break
    if isinstance(data, list):
        for i, record in enumerate(data):
            try:
                yield article_from_record(record, f"{source}[{i}]")
            except InputError as exc:
                yield exc
        return
    try:
        yield article_from_record(data, source)
    except InputError as exc:
        yield exc
