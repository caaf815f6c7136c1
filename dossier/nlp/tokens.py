"""Token attributes of one Doc read from spaCy once, as plain lists indexed by token.

Reading ``token.lower_``, ``.lemma_``, ``.pos_`` or ``.sent`` builds a new Python object on every
access (a ``Token``, a decoded string, a ``Span`` found by walking the sentence), and the
downstream components (quotes, events, claims) scan every token of a document several times
to find the few that matter (a reporting verb, "selon", a conditional auxiliary).
:func:`table` reads each attribute of every token once per Doc (``Doc.to_array`` and one
string lookup per distinct value) and keeps the lists in ``doc.user_data``, so those scans are
list look-ups and the components share them: a scan tests the lists and builds a ``Token``
only for the few words that pass. :func:`morph` and :func:`sent_of` stand for
``token.morph.get(field)`` (a ``MorphAnalysis`` built and its feature string split on every
read) and ``token.sent`` (a walk over the sentence on every read). The lists hold exactly what
spaCy's properties return; read them after the parse (the components that write ``doc.ents``
change none of them).
"""
from __future__ import annotations

import weakref
from functools import cached_property
from typing import NamedTuple

import numpy
from spacy.attrs import DEP, HEAD, IDX, IS_PUNCT, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, SENT_START
from spacy.parts_of_speech import NAMES as _POS_NAMES
from spacy.tokens import Doc, Span, Token

_KEY = "dossier.tokens"
# the strings of the hashes seen so far (spaCy's hash of a string is the same in every
# StringStore), emptied when it holds more than _STRINGS_MAX
_STRINGS: dict[int, str] = {}
_STRINGS_MAX = 200_000


class Chars(NamedTuple):
    """A token span's character offsets (as ``Span.start_char``, ``Span.end_char``)."""

    start_char: int
    end_char: int


