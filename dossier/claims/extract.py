"""Claims: factual assertions attributed to a source, with their stance and proposition.

Sources of claims, per sentence:
- reporting verbs ("a déclaré que", "a démenti", "a confirmé", "met en doute") and incises
  ("…, a déclaré X"), with their subject (or passive agent) as claimant;
- claim nouns ("la thèse du Kremlin selon laquelle…", "sa revendication concernant…");
- source prepositions ("selon X", "d'après X");
- quotes written by ``dossier_quotes`` that none of the above covers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from dossier.claims.actors import Actor, ActorContext, agent_of, conjuncts, subject_of
from dossier.claims.clauses import accusation_content, nickname, relative_antecedent
from dossier.claims.lexicon import cue_set, cues, fold
from dossier.claims.propositions import Proposition, _short, normalise
from dossier.events import memo as events_memo
from dossier.events.filters import body_start
from dossier.models import Claim
from dossier.nlp import access
from dossier.nlp.tree import preorder, walk_up
from dossier.quotes.lexicon import NOT_SOURCE_NOUNS
from dossier.nlp.tokens import morph, sent_of, table

_VERBAL = ("VERB", "AUX", "ADJ")
_GAP_WORD = re.compile(r"\w+")
_QUOTE_CHARS = set("\"«»“”'‘’")
_STANCES = ("asserts", "denies", "questions", "confirms")
# what a token may open (``ClaimExtractor._token_kinds``), memoised per (pos, dep, orth, lemma)
_MAYBE_CUE, _MAYBE_PREP, _CLAIM_NOUN = 1, 2, 4
_KIND_CACHE: dict[tuple[str, str, str, str], int] = {}


@dataclass
class _Cue:
    tok: Token  # the verb
    stance: str
    content_from: Token  # the token whose children hold the content (the verb, or "savoir")


_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "AUX", "ADJ", "NUM", "PRON", "ADV"})


@lru_cache(maxsize=1)
def cue_forms() -> dict[str, str]:
    return {fold(k): fold(v) for k, v in (cues().get("forms") or {}).items()}


def _stance_of_lemma(lemma: str) -> str | None:
    for stance in _STANCES:
        if lemma in cue_set("reporting", stance):
            return stance
    return None


class _Lex:
    """The cue sets ``reporting_cue`` reads for every token, looked up once."""

    def __init__(self) -> None:
        self.forms = cue_forms()
        self.multi_asserts = cue_set("multiword", "asserts")
        self.multi_questions = cue_set("multiword", "questions")
        self.evidence_verbs = cue_set("evidence_verbs")
        self.evidence_nouns = cue_set("evidence_nouns")
        self.deny_when_claim_object = cue_set("deny_when_claim_object")
        self.claim_nouns = cue_set("claim_nouns")
        self.source_preps = cue_set("source_preps")
        # every lemma reporting_cue can accept: a stance lemma, an evidence or denial verb, or a
        # word of a multi-word cue ("faire" and "savoir" of "faire savoir"); others are no cue
        parts = set()
        for phrase in self.multi_asserts | self.multi_questions:
            cuts = [i for i, c in enumerate(phrase) if c == " "]
            parts.update(phrase[:i] for i in cuts)
            parts.update(phrase[i + 1:] for i in cuts)
        self.may_cue = frozenset(parts | self.evidence_verbs | self.deny_when_claim_object
                                 | frozenset().union(*(cue_set("reporting", s) for s in _STANCES)))


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    return _Lex()


def _negated(tok: Token) -> bool:
    neg = cue_set("negations")
    return any(c.dep_ == "advmod" and fold(c.text) in neg for c in tok.children)


def _claim_object(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ in ("obj", "obl:arg", "nsubj:pass") and fold(c.lemma_) in cue_set("claim_nouns"):
            return c
    return None


_CUES = "dossier.claims.cues"


def release(doc: Doc) -> None:
    """Drop what :func:`reporting_cue` kept on ``doc``."""
    doc.user_data.pop(_CUES, None)
    events_memo.release(doc)  # (what the events' helpers the claims call kept)


def reporting_cue(tok: Token) -> _Cue | None:
    """Is ``tok`` a reporting verb with a claim stance? ("déclarer", "démentir", "faire savoir").
    (Answered once per token of a Doc: a verb is asked again as the head or the clause of others;
    the answer reads the parse only, and its :class:`_Cue` is read, never changed.)"""
    found = tok.doc.user_data.get(_CUES)
    if found is None:
        found = tok.doc.user_data[_CUES] = {}
    if tok.i in found:
        return found[tok.i]
    cue = found[tok.i] = _reporting_cue(tok)
    return cue


def _reporting_cue(tok: Token) -> _Cue | None:
    lex = _lex()
    form = lex.forms.get(fold(tok.text))
    if form is not None:  # "dément", "conteste": forms the tagger takes for adjectives/nouns
        lemma = form
    elif tok.pos_ == "ADJ" and _qualifying_participle(tok):  # "des sites qualifiés de « militaires » par X"
        lemma = _verb_lemma(tok)
    elif tok.pos_ not in _VERBAL:
        return None
    else:
        lemma = fold(tok.lemma_)
    if lemma not in lex.may_cue:
        return None  # what follows accepts only these lemmas: skip the walks over the children
    # multi-word cues: "faire savoir", "mettre en doute", "remettre en question"
    multi_asserts, multi_questions = lex.multi_asserts, lex.multi_questions
    for c in tok.children:
        c_lemma = fold(c.lemma_)
        if f"{lemma} {c_lemma}" in multi_asserts:
            return _Cue(tok, "asserts", c)
        if f"{lemma} en {c_lemma}" in multi_questions and any(fold(x.text) == "en" for x in c.children):
            return _Cue(tok, "questions", tok)
    if lemma in ("faire", "laisser"):
        return None
    if lemma in lex.evidence_verbs:
        # "une vidéo montrant …": the one who published the video asserts what it shows
        if tok.dep_.startswith("acl") and fold(tok.head.lemma_) in lex.evidence_nouns:
            return _Cue(tok, "asserts", tok)
        # "les médias X ont révélé que …": a completive reports what its subject makes known
        if (any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children) and _following_que(tok) is not None
                and not _not_said(tok, "asserts")):
            return _Cue(tok, "asserts", tok)
        return None
    if lemma == "dire" and nickname(tok):
        return None  # "Mohamed Daglo, dit « Hemedti »": a nickname, not speech
    if _purpose_clause(tok):
        return None  # "pour que la presse puisse annoncer …": nobody said it (yet)
    if tok.pos_ == "VERB" and any(f"{fold(c.lemma_)} {lemma}" in multi_asserts for c in tok.children):
        return _Cue(tok, "asserts", tok)  # "a fait savoir" parsed with "savoir" as the head
    if lemma in lex.deny_when_claim_object:
        if _claim_object(tok) is not None or any(c.dep_ == "ccomp" for c in tok.children):
            return _Cue(tok, "denies", tok)
        return None
    stance = _stance_of_lemma(lemma)
    if stance is None:
        return None
    if _not_said(tok, stance):
        return None
    if stance == "questions" and _claim_object(tok) is not None:
        stance = "denies"  # "a contesté la revendication de…"
    if stance == "confirms" and _negated(tok):
        stance = "questions"
    return _Cue(tok, stance, tok)


def _qualifying_participle(tok: Token) -> bool:
    """A past participle the tagger reads as an adjective, with its agent: "des frappes qualifiées
    de « crimes » par X", "un plan présenté comme … par Y" (X, Y assert what it says)."""
    participle = (tok.pos_ == "ADJ" and fold(tok.lemma_).endswith("e")) or (
        tok.pos_ == "VERB" and "Part" in morph(tok, "VerbForm") and "Pres" not in morph(tok, "Tense"))
    return participle and tok.dep_ in ("amod", "acl") and _qualifier_agent(tok) is not None


