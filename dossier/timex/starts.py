"""Where a rule's match can start: scan a text at those places only, with the same matches.

Nearly every time rule opens with a lookbehind (``(?<!\\w)``, ``(?<![\\d/.])``), and a pattern
that opens with an assertion gets none of ``re``'s fast scans (a literal prefix, a first
character set): ``finditer`` tries the whole pattern at every position of the text, and the
time rules together cost about as much as the rest of the time component. Yet a match can
only start on a few characters: "la semaine dernière" on an "l" or a "c" that begins a word,
"2025" on a digit. :func:`first_chars` reads those characters from the pattern's parse tree
(lower-cased, with the digits as one class) and whether the pattern refuses a word character
before its start; :func:`finditer` then tries ``regex.match`` at those positions only, in text
order, skipping the positions a previous match covers: the matches of ``regex.finditer``,
found at a fraction of the cost. A pattern it cannot read (an empty match possible, a first
item such as ``.`` or ``\\w``) is scanned with ``finditer`` as before.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

try:  # the parser behind re.compile (private: without it every rule is scanned in full)
    from re import _parser as _sre_parse
    from re._constants import (ASSERT, ASSERT_NOT, AT, BRANCH, CATEGORY, CATEGORY_DIGIT, CATEGORY_WORD, IN,
                               LITERAL, MAX_REPEAT, MIN_REPEAT, RANGE, SUBPATTERN)
except ImportError:  # pragma: no cover  (Python < 3.11)
    _sre_parse = None

from dossier.timex import literals

DIGIT = "\\d"  # stands for the class of decimal digits in a set of first characters
_MAX_RANGE = 256  # a wider range of characters ([^…], [\u0000-\uffff]): not worth reading
_WORDS = re.compile(r"\w+")
_DIGITS = re.compile(r"\d")


class _Unknown(Exception):
    """A construct whose first characters are not read: the pattern is scanned in full."""


def _set(items) -> set[str]:
    out: set[str] = set()
    for op, av in items:
        if op is LITERAL:
            out.add(chr(av).lower())
        elif op is RANGE and av[1] - av[0] <= _MAX_RANGE:
            out.update(chr(c).lower() for c in range(av[0], av[1] + 1))
        elif op is CATEGORY and av is CATEGORY_DIGIT:
            out.add(DIGIT)
        else:  # NEGATE, \w, \s, a wide range
            raise _Unknown
    return out


def _first(items) -> tuple[set[str], bool]:
    """(first characters of the sequence, whether it can match the empty string)."""
    out: set[str] = set()
    for op, av in items:
        if op in (ASSERT, ASSERT_NOT, AT):  # zero width: what follows comes first
            continue
        if op is LITERAL:
            out.add(chr(av).lower())
            return out, False
        if op is IN:
            out |= _set(av)
            return out, False
        if op is BRANCH:
            nullable = False
            for alt in av[1]:
                chars, empty = _first(alt)
                out |= chars
                nullable = nullable or empty
        elif op is SUBPATTERN:
            chars, nullable = _first(av[3])
            out |= chars
        elif op in (MAX_REPEAT, MIN_REPEAT):
            chars, empty = _first(av[2])
            out |= chars
            nullable = empty or av[0] == 0
        else:  # ANY, NOT_LITERAL, a group reference, …
            raise _Unknown
        if not nullable:
            return out, False
    return out, True


def _word_start(items) -> bool:
    """Whether the pattern refuses a word character just before its start (a lookbehind such
    as ``(?<!\\w)`` or ``(?<![\\w.,])`` before its first character)."""
    for op, av in items:
        if op is ASSERT_NOT and av[0] == -1:
            inner = list(av[1])
            if len(inner) == 1 and inner[0][0] is IN and (CATEGORY, CATEGORY_WORD) in inner[0][1]:
                return True
            continue
        if op in (ASSERT, ASSERT_NOT, AT):
            continue
        return False
    return False


_PREFIX_LEN = 6  # the strings every match starts with are read up to this length
_PREFIX_MAX = 400  # more distinct strings than this: the first characters only


def _prefixes_item(op, av, k: int) -> set[tuple[str, bool]]:
    """(string, open) pairs: every match of the item starts with one of the strings (lower-cased,
    at most ``k`` long; "" when nothing is known, e.g. a digit or a space first); ``open`` when
    the string is the whole match of the item (what follows continues it)."""
    if op in (ASSERT, ASSERT_NOT, AT):
        return {("", True)}
    if op is LITERAL:
        return {(chr(av).lower(), True)}
    if op is IN:
        try:
            chars = _set(av)
        except _Unknown:
            return {("", False)}
        if len(chars) > 12:
            return {("", False)}
        return {(DIGIT, False) if c == DIGIT else (c, True) for c in chars}
    if op is BRANCH:
        out: set[tuple[str, bool]] = set()
        for alt in av[1]:
            out |= _prefixes(alt, k)
        return out
    if op is SUBPATTERN:
        return _prefixes(av[3], k)
    if op in (MAX_REPEAT, MIN_REPEAT):
        lo, hi, item = av
        once = _prefixes(item, k)
        if hi != 1:
            once = {(p, False) for p, _ in once}
        return once | {("", True)} if lo == 0 else once
    return {("", False)}


def _prefixes(items, k: int) -> set[tuple[str, bool]]:
    found = {("", True)}
    for op, av in items:
        if not any(open_ and len(p) < k for p, open_ in found):
            break
        step: set[tuple[str, bool]] = set()
        for p, open_ in found:
            if not open_ or len(p) >= k:
                step.add((p[:k], False))
                continue
            for q, q_open in _prefixes_item(op, av, k - len(p)):
                if q == DIGIT and p:  # a digit after the string: it ends there
                    step.add((p, False))
                else:
                    step.add(((p + q)[:k], q_open and len(p + q) <= k))
        if len(step) > _PREFIX_MAX:
            raise _Unknown
        found = step
    return found


@dataclass
class Starts:
    """Where a match of one pattern can start."""

    chars: frozenset[str]  # its first character, lower-cased (DIGIT: any decimal digit)
    word_start: bool  # no word character before the start
    prefixes: tuple[str, ...] | None = None  # lower-cased strings one of which every match
    #                                          starts with (DIGIT: a digit), when known

    @cached_property
    def keys(self) -> list[str | tuple[str, ...]]:
        """What :meth:`Index.candidates` looks up: a string for every position where the text
        continues with it, a tuple of strings of the same first two characters for the word
        starts where it continues with one of them."""
        strings = self.prefixes if self.prefixes is not None else sorted(self.chars)
        out: list[str | tuple[str, ...]] = []
        heads: dict[str, list[str]] = {}
        for p in strings:
            if self.word_start and (p == DIGIT or _WORDS.match(p)):
                heads.setdefault(p if p == DIGIT else p[:2], []).append(p)
            else:
                out.append(p)
        return out + [tuple(group) for group in heads.values()]


@lru_cache(maxsize=None)
def first_chars(regex: re.Pattern) -> Starts | None:
    """Where a match of ``regex`` can start, or None when that cannot be read."""
    if _sre_parse is None or regex.flags & re.LOCALE:
        return None
    try:
        parsed = _sre_parse.parse(regex.pattern, regex.flags)
        chars, nullable = _first(parsed.data)
    except _Unknown:
        return None
    except Exception:  # noqa: BLE001  (an unexpected parse tree: the rule is scanned in full)
        return None
    if nullable or not chars:
        return None
    word_start = _word_start(parsed.data)
    return Starts(frozenset(chars), word_start, _prefix_strings(parsed.data, chars))


def _prefix_strings(items, chars: set[str]) -> tuple[str, ...] | None:
    for k in range(_PREFIX_LEN, 1, -1):  # shorter strings when there are too many
        try:
            found = {p for p, _ in _prefixes(items, k)}
            break
        except _Unknown:
            continue
    else:
        return None
    if "" in found:  # a first item whose strings were not read
        return None
    digit = DIGIT in found
    kept: list[str] = [DIGIT] if digit else []
    for p in sorted(found - {DIGIT}, key=lambda p: (len(p), p)):
        # a string that starts with another one, or with a digit when DIGIT is kept, adds nothing
        if not any(p.startswith(q) for q in kept) and not (digit and p[0].isdecimal()):
            kept.append(p)
    return tuple(kept)


@dataclass
class Index:
    """Positions in one text: of each character, and of the word starts by their first one and
    two characters (lower-cased)."""

    text: str
    low: str
    _one: dict[str, list[int]] | None = None
    _two: dict[str, list[int]] | None = None
    _all: dict[str, list[int]] = field(default_factory=dict)

    def _words(self) -> None:
        one: dict[str, list[int]] = {}
        two: dict[str, list[int]] = {}
        low = self.low
        for m in _WORDS.finditer(self.text):
            p = m.start()
            one.setdefault(low[p], []).append(p)
            two.setdefault(low[p:p + 2], []).append(p)
            if low[p].isdecimal():
                one.setdefault(DIGIT, []).append(p)
        self._one, self._two = one, two

    def word_starts(self, prefixes: tuple[str, ...]) -> list[int]:
        """The word starts where the lower-cased text continues with one of ``prefixes``, all of
        the same first two characters (or one character, or DIGIT: a digit)."""
        if self._one is None:
            self._words()
        head = prefixes[0][:2]
        if len(head) == 1 or head == DIGIT:
            return self._one.get(head, [])
        found = self._two.get(head, [])
        if found and any(len(p) > 2 for p in prefixes):
            startswith = self.low.startswith
            found = [p for p in found if startswith(prefixes, p)]
        return found

    def positions(self, prefix: str) -> list[int]:
        """Every position where the lower-cased text continues with ``prefix`` (DIGIT: a digit)."""
        found = self._all.get(prefix)
        if found is None:
            if prefix == DIGIT:
                found = [m.start() for m in _DIGITS.finditer(self.text)]
            else:
                found, low, p = [], self.low, self.low.find(prefix)
                while p >= 0:
                    found.append(p)
                    p = low.find(prefix, p + 1)
            self._all[prefix] = found
        return found

    def candidates(self, starts: Starts) -> list[int]:
        """The positions, in text order, where a match can start."""
        keys = starts.keys
        out: list[int] = []
        for key in keys:
            if isinstance(key, tuple):
                out += self.word_starts(key)
            else:
                out += self.positions(key)
        return sorted(set(out)) if len(keys) > 1 else out


def index(text: str) -> Index | None:
    """The position index of ``text``, or None when its case folding is not plain (see
    :func:`dossier.timex.literals.folded`): such a text is scanned in full."""
    low = literals.folded(text)
    return Index(text, low) if low is not None else None


def finditer(regex: re.Pattern, text: str, where: Index | None) -> Iterator[re.Match]:
    """The matches of ``regex.finditer(text)``, trying the pattern only where one can start."""
    starts = first_chars(regex)
    if starts is None or where is None:
        yield from regex.finditer(text)
        return
    end = 0
    match = regex.match
    for p in where.candidates(starts):
        if p < end:
            continue
        m = match(text, p)
        if m is not None:
            end = m.end()
            yield m
