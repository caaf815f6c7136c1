"""Who is speaking / acting: from a syntactic subject (or agent, or source) to an actor.

An actor is a canonical entity id when a mention covers the phrase (``dossier_entities`` ids, or
the bare-NER ``local:`` ids), else an institutional fallback (``local:<side>_<institution>``), else
an anonymous source with the side it belongs to as affiliation.

Claimants go through the same speaker resolution as quotes (:mod:`dossier.quotes.speakers`): a
phrase that cannot speak names no claimant, a document speaks for its issuer, and demonstratives
and "côté X" resolve alike. (An outlet stays a claimant: it asserts what it reports.)
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from dossier.claims.lexicon import cue_set, fold, side_words, sides
from dossier.claims.sides import entity_side, generated_side_words, state_named_in
from dossier.events.memo import char_span, within
from dossier.models import Mention
from dossier.nlp import access
from dossier.nlp.tree import preorder
from dossier.nlp.tokens import morph, sent_of, table

PRONOUNS = frozenset({"il", "elle", "ils", "elles", "lui", "eux", "celui-ci", "celle-ci", "he", "she", "they"})
_RELATIVE_DEPS = ("acl:relcl", "acl", "parataxis", "punct")
_WORD = re.compile(r"[a-z0-9][a-z0-9-]*")
_CLITIC_OBJECTS = frozenset({"le", "la", "l'", "les", "lui", "leur"})  # "Kiev le conteste"
_INDEFINITE = frozenset({"un", "une", "des", "certains", "certaines", "plusieurs", "a", "some"})
# heads of phrases the parser may take for a subject that name nobody ("pour sa part", "de son côté")
_NOT_SPEAKERS = frozenset({"part", "cote", "fois", "suite", "moment", "temps", "fait", "lieu", "cas", "jour"})


@dataclass
class Actor:
    id: str | None
    name: str
    side: str | None = None
    anonymous: bool = False
    type: str | None = None  # person | organization | place | group | None
    start: int | None = None  # char span of the phrase naming it
    end: int | None = None
    resolved_by: str = "mention"  # mention | institution | anonymous | phrase | pronoun


def side_of_text(text: str, generated: bool = True) -> str | None:
    """The side the words of ``text`` name: the hand-written side words first (data/sides.yaml),
    then, with ``generated``, the words of every state's names, adjectives and capital."""
    found = _side_in_words(text, side_words())
    if found is None and generated:
        found = state_named_in(text) or _side_in_words(text, generated_side_words())
    return found


def _side_in_words(text: str, words: dict[str, str]) -> str | None:
    for w in _WORD.findall(fold(text).replace("_", " ")):
        if w in words:
            return words[w]
        # compound words: "russo-americain" -> first part
        head = w.split("-")[0]
        if head in words:
            return words[head]
    return None


