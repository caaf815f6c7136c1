"""Normalise the content of a claim into a proposition key: predicate + canonical arguments.

``CONTROLS(russia,pokrovsk)`` for "a pris / capturé / s'est emparé de / contrôle Pokrovsk";
a report that fighting goes on in a place, or that its capture is "prétendue" / propaganda, is a
denial of the opponent's ``CONTROLS``; ``ENCIRCLED(place)``, ``CASUALTIES(subject,n)``,
``AUTHORED(plan,side)``, ``INTENDS(actor,end_war)``, ``AGREED(parties,topic)`` (parties: the
actors who agreed, governments for countries, "a+b" sorted, ``unknown`` when unnamed; topic:
``ceasefire``, ``talks``, ``meeting``… — an agreement said not to exist is its denial),
``EVALUATES(talks@YYYY-MM,productive|no_progress)``; anything else ``SAYS(claimant,hash)``.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from dossier.claims.actors import Actor, ActorContext, agent_of, conjuncts, side_of_text, subject_of
from dossier.claims.lexicon import cue_set, fold, opponent
from dossier.events.participants import acting_entity, subject_group
from dossier.nlp.tree import walk_up
from dossier.nlp.tokens import morph, sent_of, table

# predicates whose last argument is a value: two claims with different values conflict
FUNCTIONAL = {"EVALUATES": 1, "CASUALTIES": 1, "AUTHORED": 1, "CHARACTERISES": 1}


@dataclass
class Proposition:
    predicate: str
    arguments: list[str]
    stance: str  # stance after reading the content (a report of ongoing fighting denies CONTROLS)

    @property
    def key(self) -> str:
        return f"{self.predicate}({','.join(self.arguments)})"


def parse_key(key: str) -> tuple[str, list[str]]:
    m = re.match(r"^([A-Z_]+)\((.*)\)$", key)
    if not m:
        return key, []
    return m.group(1), [a for a in m.group(2).split(",") if a]


def _short(entity_id: str | None) -> str:
    return (entity_id or "unknown").replace("local:", "")


def _lemmas(toks: list[Token]) -> list[str]:
    """``fold(t.lemma_)`` of each token, the lemma read from the token table (``fold``
    lower-cases first: the table's lower-cased lemma folds alike)."""
    if not toks:
        return []
    lemmas = table(toks[0].doc).lemma
    return [fold(lemmas[t.i]) for t in toks]


def _texts(toks: list[Token]) -> list[str]:
    """``fold(t.text)`` of each token, the form read from the token table."""
    if not toks:
        return []
    texts = table(toks[0].doc).text
    return [fold(texts[t.i]) for t in toks]


@lru_cache(maxsize=None)
def _phrase_re(phrase: str) -> re.Pattern:
    return re.compile(r"(?<![\w])" + re.escape(phrase) + r"(?![\w])")


def _has_phrase(text: str, phrases) -> bool:
    # the substring test is a cheap necessary condition for the bounded match
    return any(p in text and _phrase_re(p).search(text) for p in phrases)


def _characterised(cue: Token, depth: int = 0) -> Token | None:
    """What "présentée comme …" / "dénoncée comme …" is about: the noun the participle hangs on
    (climbing "offensive en Ukraine" to "offensive", and a second participle hung on the first's
    "comme X" to the first's noun)."""
    if cue.dep_.startswith("acl"):
        thing = cue.head
    else:
        thing = next((c for c in cue.children if c.dep_ in ("obj", "nsubj:pass")), None)
    if thing is None:
        return None
    if depth < 2 and any(fold(c.text) == "comme" for c in thing.children) and thing.head.i != thing.i \
            and fold(thing.head.lemma_) in cue_set("characterise_verbs"):
        return _characterised(thing.head, depth + 1)
    for up in walk_up(thing, include_self=False):
        if not (thing.dep_ == "nmod" and up.pos_ == "NOUN" and any(
                fold(c.text) in ("en", "de", "d'", "du") for c in thing.children if c.dep_ == "case")):
            break
        thing = up
    return thing


def _unnamed_place(ctx: ActorContext, tok: Token) -> bool:
    """A capitalised name the NER left out (or took for a person) standing where a place goes."""
    if side_of_text(tok.text) is not None:
        return False  # "Moscou", "Kiev": a side speaking, not a place taken
    m = ctx.mention_at(tok)
    if m is not None and (ctx.is_place(m) or m.entity_type in ("organization", "group")):
        return m is not None and ctx.is_place(m)
    if m is not None and m.resolution not in ("ner", "local"):
        return False  # a known person
    return side_of_text(tok.text) is None and tok.text[:1].isupper()


def _named_place(ctx: ActorContext, toks: list[Token]) -> str | None:
    """``local:`` key of a place the NER missed: a proper noun after à / dans / de / vers."""
    for t in toks:
        if t.pos_ != "PROPN" or not _unnamed_place(ctx, t):
            continue
        prev = t.doc[t.i - 1] if t.i > 0 else None
        if prev is not None and fold(prev.text) in ("a", "dans", "de", "d'", "vers", "pres", "sur") or t.dep_ in ("obj", "nsubj:pass"):
            words = [t] + [c for c in t.children if c.dep_ == "flat:name"]
            return re.sub(r"[^a-z0-9]+", "_", fold(" ".join(w.text for w in words))).strip("_")
    return None


_FIGURE_RE = re.compile(r"\d+(?:[.,\u202f\u00a0]\d+)*")
_GROUPED_RE = re.compile(r"\d{1,3}(?:[.,\u202f\u00a0 ]\d{3})+")


def figure_value(text: str) -> str:
    """One spelling for one figure: thousands separators dropped ("1.170", "1,170", "1 170" -> "1170"),
    a decimal comma made a point ("2,5" -> "2.5")."""
    text = text.strip()
    if _GROUPED_RE.fullmatch(text):
        return re.sub(r"\D", "", text)
    return text.replace(",", ".")


def _casualty_number(ctx: ActorContext, toks: list[Token]) -> str | None:
    """The figure nearest a casualty word ("plus de 14 000 civils tués"), dates and measures
    ("sur 1.000 m2", "à 60 milles") left out."""
    dates = [(t.start, t.end) for t in (ctx.doc._.timexes or [])]
    words = [t for t in toks if fold(t.lemma_) in cue_set("casualty_words") or fold(t.text) in cue_set("casualty_words")]
    units = cue_set("measure_units")
    best, best_dist = None, None
    i = 0
    while i < len(toks):
        t = toks[i]
        if _FIGURE_RE.fullmatch(t.text) and not any(s <= t.idx < e for s, e in dates):
            j = i
            parts = []
            while j < len(toks) and _FIGURE_RE.fullmatch(toks[j].text):
                parts.append(toks[j].text)
                j += 1
            measured = j < len(toks) and fold(toks[j].text) in units
            dist = min((abs(w.i - t.i) for w in words), default=99)
            if not measured and (best_dist is None or dist < best_dist):
                best, best_dist = figure_value(" ".join(parts)), dist
            i = j
            continue
        i += 1
    return best


def _actor_side(ctx: ActorContext, tok: Token | None, sentence: int) -> str | None:
    if tok is None:
        return None
    actor = ctx.actor_of(tok, sentence)
    if actor is None or (actor.side is None and actor.resolved_by == "phrase"):
        return None
    return actor.side or _short(actor.id)


def _side_in(toks: list[Token]) -> str | None:
    for t in toks:
        if t.pos_ in ("ADJ", "NOUN", "PROPN"):
            side = side_of_text(t.text)
            if side:
                return side
    return None


def normalise(
    ctx: ActorContext,
    toks: list[Token],
    claimant: Actor | None,
    stance: str,
    sentence: int,
    date: str | None,
    default_agent: str | None = None,
    cue: Token | None = None,
) -> Proposition:
    """The proposition expressed by content tokens ``toks`` reported by ``claimant``."""
    if not toks:
        return Proposition("SAYS", [_short(claimant.id if claimant else None), "empty"], stance)
    lemmas, texts = _lemmas(toks), _texts(toks)
    text = " ".join(texts)
    lemma_set, text_set = set(lemmas), set(texts)

    def negated_at(t: Token) -> bool:
        """A negation governing ``t`` (its own or its head's "ne … pas", or just before it)."""
        neg = cue_set("negations") - {"sans"}
        near = list(t.children) + (list(t.head.children) if t.pos_ in ("NOUN", "ADJ") else [])
        if any(fold(c.text) in neg for c in near if c.dep_ in ("advmod", "det")):
            return True
        window = t.doc[max(sent_of(t).start, t.i - 4): t.i]
        return any(fold(w.text) in neg for w in window)

    claimant_side = claimant.side if claimant else None
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1])

    def place_id() -> str | None:
        places = ctx.place_mentions(start, end)
        if places:
            return places[0].entity_id.replace("local:", "")
        named = _named_place(ctx, toks)
        if named:
            return named
        m = ctx.last_place_before(start)
        return m.entity_id.replace("local:", "") if m else None

    def verbal(t: Token) -> bool:
        """A verb, or a verb the tagger took for a noun ("l'armée contrôle la ville")."""
        return t.pos_ in ("VERB", "ADJ", "AUX") or any(c.dep_.startswith("nsubj") for c in t.children)

    def about_place(t: Token) -> bool:
        """Does the capture word have a place (or a pronoun standing for one) as its object?"""
        deps = ("obj", "obl:arg", "nsubj:pass", "expl:comp", "iobj") if verbal(t) else ("nmod",)
        for c in t.children:
            if c.dep_ not in deps and not (verbal(t) and c.dep_.startswith("obl")):
                continue
            if c.pos_ == "PRON" and verbal(t):
                if fold(c.text) in ("en", "l'", "la", "le", "les"):
                    return True  # "s'en est emparé", "l'a prise"; not "s'y prendre"
                continue
            if fold(c.lemma_) in cue_set("place_nouns") or ctx.place_mentions(c.idx, c.idx + len(c)):
                return True
            if c.pos_ == "PROPN" and _unnamed_place(ctx, c):
                return True
            m = ctx.mention_at(c)
            if m is not None and ctx.is_place(m):
                return True
        if not verbal(t):  # "la prise de X" however the parser hung "de X"
            nxt = t.doc[t.i + 1: min(t.i + 4, sent_of(t).end)]
            return len(nxt) > 1 and fold(nxt[0].text) in ("de", "du", "d'") and (
                bool(ctx.place_mentions(nxt[1].idx, nxt[-1].idx + len(nxt[-1])))
                or (nxt[1].pos_ == "PROPN" and _unnamed_place(ctx, nxt[1])))
        return "Pass" in morph(t, "Voice")

    control_tok = next(
        (t for t, l in zip(toks, lemmas) if ((l in cue_set("control_verbs") and verbal(t))
         or (l in cue_set("control_nouns") and t.pos_ == "NOUN")) and about_place(t)), None)
    if control_tok is None and lemma_set & cue_set("flag_nouns"):
        control_tok = next((t for t in toks if fold(t.lemma_) in cue_set("flag_verbs") and t.pos_ == "VERB"), None)
    under_control = None
    if control_tok is None and "sous controle" in text and "controle" in texts:
        control_tok = toks[texts.index("controle")]
        # "X est passée sous contrôle russe": X is the subject of the clause
        clause = control_tok if any(c.dep_.startswith("nsubj") for c in control_tok.children) else control_tok.head
        if clause.i == control_tok.i or fold(clause.lemma_) in ("passer", "tomber", "rester", "etre", "demeurer", "se trouver"):
            under_control = next((c for c in clause.children if c.dep_.startswith("nsubj") and (
                ((c.pos_ == "PROPN" or c.text[:1].isupper()) and _unnamed_place(ctx, c))
                or (ctx.mention_at(c) is not None and ctx.is_place(ctx.mention_at(c))))), None)
    fighting = bool(lemma_set & cue_set("fighting_nouns") or text_set & cue_set("fighting_nouns"))
    fight_verb = bool(lemma_set & cue_set("fighting_verbs"))
    going_on = bool(lemma_set & cue_set("continue_verbs")) or "toujours" in text_set or "encore" in text_set
    marker = bool(text_set & cue_set("denial_markers") or lemma_set & cue_set("denial_markers"))

    # -- control of a place -------------------------------------------------------------------
    if control_tok is not None or ((fighting or fight_verb) and going_on):
        place = place_id()
        if under_control is not None:
            m = ctx.mention_at(under_control)
            place = m.entity_id.replace("local:", "") if m is not None and ctx.is_place(m) else re.sub(
                r"[^a-z0-9]+", "_", fold(under_control.text)).strip("_")
        if place:
            if control_tok is None:  # "fighting goes on in X": the enemy does not hold it
                agent = opponent(claimant_side) or "unknown"
                return Proposition("CONTROLS", [agent, place], "denies" if stance == "asserts" else stance)
            passive = verbal(control_tok) and ("Pass" in morph(control_tok, "Voice") or any(
                c.dep_ in ("aux:pass", "nsubj:pass") for c in control_tok.children))
            if passive:  # "n'a pas été prise par les Russes": the agent took it
                subj = agent_of(control_tok)
            else:
                subj = subject_of(control_tok) if verbal(control_tok) else None
            agent = _actor_side(ctx, subj, sentence) if subj is not None and subj.pos_ != "PRON" else None
            if agent is None and control_tok.pos_ == "NOUN":  # "la prise russe de", "sous contrôle russe"
                agent = _side_in([c for c in control_tok.subtree if c.i != control_tok.i])
            if marker:
                agent = agent or opponent(claimant_side) or "unknown"
                return Proposition("CONTROLS", [agent, place], "denies" if stance in ("asserts", "confirms") else stance)
            agent = agent or default_agent or claimant_side or "unknown"
            attempt = fold(control_tok.head.lemma_) in cue_set("attempt_verbs") and control_tok.dep_ in ("xcomp", "ccomp", "obj")
            if attempt and stance == "asserts" and agent == opponent(claimant_side):
                # "l'ennemi a essayé de hisser son drapeau sur la mairie", says the other side
                return Proposition("CONTROLS", [agent, place], "denies")
            if negated_at(control_tok) and stance == "asserts":
                return Proposition("CONTROLS", [agent, place], "denies")
            return Proposition("CONTROLS", [agent, place], stance)

    if lemma_set & cue_set("encircle") or text_set & cue_set("encircle"):
        place = place_id()
        if place:
            enc = next(t for t in toks if fold(t.lemma_) in cue_set("encircle") or fold(t.text) in cue_set("encircle"))
            return Proposition("ENCIRCLED", [place], "denies" if negated_at(enc) and stance == "asserts" else stance)

    if lemma_set & cue_set("casualty_words"):
        n = _casualty_number(ctx, toks)
        if n:
            subject = place_id() if ctx.place_mentions(start, end) else (claimant_side and "war") or "war"
            return Proposition("CASUALTIES", [subject, n], stance)

    # -- authorship of a plan -----------------------------------------------------------------
    if "plan" in lemma_set or "accord" in lemma_set or "projet" in lemma_set:
        n = None
        for i, t in enumerate(texts):
            if t == "points" and i and texts[i - 1].isdigit():
                n = texts[i - 1]
        plan = f"peace_plan_{n}_points" if n else "peace_plan"
        if lemma_set & cue_set("authorship"):
            agent_side = None
            for t in toks:
                if fold(t.text) == "par" and t.head is not None:
                    agent_side = _actor_side(ctx, t.head, sentence) or _side_in(list(t.head.subtree))
                    if agent_side:
                        break
            if agent_side:
                return Proposition("AUTHORED", [plan, agent_side], stance)
        plan_tok = next((t for t in toks if fold(t.lemma_) == "plan"), None)
        if plan_tok is not None:
            adj_side = _side_in([c for c in plan_tok.children if c.dep_ == "amod"])
            if adj_side:
                return Proposition("AUTHORED", [plan, adj_side], stance)

    # -- intentions -----------------------------------------------------------------------------
    goal = next((t for t, l in zip(toks, lemmas) if l in ("paix", "fin", "arreter", "terminer")), None)
    intends = [t for t, l in zip(toks, lemmas) if l in cue_set("intend_verbs") or l == "volonte"]
    if goal is not None:
        intends = [t for t in intends if t.i < goal.i] or intends
    intend = intends[-1] if intends else None
    if intend is not None and (_has_phrase(text, cue_set("end_war")) or "paix" in lemma_set):
        subj = subject_of(intend) if intend.pos_ in ("VERB", "AUX") else None
        actor = None
        if subj is not None:
            a = ctx.actor_of(subj, sentence)
            actor = (a.side or _short(a.id)) if a else None
        if actor is None and intend.pos_ == "NOUN":  # "la volonté du Kremlin de …"
            for c in intend.subtree:
                if c.dep_ == "nmod" and c.i > intend.i:
                    actor = _actor_side(ctx, c, sentence)
                    if actor:
                        break
        if actor is None:
            actor = claimant_side or _side_in(toks) or "unknown"
        return Proposition("INTENDS", [actor, "end_war"], "denies" if negated_at(intend) and stance == "asserts" else stance)

    # -- evaluations of talks -------------------------------------------------------------------
    talks = bool(lemma_set & cue_set("talk_nouns") or text_set & cue_set("talk_nouns"))
    no_progress = _has_phrase(text, cue_set("no_progress_words"))
    productive = bool(text_set & cue_set("productive_words"))
    if no_progress and not talks:
        # "aucun compromis n'a été trouvé": about the talks the preceding sentences speak of
        talk_nouns = cue_set("talk_nouns")
        talks = any(fold(t.lemma_) in talk_nouns or fold(t.text) in talk_nouns
                    for s in ctx.sents[max(0, sentence - 2): sentence + 1] for t in s)
    if talks and (no_progress or productive):
        when = f"talks@{date[:7]}" if date else "talks"
        return Proposition("EVALUATES", [when, "no_progress" if no_progress else "productive"], stance)

    # -- characterisations: "présentée comme une opération spéciale", "dénoncée comme une invasion"
    comme = next((t for t, w in zip(toks, texts) if w == "comme" and t.dep_ == "case" and t.head.pos_ == "NOUN"), None)
    if comme is not None and cue is not None and fold(cue.lemma_) in cue_set("characterise_verbs"):
        thing = _characterised(cue)
        if thing is not None and thing.pos_ in ("NOUN", "PROPN"):
            return Proposition("CHARACTERISES", [fold(thing.lemma_), fold(comme.head.lemma_)], stance)

    # -- agreements -----------------------------------------------------------------------------
    found = _agreement(ctx, toks, claimant, sentence)
    if found is not None:
        agree_tok, parties, topic = found
        topic = topic or next((w for w in ("negociation", "rencontrer", "rencontre", "cessez-le-feu", "echange", "treve")
                               if w in lemma_set or w in text_set), None) or _hash(lemmas)
        # an agreement said not to exist ("il n'y a aucun accord sur …") is denied; a refusal to
        # agree ("n'a pas accepté", "n'est pas prêt à accepter") is asserted as such
        denied = agree_tok.pos_ in ("NOUN", "PROPN") and _no_such(agree_tok)
        if agree_tok.pos_ in ("VERB", "AUX"):  # "aucun accord n'a été conclu": the verb's agreement does not exist
            nouns = cue_set("agree_nouns")
            denied = any(c.dep_ in ("nsubj", "nsubj:pass", "obj") and fold(c.lemma_) in nouns and _no_such(c)
                         for c in agree_tok.children)
        return Proposition("AGREED", [parties, _TOPICS.get(topic, topic)],
                           "denies" if denied and stance in ("asserts", "confirms") else stance)

    return Proposition("SAYS", [_short(claimant.id if claimant else None), _content_hash(toks)], stance)


