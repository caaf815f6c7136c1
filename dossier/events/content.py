"""The type of a reported statement from what it says (CAMEO2PLOVER conventions).

"X a déclaré que …" is a neutral statement (OTHER) unless its content is itself typed:
an agreement denied ("il n'y a pas d'accord") is a REJECT, a charge ("des ruses", "une
manœuvre", "accuse") an ACCUSE, an obligation ("doit", "la nécessité de", "des conditions")
a DEMAND, a readiness to fight a THREATEN, praise ("salue", "félicite") a SUPPORT, a warning
of an escalation a DISAPPROVE, and an agreement reached ("un consensus", "se sont engagés",
"ont convenu") an AGREE.

Everything here is general French/English vocabulary, read from the parse of the content.
"""
from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from dossier.events import lexicon as lx
from dossier.nlp.tokens import sent_of, table


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# lemma or lower-cased word -> family, by order of precedence (first family found wins)
ACCUSE_WORDS = _words(
    "ruse ruses manœuvre manœuvres manoeuvre manoeuvres mensonge mensonges mentir propagande désinformation "
    "provocation provocations torpiller saboter trompeur trompeuse mensonger mensongère fallacieux fallacieuse "
    "calomnie calomnies accuser reprocher accusation accusations agression complot prétexte "
    "lie lies ploy ruse propaganda disinformation accuse blame")
DEMAND_WORDS = _words(
    "nécessité nécessaire nécessaires falloir impératif impérative indispensable exiger exigence exigences "
    "condition conditions préalable préalables réclamer sommer insister "
    "must necessity necessary demand demands condition conditions require")
SUPPORT_WORDS = _words(
    "saluer salue féliciter remercier réjouir soutenir soutien appuyer approuver encourager bienvenu bienvenue "
    "welcome praise congratulate thank support endorse")
AGREE_WORDS = _words("consensus entente engager finaliser consensus commit")
# a warning of an escalation ("une terrible escalade du conflit"): disapproval of what happens
ALARM_WORDS = _words("escalade escalation")
# agreement words that, negated in a content, deny an agreement ("il n'y a pas d'accord")
DENIED_WORDS = _words("accord consensus entente cessez-le-feu trêve agreement deal ceasefire truce")
# negations that turn an agreement in the content into a denial ("il n'y a pas d'accord")
_NEGATORS = _words("ne n' n’ pas aucun aucune ni jamais nullement no not never none")
# a modal of obligation counts only as an auxiliary of the content, never as its main verb
_MODALS = _words("devoir falloir vouloir exiger insister must should need")


# every word a test of content_family looks for (the adjectives apart): a token holding none is skipped
_ANY_WORD = ACCUSE_WORDS | DEMAND_WORDS | SUPPORT_WORDS | AGREE_WORDS | DENIED_WORDS | _MODALS | ALARM_WORDS


def _key(t: Token) -> tuple[str, str]:
    return t.lemma_.lower(), t.lower_


def _is(t: Token, words: frozenset[str]) -> bool:
    lemma, low = _key(t)
    return lemma in words or low in words


def negated_here(t: Token) -> bool:
    """A negation on the word, its head, or just before it in its clause ("pas d'accord",
    "aucun accord", "n'a pas accepté")."""
    if any(c.lower_ in _NEGATORS and not a_step(c) for c in t.children if c.dep_ in ("advmod", "det", "cc")):
        return True
    if t.head.i != t.i and any(c.lower_ in _NEGATORS and not a_step(c) for c in t.head.children if c.dep_ == "advmod"):
        return True
    before = t.doc[max(sent_of(t).start, t.i - 3):t.i]
    return any(b.lower_ in _NEGATORS and not a_step(b) for b in before)


