"""Event extraction from a parsed Doc: trigger lexicons + the dependency parse.

One pass per sentence: every token whose lemma is a trigger (``lexicon``) becomes a candidate;
the strongest candidate of a sentence becomes an event (a second one only when it belongs to an
independent clause and another PLOVER type). A reporting verb ("a déclaré", "selon") with a named
speaker yields a ``statement`` event typed by its content (a rejection adjective, a threat, a
modal of obligation) when the sentence carries no stronger trigger; the speaker then joins the
participants with the role ``source``. A third party's report of an act ("X a déclaré que Y et Z
se sont rencontrés") is two events, X's statement and the act without X (``reports``); a clause
of circumstance inside the report ("…, alors qu'il accueillait X") is an event of its own. The
occasion of a saying ("lors d'un sommet", "…, où Y ont signé …") is not what is said; a present
participle of saying after an act ("X a signé …, affirmant que …") is X's statement beside the
act; persons a release frees "échangés contre" others are the other side's release; a named
person cited with "selon" for others' act ("Y et Z se sont engagés, selon X, à …") makes a
statement of his own beside it. A reporting verb ending the sentence after the clause it reports
("[…], indique un communiqué de X") is X's statement; with no act of its own in those words, it
spans them, and their date is not the saying's. An event noun the clause is dated by as its
morrow or eve ("mardi, au lendemain de la prise de X") is an event of its own, a day before (or
after) the clause's day.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from dossier.events import filters, memo
from dossier.events import lexicon as lx
from dossier.events import participants as pa
from dossier.events import reports, roles, senses
from dossier.events.content import a_step, bearing_tokens, content_family
from dossier.events.quoted import quote_statements
from dossier.events.coref import (continue_dates, ground_dates, inherit_dates, inherit_places, place_of_occasion,
                                  resolve_meetings, trigger_token)
from dossier.events.sides import fill_agent, fill_sides
from dossier.events.spans import clause_indexes, clause_tokens, subtree_indexes
from dossier.events.story import mark_story
from dossier.events.details import (
    date_counted, event_date, event_duration, event_outcome, event_status, find_place,
)
from dossier.models import Event, Mention, Participant
from dossier.nlp import access
from dossier.timex.lexicon import parse_number
from dossier.nlp.tokens import TokenTable, morph, sent_of, table

ACTOR_TYPES = ("person", "organization", "group")

_CLAUSE_DEPS = ("ROOT", "conj", "ccomp", "advcl", "acl:relcl", "parataxis", "xcomp", "csubj")
_PRONOUNS = frozenset("il elle ils elles on nous je vous he she they we".split())


@dataclass
class Candidate:
    token: Token
    family: str
    rank: int


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _has_child(tok: Token, words: frozenset[str], deps: tuple[str, ...] | None = None) -> bool:
    tab = table(tok.doc)  # (the children's forms, lemmas and labels read from the lists)
    return any(tab.lower[c] in words or tab.lemma[c] in words
               for c in tab.children[tok.i] if deps is None or tab.dep[c] in deps)


def _near_words(tok: Token, words: frozenset[str], window: int = 6) -> bool:
    sent = sent_of(tok)
    lo, hi = max(sent.start, tok.i - window), min(sent.end, tok.i + window + 1)
    return any(t.lower_ in words or _lemma(t) in words for t in tok.doc[lo:hi])


def verb_lemma(tok: Token) -> str:
    """The lemma of a verb, or, when the lemmatizer left a first-group present form as it is
    ("indique", "estiment"), the infinitive the lexicons know ("indiquer")."""
    return _verb_lemma(_lemma(tok), tok.lower_)


def _verb_lemma(lemma: str, lower: str) -> str:
    """:func:`verb_lemma` of a token with that (lower-cased) lemma and form."""
    if lemma != lower or lemma in lx.VERBS or lemma in lx.REPORTING:
        return lemma
    for stem in (lemma[:-3] if lemma.endswith("ent") else None, lemma[:-1] if lemma.endswith("e") else None):
        if stem and (stem + "er" in lx.VERBS or stem + "er" in lx.REPORTING):
            return stem + "er"
    return lemma


def _verb_family(tok: Token) -> str | None:
    lemma = verb_lemma(tok)
    sense = senses.verb_sense(tok)
    if sense is not None:
        return sense or None
    if lemma == "parler" or lemma == "entretenir":
        # "se parler au téléphone", "s'entretenir avec X"
        if _near_words(tok, lx.PHONE_WORDS):
            return "phone_call"
        if _has_child(tok, frozenset({"se", "s'"})) or _near_words(tok, lx.PARTNER_PREPS, 4):
            return "meeting"
        return None
    if lemma in ("recevoir", "receive") and any(
            c.dep_ == "obj" and (_lemma(c) in lx.RECEIVED_THINGS or c.lower_ in lx.RECEIVED_THINGS)
            for c in tok.children) or (tok.dep_ in ("acl:relcl", "acl") and (
                _lemma(tok.head) in lx.RECEIVED_THINGS or tok.head.lower_ in lx.RECEIVED_THINGS)):
        return None  # "a reçu l'ordre de …", "les propositions qu'il a reçues": not a meeting
    if lemma == "rendre":  # "se rendre à X"
        return "visit" if _has_child(tok, frozenset({"se", "s'"})) else None
    if lemma == "appeler":
        if _near_words(tok, lx.PHONE_WORDS):
            return "phone_call"
        return "request" if any(c.dep_ in ("obl:arg", "obl:mod", "xcomp") for c in tok.children) else None
    if lemma in lx.MILITARY_CONTEXT_VERBS and not _near_words(tok, lx.MILITARY_WORDS | lx.ATTACK_NOUNS, 8):
        return None
    family = lx.VERBS.get(lemma)
    if family is None and lemma in lx.REPORTING:
        family = "statement"
    return family


def _noun_family(tok: Token) -> str | None:
    lemma = _lemma(tok)
    sense = senses.noun_sense(tok)
    if sense is not None:
        return sense or None
    family = lx.NOUNS.get(lemma) or lx.NOUNS.get(tok.lower_)
    if family is None:
        return None
    if lemma in lx.WEAK_NOUNS or tok.lower_ in lx.WEAK_NOUNS:
        kids = {c.lower_ for c in tok.subtree if c.i != tok.i and abs(c.i - tok.i) <= 5}
        if lemma == "appel":
            return "phone_call" if kids & lx.PHONE_WORDS else None
        if lemma == "plan":
            return "proposal" if kids & {"paix", "points", "peace", "cessez-le-feu"} else None
        if lemma in ("pause", "gel", "suspension"):
            return "sanction" if kids & {"aide", "assistance", "livraisons", "aid", "renseignement", "renseignements"} else None
        if lemma == "échange":
            return "exchange" if kids & {"prisonniers", "prisoners", "détenus", "captifs"} else None
        if lemma in ("discussion", "discussions", "conversation"):
            # a held talk: subject/object of a verb, or introduced by "après"/"à l'issue de"
            return family if tok.dep_ in ("nsubj", "obj", "obl:mod", "obl:arg", "nmod") else None
        return None
    if family == "retreat" and lemma in ("cessez-le-feu", "trêve", "ceasefire", "truce"):
        head = _lemma(tok.head)
        if head in lx.VERBS and lx.VERBS[head] in ("agreement", "proposal", "rejection", "request"):
            return None  # the governing verb carries the event
        return "proposal" if kids_number(tok) else None
    return family


_PARTICIPLE = re.compile(r"^(\w+)ée?s?$")
_SINCE = frozenset(("depuis", "since"))


def _participle_family(tok: Token) -> str | None:
    """A past participle the tagger took for a noun ("Assiégée depuis dix mois, la ville …"):
    the verb's family when the word is the past participle of a trigger verb in -er and carries
    its own "depuis …" time phrase (a state with its start: a siege, an encirclement)."""
    m = _PARTICIPLE.match(tok.lower_)
    if m is None or not any(c.dep_ in ("nmod", "obl:mod", "obl") and _governed_by(c, _SINCE) for c in tok.children):
        return None
    family = lx.VERBS.get(m.group(1) + "er")
    return family if family in ("attack", "military_claim") else None


def _since_words(doc: Doc) -> frozenset[int]:
    """The tokens that may be :func:`_since_state` at all (found once per Doc): both kinds need a
    "depuis": the head of the phrase it is the case of, or the noun (and adjectives) right
    before it."""
    found = memo.memo(doc, "since")
    words = found.get("words")
    if words is None:
        tab = table(doc)
        out: set[int] = set()
        for g, low in enumerate(tab.lower):
            if low not in _SINCE:
                continue
            out.add(tab.head[tab.head[g]])  # (a child's case: "assiégée [depuis] huit mois")
            j = g - 1  # (a noun and its adjectives before it: "la guerre civile depuis …")
            while j >= 0:
                out.add(j)
                if tab.pos[j] != "ADJ":
                    break
                j -= 1
        words = found["words"] = frozenset(out)
    return words


def _since_state(tok: Token) -> bool:
    """A participle with its own "depuis …" phrase: a state with its start ("assiégée depuis …"),
    or a war noun followed by its start ("en guerre depuis mai 2024")."""
    if tok.i not in _since_words(tok.doc):
        return False
    if tok.pos_ in ("NOUN", "PROPN") and senses.noun_sense(tok) and senses.since_phrase(tok) is not None \
            and (_lemma(tok) in senses.WAR_NOUNS or tok.lower_ in senses.WAR_NOUNS):
        return True
    return participial(tok) and tok.dep_ not in ("ROOT",) and any(
        c.dep_ in ("nmod", "obl:mod", "obl") and _governed_by(c, _SINCE) for c in tok.children)


_SINCE_STATES = "dossier.events.since_states"


def _since_states(doc: Doc, sent: Span) -> list[Token]:
    """The tokens of ``sent`` that are :func:`_since_state`, found once per sentence (every
    dated event of the sentence asks)."""
    found = doc.user_data.setdefault(_SINCE_STATES, {})
    indexes = found.get(sent.start)
    if indexes is None:
        words = _since_words(doc)
        indexes = found[sent.start] = [i for i in range(sent.start, sent.end) if i in words and _since_state(doc[i])]
    return [doc[i] for i in indexes]


def _since_date(doc: Doc, tok: Token, timexes) -> tuple[str, str, str] | None:
    """The start a war noun's own "depuis …" phrase gives ("en guerre depuis mai 2024": May
    2024), wherever the parser hung that phrase; None for any other trigger."""
    if tok.pos_ not in ("NOUN", "PROPN") or not (_lemma(tok) in senses.WAR_NOUNS or tok.lower_ in senses.WAR_NOUNS):
        return None
    span = senses.since_phrase(tok)
    if span is None:
        return None
    lo, hi = doc[span[0]].idx, doc[span[1]].idx + len(doc[span[1]].text)
    for t in timexes:
        if t.type == "date" and t.value and lo <= t.start < hi:
            return t.value, t.precision, "governing"
    return None


def _dates_state(doc: Doc, state: Token, value: str, timexes) -> bool:
    """Whether a timex of that value lies in the state participle's own phrase."""
    lo, hi = state.left_edge.idx, state.right_edge.idx + len(state.right_edge.text)
    return any(t.value == value and lo <= t.start < hi for t in timexes)


def participial(tok: Token) -> bool:
    """A verb, or a past participle the tagger took for a noun (``_participle_family``)."""
    return tok.pos_ in ("VERB", "AUX") or (tok.pos_ in ("NOUN", "PROPN") and _participle_family(tok) is not None)


