"""Long texts in bounded pieces: linear cost and flat memory, whatever the length.

spaCy refuses a text over ``nlp.max_length`` (1,000,000 characters, error E088), and below that
limit the parser's memory grows with the text while several per-record scans grow with its
square. A text longer than ``WINDOW_CHARS`` is therefore cut into windows at paragraph breaks
(then at sentence ends, then at spaces, and only as a last resort anywhere), each window goes
through the whole pipeline as its own Doc, and the windows' records are merged back: offsets
shifted by the window's start, sentence indexes renumbered, sentence times pointed at the merged
timex list, entity tables united. Only one window's Doc is alive at a time.

What a window cannot see: context across a window boundary (a pronoun or a surname resolved
from a previous window, a relative date anchored on a date of a previous window). Windows are
cut between paragraphs, so this only touches texts far longer than any news article.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from types import SimpleNamespace

from spacy.tokens import Doc

from dossier.models import EntityInfo

WINDOW_CHARS = 50_000
RECORD_LISTS = ("mentions", "roles", "timexes", "quotes", "events", "claims", "attributes", "positions")
# offset fields a record may carry besides start/end (shifted with them)
_OFFSETS = ("role_start", "role_end")
_PUBLISHED = ("published", "published_precision", "published_basis", "published_confidence", "published_evidence")

_PARAGRAPH = re.compile(r"\n\s*")
_SENTENCE_END = re.compile(r"[.!?…;:][»”\")\]]*\s+")
_SPACE = re.compile(r"\s+")


def _last_cut(pattern: re.Pattern, text: str, lo: int, hi: int) -> int | None:
    """The end of the last match of ``pattern`` inside ``text[lo:hi]`` (strictly after ``lo``)."""
    cut = None
    for m in pattern.finditer(text, lo, hi):
        if m.end() > lo:
            cut = m.end()
    return cut


def split_windows(text: str, max_chars: int = WINDOW_CHARS) -> list[tuple[int, int]]:
    """Contiguous ``(start, end)`` pieces covering ``text``, each at most ``max_chars`` long,
    cut after a paragraph break when one lies in the second half of the piece, else after a
    sentence end, else after a space, else at ``max_chars``."""
    if max_chars <= 0:
        raise ValueError("max_chars must be positive")
    out = []
    start, n = 0, len(text)
    while n - start > max_chars:
        hi = start + max_chars
        lo = start + max_chars // 2
        cut = None
        for pattern in (_PARAGRAPH, _SENTENCE_END, _SPACE):
            cut = _last_cut(pattern, text, lo, hi)
            if cut is not None:
                break
        cut = cut or hi
        out.append((start, cut))
        start = cut
    if start < n or not out:
        out.append((start, n))
    return out


@dataclasses.dataclass
class _Sentence:
    start_char: int
    end_char: int


class MergedDoc:
    """What :func:`dossier.pipeline._records` reads from a Doc, merged over windows: ``sents``
    (objects with ``start_char``/``end_char``) and the ``_`` extensions."""

    def __init__(self) -> None:
        self.sents: list[_Sentence] = []
        self._ = SimpleNamespace(**{name: [] for name in RECORD_LISTS}, sentence_times=[], entities={},
                                 published=None, published_precision="unknown", published_basis="unknown",
                                 published_confidence=0.0, published_evidence=None)

    def add(self, doc: Doc, offset: int) -> None:
        """Append the records of one window's Doc, whose text starts at ``offset``."""
        n_sents, n_timexes = len(self.sents), len(self._.timexes)
        self.sents += [_Sentence(s.start_char + offset, s.end_char + offset) for s in doc.sents]
        for name in RECORD_LISTS:
            getattr(self._, name).extend(_shift(r, offset, n_sents) for r in getattr(doc._, name) or [])
        for st in doc._.sentence_times or []:
            self._.sentence_times.append(dataclasses.replace(
                st, sentence=st.sentence + n_sents,
                timex_index=None if st.timex_index is None else st.timex_index + n_timexes))
        for key, info in (doc._.entities or {}).items():
            self._.entities[key] = _merge_entity(self._.entities.get(key), info)
        if doc._.published and not self._.published:
            for name in _PUBLISHED:
                setattr(self._, name, getattr(doc._, name))


def _shift(record, offset: int, n_sents: int):
    sentence = getattr(record, "sentence", None)
    extra = {name: getattr(record, name) + offset for name in _OFFSETS if getattr(record, name, None) is not None}
    return dataclasses.replace(record, start=record.start + offset, end=record.end + offset,
                               sentence=None if sentence is None else sentence + n_sents, **extra)


def _merge_entity(old: EntityInfo | None, new: EntityInfo) -> EntityInfo:
    if old is None:
        return new
    aliases = list(dict.fromkeys([*old.aliases, *new.aliases]))
    filled = {f.name: getattr(new, f.name) for f in dataclasses.fields(old)
              if getattr(old, f.name) is None and getattr(new, f.name) is not None}
    return dataclasses.replace(old, aliases=aliases, **filled)


def annotate_windows(text: str, new_doc: Callable[[str], Doc], run: Callable[[Doc], Doc],
                     max_chars: int = WINDOW_CHARS) -> MergedDoc:
    """Run the pipeline (``run``) over each window's Doc (``new_doc(window_text)``) in turn.

    A publication date inferred from the first windows is handed to the next ones, so every
    window resolves its dates against the same anchor."""
    merged = MergedDoc()
    for start, end in split_windows(text, max_chars):
        doc = new_doc(text[start:end])
        if merged._.published and not doc._.published:
            for name in _PUBLISHED:
                setattr(doc._, name, getattr(merged._, name))
        merged.add(run(doc), start)
    return merged
