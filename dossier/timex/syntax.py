"""What the parse tells the time component: the verb governing a span, its tense, the sentence's time."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from dossier.models import SentenceTime, Timex
from dossier.nlp.tree import walk_up
from dossier.nlp import access
from dossier.nlp.tokens import morph, table

FUTURE_LEMMAS = {"prévoir", "programmer", "planifier", "devoir", "aller", "compter", "envisager", "projeter"}
# verbs of agreeing, deciding and promising: what their infinitive says is still ahead of them,
# whatever their own tense ("ils ont convenu de se revoir samedi", "il a promis de venir lundi")
INTENT_LEMMAS = {"convenir", "décider", "accepter", "promettre", "engager", "proposer", "s'engager", "résoudre",
                 "s'apprêter", "apprêter", "menacer", "projeter", "envisager", "prévoir"}
FUTURE_WORDS = {
    "prévu",
    "prévue",
    "prévus",
    "prévues",
    "programmé",
    "programmée",
    "programmés",
    "programmées",
    "attendu",
    "attendue",
    "attendus",
    "attendues",
    "doit",
    "doivent",
    "devra",
    "devront",
    "devrait",
    "devraient",
    "prochain",
    "prochaine",
    "will",
    "'ll",
    "shall",
    "scheduled",
    "expected",
    "due",
    "planned",
    "plans",
    "upcoming",
    "d'ici",
}
PAST_WORDS_EN = {
    "was",
    "were",
    "had",
    "did",
    "said",
    "met",
    "told",
    "began",
    "took",
    "held",
    "came",
    "went",
    "spoke",
    "made",
    "gave",
    "saw",
    "announced",
    "reported",
    "killed",
    "hit",
    "led",
}
_CONDITIONAL = ("rait", "raient", "rais", "rions", "riez")


def precision_of(value: str, stated: str | None = None) -> str:
    if stated and stated != "unknown":
        return stated
    return {10: "day", 7: "month", 4: "year"}.get(len(value or ""), "unknown")


def span_for(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def governing_verb(token: Token) -> Token | None:
    """The first verb (or the clause root) above ``token``, staying inside its sentence."""
    for steps, t in enumerate(walk_up(token)):
        if steps >= 30:
            break
        if t.pos_ in ("VERB", "AUX") and t.i != token.i:
            return t
        if t.head.i == t.i or t.dep_ == "ROOT":
            return t
    return None


def _aux(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_.startswith("aux")]


def verb_tense(verb: Token) -> str | None:
    """'past' | 'present' | 'future' for a verb, from its morphology and its auxiliaries.

    An infinitive takes the tense of the verb governing it; the climb is a loop that visits each
    token once (the parser may make an infinitive its own root)."""
    seen: set[int] = set()
    while verb.i not in seen:
        seen.add(verb.i)
        tenses = morph(verb, "Tense")
        auxes = _aux(verb)
        if any("Fut" in morph(a, "Tense") for a in auxes) or "Fut" in tenses:
            return "future"
        text = verb.text.lower()
        if verb.lemma_ in ("prévoir", "programmer", "planifier") and "Part" in morph(verb, "VerbForm"):
            return "future"
        if "Inf" in morph(verb, "VerbForm"):
            head = verb.head
            if head.i == verb.i:
                return None
            if head.lemma_ in FUTURE_LEMMAS and "Past" not in morph(head, "Tense") and not _aux(head):
                return "future"
            if head.lemma_ in INTENT_LEMMAS and verb.i > head.i:
                return "future"
            if head.pos_ in ("VERB", "AUX"):
                verb = head
                continue
            return None
        if text.endswith(_CONDITIONAL) and verb.pos_ in ("VERB", "AUX"):
            return "future"
        if auxes:
            return "past"
        if "Past" in tenses or "Imp" in tenses:
            return "past"
        if "Pres" in tenses:
            return "present"
        return None
    return None


_EN_WORD = re.compile(r"[\w']+")


def english_tense(text: str, start: int) -> str | None:
    """The French parser says little about English verbs: read the words back to the sentence start."""
    head = text[max(0, start - 300) : start]
    cut = max(head.rfind(". "), head.rfind("! "), head.rfind("? "), head.rfind("\n"))
    for written in reversed(_EN_WORD.findall(head[cut + 1 :])):
        word = written.lower()
        if word in FUTURE_WORDS or word in ("going", "plan", "expects", "hopes"):
            return "future"
        # "-ed" makes a past participle of a lower-case word only ("Jared", "Ahmed" are names)
        if word in PAST_WORDS_EN or (word.endswith("ed") and len(word) > 4 and written.islower()):
            return "past"
    return None


def tense_at(doc: Doc, start: int, end: int, lang: str = "fr") -> str | None:
    """The tense governing the characters [start, end) of ``doc``; future cues nearby win."""
    span = span_for(doc, start, end)
    if span is None or len(span) == 0:
        return None
    tab = table(doc)
    if doc.user_hooks or doc.user_span_hooks:
        sent = span.sent
    else:  # span.sent (the sentence of its first token), from the table (spaCy walks to its ends)
        sent = tab.sent(span.start)
    lower = tab.lower
    if any(lower[i] in FUTURE_WORDS for i in range(max(sent.start, span.start - 5), span.start)):
        return "future"
    if lang != "fr":
        return english_tense(access.doc_text(doc), start)
    verb = governing_verb(span.root)
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        # a failed parse (the date as root): fall back on the closest verb of the sentence
        verbs = [t for t in sent if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "acl")]
        verbs = verbs or [t for t in sent if t.pos_ in ("VERB", "AUX")]
        if not verbs:
            return None
        verb = min(verbs, key=lambda t: abs(t.i - span.root.i))
    return verb_tense(verb)


def sentence_times(doc: Doc, timexes: list[Timex]) -> list[SentenceTime]:
    """One SentenceTime per sentence: governing timex, else nearest, else publication date."""
    sents = table(doc).sents
    by_sentence: dict[int, list[int]] = {}
    for i, tx in enumerate(timexes):
        if tx.type in ("date", "time") and tx.value and tx.sentence is not None:
            by_sentence.setdefault(tx.sentence, []).append(i)
    out = []
    published = doc._.published  # (read once: each read of doc._ builds an accessor)
    fallback = precision_of(published, doc._.published_precision) if published else None
    for si, sent in enumerate(sents):
        cands = by_sentence.get(si, [])
        root = sent.root if cands else None  # (a walk over the sentence: only when a timex is in it)
        chosen, basis = None, None
        for i in cands:
            span = span_for(doc, timexes[i].start, timexes[i].end)
            if span is not None and governing_verb(span.root) == root:
                chosen, basis = i, "governing"
                break
        if chosen is None and cands:

            def distance(i, root=root):
                span = span_for(doc, timexes[i].start, timexes[i].end)
                return abs(span.root.i - root.i) if span is not None else 10**6

            chosen, basis = min(cands, key=distance), "nearest"
        if chosen is not None:
            tx = timexes[chosen]
            out.append(
                SentenceTime(sentence=si, value=tx.value, precision=tx.precision, basis=basis, timex_index=chosen)
            )
        elif published:
            out.append(
                SentenceTime(
                    sentence=si,
                    value=published,
                    precision=fallback,
                    basis="publication-fallback",
                )
            )
        else:
            out.append(SentenceTime(sentence=si, value=None, precision="unknown", basis="none"))
    return out