def kids_number(tok: Token) -> bool:
    """"une trêve de quinze jours": a concrete, proposed truce."""
    return any(c.like_num or c.lower_ in lx.NUMBER_WORDS for c in tok.subtree if c.i > tok.i)


_CANDIDATE_POS = frozenset({"VERB", "AUX", "NOUN", "PROPN"})


@lru_cache(maxsize=1)
def _noun_words() -> frozenset[str]:
    """Every lemma or form _noun_family can type: the nouns of the lexicon and of the senses."""
    return frozenset(lx.NOUNS) | senses.RELEASE_NOUNS | senses.EASE_NOUNS | senses.TRUCE_NOUNS \
        | senses.CONCERN_NOUNS | senses.CONDITION_NOUNS | senses.WAR_NOUNS


@lru_cache(maxsize=1)
def _verb_words() -> frozenset[str]:
    """Every lemma _verb_family can type: the verbs of the lexicons, of the senses and its own."""
    return frozenset(lx.VERBS) | frozenset(lx.REPORTING) | senses.SENSED_VERBS \
        | frozenset(("parler", "entretenir", "rendre", "appeler"))


def candidates(sent: Span) -> list[Candidate]:
    out = []
    doc = sent.doc
    tab = table(doc)
    pos, lower, lemma = tab.pos, tab.lower, tab.lemma
    nouns, verbs = _noun_words(), _verb_words()
    for i in range(sent.start, sent.end):
        # only a verb, a noun or a source preposition can be a candidate (see below)
        if not (pos[i] in _CANDIDATE_POS or pos[i] == "ADP" and lower[i] in lx.SOURCE_PREPS):
            continue
        if pos[i] in ("NOUN", "PROPN") and lemma[i] not in nouns and lower[i] not in nouns \
                and _PARTICIPLE.match(lower[i]) is None:
            continue  # neither _noun_family nor _participle_family can type it
        if pos[i] in ("VERB", "AUX") and lemma[i] not in verbs and _verb_lemma(lemma[i], lower[i]) not in verbs:
            continue  # neither verb_sense (the token's lemma) nor _verb_family (its verb_lemma) can type it
        tok = doc[i]
        family = None
        if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "ADJ" and tok.dep_ in ("ROOT", "conj")):
            family = _verb_family(tok) if tok.pos_ != "ADJ" else None
        elif tok.pos_ in ("NOUN", "PROPN"):
            family = _noun_family(tok)
            if family is None:
                family = _participle_family(tok)
        if family is None and tok.pos_ == "ADP" and tok.lower_ in lx.SOURCE_PREPS:
            family = "statement"
        if family is not None and family != "statement" and _refused(tok):
            continue  # "le refus de X de libérer les otages": what is refused did not happen
        if family is not None:
            out.append(Candidate(tok, family, lx.FAMILIES[family].rank))
    return out