def a_step(t: Token) -> bool:
    """"un pas en avant vers un accord", "un « premier pas »": "pas" after a determiner or an
    adjective (quotation marks aside) is a step, no negation."""
    if t.lower_ != "pas":
        return False
    if t.pos_ == "NOUN":
        return True
    i = t.i - 1
    while i >= 0 and t.doc[i].is_quote:
        i -= 1
    return i >= 0 and t.doc[i].pos_ in ("DET", "ADJ", "NUM") and t.doc[i].lower_ not in ("ne", "n'", "n’")


_CONDITIONS = _words("condition conditions")
_SET = _words("fixer poser imposer établir mettre exiger réclamer set impose lay demand")
_PRIOR = _words("préalable préalables prior")


def _mere_conditions(t: Token) -> bool:
    """"créera de meilleures conditions": conditions are a demand only when someone sets them or
    they come first ("a posé des conditions", "des conditions préalables")."""
    if not _is(t, _CONDITIONS):
        return False
    return not (_is(t.head, _SET) or any(_is(c, _PRIOR) for c in t.children)
                or any(_is(x, _PRIOR) for x in t.doc[t.i + 1:t.i + 3]))


def bearing_tokens(doc: Doc, start: int, end: int) -> list[Token]:
    """The tokens of ``doc[start:end]`` that :func:`content_family` does not skip at once (a
    word holding one of the words its tests look for), read from the token table: the tokens
    of a whole sentence or quote need not be built to find the few that count."""
    tab = table(doc)
    word, lemma, lower = tab.word, tab.lemma, tab.lower
    adjectives = lx.ADJECTIVES
    return [doc[i] for i in range(start, end)
            if word[i] and (lemma[i] in _ANY_WORD or lower[i] in _ANY_WORD
                            or lemma[i] in adjectives or lower[i] in adjectives)]


def content_family(tokens: Iterable[Token]) -> str | None:
    """Family of a reported content (its tokens, the reporting verb and source excluded)."""
    tokens = [t for t in tokens if not t.is_punct and not t.is_space]
    found: dict[str, bool] = {}
    adjectives = lx.ADJECTIVES
    for t in tokens:
        lemma, low = t.lemma_.lower(), t.lower_  # (what _key reads: read once per token)
        if lemma not in _ANY_WORD and low not in _ANY_WORD and lemma not in adjectives and low not in adjectives:
            continue  # none of the tests below can hold

        def is_(words) -> bool:
            return lemma in words or low in words

        pos = t.pos_
        if pos == "ADJ" and is_(adjectives):
            fam = adjectives.get(lemma) or adjectives.get(low)
            if fam == "threat" and not any(x.lemma_.lower() in ("battre", "guerre", "combattre", "fight", "war")
                                           for x in t.subtree):
                continue
            found.setdefault(fam, True)
        if is_(DENIED_WORDS) and pos in ("NOUN", "PROPN") and negated_here(t):
            found.setdefault("rejection", True)
        elif is_(AGREE_WORDS) and pos in ("NOUN", "VERB") and not negated_here(t):
            found.setdefault("agreement", True)
        elif is_(ACCUSE_WORDS):
            found.setdefault("accuse", True)
        elif is_(DEMAND_WORDS) and pos in ("NOUN", "VERB", "ADJ", "AUX") and not _mere_conditions(t):
            found.setdefault("demand", True)
        elif is_(_MODALS) and pos in ("VERB", "AUX") and t.dep_ != "ROOT":
            found.setdefault("demand", True)
        elif is_(SUPPORT_WORDS) and (pos == "VERB" or low.startswith("bienvenu")):
            found.setdefault("support", True)
        elif is_(ALARM_WORDS) and pos == "NOUN":
            found.setdefault("disapprove", True)
    for fam in ("rejection", "accuse", "demand", "threat", "support", "agreement", "disapprove"):
        if fam in found:
            return fam
    return None


__all__ = ["a_step", "bearing_tokens", "content_family", "negated_here", "ACCUSE_WORDS", "ALARM_WORDS", "DEMAND_WORDS", "SUPPORT_WORDS", "AGREE_WORDS", "DENIED_WORDS"]