# one topic for the words of one thing agreed on
_TOPICS = {"treve": "ceasefire", "cessez-le-feu": "ceasefire", "truce": "ceasefire", "ceasefire": "ceasefire",
           "negociation": "talks", "negociations": "talks", "pourparlers": "talks", "discussion": "talks",
           "discussions": "talks", "rencontrer": "meeting", "rencontre": "meeting", "reunion": "meeting",
           "sommet": "meeting", "paix": "peace", "accord": "agreement", "entente": "agreement", "texte": "agreement"}


def _parties(ctx: ActorContext, heads: list[Token], sentence: int) -> list[str]:
    """Every actor named in the phrases headed by ``heads`` ("ni X ni Y", "X et Y", "entre X et Y")."""
    out: list[str] = []
    for h in heads:
        toks = list(h.subtree)
        roots = []
        for m in ctx.mentions_in(toks[0].idx, toks[-1].idx + len(toks[-1])):
            span = h.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                roots.append(span.root)
        for t in roots or conjuncts(h):
            actor = ctx.actor_of(t, sentence)
            if actor is None or actor.anonymous or not (actor.side or actor.id):
                continue  # "jeudi", "un responsable": nobody to name as a party
            side = _actor_side(ctx, t, sentence)
            acting = acting_entity(side) if side else None  # "l'Iran" the place and its government: one party
            side = acting[0] if acting else side
            if side and side not in out:
                out.append(side)
    return out


