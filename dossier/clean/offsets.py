"""Cleaned text plus the map from its offsets back into the original text.

``clean_text`` keeps the article lines (see :mod:`dossier.clean.boilerplate` for which lines are
furniture) and joins them with paragraph breaks. Every character of the cleaned text is a copy of
one character of the original (separators are copies of original newlines), so
``original[to_original(i)] == text[i]`` for every ``i``, except in a hard-wrapped text
(:mod:`dossier.clean.wrap`): a newline that only wraps a paragraph is a space there, and one
that cuts a word ("négocia-" / "tions") is left out with its hyphen.
"""
from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from dossier.clean.boilerplate import Line, classify, ends_sentence
from dossier.clean.wrap import hyphen_drops, unwrap, wrapped_breaks


@dataclass
class Cleaned:
    original: str
    text: str
    # segments: (clean_start, original_start, length), sorted by clean_start
    segments: list[tuple[int, int, int]] = field(default_factory=list)
    removed: list[tuple[int, int]] = field(default_factory=list)  # original spans removed as furniture
    title: str | None = None  # headline found (or the given title when present in the text)
    author: str | None = None  # name from a byline ("by X", "Author, X")
    dateline: str | None = None  # date text of a dateline / inline metadata prefix, unparsed
    duplicates: list[tuple[int, int]] = field(default_factory=list)  # repeated paragraphs (kept), original spans
    kinds: list[tuple[int, int, str]] = field(default_factory=list)  # removed spans with their furniture kind
    outlet: str | None = None  # outlet named by its own promo line ("X est sur WhatsApp")
    dropped: tuple[int, ...] = ()  # original offsets left out where a wrapping break cuts a word

    @cached_property
    def _starts(self) -> list[int]:
        return [s[0] for s in self.segments]

    def to_original(self, pos: int) -> int:
        """Original offset of the character at clean offset ``pos``."""
        if not self.segments:
            return pos
        i = max(0, bisect.bisect_right(self._starts, pos) - 1)
        c0, o0, length = self.segments[i]
        return o0 + min(pos - c0, length)

    def source(self, start: int, end: int) -> str:
        """``original[start:end]`` (original offsets) as a record quotes it: as written, except a
        word cut at a wrapping break, which reads whole ("négociations", not "négocia-\ntions")."""
        if not self.dropped:
            return self.original[start:end]
        return "".join(self.original[a:b] for a, b in _without(start, end, list(self.dropped)))

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            o = self.to_original(start)
            return o, o
        return self.to_original(start), self.to_original(end - 1) + 1


def _separator(raw: str, prev: Line, nxt: Line, prev_text: str) -> list[int]:
    """Original offsets of the newline(s) that separate two kept lines.

    Two newlines (a paragraph break, so sentences do not run across paragraphs) unless the
    previous line runs on into the next (no final punctuation, next starts in lower case).
    """
    gap = [p for p in range(prev.end, nxt.start) if raw[p] == "\n"]
    if not gap:
        return []
    runs_on = not ends_sentence(prev_text) and nxt.text[:1].islower()
    if runs_on:
        return [gap[0]]
    return [gap[0], gap[-1]]


def _without(o0: int, o1: int, drops: list[int]) -> list[tuple[int, int]]:
    """The span [o0, o1) cut around the offsets of ``drops`` (sorted)."""
    out, start = [], o0
    for d in drops[bisect.bisect_left(drops, o0):bisect.bisect_left(drops, o1)]:
        if d > start:
            out.append((start, d))
        start = d + 1
    if o1 > start:
        out.append((start, o1))
    return out


def clean_text(raw: str, title: str | None = None, known: Callable[[str], bool] | None = None) -> Cleaned:
    """Remove page furniture from ``raw``; keep a map from clean offsets to ``raw`` offsets.
    ``known`` (a lexicon, e.g. the model's vocabulary) tells a word cut by a hyphen at a wrapping
    break ("négocia-" / "tions") from a hyphenated word (:func:`dossier.clean.wrap.hyphen_drops`)."""
    analysis = classify(raw, title)
    pieces: list[tuple[int, int]] = []  # original spans copied into the clean text, in order
    removed: list[tuple[int, int, str]] = []
    prev: Line | None = None
    prev_text = ""
    for ln in analysis.lines:
        if ln.blank:
            continue
        if ln.kind is not None:
            removed.append((ln.start, ln.end, ln.kind))
            continue
        start = ln.start
        if ln.prefix_end is not None:
            removed.append((ln.start, ln.prefix_end, "dateline"))
            start = ln.prefix_end
        if start >= ln.end:
            continue
        if prev is not None:
            pieces.extend((p, p + 1) for p in _separator(raw, prev, ln, prev_text))
        pieces.append((start, ln.end))
        prev, prev_text = ln, raw[start:ln.end]

    segments: list[tuple[int, int, int]] = []
    parts: list[str] = []
    pos = 0
    wraps = wrapped_breaks(raw)
    drops = sorted(hyphen_drops(raw, wraps, known)) if wraps else []
    if drops:  # a word cut at a wrapping break: leave out its newline (and hyphen)
        pieces = [part for o0, o1 in pieces for part in _without(o0, o1, drops)]
    for o0, o1 in pieces:
        if segments and segments[-1][1] + segments[-1][2] == o0:  # contiguous: extend
            c0, s0, length = segments[-1]
            segments[-1] = (c0, s0, length + (o1 - o0))
        else:
            segments.append((pos, o0, o1 - o0))
        parts.append(unwrap(raw, o0, o1, wraps))
        pos += o1 - o0
    text = "".join(parts)
    if not segments:
        segments = [(0, 0, 0)]
    lines = analysis.lines
    return Cleaned(
        original=raw,
        text=text,
        segments=segments,
        removed=[(a, b) for a, b, _ in removed],
        title=lines[analysis.title_index].text if analysis.title_index is not None else None,
        author=analysis.author,
        dateline=analysis.dateline,
        duplicates=[(lines[i].start, lines[i].end) for i in analysis.duplicates or []],
        kinds=removed,
        outlet=analysis.outlet,
        dropped=tuple(drops),
    )
