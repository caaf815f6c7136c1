"""Word senses of ambiguous triggers, read from their arguments in the parse.

A verb or noun names different events with different objects: "libérer des otages" is a
release (CONCEDE), "libérer une région" a military claim; "échanger des prisonniers" an
exchange, "ont échangé dans une atmosphère constructive" a consultation; "soutenir des
rebelles armés" is aid, "soutenir une candidature" support; "la trêve entrera en vigueur" is
a ceasefire taking effect (RETREAT), "la trêve" in passing is no event.

``verb_sense`` / ``noun_sense`` return a trigger family, ``NO_EVENT`` when the word is used in
a sense that is no event, or None when they have nothing to say (the plain lexicon decides).
"""
from __future__ import annotations

from spacy.tokens import Token

from dossier.events import lexicon as lx
from dossier.nlp.tokens import morph

NO_EVENT = ""


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# people held or set free: objects of a release
CAPTIVES = _words(
    "otage otages prisonnier prisonniers prisonnière prisonnières détenu détenus détenue détenues captif captifs "
    "captive captives civil civils dépouille dépouilles corps soldat soldats militaire militaires "
    "hostage hostages prisoner prisoners detainee detainees captive captives body bodies")
RELEASE_VERBS = _words("libérer relâcher relaxer restituer rendre remettre release free return")
RELEASE_NOUNS = _words("libération libérations restitution restitutions release")
# what "lever"/"alléger" remove in a concession
CONSTRAINTS = _words("restriction restrictions sanction sanctions embargo blocus interdiction interdictions "
                     "siège restriction sanctions blockade ban")
EASE_VERBS = _words("lever alléger assouplir suspendre lift ease")
EASE_NOUNS = _words("levée allègement assouplissement lifting easing")
# material help: objects that make "soutenir" aid rather than political support
MATERIAL = _words("armé armés armée armées arme armes militaire militaires militairement financier financière "
                  "financièrement munitions soulèvement soulèvements rebelles milice milices combattants "
                  "armed arms weapons military financial rebels")
# a ceasefire taking effect or kept
TRUCE_NOUNS = _words("trêve cessez-le-feu truce ceasefire")
TRUCE_START = _words("vigueur entrer entrée commencer début débuter effet application appliquer respecter "
                     "respect effect start begin take")
# a concern voiced
CONCERN_NOUNS = _words("inquiétude inquiétudes préoccupation préoccupations consternation indignation "
                       "concern concerns alarm")
VOICING = _words("exprimer faire susciter dire manifester express voice raise")
# conditions set
CONDITION_NOUNS = _words("condition conditions exigence exigences préalable préalables")
SETTING = _words("fixer poser imposer établir mettre set impose lay")


def _lemma(t: Token) -> str:
    return t.lemma_.lower()


def _is(t: Token, words: frozenset[str]) -> bool:
    return _lemma(t) in words or t.lower_ in words


def _object_words(tok: Token, deps=("obj", "nsubj:pass", "obl:arg", "nmod", "xcomp", "obl:mod")) -> list[Token]:
    out = []
    for c in tok.children:
        if c.dep_ in deps:
            out.append(c)
            out += [x for x in c.children if x.dep_ in ("amod", "nmod", "conj", "flat:name")]
    return out


def _complements(tok: Token) -> list[Token]:
    """The verb's subtree minus its subject and the clauses hanging on it: what it acts on
    (robust to complements the parser attached to a date: "a libéré lundi 13 octobre vingt otages")."""
    skip: set[int] = set()
    for c in tok.children:
        if c.dep_ in ("nsubj", "csubj", "advcl", "acl:relcl", "parataxis", "conj", "ccomp") and c.i != tok.i:
            skip.update(t.i for t in c.subtree)
    out = [t for t in tok.subtree if t.i != tok.i and t.i not in skip]
    if tok.dep_ == "acl" or tok.dep_ == "acl:relcl":  # "les otages libérés": the noun it describes
        out.append(tok.head)
    for c in tok.children:  # a passive subject is what is acted on ("les otages ont été libérés")
        if c.dep_ == "nsubj:pass":
            out += list(c.subtree)
    return out


# verbs and nouns that halt what they govern: halting attacks is a de-escalation ("cesser les frappes",
# "les bombardements vont cesser", "suspendre ses frappes", "renoncer à de nouvelles frappes", "la fin des
# combats"), the attack itself is not told as happening
HALT_VERBS = _words("cesser arrêter stopper suspendre interrompre renoncer halt stop cease suspend end")
HALT_NOUNS = _words("fin arrêt suspension cessation interruption halt end")


_HALTED_DEPS = ("obj", "nsubj", "nsubj:pass", "obl:arg", "obl:mod", "obl", "xcomp")


