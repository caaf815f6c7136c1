"""Clause shapes the claim extractor reads around a reporting verb: nicknames ("X, dit « Y »"),
accusations ("accuser X d'avoir …") and relative reports ("…, ce que X a démenti")."""
from __future__ import annotations

from spacy.tokens import Token

from dossier.claims.lexicon import cue_set, fold
from dossier.nlp import access
from dossier.nlp.tokens import sent_of

_QUOTE_CHARS = set("\"«»“”'‘’")


def nickname(tok: Token) -> bool:
    """"X, dit « Y »" / "X, dit Y": the participle right after a name and a comma, without
    auxiliary, followed by a quoted or capitalised name."""
    doc = tok.doc
    if tok.i < 2 or tok.i + 1 >= len(doc) or doc[tok.i - 1].text != "," or doc[tok.i - 2].pos_ != "PROPN":
        return False
    if any(c.dep_.startswith("aux") for c in tok.children):
        return False
    nxt = doc[tok.i + 1]
    return nxt.text in _QUOTE_CHARS or nxt.text[:1].isupper()


def accusation_content(tok: Token) -> list[Token] | None:
    """"accuser X d'avoir …" / "accuser X de …": the accused and the "de" clause."""
    if fold(tok.lemma_) not in cue_set("accusation_verbs"):
        return None
    for c in tok.children:
        if c.dep_ not in ("obj", "iobj", "xcomp") or c.i < tok.i or c.pos_ not in ("NOUN", "PROPN", "PRON"):
            continue
        de_clause = [x for x in list(c.children) + list(tok.children) if x.i > c.i and x.pos_ in ("VERB", "AUX", "NOUN")
                     and x.dep_ in ("acl", "xcomp", "obl:arg", "obl", "obl:mod", "nmod", "advcl", "ccomp")
                     and any(fold(m.text) in ("de", "d'", "d") for m in x.children if m.dep_ in ("mark", "case"))]
        if de_clause:
            toks = set(c.subtree)
            for x in de_clause:
                toks.update(x.subtree)
            return sorted(toks, key=lambda t: t.i)
    return None


def relative_antecedent(tok: Token) -> tuple[Token, list[Token]] | None:
    """"…, ce que X a démenti": ("ce", the tokens of the sentence before it)."""
    doc = tok.doc
    for i in range(tok.i - 1, max(0, tok.i - 8) - 1, -1):
        t = doc[i]
        if fold(t.text) in ("que", "qu'") and i >= 2 and fold(doc[i - 1].text) == "ce":
            ce = doc[i - 1]
            # the segmenter may have cut before "ce que": then the antecedent is the previous sentence
            sent = sent_of(ce) if sent_of(ce).start < ce.i else sent_of(doc[ce.i - 1])
            if "\n" in access.doc_text(doc)[sent.start_char:ce.idx]:
                return None
            before = [x for x in sent if x.i < ce.i and not x.is_space]
            while before and before[-1].is_punct:
                before.pop()
            return (ce, before) if before else None
        if t.pos_ in ("VERB", "PUNCT") and t.text not in ("-", "'"):
            return None
    return None
