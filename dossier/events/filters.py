"""General precision filters of event extraction (each a small predicate on the parse or an event).

Direct speech (event nouns inside « … » belong to the reported statement), statements without a
named source or that report nothing (negated, relative clause), infinitives complementing a
governing verb ("a démenti avoir accepté"), places framing a location ("la frontière entre X et
Y"), definite background nouns, bare participles of reporting verbs ("X, dit « Y »").
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from dossier.events import lexicon as lx, memo
from dossier.models import Event
from dossier.nlp import access
from dossier.nlp.tokens import morph, table


def lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def governed_by(tok: Token, preps: frozenset[str]) -> bool:
    return any(c.dep_ == "case" and c.lower_ in preps for c in tok.children)


_QUOTE_LINE = re.compile(r"«[^»\n]*»|“[^”\n]*”|\"[^\"\n]*\"")


def landmark_place(root: Token) -> bool:
    """"la frontière entre Gaza et l'Egypte", "la ligne entre X et Y": places framing a location
    noun (not an event noun), not parties."""
    first = root
    for _ in range(3):
        if first.dep_ != "conj" or first.head.i == first.i:
            break
        first = first.head
    head = first.head
    return governed_by(first, lx.PARTNER_PREPS) and head.i != first.i and head.pos_ == "NOUN" \
        and lemma(head) not in lx.NOUNS and head.lower_ not in lx.NOUNS


def bare_participle(tok: Token) -> bool:
    """A past participle with no auxiliary: an adjectival use, not a reporting clause. (Answered
    once per token of a Doc.)"""
    found = memo.memo(tok.doc, "bare_participle")
    answer = found.get(tok.i)
    if answer is None:
        answer = found[tok.i] = _bare_participle(tok)
    return answer


def _bare_participle(tok: Token) -> bool:
    return "Part" in morph(tok, "VerbForm") and "Past" in morph(tok, "Tense") and not any(
        c.dep_.startswith("aux") or c.dep_ == "cop" for c in tok.children)


def definite(tok: Token) -> bool:
    tab = table(tok.doc)  # (the children's labels and forms read from the lists)
    dep, lower = tab.dep, tab.lower
    kids = tab.children[tok.i]
    return any(dep[c] == "det" and lower[c] in ("le", "la", "les", "l'", "l’", "the") for c in kids) or any(
        dep[c] == "case" and lower[c] == "du" for c in kids)


def infinitive(tok: Token) -> bool:
    """"accepter", "avoir accepté": an infinitive, or a participle with an infinitive auxiliary."""
    return "Inf" in morph(tok, "VerbForm") or any(
        c.dep_.startswith("aux") and "Inf" in morph(c, "VerbForm") for c in tok.children)


def complement_of(gov: Token, tok: Token) -> bool:
    """"a démenti avoir accepté …", "refuse de signer": an infinitive right after a governing verb
    (rejection, agreement, proposal …) is its content, whatever the parser attached it to."""
    if tok.pos_ not in ("VERB", "AUX") or not infinitive(tok) or not 0 < tok.i - gov.i <= 5:
        return False
    between = tok.doc[gov.i + 1:tok.i]
    return all(t.pos_ in ("ADV", "AUX", "ADP", "PART", "PRON") or (t.dep_ == "obl:mod" and t.pos_ == "NOUN")
               for t in between)


def quoted_regions(doc: Doc, quotes=()) -> list[tuple[int, int]]:
    """Character spans of direct speech: the direct quotes found by the quotes component and any
    quotation marks closed within a paragraph (the parser may split a quote over sentences)."""
    spans = {(m.start(), m.end()) for m in _QUOTE_LINE.finditer(access.doc_text(doc))}
    spans |= {(q.start, q.end) for q in quotes if getattr(q, "kind", None) == "direct"}
    return sorted(spans)


def quoted_noun(tok: Token, family: str, quoted: list[tuple[int, int]]) -> bool:
    """"« Nous sommes proches d'un accord »": an event noun inside quoted speech is part of the
    reported statement, not an event of its own."""
    return tok.pos_ in ("NOUN", "PROPN") and family != "statement" and any(a <= tok.idx < b for a, b in quoted)


def background_statement(event: Event, tok: Token) -> bool:
    """Reporting cues that report nothing: a negated one ("X n'a pas encore répondu") or one in a
    relative clause describing a noun ("une déclaration que X qualifie de …")."""
    if tok.lemma_.lower() not in lx.REPORTING:  # the statement itself, typed or neutral
        return False
    if tok.dep_ == "acl:relcl" and tok.head.pos_ in ("NOUN", "PROPN"):
        return True
    return event.plover == "OTHER" and event.status == "denied"


_CLOSERS = "»\"”’' )]"
_FINAL = ".!?…:;"
# a sentence ends inside the line and another starts: "… très attendu. Après trois heures …"
_INNER_END = re.compile(r"(?<=\w\w)[.!?…][»\"”’)]*\s+[«\"“]?\s*[A-ZÀ-Ý]")  # (a lookbehind: linear on a long word)


def body_start(text: str) -> int:
    """Where the report starts: after the opening lines that end without a full stop (kicker,
    headline, subtitle, key-point bullets: "Soudan : X affirme avoir pris Y", "- « … », déclare
    X"), which sum up what the body tells; 0 when the first line already ends a sentence. A line
    holding two sentences is a paragraph of the body even when its last one ends without a full
    stop ("… a-t-il dit. « … », rassure X")."""
    pos = 0
    for line in text.splitlines(keepends=True):
        words = line.strip().rstrip(_CLOSERS).rstrip()
        if words and (words[-1] in _FINAL or _INNER_END.search(words)):
            return pos  # (a paragraph of several sentences is body, whatever its last one ends on)
        pos += len(line)
    return 0  # no line ends a sentence: no telling what is a headline


def partyless_meeting(doc: Doc, event: Event, trigger: Token | None) -> bool:
    """A meeting named by an indefinite or hypothetical noun in a clause that names nobody, no
    place and no day ("au terme de négociations intensives", "si les négociations se
    déroulaient favorablement") speaks of talks in general; "des pourparlers tenus à Istanbul", "la réunion de mardi" or a clause with
    a name the knowledge base does not know stay."""
    if event.plover != "CONSULT" or event.participants or event.place_id or event.date:
        return False
    if trigger is None or trigger.pos_ != "NOUN" or (definite(trigger) and event.status != "hypothetical"):
        return False  # ("la réunion a eu lieu dans le calme": that meeting)
    span = doc.char_span(event.start, event.end, alignment_mode="expand")
    return span is not None and not any(t.pos_ == "PROPN" or t.ent_type_ for t in span)


def unsourced_statement(event: Event) -> bool:
    """A neutral reported statement is an event only when a named source makes it (the gold
    convention: "X a déclaré que …"), not for every reporting cue ("annoncées il y a …")."""
    return event.type == "statement" and event.plover == "OTHER" and not event.participants
