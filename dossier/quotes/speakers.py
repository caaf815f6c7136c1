"""Who is speaking: from a cue token to a speaker (entity id, name, surface text).

Handles the subject of the cue verb (nsubj, relative "qui", passive agent, inverted subject in
an incise, subject inherited from the governing verb for participles "ajoutant que"), pronouns
resolved to a recent compatible mention, role descriptions, metonymic places (le Kremlin ->
russian_government) and anonymous sources ("un responsable russe" -> anonymous, affiliation
russian_government).
"""
from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from spacy.tokens import Doc, Token

from dossier.entities import KnowledgeBase, load_kb
from dossier.models import Mention
from dossier.nlp.tree import walk_up
from dossier.quotes import constraints as cx
from dossier.quotes import lexicon as lx
from dossier.nlp import access
from dossier.nlp.tokens import morph, sent_of, table

_NEWLINE = re.compile("\n")
log = logging.getLogger(__name__)

_SUBJ_DEPS = ("nsubj", "nsubj:outer", "expl:subj")
_RANK = {"person": 0, "organization": 1, "group": 2, "place": 3}  # mention_at: who speaks before where
_ASIDE_NOUNS = frozenset({"côté", "part", "tour"})  # "de son côté", "pour sa part", "à son tour"
_LIGHT_ADVERBS = frozenset(
    "également aussi ensuite encore déjà notamment toutefois pourtant cependant donc enfin alors ne n' n’ "
    "par ailleurs lui-même elle-même quant also then later".split()
)


@dataclass
class Speaker:
    id: str | None
    name: str | None
    text: str | None
    anonymous: bool = False
    affiliation: str | None = None
    start: int = -1  # offsets of the surface form in doc.text
    end: int = -1
    confidence: float = 0.5
    reported_by: str | None = None  # an outlet relaying someone's words
    source_document: str | None = None  # "le communiqué": the document the words come from
    others: list = field(default_factory=list)  # co-speakers of a coordinated subject ("X et Y ont dit")

    @property
    def empty(self) -> bool:
        return self.id is None and self.text is None and not self.anonymous


def speaker_fields(sp: Speaker) -> dict:
    """The Quote fields naming the speaker."""
    return {"speaker_id": sp.id, "speaker_name": sp.name, "speaker_text": sp.text, "anonymous": sp.anonymous,
            "affiliation": sp.affiliation, "reported_by": sp.reported_by, "source_document": sp.source_document}


@lru_cache(maxsize=1)
def _kb() -> KnowledgeBase:
    """The shipped knowledge base (loaded once)."""
    return load_kb()


def government_for_place(entity_id: str | None, text: str) -> str | None:
    kb = _kb()
    target = kb.metonym_target(entity_id) if entity_id else None
    if not target and text:  # a name the NER found without a KB id ("Kremlin" in a bare pipeline)
        target = next((e.metonym_of for e in kb.by_alias(text) if e.type == "place" and e.metonym_of), None)
    return target or lx.metonym_government(entity_id, text)