def _verb_lemma(tok: Token) -> str:
    """The infinitive of a verb, also of a participle tagged as an adjective ("qualifié")."""
    lemma = fold(tok.lemma_)
    return lemma[:-1] + "er" if tok.pos_ == "ADJ" and lemma.endswith("e") else lemma


def _qualifier_agent(tok: Token) -> Token | None:
    """The "par X" of a qualifying participle, also when the parser hung it on the noun."""
    return agent_of(tok) or next((c for c in tok.head.children if c.i > tok.i and c.dep_ == "nmod" and any(
        fold(x.text) == "par" and x.dep_ == "case" for x in c.children)), None)


def _misparsed_relative(tok: Token) -> bool:
    """A relative clause the parser hung as a completive (", qui vise …" under the content's
    verb): it says something about a noun of the content, not what the speaker reported."""
    return tok.dep_ == "ccomp" and any(c.dep_ == "nsubj" and fold(c.text) == "qui" and c.i < tok.i
                                       and tok.doc[c.i - 1].text == "," for c in tok.children)


def _publisher(noun: Token) -> Token | None:
    """Who published the video / recordings: the agent of the noun or verb that governs it."""
    own = next((c for c in noun.children if c.dep_ in ("nmod", "obl:agent") and any(fold(x.text) == "par" for x in c.children)), None)
    if own is not None:
        return own  # "la publication par X de …"
    gov = noun.head
    for _ in range(2):
        if gov == noun:
            return None
        agent = agent_of(gov) if gov.pos_ in ("VERB", "AUX") else next(
            (c for c in gov.children if c.dep_ in ("nmod", "obl:agent") and any(fold(x.text) == "par" for x in c.children)), None)
        if agent is not None:
            return agent
        if gov.pos_ in ("VERB", "AUX"):
            return subject_of(gov)
        noun, gov = gov, gov.head
    return None


def _not_said(tok: Token, stance: str) -> bool:
    """Reporting verbs that report nothing: "n'a pas précisé", "sans expliquer", "il faut
    reconnaître que", "exige que Washington reconnaisse"."""
    if "Inf" in morph(tok, "VerbForm"):
        return True
    moods = set(morph(tok, "Mood"))
    for c in tok.children:
        if c.dep_.startswith("aux"):
            moods |= set(morph(c, "Mood"))
    if "Sub" in moods:
        return True
    return stance == "asserts" and _negated(tok)