def _reported(verb: Token) -> bool:
    """An agreement verb that reports an agreement: finite, or the perfect infinitive the claimant
    says of itself ("ont annoncé avoir accepté"); not a participle describing a noun ("l'accord
    conclu à …"), an aim ("avant de signer", "prêt à être signé") or a subjunctive."""
    if verb.dep_ in ("acl", "amod"):
        return False
    if "Sub" in morph(verb, "Mood"):
        return False
    if "Inf" in morph(verb, "VerbForm"):
        return False
    aux = [c for c in verb.children if c.dep_.startswith("aux")]
    if any("Inf" in morph(a, "VerbForm") for a in aux):  # "avoir accepté"
        return verb.dep_ in ("xcomp", "ccomp") and not any(c.dep_ == "mark" for c in verb.children)
    return bool(aux) or "Fin" in morph(verb, "VerbForm")


_NO = frozenset({"aucun", "aucune", "nul", "nulle", "no"})
_NEG_ADV = frozenset({"ne", "n'", "pas", "jamais", "plus", "not", "never"})


def _no_such(noun: Token) -> bool:
    """"aucun accord", "pas d'accord", "il n'y a pas eu d'accord": the noun is said not to exist."""
    if any(c.dep_ == "det" and fold(c.text) in _NO for c in noun.children):
        return True
    doc = noun.doc
    before = [fold(doc[i].text) for i in range(max(sent_of(noun).start, noun.i - 3), noun.i)]
    if "pas" in before[-3:] and before and before[-1] in ("de", "d'", "d"):
        return True
    head = noun.head
    if noun.dep_ == "nsubj" and fold(head.lemma_) not in cue_set("agreement_existence_verbs"):
        return False  # "l'accord n'a rien à voir avec X": the agreement exists, something else is denied
    if noun.dep_ == "nsubj" and fold(head.lemma_) == "avoir" and any(
            c.dep_ in ("xcomp", "ccomp", "obj") for c in head.children):
        return False  # "n'a rien à voir", "n'a pas de sens": avoir + complement, not existence
    return noun.dep_ in ("obj", "nsubj", "nsubj:pass") and any(
        c.dep_ == "advmod" and fold(c.text) in _NEG_ADV for c in head.children)


