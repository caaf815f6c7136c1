"""Manifest files (JSON Lines): one entry per article with metadata that wins over the text's.

    {"file": "seeds/a.txt", "published": "2025-12-02", "outlet": "...", "language": "fr"}
    {"url": "https://example.org/story", "title": "...", "author": "..."}

``file`` paths are relative to the manifest's folder and must stay inside it (or inside one of
the allowed roots, ``Settings.allowed_roots`` / ``DOSSIER_ALLOWED_ROOTS``): a manifest from a
crawl cannot make dossier read ``../../etc/passwd`` or ``/etc/hostname``.
"""
from __future__ import annotations

import dataclasses
import json
import logging
import os
from collections.abc import Iterable
from pathlib import Path

from dossier.errors import InputError
from dossier.models import Article
from dossier.read.build import language_code, without_nul
from dossier.read.dates import parse_date
from dossier.read.fetch import is_url

log = logging.getLogger(__name__)
FIELDS = ("published", "outlet", "url", "author", "language", "title")


def manifest_key(source: str) -> str:
    """Key of an input in a manifest mapping: the URL, or the resolved file path."""
    if is_url(source):
        return source
    return str(Path(source).expanduser().resolve())


def _inside(path: str, folder: str) -> bool:
    folder = os.path.normpath(os.path.abspath(folder))
    return os.path.commonpath([os.path.normpath(os.path.abspath(path)), folder]) == folder


def _text(value) -> bool:
    return isinstance(value, str) and bool(value.strip())


def load_manifest(path: str, roots: Iterable[str] = ()) -> tuple[dict[str, dict], list[InputError]]:
    """(entries keyed by ``manifest_key``, errors for unreadable lines and for files outside the
    manifest's folder and the allowed ``roots``)."""
    p = Path(path)
    if not p.is_file():
        raise InputError(path, "no such file or directory" if not p.exists() else "manifest is not a file")
    try:
        text = p.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot read manifest ({exc.__class__.__name__})") from None
    entries: dict[str, dict] = {}
    errors: list[InputError] = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(InputError(where, f"malformed JSON ({exc.msg} at column {exc.colno})"))
            continue
        if not isinstance(record, dict) or not (record.get("file") or record.get("url")):
            errors.append(InputError(where, "manifest entry needs a 'file' or a 'url'"))
            continue
        wrong = [k for k in ("file", "url", *FIELDS) if record.get(k) is not None and not isinstance(record[k], str)]
        if wrong:
            errors.append(InputError(where, f"manifest field '{wrong[0]}' must be a string, "
                                            f"not {type(record[wrong[0]]).__name__}"))
            continue
        if not (_text(record.get("file")) or _text(record.get("url"))):
            errors.append(InputError(where, "manifest entry needs a 'file' or a 'url' (not blank)"))
            continue
        meta = {k: record[k] for k in FIELDS if record.get(k) is not None}
        if _text(record.get("file")):
            target = os.path.join(str(p.parent), record["file"])
            if not any(_inside(target, folder) for folder in (str(p.parent), *roots)):
                errors.append(InputError(where, f"file {record['file']!r} is outside the manifest's folder "
                                                "(allow another folder with DOSSIER_ALLOWED_ROOTS)"))
                continue
            try:
                key = manifest_key(target)
            except (ValueError, OSError) as exc:  # a NUL byte, a name too long for the system
                errors.append(InputError(where, f"'file' is not a usable path ({exc.__class__.__name__})"))
                continue
        else:
            key = record["url"]
        entries[key] = meta
    return entries, errors


def read_manifest(path: str) -> dict[str, dict]:
    """Manifest entries keyed by resolved file path or URL (malformed lines are logged and skipped)."""
    entries, errors = load_manifest(path)
    for error in errors:
        log.warning("%s", error)
    return entries


def apply_manifest(article: Article, meta: dict) -> Article:
    changes: dict = {}
    for name in ("outlet", "url", "author", "title"):
        if meta.get(name):
            changes[name] = without_nul(str(meta[name]))
    if meta.get("language") and language_code(meta["language"]):
        changes["language"] = language_code(meta["language"])
    date = parse_date(meta.get("published"))
    if date:
        changes.update(published=date[0], published_precision=date[1], published_basis="manifest",
                       published_confidence=1.0)
    return dataclasses.replace(article, **changes) if changes else article