class ActorContext:
    """Per-document view of mentions and entities used to resolve actors."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = access.doc_text(doc)  # Doc.text re-joins every token on each access
        self.sents: list[Span] = list(table(doc).sents)  # shared: doc.sents walks the whole doc
        self.sent_starts: list[int] = [s.start_char for s in self.sents]
        self.mentions: list[Mention] = access.mentions(doc)
        self.entities = dict(doc._.entities or {})
        self.by_token: dict[int, Mention] = {}
        for m in self.mentions:
            span = char_span(doc, m.start, m.end)  # (token bounds, kept for the other readers of the names)
            if span is None:
                continue
            for i in range(span[0], span[1]):
                prev = self.by_token.get(i)
                if prev is None or (m.end - m.start) < (prev.end - prev.start):
                    self.by_token[i] = m  # the innermost mention
        self.recent: list[tuple[int, Actor]] = []  # (sentence index, actor) of earlier speakers
        inst = sides().get("institutions") or {}
        self.institutions = {fold(w): key for key, words in inst.items() for w in words}
        # the institutions of several words, longest first, each with its words but "de, la,
        # des, du" (``actor_of`` looks for all of them in a phrase)
        self._institution_words = [
            (set(_WORD.findall(words)) - {"de", "la", "des", "du"}, key)
            for words, key in sorted(self.institutions.items(), key=lambda kv: -len(kv[0])) if " " in words]
        self.anonymous_heads = frozenset(fold(w) for w in sides().get("anonymous_heads") or [])
        self._speakers = None

    # -- sides -----------------------------------------------------------------------------
    def side_of_mention(self, m: Mention) -> str | None:
        info = self.entities.get(m.entity_id)
        for value in (getattr(info, "affiliation", None), getattr(info, "country", None)):
            if value:
                side = side_of_text(str(value))
                if side:
                    return side
        hand = (side_of_text(m.entity_id.replace("local:", ""), generated=False) or side_of_text(m.entity_name, generated=False)
                or side_of_text(m.text, generated=False))
        if hand:
            return hand
        known = entity_side(m.entity_id)
        if known or m.entity_type == "person":  # a person's name is no country's word ("Dominique")
            return known
        return side_of_text(m.entity_name) or side_of_text(m.text)

    # -- mentions --------------------------------------------------------------------------
    def mention_at(self, tok: Token) -> Mention | None:
        return self.by_token.get(tok.i)

    def is_place(self, m: Mention) -> bool:
        return m.entity_type == "place" or m.label in ("LOC", "GPE")

    def sentence_index(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, char) - 1)

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Mentions lying inside [start, end), in document order (``access.mentions_in``)."""
        return within(self.doc, self.mentions, start, end)

    def place_mentions(self, start: int, end: int) -> list[Mention]:
        """Place mentions in [start, end) that are not the name of a side (a country/capital)."""
        return [m for m in self.mentions_in(start, end) if self.is_place(m) and not self._is_side_name(m)]

    def _is_side_name(self, m: Mention) -> bool:
        words = _WORD.findall(fold(m.text))
        return bool(words) and all(w in side_words() for w in words[-1:]) and len(words) <= 2

    def last_place_before(self, char: int, sentences_back: int = 3) -> Mention | None:
        sent_i = self.sentence_index(char)
        first = self.sent_starts[max(0, sent_i - sentences_back)]
        found = self.place_mentions(first, char)
        return found[-1] if found else None

    # -- actors ----------------------------------------------------------------------------
    def _actor_from_mention(self, m: Mention) -> Actor:
        return Actor(m.entity_id, m.entity_name, self.side_of_mention(m), False, m.entity_type, m.start, m.end)

    def remember(self, sentence: int, actor: Actor | None) -> None:
        if actor and actor.id and actor.resolved_by != "pronoun":
            self.recent.append((sentence, actor))

    def antecedent(self, sentence: int, max_back: int = 3, before: Token | None = None) -> Actor | None:
        """The subject of an earlier clause of the same sentence, else the latest speaker of the
        previous sentences, else the last person named (pronoun resolution)."""
        if before is not None:
            for t in reversed(list(sent_of(before))[: before.i - sent_of(before).start]):
                if t.dep_ in ("nsubj", "nsubj:pass") and t.pos_ in ("NOUN", "PROPN"):
                    m = self.mention_at(t) or next(
                        (self.mention_at(c) for c in t.children if c.dep_ in ("flat:name", "appos") and self.mention_at(c)), None)
                    if m is not None and not self.is_place(m):
                        a = self._actor_from_mention(m)
                        a.resolved_by = "pronoun"
                        return a
        for sent_i, actor in reversed(self.recent):
            if 0 < sentence - sent_i <= max_back or (sent_i == sentence and before is None):
                return Actor(actor.id, actor.name, actor.side, actor.anonymous, actor.type, None, None, "pronoun")
        # else the last person mention before the sentence
        start = self.sent_starts[max(0, sentence - max_back)]
        end = self.sent_starts[sentence]
        people = [m for m in self.mentions_in(start, end) if m.entity_type == "person" or m.label == "PER"]
        if people:
            a = self._actor_from_mention(people[-1])
            a.resolved_by = "pronoun"
            return a
        return None

    def described(self, noun: Token, sentences_back: int = 5) -> Actor | None:
        """The person last introduced with this title ("Iouri Ouchakov, conseiller du …" … "le
        conseiller"): a recent speaker so titled, else the latest person mention so titled."""
        lemma = fold(noun.lemma_)
        sent_i = self.sentence_index(noun.idx)
        for s_i, actor in reversed(self.recent):
            if sent_i - s_i > 2 or actor.start is None:
                continue
            span = self.doc.char_span(actor.start, actor.end, alignment_mode="expand")
            if span is not None and span.start < noun.i and _titled(span, lemma, noun):
                return Actor(actor.id, actor.name, actor.side, actor.anonymous, actor.type, None, None, "pronoun")
        first = self.sent_starts[max(0, sent_i - sentences_back)]
        people = [m for m in self.mentions_in(first, noun.idx)
                  if m.entity_type == "person" or m.label == "PER"]
        for m in reversed(people):
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and _titled(span, lemma, noun):
                a = self._actor_from_mention(m)
                a.resolved_by = "pronoun"
                return a
        return None

    def phrase_tokens(self, head: Token) -> list[Token]:
        """The noun phrase of ``head`` without its relative clauses."""

        def follow(c: Token) -> bool:
            if c.dep_ in _RELATIVE_DEPS and c.dep_ != "punct":
                return False
            if c.dep_ == "punct" and c.text not in ("-", "'"):
                return False
            return not (c.pos_ in ("VERB", "AUX") and c.dep_ not in ("amod",))

        return sorted(preorder(head, follow), key=lambda t: t.i)

    # -- the speaker resolution shared with quotes ------------------------------------------
    @property
    def speakers(self):
        """The quotes' :class:`SpeakerResolver` for this document (built on first use)."""
        if self._speakers is None:
            from dossier.quotes.marks import find_quote_spans
            from dossier.quotes.speakers import SpeakerResolver

            spans = [(s.open, s.close) for s in find_quote_spans(self.text) if s.depth == 0]
            self._speakers = SpeakerResolver(self.doc, self.mentions, spans)
        return self._speakers

    def _from_speaker(self, sp) -> Actor | None:
        if sp.id is None and not sp.anonymous:
            return None
        info = self.entities.get(sp.id) if sp.id else None
        side = side_of_text(sp.id.replace("_", " ")) if sp.id else side_of_text(sp.text or "")
        return Actor(sp.id, sp.name or sp.text or "", side, sp.anonymous, getattr(info, "type", None),
                     sp.start if sp.start >= 0 else None, sp.end if sp.end >= 0 else None, "speaker")

    def actor_of(self, head: Token, sentence: int, stop: int | None = None) -> Actor | None:
        """Resolve the noun phrase headed by ``head`` (a subject, agent or source) to an actor."""
        from dossier.quotes import constraints

        low = fold(head.text)
        if low in PRONOUNS or (head.pos_ == "PRON" and not head.text[:1].isupper()):
            if low in PRONOUNS or head.dep_.startswith("nsubj"):
                found = self.antecedent(sentence, before=head)
                return found if found is not None else self._from_speaker(self.speakers.from_phrase(head))
            return None
        is_mention = self.mention_at(head) is not None
        if not is_mention and constraints.names_nobody(head):
            return None  # "aucune information", "le 13 mars": no claimant
        if (not is_mention and constraints.is_document(head)) or self.speakers._demonstrative(head):
            return self._from_speaker(self.speakers.from_phrase(head))
        toks = self.phrase_tokens(head)
        if stop is not None and head.i < stop:
            toks = [t for t in toks if t.i < stop]  # a parse that hangs the verb under its subject
        if not toks:
            return None
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
        inside = self.mentions_in(start, end)
        covering = self.mention_at(head)
        head_lemma = fold(head.lemma_)
        if covering is not None and not (self.is_place(covering) and head_lemma in self.institutions):
            return self._actor_from_mention(covering)
        # "le conseiller du président russe, Iouri Ouchakov": the apposed name
        for c in head.children:
            bare_name = c.dep_ == "nmod" and c.pos_ == "PROPN" and not any(x.dep_ == "case" for x in c.children)
            if c.dep_ in ("appos", "flat:name") or bare_name:
                m = self.mention_at(c)
                if m is not None and (m.entity_type == "person" or m.label == "PER"):
                    return self._actor_from_mention(m)
        if head_lemma in self.anonymous_heads and any(fold(c.text) in _INDEFINITE for c in head.children if c.dep_ == "det"):
            # "un porte-parole du Hamas": an unnamed member, with the organisation as affiliation
            phrase = " ".join(t.text for t in toks[1:]) if toks[0].dep_ == "det" else " ".join(t.text for t in toks)
            side = side_of_text(phrase) or next((self.side_of_mention(m) for m in inside), None)
            return Actor(None, phrase, side, True, "person", start, end, "anonymous")
        orgs = [m for m in inside if m.entity_type in ("organization", "group") or m.label == "ORG"]
        if orgs and head_lemma not in self.institutions:
            return self._actor_from_mention(orgs[0])
        while len(toks) > 1 and toks[0].i < head.i and (toks[0].dep_ == "case" or toks[0].pos_ == "ADP"):
            toks = toks[1:]  # "par les deux camps", "selon le chef …": the phrase, not its preposition
        phrase = " ".join(t.text for t in toks if t.dep_ != "det" or t.i != toks[0].i)
        side = side_of_text(phrase)
        folded_phrase = fold(phrase)
        institution = None
        phrase_words = set(_WORD.findall(folded_phrase))
        for words, key in self._institution_words:
            if words <= phrase_words:
                institution = key  # "ministère (ukrainien) de la Défense"
                break
        institution = institution or self.institutions.get(head_lemma) or self.institutions.get(fold(head.text))
        determiner = next((fold(c.text) for c in head.children if c.dep_ == "det"), "")
        if institution is None:  # "état-major" split by the tokenizer
            word = _glued_word(head)
            squashed = re.sub(r"[\s-]+", "", folded_phrase + " " + fold(word.text))
            if not determiner and word.start > 0 and fold(head.doc[word.start - 1].text) in ("le", "la", "l'", "les"):
                determiner = fold(head.doc[word.start - 1].text)
            institution = next((key for words, key in self.institutions.items()
                                if "-" in words and words.replace("-", "") in squashed), None)
        indefinite = determiner in _INDEFINITE
        if not inside and determiner in ("le", "la", "l'") and len(toks) <= 3:
            # "a déclaré le conseiller": the adviser named before
            previous = self.described(head)
            if previous is not None:
                return previous
        if head_lemma in self.anonymous_heads and (indefinite or not inside):
            if indefinite or institution in (None, "officials"):
                return Actor(None, phrase, side, True, "person", start, end, "anonymous")
        if institution and side:
            return Actor(f"local:{side}_{institution}", phrase, side, False, "organization", start, end, "institution")
        if institution and not inside and determiner in ("le", "la", "l'", "les"):
            # "l'état-major a démenti": the institution of that kind named last before
            previous = self.last_institution_mention(institution, start)
            if previous is not None:
                a = self._actor_from_mention(previous)
                a.resolved_by = "pronoun"
                return a
        people = [m for m in inside if m.entity_type == "person" or m.label == "PER"]
        if people:
            return self._actor_from_mention(people[0])
        if inside:
            m = inside[0]
            if self.is_place(m) and not institution:
                # a capital or country speaking: the government of that side
                a = self._actor_from_mention(m)
                return a
        definite_role = side is not None and determiner in ("le", "la", "l'") and not indefinite
        if head.pos_ == "PROPN" and head.text[:1].isupper() or head.pos_ == "NOUN" and definite_role:
            # a proper name, or a definite role of one side ("le chancelier allemand")
            key = re.sub(r"[^a-z0-9]+", "_", folded_phrase).strip("_")
            return Actor(f"local:{key}" if key else None, phrase, side, indefinite, None, start, end, "phrase")
        if head.pos_ == "NOUN" and fold(head.text) not in _NOT_SPEAKERS and any(
                t.pos_ in ("NOUN", "PROPN") and fold(t.text) not in _NOT_SPEAKERS for t in toks):
            # a common noun that names no entity ("les deux camps"): an unnamed source of that side
            return Actor(None, phrase, side, True, None, start, end, "anonymous")
        return None

    def last_institution_mention(self, institution: str, before: int, sentences_back: int = 6) -> Mention | None:
        """The latest mention (within a few sentences) of an entity whose id names ``institution``."""
        first = self.sent_starts[max(0, self.sentence_index(before) - sentences_back)]
        for m in reversed(self.mentions_in(first, before)):
            if m.entity_id and not m.entity_id.startswith("local:") and institution in m.entity_id:
                return m
        return None