def _halted(tok: Token) -> bool:
    """``tok`` (an attack noun or verb) is what a halting verb or noun stops: its subject or
    object ("cesser les attaques", "les frappes cesseront", "renoncer aux frappes", "cesser de
    frapper") or the complement of a halting noun ("l'arrêt des bombardements")."""
    head = tok.head
    if head.i == tok.i:
        return False
    if tok.dep_ in _HALTED_DEPS and head.pos_ == "VERB" and _is(head, HALT_VERBS):
        return True
    if tok.dep_ in ("nsubj", "nsubj:pass") and any(c.dep_ == "xcomp" and c.pos_ == "VERB" and _is(c, HALT_VERBS)
                                                   for c in head.children):
        return True  # "les frappes allaient cesser", "les combats doivent cesser"
    if tok.dep_ == "nmod" and head.pos_ == "NOUN" and _is(head, HALT_NOUNS):
        return True
    return False


def _halts_attack(tok: Token) -> bool:
    """The halting verb ``tok`` stops an attack (see :func:`_halted`)."""
    around = list(tok.children)
    if tok.dep_ == "xcomp":  # the subject of the verb it complements: "les frappes allaient cesser"
        around += [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubj:pass")]
    for c in around:
        if _halted(c) and (_lemma(c) in lx.ATTACK_NOUNS or c.lower_ in lx.ATTACK_NOUNS
                           or lx.VERBS.get(_lemma(c)) == "attack"):
            return True
    return False


def _halt_told(tok: Token) -> bool:
    """The halting verb tells a halt as a fact or as what will happen: a finite verb or a past
    participle out of any "si" clause, or an infinitive of the near future ("vont cesser")."""
    if any(c.dep_ == "mark" and c.lower_ in ("si", "s'", "s’", "if") for c in tok.children):
        return False
    form = morph(tok, "VerbForm")
    if form == ["Inf"]:
        return tok.dep_ == "xcomp" and _lemma(tok.head) in ("aller", "go")
    return True


# verbs of a defence that stops an attack ("repousser une offensive")
REPEL_VERBS = _words("repousser déjouer contrer enrayer repel repulse thwart")


def verb_sense(tok: Token) -> str | None:
    """The family a verb's context gives it, NO_EVENT when the context says it tells no event,
    None when its lemma is not one of :data:`SENSED_VERBS` or its context says nothing."""
    lemma = _lemma(tok)
    if lemma in ("menacer", "threaten") and tok.dep_ in ("acl", "amod") and tok.head.pos_ in ("NOUN", "PROPN") \
            and morph(tok, "Tense") == ["Pres"] and morph(tok, "VerbForm") == ["Part"]:
        return NO_EVENT  # "des cellules menaçant la stabilité de X": a noun described, no threat made
    if lemma in HALT_VERBS and _halts_attack(tok):
        # "a suspendu ses frappes", "les bombardements vont cesser"; a halt only promised, decided
        # or supposed ("promettent de cesser les combats", "si X cessait d'attaquer") is told by the
        # verb that governs it, when at all
        return "retreat" if _halt_told(tok) else NO_EVENT
    if lx.VERBS.get(lemma) == "attack" and _halted(tok):
        return NO_EVENT  # "cesser de frapper": the halting verb carries the event
    if lemma in RELEASE_VERBS:
        if any(_is(o, CAPTIVES) for o in _complements(tok)):
            return "release"
        return None if lemma in ("libérer", "release", "free") else NO_EVENT
    if lemma in EASE_VERBS and any(_is(o, CONSTRAINTS) for o in _object_words(tok)):
        return "ease"
    if lemma == "échanger" or lemma == "exchange":
        objs = _object_words(tok)
        if any(_is(o, CAPTIVES) for o in objs) or any(_is(t, CAPTIVES) for t in tok.subtree):
            return "exchange"
        if any(x.dep_ == "case" and x.lower_ == "contre" for c in tok.children for x in c.children):
            return "exchange"  # "X échangés contre Y": a swap, not talks ("échanger avec X")
        return "meeting"  # "ont échangé dans une atmosphère constructive", "échangé avec X"
    if lemma in REPEL_VERBS and any(_lemma(c) in lx.ATTACK_NOUNS or c.lower_ in lx.ATTACK_NOUNS
                                    for c in tok.children if c.dep_ in ("obj", "nsubj:pass")):
        return "military_claim"  # "a repoussé une attaque": a defence claimed
    if lemma == "engager" and any(c.lower_ in ("se", "s'", "s’") for c in tok.children) and any(
            c.dep_ in ("xcomp", "obl:arg") for c in tok.children):
        return "agreement"  # "se sont engagés à mettre fin …"
    if lemma in ("soutenir", "support"):
        if any(_is(t, MATERIAL) for t in tok.subtree if t.i != tok.i):
            return "aid"
        return "support"
    if lemma in ("prendre", "take") and any(c.dep_ == "obj" and _lemma(c) in ("contrôle", "control") for c in tok.children):
        return "military_claim"  # "ont pris le contrôle de X"
    if lemma in EVACUATE and ((tok.dep_ in ("xcomp", "obl:arg", "ccomp") and _is(tok.head, ORDERING)) or (
            tok.dep_ == "acl" and _is(tok.head.head, ORDERING))):  # (or hung on the people ordered)
        return "coerce"  # "a ordonné aux habitants d'évacuer la zone": a forced evacuation, not a retreat
    if lemma in ("opposer", "oppose") and _conflict_of(tok):
        return "attack"  # "une guerre opposant X à Y", "le conflit qui oppose X à Y": the fighting itself
    if lemma in ("éclater", "erupt", "break"):
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
        head = tok.head if tok.dep_ == "acl:relcl" else None
        noun = subj if subj is not None and subj.pos_ != "PRON" else head
        if noun is not None and _lemma(noun) in ("guerre", "conflit", "combat", "combats", "affrontement",
                                                 "affrontements", "war", "conflict", "fighting"):
            return "attack"
        return NO_EVENT
    return None


EVACUATE = _words("évacuer evacuer quitter evacuate leave")
# every lemma verb_sense can give a family (keep it with verb_sense: events.extract.candidates
# skips a verb whose lemma is neither here nor in the lexicons)
SENSED_VERBS = HALT_VERBS | RELEASE_VERBS | EASE_VERBS | REPEL_VERBS | EVACUATE | _words(
    "échanger exchange engager soutenir support prendre take opposer oppose éclater erupt break")
ORDERING = _words("ordonner sommer enjoindre contraindre forcer obliger order force compel")
CONFLICT_NOUNS = _words("guerre conflit combat combats affrontement affrontements hostilités war conflict fighting")


def _conflict_of(tok: Token) -> bool:
    """The verb describes a war or a conflict: it modifies that noun ("une guerre opposant …",
    "la guerre qui oppose …") or has it as subject ("le conflit oppose …")."""
    if tok.dep_ in ("acl", "acl:relcl") and _is(tok.head, CONFLICT_NOUNS):
        return True
    return any(c.dep_ in ("nsubj", "nsubj:pass") and _is(c, CONFLICT_NOUNS) for c in tok.children)


WAR_NOUNS = _words("guerre conflit war conflict")
SINCE = _words("depuis since")


def since_phrase(tok: Token) -> tuple[int, int] | None:
    """(first, last) token indexes of the "depuis …" phrase right after a noun (and its
    adjectives: "guerre depuis mai 2024", "the war since 2023"), read from the words, not the parse (the
    parser hangs it anywhere): "depuis" then the words up to the next preposition or punctuation
    (five at most); None when there is none."""
    doc = tok.doc
    at = tok.i + 1
    while at < len(doc) and doc[at].pos_ == "ADJ" and doc[at].head.i == tok.i:  # "la guerre civile depuis …"
        at += 1
    if at >= len(doc) or doc[at].lower_ not in SINCE:
        return None
    last = at
    for t in doc[at + 1:min(len(doc), at + 6)]:
        if t.pos_ in ("ADP", "PUNCT", "CCONJ", "SCONJ", "VERB", "AUX") or t.is_space:
            break
        last = t.i
    return (at, last) if last > at else None


def _war_since(tok: Token) -> bool:
    """A war noun with its own start: "(en) guerre depuis mai 2024", "the conflict since 2023"
    (a "depuis" phrase right after it that holds a number: a year, a day, a count of months). A
    war named in passing ("la guerre au Tchad") is the story's setting, no event."""
    span = since_phrase(tok)
    return span is not None and any(t.like_num for t in tok.doc[span[0]:span[1] + 1])


def noun_sense(tok: Token) -> str | None:
    lemma = _lemma(tok)
    if lemma in WAR_NOUNS or tok.lower_ in WAR_NOUNS:
        return "attack" if _war_since(tok) else None
    if (lemma in lx.ATTACK_NOUNS or tok.lower_ in lx.ATTACK_NOUNS) and _halted(tok):
        return NO_EVENT  # "cesser les frappes": the halting verb carries the event
    if lemma in RELEASE_NOUNS:
        if any(_is(t, CAPTIVES) or (t.pos_ in ("NOUN", "PROPN") and t.text[:1].isupper() and t.i > tok.i)
               for t in tok.subtree if t.i != tok.i):
            return "release"
        return NO_EVENT
    if lemma in EASE_NOUNS:
        return "ease" if any(_is(t, CONSTRAINTS) for t in tok.subtree if t.i != tok.i) else NO_EVENT
    if lemma in TRUCE_NOUNS:
        near = [tok.head] + [c for c in tok.head.children] + list(tok.children)
        if tok.dep_ in ("nmod", "nsubj", "nsubj:pass", "obj", "obl:mod", "obl"):
            if any(_is(t, TRUCE_START) for t in near if t.i != tok.i):
                return "retreat"  # "la trêve entrera en vigueur", "l'entrée en vigueur de la trêve"
        return None
    if lemma in CONCERN_NOUNS:
        return "disapprove" if _is(tok.head, VOICING) else NO_EVENT
    if lemma in CONDITION_NOUNS:
        return "demand" if _is(tok.head, SETTING) else None
    return None


__all__ = ["verb_sense", "noun_sense", "NO_EVENT"]