class SpeakerResolver:
    """Resolves speakers within one Doc; keeps the speakers already found for pronouns."""

    def __init__(self, doc: Doc, mentions: list[Mention], quoted: list[tuple[int, int]]):
        self.doc = doc
        self.mentions = mentions
        self.starts = [m.start for m in mentions]
        self.quoted = sorted(quoted)
        self._quote_starts = [a for a, _ in self.quoted]
        # running max of the ends, so a nested or overlapping span never hides an outer one
        self._quote_ends = []
        top = -1
        for _, b in self.quoted:
            top = max(top, b)
            self._quote_ends.append(top)
        self.sent_of = dict(enumerate(table(doc).sent_index))  # token -> its sentence's index
        self.par_starts = [0] + [m.end() for m in _NEWLINE.finditer(access.doc_text(doc))]
        self.salient: list[Mention] = []  # mentions that are subjects of speech cues, by position
        self.subjects: list[Token] = []  # non-pronoun subject tokens of speech cues, by position

    def note_cue_subjects(self, cues: list[Token]) -> None:
        """Remember who speaks where (non-pronoun subjects of cue verbs), for pronoun resolution."""
        found = {}
        subjects = {}
        for cue in cues:
            subj = self.subject_of(cue) or self.left_subject(cue)
            if subj is None or subj.pos_ == "PRON" or subj.lower_ in lx.PRONOUNS:
                continue
            if not self.in_quote(subj.idx):
                subjects[subj.i] = subj
            m = self.mention_at(subj)
            if m is None:
                for child in subj.children:
                    if child.dep_ in ("appos", "flat:name", "conj") and child.i > subj.i:
                        m = self.mention_at(child)
                        if m is not None:
                            break
            if m is not None and not self.in_quote(m.start):
                found[(m.start, m.end)] = m
        self.salient = sorted(found.values(), key=lambda m: m.start)
        self.subjects = [subjects[k] for k in sorted(subjects)]

    # ---------------------------------------------------------------- mention helpers
    def in_quote(self, char: int) -> bool:
        k = bisect.bisect_right(self._quote_starts, char) - 1
        return k >= 0 and char < self._quote_ends[k]

    def mention_at(self, token: Token) -> Mention | None:
        """The mention covering ``token``; a person/organisation reading wins over a place one."""
        char = token.idx
        k = bisect.bisect_right(self.starts, char) - 1
        found = []
        mentions = self.mentions
        while k >= 0:
            m = mentions[k]
            if m.start <= char < m.end:
                found.append(m)
            if char - m.start > 200:
                break
            k -= 1
        if len(found) < 2:
            return found[0] if found else None
        return min(found, key=lambda m: (_RANK.get(m.entity_type, 4), -(m.end - m.start)))

    def _speaker_from_mention(self, m: Mention, conf: float = 0.8) -> Speaker:
        target = None
        if m.entity_type == "place":  # a place that speaks stands for its government
            target = self.acts_for.get((m.start, m.end)) or government_for_place(m.entity_id, m.text)
        if target:
            return Speaker(target, _display(target), m.text, start=m.start, end=m.end, confidence=conf)
        return Speaker(m.entity_id, m.entity_name, m.text, start=m.start, end=m.end, confidence=conf)

    @cached_property
    def acts_for(self) -> dict[tuple[int, int], str]:
        """(start, end) of an entity -> the id it acts for (a capital for its state), read from
        ``doc.ents`` on first use (only a place that speaks needs it)."""
        return {(e.start_char, e.end_char): ext.acts_for for e in self.doc.ents if (ext := e._).get("acts_for")}

    @cached_property
    def person_roles(self) -> list[tuple[Mention, set[str]]]:
        """:meth:`_person_roles`, on first use (a resolver often never needs it)."""
        return self._person_roles()

    def _person_roles(self) -> list[tuple[Mention, set[str]]]:
        """Role nouns attached to each person mention: its own head noun ("président américain"),
        a role right before the name ("le conseiller russe X") or after a comma ("X, conseiller …")."""
        doc = self.doc
        out = []
        for m in self.mentions:
            if m.entity_type != "person":
                continue
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            roles: set[str] = set()
            own = [t for t in span if _is_role(t)]
            if own:
                roles |= _role_keys(own[0])
            else:
                # before: the nearest role noun within 6 tokens, no other name or verb in between
                for t in reversed(doc[max(0, span.start - 7) : span.start]):
                    if t.pos_ in ("VERB", "AUX") or t.text in (".", ";") or self.mention_at(t) is not None and self.mention_at(t).entity_type == "person":
                        break
                    if _is_role(t):
                        roles |= _role_keys(t)
                        break
                # after: "X, conseiller …"
                if span.end + 1 < len(doc) and doc[span.end].text == "," and _is_role(doc[span.end + 1]):
                    roles |= _role_keys(doc[span.end + 1])
            out.append((m, roles))
        return out

    # ---------------------------------------------------------------- subject finding
    def para_of(self, char: int) -> int:
        return bisect.bisect_right(self.par_starts, char) - 1

    def same_par(self, t: Token, u: Token) -> bool:
        return self.para_of(t.idx) == self.para_of(u.idx)

    def subject_of(self, cue: Token) -> Token | None:
        """The token naming who speaks for a cue verb (dependency parse, same paragraph)."""
        doc = cue.doc
        tab = table(doc)  # (the walk reads the lists: a Token only for the one returned)
        dep, lower, idx, head, children, pos = tab.dep, tab.lower, tab.idx, tab.head, tab.children, tab.pos
        par = self.para_of(cue.idx)
        verb = cue.i
        for _ in range(4):
            if self.para_of(idx[verb]) != par:
                break
            aux_subjects = [c for a in children[verb] if dep[a].startswith("aux") and a < verb
                            for c in children[a] if dep[c] in _SUBJ_DEPS]  # subject hung on the auxiliary
            for child in (*children[verb], *aux_subjects):
                if dep[child] in _SUBJ_DEPS and not self.in_quote(idx[child]) and self.para_of(idx[child]) == par:
                    if lower[child] in lx.RELATIVE_PRONOUNS and dep[verb].startswith("acl"):
                        return self._relative_antecedent(doc[child]) or doc[head[verb]]
                    if lower[child] in ("-t", "il") and dep[child] == "expl:subj":
                        continue
                    if lower[child] == "-t" or doc[child].is_punct:
                        continue
                    return doc[child]
            for child in children[verb]:
                if dep[child] == "obl:agent" or (dep[child].startswith("obl") and child > verb and any(
                        lower[c] == "par" and dep[c] == "case" for c in children[child])):
                    return doc[child]
            for t in range(max(0, verb - 3), min(len(doc), verb + 3)):
                if lower[t] in ("-il", "-elle", "-ils", "-elles", "-on"):
                    return doc[t]
            if dep[verb] in ("xcomp", "conj") and head[verb] != verb and pos[head[verb]] in ("VERB", "AUX"):
                verb = head[verb]
                continue
            break
        return None

    def _relative_antecedent(self, rel: Token) -> Token | None:
        """"…, Donald Trump, qui estime …": the name right before the relative pronoun (and its
        comma), whatever the parser hung the clause on (a heading run into the sentence)."""
        j = rel.i - 1
        if j >= 0 and rel.doc[j].text == ",":
            j -= 1
        m = self.mention_at(rel.doc[j]) if j >= 0 else None
        if m is None or m.entity_type not in ("person", "organization", "group") or self.in_quote(m.start):
            return None
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        return span.root if span is not None else None

    def left_subject(self, cue: Token) -> Token | None:
        """Surface fallback: the noun phrase right before the verb group ("la Maison-Blanche a déclaré")."""
        doc = cue.doc
        tab = table(doc)  # (the scan back over the verb group reads the lists: no Token per step)
        pos, lower, text, idx = tab.pos, tab.lower, tab.text, tab.idx
        j = cue.i - 1
        while j >= 0 and (pos[j] == "AUX" or lower[j] in _LIGHT_ADVERBS or lower[j] in ("-t", "-il", "-elle")):
            if lower[j] in ("-il", "-elle", "-ils", "-elles"):
                return doc[j]
            j -= 1
        if j >= 2 and text[j] == ")" and not self.in_quote(idx[j]):
            # "Les Forces de soutien rapide (FSR) ont annoncé": past the acronym in parentheses
            k = next((k for k in range(j - 1, max(-1, j - 6), -1) if text[k] == "("), None)
            if k is not None and k > 0:
                j = k - 1
        if j >= 0 and text[j] == "," and not self.in_quote(idx[j]):
            # "Ankara, de son côté, présente …": skip a short parenthetical between commas
            k = j - 1
            while k >= 0 and j - k <= 6 and text[k] != "," and not tab.sent_start[k]:
                k -= 1
            if k >= 0 and text[k] == "," and j - k <= 6 and all(
                    pos[t] in ("ADP", "DET", "PRON", "ADV") or lower[t] in _ASIDE_NOUNS for t in range(k + 1, j)):
                j = k - 1
        if j >= 1 and text[j] == "," and not self.in_quote(idx[j]) and self._apposed_name(doc[j - 1]):
            j -= 1  # "Le ministre …, Jeyhun Bayramov, a déclaré": the name apposed before the verb
        if j >= 2 and lower[j] in _ASIDE_NOUNS and pos[j - 1] in ("DET", "PRON") and pos[j - 2] == "ADP":
            j -= 3  # "X a pour sa part / de son côté déclaré"
            while j >= 0 and (pos[j] == "AUX" or lower[j] in _LIGHT_ADVERBS):
                j -= 1
        par = self.para_of(cue.idx)
        if j < 0 or self.para_of(idx[j]) != par or self.in_quote(idx[j]):
            return None
        if text[j] == ",":  # "L'Iran, voisin de …, a annoncé": a subject the parser hung elsewhere
            first = None
            dep, head = tab.dep, tab.head
            for k in range(j - 1, max(-1, j - 30), -1):
                if self.para_of(idx[k]) != par or text[k] in (".", ";", ":", "!", "?"):
                    break
                if pos[k] != "DET":
                    first = k
                if dep[k] in _SUBJ_DEPS and head[k] > j and pos[k] in ("NOUN", "PROPN"):
                    return doc[k]
            first = doc[first] if first is not None else None
            # "Donald Trump, qui estime …, a dit": the name opening the clause, before its relative
            if first is not None and self.mention_at(first) is not None and self.mention_at(first).entity_type in (
                    "person", "organization", "group"):
                span = doc.char_span(self.mention_at(first).start, self.mention_at(first).end, alignment_mode="expand")
                nxt = doc[span.end] if span is not None and span.end < len(doc) else None
                if nxt is not None and nxt.text == "," and span.end + 1 < len(doc) and doc[span.end + 1].lower_ == "qui":
                    return span.root
            return self._opening_name(j, cue)
        t = doc[j]
        if t.pos_ == "ADJ" and t.head.i < t.i and t.head.pos_ in ("NOUN", "PROPN"):
            t = t.head  # "un diplomate européen juge que": the noun the adjective qualifies
        if t.pos_ in ("NOUN", "PROPN") or (t.pos_ == "PRON" and t.lower_ in lx.PRONOUNS) or self.mention_at(t) is not None:
            if t.lower_ in lx.RELATIVE_PRONOUNS:
                return None
            # climb to the head of the name ("Dmitri Peskov" -> "Dmitri", "Maison-Blanche")
            m = self.mention_at(t)
            if m is not None:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is not None:
                    return span.root
            return t
        return None

    def _opening_name(self, close: int, cue: Token) -> Token | None:
        """"… depuis que Karim Bello, en visite à Niamey, a parlé de …": the name that opens its
        clause (at the sentence's start or after "que") and ends right before the comma opening
        the incise that ``close`` (a comma just before the verb group) closes; None otherwise."""
        doc = cue.doc
        opening = None
        for k in range(close - 1, max(-1, close - 30), -1):
            if not self.same_par(doc[k], cue) or doc[k].text in (".", ";", ":", "!", "?") or self.in_quote(doc[k].idx):
                return None
            if doc[k].text == ",":
                opening = k
                break
        if opening is None or opening < 1:
            return None
        m = self.mention_at(doc[opening - 1])
        if m is None or m.entity_type not in ("person", "organization", "group"):
            return None
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or span.end != opening:
            return None
        before = doc[span.start - 1] if span.start > 0 else None
        if span[0].is_sent_start or (before is not None and before.lower_ in ("que", "qu'", "qu’")):
            return span.root
        return None

    def _apposed_name(self, t: Token) -> bool:
        """``t`` ends a person's or organisation's name set between commas ("…, Jeyhun Bayramov,")."""
        m = self.mention_at(t)
        if m is None or m.entity_type not in ("person", "organization", "group"):
            return False
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        return span is not None and span.start > 0 and self.doc[span.start - 1].text == ","

    def coordinated_subject(self, cue: Token) -> Token | None:
        """"X le conteste et affirme que …": the subject of the cue verb coordinated before it."""
        doc = cue.doc
        cc = next((c for c in cue.children if c.dep_ == "cc" and c.i < cue.i), None)
        if cc is None and cue.i > 0 and doc[cue.i - 1].lower_ in ("et", "mais", "puis"):
            cc = doc[cue.i - 1]
        if cc is None:
            return None
        for k in range(cc.i - 1, max(-1, cc.i - 12), -1):
            t = doc[k]
            if t.text in (".", ";", ":", "!", "?") or self.in_quote(t.idx) or not self.same_par(t, cue):
                return None
            if lx.is_reporting(t) or lx.lemma_of(t) in lx.NAMING_LEMMAS or t.lower_ in lx.FORM_LEMMAS:
                subj = self.subject_of(t) if t.pos_ in ("VERB", "AUX") else None
                if subj is not None:
                    return subj
                j = k - 1
                while j >= 0 and doc[j].lower_ in ("le", "la", "l'", "l’", "les", "lui", "leur", "y", "en", "ne", "n'", "n’"):
                    j -= 1
                if j >= 0 and (doc[j].pos_ in ("NOUN", "PROPN") or self.mention_at(doc[j]) is not None):
                    return doc[j]
                return None
        return None

    def main_cue(self, cue: Token, cues: list[Token]) -> Token | None:
        """"…, ajoutant que" / "Tout en notant que …, X a déclaré": the finite cue it depends on."""
        def finite(c: Token) -> bool:
            return c.i != cue.i and self.same_par(c, cue) and not (
                morph(c, "VerbForm") == ["Part"] and morph(c, "Tense") == ["Pres"]) and morph(c, "VerbForm") != ["Inf"]
        same = [c for c in cues if finite(c)]
        before = [c for c in same if c.i < cue.i and cue.i - c.i < 80]
        # a cue after the participle governs it only inside the same sentence
        after = [c for c in same if c.i > cue.i and c.i - cue.i < 40 and sent_of(c).start == sent_of(cue).start]
        if before:
            return before[-1]
        return after[0] if after else None

    def participle_subject(self, cue: Token) -> Token | None:
        """Subject of the nearest finite verb before a participle ("Il a menacé …, déclarant que")."""
        for t in reversed(cue.doc[max(0, cue.i - 40) : cue.i]):
            if t.pos_ in ("VERB", "AUX") and morph(t, "VerbForm") in (["Fin"], ["Part"]) and self.same_par(t, cue):
                subj = self.subject_of(t)
                if subj is not None and cx.can_speak(subj, self.mention_at(subj) is not None):
                    return subj
                for u in t.doc[t.i + 1: cue.i]:  # "…, a commenté samedi le ministère X, estimant que"
                    if u.text in (",", ".", ";") or self.in_quote(u.idx):
                        break
                    if u.pos_ in ("NOUN", "PROPN") and (self.mention_at(u) is not None or cx.known_speaker_noun(u.lower_)):
                        m = self.mention_at(u)
                        if m is not None:
                            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
                            return span.root if span is not None else u
                        return u
        return None

    def incise_subject(self, cue: Token) -> Speaker | None:
        """"… avant de lancer ces frappes, a affirmé la Maison Blanche": a cue verb set off by a
        comma, with no subject and no conjunction of its own, is an incise whose subject follows
        it, whatever the parser hung it on (as a conjunct of the reported verb, its subject would
        be the reported clause's)."""
        doc = cue.doc
        if any(c.dep_ in _SUBJ_DEPS or c.dep_ == "cc" for c in cue.children):
            return None
        j = cue.i - 1
        while j >= 0 and (doc[j].pos_ == "AUX" or doc[j].lower_ in _LIGHT_ADVERBS):
            j -= 1
        auxiliary = any(doc[k].pos_ == "AUX" for k in range(j + 1, cue.i))
        if j < 0 or doc[j].text != "," or not (auxiliary or cue.morph.get("VerbForm") == ["Fin"]):
            return None  # "…, affirmant que …": a participle, not an incise
        return self.inverted_subject(cue)

    def inverted_subject(self, cue: Token) -> Speaker | None:
        """Subject after the verb in an incise: "…, a dit jeudi aux journalistes X"."""
        doc = self.doc
        places: set[tuple[int, int]] = set()  # places passed over (all their tokens: "à Kuala Lumpur")
        for t in doc[cue.i + 1 : min(len(doc), cue.i + 14)]:
            if t.text in (".", ";", "!", "?", "«", '"', "“", ":") or self.in_quote(t.idx) or not self.same_par(t, cue):
                break
            if t.lower_ in ("que", "qu'", "qu’", "that"):
                break
            if t.pos_ in ("VERB", "AUX") and morph(t, "VerbForm") in (["Inf"], ["Fin"]):
                break  # "a annoncé avoir accepté …": the reported content starts, no subject after
            if t.lower_ in ("-il", "-elle", "-ils", "-elles"):
                return self.resolve_pronoun(t)
            m = self.mention_at(t)
            if m is not None and m.entity_type in ("person", "organization", "group", "place"):
                if (m.start, m.end) in places:
                    continue
                if m.entity_type == "place" and not government_for_place(m.entity_id, m.text):
                    continue
                prev = doc[t.i - 1]
                if m.entity_type == "place" and prev.lower_ in ("à", "au", "en", "depuis", "de", "du", "in", "at"):
                    places.add((m.start, m.end))
                    continue
                return self._speaker_from_mention(m, 0.75)
            if t.pos_ == "NOUN" and (t.lemma_.lower() in lx.ROLE_NOUNS or t.lower_ in lx.ROLE_NOUNS or t.lower_ in lx.ANONYMOUS_NOUNS
                                     or t.lower_ in cx.ORG_ANAPHORS or cx.is_document(t)):  # "a déclaré le groupe"
                prev = doc[t.i - 1] if t.i > 0 else None
                if prev is not None and prev.pos_ == "DET":
                    return self.from_phrase(t)
        return None

    # ---------------------------------------------------------------- phrase -> speaker
    def from_phrase(self, head: Token, bounds: tuple[int, int] | None = None) -> Speaker:
        """Speaker named by the noun phrase headed by ``head`` (token ``bounds`` when the parse is
        not trusted, e.g. after "selon"), with the speaker constraints applied: a document speaks
        for its issuer, an outlet is kept as ``reported_by``, a phrase that cannot speak names
        nobody, and coordinated names ("la Chine et la Russie") are co-speakers."""
        if bounds is not None:  # a relative clause is not part of the name ("un responsable qui …")
            lo, hi = bounds
            rel = next((t.i for t in self.doc[lo:hi] if t.i > head.i and t.lower_ in ("qui", "que", "qu'", "qu’", "dont", "lequel", "laquelle")), None)
            if rel is not None:
                bounds = (lo, rel)
        demonstrative = self._demonstrative(head)
        if demonstrative:
            return self.resolve_pronoun(head, demonstrative=True)
        is_mention = self.mention_at(head) is not None
        if cx.is_document(head) and not is_mention:
            return self._document_speaker(head, bounds)
        if not cx.can_speak(head, is_mention):
            return Speaker(None, None, None, confidence=0.1)
        sp = self._from_phrase(head, bounds)
        if self._is_outlet(sp, head):
            return Speaker(None, None, None, reported_by=sp.id or sp.text, confidence=0.3)
        if sp.id is None and not sp.anonymous and not is_mention and head.lower_ in cx.ORG_ANAPHORS:
            found = self._org_antecedent(head)
            if found is not None:
                return found
        if sp.id is not None:
            sp.others = self._conjunct_speakers(head, bounds)
        return sp

    def _demonstrative(self, head: Token) -> bool:
        """"celui-ci", "ce dernier", "cette dernière": the last named person, not the last speaker."""
        doc = self.doc
        after = access.doc_text(doc)[head.idx + len(head.text): head.idx + len(head.text) + 3].lower()
        if head.lower_ in ("celui", "celle", "ceux", "celles") and after.startswith(("-ci", "-là")):
            return True
        if head.lower_ in ("celui-ci", "celle-ci", "ceux-ci", "celles-ci"):
            return True
        return head.lower_ in ("dernier", "dernière", "derniers", "dernières") and any(
            c.lower_ in ("ce", "cette", "ces") for c in head.children) or (
            head.lower_ in ("dernier", "dernière") and head.i > 0 and doc[head.i - 1].lower_ in ("ce", "cette"))

    @staticmethod
    def is_media(entity_id: str) -> bool:
        entry = _kb().get(entity_id) if _kb() is not None else None
        return entry is not None and entry.institution == "media"

    def _is_outlet(self, sp: Speaker, head: Token) -> bool:
        """A news outlet (a KB entry marked media, or "l'agence de presse X", "le quotidien X")."""
        entry = _kb().get(sp.id) if sp.id is not None and _kb() is not None else None
        if entry is not None:
            return entry.institution == "media"
        if sp.anonymous or not cx.is_outlet_noun(head):
            return False
        return head.lemma_.lower() != "agence" or any(t.lower_ in ("presse", "press") for t in head.subtree)

    def _conjunct_speakers(self, head: Token, bounds: tuple[int, int] | None) -> list[Speaker]:
        out = []
        for c in head.children:
            if c.dep_ != "conj" or c.i < head.i or self.in_quote(c.idx):
                continue
            if bounds is not None and not (bounds[0] <= c.i < bounds[1]):
                continue
            m = self.mention_at(c)
            if m is None or m.entity_type not in ("person", "organization", "group", "place"):
                continue
            sp = self._speaker_from_mention(m, 0.7)
            if sp.id is not None and (m.entity_type != "place" or sp.id != m.entity_id):
                out.append(sp)
        return out

    def _org_antecedent(self, head: Token) -> Speaker | None:
        """"le groupe", "le mouvement": the organisation named last before (same paragraph or the
        one before), preferring one whose name shares the noun."""
        if not any(c.dep_ == "det" and c.lower_ in ("le", "la", "l'", "l’", "les", "ce", "cette") for c in head.children):
            return None
        near = [m for m in self.mentions[max(0, bisect.bisect_left(self.starts, head.idx) - 60):
                                         bisect.bisect_left(self.starts, head.idx)]
                if m.entity_type in ("organization", "group") and head.idx - m.start < 1500]
        before = [m for m in near if not self.in_quote(m.start)]
        words = {lx.norm(t.text) for t in head.subtree if t.pos_ in ("NOUN", "ADJ") and not self.in_quote(t.idx)
                 and t.i <= head.i + 3}
        # a name the description fits ("le mouvement islamiste" ~ Hamas), even one named inside a quote
        described = [m for m in near if any(words <= set(lx.norm(n).split()) for n in self._names_of(m))]
        if not described and not before:
            return None
        same = [m for m in before if head.lemma_.lower() in m.text.lower() or head.lower_ in m.text.lower()]
        if not described and not same and len(words) > 1:
            return None  # "le comité de résistance locale": a body of its own, not one named before
        non_gov = [m for m in before if not (m.entity_id or "").endswith("_government")]
        best = (described or same or non_gov or before)[-1]
        sp = self._speaker_from_mention(best, 0.55)
        sp.text, sp.start, sp.end = head.text, head.idx, head.idx + len(head.text)
        return sp

    def _names_of(self, m: Mention) -> list[str]:
        """Every name the KB (or the article) gives the entity of a mention ("mouvement islamiste
        palestinien" for Hamas), so that a description can be matched against them."""
        kb = _kb()
        entry = kb.get(m.entity_id) if kb is not None and m.entity_id else None
        names = [m.text] + (entry.all_aliases() if entry is not None else [])
        # what the article calls it in apposition: "La Résistance populaire …, un groupe civil …"
        after = access.doc_text(self.doc)[m.end: m.end + 60]
        if after.startswith(", "):
            names.append(after[2:].split(",")[0])
        return names

    def _document_speaker(self, head: Token, bounds: tuple[int, int] | None) -> Speaker:
        """A document speaks for its issuer: named in its phrase ("le communiqué du Hamas", "le
        communiqué ukrainien"), or the issuer of the last document of the article ("ce même
        communiqué"); otherwise the quote stays unattributed with the document as its source."""
        doc = self.doc
        lo, hi = bounds if bounds is not None else (head.left_edge.i, head.right_edge.i + 1)
        phrase = doc[lo:hi]
        text = phrase.text
        for mm in self.mentions:
            if mm.start >= phrase.start_char and mm.end <= phrase.end_char and mm.entity_type in (
                    "person", "organization", "group", "place"):
                sp = self._speaker_from_mention(mm, 0.7)
                if sp.id is not None and (mm.entity_type != "place" or sp.id != mm.entity_id):
                    sp.source_document = text
                    return sp
        aff = self._affiliation(phrase)
        if aff:
            return Speaker(aff, _display(aff), text, start=phrase.start_char, end=phrase.end_char,
                           confidence=0.6, source_document=text)
        issuer = self._last_issuer(head)
        if issuer is not None:
            issuer.source_document = text
            issuer.text, issuer.start, issuer.end = text, phrase.start_char, phrase.end_char
            return issuer
        return Speaker(None, None, None, source_document=text, confidence=0.2)

    def _last_issuer(self, head: Token) -> Speaker | None:
        """Who issued the latest document named before ``head`` ("X a publié un communiqué",
        "a annoncé X dans un communiqué"): the subject of the verb the document noun depends on."""
        doc = self.doc
        for t in reversed(doc[max(0, head.i - 400): head.i]):
            if not cx.is_document(t) or self.in_quote(t.idx) or t.i == head.i:
                continue
            m = next((self.mention_at(c) for c in t.subtree if c.i != t.i and self.mention_at(c) is not None), None)
            if m is not None and m.entity_type != "place":
                return self._speaker_from_mention(m, 0.5)
            verb = t.head
            for _ in range(3):
                if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                    break
                verb = verb.head
            if verb.pos_ in ("VERB", "AUX"):
                subj = self.subject_of(verb) or self.left_subject(verb)
                if subj is None:
                    inv = self.inverted_subject(verb)
                    if inv is not None and inv.id is not None:
                        return inv
                elif subj.i != t.i and not cx.is_document(subj):
                    sp = self._from_phrase(subj, None)
                    if sp.id is not None:
                        return sp
        return None

    def _from_phrase(self, head: Token, bounds: tuple[int, int] | None = None) -> Speaker:
        doc = self.doc
        if head.lower_ in lx.PRONOUNS or (head.pos_ == "PRON" and not head.text[:1].isupper()):
            return self.resolve_pronoun(head)
        if bounds is not None:
            lo, hi = bounds
        else:
            keep = [t for t in head.subtree if not self._under_clause(t, head)]
            lo = min(t.i for t in keep) if keep else head.i
            hi = max(t.i for t in keep) + 1 if keep else head.i + 1
        tab = table(doc)  # (the trims read the lists: no Token per word)
        text, idx, pos, dep, punct = tab.text, tab.idx, tab.pos, tab.dep, tab.punct
        before = doc[lo:head.i]  # (a Span: its bounds as the slice gives them, no Token built)
        for i in range(before.start, before.end):  # "En réponse à …, le conseiller": nothing before a comma is the name
            if text[i] in (",", ";", ":") and not self.in_quote(idx[i]):
                lo = i + 1
        while lo < head.i and (dep[lo] in ("case", "mark") or pos[lo] == "ADP" or punct[lo]):
            lo += 1
        after = doc[head.i + 1 : hi]
        for i in range(after.start, after.end):
            if text[i] in (",", ".", ";", ":", "!", "?") or pos[i] in ("VERB", "AUX") and dep[i] not in ("acl", "amod"):
                hi = i
                break
        while hi > lo + 1 and punct[hi - 1]:
            hi -= 1
        if head.text[:1].isupper() and head.pos_ in ("PROPN", "X") and self.mention_at(head) is None:
            # a name the parser cut ("Abdel-Karim Moussa Bello" read as words hung apart): the
            # whole run of capitalised words and the hyphens glued to them
            lo, hi = _name_run(doc, head.i, lo, hi)
        phrase = doc[lo:hi]
        text = phrase.text
        # 1. the head itself is (part of) a mention
        m = self.mention_at(head)
        counted = any(c.dep_ == "nummod" or c.dep_ == "det" and c.lower_ in ("des", "plusieurs", "certains", "deux", "trois")
                      for c in head.children)
        if m is not None and counted and (head.lower_ in lx.ANONYMOUS_NOUNS or head.lemma_.lower() in lx.ANONYMOUS_NOUNS):
            # "trois responsables iraniens": unnamed sources of that government, not the government
            return Speaker(None, None, text, anonymous=True, affiliation=m.entity_id,
                           start=phrase.start_char, end=phrase.end_char, confidence=0.6)
        if m is not None and m.entity_type != "other":
            if m.entity_type == "group" or head.lower_ in lx.COLLECTIVE_NOUNS:
                full_end = doc[head.right_edge.i].idx + len(doc[head.right_edge.i]) if bounds is None else phrase.end_char
                orgs = [mm for mm in self.mentions if mm.start >= max(m.end, phrase.start_char) and mm.end <= full_end
                        and mm.entity_type == "organization" and not mm.entity_id.endswith("_government")]
                if orgs:
                    return self._speaker_from_mention(orgs[0], 0.7)
            if m.entity_type == "place" and not government_for_place(m.entity_id, m.text):
                pass
            else:
                return self._speaker_from_mention(m, 0.85)
        # 2. a name in apposition / flat / conj right after the head ("le porte-parole, X")
        for child in head.children:
            if child.dep_ in ("appos", "flat:name", "conj", "nmod") and child.i > head.i:
                cm = self.mention_at(child)
                if cm is not None and cm.entity_type == "person" and (child.dep_ != "nmod" or child.i == head.i + 1):
                    return self._speaker_from_mention(cm, 0.85)
        lemma = head.lemma_.lower()
        low = head.lower_
        # 3. anonymous source: "un responsable russe", "des sources proches du Kremlin"
        det = next((c for c in head.children if c.dep_ == "det"), None)
        indefinite = det is not None and (det.lower_ in ("un", "une", "des", "plusieurs", "certains", "certaines", "d'", "a", "an", "some", "several"))
        numbered = any(c.dep_ == "nummod" for c in head.children)
        if (low in lx.ANONYMOUS_NOUNS or lemma in lx.ANONYMOUS_NOUNS) and (indefinite or low.endswith("s") and not numbered):
            return Speaker(None, None, text, anonymous=True, affiliation=self._affiliation(phrase),
                           start=phrase.start_char, end=phrase.end_char, confidence=0.7)
        # 4. a government institution with a nationality ("la présidence ukrainienne")
        if lemma in lx.GOVERNMENT_NOUNS or low in lx.GOVERNMENT_NOUNS:
            aff = self._affiliation(phrase)
            if aff:
                return Speaker(aff, _display(aff), text, start=phrase.start_char, end=phrase.end_char, confidence=0.7)
        # 5. a role description ("le conseiller", "le porte-parole du Kremlin")
        if lemma in lx.ROLE_NOUNS or low in lx.ROLE_NOUNS:
            for t in doc[head.i + 1 : phrase.end]:
                if _is_role(t):
                    break  # "le conseiller du président X": X is not the speaker
                mm = self.mention_at(t)
                if mm is not None and mm.entity_type == "person":
                    return self._speaker_from_mention(mm, 0.8)
            if indefinite:  # "un porte-parole du Hamas": an unnamed member of that side
                return Speaker(None, None, text, anonymous=True, affiliation=self._affiliation(phrase),
                               start=phrase.start_char, end=phrase.end_char, confidence=0.6)
            found = self._person_with_role(head, phrase)
            if found is not None:
                return found
            return Speaker(None, text, text, affiliation=self._affiliation(phrase),
                           start=phrase.start_char, end=phrase.end_char, confidence=0.3)
        # 5b. "l'état-major", "le commandement": the armed forces named last before
        glued = "".join(t.text for t in doc[max(0, head.i - 2): head.i + 1] if not t.is_space).lower()
        if not indefinite and (glued.endswith("état-major") or lemma in ("commandement",)):
            for mm in reversed([mm for mm in self.mentions if mm.end <= phrase.start_char][-40:]):
                if mm.entity_id and "armed_forces" in mm.entity_id:
                    return self._speaker_from_mention(mm, 0.5)
        # 6. any mention in the phrase: persons first, then organisations / groups / places
        inside = [mm for mm in self.mentions if mm.start >= phrase.start_char and mm.end <= phrase.end_char]
        for wanted in ("person", "organization", "group", "place"):
            for mm in inside:
                if mm.entity_type == wanted:
                    if wanted == "place" and not government_for_place(mm.entity_id, mm.text):
                        continue
                    return self._speaker_from_mention(mm, 0.6)
        gov = government_for_place(None, text) if head.text[:1].isupper() else None
        if gov:
            return Speaker(gov, _display(gov), text, start=phrase.start_char, end=phrase.end_char, confidence=0.6)
        return Speaker(None, text, text, start=phrase.start_char, end=phrase.end_char, confidence=0.3)

    @staticmethod
    def _under_clause(t: Token, head: Token) -> bool:
        for t in walk_up(t):
            if t.i == head.i or t.head.i == t.i:
                return False
            if t.dep_ == "acl" and t.head.i == head.i and t.i == head.i + 1 and morph(t, "Tense") == ["Past"] \
                    and morph(t, "VerbForm") == ["Part"]:
                continue  # "le président élu": an adjectival participle is part of the name
            if t.dep_.startswith("acl") or t.dep_ in ("parataxis",) or t.dep_ == "punct" and t.head.i == head.i and t.i > head.i and t.text == ",":
                return True
        return False

    def _affiliation(self, phrase) -> str | None:
        for t in phrase:
            gov = lx.government_of_adjective(t.text)
            if gov:
                return gov
        for mm in self.mentions:
            if mm.start >= phrase.start_char and mm.end <= phrase.end_char:
                gov = government_for_place(mm.entity_id, mm.text) if mm.entity_type == "place" else None
                if gov:
                    return gov
                if mm.entity_type in ("organization", "group"):
                    return mm.entity_id
        return None

    def _person_with_role(self, head: Token, phrase) -> Speaker | None:
        """Most recent person (before the phrase) introduced with the same role noun (or the same
        office in other words: "le chef de l'État" after "le président X")."""
        keys = _role_keys(head)
        matching = [m for m, roles in self.person_roles
                    if m.start < phrase.start_char and keys & roles and not self.in_quote(m.start)]
        salient_ids = {m.entity_id for m in self.salient if m.start < phrase.start_char}
        preferred = [m for m in matching if m.entity_id in salient_ids]
        best = (preferred or matching or [None])[-1]
        if best is not None:
            sp = self._speaker_from_mention(best, 0.6)
            sp.text, sp.start, sp.end = phrase.text, phrase.start_char, phrase.end_char
            return sp
        words = [t.text for t in phrase if not t.is_punct]
        while words and words[0].lower() in ("le", "la", "l'", "l’", "les", "un", "une", "son", "sa", "leur", "the"):
            words = words[1:]
        entry = _kb().resolve_role(" ".join(words), date=self.doc._.published)
        if entry is not None:
            return Speaker(entry.id, entry.name, phrase.text, start=phrase.start_char, end=phrase.end_char, confidence=0.6)
        return None

    # ---------------------------------------------------------------- pronouns
    def resolve_pronoun(self, tok: Token, demonstrative: bool = False) -> Speaker:
        low = tok.lower_.lstrip("-")
        plural = low in ("ils", "elles", "eux", "they", "them", "ceux", "celles", "derniers", "dernières")
        fem = low in ("elle", "elles", "she", "her", "celle", "celles", "dernière", "dernières")
        if demonstrative:
            return self._demonstrative_antecedent(tok, plural, fem)
        side = self.side_aside(tok)
        if side is not None:
            return side
        sent = self.sent_of.get(tok.i, 0)
        cands = []
        k = bisect.bisect_left(self.starts, tok.idx) - 1
        while k >= 0:
            m = self.mentions[k]
            k -= 1
            ms = m.sentence if m.sentence is not None else sent
            if sent - ms > 3:
                break
            if m.end > tok.idx or self.in_quote(m.start):
                continue
            cands.append(m)
        # given names settle gender only when they tell the candidates apart ("X a reçu Amina Y. Elle …")
        gendered = low in ("il", "elle")
        guessed = {id(m): _name_gender(m.text) for m in cands if m.entity_type == "person"} if gendered else {}
        want = "female" if fem else "male"
        if want in guessed.values():
            cands = [m for m in cands if guessed.get(id(m)) not in ("female", "male") or guessed[id(m)] == want]
        last_subj = next((t for t in reversed(self.subjects) if t.idx < tok.idx), None)
        if last_subj is not None and self.mention_at(last_subj) is None and sent - self.sent_of.get(last_subj.i, sent) <= 2:
            number = morph(last_subj, "Number")
            gender = morph(last_subj, "Gender")
            if (number != ["Plur"]) != plural and (not gender or (gender == ["Fem"]) == fem) and last_subj.pos_ == "NOUN":
                sp = self.from_phrase(last_subj)
                sp.text, sp.start, sp.end = tok.text.lstrip("-"), tok.idx, tok.idx + len(tok.text)
                sp.confidence = min(sp.confidence, 0.6)
                return sp
        for m in reversed(self.salient):
            if m.end > tok.idx:
                continue
            ms = m.sentence if m.sentence is not None else sent
            if sent - ms > 2:
                break
            ok_type = m.entity_type in ("organization", "group") or (m.entity_type == "place" and government_for_place(m.entity_id, m.text)) if plural else (
                m.entity_type == "person" or m.entity_type in ("organization", "place") and not m.text.lower().endswith("s"))
            if ok_type and _gender_ok(self.doc, m, fem) and (m.entity_type != "person" or any(c.entity_id == m.entity_id for c in cands) or not guessed):
                sp = self._speaker_from_mention(m, 0.7)
                sp.text, sp.start, sp.end = tok.text.lstrip("-"), tok.idx, tok.idx + len(tok.text)
                return sp
            break  # only the most recent speaker is salient enough
        persons = [m for m in cands if m.entity_type == "person" and _gender_ok(self.doc, m, fem)]
        others = [m for m in cands if m.entity_type in ("organization", "group") or (
            m.entity_type == "place" and government_for_place(m.entity_id, m.text))]
        order = (others + persons) if plural else (persons + others)
        if order:
            # prefer a mention that was itself a subject (salience), else the most recent
            subj = [m for m in order[: len(persons) if (persons and not plural) else len(order)] if self._is_subject(m)]
            chosen = subj[0] if subj else order[0]
            sp = self._speaker_from_mention(chosen, 0.65)
            sp.text, sp.start, sp.end = tok.text.lstrip("-"), tok.idx, tok.idx + len(tok.text)
            return sp
        return Speaker(None, None, tok.text.lstrip("-"), start=tok.idx, end=tok.idx + len(tok.text), confidence=0.2)

    def side_aside(self, tok: Token) -> Speaker | None:
        """"Côté russe, on estime que …" / "Du côté ukrainien, il …": the person last named for
        that side (the head of its delegation, a minister …) in this sentence or the two before,
        else the side's government."""
        kb = _kb()
        if kb is None:
            return None
        sent = sent_of(tok)
        cote = next((t for t in sent if t.i < tok.i and t.lower_ == "côté" and not self.in_quote(t.idx)), None)
        if cote is None:
            return None
        adj = next((t for t in self.doc[cote.i + 1: min(len(self.doc), cote.i + 3)] if lx.government_of_adjective(t.text)), None)
        gov = lx.government_of_adjective(adj.text) if adj is not None else None
        if gov is None:
            return None
        entry = kb.get(gov)
        country = entry.country if entry is not None else None
        infos = self.doc._.entities or {}
        facts = {f.person_id: f.organization_id for f in (self.doc._.roles or [])}
        here = self.sent_of.get(tok.i, 0)
        for m in reversed(self.mentions[: bisect.bisect_left(self.starts, tok.idx)]):
            if m.sentence is not None and here - m.sentence > 2:
                break
            if m.entity_type != "person" or self.in_quote(m.start):
                continue
            info = infos.get(m.entity_id)
            orgs = {getattr(info, "affiliation", None), facts.get(m.entity_id)} - {None}
            if any(o == gov or (kb.get(o) is not None and country and kb.get(o).country == country) for o in orgs):
                sp = self._speaker_from_mention(m, 0.6)
                sp.text, sp.start, sp.end = f"côté {adj.text}", cote.idx, adj.idx + len(adj.text)
                return sp
        return Speaker(gov, _display(gov), f"côté {adj.text}", start=cote.idx, end=adj.idx + len(adj.text), confidence=0.5)

    def _demonstrative_antecedent(self, tok: Token, plural: bool, fem: bool) -> Speaker:
        """"celui-ci" / "ce dernier": the most recent compatible mention before, in this sentence or
        the one before (a person for the singular)."""
        sent = self.sent_of.get(tok.i, 0)
        k = bisect.bisect_left(self.starts, tok.idx) - 1
        while k >= 0:
            m = self.mentions[k]
            k -= 1
            if m.sentence is not None and sent - m.sentence > 1:
                break
            if m.end > tok.idx or self.in_quote(m.start):
                continue
            wanted = m.entity_type in ("organization", "group") if plural else m.entity_type == "person"
            if wanted and _gender_ok(self.doc, m, fem):
                sp = self._speaker_from_mention(m, 0.65)
                sp.text, sp.start, sp.end = tok.text, tok.idx, tok.idx + len(tok.text)
                return sp
        return Speaker(None, None, tok.text, start=tok.idx, end=tok.idx + len(tok.text), confidence=0.2)

    def _is_subject(self, m: Mention) -> bool:
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        t = root
        for _ in range(3):
            if t.dep_ in _SUBJ_DEPS:
                return True
            if t.dep_ in ("appos", "flat:name", "conj", "nmod") and t.head.i != t.i:
                t = t.head
                continue
            break
        return False