def _refused(tok: Token) -> bool:
    """A verb complementing a refusal noun ("le refus du Hamas de libérer …", "son rejet de …"),
    also when the parser hung it on the refuser ("le refus de la milice de libérer")."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    cur = tok
    for _ in range(3):
        if cur.dep_ not in ("acl", "xcomp", "obl:arg", "nmod") or cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.pos_ == "NOUN" and lx.NOUNS.get(_lemma(cur)) == "rejection":
            return True
        if cur.pos_ in ("VERB", "AUX") and "Fin" in morph(cur, "VerbForm"):
            return False  # a clause of its own
    return False


def clause_head(tok: Token) -> Token:
    """The verb heading the clause the token belongs to."""
    tab = table(tok.doc)  # (the walk up reads the lists: a Token only for the head found)
    cur = tok.i
    for _ in range(12):
        if tab.pos[cur] in ("VERB", "AUX") and tab.dep[cur] in _CLAUSE_DEPS:
            break
        if tab.head[cur] == cur:
            break
        cur = tab.head[cur]
    return tok if cur == tok.i else tok.doc[cur]


def _span_of(tokens: list[Token], sent: Span) -> tuple[int, int]:
    return _span_of_indexes(table(sent.doc), [t.i for t in tokens], sent)


def _span_of_indexes(tab: TokenTable, ids: list[int], sent: Span) -> tuple[int, int]:
    """:func:`_span_of` of the tokens at these indexes (offsets, forms and flags read from the
    token table's lists; punctuation: neither a word nor a space)."""
    idx, text, word, space = tab.idx, tab.text, tab.word, tab.space
    toks = [i for i in ids if word[i] or space[i] or text[i] in "«»\"“”"] or ids
    start = min(idx[i] for i in toks)
    end = max(idx[i] + len(text[i]) for i in toks)
    return max(start, sent.start_char), min(end, sent.end_char)


def _mention_root(doc: Doc, m: Mention) -> Token | None:
    span = memo.char_span(doc, m.start, m.end)  # (the span's root, found once per mention)
    return doc[span[2]] if span is not None else None


def _governed_by(tok: Token, preps: frozenset[str]) -> bool:
    tab = table(tok.doc)
    return any(tab.dep[c] == "case" and tab.lower[c] in preps for c in tab.children[tok.i])


def _is_actor(m: Mention, root: Token | None) -> bool:
    if m.entity_type in ACTOR_TYPES:
        return True
    if root is None:
        return False
    # a country or capital acting: subject/object, or "avec la Russie", "les propositions de l'Arménie"
    if _governed_by(root, lx.PLACE_PREPS) or filters.landmark_place(root):
        return False
    if root.dep_ in ("nsubj", "nsubj:pass", "obj", "iobj", "obl:agent", "conj") or _governed_by(root, lx.PARTNER_PREPS):
        return True
    if root.dep_ == "ROOT" and root.pos_ == "PROPN" and any(c.dep_ == "acl" and c.pos_ == "VERB" and c.i == root.i + 1
                                                           for c in root.children):
        return pa.can_act(m)  # "Israël combattra …" read as a name and its participle: the subject
    return pa.can_act(m) and root.dep_ in ("nmod", "obl:arg", "obl:mod") and _governed_by(root, pa.PARTY_PREPS)


def _incise_object(tok: Token) -> Token | None:
    """"X a été tué, a annoncé le gouvernement": the parser may join an incise to the clause it
    follows as a conjunct and take its inverted subject for an object. A reporting verb after a
    comma, coordinated with an earlier verb, with no subject and no clause of its own: its
    object is its speaker."""
    if verb_lemma(tok) not in lx.REPORTING:
        return None
    tab = table(tok.doc)  # (labels, heads and children read from the lists: a Token only for the result)
    dep, i = tab.dep, tok.i
    kids = tab.children[i]
    if dep[i] == "ROOT":  # "[the reported clause], indique un communiqué de X": the clause hangs on it
        if not any(dep[c] in ("advcl", "ccomp", "parataxis") and c < i for c in kids):
            return None
        if any(dep[c] in ("nsubj", "nsubj:pass", "cc", "mark") or (dep[c] in ("ccomp", "xcomp") and c > i)
               for c in kids):
            return None
    elif dep[i] not in ("conj", "parataxis") or tab.head[i] >= i or any(
            dep[c] in ("nsubj", "nsubj:pass", "ccomp", "xcomp", "cc", "mark") for c in kids):
        return None
    before = [j for j in range(max(0, i - 3), i) if dep[j] not in ("aux", "aux:tense", "aux:pass")]
    if not before or tab.text[before[-1]] not in (",", "»", "\"", "”"):
        return None
    return next((tok.doc[c] for c in kids if dep[c] == "obj" and c > i and tab.pos[c] in ("NOUN", "PROPN")), None)


def subject_of(tok: Token) -> Token | None:
    """nsubj of the token, climbing through xcomp/aux chains ("doit rencontrer"). (Found once per
    token of a Doc: the parse alone decides it, and every event of a sentence asks.)"""
    found = memo.memo(tok.doc, "subject_of")
    i = found.get(tok.i)
    if i is None:
        subj = _subject_of(tok)
        found[tok.i] = -1 if subj is None else subj.i
        return subj
    return None if i < 0 else tok.doc[i]


def _subject_of(tok: Token) -> Token | None:
    inverted = _incise_object(tok)
    if inverted is not None:
        return inverted
    return pa.subject_token(tok)


def _speaker(sent: Span, reporting: list[Candidate], mentions: list[Mention]) -> tuple[Token | None, list[Mention]]:
    """The named source of the sentence (subject of a reporting verb, or "selon X")."""
    for cand in reporting:
        tok = cand.token
        if tok.pos_ == "ADP":
            target = tok.head
        elif filters.bare_participle(tok):
            continue  # "X, dit « Y »", "les trêves, annoncées il y a …": naming or modifying, not reporting
        else:
            target = subject_of(tok)
        if target is None or target.lower_ in _PRONOUNS:
            continue
        if tok.pos_ != "ADP" and (_lemma(target) in lx.NOUNS or target.lower_ in lx.NOUNS):
            continue  # an event noun does not speak ("les combats … dit")
        lo, hi = target.left_edge.idx, target.right_edge.idx + len(target.right_edge.text)
        if tok.pos_ == "ADP":  # "selon X": the source follows the preposition, whatever the parse
            lo = max(lo, tok.idx)
        found = [m for m in mentions if (m.start >= lo and m.end <= hi) or m.start <= target.idx < m.end]
        if not found and target.pos_ == "NOUN" and tok.pos_ != "ADP":  # ("selon un responsable russe": a source, no party)
            found = pa.adjective_source(target, mentions)  # "un responsable américain a confirmé": its government
        if found or target.pos_ in ("NOUN", "PROPN"):
            return tok, found[:1]
    return None, []


def _role(family: str, dep: str, trigger_lemma: str) -> str:
    subj = dep in ("nsubj", "nsubj:pass")
    if trigger_lemma in ("accueillir", "recevoir", "host", "receive"):
        return "host" if subj else "visitor"
    if family == "visit":
        return "visitor" if subj else "host"
    if family in ("meeting", "phone_call"):
        return "participant"
    if not subj and dep not in ("obl:agent",):
        return "target"
    return "participant"


_NESTED = ("acl", "acl:relcl", "ccomp", "advcl", "parataxis", "csubj")
_ARGS = ("nsubj", "nsubj:pass", "obj", "iobj", "obl:agent", "obl:arg", "obl:mod", "nmod", "conj", "appos", "xcomp")


def orphan_subject(tok: Token, sent: Span | None) -> Token | None:
    """The subject of a verb the parser attached across a paragraph break (headline + first
    sentence parsed as one): the first noun of the paragraph, before the verb, whose head lies
    outside the paragraph."""
    if sent is None or tok.pos_ not in ("VERB", "AUX"):
        return None
    for t in sent:
        if t.i >= tok.i:
            return None
        if t.pos_ in ("NOUN", "PROPN") and (t.head.is_space or not sent.start <= t.head.i < sent.end):
            return t
    return None


_CARRYING = frozenset("mener conduire engager poursuivre lead conduct".split())


def carrier_verb(tok: Token) -> Token | None:
    """The light verb carrying an event noun the parser hung on a place ("ont mené à X des
    discussions" parsed as "X des discussions"): the verb governing that place phrase."""
    head = tok.head
    if tok.dep_ == "nmod" and head.pos_ in ("NOUN", "PROPN") and _governed_by(head, lx.PLACE_PREPS) \
            and head.head.pos_ in ("VERB", "AUX") and _lemma(head.head) in LIGHT_VERBS | _CARRYING \
            and any(c.dep_ == "case" and c.lower_ in ("des", "de", "d'") for c in tok.children):
        return head.head
    return None


def argument_tokens(tok: Token, sent: Span | None = None) -> list[tuple[Token, str]]:
    """Argument heads of a trigger: its subject (climbing xcomp/aux chains), objects, agent,
    "avec/entre" phrases and noun complements, expanded over conjunctions."""
    out: list[tuple[Token, str]] = []
    heads = [tok]
    judged = _stance_object(tok)  # "X a salué la rencontre entre Y et Z": X judges, Y and Z meet
    carrier = carrier_verb(tok) if tok.pos_ in ("NOUN", "PROPN") else None
    if tok.pos_ in ("NOUN", "PROPN") and tok.head.i != tok.i and not judged:
        heads.append(carrier or tok.head)  # "la rencontre a eu lieu", "Kiev a revendiqué la capture"
    subj = None if judged else subject_of(tok if tok.pos_ in ("VERB", "AUX") else (carrier or tok.head))
    if subj is None:
        subj = orphan_subject(tok, sent)
    if subj is not None:
        out.append((subj, "nsubj"))
    if tok.pos_ in ("VERB", "AUX") and tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN") \
            and "Part" in morph(tok, "VerbForm") and "Past" in morph(tok, "Tense"):
        out.append((tok.head, "nsubj:pass"))  # "les dirigeants reçus à X": the people received
    for h in heads:
        for c in h.children:
            if c.dep_ in ("nsubj", "nsubj:pass") or (c.dep_ == "dep" and c.pos_ == "PROPN" and c.i < h.i):
                if (c, "nsubj") not in out:
                    out.append((c, "nsubj"))
            elif c.dep_ in ("obj", "iobj", "obl:agent", "obl:arg", "obl:mod", "nmod") and c.pos_ in ("PROPN", "NOUN", "PRON"):
                if h.i != tok.i and c.dep_ not in ("obl:agent",):
                    continue
                if _stance_object(c):
                    continue  # the parties of the event judged are that event's
                out.append((c, c.dep_))
    expanded = []
    for t, dep in out:
        expanded.append((t, dep))
        expanded += [(c, dep) for c in t.children if c.dep_ == "conj"]
    return expanded


def _inside(tab: TokenTable, i: int, arg: int) -> bool:
    """Token ``arg`` is token ``i`` or one of its first heads, within its clause (indexes into the
    token table's lists: the walk builds no Token)."""
    for _ in range(6):
        if i == arg:
            return True
        if tab.dep[i] in _NESTED or tab.head[i] == i:
            return False
        i = tab.head[i]
    return False


def _actor_tokens(doc: Doc, m: Mention, mentions: list[Mention]) -> list[int] | None:
    """The tokens of an actor's name an argument edge may reach it by (its root first: any token
    of the name may carry the edge, "Vladimir" appos, "Poutine" nsubj), or None when the name is
    no actor of an event (no span, ``_is_actor`` false, ``qualifies_actor``). The same for every
    event of the sentence: found once per name."""
    found = memo.list_memo(doc, mentions, "actor_tokens")
    key = (m.start, m.end, m.entity_id, m.entity_type)
    if key in found:
        return found[key]
    toks = None
    span = memo.char_span(doc, m.start, m.end)
    if span is not None:
        root = doc[span[2]]
        if _is_actor(m, root) and not pa.qualifies_actor(doc, m, mentions):
            space = table(doc).space
            toks = [root.i] + [i for i in range(span[0], span[1]) if i != root.i and not space[i]]
    found[key] = toks
    return toks


def _participants(doc: Doc, cand: Candidate, bounds: tuple[int, int], mentions: list[Mention],
                  source: list[Mention], place_ids: set[str]) -> list[Participant]:
    out: dict[str, Participant] = {}
    for m in source:
        pid, name = pa.holder_of_mention(doc, m, mentions) or (m.entity_id, m.entity_name)
        out[pid] = Participant(pid, name, "source")
    lemma = _lemma(cand.token)
    tab = table(doc)
    args = argument_tokens(cand.token, memo.span(doc, *bounds))
    for m in memo.within(doc, mentions, *bounds):
        if m.entity_id in out or m.entity_id in place_ids:
            continue
        toks = _actor_tokens(doc, m, mentions)
        if toks is None:
            continue
        hit = next((dep for arg, dep in args for i in toks if _inside(tab, i, arg.i)), None)
        if hit is None:
            continue
        role = _role(cand.family, hit, lemma)
        members = roles.team_for(m, roles.envoy_team(doc, mentions)) if roles.is_role_group(doc, m) else []
        for p in members:  # "les négociateurs américains": the envoys the article names
            out.setdefault(p.entity_id, Participant(p.entity_id, p.entity_name, role))
        if not members:
            pid, name = pa.holder_of_mention(doc, m, mentions) or (m.entity_id, m.entity_name)
            out.setdefault(pid, Participant(pid, name, role))
    _written_parties(doc, cand, mentions, out, place_ids)
    military = lx.FAMILIES[cand.family].plover in ("ASSAULT", "COERCE", "MOBILIZE", "THREATEN")
    for gov_id, gov_name, dep in pa.adjective_parties(doc, args, mentions, military):
        if gov_id not in place_ids:  # "les dirigeants serbe et kosovar", "les propositions kosovares"
            out.setdefault(gov_id, Participant(gov_id, gov_name, _role(cand.family, dep, lemma)))
    if cand.family in ("exchange", "release"):  # "les otages israéliens détenus par X ont été libérés"
        for gov_id, gov_name in pa.release_parties(doc, cand.token, mentions):
            if gov_id not in place_ids:
                out.setdefault(gov_id, Participant(gov_id, gov_name, "participant"))
    for arg, dep in args:  # "Il a ensuite rencontré X": the actor the pronoun stands for
        if dep in ("nsubj", "nsubj:pass"):  # (the tagger may call "Celui" of "Celui-ci" a name)
            for m in pa.pronoun_antecedents(doc, arg, mentions):
                if m.entity_id not in place_ids:
                    out.setdefault(m.entity_id, Participant(m.entity_id, m.entity_name, _role(cand.family, dep, lemma)))
    return pa.merge_duplicates(list(out.values()))


def _written_parties(doc: Doc, cand: Candidate, mentions: list[Mention], out: dict[str, Participant],
                     place_ids: set[str]) -> None:
    """Parties the parse lost: the subject group written before a verb trigger, the parties
    named inside a noun trigger's phrase ("entre X et Y", "contre X")."""
    tok = cand.token
    found: list[tuple[Mention, str]] = []
    if tok.pos_ in ("VERB", "AUX") and not filters.bare_participle(tok):
        subj = subject_of(tok)
        if subj is None or subj.i < tok.i:  # an inverted subject ("a déclaré X") is found by the parse
            found += [(m, "nsubj") for m in pa.subject_mentions(doc, tok, mentions)]
    elif tok.pos_ in ("NOUN", "PROPN"):
        holder = pa.detached_holder(doc, tok, mentions)  # "les rebelles, en guerre depuis 2024": the rebels
        if holder is not None:
            found.append((holder, "nsubj"))
        found += [(m, "participant" if r == "participant" else "obj") for m, r in pa.noun_parties(doc, tok, mentions)]
    if tok.pos_ in ("VERB", "AUX") and tok.dep_ in ("acl", "acl:relcl") and tok.head.pos_ == "NOUN" \
            and (_lemma(tok.head) in lx.NOUNS or tok.head.lower_ in lx.NOUNS or _lemma(tok.head) in senses.CONFLICT_NOUNS):
        # "un conflit entre X et Y, qui a éclaté en 2023": the event noun the clause describes names the parties
        found += [(m, "participant" if r == "participant" else "obj") for m, r in pa.noun_parties(doc, tok.head, mentions)]
    if cand.family != "statement" and _lemma(tok) in lx.REPORTING and not _incise(tok):
        # a statement typed by its content ("X a déclaré que Y devait …"): Y is its target
        found += [(m, "obj") for m in pa.content_actors(doc, tok, mentions)]
    for m, dep in found:
        if m.entity_id in place_ids or m.entity_id in out or pa.qualifies_actor(doc, m, mentions):
            continue
        role = _role(cand.family, dep, _lemma(tok))
        out[m.entity_id] = Participant(m.entity_id, m.entity_name, role)


def _content_family(tok: Token) -> str | None:
    """Type of a reported statement from its content (``dossier.events.content``), found once
    per reporting token of a Doc."""
    found = memo.memo(tok.doc, "content_family")
    if tok.i not in found:
        found[tok.i] = _find_content_family(tok)
    return found[tok.i]


def _find_content_family(tok: Token) -> str | None:
    sent = sent_of(tok)
    inside = _content_test(tok)
    return content_family(t for t in bearing_tokens(tok.doc, sent.start, sent.end) if t.i != tok.i and inside(t))


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "advmod" and c.lower_ in lx.NEGATIONS and not a_step(c) for c in tok.children)


# verbs that merely carry an event noun ("la réunion a eu lieu", "participer à un sommet")
LIGHT_VERBS = frozenset("avoir tenir participer organiser durer commencer achever terminer dérouler "
                        "préparer annuler reporter qualifier accueillir assister ouvrir entamer poursuivre continuer "
                        "intensifier atteindre reprendre "
                        "hold attend host".split())
_ADJUNCT_CASES = frozenset("lors après avant issue suite cours pendant durant depuis during after before".split())
STRONG = 40


_AIM_MARKS = frozenset(("pour", "afin", "avant", "sans", "to", "before", "without"))


def _purpose(tok: Token) -> bool:
    """Inside "pour/afin de …", "avant de …", "sans …" (an aim or a prospect, not an event)."""
    if tok.dep_ == "xcomp" and _lemma(tok.head) in ("tenter", "essayer", "chercher", "try", "seek"):
        return True  # an attempt, not an event
    cur = tok if tok.pos_ in ("VERB", "AUX") else (tok.head if tok.dep_ == "obj" else None)
    for _ in range(3):
        if cur is None:
            return False
        if any(c.dep_ == "mark" and c.lower_ in _AIM_MARKS for c in cur.children) and cur.dep_ in ("advcl", "acl"):
            return True
        if cur.dep_ != "xcomp" or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def strength(c: Candidate, dated: set[int] | None = None) -> int:
    """Effective rank: verbs keep theirs; event nouns need a light verb, a subject position or an
    adjunct phrase ("lors d'une réunion"), else they are background mentions."""
    tok = c.token
    if _purpose(tok):
        return c.rank - 45
    if tok.pos_ in ("NOUN", "PROPN") and senses.noun_sense(tok):
        return c.rank  # a noun whose sense the context settled ("la trêve entrera en vigueur")
    if dated is not None and tok.pos_ in ("NOUN", "PROPN") and any(
            t.i in dated for t in tok.subtree if t.i > tok.i and abs(t.i - tok.i) <= 8):
        return c.rank  # an event noun with its own date: "la frappe menée le 3 mai 2023"
    if c.family == "statement" or participial(tok):
        return c.rank
    if c.family != "statement" and relative_day(tok) is not None:
        return c.rank  # "au lendemain de la prise de X": the event the clause is dated by
    if tok.dep_ in ("nsubj", "nsubj:pass") and _lemma(tok.head) not in LIGHT_VERBS:
        return c.rank if _named_partner(tok) else c.rank - 45
    if tok.dep_ == "ROOT" or _lemma(tok.head) in LIGHT_VERBS or carrier_verb(tok) is not None:
        return c.rank
    if c.family == "meeting" and _lemma(tok.head) in _CARRYING:  # "ont mené des pourparlers"
        return c.rank
    if tok.dep_ == "obj" and _lemma(tok.head) in lx.REPORTING:  # "a revendiqué la capture d'une ville"
        return c.rank
    if _stance_object(tok):  # "a salué la rencontre entre X et Y"
        return c.rank
    cases = {x.lower_ for x in tok.children if x.dep_ in ("case", "fixed")} | {
        x.lower_ for x in tok.doc[max(0, tok.i - 4):tok.i] if not x.is_space}
    if tok.dep_ in ("obl:mod", "obl", "nmod", "obl:arg") and cases & _ADJUNCT_CASES:
        return c.rank
    if tok.dep_ == "nmod" and tok.head.pos_ == "NOUN":
        if filters.definite(tok) and _lemma(tok.head) not in lx.NOUNS and tok.head.lower_ not in lx.NOUNS:
            return c.rank - 45  # "la paternité de l'accord": a known event as background
        return c.rank - 20
    return c.rank - 45


