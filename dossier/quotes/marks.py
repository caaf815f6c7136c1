"""Find quoted spans in plain text: « … », “ … ”, " … ", ‘ … ’ and ' … ' (pure string work).

Quotes are paired within a paragraph (a line); an opening mark left unclosed at the end of a
paragraph runs to that paragraph's end (a quote continued in the next paragraph is a new span,
attributed by continuation). Quotes nested inside another quote are reported with ``depth`` > 0.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_MARKS = re.compile("[«»“”„‘’\"']")
_OPEN_CONTEXT = set(" \t([{«“‘—–-/:;") | {"\u00a0", "\u202f"}


@dataclass(frozen=True)
class QuoteSpan:
    open: int  # offset of the opening mark
    close: int  # offset just after the closing mark (paragraph end when unclosed)
    start: int  # content start (after the mark and spaces)
    end: int  # content end (before the closing mark and spaces)
    mark: str
    closed: bool = True
    depth: int = 0


def _content(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in " \u00a0\u202f\t":
        a += 1
    while b > a and text[b - 1] in " \u00a0\u202f\t,":
        b -= 1
    return a, b


def _is_letter(c: str) -> bool:
    return c.isalnum()


def _paragraph_spans(text: str, base: int) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    stack: list[tuple[str, int]] = []

    def close(kind: str, pos: int, width: int = 1) -> bool:
        for k in range(len(stack) - 1, -1, -1):
            if stack[k][0] == kind:
                _, opened = stack[k]
                del stack[k:]
                a, b = _content(text, opened + 1, pos)
                if b > a:
                    spans.append(QuoteSpan(base + opened, base + pos + width, base + a, base + b, kind, True, k))
                return True
        return False

    n = len(text)
    for found in _MARKS.finditer(text):  # only the marks act; every other character is skipped in C
        i, c = found.start(), found.group()
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < n else " "
        if c == "«":
            stack.append(("«", i))
        elif c == "»":
            close("«", i)
        elif c == "“":
            stack.append(("“", i))
        elif c == "”":
            if not close("“", i) and (prev in _OPEN_CONTEXT) and not nxt.isspace():
                stack.append(("“", i))  # some sources open with ” too
        elif c == "„":
            stack.append(("“", i))
        elif c == "‘":
            stack.append(("‘", i))
        elif c == "’":
            if stack and stack[-1][0] == "‘" and not _is_letter(nxt):
                close("‘", i)
        elif c == '"':
            if stack and stack[-1][0] == '"' and (not prev.isspace() or nxt.isspace() or i + 1 >= n):
                close('"', i)
            elif prev in _OPEN_CONTEXT or i == 0 or prev in "\"'»":
                stack.append(('"', i))
            elif any(k == '"' for k, _ in stack):
                close('"', i)
        elif c == "'":
            if stack and stack[-1][0] == "'" and not prev.isspace() and not _is_letter(nxt):
                close("'", i)
            elif (i == 0 or prev in _OPEN_CONTEXT) and _is_letter(nxt):
                stack.append(("'", i))
    # unclosed at paragraph end: the outermost real opener runs to the end of the paragraph
    for depth, (kind, opened) in enumerate(stack):
        if kind == "'":
            continue  # a stray apostrophe, not a quote
        a, b = _content(text, opened + 1, n)
        if b - a > 1:
            spans.append(QuoteSpan(base + opened, base + n, base + a, base + b, kind, False, depth))
        break
    return spans


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """All quoted spans, sorted by start; nested ones have depth > 0 (relative to this list)."""
    return list(_quote_spans(text))


@lru_cache(maxsize=4)  # the quotes and the claims components both read one text's spans
def _quote_spans(text: str) -> tuple[QuoteSpan, ...]:
    spans: list[QuoteSpan] = []
    pos = 0
    for line in text.split("\n"):
        spans.extend(_paragraph_spans(line, pos))
        pos += len(line) + 1
    spans.sort(key=lambda s: (s.open, -s.close))
    # recompute depth from containment (quotes of different kinds nest freely)
    out: list[QuoteSpan] = []
    for s in spans:
        depth = sum(1 for o in out if o.open < s.open and s.close <= o.close)
        out.append(QuoteSpan(s.open, s.close, s.start, s.end, s.mark, s.closed, depth))
    return tuple(out)


_INCISE = re.compile(
    r",\s+(?:(?:a|avait|ont|avaient|aurait)(?:-t-(?:il|elle|on)|\s+(?:-t-)?)?\s*(?:\w+\s+)?"
    r"(?:déclaré|dit|ajouté|affirmé|précisé|expliqué|souligné|poursuivi|estimé|assuré|indiqué|"
    r"insisté|lancé|martelé|noté|observé|relevé|répondu|confié|reconnu|averti|prévenu|commenté)"
    r"|(?:ajoute|déclare|dit|affirme|précise|explique|souligne|poursuit|estime|assure|insiste|"
    r"lance|martèle|note|observe|répond|confie|reconnaît|commente|glisse|tranche)-t?-?(?:il|elle|on))"
    r"\b[^,.;!?«»\"“”]{0,60},\s+",
    re.IGNORECASE,
)


def split_incises(text: str, span: QuoteSpan) -> list[tuple[int, int, int, int]]:
    """Split a quote interrupted by an incise ("…, a-t-il déclaré, …") inside its marks.

    Returns (part_start, part_end, incise_start, incise_end) tuples; a single part (with an
    empty incise) when the quote has none.
    """
    inner = text[span.start : span.end]
    m = _INCISE.search(inner)
    if not m:
        return [(span.start, span.end, -1, -1)]
    a_end = span.start + m.start()
    b_start = span.start + m.end()
    inc = (span.start + m.start() + 1, span.start + m.end())
    return [(span.start, a_end, *inc), (b_start, span.end, *inc)]
