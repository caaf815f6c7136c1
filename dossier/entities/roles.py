"""Roles learned from the text: appositions and role phrases become dated person–role–organisation
facts, and later role descriptions of the same article resolve through them.

"le ministre turc des Affaires étrangères, Hakan Fidan" / "Hakan Fidan, chef de la diplomatie
turque" / "X, porte-parole de Y" / "l'envoyé américain X" give a :class:`dossier.models.RoleFact`
(the role as written, the KB role ids it matches, the organisation it belongs to, the article's
date). A later definite description ("le chef de la diplomatie turque", "le porte-parole") is a
mention of the person whose learned role it matches best: the same KB role, else the same head
noun with no conflicting words, the nearest before it first.

:func:`~dossier.entities.kb.learned_kb_data` (kept in :mod:`dossier.entities.kb`, which
``dossier ingest`` reads without loading spaCy; also importable from here) turns stored facts of many articles into knowledge-base data (roles with
their start date), so that later articles and ``dossier entity NAME`` use and show them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from dossier.entities.kb import LEARNED_FORMAT, KnowledgeBase, learned_kb_data  # noqa: F401  (re-exported)
from dossier.entities.normalize import fold, norm_alias
from dossier.entities.repair import lexicon
from dossier.models import RoleFact
from dossier.nlp import tokens
_DETS = frozenset({"le", "la", "l'", "les"})
_OF = frozenset({"de", "du", "des", "d'"})
_STOP_WORDS = frozenset({"de", "du", "des", "d'", "la", "le", "l'", "les", "et", "en", "a", "au", "aux", "pour"})
_MAX = 12  # tokens of a role phrase


@dataclass
class Person:  # what the component knows of a person candidate
    start: int
    end: int
    id: str
    name: str


def _role_head(tok) -> bool:
    return tok.pos_ in ("NOUN", "PROPN", "ADJ") and fold(tok.text) in lexicon()["role_nouns"] and tok.text[:1].islower()


def _phrase_ok(tok) -> bool:
    return (tok.pos_ in ("NOUN", "PROPN", "ADJ", "DET", "NUM") or fold(tok.text) in _STOP_WORDS
            or tok.text in ("-", "'", "’")) and tok.text not in (",", ".", ";", ":", "(", ")") and fold(tok.text) not in ("et", "ou")


# _role_head and _phrase_ok of the k-th token, read from the Doc's token table (the scans below
# test each token several times: no Token built per test)
def _role_head_at(tab, k: int) -> bool:
    text = tab.text[k]
    return tab.pos[k] in ("NOUN", "PROPN", "ADJ") and fold(text) in lexicon()["role_nouns"] and text[:1].islower()


def _phrase_ok_at(tab, k: int) -> bool:
    text = tab.text[k]
    return (tab.pos[k] in ("NOUN", "PROPN", "ADJ", "DET", "NUM") or fold(text) in _STOP_WORDS
            or text in ("-", "'", "’")) and text not in (",", ".", ";", ":", "(", ")") and fold(text) not in ("et", "ou")


def _forward(doc: Doc, i: int, limit: int) -> tuple[int, int] | None:
    """A role phrase starting at token i (after an optional article): ``(start, end)``."""
    tab = tokens.table(doc)
    text = tab.text
    j = i
    if j < limit and fold(text[j]) in _DETS:
        j += 1
    if j >= limit or not _role_head_at(tab, j):
        return None
    start, k = j, j + 1
    while k < limit and k - start < _MAX and _phrase_ok_at(tab, k) and not (k > start and _role_head_at(tab, k) and text[k - 1] == ","):
        k += 1
    while k > start + 1 and (fold(text[k - 1]) in _STOP_WORDS or tab.pos[k - 1] == "DET"):
        k -= 1
    return start, k


def _backward(doc: Doc, end: int, floor: int, apposed: bool) -> tuple[int, int] | None:
    """A role phrase ending just before token ``end``. Apposed ("le conseiller du président
    russe, X"): the whole phrase from its article. Before the name without a comma ("le conseiller
    du président russe X"): the role nearest the name titles it ("président russe")."""
    tab = tokens.table(doc)
    text, pos = tab.text, tab.pos
    k = end - 1
    found = None
    while k >= floor and end - k <= _MAX and _phrase_ok_at(tab, k):
        opener = (k == floor or fold(text[k - 1]) in _DETS or text[k - 1] in (",", "\n")
                  or tab.sent_start[k - 1] or pos[k - 1] in ("VERB", "AUX")
                  or pos[k - 1] == "ADP" and fold(text[k - 1]) not in _OF)
        if _role_head_at(tab, k) and (opener or not apposed and fold(text[k - 1]) in _OF):
            found = (k, end)
            if not apposed or opener:
                return found
        k -= 1
    return None


def _organization(doc: Doc, start: int, end: int, kb: KnowledgeBase, orgs: dict[int, str]) -> str | None:
    """The body a role phrase names: an organisation mention inside it, else a demonym adjective's
    government (or the matching institution: "des Affaires étrangères" -> the foreign ministry)."""
    for i in range(start, end):
        if i in orgs:
            return orgs[i]
    text = fold(doc[start:end].text)
    for tok in doc[start:end]:
        code = kb.country_of_adjective(tok.text) if tok.pos_ == "ADJ" or tok.text[:1].islower() else None
        if code:
            kind = ("foreign_ministry" if "affaires etrangeres" in text or "diplomatie" in text
                    else "defence_ministry" if "defense" in text else "government")
            return kb.institution(code, kind) or kb.institution(code)
    return None


def learn(doc: Doc, persons: list[Person], kb: KnowledgeBase, orgs: dict[int, str], sent_of: list[int]) -> list[RoleFact]:
    """Facts from appositions and role phrases next to a person's name."""
    published = doc._.published
    facts: list[RoleFact] = []
    starts = {p.start for p in persons}
    for p in persons:
        found = None
        if p.end + 1 < len(doc) and doc[p.end].text == ",":  # "X, porte-parole de Y"
            found = _forward(doc, p.end + 1, min(len(doc), p.end + 1 + _MAX + 1))
        if found is None and p.start >= 2 and doc[p.start - 1].text == ",":  # "le chef de …, X"
            found = _backward(doc, p.start - 1, max(0, p.start - 1 - _MAX), apposed=True)
        if found is None and p.start >= 1:  # "l'envoyé américain X"
            found = _backward(doc, p.start, max(0, p.start - _MAX), apposed=False)
        if found is None:
            continue
        s, e = found
        if any(s <= q < e for q in starts):
            continue  # another name inside: "le conseiller du président X" is X's adviser's role
        phrase = doc[s:e]
        role = _clean(phrase.text)
        if not role:
            continue
        role_ids = kb.role_ids(role)
        org = _organization(doc, s, e, kb, orgs) or next((kb.role_organization(r) for r in role_ids
                                                           if kb.role_organization(r)), None)
        lo, hi = min(s, p.start), max(e, p.end)
        facts.append(RoleFact(person_id=p.id, person_name=p.name, role=role, role_ids=role_ids,
                              organization_id=org, date=published, start=doc[lo].idx,
                              end=doc[hi - 1].idx + len(doc[hi - 1].text), text=doc[lo:hi].text,
                              sentence=sent_of[p.start], role_start=phrase.start_char,
                              role_end=phrase.end_char))
    return facts


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip(" ,")


def _content(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9-]+", fold(text)) if w not in _STOP_WORDS and len(w) > 1}


def match(description: Span, facts: list[RoleFact], kb: KnowledgeBase) -> RoleFact | None:
    """The learned fact a definite role description refers to (None when none fits)."""
    text = _clean(description.text)
    words = _content(text)
    head = next((t for t in description if _role_head(t)), None)
    if head is None:
        return None
    head_words = fold(head.text).split()
    ids = set(kb.role_ids(text))
    at = description.start_char
    best, best_key = None, None
    for f in facts:
        if f.role_start is not None and f.role_start <= at < (f.role_end or at):
            continue
        fwords = _content(f.role)
        fhead = fold(f.role).split()[: len(head_words)]
        if ids and ids & set(f.role_ids):
            score = 3
        elif norm_alias(text) == norm_alias(f.role):
            score = 3
        elif ids and f.role_ids:
            continue  # the KB knows these are two different roles
        elif fhead == head_words and words <= fwords | _adjective_words(f, kb):
            score = 2 if len(words) > 1 else 1
        else:
            continue
        before = f.start < at
        key = (score, before, f.start if before else -f.start)
        if best_key is None or key > best_key:
            best, best_key = f, key
    return best


def _adjective_words(f: RoleFact, kb: KnowledgeBase) -> set[str]:
    """Demonym adjectives of the fact's organisation's state ("diplomatie turque" ~ the Turkish FM)."""
    entry = kb.get(f.organization_id) if f.organization_id else None
    if entry is None or not entry.country:
        return set()
    return {fold(w) for w, code in kb.adjective_forms().items() if code == entry.country}


def descriptions(doc: Doc, facts: list[RoleFact], kb: KnowledgeBase, covered: set[int],
                 persons: list[Person]) -> list[tuple[int, int, RoleFact]]:
    """Definite role descriptions not apposed to a name that a learned fact resolves:
    ``(start token, end token, fact)``."""
    if not facts:
        return []
    out = []
    person_starts = {p.start for p in persons}
    person_ends = {p.end for p in persons}
    lex = lexicon()
    openers = _DETS | {"l’", "ce", "cette"}
    lower = tokens.table(doc).lower
    for i in range(len(doc)):
        if lower[i] not in openers:  # cheap test first: this runs over every token
            continue
        tok = doc[i]
        found = _forward(doc, tok.i + 1, min(len(doc), tok.i + 2 + _MAX)) if tok.lower_ in ("ce", "cette") else _forward(doc, tok.i, min(len(doc), tok.i + 1 + _MAX))
        if found is None:
            continue
        s, e = found
        if any(i in covered for i in range(s, e)):
            continue
        nxt = e + 1 if e < len(doc) and doc[e].text == "," else e
        if nxt in person_starts or e in person_starts or (s >= 2 and doc[s - 2].text == "," and (s - 2) in person_ends):
            continue  # apposed to a name: that is a fact, not a reference
        if any(fold(t.text) in lex["role_nouns"] for t in doc[s + 1:e] if t.text[:1].islower() and t.pos_ == "NOUN"):
            continue  # "le conseiller du président": a role relative to another role
        fact = match(doc[s:e], facts, kb)
        if fact is not None:
            out.append((s, e, fact))
    return out
