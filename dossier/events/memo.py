"""Per-document memos of the events component: what every candidate of a sentence asks again.

Each event of a sentence reads the same mentions, the same name spans and asks the same
questions of them (is this name an actor, does it qualify another name); these helpers answer
once per Doc. The answers live in ``doc.user_data`` until :func:`release` (called when the
component is done with the Doc), and an answer that depends on a list of mentions is kept for
that very list object (a list read after it was changed would get stale answers: the lists
given here are built once per Doc and never changed).
"""
from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span

from dossier.models import Mention

_PREFIX = "dossier.events.memo."


def release(doc: Doc) -> None:
    """Drop the memos of ``doc``."""
    for key in [k for k in doc.user_data if isinstance(k, str) and k.startswith(_PREFIX)]:
        del doc.user_data[key]


def memo(doc: Doc, name: str) -> dict:
    """A dict of answers kept on ``doc`` under ``name``."""
    key = _PREFIX + name
    found = doc.user_data.get(key)
    if found is None:
        found = doc.user_data[key] = {}
    return found


def list_memo(doc: Doc, items: list, name: str) -> dict:
    """A dict of answers that depend on the list ``items`` (this very object) as well as on
    ``doc``."""
    lists = memo(doc, "lists")
    found = lists.get(id(items))  # the entry holds the list: its id names no other list meanwhile
    if found is None:
        found = lists[id(items)] = (items, {})
    return found[1].setdefault(name, {})


def char_span(doc: Doc, start: int, end: int) -> tuple[int, int, int] | None:
    """(start, end, root) token indexes of ``doc.char_span(start, end, alignment_mode="expand")``,
    None when spaCy finds no span."""
    spans = memo(doc, "spans")
    key = (start, end)
    if key in spans:
        return spans[key]
    span = doc.char_span(start, end, alignment_mode="expand")
    found = spans[key] = (span.start, span.end, span.root.i) if span is not None else None
    return found


def span(doc: Doc, start: int, end: int) -> Span | None:
    """``doc.char_span(start, end, alignment_mode="expand")`` (its bounds found once)."""
    found = char_span(doc, start, end)
    return doc[found[0]:found[1]] if found is not None else None


def _starts(doc: Doc, mentions: list[Mention]) -> list[int] | None:
    """The mentions' starts when the list is in order of start (and no mention ends before it
    starts), else None."""
    found = list_memo(doc, mentions, "starts")
    if "starts" not in found:
        starts = [m.start for m in mentions]
        ordered = all(a <= b for a, b in zip(starts, starts[1:])) and all(m.start <= m.end for m in mentions)
        found["starts"] = starts if ordered else None
    return found["starts"]


def starting_between(doc: Doc, mentions: list[Mention], lo: int, hi: int) -> list[Mention]:
    """The mentions of the list in a stretch of it that holds every mention starting in
    [lo, hi] (the whole list when it is not in order of start), in the list's order: the
    caller still tests each one."""
    starts = _starts(doc, mentions)
    if starts is None:
        return mentions
    return mentions[bisect.bisect_left(starts, lo):bisect.bisect_right(starts, hi)]


def longest_mention(doc: Doc, mentions: list[Mention]) -> int:
    """The greatest ``end - start`` of the mentions (0 for none)."""
    found = list_memo(doc, mentions, "starts")
    if "longest" not in found:
        found["longest"] = max((m.end - m.start for m in mentions), default=0)
    return found["longest"]


def within(doc: Doc, mentions: list[Mention], lo: int, hi: int) -> list[Mention]:
    """``[m for m in mentions if lo <= m.start and m.end <= hi]`` (in the list's order), by
    bisection when the list is in order of start."""
    starts = _starts(doc, mentions)
    if starts is None:
        return [m for m in mentions if lo <= m.start and m.end <= hi]
    out = []
    for k in range(bisect.bisect_left(starts, lo), len(mentions)):
        m = mentions[k]
        if m.start > hi:
            break
        if m.end <= hi:
            out.append(m)
    return out