def _role_keys(t: Token) -> set[str]:
    """The role noun's form and lemma, and for "chef de l'État" / "chef du gouvernement" the role
    nouns of the same office (``lexicon.CHIEF_OF``)."""
    keys = {t.lower_, t.lemma_.lower()}
    if t.lower_ in ("chef", "cheffe"):
        doc = t.doc
        for u in doc[t.i + 1 : min(len(doc), t.i + 4)]:
            office = lx.CHIEF_OF.get(u.lower_)
            if office is not None:
                keys |= office
                break
            if u.lower_ not in ("de", "du", "l'", "l’", "la"):
                break
    return keys


def _is_role(t: Token) -> bool:
    return t.pos_ == "NOUN" and (t.lower_ in lx.ROLE_NOUNS or t.lemma_.lower() in lx.ROLE_NOUNS)


@lru_cache(maxsize=1)
def _gender_detector():
    """gender-guesser's detector. Parsing its 48,000-line name list takes about 0.16 CPU-s in
    every process; the parsed state (plain data) is kept in the on-disk cache
    (:mod:`dossier.cache`, keyed by the list's bytes and the package's version) and a new
    process gets a detector with that state."""
    from pathlib import Path

    import gender_guesser.detector as gg  # loaded on first use

    from dossier import cache

    key = cache.fingerprint(files=[Path(gg.__file__).parent / "data" / "nam_dict.txt"], modules=[gg],
                            packages=["gender-guesser"], extra=["case_sensitive=False"])
    state = cache.cached("gender-names", key, lambda: dict(vars(gg.Detector(case_sensitive=False))))
    detector = gg.Detector.__new__(gg.Detector)
    detector.__dict__.update(state)
    return detector


