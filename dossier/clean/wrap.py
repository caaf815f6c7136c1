"""Hard-wrapped text: plain-text wire copy, e-mails, text extracted from PDF break every line at a
fixed width (about 60 to 100 characters), inside sentences. Read as they are, each of those
line breaks looks like the end of a headline or a paragraph: the page furniture rules drop the
short lines and a sentence starts at every line. :func:`wrapped_breaks` finds the breaks that
only wrap a paragraph, from the text's own line lengths: a line was broken there because the
next word did not fit in the width most lines respect.

Used by :func:`dossier.clean.boilerplate.split_lines` (a wrapped paragraph is one line for the
furniture rules) and :func:`dossier.clean.offsets.clean_text`, which writes a space for each such
newline (the one character of the cleaned text that is not a copy of the original: offsets stay
one for one), so the model reads the paragraph's sentences as it was trained to, and every
later stage sees paragraphs as in any other article.
"""
from __future__ import annotations

from functools import lru_cache

_MIN_LINES = 4  # lines of text needed to tell a width
_MAX_WIDTH = 150  # longer "lines" are paragraphs: no hard wrapping
_MIN_WIDTH = 30
_SHARE = 0.5  # of the breaks between two lines of text, at least this share must look wrapped


def _width(lengths: list[int]) -> int:
    """The width most lines respect: the length that 90 % of the lines do not exceed."""
    ordered = sorted(lengths)
    return ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))]


@lru_cache(maxsize=4)  # split_lines and clean_text ask for the same text
def wrapped_breaks(text: str) -> frozenset[int]:
    """Offsets of the newlines of ``text`` that only wrap a paragraph (empty when the text is not
    hard-wrapped). A break wraps when the line before it is followed directly by another line of
    text (no blank line) and the next line's first word would have made it longer than the width."""
    if "\n" not in text:
        return frozenset()
    lines: list[tuple[int, str]] = []  # (offset of the newline ending the line, the line's text)
    pos = 0
    for piece in text.split("\n"):
        lines.append((pos + len(piece), piece.rstrip("\r").rstrip()))
        pos += len(piece) + 1
    lengths = [len(t) for _, t in lines if t.strip()]
    if len(lengths) < _MIN_LINES:
        return frozenset()
    width = _width(lengths)
    if not _MIN_WIDTH <= width <= _MAX_WIDTH:
        return frozenset()
    pairs = 0
    found: set[int] = set()
    for (nl, line), (_, nxt) in zip(lines, lines[1:]):
        if not line.strip() or not nxt.strip():
            continue
        pairs += 1
        first = nxt.split(None, 1)[0]
        if len(line) + 1 + len(first) > width - 1:
            found.add(nl)
    if len(found) < 3 or len(found) < _SHARE * pairs:
        return frozenset()
    return frozenset(found)



def unwrap(text: str, start: int, end: int, wraps: frozenset[int]) -> str:
    """``text[start:end]`` with a space for each newline of ``wraps`` (and the carriage return
    before it): the same length, so offsets stay one for one."""
    if not wraps:
        return text[start:end]
    chars = list(text[start:end])
    for k, c in enumerate(chars):
        if c == "\n" and start + k in wraps:
            chars[k] = " "
            if k and chars[k - 1] == "\r":
                chars[k - 1] = " "
    return "".join(chars)


def hard_wrap(text: str, width: int) -> str:
    """``text`` as plain-text wire copy would carry it: every line longer than ``width`` broken
    greedily at its spaces (a space becomes a newline, so offsets do not change). The
    robustness check of ``dossier eval --wrap`` and the tests use it."""
    out = []
    for line in text.split("\n"):
        chars, start = list(line), 0
        while len(line) - start > width:
            cut = line.rfind(" ", start, start + width + 1)
            if cut <= start:
                cut = line.find(" ", start + width + 1)  # a word longer than the width: break after it
                if cut < 0:
                    break
            chars[cut] = "\n"
            start = cut + 1
        out.append("".join(chars))
    return "\n".join(out)
