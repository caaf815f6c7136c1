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

from collections.abc import Callable
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
        if len(line) + 1 + len(first) > width - 1 or (_cut_word(line, nxt) and 2 * len(line) > width):
            found.add(nl)
    if len(found) < 3 or len(found) < _SHARE * pairs:
        return frozenset()
    return frozenset(found)



def _cut_word(line: str, nxt: str) -> bool:
    """``line`` ends inside a word that ``nxt`` goes on with ("négocia-" / "tions …")."""
    stripped = nxt.lstrip()
    return (len(line) >= 2 and line[-1] == "-" and line[-2].isalpha() and bool(stripped)
            and stripped[0].isalpha())


def hyphen_drops(text: str, wraps: frozenset[int],
                 known: Callable[[str], bool] | None = None) -> frozenset[int]:
    """Offsets of ``text`` the cleaned text leaves out where a wrapping break cuts a word: the
    newline (and a carriage return) always, so "porte-" + "parole" reads "porte-parole"; the
    hyphen too when it only marks the cut, i.e. ``known`` (a lexicon: the model's vocabulary)
    knows the joined word and not the hyphenated one ("négocia-" + "tions" reads
    "négociations"). Without a lexicon every hyphen stays."""
    drops: set[int] = set()
    for nl in wraps:
        cr = nl - 1 if nl and text[nl - 1] == "\r" else None
        end = cr if cr is not None else nl
        line_start = text.rfind("\n", 0, end) + 1
        nxt_end = text.find("\n", nl + 1)
        line, nxt = text[line_start:end].rstrip(), text[nl + 1:nxt_end if nxt_end >= 0 else len(text)]
        if end - line_start != len(line) or not _cut_word(line, nxt) or nxt[:1].isspace():
            continue
        drops.add(nl)
        if cr is not None:
            drops.add(cr)
        if known is not None:
            head = line.rsplit(None, 1)[-1][:-1]
            tail = nxt.split(None, 1)[0]
            tail = tail[:next((k for k, ch in enumerate(tail) if not (ch.isalpha() or ch == "-")), len(tail))]
            if not known(f"{head}-{tail}") and known(head + tail):
                drops.add(end - 1)
    return frozenset(drops)


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


def hard_wrap(text: str, width: int, hyphenate: bool = False) -> str:
    """``text`` as plain-text wire copy would carry it: every line longer than ``width`` broken
    greedily at its spaces (a space becomes a newline, so offsets do not change). With
    ``hyphenate``, as typeset text extracted from a PDF: a long word of small letters that does
    not fit is cut with a hyphen after a vowel ("négocia-" / "tions"), which adds two
    characters per cut. The robustness check of ``dossier eval --wrap`` and the tests use it."""
    out = []
    for line in text.split("\n"):
        pieces, start = [], 0
        while len(line) - start > width:
            cut = line.rfind(" ", start, start + width + 1)
            split = _hyphen_cut(line, cut + 1 if cut > start else start, start + width) if hyphenate else None
            if split is not None:
                pieces.append(line[start:split] + "-")
                start = split
                continue
            if cut <= start:
                cut = line.find(" ", start + width + 1)  # a word longer than the width: break after it
                if cut < 0:
                    break
            pieces.append(line[start:cut])
            start = cut + 1
        pieces.append(line[start:])
        out.append("\n".join(pieces))
    return "\n".join(out)


_VOWELS = set("aeiouyàâäéèêëîïôöùûü")


def _hyphen_cut(line: str, word_start: int, limit: int) -> int | None:
    """Where to cut the word starting at ``word_start`` so that its head and a hyphen end by
    ``limit``: after a vowel followed by a consonant, three letters kept on each side; None
    when the word is short, not all small letters, or has no such place."""
    end = word_start
    while end < len(line) and not line[end].isspace():
        end += 1
    word = line[word_start:end]
    if end <= limit or len(word) < 8 or not (word.isalpha() and word.islower()):
        return None
    for k in range(min(limit - 1 - word_start, len(word) - 3), 2, -1):
        if word[k - 1] in _VOWELS and word[k] not in _VOWELS:
            return word_start + k
    return None