def _purpose_clause(tok: Token) -> bool:
    """Is ``tok`` (or the modal verb it depends on) in a purpose clause ("afin que", "pour que")?"""
    cur = tok
    for _ in range(2):
        marks = {fold(c.text) for c in cur.children if c.dep_ == "mark"}
        if marks & {"afin", "pour"}:
            return True
        if cur.dep_ != "xcomp" or cur.head == cur:
            break
        cur = cur.head
    return False


def _content_heads(cue: _Cue) -> list[Token]:
    heads = []
    for c in cue.content_from.children:
        if c.dep_ in ("ccomp", "xcomp", "csubj") and c.i != cue.tok.i:
            heads.append(c)
            heads.extend(x for x in c.children if x.dep_ == "conj" and x.pos_ in _VERBAL
                         and any(fold(m.text) in ("que", "qu'") for m in x.children if m.dep_ == "mark"))
    return heads


def _clause(head: Token) -> bool:
    """A clause head: a verb, or a noun/adjective with a copula or a subject ("que la balle est
    dans leur camp")."""
    return head.pos_ in _VERBAL or any(c.dep_ in ("cop", "nsubj", "nsubj:pass") for c in head.children)


def _reporter_above(tok: Token) -> Token | None:
    """For a gerund hanging inside the content clause of a reporting verb, that verb's subject."""
    cur = tok
    for _ in range(4):
        if cur.head == cur:
            return None
        if cur.dep_ == "ccomp" and reporting_cue(cur.head) is not None:
            return subject_of(cur.head)
        cur = cur.head
    return None


def _subtree_without(head: Token, exclude: list[Token]) -> list[Token]:
    """``head``'s subtree without the subtrees of ``exclude``: one walk that does not enter an
    excluded token (the excluded subtrees nest, and listing each one made the cost cubic in the
    sentence length)."""
    banned = {x.i for x in exclude}
    if any(t.i in banned for t in walk_up(head)):
        return []
    keep = {t.i for t in preorder(head, lambda c: c.i not in banned)}
    return [t for t in head.subtree if t.i in keep]


def _following_que(tok: Token) -> Token | None:
    """"a déclaré (mardi) que": the "que" right after the verb (a time word may come between)."""
    doc = tok.doc
    for i in range(tok.i + 1, min(tok.i + 4, sent_of(tok).end)):
        t = doc[i]
        if fold(t.text) in ("que", "qu'"):
            return t
        if not (t.pos_ in ("ADV", "NOUN", "PROPN") and t.dep_ in ("obj", "obl:mod", "advmod", "obl", "xcomp", "nmod")) \
                and t.pos_ != "PUNCT":
            return None
    return None


def _after_comma(tok: Token) -> bool:
    i = tok.i - 1
    while i > sent_of(tok).start and (tok.doc[i].pos_ == "AUX" or tok.doc[i].dep_.startswith("aux")):
        i -= 1
    return i >= sent_of(tok).start and (tok.doc[i].text in {","} | _QUOTE_CHARS or i == sent_of(tok).start and tok.doc[i].pos_ == "AUX")


def _is_incise(tok: Token, subj: Token | None) -> bool:
    sent = sent_of(tok)
    tab = table(tok.doc)  # (a word before the cue other than an auxiliary: read from the lists)
    if not any(tab.dep[i] not in ("aux:tense", "aux:pass", "aux") and tab.pos[i] != "AUX"
               for i in range(sent.start, tok.i)):
        return False
    prev = tok.doc[max(sent.start, tok.i - 1)]
    while prev.i > sent.start and (prev.pos_ == "AUX" or prev.dep_.startswith("aux") or prev.dep_ == "advmod"):
        prev = tok.doc[prev.i - 1]
    inverted = subj is not None and subj.i > tok.i
    return (prev.text in {","} | _QUOTE_CHARS) and (inverted or subj is None or "-" in tok.text)


def _trim(toks: list[Token]) -> list[Token]:
    while toks and (toks[-1].is_punct or toks[-1].text in _QUOTE_CHARS):
        toks = toks[:-1]
    while toks and (toks[0].is_punct or toks[0].text in _QUOTE_CHARS or fold(toks[0].text) in ("que", "qu'")):
        toks = toks[1:]
    return toks


