"""Words a regex cannot match without: skip a rule on a text that lacks them all.

Python's ``re`` tries every rule at every position of the text, so scanning a text costs the
same whether or not it holds anything a rule could match. ``required(regex)`` reads the
pattern's parse tree and returns strings one of which every match must contain (for
"il y a …" that is "il y a"; for an alternation, one string per alternative), or None when
it cannot tell. ``may_match(required, folded)`` is then a few substring tests on the
lower-cased text: a rule none of whose strings occur cannot match there, and is not run.
"""
from __future__ import annotations

import re
from functools import lru_cache

try:  # the parser behind re.compile (private: without it every rule is simply always run)
    from re import _parser as _sre_parse
    from re._constants import BRANCH, LITERAL, MAX_REPEAT, MIN_REPEAT, SUBPATTERN
except ImportError:  # pragma: no cover  (Python < 3.11)
    _sre_parse = None

_MIN_LEN = 3  # shorter strings occur in nearly every text: not worth testing
# letters with a case-insensitive twin other than their upper/lower case (dotless i and long s
# match "i" and "s"): a text holding one is always scanned in full
try:
    from re._casefix import _EXTRA_CASES
    _ODD_CASE = frozenset(chr(c) for c in _EXTRA_CASES if c > 0x7F)
except ImportError:  # pragma: no cover
    _sre_parse = None
    _ODD_CASE = frozenset()


def _alternatives(items) -> list[str] | None:
    """Strings one of which every match of the sequence ``items`` contains, or None."""
    best: list[str] | None = None
    run: list[str] = []

    def consider(option: list[str] | None) -> None:
        nonlocal best
        if option and all(len(s) >= _MIN_LEN for s in option) and (
                best is None or min(map(len, option)) > min(map(len, best)) or len(option) < len(best)):
            best = option

    for op, av in list(items) + [(None, None)]:
        if op is LITERAL:
            run.append(chr(av))
            continue
        consider(["".join(run)] if run else None)
        run = []
        if op is BRANCH:
            alts = [_alternatives(alt) for alt in av[1]]
            if all(a is not None for a in alts):
                consider([s for a in alts for s in a])
        elif op is SUBPATTERN and not av[1] and not av[2]:  # a group without flags of its own
            consider(_alternatives(av[3]))
        elif op in (MAX_REPEAT, MIN_REPEAT) and av[0] >= 1:
            consider(_alternatives(av[2]))
    return best


@lru_cache(maxsize=None)
def required(regex: re.Pattern) -> tuple[str, ...] | None:
    """Lower-case strings one of which every match of ``regex`` holds, or None (no such list).
    Only for case-insensitive patterns (their test is on the lower-cased text)."""
    if _sre_parse is None or not regex.flags & re.IGNORECASE or regex.flags & re.LOCALE:
        return None
    try:
        found = _alternatives(_sre_parse.parse(regex.pattern, regex.flags).data)
    except Exception:  # noqa: BLE001  (an unexpected parse tree: no shortcut, the rule runs)
        return None
    if not found or any(s.lower() != s.lower().upper().lower() or len(s.lower()) != len(s) for s in found):
        return None
    return tuple(dict.fromkeys(s.lower() for s in found))


def folded(text: str) -> str | None:
    """``text`` lower-cased for :func:`may_match`, or None when its case is not plain (a letter
    whose case-insensitive match is not its lower case, or that lower-cases to two letters)."""
    low = text.lower()
    if len(low) != len(text) or not _ODD_CASE.isdisjoint(text):
        return None
    return low


def may_match(strings: tuple[str, ...] | None, low: str | None) -> bool:
    """False only when no required string occurs in the lower-cased text."""
    return strings is None or low is None or any(s in low for s in strings)