def _in_content(reporting: Token, tok: Token) -> bool:
    return _content_test(reporting)(tok)


def _content_test(reporting: Token) -> Callable[[Token], bool]:
    """Whether a token is in what ``reporting`` reports, with the reporting verb's subject and
    head read once (the test runs on every token of its sentence; made once per reporting
    token of a Doc: the parse alone decides it)."""
    found = memo.memo(reporting.doc, "content_test")
    test = found.get(reporting.i)
    if test is None:
        test = found[reporting.i] = _make_content_test(reporting)
    return test


def _make_content_test(reporting: Token) -> Callable[[Token], bool]:
    if reporting.pos_ == "ADP":  # "selon X, …": everything but the source phrase
        head = reporting.head
        return lambda tok: not head.is_ancestor(tok) and head.i != tok.i
    subj = subject_of(reporting)
    if subj is not None and subj.i > reporting.i and reporting.dep_ != "ROOT":  # "…, a déclaré X": the main clause
        return lambda tok: not reporting.is_ancestor(tok) and tok.i != reporting.i
    # "X a proclamé « … » lors d'un sommet où Y ont signé …": the occasion is not what X says
    occasion = [c for c in reporting.children if _occasion(c)]
    return lambda tok: reporting.is_ancestor(tok) and not (subj is not None and subj.is_ancestor(tok)) and not any(
        c.i == tok.i or c.is_ancestor(tok) for c in occasion)


_OCCASION_CASES = frozenset("lors pendant durant au cours during".split())


def _occasion(tok: Token) -> bool:
    """A reporting verb's adjunct naming the occasion it speaks at ("lors d'un sommet", "pendant
    une conférence"): an adjunct phrase of time around a noun, not the words reported."""
    if tok.dep_ in ("advcl", "acl:relcl") and tok.pos_ in ("VERB", "AUX"):
        # "…, où Y ont signé …": a relative clause of place or time (the parser may hang it on
        # the reporting verb when the noun it describes is an adjunct)
        return any(c.lower_ == "où" and c.i < tok.i for c in tok.children)
    if tok.dep_ not in ("obl:mod", "obl", "advmod"):
        return False
    noun = tok
    if tok.pos_ == "ADV":  # "lors de X": the parser hangs the noun on the adverb
        if tok.lower_ not in _OCCASION_CASES:
            return False
        noun = next((c for c in tok.children if c.dep_ in ("obl:arg", "obl:mod", "nmod") and c.pos_ in ("NOUN", "PROPN")), None)
        return noun is not None
    return tok.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ in ("case", "fixed", "advmod") and c.lower_ in _OCCASION_CASES for c in tok.children)


def _incise(reporting: Token) -> bool:
    """"« … », a déclaré X": the reporting verb follows its content (subject inverted)."""
    subj = subject_of(reporting) if reporting.pos_ != "ADP" else None
    return subj is not None and subj.i > reporting.i


def _dated_noun(c: Candidate, dated: set[int] | None) -> bool:
    return bool(dated) and c.token.pos_ == "NOUN" and any(
        t.i in dated for t in c.token.subtree if t.i > c.token.i and abs(t.i - c.token.i) <= 8)


_GOVERNING = frozenset({"agreement", "rejection", "proposal", "request", "demand", "threat", "cancellation", "accuse"})


def _governing(best: Candidate, cands: list[Candidate]) -> Candidate:
    """"ont accepté de se voir": an agreement/proposal/refusal verb governing the trigger wins."""
    for c in cands:
        if c.token.i != best.token.i and c.family in _GOVERNING and c.token.pos_ in ("VERB", "AUX") \
                and c.token.is_ancestor(best.token) and best.family not in _GOVERNING:
            return c
    return best


_STANCES = frozenset({"support", "disapprove", "rejection", "accuse"})


def _stance_object(tok: Token) -> bool:
    """A definite event noun with its parties ("la rencontre entre X et Y", "les discussions avec
    X") as the object of a stance verb ("a salué", "a condamné"): the event judged is an event of
    its own beside the judgement."""
    if tok.pos_ != "NOUN" or tok.dep_ != "obj" or not filters.definite(tok):
        return False
    if lx.VERBS.get(_lemma(tok.head)) not in _STANCES and senses.verb_sense(tok.head) not in _STANCES:
        return False
    return any(c.dep_ in ("nmod", "obl:mod", "obl:arg") and _governed_by(c, lx.PARTNER_PREPS) for c in tok.children)


def _partnered(tok: Token) -> bool:
    """"la rencontre entre X et Y", "les discussions avec X": a meeting named with its parties."""
    if any(c.dep_ == "det" and c.lower_ in ("un", "une", "a", "an") for c in tok.children):
        return False  # "un appel entre X et Y pourrait …": a prospect, not a held meeting
    return any(c.dep_ in ("nmod", "obl:mod", "obl:arg") and _governed_by(c, lx.PARTNER_PREPS)
               and any(t.pos_ == "PROPN" for t in c.subtree) for c in tok.children)


def _clitic_place(doc: Doc, tok: Token, sent: Span, mentions: list[Mention]) -> Mention | None:
    """"s'en est emparée", "l'a prise": the place named last before the clitic, in the sentence."""
    if not any(c.lower_ in ("en", "y", "l'", "la", "le") and c.pos_ == "PRON" for c in tok.children):
        return None
    before = [m for m in access.mentions_in(doc, sent.start_char, tok.idx, mentions)
              if (m.entity_type == "place" or m.label == "LOC")
              and getattr(_mention_root(doc, m), "dep_", "") not in ("nsubj", "nsubj:pass")]
    return before[-1] if before else None


def _claim_owner(doc: Doc, tok: Token, mentions: list[Mention]) -> Mention | None:
    """The "de X" of a claim noun heading the relative clause the trigger belongs to."""
    cur = tok
    for _ in range(3):
        if cur.dep_ in ("acl:relcl", "acl") and (_lemma(cur.head) in lx.CLAIM_NOUNS or cur.head.lower_ in lx.CLAIM_NOUNS):
            noun = cur.head
            for c in noun.children:
                if c.dep_ == "nmod" and c.i < cur.i and _governed_by(c, frozenset({"de", "d'", "of", "du", "des"})):
                    lo, hi = c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)
                    found = [m for m in mentions if lo <= m.start and m.end <= hi and m.entity_type != "place"]
                    if found:
                        return found[0]
            return None
        if cur.dep_ not in ("xcomp", "ccomp") or cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def _named_partner(tok: Token) -> bool:
    """An event noun naming someone in its own phrase ("les discussions avec l'Ukraine")."""
    return tok.pos_ != "NOUN" or any(t.pos_ == "PROPN" for t in tok.subtree if t.i != tok.i)


_TIME_CASES = frozenset("après avant depuis lors suite after before since".split())


# "au lendemain de X": the clause is a day after X; "à la veille de X": a day before
_RELATIVE_DAYS = {"lendemain": 1, "surlendemain": 2, "veille": -1, "avant-veille": -2}


def relative_day(tok: Token) -> int | None:
    """Days from an event noun to the clause it dates, when it hangs (through at most two more
    nouns: "au lendemain de l'annonce par X de la prise de Y") on "lendemain"/"veille"."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    cur = tok
    for _ in range(3):
        if cur.dep_ != "nmod" or cur.head.pos_ != "NOUN":
            return None
        cur = cur.head
        days = _RELATIVE_DAYS.get(cur.lower_)
        if days is not None:
            return days if cur.dep_ in ("obl:mod", "obl", "nmod", "obl:arg") else None
    return None


def _adjunct_event(tok: Token) -> bool:
    """An event noun dating the clause it hangs on ("… deux semaines après la prise de X",
    "depuis le début de l'offensive contre Y", "au lendemain de la prise de X"): a second event
    of the sentence, when its own phrase names a party or a place."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if relative_day(tok) is not None:
        return True
    phrase = tok
    if tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN"):
        # "après un accord de trêve et la libération de Y": the conjunct hangs on the last noun of
        # the first phrase; the time preposition is on that phrase's head
        phrase = tok.head
        for _ in range(3):
            if phrase.dep_ != "nmod" or phrase.head.pos_ not in ("NOUN", "PROPN") or any(
                    x.dep_ == "case" and x.lower_ in _TIME_CASES for x in phrase.children):
                break
            phrase = phrase.head
    if phrase.dep_ == "nmod" and phrase.head.pos_ == "NOUN" and not any(
            x.dep_ == "case" and x.lower_ in _TIME_CASES for x in phrase.children) and any(
            x.dep_ == "case" and x.lower_ in _TIME_CASES for x in phrase.head.children):
        phrase = phrase.head  # "depuis la fin du cessez-le-feu": the time preposition is on the phase noun
    if phrase.dep_ not in ("obl:mod", "obl", "nmod", "obl:arg"):
        return False
    cases = {x.lower_ for x in phrase.children if x.dep_ in ("case", "fixed")}
    return bool(cases & _TIME_CASES) and (_named_partner(tok) or bool(senses.noun_sense(tok)))


def _trailing_date(doc: Doc, tok: Token, timexes) -> tuple[str, str, str] | None:
    """A date timex starting right after an event noun's phrase ("la trêve le 19 janvier")."""
    edge = tok.right_edge
    nxt = [t for t in doc[edge.i + 1:edge.i + 3] if not t.is_punct]
    if not nxt:
        return None
    lo, hi = nxt[0].idx, nxt[-1].idx + len(nxt[-1].text)
    for t in timexes:
        if t.type == "date" and t.value and lo <= t.start < hi and t.precision in ("day", "month"):
            return t.value, t.precision, "trailing"
    return None


_OFFSET_UNITS = {"jour": 1, "jours": 1, "semaine": 7, "semaines": 7, "day": 1, "days": 1, "week": 7, "weeks": 7}


