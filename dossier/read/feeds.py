"""RSS and Atom feeds (feedparser): one article per entry, from its content or summary.

A truncated feed (a download cut short) keeps its complete entries: feedparser's lenient parser
reads what is there, and an entry whose closing tag never came is reported as incomplete.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from dossier.errors import InputError
from dossier.models import Article
from dossier.read.build import make_article
from dossier.read.html import html_to_text

NOT_A_FEED = "not an RSS/Atom feed (not XML)"
_ENTRY_END = re.compile(rb"</(?:[\w.-]+:)?(?:item|entry)\s*>", re.IGNORECASE)


def is_feed_bytes(data: bytes) -> bool:
    head = data[:1024].lstrip().lower()
    return head.startswith(b"<?xml") or b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def _entry_text(entry) -> str:
    for content in entry.get("content") or []:
        value = content.get("value")
        if value and value.strip():
            return html_to_text(value) if "html" in (content.get("type") or "html") else value.strip()
    summary = entry.get("summary") or entry.get("description") or ""
    return html_to_text(summary) if summary else ""


def iter_feed(data: bytes, source: str) -> Iterator[Article | InputError]:
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        if not parsed.get("version"):
            yield InputError(source, NOT_A_FEED if parsed.get("bozo") or not is_feed_bytes(data) else "not an RSS/Atom feed")
        else:
            yield InputError(source, "feed has no entries")
        return
    feed = parsed.get("feed", {})
    outlet = feed.get("title")
    language = feed.get("language")
    # a feed that is not well-formed may be cut short: entries past the last closing tag are partial
    complete = len(_ENTRY_END.findall(data)) if parsed.get("bozo") else len(parsed.entries)
    for n, entry in enumerate(parsed.entries, start=1):
        where = f"{source}#{n}"
        if n > complete:
            yield InputError(where, "feed entry is incomplete (the feed is truncated)")
            continue
        text = _entry_text(entry)
        if not text.strip():
            yield InputError(where, "feed entry has no text")
            continue
        published = entry.get("published_parsed") or entry.get("updated_parsed") or entry.get("published")
        try:
            yield make_article(
                text,
                where,
                url=entry.get("link"),
                outlet=outlet,
                author=entry.get("author"),
                title=entry.get("title"),
                published=published,
                basis="metadata",
                language=language,
                extra={"feed": source, "entry_id": entry.get("id")} if entry.get("id") else {"feed": source},
            )
        except InputError as exc:  # an entry with no real text
            yield exc