def _name_gender(name: str) -> str | None:
    """"female" / "male" for a person name whose given name is clearly one (gender-guesser's
    first-name lists), else None."""
    det = _gender_detector()
    words = name.replace("-", " ").split()
    if len(words) < 2:
        return None
    g = det.get_gender(words[0])
    return g if g in ("female", "male") else None


def _gender_ok(doc: Doc, m: Mention, fem: bool) -> bool:
    """Unknown gender is compatible; a title or article can rule a candidate out."""
    before = access.doc_text(doc)[max(0, m.start - 12) : m.start].split()
    words = [w.lower() for w in before[-2:]] + m.text.lower().split()[:2]
    is_fem = any(w in ("mme", "mme.", "madame", "la", "l'attachée", "elle") for w in words) or any(
        w.endswith("ée") for w in words[:1])
    is_masc = any(w in ("m.", "monsieur", "le", "du") for w in words)
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is not None:
        g = morph(span.root, "Gender")
        if g == ["Fem"] and not is_masc:
            is_fem = True
    if fem:
        return not is_masc or is_fem
    return not is_fem or is_masc


def _display(entity_id: str) -> str:
    entry = _kb().get(entity_id)
    if entry is not None and entry.name:
        return entry.name
    return entity_id.removeprefix("local:").replace("_", " ").title()


def _name_run(doc, i: int, lo: int, hi: int) -> tuple[int, int]:
    """(lo, hi) widened to the run of capitalised words around token ``i`` (and the hyphens glued
    between two of them) within its line: the words of one proper name."""
    def part(k: int) -> bool:
        t = doc[k]
        if t.is_space or "\n" in t.text:
            return False
        if t.text == "-":
            return 0 < k < len(doc) - 1 and not doc[k - 1].whitespace_ and not t.whitespace_ and doc[k + 1].text[:1].isupper()
        return t.text[:1].isupper() and t.is_alpha
    a, b = i, i + 1
    # (a sentence's first word is capitalised whatever it is: only a name there)
    while a > 0 and part(a - 1) and not doc[a].is_sent_start and (not doc[a - 1].is_sent_start or doc[a - 1].pos_ == "PROPN"):
        a -= 1
    while b < len(doc) and part(b):
        b += 1
    return min(lo, a), max(hi, b)