class ClaimExtractor:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.ctx = ActorContext(doc)
        self.sents = self.ctx.sents
        self.claims: list[Claim] = []
        self._seen: set[tuple] = set()
        self._speakers: dict[int, Actor] = {}  # id(claim) -> the actor (with its span in the text)

    # -- helpers --------------------------------------------------------------------------------
    def _date(self, sentence: int) -> tuple[str | None, str | None]:
        st = access.sentence_time(self.doc, sentence)
        if st is not None and st.value:
            return st.value, st.precision
        if self.doc._.published:
            return self.doc._.published, self.doc._.published_precision
        return None, None

    def _add(self, actor: Actor | None, stance: str, cue: str | None, content: list[Token],
             ev_start: int, ev_end: int, sentence: int, confidence: float,
             first_sentence: int | None = None, default_agent: str | None = None,
             cue_tok: Token | None = None) -> Claim | None:
        content = _trim(content)
        if actor is None or not content:
            return None
        sent = self.sents[sentence]
        first = self.sents[first_sentence if first_sentence is not None else sentence]
        ev_start = max(ev_start, first.start_char)
        ev_end = min(ev_end, sent.end_char)
        # the evidence stays inside the paragraph (line) of the cue: never across page furniture
        anchor = cue_tok.idx if cue_tok is not None else max(ev_start, min(ev_end - 1, sent.start_char))
        par_start, par_end = self._paragraph(anchor)
        ev_start, ev_end = max(ev_start, par_start), min(ev_end, par_end)
        content = [t for t in content if par_start <= t.idx < par_end]
        content = _trim(content)
        if not content or all(t.is_punct or t.is_space for t in content):
            return None
        if actor.start is not None and not (par_start <= actor.start < par_end) and actor.resolved_by != "pronoun":
            return None  # a subject found in another paragraph: a parse that ran across the break
        while ev_end > ev_start and self.ctx.text[ev_end - 1] in " \n\t":
            ev_end -= 1
        if ev_end <= ev_start:
            return None
        date, precision = self._date(sentence)
        prop = normalise(self.ctx, content, actor, stance, sentence, date, default_agent, cue_tok)
        key = (actor.id, actor.name, ev_start, ev_end, prop.key)
        if key in self._seen:
            return None
        self._seen.add(key)
        if actor.resolved_by == "pronoun":
            confidence -= 0.15
        claim = Claim(
            start=ev_start, end=ev_end, text=self.ctx.text[ev_start:ev_end],
            predicate=prop.predicate, arguments=prop.arguments, proposition=prop.key,
            claimant_id=actor.id if not actor.anonymous else None,
            claimant_name=actor.name, stance=prop.stance, anonymous=actor.anonymous,
            affiliation=actor.side, cue=cue, date=date, date_precision=precision,
            sentence=sentence, confidence=round(confidence, 2),
        )
        self.claims.append(claim)
        self._speakers[id(claim)] = actor
        return claim

    def _paragraph(self, char: int) -> tuple[int, int]:
        """[start, end) of the line holding ``char`` (articles separate paragraphs by line breaks)."""
        text = self.ctx.text
        start = text.rfind("\n", 0, char) + 1
        end = text.find("\n", char)
        return start, len(text) if end < 0 else end

    def _actors(self, head: Token | None, sentence: int, stop: int | None = None) -> list[Actor]:
        if head is None:
            return []
        out = []
        for t in conjuncts(head):
            a = self.ctx.actor_of(t, sentence, stop)
            if a is not None:
                out.append(a)
        return out

    # -- sources of claims ----------------------------------------------------------------------
    def from_verb(self, cue: _Cue, sentence: int) -> None:
        tok = cue.tok
        gerund = "Pres" in morph(tok, "Tense") and "Part" in morph(tok, "VerbForm") or fold(tok.text).endswith("ant")
        qualifying = _qualifying_participle(tok)
        passive = not gerund and (qualifying or any(c.dep_ == "aux:pass" for c in tok.children) or (
            "Part" in morph(tok, "VerbForm") and not any(c.dep_ == "aux:tense" for c in tok.children)))
        subj = (_qualifier_agent(tok) if qualifying else agent_of(tok)) if passive else None
        if subj is None and not gerund and _after_comma(tok) and not any(c.dep_.startswith("nsubj") for c in tok.children):
            # incise: ", a déclaré mercredi le ministre X" (the parser may call the speaker obj)
            subj = next((c for c in tok.children if c.i > tok.i and c.dep_ in ("nsubj", "nsubj:pass", "obj")
                         and c.pos_ in ("NOUN", "PROPN", "PRON")), None)
        if subj is None:
            helper = next((c for c in tok.children if c.dep_ in ("dep", "aux:caus") and fold(c.lemma_) == "faire"), None)
            if helper is not None:
                subj = next((c for c in helper.children if c.dep_.startswith("nsubj")), None)
        if subj is None and gerund:
            subj = _reporter_above(tok)  # "X a affirmé que …, tout en accusant Y": X accuses
        subj = subj or subject_of(tok)
        if subj is not None and fold(subj.lemma_) in cue_set("evidence_nouns"):
            subj = _publisher(subj) or subj  # "la publication par X d'enregistrements qui prouveraient"
        # "A et B ont affirmé que": one claim per claimant (each of them asserts it)
        actors = self._actors(subj, sentence, tok.i)
        cue_text = tok.text
        heads = _content_heads(cue)
        contents: list[list[Token]] = []
        first_sentence = sentence  # an incise cut off from its content reaches back one sentence
        nominal = _claim_object(tok)
        accused = accusation_content(tok)
        if any(_clause(h) for h in heads):
            heads = [h for h in heads if _clause(h)]  # "a affirmé lundi que …": "lundi" is no content
        elif heads and _following_que(tok) is not None:
            heads = []  # "a annoncé qu'Israël et l'Iran avaient …" parsed with the subject as the clause
        if accused is not None:
            contents.append(accused)  # "accuse X d'avoir …": X and what X is said to have done
        elif heads:
            for h in heads:
                nested = [x for x in h.subtree if x != h and (x.dep_ in ("acl", "advcl", "conj", "parataxis")
                          and reporting_cue(x) is not None or _misparsed_relative(x))]
                toks = _subtree_without(h, [x for x in heads if x != h and x.head == h] + nested)
                contents.append(sorted(toks, key=lambda t: t.i))
        elif (que := _following_que(tok)) is not None:
            # the parser missed the completive: take what follows "que" in the verb's subtree
            nested = [x for x in tok.subtree if x.i > que.i and x.dep_ in ("acl", "advcl", "conj", "parataxis")
                      and reporting_cue(x) is not None]
            banned = {t.i for x in nested for t in x.subtree}
            after = [t for t in tok.subtree if t.i > que.i and t.i not in banned]
            if not after:  # the verb is not even the head of its clause: take the rest of the sentence
                after = [t for t in self.sents[sentence] if t.i > que.i]
            contents.append(after)
        elif _is_incise(tok, subj):
            sent = self.sents[sentence]
            before = [t for t in sent if t.i < tok.i and not (t.head == tok and t.dep_.startswith("aux"))]
            if sentence > 0 and all(t.is_punct or t.pos_ in ("AUX", "SPACE") for t in before):
                # the segmenter cut before the incise: the content is the previous sentence
                first_sentence = sentence - 1
                before = list(self.sents[sentence - 1])
            contents.append(before)
        elif (rel := relative_antecedent(tok)) is not None:
            # "…, ce que X a démenti": the content is the clause before "ce que"
            ce, antecedent = rel
            contents.append(antecedent)
            subj_span = None
            denied = self._claim_over(antecedent, tok)
            for actor in actors:
                claim = self._add(actor, cue.stance, cue_text, antecedent, ce.idx, tok.idx + len(tok), sentence,
                                  0.7 if actor.resolved_by == "mention" else 0.5, self.ctx.sentence_index(ce.idx), None, tok)
                _link(claim, denied)
            return
        elif cue.stance != "asserts" and (previous := self._pronoun_object_claim(tok, sentence)) is not None:
            # "Kiev le conteste", "Moscou l'a démenti": the statement reported just before
            prev_toks = [t for t in self.doc.char_span(previous.start, previous.end, alignment_mode="expand") or []]
            stance = "denies" if cue.stance == "questions" else cue.stance
            start = subj_span_start if (subj_span_start := (self.ctx.phrase_tokens(subj)[0].idx if subj is not None and subj.i < tok.i else None)) is not None else tok.idx
            for actor in actors:
                if actor.id and actor.id == previous.claimant_id:
                    continue
                claim = self._add(actor, stance, cue_text, prev_toks, start, tok.idx + len(tok), sentence,
                                  0.6 if actor.resolved_by == "mention" else 0.45, None, None, tok)
                _link(claim, previous)
            return
        else:
            if cue.stance == "asserts" and _verb_lemma(tok) not in cue_set("nominal_content"):
                return
            objs = [c for c in tok.children if c != subj and (c.dep_ in ("obj", "obl:arg", "xcomp", "obl") or (
                c.dep_.startswith("obl") and any(fold(x.text) == "comme" for x in c.children)))]
            if qualifying and not objs:  # "de « X »" hung on the noun, between the participle and its agent
                objs = [c for c in tok.head.children if tok.i < c.i < subj.i and c.dep_ in ("nmod", "obl:mod")]
            if not objs and cue.stance == "asserts":
                return
            toks = [tok.head] if qualifying else []  # what is qualified, and how
            for o in objs:
                toks.extend(o.subtree)
            contents.append(sorted(toks, key=lambda t: t.i))
        owner_side = None
        owned: Claim | None = None
        if nominal is not None:
            before = len(self.claims)
            owners = self.from_claim_noun(nominal, sentence, contents[0] if contents else None)
            owner_side = next((a.side for a in owners if a.side), None)
            owned = self.claims[before] if len(self.claims) > before else None  # "les affirmations de Y selon lesquelles …"
        subj_span = None
        if subj is not None and (subj.head == tok or agent_of(tok) == subj or qualifying):
            phrase = self.ctx.phrase_tokens(subj)
            subj_span = (phrase[0].idx, phrase[-1].idx + len(phrase[-1]))
        for n, content in enumerate(contents):
            content = _trim(content)
            if not content:
                continue
            if nominal is not None and any(t.i > nominal.i for t in nominal.subtree):
                # deny "the claim of X that …": the content is the noun's clause
                owner_toks = {x.i for c in nominal.children if c.dep_ == "nmod" and c.i < (nominal.i + 4) for x in c.subtree}
                content = [t for t in nominal.subtree if t.i not in owner_toks]
            c_start, c_end = content[0].idx, content[-1].idx + len(content[-1])
            starts, ends = [c_start, tok.idx], [c_end, tok.idx + len(tok)]
            if subj_span and n == 0:
                starts.append(subj_span[0])
                ends.append(subj_span[1])
            if n > 0:
                starts, ends = [c_start], [c_end]
            for actor in actors:
                claim = self._add(actor, cue.stance, cue_text, content, min(starts), max(ends), sentence,
                                  0.7 if actor.resolved_by == "mention" else 0.5, first_sentence, owner_side, tok)
                _link(claim, owned)

    def from_claim_noun(self, noun: Token, sentence: int, hint: list[Token] | None = None) -> list[Actor]:
        """"la thèse de X selon laquelle …" -> X asserts …; returns the owners. The owner is the
        first "de X" (or adjective) naming an actor: in "l'annonce du cessez-le-feu" the ceasefire
        is what was announced, not who announced it. The content needs a word of its own beyond
        the noun's article, preposition and punctuation: "à l'annonce de X" only refers to a
        statement, it reports none; nor does a claim noun under a preposition without a clause of its
        own ("à l'annonce du cessez-le-feu de X", "malgré la déclaration de X"): a circumstance."""
        owner, actors = None, []
        for c in noun.children:
            if c.dep_ in ("nmod", "amod") and (any(fold(x.text) in ("de", "du", "des", "d'") for x in c.children if x.dep_ == "case") or c.dep_ == "amod"):
                found = [a for a in self._actors(c, sentence) if a.id or a.anonymous]
                if found:
                    owner, actors = c, found
                    break
        if owner is None:
            return []
        function = {c.i for c in noun.children if c.dep_ in ("case", "det", "punct", "cc", "mark")}
        content = [t for t in noun.subtree if t.i not in {x.i for x in owner.subtree}]
        content = [t for t in content if t.i != noun.i and t.i not in function]
        if not content and hint:
            content = [t for t in hint if t.i > noun.i]  # the parser hung the clause on the verb
        if not any(t.pos_ in _CONTENT_POS for t in content):
            return actors
        if any(c.dep_ == "case" for c in noun.children) and not any(t.pos_ in ("VERB", "AUX") for t in content):
            return actors  # "à l'annonce du cessez-le-feu par X", "malgré la déclaration de X": a circumstance
        start = min(t.idx for t in noun.subtree)
        end = max([t.idx + len(t) for t in noun.subtree] + [content[-1].idx + len(content[-1])])
        for actor in actors:
            self._add(actor, "asserts", noun.text, content, start, end, sentence, 0.5)
        return actors

    def from_source_prep(self, tok: Token, sentence: int) -> None:
        """"…, selon X." -> X asserts the clause."""
        source = tok.head
        if source == tok or fold(source.text) in ("laquelle", "lequel", "lesquelles", "lesquels"):
            return
        if source.pos_ == "NOUN" and source.lower_ in NOT_SOURCE_NOUNS:
            return  # "selon les modalités prévues": a manner, not a source
        clause = source.head if source.head != source else source
        if clause.pos_ not in _VERBAL and clause.head != clause:
            clause = clause.head
        cited = next((c for c in source.children if fold(c.lemma_) == "citer"), None)
        cited_obj = next((c for c in cited.children if c.dep_ == "obj"), None) if cited is not None else None
        actors = self._actors(cited_obj if cited_obj is not None else source, sentence)
        content = _subtree_without(clause, [source]) if clause != source else []
        content = sorted(content, key=lambda t: t.i)
        if not content:
            sent = self.sents[sentence]
            content = [t for t in sent if t.i not in {x.i for x in source.subtree} and t.i != tok.i]
        if not content and source.head == source:
            # the parser made the source the root: the clause is what precedes "selon"
            content = [t for t in self.sents[sentence] if t.i < tok.i]
            if not [t for t in content if not t.is_punct]:
                content = []
        ends = [content[-1].idx + len(content[-1]) if content else tok.idx, source.idx + len(source)]
        starts = [content[0].idx if content else tok.idx, tok.idx]
        for actor in actors:
            self._add(actor, "asserts", tok.text, content, min(starts), max(ends), sentence, 0.6)

    def from_quotes(self) -> None:
        starts = self.ctx.sent_starts
        for q in self.doc._.quotes or []:
            overlapping = [c for c in self.claims if c.start < q.end and q.start < c.end]
            if overlapping:
                for c in overlapping:
                    if c.claimant_id is None and not c.anonymous and q.speaker_id:
                        c.claimant_id, c.claimant_name = q.speaker_id, q.speaker_name
                    elif (q.speaker_id and c.claimant_id != q.speaker_id and c.claimant_id not in (q.co_speakers or [])
                          and (_same_cue(c, q) or self._said_in_first_person(c, q))):
                        # one statement, one speaker: the quotes' resolution (pronouns, roles,
                        # incises after the quote) is the one that reads the whole passage; "je
                        # pense que …" inside a quotation is its speaker's
                        _reclaim(c, q.speaker_id, q.speaker_name)
                continue
            span = self.doc.char_span(q.start, q.end, alignment_mode="expand")
            if span is None or (not q.speaker_id and not q.anonymous):
                continue
            sentence = q.sentence if q.sentence is not None else access.sentence_index(self.doc, q.start, starts)
            same = self._same_statement(q, sentence) if q.kind == "direct" else None
            if same is not None:
                # a fragment of a statement already claimed ("a jugé que … « si … »"): one claim
                same.start, same.end = min(same.start, q.start), max(same.end, q.end)
                same.text = self.ctx.text[same.start:same.end]
                continue
            from dossier.claims.actors import side_of_text

            actor = Actor(q.speaker_id, q.speaker_name or q.speaker_text or "", None, q.anonymous, None)
            actor.side = side_of_text(q.affiliation or "") or side_of_text((q.speaker_id or "") + " " + (q.speaker_name or ""))
            stance = "asserts"
            cue = fold(q.cue or "")
            for word, s in (("dement", "denies"), ("nie", "denies"), ("rejet", "denies"), ("refut", "denies"),
                            ("confirm", "confirms"), ("doute", "questions"), ("contest", "questions")):
                if word in cue:
                    stance = s
            self._add(actor, stance, q.cue, list(span), q.start, q.end, sentence, q.confidence)

    def _said_in_first_person(self, claim: Claim, quote) -> bool:
        """The claim's cue is a verb inside the quotation ``quote`` (a direct one) whose subject
        is "je" or "nous": the quotation's speaker talking."""
        if quote.kind != "direct" or not claim.cue:
            return False
        span = self.doc.char_span(quote.start, quote.end, alignment_mode="expand")
        first = fold(claim.cue.split()[0])
        return span is not None and any(
            fold(t.text) == first and t.idx >= claim.start - len(t.text) - 40 and any(
                c.dep_.startswith("nsubj") and fold(c.text) in ("je", "j'", "j’", "nous") for c in t.children)
            for t in span)

    def _pronoun_object_claim(self, tok: Token, sentence: int) -> Claim | None:
        """The claim a clitic object refers to ("le conteste", "l'a démenti"): the latest claim of
        this sentence or the one before, made by someone else; None without such a clitic."""
        doc = self.doc
        i = tok.i - 1
        while i > sent_of(tok).start and (doc[i].pos_ == "AUX" or doc[i].dep_.startswith("aux") or fold(doc[i].text) in ("ne", "n'")):
            i -= 1
        if i < 0 or fold(doc[i].text) not in ("le", "l'") or any(c.dep_ in ("obj", "ccomp") and c.i > tok.i for c in tok.children):
            return None
        earlier = [c for c in self.claims if c.sentence is not None and sentence - 1 <= c.sentence <= sentence
                   and c.end <= doc[i].idx]
        return earlier[-1] if earlier else None

    def _claim_over(self, toks: list[Token], cue: Token) -> Claim | None:
        """The latest claim made by someone before ``cue`` whose evidence covers ``toks`` ("…,
        ce que X a démenti": the claim of that clause)."""
        if not toks:
            return None
        lo, hi = toks[0].idx, toks[-1].idx + len(toks[-1])
        found = [c for c in self.claims if c.start < hi and lo < c.end and c.start < cue.idx]
        return found[-1] if found else None

    def _same_statement(self, q, sentence: int) -> Claim | None:
        """The claim of the same speaker in the quote's sentence and paragraph, if any."""
        par = self._paragraph(q.start)
        text = self.ctx.text
        for c in self.claims:
            if c.sentence != sentence or not (par[0] <= c.start < par[1]):
                continue
            gap = text[c.end:q.start] if c.end <= q.start else text[q.end:c.start] if q.end <= c.start else ""
            if len(_GAP_WORD.findall(gap)) > 3 or any(ch in gap for ch in ".;!?:"):
                continue  # not the continuation of that claim
            if q.speaker_id and c.claimant_id == q.speaker_id:
                return c
            if q.anonymous and c.anonymous and (c.claimant_name or "") == (q.speaker_name or q.speaker_text or ""):
                return c
        return None

    def _token_kinds(self) -> list[int]:
        """Per token, the sources of claims it may open (bits; 0 = none), read from the token
        table's lists with one lexicon look-up per distinct (pos, dep, form, lemma), not per token."""
        lex = _lex()
        cache = _KIND_CACHE
        tab = table(self.doc)
        kinds = []
        # (the table's lemma is lower-cased: fold() lower-cases anyway)
        for key in zip(tab.pos, tab.dep, tab.text, tab.lemma):
            kind = cache.get(key)
            if kind is None:
                pos_, dep_, orth, lemma = key
                text = fold(orth)
                kind = 0
                if text in lex.forms or pos_ in _VERBAL or (
                        pos_ == "ADJ" and dep_ in ("amod", "acl") and fold(lemma).endswith("e")):
                    # reporting_cue's own first test, where the token alone decides it: the lemma
                    # it reads (a listed form's, else a verb's) must be one it may accept
                    form = lex.forms.get(text)
                    if form is not None:
                        may = form in lex.may_cue
                    elif pos_ == "ADJ":
                        may = True  # a qualifying participle: its parse decides
                    elif pos_ not in _VERBAL:
                        may = False
                    else:
                        may = fold(lemma) in lex.may_cue
                    if may:
                        kind |= _MAYBE_CUE
                if dep_ == "case" and (text in lex.source_preps or text == "d'"):
                    kind |= _MAYBE_PREP
                if pos_ == "NOUN" and fold(lemma) in lex.claim_nouns:
                    kind |= _CLAIM_NOUN
                if len(cache) >= 100_000:
                    cache.clear()
                cache[key] = kind
            kinds.append(kind)
        return kinds

    def run(self) -> list[Claim]:
        lex = _lex()
        preps, deny_when_claim_object = lex.source_preps, lex.deny_when_claim_object
        doc = self.doc
        kinds = self._token_kinds()
        for si, sent in enumerate(self.sents):
            before = len(self.claims)
            for i in range(sent.start, sent.end):
                kind = kinds[i]
                if not kind:
                    continue
                tok = doc[i]
                if kind & _MAYBE_CUE:
                    cue = reporting_cue(tok)
                    if cue is not None:
                        self.from_verb(cue, si)
                        continue
                if kind & _MAYBE_PREP and (fold(tok.text) in preps or any(
                        fold(c.text) == "apres" for c in tok.children)):  # "selon X", "d'après X"
                    self.from_source_prep(tok, si)
                elif kind & _CLAIM_NOUN:
                    head = tok.head
                    if head.pos_ not in _VERBAL:
                        self.from_claim_noun(tok, si)
                    elif fold(head.lemma_) not in deny_when_claim_object and reporting_cue(head) is None:
                        self.from_claim_noun(tok, si)
            for c in self.claims[before:]:
                if c.claimant_id and not c.anonymous:
                    self.ctx.remember(si, self._speakers.get(id(c)) or Actor(c.claimant_id, c.claimant_name or "", c.affiliation))
        self.from_quotes()
        for c in self.claims:  # a denial the text does not tie to a claim denies its own proposition
            if c.stance in ("denies", "questions") and c.denies is None:
                c.denies = _asserted_like(c, self.claims) or c.proposition
        self.claims.sort(key=lambda c: (c.start, c.end))
        return _without_told_again(self.claims, body_start(access.doc_text(doc)))