def _glued_word(tok: Token) -> Span:
    """The tokens written without a space around ``tok`` ("état-major" split as "état", "-", "major")."""
    doc = tok.doc
    lo = tok.i
    while lo > 0 and not doc[lo - 1].whitespace_ and doc[lo - 1].text not in ("'", "’") and not doc[lo - 1].text.endswith(("'", "’")):
        lo -= 1
    hi = tok.i + 1
    while hi < len(doc) and not doc[hi - 1].whitespace_ and doc[hi].is_alpha or hi < len(doc) and doc[hi].text == "-" and not doc[hi - 1].whitespace_:
        hi += 1
    return doc[lo:hi]


def _titled(span: Span, lemma: str, exclude: Token) -> bool:
    """Is ``span`` (a person's mention) given the title ``lemma``: inside it, in apposition to it,
    or right before it ("le conseiller X", "X, conseiller de …")?"""
    doc = span.doc
    for t in span:
        if fold(t.lemma_) == lemma:
            return True
    root = span.root
    for t in list(root.children) + [root.head]:
        if t.i != exclude.i and fold(t.lemma_) == lemma and (t.dep_ == "appos" or root.dep_ in ("appos", "flat:name", "nmod")):
            return True
    before = doc[max(span.sent.start, span.start - 4): span.start]
    return any(fold(t.lemma_) == lemma and t.i != exclude.i for t in before)