class TokenTable:
    """Per-token lists of one Doc (see the module docstring); each is built on first use."""

    def __init__(self, doc: Doc):
        # a weak reference: the table lives in the Doc's user_data, and a Doc that its own data
        # referred back to would wait for the cycle collector instead of being freed at once
        self._doc = weakref.ref(doc)
        self._feats: dict[int, dict[str, list[str]]] = {}

    @property
    def doc(self) -> Doc:
        return self._doc()

    def _strings(self, attr: int) -> list[str]:
        if not len(self.doc):
            return []
        return decode(self.doc.vocab, self.doc.to_array(attr).tolist())

    @cached_property
    def text(self) -> list[str]:
        """``token.text``"""
        return self._strings(ORTH)

    def preset_text(self, texts: list[str]) -> None:
        """Take ``texts`` as :attr:`text` (read by a stage that had them: a token's text never
        changes)."""
        if "text" not in self.__dict__ and len(texts) == len(self.doc):
            self.__dict__["text"] = texts

    @cached_property
    def lower(self) -> list[str]:
        """``token.lower_``"""
        return self._strings(LOWER)

    @cached_property
    def lemma(self) -> list[str]:
        """``token.lemma_.lower()``"""
        seen: dict[str, str] = {}
        return [seen.get(w) or seen.setdefault(w, w.lower()) for w in self._strings(LEMMA)]

    @cached_property
    def pos(self) -> list[str]:
        """``token.pos_``"""
        return [_POS_NAMES[p] for p in self.doc.to_array(POS).tolist()] if len(self.doc) else []

    @cached_property
    def dep(self) -> list[str]:
        """``token.dep_``"""
        return self._strings(DEP)

    @cached_property
    def head(self) -> list[int]:
        """``token.head.i``"""
        if not len(self.doc):
            return []
        offsets = self.doc.to_array(HEAD).view(numpy.int64)  # (relative, stored unsigned)
        return (numpy.arange(len(offsets), dtype=numpy.int64) + offsets).tolist()

    @cached_property
    def children(self) -> list[tuple[int, ...]]:
        """``tuple(c.i for c in token.children)``: each token's dependents, in text order. Tuples,
        and one shared empty tuple for the tokens without any: a list per token was the most
        numerous object the components kept alive (one per token of every Doc of a batch), and
        the cyclic collector tracks every list it keeps, promotes the survivors and rescans them
        all in its full passes; a tuple of ints is untracked at its first collection."""
        groups: dict[int, list[int]] = {}
        for i, h in enumerate(self.head):
            if h != i:
                found = groups.get(h)
                if found is None:
                    groups[h] = [i]
                else:
                    found.append(i)
        out: list[tuple[int, ...]] = [()] * len(self.doc)
        for h, kids in groups.items():
            out[h] = tuple(kids)
        return out

    @cached_property
    def idx(self) -> list[int]:
        """``token.idx``"""
        return self.doc.to_array(IDX).tolist() if len(self.doc) else []

    def chars(self, start: int, end: int) -> "Chars":
        """``doc[start:end]``'s ``start_char`` and ``end_char`` (``start < end``), read from
        :attr:`idx` and :attr:`text` (no Span, no Token built)."""
        idx = self.idx
        return Chars(idx[start], idx[end - 1] + len(self.text[end - 1]))

    @cached_property
    def _flags(self) -> tuple[list[bool], list[bool], list[bool]]:
        """(is_space, not is_space and not is_punct, is_punct) per token: the lexeme flags that
        ``Token.is_space`` and ``Token.is_punct`` read, with one ``Doc.to_array`` (a third of
        the time a ``Token`` per distinct form took)."""
        if not len(self.doc):
            return [], [], []
        flags = self.doc.to_array([IS_SPACE, IS_PUNCT]).astype(bool)
        space, punct = flags[:, 0], flags[:, 1]
        return space.tolist(), (~(space | punct)).tolist(), punct.tolist()

    @property
    def space(self) -> list[bool]:
        """``token.is_space``"""
        return self._flags[0]

    @property
    def punct(self) -> list[bool]:
        """``token.is_punct``"""
        return self._flags[2]

    @property
    def word(self) -> list[bool]:
        """``not token.is_space and not token.is_punct``"""
        return self._flags[1]

    @cached_property
    def sent_start(self) -> list[bool]:
        """``bool(token.is_sent_start)``"""
        return [v == 1 for v in self.doc.to_array(SENT_START).tolist()] if len(self.doc) else []

    @cached_property
    def sents(self) -> list[Span]:
        """``list(doc.sents)``"""
        return list(self.doc.sents)

    @cached_property
    def sent_index(self) -> list[int]:
        """The index in :attr:`sents` of each token's sentence."""
        out = [0] * len(self.doc)
        for k, sent in enumerate(self.sents):
            out[sent.start:sent.end] = [k] * (sent.end - sent.start)
        return out

    def sent(self, i: int) -> Span:
        """``doc[i].sent``"""
        return self.sents[self.sent_index[i]]

    @cached_property
    def _morph_keys(self) -> list[int]:
        return self.doc.to_array(MORPH).tolist() if len(self.doc) else []

    def feats(self, i: int) -> dict[str, list[str]]:
        """The morphological features of the ``i``-th token, field -> values."""
        key = self._morph_keys[i]
        found = self._feats.get(key)
        if found is None:
            found = self._feats[key] = _parse_feats(self.doc.vocab.strings[key])
        return found


def decode(vocab, keys: list[int]) -> list[str]:
    """The strings of these hashes (``vocab.strings[key]`` each), looked up once per distinct
    hash across documents."""
    seen = _STRINGS
    missing = set(keys).difference(seen)
    if missing:
        if len(seen) + len(missing) > _STRINGS_MAX:
            seen.clear()
            missing = set(keys)  # (the keys seen before are gone too)
        strings = vocab.strings
        for key in missing:
            seen[key] = strings[key]
    return list(map(seen.__getitem__, keys))


def _parse_feats(feats: str) -> dict[str, list[str]]:
    """"Mood=Cnd|Number=Plur,Sing" -> {"Mood": ["Cnd"], "Number": ["Plur", "Sing"]} (the UD
    FEATS string spaCy stores; "" or "_" when the token has none)."""
    out: dict[str, list[str]] = {}
    for feat in feats.split("|"):
        field, sep, values = feat.partition("=")
        if sep:
            out.setdefault(field, []).extend(values.split(","))
    return out


def morph(token: Token, field: str) -> list[str]:
    """``token.morph.get(field)``, read from the Doc's table (parsed once per distinct analysis)."""
    return list(table(token.doc).feats(token.i).get(field, ()))


def sent_of(token: Token) -> Span:
    """``token.sent``, from the Doc's list of sentences (spaCy walks the sentence on each read)."""
    tab = table(token.doc)
    return tab.sents[tab.sent_index[token.i]]


def table(doc: Doc) -> TokenTable:
    """The :class:`TokenTable` of ``doc``, made once and kept in ``doc.user_data``."""
    found = doc.user_data.get(_KEY)
    if found is None:
        found = doc.user_data[_KEY] = TokenTable(doc)
    return found