def _without_told_again(claims: list[Claim], body: int) -> list[Claim]:
    """The claims less those of the opening lines (headline, subtitle: before ``body``, see
    :func:`dossier.events.filters.body_start`) that the body makes again, the same proposition
    with the same stance: the headline sums up the report, the body's sentence is the claim's
    evidence. A claim only the headline makes stays."""
    told = {(c.proposition, c.stance) for c in claims if c.start >= body}
    return [c for c in claims if c.start >= body or (c.proposition, c.stance) not in told]


def _reclaim(claim: Claim, claimant_id: str, claimant_name: str | None) -> None:
    """Give ``claim`` another claimant; a free-text claim (``SAYS(claimant,content)``) is keyed by
    its claimant, so its key follows."""
    if claim.predicate == "SAYS" and claim.arguments and claim.arguments[0] == _short(claim.claimant_id):
        own = claim.denies == claim.proposition
        claim.arguments = [_short(claimant_id), *claim.arguments[1:]]
        claim.proposition = Proposition(claim.predicate, claim.arguments, claim.stance).key
        if own:
            claim.denies = claim.proposition
    claim.claimant_id, claim.claimant_name, claim.anonymous = claimant_id, claimant_name, False


def _same_cue(claim: Claim, quote) -> bool:
    """A claim and a quote introduced by the same reporting verb ("a-t-il ajouté")."""
    a, b = fold(claim.cue or ""), fold(quote.cue or "")
    return bool(a and b) and (a == b or a in b.split() or b in a.split())