def _offset_date(tok: Token, date: tuple[str, str, str]) -> tuple[str, str, str] | None:
    """The date of an adjunct event placed by an exact offset from its clause's day ("deux jours
    après l'attaque" in a clause dated the 12th: the 10th); None when the offset is missing or
    vague ("plus d'une semaine après")."""
    value, precision, basis = date
    if precision != "day":
        return None
    cases = {x.lower_ for x in tok.children if x.dep_ in ("case", "fixed")}
    sign = -1 if cases & {"après", "after"} else 1 if cases & {"avant", "before"} else 0
    units = [c for c in tok.children if c.dep_ in ("nmod", "obl:mod") and c.i < tok.i and c.lower_ in _OFFSET_UNITS]
    if not sign or len(units) != 1:
        return None
    unit = units[0]
    if any(x.lower_ in ("plus", "moins", "environ", "près", "quelque", "quelques", "more", "less", "about")
           for x in (*unit.subtree, *tok.doc[max(0, unit.left_edge.i - 2):unit.left_edge.i])):
        return None  # vague (the parser may hang "moins", "environ" on the verb): offset_window
    count = next((parse_number(x.text) for x in unit.children if x.dep_ in ("nummod", "det")), None)
    if count is None and any(x.lower_ in ("un", "une", "a", "one") for x in unit.children):
        count = 1
    if count is None or count != int(count):
        return None
    try:
        day = dt.date.fromisoformat(value[:10]) + dt.timedelta(days=sign * int(count) * _OFFSET_UNITS[unit.lower_])
    except ValueError:
        return None
    return day.isoformat(), "day", f"offset-{basis}"


# vague counts: "plus d'une semaine", "moins de trois jours", "environ deux semaines", "quelques jours"
_MORE = frozenset(("plus", "more", "over"))
_LESS = frozenset(("moins", "less", "under"))
_ABOUT = frozenset(("environ", "près", "presque", "quelque", "about", "nearly", "almost", "around", "some"))
_SOME = frozenset(("quelques", "few", "several", "plusieurs"))


