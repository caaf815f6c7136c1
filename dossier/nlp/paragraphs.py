"""``dossier_paragraphs``: a sentence never runs across a paragraph break.

The cleaned text separates paragraphs with blank lines; fr_core_news_md's parser sometimes
joins the last sentence of one paragraph with the first of the next, which misleads every
downstream component (speaker of a quote, governing date, event participants). Placed before
the parser, this component marks the first token after a line break as a sentence start; the
parser keeps preset boundaries.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class ParagraphBoundaries:
    version = "dossier.paragraphs.v1"

    def __call__(self, doc: Doc) -> Doc:
        for i, tok in enumerate(doc[:-1]):
            if "\n" in tok.text_with_ws and not tok.text.isspace() or (tok.is_space and "\n" in tok.text):
                nxt = doc[i + 1]
                if not nxt.is_space:
                    nxt.is_sent_start = True
        return doc


@Language.factory("dossier_paragraphs", assigns=["token.is_sent_start"])
def make_paragraphs(nlp: Language, name: str) -> ParagraphBoundaries:
    return ParagraphBoundaries()