def subject_of(tok: Token) -> Token | None:
    """The subject of a verb, inherited from the governing verb for participles, conjuncts and
    control verbs ("ajoutant que", "et a déclaré", "a fait savoir")."""
    seen = 0
    cur = tok
    while cur is not None and seen < 5:
        # "X a pour sa part accusé": the parser may hang the subject on the auxiliary
        for c in [x for x in cur.children if x.dep_.startswith("aux") and x.i < cur.i] + [cur]:
            subj = next((x for x in c.children if x.dep_ in ("nsubj", "nsubj:pass")), None) if c.i != cur.i else None
            if subj is not None and fold(subj.text) not in ("qui", "que", "dont", "lequel", "laquelle"):
                return subj
        for c in cur.children:
            if c.dep_ in ("nsubj", "nsubj:pass"):
                if fold(c.text) in ("qui", "que", "dont", "lequel", "laquelle"):
                    # relative clause: its antecedent
                    return cur.head if cur.dep_.startswith("acl") else None
                return c
        if cur.dep_ in ("conj", "advcl", "xcomp", "ccomp", "parataxis") and cur.head != cur:
            cur = cur.head
            seen += 1
            continue
        if cur.dep_.startswith("acl") and cur.head != cur:
            if _present_participle(cur) and cur.dep_ == "acl":
                # ", ajoutant que …" hangs on a noun: the subject is that of the clause verb
                noun = cur.head
                if noun.i > noun.head.i and noun.dep_ in ("nsubj", "obj") and fold(noun.head.lemma_) in cue_set("reporting", "asserts"):
                    return noun  # ", a déclaré le ministre X, ajoutant que": the speaker
                if noun.head != noun and noun.head.pos_ in ("VERB", "AUX", "ADJ"):
                    cur = noun.head
                    seen += 1
                    continue
                return None
            noun = cur.head
            if (cur.dep_ == "acl" and noun.dep_.startswith("obl") and noun.head.pos_ == "AUX"
                    and noun.head.i < noun.i < cur.i):
                # "X a pour sa part accusé …" parsed with the participle under "part": the
                # auxiliary heads the clause and holds the subject
                cur = noun.head
                seen += 1
                continue
            if cur.dep_ == "acl" and "Part" in morph(cur, "VerbForm"):
                return None  # "une offensive présentée comme …": the noun is not the speaker
            return cur.head
        return _preceding_subject(tok) if cur == tok else None
    return None


