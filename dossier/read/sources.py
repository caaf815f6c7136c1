"""Every input -> Article records (or InputError values for the inputs that cannot be read)."""
from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from dossier.config import Settings
from dossier.errors import InputError
from dossier.models import Article
from dossier.read.build import make_article
from dossier.read.decode import decode, looks_binary
from dossier.read.feeds import is_feed_bytes, iter_feed
from dossier.read.fetch import fetch, is_url
from dossier.read.html import article_from_html, looks_like_html
from dossier.read.manifest import apply_manifest, load_manifest, manifest_key
from dossier.read.records import iter_json, iter_jsonl

log = logging.getLogger(__name__)

TEXT_TYPES = {".txt", ".text", ".md", ""}  # "": only a file named on the command line (see _iter_file)
HTML_TYPES = {".html", ".htm", ".xhtml"}
FEED_TYPES = {".xml", ".rss", ".atom"}
JSON_TYPES = {".json"}
JSONL_TYPES = {".jsonl", ".ndjson"}
SUPPORTED = TEXT_TYPES | HTML_TYPES | FEED_TYPES | JSON_TYPES | JSONL_TYPES

Item = Article | InputError
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*)://")


def iter_articles(inputs: list[str], settings: Settings,
                  manifest: str | Sequence[str] | None = None) -> Iterator[Item]:
    """Articles from files, folders, URLs and feeds; one InputError value per bad input.

    With ``manifest`` (one path or several) its metadata wins over what the texts say; with no
    ``inputs`` the files and URLs the manifests list are read. A manifest that cannot be read is
    reported and nothing is ingested (its articles would go in without their dates).
    """
    entries: dict[str, dict] = {}
    named = True  # inputs the user named: an extensionless file among them is read as text
    manifests = [manifest] if isinstance(manifest, str) else list(manifest or ())
    failed = False
    for path in manifests:
        try:
            found, errors = load_manifest(path, roots=settings.allowed_roots)
        except InputError as exc:
            yield exc
            failed = True
            continue
        yield from errors
        entries.update(found)
    if failed:
        return
    if manifests and not inputs:
        inputs, named = list(entries), False
    for value in inputs:
        for item in _iter_input(str(value), settings, named):
            if isinstance(item, Article) and entries:
                meta = _lookup(item, entries)
                if meta:
                    item = apply_manifest(item, meta)
            yield item


def _lookup(article: Article, entries: dict[str, dict]) -> dict | None:
    source = article.source
    if not is_url(source):
        base = source.rsplit("#", 1)[0] if "#" in source else source
        meta = entries.get(manifest_key(base))
        if meta:
            return meta
    return entries.get(source) or (entries.get(article.url) if article.url else None)


def _iter_input(value: str, settings: Settings, named: bool = True) -> Iterator[Item]:
    if is_url(value):
        yield from _iter_url(value, settings)
        return
    if scheme := _SCHEME.match(value):
        yield InputError(value, f"{scheme[1].lower()}:// URLs are not supported (give a file path, or an http(s) URL)")
        return
    path = Path(value).expanduser()
    if not path.exists():
        yield InputError(value, "no such file or directory")
    elif path.is_dir():
        try:
            files = sorted(
                p for p in path.rglob("*")
                if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        except OSError as exc:
            yield InputError(value, f"cannot list folder ({exc.strerror or exc.__class__.__name__})")
            return
        if not files:
            yield InputError(value, "folder has no files")
        for p in files:
            yield from _iter_file(p, str(p), settings, named=False)
    else:
        yield from _iter_file(path, value, settings, named)


def _iter_file(path: Path, source: str, settings: Settings, named: bool = True) -> Iterator[Item]:
    """One file. A file without an extension is read as text only when the user named it (not
    when a folder or a manifest lists it: /etc/hostname is not an article)."""
    ext = path.suffix.lower()
    if not ext and not named:
        yield InputError(source, "no file extension (not read as text: name it .txt, or give it on the command line)")
        return
    if ext not in SUPPORTED:
        yield InputError(source, f"unsupported file type '{ext}'")
        return
    try:
        size = path.stat().st_size
        if size == 0:
            yield InputError(source, "empty file")
            return
        if size > settings.max_bytes:
            yield InputError(source, f"file too large ({size} bytes, limit {settings.max_bytes})")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(source, f"cannot read ({exc.strerror or exc.__class__.__name__})")
        return
    kind = {**dict.fromkeys(TEXT_TYPES, "text"), **dict.fromkeys(HTML_TYPES, "html"),
            **dict.fromkeys(FEED_TYPES, "feed"), **dict.fromkeys(JSON_TYPES, "json"),
            **dict.fromkeys(JSONL_TYPES, "jsonl")}[ext]
    yield from _iter_bytes(data, source, kind, url=None)


def _iter_url(url: str, settings: Settings) -> Iterator[Item]:
    try:
        data, content_type, final_url = fetch(url, settings)
    except InputError as exc:
        yield exc
        return
    if not data.strip():
        yield InputError(url, "empty response")
        return
    ctype = content_type.lower()
    if any(t in ctype for t in ("rss", "atom")) or (("xml" in ctype or "html" in ctype) and is_feed_bytes(data)):
        kind = "feed"
    elif "html" in ctype:
        kind = "html"
    elif "json" in ctype:
        kind = "jsonl" if url.lower().split("?")[0].endswith((".jsonl", ".ndjson")) else "json"
    elif "xml" in ctype:
        kind = "feed"
    else:
        kind = "sniff"
    yield from _iter_bytes(data, url, kind, url=final_url)


def _iter_bytes(data: bytes, source: str, kind: str, url: str | None) -> Iterator[Item]:
    if kind == "feed":
        if looks_binary(data):
            yield InputError(source, "binary file (not text)")
            return
        yield from iter_feed(data, source)
        return
    try:
        text, encoding = decode(data, source)
    except InputError as exc:
        yield exc
        return
    if not text.strip():
        yield InputError(source, "empty file")
        return
    if kind == "sniff":
        if is_feed_bytes(data):
            yield from iter_feed(data, source)
            return
        kind = "html" if looks_like_html(text) else "text"
    try:
        if kind == "text":
            yield make_article(text, source, url=url, extra={"encoding": encoding} if encoding != "utf-8" else None)
        elif kind == "html":
            yield article_from_html(text, source, url=url)
        elif kind == "json":
            yield from iter_json(text, source)
        elif kind == "jsonl":
            yield from iter_jsonl(text, source)
    except InputError as exc:
        yield exc
    except (ValueError, TypeError, LookupError, RecursionError) as exc:  # a parser library choking on odd input
        log.warning("cannot parse %s", source, exc_info=True)
        yield InputError(source, f"cannot parse ({exc.__class__.__name__})")
