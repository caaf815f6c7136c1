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


def article_from_record(record, source: str) -> Article:
    if not isinstance(record, dict):
        raise InputError(source, "JSON record is not an object")
    text = _first(record, *TEXT_FIELDS)
    if isinstance(text, list):
        text = "\n\n".join(str(t) for t in text if t)
    if not isinstance(text, str) or not text.strip():
        raise InputError(source, NO_TEXT)
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