def _preceding_subject(tok: Token) -> Token | None:
    """When the parser found no subject: the noun (or name) right before the verb and its
    auxiliaries, if nothing but them separates it from the verb."""
    doc = tok.doc
    lo = sent_of(tok).start
    while True:  # each turn moves strictly left: it ends within the sentence
        i = tok.i - 1
        while i >= lo and (doc[i].pos_ == "AUX" or doc[i].dep_.startswith("aux") or doc[i].dep_ == "advmod"
                           or fold(doc[i].text) in ("ne", "n'") or fold(doc[i].text) in _CLITIC_OBJECTS):
            i -= 1
        if i < lo:
            return None
        cand = doc[i]
        if cand.dep_.startswith("obl") and cand.head == tok and fold(cand.text) in _NOT_SPEAKERS:
            # "X a pour sa part / de son côté annoncé": skip the adverbial phrase
            first = min(t.i for t in cand.subtree)
            if first - 1 >= lo:
                if doc[first - 1].pos_ not in ("AUX", "VERB"):
                    return None
                tok = doc[first]
                continue
        if cand.pos_ in ("NOUN", "PROPN") and cand.dep_ not in ("obj",) and fold(cand.text) not in _NOT_SPEAKERS:
            return cand
        return None


def _present_participle(tok: Token) -> bool:
    return "Part" in morph(tok, "VerbForm") and "Pres" in morph(tok, "Tense") or tok.text.lower().endswith("ant")


def agent_of(tok: Token) -> Token | None:
    """The "par X" agent of a passive verb (also when the parser hung it on the verb's complement)."""
    found = _agent_among(tok.children)
    if found is None:
        for c in tok.children:
            if c.dep_.startswith("obl") or c.dep_ == "obj":
                found = _agent_among(x for x in c.children if x.dep_ == "nmod")
                if found is not None:
                    break
    return found


def _agent_among(children) -> Token | None:
    for c in children:
        if c.dep_ in ("obl:agent",):
            return c
        if (c.dep_.startswith("obl") or c.dep_ == "nmod") and any(fold(x.text) == "par" and x.dep_ == "case" for x in c.children):
            if fold(c.text) in ("suite", "ailleurs", "exemple", "consequent", "contre", "moments", "endroits", "fois"):
                continue
            return c
    return None


def conjuncts(tok: Token) -> list[Token]:
    """``tok`` and the nouns coordinated with it ("Kiev et ses alliés")."""
    return preorder(tok, lambda c: c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN"))


def span_chars(toks: list[Token] | Span) -> tuple[int, int]:
    toks = list(toks)
    return toks[0].idx, toks[-1].idx + len(toks[-1])