def _compatible(partial: list[str], full: list[str]) -> bool:
    """Arguments agree where both are known: "unknown" stands for any, and a group of parties
    ("a+b") contains the parties a denial names ("a")."""
    return len(partial) == len(full) and all(
        a == b or a == "unknown" or b == "unknown" or set(a.split("+")) <= set(b.split("+"))
        for a, b in zip(partial, full))


def _asserted_like(denial: Claim, claims: list[Claim]) -> str | None:
    """The proposition of the article's latest assertion the denial contradicts: same predicate,
    arguments that agree where the denial names them (a truce said to exist nowhere, after "X
    et Y ont convenu d'une trêve")."""
    if denial.predicate == "SAYS":
        return None
    found = [c for c in claims if c.predicate == denial.predicate and c.stance in ("asserts", "confirms")
             and c.claimant_id != denial.claimant_id and _compatible(denial.arguments, c.arguments)
             and c.start < denial.start]
    return found[-1].proposition if found else None


def _link(denial: Claim | None, denied: Claim | None) -> None:
    """Tie a denial (or doubt) to the claim the text says it contradicts: it denies that very
    proposition ("Moscou a annoncé la prise de X, ce que Kiev a démenti")."""
    if denial is not None and denied is not None and denial.stance in ("denies", "questions") \
            and denied.stance in ("asserts", "confirms") and denied != denial:
        denial.denies = denied.proposition
        if denied.predicate != "SAYS":  # a free-text content stays the denier's own words
            denial.predicate, denial.arguments = denied.predicate, list(denied.arguments)
            denial.proposition = denied.proposition


def extract_claims(doc: Doc) -> list[Claim]:
    return ClaimExtractor(doc).run()
