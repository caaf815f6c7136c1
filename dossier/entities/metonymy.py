"""Is a place name used for the place, or for the government that sits there?

``Le Kremlin a déclaré`` / ``les exigences de Moscou`` / ``selon Kiev`` -> the government;
``au Kremlin`` / ``à Moscou`` / ``le centre de Kiev`` -> the place. Capitals and seats of power
(Kremlin, Maison-Blanche, Moscou, Washington) act unless the grammar says place; countries are
places unless the grammar says actor (subject, agent, source, party, possessor of a demand).
"""
from __future__ import annotations

from spacy.tokens import Span

from dossier.entities.normalize import fold
from dossier.entities.repair import lexicon

SUBJECT_DEPS = {"nsubj", "nsubj:pass", "csubj", "expl:subj"}


def _prev_word(span: Span) -> str | None:
    """The preposition in front of the name (skipping articles)."""
    lex = lexicon()
    i = span.start - 1
    while i >= 0 and fold(span.doc[i].text) in {"le", "la", "les", "l", "the"}:
        i -= 1
    if i < 0:
        return None
    if span.doc[i].text == "A" and (i == 0 or span.doc[i].is_sent_start or "\n" in span.doc[i - 1].text):
        return fold("à")  # "A Kiev, ..." : a capital A opening a sentence is the preposition
    if span.doc[i].lower_ == "a":  # the verb "a", not the preposition "à"
        return "a (verb)"
    return fold(span.doc[i].text)


def _case_word(root) -> str | None:
    for child in root.children:
        if child.dep_ in ("case", "mark"):
            return fold(child.text)
    return None


def _listed_under(root):
    """The noun a name is listed under by apposition or coordination ("les médiateurs, Qatar, Égypte
    et …")."""
    t = root
    for _ in range(8):
        if t.dep_ not in ("appos", "conj"):
            break
        if t.head.i == t.i:
            break
        t = t.head
    return t if t.i != root.i and t.pos_ == "NOUN" else None


def _apposed_to(span: Span):
    """The noun a name is set beside by a comma ("la capitale, Mascate"): its apposition or
    conjunct head by the parse, or the noun just before the comma (the parse often hangs the name
    elsewhere)."""
    root = span.root
    if root.dep_ in ("appos", "conj") and root.head.i < root.i and root.head.pos_ == "NOUN":
        return root.head
    if span.start >= 2 and span.doc[span.start - 1].text == "," and span.doc[span.start - 2].pos_ == "NOUN":
        return span.doc[span.start - 2]
    return None


def actor_reading(span: Span, seat_of_power: bool, possessive: bool = True) -> tuple[bool, str]:
    """``(acts, why)``: True when the name stands for the government. ``possessive``: a possessor
    of a demand or plan ("les exigences de Moscou") acts (not for generated capitals: "l'accord
    de Vienne" names a treaty after the city)."""
    lex = lexicon()
    prev = _prev_word(span)
    root = span.root
    # prepositions fused with an article ("au", "du") are single tokens in French
    if prev == "a" and fold(root.head.lemma_) in lex["dative_actor_verbs"]:
        return True, f"addressee of {root.head.lemma_!r}"
    if prev in lex["locative_preps"]:
        return False, f"after {prev!r}"
    if root.dep_ in SUBJECT_DEPS:
        if not seat_of_power and fold(root.head.lemma_) in lex["state_verbs"]:
            return False, f"subject of the state verb {root.head.lemma_!r}"  # "le Soudan reste en proie à …"
        return True, f"subject of {root.head.lemma_!r}"
    apposed = _apposed_to(span)
    if apposed is not None and fold(apposed.lemma_) in lex["place_heads"]:
        return False, f"apposed to {apposed.text!r}"  # "dans la capitale, Mascate,"
    if (root.dep_ == "conj" and root.head.i < root.i and root.head.dep_ in SUBJECT_DEPS and root.head.pos_ == "PROPN"
            and prev not in lex["locative_preps"]):
        return True, f"coordinated with the subject {root.head.text!r}"  # "La Chine et la Russie ont …"
    listed = _listed_under(root)
    if listed is not None and (fold(listed.lemma_) in lex["agentive_heads"] or fold(listed.lemma_) in lex["actor_groups"]
                               or any(fold(c.lemma_) in lex["actor_groups"] for c in listed.children if c.dep_ in ("amod", "nmod"))):
        return True, f"listed among the {listed.text!r}"  # "les pays médiateurs — États-Unis, Égypte, Qatar —"
    if root.dep_ == "obj" and fold(root.head.lemma_) in lex["object_actor_verbs"]:
        return True, f"addressee of {root.head.lemma_!r}"  # "accuse l'Iran", "exhorte le Qatar"
    if prev in lex["actor_preps"]:
        return True, f"after {prev!r}"
    head = root.head
    if possessive and prev in {"de", "du", "d'", "des", "of"} and head.i != root.i:
        lemma = fold(head.lemma_)
        word = fold(head.text)
        if word in lex["place_heads"] or lemma in lex["place_heads"]:
            return False, f"complement of {head.text!r}"
        if word in lex["agentive_heads"] or lemma in lex["agentive_heads"]:
            return True, f"possessor of {head.text!r}"
    if root.dep_ in ("obl:agent",):
        return True, "agent"
    if seat_of_power:
        return True, "seat of power, no place reading"
    return False, "default place"