def offset_window(tok: Token, day: dt.date) -> tuple[dt.date, dt.date] | None:
    """The days an adjunct event placed by a *vague* offset from its clause's ``day`` may lie on
    ("plus d'une semaine après l'assaut sur X": 8 to 14 days before; "environ deux semaines
    avant Y": 11 to 17 days after; "quelques jours après": 2 to 6 days before); None when the
    offset is exact (:func:`_offset_date` dates those) or missing."""
    cases = {x.lower_ for x in tok.children if x.dep_ in ("case", "fixed")}
    sign = -1 if cases & {"après", "after"} else 1 if cases & {"avant", "before"} else 0
    units = [c for c in tok.children if c.dep_ in ("nmod", "obl:mod") and c.i < tok.i and c.lower_ in _OFFSET_UNITS]
    before = tok.left_edge.i - 1
    if not units and before >= 0 and tok.doc[before].lower_ in _OFFSET_UNITS:
        units = [tok.doc[before]]  # "…, moins d'une semaine après X" hung on the verb beside X
    if not sign or len(units) != 1:
        return None
    unit = units[0]
    size = _OFFSET_UNITS[unit.lower_]
    # the count's words, and the two before it (the parser often hangs "environ", "moins" on the verb)
    words = {x.lower_ for x in unit.subtree if x.i != unit.i} | {
        x.lower_ for x in tok.doc[max(0, unit.left_edge.i - 2):unit.left_edge.i]}
    count = next((parse_number(x.text) for x in unit.children if x.dep_ in ("nummod", "det")
                  and x.lower_ not in _SOME), None)
    if count is None and words & {"un", "une", "a", "one"}:
        count = 1
    if words & _SOME and count is None:
        lo, hi = 2 * size, 6 * size
    elif count is None or count != int(count) or count < 1:
        return None
    else:
        n = int(count) * size
        width = max(size, -(-n // 2))
        if words & _MORE:
            lo, hi = n + 1, n + width
        elif words & _LESS:
            lo, hi = max(1, n - width), n - 1
        elif words & _ABOUT:
            lo, hi = max(1, n - width // 2), n + width // 2
        else:
            return None  # an exact count: a day (_offset_date)
    ends = sorted((day + dt.timedelta(days=sign * lo), day + dt.timedelta(days=sign * hi)))
    return ends[0], ends[1]


def _window_day(doc: Doc, tok: Token, date: tuple[str, str, str] | None) -> dt.date | None:
    """The day a vague offset counts from: the clause's day, else, for a clause in the present
    ("la trêve survient plus de dix jours après …"), the publication day."""
    if date is not None:
        return dt.date.fromisoformat(date[0][:10]) if date[1] == "day" else None
    head = tok.head
    published = doc._.published or ""
    if head.pos_ not in ("VERB", "AUX") or morph(head, "Tense") != ["Pres"] or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", published):
        return None
    return dt.date.fromisoformat(published)


def _shifted(date: tuple[str, str, str] | None, days: int) -> tuple[str, str, str] | None:
    """A day-precise date moved by ``days``; None otherwise."""
    if date is None or date[1] != "day":
        return None
    try:
        day = dt.date.fromisoformat(date[0][:10]) + dt.timedelta(days=days)
    except ValueError:
        return None
    return day.isoformat(), "day", f"offset-{date[2]}"


_WHILE = frozenset("alors tandis lorsque quand pendant while when as".split())


def _circumstance(tok: Token) -> bool:
    """A finite verb heading a clause of circumstance ("alors qu'il accueillait X", "tandis que
    Y rencontrait Z"): what happened meanwhile, not a part of what is reported."""
    return tok.pos_ in ("VERB", "AUX") and tok.dep_ == "advcl" and "Fin" in morph(tok, "VerbForm") and any(
        c.dep_ == "mark" and c.lower_ in _WHILE for c in tok.children)


def _coordinated(tok: Token, chosen: list[Candidate]) -> bool:
    """A verb coordinated with a chosen one ("négocié par X et signé par Y"): its own event."""
    return tok.pos_ in ("VERB", "AUX") and tok.dep_ == "conj" and any(x.token.i == tok.head.i for x in chosen)


def _other_actor(c: Candidate, chosen: list[Candidate]) -> bool:
    """"X a exprimé son inquiétude, tandis que Y dénonce …": a finite verb of its own clause whose
    named subject is not the subject of the chosen events is another actor's act, even of the
    same type."""
    tok = c.token
    if tok.pos_ != "VERB" or tok.dep_ not in ("conj", "advcl", "parataxis") or filters.infinitive(tok):
        return False
    subj = subject_of(tok)
    if subj is None or subj.pos_ == "PRON" or subj.lower_ in _PRONOUNS:
        return False
    own = {t.i for t in subj.subtree}
    for x in chosen:
        head = x.token if x.token.pos_ in ("VERB", "AUX") else x.token.head
        other = subject_of(head) if head.pos_ in ("VERB", "AUX") else None
        if other is None or other.i in own or x.token.i in own or tok.is_ancestor(x.token):
            return False
    return True


def _describes_noun(tok: Token) -> bool:
    """A participle modifying a noun ("un accord négocié par X et signé par Y")."""
    cur = tok
    for _ in range(4):
        if cur.dep_ != "conj" or cur.head.i == cur.i:
            break
        cur = cur.head
    return tok.pos_ in ("VERB", "AUX") and cur.dep_ == "acl" and cur.head.pos_ in ("NOUN", "PROPN")


def _pick(cands: list[Candidate], speaker_tok: Token | None, dated: set[int] | None = None) -> list[Candidate]:
    """The events of one sentence (see the module docstring)."""
    specific = [Candidate(c.token, c.family, strength(c, dated)) for c in cands if c.family != "statement"]
    specific = sorted((c for c in specific if c.rank >= STRONG), key=lambda c: (-c.rank, c.token.i))
    chosen: list[Candidate] = []
    if speaker_tok is not None:
        inside = _content_test(speaker_tok)
        content = [c for c in specific if inside(c.token)]
        adjunct = [c for c in specific if c not in content]
        fam = _content_family(speaker_tok)
        if content and content[0].token.pos_ not in ("VERB", "AUX") and content[0].family in (
                "meeting", "visit", "phone_call") and _lemma(content[0].token.head) not in LIGHT_VERBS \
                and not _partnered(content[0].token):
            content = content[1:]
        if content and (content[0].token.pos_ in ("VERB", "AUX") or fam is None):
            main = _governing(content[0], content)
            chosen.append(main)
            for c in content:  # a dated event noun of the content ("depuis la trêve du 19 janvier")
                if c.token.i != main.token.i and c.token.pos_ in ("NOUN", "PROPN") and _dated_noun(c, dated) \
                        and lx.FAMILIES[c.family].plover != lx.FAMILIES[main.family].plover:
                    chosen.append(c)
                    break
            for c in content:  # "…, alors qu'il accueillait X": the circumstance is an event of its own
                if c.token.i != main.token.i and _circumstance(c.token) and all(
                        lx.FAMILIES[c.family].plover != lx.FAMILIES[x.family].plover for x in chosen):
                    chosen.append(c)
                    break
            for c in content:  # "… après un accord et la libération de X": events named to date the report
                if len(chosen) < 3 and c.token.i != main.token.i and _adjunct_event(c.token) and all(
                        lx.FAMILIES[c.family].plover != lx.FAMILIES[x.family].plover for x in chosen):
                    chosen.append(c)
            if _incise(speaker_tok) and speaker_tok.pos_ != "ADP":
                # "X a été tué, a annoncé Y": Y's announcement is an event of its own
                chosen.append(Candidate(speaker_tok, "statement", 0))
        else:
            if fam is not None or not _incise(speaker_tok):
                chosen.append(Candidate(speaker_tok, fam or "statement", 0))
        adjunct = [c for c in adjunct if (c.token.i < speaker_tok.i and _named_partner(c.token)) or c.token.pos_ == "VERB"]
        if adjunct:
            chosen.append(_governing(adjunct[0], adjunct))
        return chosen
    if not specific:
        return []
    main = [c for c in specific if c.token.dep_ == "ROOT" and c.token.pos_ in ("VERB", "AUX")]
    if main and _describes_noun(specific[0].token):
        # "X a libéré lundi les otages, dans le cadre d'un accord négocié par Y": the main verb is
        # the event; the participle describing a noun of an adjunct is background
        specific = main + [c for c in specific if c.token.i != main[0].token.i]
    first = _governing(specific[0], specific)
    for c in specific[1:]:  # a governing trigger of the same PLOVER type wins ("est allé à X … puis a rencontré Y")
        if lx.FAMILIES[c.family].plover == lx.FAMILIES[first.family].plover and c.token.is_ancestor(first.token) \
                and c.token.pos_ in ("VERB", "AUX") and first.token.dep_ == "conj":
            first = c
            break
    chosen = [first]
    for c in specific:
        if len(chosen) >= 3:
            break
        if len(chosen) >= 2 and not (_dated_noun(c, dated) or _adjunct_event(c.token) or _coordinated(c.token, chosen)):
            continue
        if c.token.i == first.token.i or not (participial(c.token) or _dated_noun(c, dated) or _adjunct_event(c.token)
                                               or _stance_object(c.token)):
            continue
        if any(lx.FAMILIES[c.family].plover == lx.FAMILIES[x.family].plover for x in chosen) and not (
                _since_state(c.token) and all(c.family != x.family for x in chosen)) and not _other_actor(c, chosen):
            continue  # (a siege "depuis huit mois" is another event than the capture it ended in)
        if any(c.token.head.i == x.token.i and c.token.dep_ in ("xcomp", "obj") and not _stance_object(c.token)
               for x in chosen) or any(
                x.token.head.i == c.token.i and x.token.dep_ in ("xcomp", "obj") and not _stance_object(x.token)
                for x in chosen):
            continue
        if any(filters.complement_of(x.token, c.token) for x in chosen if x.family in _GOVERNING):
            continue
        chosen.append(c)
    return chosen


def extract_events(doc: Doc) -> list[Event]:
    try:
        return _extract_events(doc)
    finally:
        memo.release(doc)


def _extract_events(doc: Doc) -> list[Event]:
    mentions = access.mentions(doc)
    # "les paramilitaires", "le mouvement islamiste": a group the article named, described
    mentions = sorted(mentions + pa.descriptor_mentions(doc, mentions), key=lambda m: (m.start, m.end))
    quotes = list(doc._.quotes or [])
    timexes = access.timexes(doc)
    events: list[Event] = []
    dated: set[int] = set()
    for t in timexes:
        if t.type == "date" and t.value and (t.precision in ("day", "month")):
            span = doc.char_span(t.start, t.end, alignment_mode="expand")
            if span is not None:
                dated.update(range(span.start, span.end))
    doc_quoted = filters.quoted_regions(doc, quotes)
    pieces = [(si, sent) for si, sentence in enumerate(table(doc).sents) for sent in paragraphs(sentence)]
    keys = [_sentence_key(sent) for _, sent in pieces]
    repeated = _repeated_keys(keys)
    told: set[str] = set()
    for (si, sent), key in zip(pieces, keys):
        if key in repeated:
            if key in told:
                continue  # a headline or standfirst the page repeats: told once, where it first appears
            told.add(key)
        events.extend(_sentence_events(doc, sent, si, mentions, quotes, timexes, dated, doc_quoted))
    def said(cue: Token, who: str, family: str | None) -> Event | None:
        tab = table(doc)
        si = tab.sent_index[cue.i]
        sent = next(s for s in paragraphs(tab.sents[si]) if s.start <= cue.i < s.end)
        source = [m for m in _quoted_speaker(doc, cue, quotes) if m.entity_id == who]
        return _build(doc, sent, si, Candidate(cue, family or "statement", 0), cue, source, mentions, quotes,
                      timexes, doc_quoted)

    events = quote_statements(doc, [_without_media(e) for e in events], quotes, said)
    body = filters.body_start(access.doc_text(doc))
    events = [e for e in events if e.start >= body]  # the headline sums up what the body tells
    events = fill_sides(mark_story(place_of_occasion(doc, ground_dates(inherit_places(doc, continue_dates(doc, inherit_dates(
        _dated_by_named_event(doc, resolve_meetings(doc, events)), doc._.published))))),
                                   doc._.published), doc)
    events = fill_agent(events)  # "après l'assaut sur la ville": the act of the actor the article is about
    return [e for e in events if not filters.partyless_meeting(doc, e, trigger_token(doc, e))]


def _rejects_a_proposal(tok: Token) -> bool:
    """"rejetant la proposition de reprendre les négociations à partir des positions …", "a
    démenti toute négociation secrète": what is rejected or denied is a proposal, a demand, talks
    or an agreement, a political act, whatever military words the sentence holds."""
    return any(c.dep_ in ("obj", "nsubj:pass") and lx.NOUNS.get(_lemma(c)) in ("proposal", "demand", "meeting", "agreement")
               for c in tok.children)


def _without_media(e: Event) -> Event:
    """A news outlet relays what others do ("cité par l'agence AP", "l'AFP a rapporté que …"): it
    is no party of the event, unless the event befalls it (a target). A platform a statement is
    posted on ("a déclaré … sur le réseau social X") is no party either, target or not."""
    kept = [p for p in e.participants
            if (p.role == "target" and not pa.is_platform(p.entity_id)) or not pa.is_media(p.entity_id)]
    return e if len(kept) == len(e.participants) else dataclasses.replace(e, participants=kept)


_QUOTE_REACH = 250  # characters between a reporting verb and the words it reports


def _quoted_speaker(doc: Doc, verb: Token, quotes) -> list[Mention]:
    """The speaker the quotes component found for the words a reporting verb reports ("…, a
    annoncé le mouvement islamiste", "avait assuré son administration": a description the
    entity ruler does not name), as a mention of the verb's subject; [] when it found none."""
    from dossier.events.participants import _kb

    sent = verb.sent
    best = None
    for q in quotes:
        cue = (q.cue or "").lower().split()
        if verb.lower_ not in cue:
            continue
        if not (sent.start_char <= q.start < sent.end_char or sent.start_char < q.end <= sent.end_char
                or q.start <= sent.start_char < q.end):
            continue
        gap = min(abs(verb.idx - q.end), abs(q.start - verb.idx))
        if gap <= _QUOTE_REACH and (best is None or gap < best[0]):
            best = (gap, q)
    if best is None:
        return []
    q = best[1]
    who = q.speaker_id or (q.affiliation if q.anonymous else None)
    if not who:
        return []
    kb = _kb()
    entry = kb.get(who) if kb is not None and not who.startswith("local:") else None
    info = (doc._.entities or {}).get(who) if doc.has_extension("entities") else None
    kind = entry.type if entry is not None else getattr(info, "type", None) or "organization"
    name = entry.name if entry is not None else getattr(info, "name", None) or q.speaker_name or who
    subj = subject_of(verb)
    at = subj if subj is not None else verb
    return [Mention(at.idx, at.idx + len(at.text), at.text, "ORG", who, name, kind, confidence=0.5,
                    resolution="quote-speaker")]


_MIN_REPEATED_WORDS = 6


def _sentence_key(sent: Span) -> str:
    tab = table(sent.doc)  # its words, lower-cased: " ".join(t.lower_ for t in sent if not t.is_space and not t.is_punct)
    lower, word = tab.lower, tab.word
    return " ".join(lower[i] for i in range(sent.start, sent.end) if word[i])


def _repeated(sents) -> set[str]:
    """Sentences written twice in the article, word for word (at least ``_MIN_REPEATED_WORDS``
    words): a headline or standfirst the page repeats as a heading or as the lead."""
    return _repeated_keys(_sentence_key(sent) for sent in sents)


def _repeated_keys(keys) -> set[str]:
    """:func:`_repeated` of the sentences of these :func:`_sentence_key` keys."""
    seen: dict[str, int] = {}
    for key in keys:
        if len(key.split()) >= _MIN_REPEATED_WORDS:
            seen[key] = seen.get(key, 0) + 1
    return {k for k, n in seen.items() if n > 1}


def _dated_by_named_event(doc: Doc, events: list[Event]) -> list[Event]:
    """"X a été tué dans les frappes": an undated event whose clause names, with a definite noun
    of its own type, an event the article dates elsewhere ("des frappes menées dans la nuit du
    17 au 18 mars") takes that date when the article gives it one date only."""
    out = []
    for e in events:
        if e.date or e.status != "held" or e.plover in ("OTHER", None):
            out.append(e)
            continue
        span = doc.char_span(e.start, e.end, alignment_mode="expand")
        nouns = {_lemma(t) for t in span or () if t.pos_ == "NOUN" and t.text != e.trigger and filters.definite(t)
                 and lx.FAMILIES[lx.NOUNS.get(_lemma(t)) or lx.NOUNS.get(t.lower_) or "statement"].plover == e.plover
                 and (lx.NOUNS.get(_lemma(t)) or lx.NOUNS.get(t.lower_))}
        dates = set()
        for d in events:
            if not nouns or d.start == e.start or not d.date or d.plover != e.plover or d.status != "held":
                continue
            other = doc.char_span(d.start, d.end, alignment_mode="expand")
            if other is not None and any(_lemma(t) in nouns and not filters.definite(t) for t in other):
                dates.add((d.date, d.date_precision))
        if len(dates) == 1:
            value, precision = dates.pop()
            e = dataclasses.replace(e, date=value, date_precision=precision, date_basis="named-event")
        out.append(e)
    return out


def paragraphs(sent: Span) -> list[Span]:
    """The parser sometimes runs a sentence over a paragraph break: split at line breaks. (Cut
    once per sentence of a Doc: the pieces are read again when dates and quotes are placed.)"""
    found = memo.memo(sent.doc, "paragraphs")
    key = (sent.start, sent.end)
    pieces = found.get(key)
    if pieces is None:
        pieces = found[key] = _paragraphs(sent)
    return list(pieces)


def _paragraphs(sent: Span) -> list[Span]:
    doc = sent.doc
    tab = table(doc)  # (the token table's lists: token.is_space, token.text)
    space, text = tab.space, tab.text
    out, start = [], sent.start
    for i in range(sent.start, sent.end):
        if space[i] and "\n" in text[i]:
            if i > start:
                out.append((start, i))
            start = i + 1
    if start < sent.end:
        out.append((start, sent.end))
    return [doc[a:b] for a, b in out if not all(space[a:b])]


_QUOTE = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"")
_FIRST_PERSON = frozenset("nous je j' on mes nos notre mon ma we i our my".split())
_SAYING = frozenset({"request", "demand", "threat", "rejection"})


def _headline(sent: Span) -> bool:
    """The article's first line without final punctuation: a headline, not a report. A closing
    quotation mark ends a headline too ("X : « … »") when the whole line is that sentence."""
    if sent.start_char > 2:
        return False
    text = sent.text.strip().rstrip("«“\"( ").strip()  # a quote opened at the end belongs to the next one
    if not text:
        return False
    if text[-1] not in ".!?»\"”…":
        return True
    doc_text = access.doc_text(sent.doc)
    line_end = doc_text.find("\n", sent.start_char)
    whole_line = line_end < 0 or not doc_text[sent.end_char:line_end].strip()
    return whole_line and text[-1] in "»\"”" and text.rstrip("»\"” ")[-1:] not in ".!?…" and len(text.split()) <= 25


def _quoted_regions(sent: Span) -> list[tuple[int, int]]:
    return [(sent.start_char + m.start(), sent.start_char + m.end()) for m in _QUOTE.finditer(access.span_text(sent))]


def _first_person_quote(c: Candidate, quoted: list[tuple[int, int]]) -> bool:
    """"« Nous avons discuté de … »": the speaker's own narrative inside a direct quote."""
    if c.family in _SAYING or c.family == "statement":
        return False
    if not any(a <= c.token.idx < b for a, b in quoted):
        return False
    subj = subject_of(c.token if c.token.pos_ in ("VERB", "AUX") else c.token.head)
    near = {t.lower_ for t in c.token.doc[max(0, c.token.i - 4):c.token.i]}
    return (subj is not None and subj.lower_ in _FIRST_PERSON) or bool(near & _FIRST_PERSON)


def _sentence_events(doc: Doc, sent: Span, si: int, mentions, quotes, timexes, dated,
                     doc_quoted: list[tuple[int, int]] = ()) -> list[Event]:
    if _headline(sent):
        return []
    quoted = _quoted_regions(sent)
    in_quotes = [(a, b) for a, b in doc_quoted if a < sent.end_char and b > sent.start_char]
    cands = [c for c in candidates(sent)
             if not _first_person_quote(c, quoted) and not filters.quoted_noun(c.token, c.family, in_quotes)]
    if not cands:
        return []
    reporting = [c for c in cands if c.family == "statement" and not (
        c.token.pos_ == "ADP" and sum(not t.is_punct for t in sent) - len(list(c.token.head.subtree)) < 4)]
    speaker_tok, source = _speaker(sent, reporting, mentions)
    if speaker_tok is not None and not source and speaker_tok.pos_ != "ADP":
        source = _quoted_speaker(doc, speaker_tok, quotes)  # "a annoncé le mouvement islamiste"
    out = []
    picked = _pick(cands, speaker_tok, dated)
    trades = _trades(picked)
    picked += [c for c, _ in trades]
    traded_by = {c.token.i: release.token.i for c, release in trades}
    reported: dict[int, bool] = {}
    built: dict[int, Event] = {}
    said = speaker_tok is not None and any(c.token.i == speaker_tok.i for c in picked)
    for k, cand in enumerate(picked):
        in_content = speaker_tok is not None and (cand.token.i == speaker_tok.i or _in_content(speaker_tok, cand.token))
        if cand.token.i in traded_by:  # the other side of a release is told as the release is
            in_content = reported.get(traded_by[cand.token.i], in_content)
        if k > 0 and cand.token.pos_ in ("NOUN", "PROPN") and _dated_noun(cand, dated):
            in_content = False  # "depuis la trêve du 19 janvier …, selon X": a dated event named in passing, not X's report
        if k > 0 and (_circumstance(cand.token) or _adjunct_event(cand.token)):
            in_content = False  # "…, alors qu'il accueillait X": what happened meanwhile, not X's report
        reported[cand.token.i] = in_content
        event = _build(doc, sent, si, cand, speaker_tok if in_content else None,
                       source if in_content else [], mentions, quotes, timexes, doc_quoted)
        if event is not None and in_content and _unparted_agreement(event, cand.token, speaker_tok, mentions):
            event = _as_statement(event)
        if event is None or filters.unsourced_statement(event) or filters.background_statement(event, cand.token):
            continue
        if in_content and cand.token.i != speaker_tok.i and speaker_tok.pos_ == "ADP" \
                and reports.splits(speaker_tok, cand.token, event):
            statement = _according_to(doc, sent, si, speaker_tok, source, event, mentions, quotes, timexes,
                                      doc_quoted) if not said else None
            if statement is not None:  # "…, selon Donald Trump, …": a person's word is a statement of his
                out.append(statement)
                said = True
            event = reports.without_source(event, event)  # "selon X, Y et Z ont …": X reports, Y and Z act
        elif in_content and not said and cand.token.i != speaker_tok.i and reports.splits(speaker_tok, cand.token, event):
            # "X a déclaré que Y et Z se sont rencontrés": X's saying is an event beside the meeting
            statement = _build(doc, sent, si, Candidate(speaker_tok, "statement", 0), speaker_tok, source,
                               mentions, quotes, timexes, doc_quoted, own_clause=True)
            alone = _build(doc, sent, si, cand, None, [], mentions, quotes, timexes, doc_quoted)
            if statement is not None and alone is not None and not filters.unsourced_statement(statement):
                out.append(statement)
                event = reports.without_source(event, alone)
                said = True
        if cand.token.i in traded_by:
            release = built.get(traded_by[cand.token.i])
            if release is None:
                continue
            event = _traded(doc, event, cand.token, release)
        built[cand.token.i] = event
        out.append(event)
    out += _saying_while(doc, sent, si, cands, picked, out, mentions, quotes, timexes, doc_quoted)
    if speaker_tok is not None and speaker_tok.i in built:
        out = _whole_saying(doc, sent, speaker_tok, built[speaker_tok.i], out, dated)
    return _apart(doc, out)


def _whole_saying(doc: Doc, sent: Span, speaker_tok: Token, saying: Event, events: list[Event],
                  dated: set[int]) -> list[Event]:
    """"[Y a été décidé à la suite du refus de Z], indique X": an incise statement whose words
    carry no act of their own (no verb event; events named by a noun in passing) spans its words
    too, as a statement with its content would."""
    if saying.type != "statement" or speaker_tok.pos_ == "ADP" or not _incise(speaker_tok):
        return events
    inside = _content_test(speaker_tok)
    for e in events:
        tok = trigger_token(doc, e)
        if tok is None or tok.i == speaker_tok.i or not inside(tok):
            continue
        if tok.pos_ not in ("NOUN", "PROPN"):
            return events
    words = [t for t in sent if inside(t) and not t.is_punct]
    at = next((k for k, e in enumerate(events) if e.trigger == saying.trigger and e.start == saying.start
               and e.end == saying.end), None)
    if not words or at is None:
        return events
    start = min(words[0].idx, saying.start)
    whole = dataclasses.replace(saying, start=start, text=access.doc_text(doc)[start:saying.end])
    return events[:at] + [whole] + events[at + 1:]


_TRADE_CASES = frozenset(("contre", "against", "for"))


def _trades(picked: list[Candidate]) -> list[tuple[Candidate, Candidate]]:
    """"la libération de X, échangés contre Y": a participle of exchange hung on the persons a
    chosen release frees, trading them for others, is the other side's release: an event of its
    own beside the release, of the same type. (trade, release) pairs."""
    out: list[tuple[Candidate, Candidate]] = []
    for x in picked:
        if lx.FAMILIES[x.family].plover != "CONCEDE":
            continue
        for tok in x.token.subtree:  # (the tagger may read the participle as an adjective)
            family = lx.VERBS.get(_lemma(tok))
            if family is None or lx.FAMILIES[family].plover != "CONCEDE" or tok.dep_ != "acl" \
                    or tok.pos_ not in ("VERB", "ADJ") or any(y.token.i == tok.i for y in picked) \
                    or any(y.token.i == tok.i for y, _ in out):
                continue
            if any(ch.dep_ in ("obl:arg", "obl:mod", "obl") and any(
                    g.dep_ == "case" and g.lower_ in _TRADE_CASES for g in ch.children) for ch in tok.children):
                out.append((Candidate(tok, family, lx.FAMILIES[family].rank), x))
    return out


def _according_to(doc: Doc, sent: Span, si: int, selon: Token, source: list[Mention], event: Event,
                  mentions, quotes, timexes, doc_quoted) -> Event | None:
    """"Y et Z se sont engagés, selon X, à …" with X a named person: X's saying is an event of its
    own (his phrase as span), beside the act he reports. A document, a toll or an organisation
    cited as the source of a fact ("selon un bilan du ministère") is no statement."""
    if len(source) != 1 or source[0].entity_type != "person" or selon.head.pos_ != "PROPN":
        return None
    built = _build(doc, sent, si, Candidate(selon, "statement", 0), selon, source, mentions, quotes, timexes,
                   doc_quoted)
    if built is None:
        return None
    lo, hi = selon.idx, source[0].end
    if not selon.idx < source[0].start < sent.end_char:  # (a source found elsewhere: the head's name)
        hi = selon.head.idx + len(selon.head.text)
    return dataclasses.replace(built, start=lo, end=hi, text=access.doc_text(doc)[lo:hi], place_id=None,
                               place_name=None, participants=[p for p in built.participants if p.role == "source"],
                               **({} if built.date else {"date": event.date, "date_precision": event.date_precision,
                                                         "date_basis": event.date_basis,
                                                         "date_counted": event.date_counted}))


def _dates_what_is_said(doc: Doc, reporting: Token, value: str, sent: Span, timexes) -> bool:
    """Every timex of the sentence with this value lies inside a clause ``reporting`` reports (a
    verb under it), not on the reporting verb itself ("a annoncé jeudi que …")."""
    inside = _content_test(reporting)

    told_before = any(c.dep_ in ("advcl", "ccomp", "parataxis") and sent.start <= c.i < reporting.i
                      and c.pos_ in ("VERB", "AUX") for c in reporting.children)

    def in_clause(tok: Token) -> bool:
        if tok.i < reporting.i and not told_before:
            return False  # "Lundi, X a annoncé que …": whatever the parse, the saying's day
        cur = tok
        for _ in range(32):
            if cur.head.i == reporting.i:
                return cur.pos_ in ("VERB", "AUX") and sent.start <= cur.i < sent.end and inside(cur)
            if cur.head.i == cur.i:
                return False
            cur = cur.head
        return False

    roots = []
    for t in timexes:
        if t.value == value and sent.start_char <= t.start < sent.end_char:
            span = doc.char_span(t.start, t.end, alignment_mode="expand")
            if span is not None:
                roots.append(span.root)
    return bool(roots) and all(in_clause(r) for r in roots)


def _traded(doc: Doc, event: Event, tok: Token, release: Event) -> Event:
    """The other side of a release: the participle's own phrase ("échangés contre Y"), at the
    release's place and date."""
    lo = min(t.idx for t in tok.subtree)
    hi = max(t.idx + len(t.text) for t in tok.subtree)
    return dataclasses.replace(event, start=lo, end=hi, text=access.doc_text(doc)[lo:hi],
                               place_id=release.place_id, place_name=release.place_name, date=release.date,
                               date_precision=release.date_precision, date_basis=release.date_basis,
                               date_counted=release.date_counted)


def _saying_while(doc: Doc, sent: Span, si: int, cands: list[Candidate], picked: list[Candidate],
                  events: list[Event], mentions, quotes, timexes, doc_quoted) -> list[Event]:
    """"X a signé l'accord, affirmant que …": a present participle of saying hung on the verb of
    an event of the sentence, without a subject of its own, is the actor's statement beside the
    act; its source is the act's subject (the act's participants that are not its targets)."""
    out = []
    for c in cands:
        tok = c.token
        if c.family != "statement" or tok.pos_ != "VERB" or tok.dep_ != "advcl" or any(x.token.i == tok.i for x in picked):
            continue
        if "Part" not in morph(tok, "VerbForm") or "Pres" not in morph(tok, "Tense") or subject_of(tok) is not None:
            continue
        if not any(ch.dep_ in ("ccomp", "obj", "parataxis") for ch in tok.children):
            continue  # "en déclarant": nothing said
        head = tok.head
        act = next((e for e in events if e.trigger == head.text and e.start <= head.idx < e.end
                    and e.type != "statement" and head.pos_ in ("VERB", "AUX")), None)
        actors = [dataclasses.replace(p, role="source") for p in (act.participants if act is not None else [])
                  if p.role != "target"]
        if not actors:
            continue
        event = _build(doc, sent, si, Candidate(tok, "statement", 0), None, [], mentions, quotes, timexes, doc_quoted)
        if event is None:
            continue
        lo = min(t.idx for t in tok.subtree)
        hi = max(t.idx + len(t.text) for t in tok.subtree)
        # said at the act: its place and day when the saying has none of its own
        out.append(dataclasses.replace(
            event, participants=actors, start=lo, end=hi, text=access.doc_text(doc)[lo:hi],
            place_id=event.place_id or act.place_id, place_name=event.place_name or act.place_name,
            **({} if event.date else {"date": act.date, "date_precision": act.date_precision,
                                      "date_basis": act.date_basis, "date_counted": act.date_counted})))
    return out


def _vows_to_fight(tok: Token) -> bool:
    """An attack verb in the future indicative with its own subject ("X combattra", "nous
    frapperons"), not negated: a vow to fight, not fighting (the dated future is a plan)."""
    return tok.pos_ == "VERB" and _future(tok) and not _negated(tok) and (
        subject_of(tok) is not None or tok.dep_ == "acl")  # (the tagger may hang "X combattra" on X)


def _future(tok: Token) -> bool:
    """Future indicative, from the tag or, when the tagger misreads it, from the form: the
    infinitive (without the final "e" of "-re") and a future ending ("frappera", "combattra")."""
    if "Fut" in tok.morph.get("Tense") and "Ind" in tok.morph.get("Mood"):
        return True
    lemma = _lemma(tok)
    base = lemma[:-1] if lemma.endswith("re") else lemma
    return lemma.endswith(("er", "ir", "re")) and tok.lower_ in {base + end for end in ("a", "ont", "ons", "ai", "as", "ez")}


def _unparted_agreement(event: Event, tok: Token, speaker_tok: Token, mentions: list[Mention]) -> bool:
    """A reported agreement whose text names no party, not even as a subject noun ("X a confirmé
    qu'un accord avait été conclu", "X a écrit que … avant que l'accord n'entre en vigueur", a
    content typed by its words only): the report is X's statement about an agreement, not the
    agreement (the gold types such statements OTHER). An announcement stays the news it carries
    ("X a annoncé qu'un consensus avait été atteint")."""
    if event.plover != "AGREE" or any(p.role != "source" for p in event.participants):
        return False
    if tok.i == speaker_tok.i:
        return _lemma(tok) not in ("annoncer", "announce")
    subj = subject_of(tok) if tok.pos_ in ("VERB", "AUX") else None
    if subj is None:
        return not (tok.pos_ in ("VERB", "AUX") and pa.subject_mentions(tok.doc, tok, mentions))
    if subj.pos_ in ("PRON", "PROPN") or _lemma(subj) in lx.PARTY_NOUNS or subj.lower_ in lx.PARTY_NOUNS:
        return False  # "leurs dirigeants se sont engagés": parties the text names, found or not
    lo, hi = subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge.text)
    return not any(lo <= m.start and m.end <= hi for m in mentions)


def _as_statement(event: Event) -> Event:
    fam = lx.FAMILIES["statement"]
    return dataclasses.replace(event, type=fam.type, plover=fam.plover, mode=fam.mode, context=fam.context)


_TAIL = re.compile(r"(?:[\s,;:–—-]|\b(?:et|ou|puis|and|or)\b)+$", re.IGNORECASE)
_HEAD = re.compile(r"^[\s,;:]+")


def _apart(doc: Doc, events: list[Event]) -> list[Event]:
    """Events of one sentence keep apart evidence: a span holding another event's span at its
    end (or start) stops before (or starts after) it ("X, accueilli …, a annoncé …, et la
    libération de Y": the meeting's span leaves the release out)."""
    text = access.doc_text(doc)
    out = list(events)
    for i, a in enumerate(out):
        start, end = a.start, a.end
        for j, b in enumerate(events):
            if j == i or not (start <= b.start and b.end <= end) or (b.end - b.start) >= (end - start):
                continue
            if not text[b.end:end].strip(" ,.;»\"”"):
                end = b.start
            elif not text[start:b.start].strip(" ,.;«\"“"):
                start = b.end
        if (start, end) == (a.start, a.end):
            continue
        tail = _TAIL.search(text[start:end])
        end = start + tail.start() if tail else end
        head = _HEAD.match(text[start:end])
        start = start + head.end() if head else start
        if end > start:
            out[i] = dataclasses.replace(a, start=start, end=end, text=text[start:end])
    seen: set[tuple[int, int]] = set()
    for i, a in enumerate(out):  # two events on one span: the later one keeps its trigger's own phrase
        if (a.start, a.end) in seen:
            tok = trigger_token(doc, a)
            if tok is not None:
                lo = tok.head.left_edge if tok.dep_ in ("acl", "acl:relcl") else tok.left_edge
                hi = tok.right_edge
                start, end = min(lo.idx, tok.idx), hi.idx + len(hi.text)
                if (start, end) != (a.start, a.end) and a.start <= start < end <= a.end:
                    out[i] = a = dataclasses.replace(a, start=start, end=end, text=text[start:end])
        seen.add((a.start, a.end))
    return out


def _build(doc: Doc, sent: Span, si: int, cand: Candidate, speaker_tok: Token | None,
           source: list[Mention], mentions: list[Mention], quotes, timexes,
           quoted: list[tuple[int, int]] = (), own_clause: bool = False) -> Event | None:
    """One event of the sentence; ``own_clause``: a statement beside the event it reports, whose
    span is the reporting clause without what it reports."""
    fam_name = cand.family
    tok = cand.token
    negated = _negated(tok) or (tok.pos_ == "NOUN" and _negated(tok.head) and tok.dep_ in ("obj", "nsubj")) or (
        tok.dep_ in ("xcomp", "obl:arg") and tok.head.pos_ in ("ADJ", "VERB") and _negated(tok.head)
        and _lemma(tok.head) not in lx.LITOTE_LEMMAS)
    if fam_name == "agreement" and negated:
        fam_name, negated = "rejection", False
    fam = lx.FAMILIES[fam_name]
    head = clause_head(tok)
    reporting = speaker_tok is not None and speaker_tok.i == tok.i
    # (the span's tokens as indexes: only which tokens it holds counts, read from the token table)
    tab = table(doc)
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ not in ("nsubj", "nsubj:pass") and _lemma(tok.head) not in LIGHT_VERBS:
        tokens, head = clause_indexes(tok, tok), tok
    else:
        tokens = clause_indexes(head, tok, reporting) if head.i != tok.i or tok.pos_ in ("VERB", "AUX") \
            else subtree_indexes(tab, tok.i)
    subj = subject_of(head) if head.pos_ in ("VERB", "AUX") else None
    if subj is not None and subj.i not in set(tokens):
        tokens += subtree_indexes(tab, subj.i)
    group = pa.subject_group(head) if head.pos_ in ("VERB", "AUX") else None
    if group is not None and (subj is None or group[0] <= subj.i < group[1]):
        tokens += range(group[0], group[1])  # "Israël et le Hamas ont accepté": the written subject
    incise = speaker_tok is not None and speaker_tok.pos_ != "ADP" and _incise(speaker_tok) and speaker_tok.i > tok.i
    if speaker_tok is not None and speaker_tok.i != tok.i:
        subj = speaker_tok.head if speaker_tok.pos_ == "ADP" else subject_of(speaker_tok)
        if subj is not None and not incise:  # "X a été tué, a annoncé Y": the event's span stops at the incise
            skip = {t for c in tab.children[subj.i] if tab.dep[c] in ("acl", "acl:relcl") for t in subtree_indexes(tab, c)}
            tokens += [t for t in subtree_indexes(tab, subj.i) if t not in skip]
    if speaker_tok is not None and speaker_tok.i == tok.i and tok.pos_ != "ADP":
        skip = {t for c in tab.children[tok.i] if tab.dep[c] in ("advcl", "obl:mod", "parataxis") and c < tok.i
                for t in subtree_indexes(tab, c)}
        subj = subject_of(tok)
        if subj is not None:
            skip |= {t for c in tab.children[subj.i] if tab.dep[c] in ("acl", "acl:relcl") for t in subtree_indexes(tab, c)}
        tokens = [t for t in tokens if t not in skip] or tokens
        if fam_name == "statement" and _incise(tok):
            # "…, a annoncé X dans un communiqué": the neutral statement is the incise clause
            inside = _content_test(tok)
            tokens = [t for t in tokens if not inside(doc[t]) and t >= tok.i - 3] or tokens
        elif own_clause:
            inside = _content_test(tok)
            tokens = [t for t in tokens if not inside(doc[t])] or tokens
    tokens = [t for t in tokens if sent.start <= t < sent.end] or list(range(sent.start, sent.end))
    start, end = _span_of_indexes(tab, tokens, sent)
    place = find_place(doc, tok, head, mentions, objects=fam.plover in ("ASSAULT", "COERCE"))
    if place is None and fam_name == "military_claim":
        place = _clitic_place(doc, tok, sent, mentions)
    named = find_place(doc, tok, head, mentions, located=False)  # a place of the clause is no actor, even one
    place_ids = {m.entity_id for m in (place, named) if m is not None}  # that does not locate the event
    parts = _participants(doc, cand, (sent.start_char, sent.end_char), mentions, source if speaker_tok is not None else [], place_ids)
    owner = _claim_owner(doc, tok, mentions)
    if owner is not None and owner.entity_id not in {p.entity_id for p in parts}:
        # "la revendication de X, qui dit avoir pris la ville": X is the claimed actor
        parts.append(Participant(owner.entity_id, owner.entity_name, "participant"))
    date = _since_date(doc, tok, timexes) or event_date(doc, tok, head, sent, si, timexes, quoted)
    window = None
    if date is not None and (date[2] == "governing" or date[2].startswith("sentence")) and reporting \
            and tok.pos_ != "ADP" \
            and _dates_what_is_said(doc, tok, date[0], sent, timexes):
        date = None  # "[Y, depuis la trêve du 19 janvier, …], indique X": the words' date, not the saying's
    if date is not None and not _since_state(tok) and any(
            t.i != tok.i and _dates_state(doc, t, date[0], timexes) for t in _since_states(doc, sent)):
        date = None  # "s'est emparée de X, assiégée depuis huit mois": the siege's start, not the capture's day
    if date is not None and date[2] != "governing" and _stance_object(tok):
        date = None  # "X a salué samedi la rencontre de Y": the day of the judgement, not of the meeting
    days = relative_day(tok)
    if days is not None:  # "lundi, au lendemain de la prise de X": the day before the clause's
        date = _shifted(date, -days)
    elif (date is None or date[2] != "governing") and _adjunct_event(tok):
        # "depuis la fin du cessez-le-feu le 2 mai": a date right after the noun's phrase is its own;
        # "trois jours après la prise de X": not the clause's day
        clause_date = date
        date = _trailing_date(doc, tok, timexes) or (_offset_date(tok, date) if date is not None else None)
        if date is None:
            day = _window_day(doc, tok, clause_date)
            found = offset_window(tok, day) if day is not None else None
            if found is not None:
                window = f"{found[0].isoformat()}/{found[1].isoformat()}"
    duration, duration_text = (None, None)
    if fam.plover == "CONSULT":
        duration, duration_text = event_duration(doc, tok, head, sent, timexes)
    mode = fam.mode
    if fam.plover == "CONSULT" and fam_name != "phone_call" and _near_words(tok, lx.PHONE_WORDS, 10):
        fam_name, mode = "phone_call", "phone"
    etype = fam.type
    context = fam.context
    if fam_name == "rejection" and any(tab.lemma[t] in lx.MILITARY_WORDS for t in tokens) and not _rejects_a_proposal(tok):
        etype, context = "military_denial", "military"
    status = "cancelled" if fam_name == "cancellation" else event_status(tok, head, negated, fam_name)
    if fam_name == "attack" and date is None and _vows_to_fight(tok):
        # "X combattra à Gaza tant que …": fighting announced in the future tense is a threat
        fam_name, fam = "threat", lx.FAMILIES["threat"]
        etype, context, mode = fam.type, fam.context, fam.mode
    if status == "hypothetical" and date is not None and date[2] != "governing":
        date = None  # "X ne frapperait pas si Y cessait": what did not happen has no day from its sentence
    return Event(
        start=start, end=end, text=access.doc_text(doc)[start:end], type=etype if fam_name != "phone_call" else "phone_call",
        plover=fam.plover, mode=mode, context=context, trigger=tok.text,
        participants=parts,
        place_id=place.entity_id if place is not None else None,
        place_name=place.entity_name if place is not None else None,
        date=date[0] if date else None, date_precision=date[1] if date else None,
        date_basis=date[2] if date else None, date_counted=date_counted(doc, sent, si, date, timexes),
        date_window=window if date is None else None, duration=duration, duration_text=duration_text,
        outcome=event_outcome(doc, sent, si, quotes, mentions) if fam.plover == "CONSULT" else [],
        status=status, sentence=si, confidence=0.6 if cand.rank > 10 else 0.4,
    )