def _agreement(ctx: ActorContext, toks: list[Token], claimant: Actor | None,
               sentence: int) -> tuple[Token, str, str | None] | None:
    """An agreement reported (or denied): (its word, the parties "a+b" sorted, its topic).

    Parties: the subject of an agreement verb (the claimant for an infinitive without subject:
    "ont annoncé avoir accepté la trêve"), or "entre X et Y" / "avec X" of an agreement noun;
    the topic: what is agreed on (the verb's object, the noun's "sur/de" complement)."""
    verbs, nouns = cue_set("agree_verbs"), cue_set("agree_nouns")
    lemmas = _lemmas(toks)
    tok = next((t for t, l in zip(toks, lemmas) if l in verbs and t.pos_ in ("VERB", "AUX") and _reported(t)), None)
    noun = next((t for t, l in zip(toks, lemmas) if l in nouns and t.pos_ in ("NOUN", "PROPN")), None)
    if tok is None and noun is None:
        return None
    topic = None
    if tok is not None:
        group = subject_group(tok)  # the subject as written: "qu'Israël et l'Iran avaient convenu"
        written = [tok.doc[i] for i in range(*group) if tok.doc[i].pos_ in ("NOUN", "PROPN", "PRON")] if group else []
        parties = _parties(ctx, [w for w in written if w.head.i not in range(*group)] or written, sentence) \
            if written else []
        subj = subject_of(tok)
        if not parties and subj is not None:
            parties = _parties(ctx, [subj], sentence)
        if not parties and claimant is not None and any(
                "Inf" in morph(t, "VerbForm") for t in [tok, *tok.children] if t.i == tok.i or t.dep_.startswith("aux")):
            parties = [claimant.side or _short(claimant.id)]  # "ont annoncé avoir accepté": the claimant
        obj = next((c for c in tok.children if c.dep_ in ("obj", "obl:arg", "xcomp", "nsubj:pass")
                    and c.pos_ in ("NOUN", "PROPN", "VERB")), None)
        if obj is not None:
            topic = fold(obj.lemma_)
        word = tok
    else:
        if not _no_such(noun):
            return None  # "un pas vers un accord": an agreement mentioned, not reported
        inside = [t for t in noun.subtree if t.i != noun.i]
        parties = _parties(ctx, [c for c in inside if c.dep_ in ("nmod", "obl:mod", "obl:arg") and any(
            fold(x.text) in ("entre", "avec", "between", "with") for x in c.children)], sentence)
        about = next((c for c in inside if c.dep_ in ("nmod", "obl:mod", "obl:arg") and any(
            fold(x.text) in ("sur", "de", "d'", "pour", "on") for x in c.children)), None)
        if about is None:  # "pas d'accord sur un cessez-le-feu" hung on the verb
            about = next((t for t in toks if t.i > noun.i and fold(t.lemma_) in _TOPICS and t.pos_ == "NOUN"), None)
        topic = fold(about.lemma_) if about is not None else fold(noun.lemma_)
        word = noun
    if not parties:  # "pas d'accord sur un cessez-le-feu entre l'Iran et Israël"
        parties = _parties(ctx, [t for t in toks if t.dep_ in ("nmod", "obl:mod", "obl:arg", "obl") and any(
            fold(x.text) in ("entre", "between") for x in t.children)], sentence)
    return word, "+".join(sorted(parties)) or "unknown", topic


def _hash(words: list[str]) -> str:
    return hashlib.sha1(" ".join(sorted(set(words))).encode("utf-8")).hexdigest()[:8]


def _content_hash(toks: list[Token]) -> str:
    pos = table(toks[0].doc).pos if toks else []
    words = [l for t, l in zip(toks, _lemmas(toks)) if pos[t.i] in ("NOUN", "PROPN", "VERB", "ADJ", "NUM")]
    return _hash(words or _texts(toks))
