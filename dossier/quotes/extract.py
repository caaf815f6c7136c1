"""Direct and indirect quotes of one parsed Doc -> list[Quote].

Direct quotes: quoted spans (see :mod:`dossier.quotes.marks`) governed by a speech cue (the
cue verb is an ancestor of the quote, an incise right after it, a cue before it in the same
sentence, "selon X"), or continuing the previous quote. Short quoted words without any cue
are scare quotes / titles and are dropped.

Indirect quotes come from :mod:`dossier.quotes.indirect` (a mixin of the extractor); speakers
from :mod:`dossier.quotes.speakers`. Offsets are into ``doc.text``; ``sentence`` indexes
``list(doc.sents)``.
"""
from __future__ import annotations

import dataclasses
import logging
import re
from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from dossier.models import Quote
from dossier.nlp import access
from dossier.nlp.sentences import MAX_SENTENCE_TOKENS
from dossier.nlp.tokens import TokenTable, morph, table
from dossier.quotes import lexicon as lx
from dossier.quotes.indirect import CLOSERS as _CLOSERS
from dossier.quotes.indirect import IndirectMixin
from dossier.quotes.indirect import trim as _trim
from dossier.quotes.marks import QuoteSpan, find_quote_spans, split_incises
from dossier.quotes import constraints as cx
from dossier.quotes.speakers import Speaker, SpeakerResolver, government_for_place, speaker_fields
from dossier.timex.calendar import value_to_date

log = logging.getLogger(__name__)

_SKIPPABLE_BEFORE_CUE = ("AUX", "ADV", "PRON", "PART")
# a short place or time adjunct between a quote and its incise ("« … » à Gaza, a lancé X")
_ADJUNCT_BEFORE_CUE = ("ADP", "DET", "PROPN")

# the longest written sentence a clause boundary is looked for in (tokens each way)
_MAX_SCAN = 2 * MAX_SENTENCE_TOKENS


_PLURAL_DETS = frozenset({"les", "des", "ces", "leurs", "nos", "vos", "mes", "tes", "ses", "plusieurs"})


def _agree(pronoun: Token, noun: Token) -> bool:
    """The pronoun and the noun do not disagree in number: a singular pronoun ("il", "elle")
    does not stand for a plural noun phrase ("les rebelles"), nor a plural one for a singular
    common noun (a proper name's number is not trusted: "les États-Unis" may be read either way)."""
    number = morph(pronoun, "Number")
    plural = morph(noun, "Number") == ["Plur"] or any(
        c.dep_ == "det" and c.lower_ in _PLURAL_DETS for c in noun.children)
    if number == ["Sing"]:
        return not plural
    if number == ["Plur"]:
        return plural or noun.pos_ == "PROPN" or morph(noun, "Number") != ["Sing"]
    return True


@dataclass
class _Cue:
    token: Token | None
    text: str
    speaker: Speaker
    how: str  # ancestor | incise | before | sentence | selon | naming | continuation
    place_id: str | None = None
    extra: dict = field(default_factory=dict)


def _withheld(t: Token) -> bool:
    """"sans préciser …", "without naming …": a reporting verb its clause says was not used."""
    return morph(t, "VerbForm") in (["Inf"], ["Ger"]) and any(
        c.dep_ == "mark" and c.lower_ in lx.WITHHOLDING_MARKS for c in t.children)


# every word that passes Extractor.may_cue has its form or its lemma in this set
_CUE_WORDS = lx.REPORTING_FORMS | lx.REPORTING_LEMMAS | {"savoir", "entendre"}


def _faire_savoir_at(tab: TokenTable, i: int) -> bool:
    return tab.lemma[i] in ("savoir", "entendre") and i > 0 and tab.lemma[i - 1] in ("faire", "laisser")


class Extractor(IndirectMixin):
    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = access.doc_text(doc)
        self.sents = list(table(doc).sents)
        self.sent_starts = [s.start_char for s in self.sents]
        self.mentions = access.mentions(doc)
        # « Truth Social », « Hamas »: a name set in quotation marks is no speech, and the clause
        # around it is read as if it had no marks ("a confirmé sur « Truth Social » que …")
        self.spans = [s for s in find_quote_spans(self.text) if s.depth == 0 and not self._only_a_name(s.open, s.close)]
        self.quoted = [(s.open, s.close) for s in self.spans]
        self.resolver = SpeakerResolver(doc, self.mentions, self.quoted)
        self.tab = table(doc)
        self._cue_memo: dict[tuple[int, bool], bool] = {}
        words = _CUE_WORDS  # a lemma or form one of which every cue has: the cheap test of the cheap test
        self.maybe_cues = [i for i, (low, lemma) in enumerate(zip(self.tab.lower, self.tab.lemma))
                           if (low in words or lemma in words) and self.may_cue(i)]
        self.cue_tokens = [doc[i] for i in self.maybe_cues if self.is_cue(doc[i])]
        self.resolver.note_cue_subjects(self.cue_tokens)
        self.co_speakers: dict[int, list[Speaker]] = {}  # id(quote) -> co-speakers of a coordinated subject

    def new_quote(self, sp: Speaker, **fields) -> Quote:
        """A Quote with its speaker's fields; co-speakers are remembered for :meth:`run`."""
        q = Quote(**fields, **speaker_fields(sp))
        if sp.others:
            self.co_speakers[id(q)] = sp.others
        return q

    def same_par(self, t: Token, u: Token) -> bool:
        return self.resolver.same_par(t, u)

    def par_bounds(self, char: int) -> tuple[int, int]:
        k = self.resolver.para_of(char)
        a = self.resolver.par_starts[k]
        b = self.resolver.par_starts[k + 1] - 1 if k + 1 < len(self.resolver.par_starts) else len(self.text)
        return a, b

    def clause_start(self, tok: Token) -> int:
        """Start of the written sentence holding ``tok`` (sentence punctuation or paragraph start)."""
        idx, text = self.tab.idx, self.tab.text  # (token.idx, token.text)
        pa, _ = self.par_bounds(tok.idx)
        j = tok.i - 1
        while j >= 0 and idx[j] >= pa:
            if text[j] in (".", "!", "?") and not self.in_quote(idx[j]):
                return idx[j + 1]
            if tok.i - j > _MAX_SCAN:  # a run-on paragraph: no written sentence is that long
                return idx[j + 1]
            j -= 1
        return pa

    def clause_end(self, tok: Token, stop_at_cues: bool = True) -> int:
        """End of the written sentence from ``tok`` on; stops before ", ajoutant que" style cues."""
        doc = self.doc
        idx, text = self.tab.idx, self.tab.text  # (token.idx, token.text: a Token only at a comma)
        _, pb = self.par_bounds(tok.idx)
        j = tok.i
        while j < len(doc) and idx[j] < pb:
            if text[j] in (".", "!", "?", ";") and not self.in_quote(idx[j]):
                return idx[j]
            if j - tok.i > _MAX_SCAN:  # a run-on paragraph: no written sentence is that long
                return idx[j]
            if stop_at_cues and text[j] == "," and j + 1 < len(doc) and not self.in_quote(idx[j]):
                t, nxt = doc[j], doc[j + 1]
                ahead = [x for x in doc[j + 1 : min(len(doc), j + 8)] if self.same_par(x, t)]
                if any(self.is_cue(x) and not self._is_participle(x) and morph(x, "VerbForm") != ["Inf"]
                       and (x.pos_ == "VERB") and any(y.pos_ == "AUX" or morph(y, "VerbForm") == ["Fin"] for y in doc[max(j + 1, x.i - 3) : x.i + 1])
                       for x in ahead) and not any(x.text in (".", ";") for x in ahead[:1]):
                    return t.idx
                if self._is_participle(nxt) and self.is_cue(nxt) or nxt.lower_ in ("selon", "according") or (
                        nxt.pos_ == "AUX" and j + 2 < len(doc) and (self.is_cue(doc[j + 2]) or doc[j + 2].lower_ in ("-t", "-il", "-elle"))):
                    return t.idx
            j += 1
        return pb

    # ------------------------------------------------------------------ utilities
    def in_quote(self, char: int) -> bool:
        return self.resolver.in_quote(char)

    def sentence_of(self, char: int) -> int:
        return access.sentence_index(self.doc, char, self.sent_starts)

    def tokens(self, start: int, end: int) -> Span | None:
        return self.doc.char_span(start, end, alignment_mode="expand")

    def may_cue(self, i: int) -> bool:
        """The cheap test of :meth:`is_cue` (without ``naming``) on the ``i``-th token: a
        reporting word or "fait savoir". A token failing it is no cue."""
        return lx.reporting_at(self.tab, i) or _faire_savoir_at(self.tab, i)

    def is_cue(self, t: Token, naming: bool = False) -> bool:
        """Whether ``t`` is a speech cue here (remembered per token: the scans ask again and again)."""
        key = (t.i, naming)
        found = self._cue_memo.get(key)
        if found is None:
            found = self._cue_memo[key] = self._is_cue(t, naming)
        return found

    def _is_cue(self, t: Token, naming: bool = False) -> bool:
        reporting = lx.is_reporting(t)
        if not (reporting or self._faire_savoir(t) or (
                naming and lx.lemma_of(t) in lx.NAMING_LEMMAS and t.pos_ == "VERB")):
            return False  # the cheap test first: most words report nothing
        if self.in_quote(t.idx):
            return False
        if t.dep_ in ("acl", "amod") and morph(t, "VerbForm") == ["Part"] and morph(t, "Tense") == ["Past"] and not any(
                c.dep_.startswith("aux") for c in t.children) and not self._aux_before(t):
            return False  # "le plan dit « de paix »": an adjectival participle, not a report
        return not _withheld(t) if reporting else True  # "fait savoir", or a naming verb

    @staticmethod
    def _aux_before(t: Token) -> bool:
        """"a de son côté annoncé": an auxiliary a few words before, across an aside."""
        doc = t.doc
        for u in reversed(doc[max(0, t.i - 5): t.i]):
            if u.is_punct:
                return False
            if u.pos_ == "AUX" and u.lemma_ in ("avoir", "être"):
                return True
        return False

    @staticmethod
    def _faire_savoir(t: Token) -> bool:
        """"fait savoir", "laisse entendre" (reporting by a light verb + infinitive)."""
        return _faire_savoir_at(table(t.doc), t.i)

    def _introduced_as_name(self, q: QuoteSpan) -> bool:
        """"le film « … »", "le plan dit « … »", "Surnommé « … »": a name or title, not speech."""
        before = self.tokens(max(0, q.open - 30), q.open)
        if before is None:
            return False
        words = [t for t in before if t.idx + len(t.text) <= q.open and not t.is_space]
        if not words:
            return False
        last = words[-1]
        if last.lower_ not in lx.TITLE_INTRODUCERS and last.lemma_.lower() not in lx.TITLE_INTRODUCERS:
            return False
        return not any(c.dep_.startswith("aux") for c in last.children) and not (
            last.i > 0 and self.doc[last.i - 1].pos_ == "AUX")

    def _only_a_name(self, start: int, end: int) -> bool:
        """The quoted words (``start``..``end``, marks included or not) are one entity mention and
        nothing else but punctuation."""
        inner = self.text[start:end]
        lead = len(inner) - len(inner.lstrip(" \u00a0\u202f'\"“”«»’.,"))
        trail = len(inner) - len(inner.rstrip(" \u00a0\u202f'\"“”«»’.,"))
        a, b = start + lead, end - trail
        return a < b and any(m.start <= a and b <= m.end for m in self.mentions)

    def _has_finite_verb(self, start: int, end: int) -> bool:
        span = self.tokens(start, end)
        return span is not None and any(t.pos_ in ("VERB", "AUX") and "Fin" in morph(t, "VerbForm") for t in span)

    def _final_incise(self, q: QuoteSpan) -> Token | None:
        """A cue verb in an incise closing the written sentence of the quote ("…, a-t-il déclaré.")."""
        toks = self.tokens(q.close, min(len(self.text), q.close + 400))
        if toks is None or not len(toks):
            return None
        tab, para_of = self.tab, self.resolver.para_of  # (the scan reads the lists: no Token per word)
        text, idx, pos, lemma = tab.text, tab.idx, tab.pos, tab.lemma
        par = para_of(idx[toks.start])
        for i in range(toks.start, toks.end):
            if text[i] in (".", "!", "?", ";") and not self.in_quote(idx[i]) or para_of(idx[i]) != par:
                return None
            if self.in_quote(idx[i]):
                continue
            if pos[i] in ("VERB", "AUX") and (lemma[i] in lx.INCISE_LEMMAS or self.is_cue(self.doc[i])):
                t = self.doc[i]
                if self._incise_content(t) is not None:
                    return t
        return None

    def _names(self, t: Token, q: QuoteSpan) -> bool:
        """A naming/directive verb right above a quote ("qualifié … de « … »", "présentée comme « … »")."""
        lemma = lx.lemma_of(t)
        if lemma not in lx.NAMING_LEMMAS or t.pos_ != "VERB":
            return False
        between = self.text[t.idx : q.open].lower()
        if lemma in ("présenter", "décrire", "dénoncer", "describe"):
            return " comme " in between or " as " in between
        if lemma in ("qualifier", "traiter", "parler", "évoquer"):
            return " de " in between or " d'" in between or between.rstrip().endswith("de") or lemma == "évoquer"
        return True

    def negated(self, t: Token) -> bool:
        verbs = [t, t.doc[t.i - 1]] if self._faire_savoir(t) else [t]
        return any(c.lower_ in lx.NEGATIONS and c.i < t.i for v in verbs for c in v.children)

    def subordinate_end(self, t: Token) -> int | None:
        """End (char) of the subordinate clause ``t`` heads ("Si X avait appelé à …, …"), else None."""
        if not any(c.dep_ == "mark" and c.lower_ in lx.SUBORDINATE_MARKS and c.i < t.i for c in t.children):
            return None
        last = t.right_edge
        return last.idx + len(last.text)

    def cue_phrase(self, t: Token) -> str:
        """Surface of the cue: auxiliaries + verb (+ "que"), e.g. "a déclaré", "a-t-il déclaré"."""
        doc = self.doc
        lo = t.i
        while lo > 0 and (doc[lo - 1].pos_ == "AUX" or doc[lo - 1].lower_ in ("-t", "-il", "-elle", "-ils", "-elles", "fait", "a", "avait")) and t.i - lo < 4:
            lo -= 1
        hi = t.i + 1
        while hi < len(doc) and doc[hi].lower_ in ("-t-il", "-t-elle", "-il", "-elle", "-t"):
            hi += 1
        return doc[lo:hi].text

    def speaker_for(self, cue: Token, depth: int = 0) -> Speaker:
        sp = self._speaker_for(cue, depth)
        if sp.id is not None and self.resolver.is_media(sp.id):  # "…, rapporte Reuters": a relay, not the speaker
            return Speaker(None, None, None, reported_by=sp.id, confidence=0.3)
        if sp.empty and sp.reported_by is None and sp.source_document is None:
            verb = cue.doc[cue.i - 1] if self._faire_savoir(cue) else cue
            agent = self._trailing_agent(verb)  # "qualifiées de « … » par Israël"
            if agent is not None:
                return agent
        return sp

    def _trailing_agent(self, verb: Token) -> Speaker | None:
        """The "par X" agent of a participle, after a quoted complement, in the same clause."""
        if morph(verb, "VerbForm") != ["Part"]:
            return None
        doc = self.doc
        for t in doc[verb.i + 1: min(len(doc), verb.i + 30)]:
            if t.text in (".", ";", "!", "?") and not self.in_quote(t.idx) or not self.same_par(t, verb):
                return None
            if t.lower_ == "par" and not self.in_quote(t.idx) and t.i + 1 < len(doc):
                head = next((x for x in doc[t.i + 1: t.i + 5] if x.pos_ in ("NOUN", "PROPN")), None)
                if head is not None:
                    sp = self.resolver.from_phrase(head)
                    return None if sp.empty else sp
        return None

    def _speaker_for(self, cue: Token, depth: int = 0) -> Speaker:
        if cue.lower_ in ("selon", "après", "according", "suivant"):
            return self._selon_source(cue)[0]
        verb = cue.doc[cue.i - 1] if self._faire_savoir(cue) else cue
        r = self.resolver
        if verb.pos_ == "NOUN":  # "a conclu son annonce par …": whoever does the verb it depends on
            head = verb.head
            for _ in range(3):
                if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
                    break
                head = head.head
            if head.pos_ in ("VERB", "AUX") and head.i != verb.i:
                verb = head
        subj = None
        if self._is_participle(verb) and verb.dep_ == "acl" and self._speaking(self._described(verb)) is not None:
            subj = self._described(verb)  # "la question d'un journaliste suggérant que …": the journalist
        elif self._is_participle(verb) and depth < 2:
            main = r.main_cue(verb, self.cue_tokens)
            if main is not None:
                return self.speaker_for(main, depth + 1)
            subj = r.participle_subject(verb)
        if subj is None and verb.i == cue.i:
            incise = r.incise_subject(cue)
            if incise is not None:
                return incise
        if subj is None:
            subj = self._speaking(r.subject_of(verb))
        if subj is None:
            subj = self._speaking(r.coordinated_subject(verb))
        if subj is None:
            subj = self._speaking(r.left_subject(verb))
        if subj is not None and subj.pos_ == "PRON" and verb.dep_ == "acl:relcl" and verb.head.lower_ == "ce" \
                and verb.head.head.i != verb.head.i and verb.head.head.pos_ in ("VERB", "AUX"):
            # "l'Inde a frappé ce qu'elle présente comme …": the pronoun is the main clause's subject,
            # when it agrees with it ("les rebelles ont cessé …, ce qu'il a qualifié de …": not them)
            main = r.subject_of(verb.head.head)
            if main is not None and main.pos_ in ("NOUN", "PROPN") and _agree(subj, main):
                subj = main
        if subj is not None:
            below = [t.i for t in subj.subtree]
            if subj.i < verb.i <= max(below):
                # a parse that hangs the verb under its own subject: the phrase stops before the verb
                return r.from_phrase(subj, (min(below), verb.i))
            return r.from_phrase(subj)
        inv = r.inverted_subject(cue)
        if inv is not None:
            return inv
        return Speaker(None, None, None, confidence=0.1)

    def _speaking(self, subj: Token | None) -> Token | None:
        """``subj`` when it can be a speaker; a date, an abstract or negated noun phrase is no
        speaker ("Les discussions se sont déroulées …, a affirmé X": X is)."""
        if subj is None:
            return None
        m = self.resolver.mention_at(subj)
        if m is not None and m.entity_type == "place" and not government_for_place(m.entity_id, m.text):
            return None  # a place that stands for no government does not speak
        return subj if cx.can_speak(subj, m is not None) else None

    @staticmethod
    def _described(verb: Token) -> Token | None:
        """The noun a present participle describes, right after it with no comma between
        ("un journaliste suggérant que"), or None ("X a parlé, affirmant que": a participle set
        off by a comma goes with the clause's subject, whatever noun the parser hung it on)."""
        head = verb.head
        if head.i >= verb.i or head.pos_ not in ("NOUN", "PROPN"):
            return None
        if any(t.text in (",", ";", ":", "(", ")", "«", "»", '"', "—", "–") for t in verb.doc[head.i + 1 : verb.i]):
            return None
        return head

    @staticmethod
    def _is_participle(t: Token) -> bool:
        return morph(t, "VerbForm") == ["Part"] and morph(t, "Tense") == ["Pres"] or t.lower_.endswith("ant") and t.pos_ == "VERB"

    def place_of(self, cue: Token) -> str | None:
        """Place where the statement was made ("… a déclaré pendant un point presse à Genève")."""
        doc = self.doc
        verb = doc[cue.i - 1] if self._faire_savoir(cue) else cue
        for t in doc[verb.i + 1 : min(len(doc), verb.i + 16)]:
            if t.text in (".", ";", "!", "?", "«", '"', "“", ":") or t.lower_ in ("que", "qu'", "qu’") or self.in_quote(t.idx):
                break
            if not self.same_par(t, verb) or t.pos_ == "VERB" and t.i > verb.i + 1:
                break
            m = self.resolver.mention_at(t)
            if m is None or m.entity_type != "place" or m.start != t.idx:
                continue
            before = {x.lower_ for x in doc[max(0, t.i - 2) : t.i]}
            if before & {"à", "au", "en", "depuis", "in", "at"}:
                return m.entity_id
        return None

    # ------------------------------------------------------------------ direct quotes
    def direct_cue(self, q: QuoteSpan, start: int, end: int) -> _Cue | None:
        doc = self.doc
        span = self.tokens(start, end)
        if span is None:
            return None
        # 1. a cue verb governing the quote
        final = self._final_incise(q)
        if final is not None:
            return _Cue(final, self.cue_phrase(final), self.speaker_for(final), "incise")
        root = span.root
        t = root
        for depth in range(5):
            if t.head.i == t.i:
                break
            t = t.head
            if not self.same_par(t, root):
                break
            if q.open <= t.idx < q.close or self.in_quote(t.idx):
                continue
            if (self.is_cue(t) or lx.lemma_of(t) in lx.ACCUSATION_LEMMAS and t.pos_ == "VERB") and not self.negated(t):
                return _Cue(t, self.cue_phrase(t), self.speaker_for(t), "ancestor")  # "accuse X de « … »" too
            if depth <= 1 and self._names(t, q) and not self.negated(t):
                sp = self.speaker_for(t)
                if sp.id is None and sp.text is None:
                    break  # a label nobody is said to use ("surnommé « … »")
                return _Cue(t, self.cue_phrase(t), sp, "ancestor")
        # 2. an incise right after the closing mark: ", a-t-il déclaré", ", selon X"
        after = self.tokens(q.close, min(len(self.text), q.close + 80))
        if after is not None:
            seen = 0
            for t in doc[after.start : min(len(doc), after.start + 9)]:
                if t.is_punct and t.text in ",–—-" or t.text in _CLOSERS:
                    continue
                if t.text in (".", "!", "?", "«", "\n") or self.in_quote(t.idx):
                    break
                if t.lower_ in ("selon", "d'", "according", "suivant") or (t.lower_ == "après" and doc[t.i - 1].lower_ == "d'"):
                    cue_tok = t if t.lower_ != "d'" else doc[t.i + 1]
                    sp, _ = self._selon_source(cue_tok)
                    return _Cue(cue_tok, self._selon_text(cue_tok), sp, "incise")
                if self.is_cue(t) or t.lemma_.lower() in lx.INCISE_LEMMAS:
                    return _Cue(t, self.cue_phrase(t), self.speaker_for(t), "incise")
                seen += 1
                english = any(x.lower_ in lx.REPORTING_FORMS_EN for x in doc[t.i : min(len(doc), t.i + 5)])
                adjunct = t.pos_ in _ADJUNCT_BEFORE_CUE and any(x.text == "," for x in doc[t.i + 1: min(len(doc), t.i + 4)])
                if (t.pos_ not in _SKIPPABLE_BEFORE_CUE and not adjunct and not english) or seen > 4:
                    break
        # 3. a cue before the quote in the same sentence ("X a déclaré : « … »")
        s_idx = self.sentence_of(q.open)
        sent = self.sents[s_idx]
        best = None
        pa, pb = self.par_bounds(q.open)
        cs = self.clause_start(self.tokens(q.open, q.open + 1)[0]) if self.tokens(q.open, q.open + 1) is not None else pa
        for t in sent:
            if t.idx >= q.open:
                break
            if t.idx < max(pa, cs):
                continue
            if (self.is_cue(t) or self._names(t, q)) and not self.negated(t):
                sub_end = self.subordinate_end(t)
                if sub_end is not None and sub_end <= q.open:
                    continue  # a cue inside an earlier "si …" clause does not govern the quote
                best = t
        if best is not None:
            return _Cue(best, self.cue_phrase(best), self.speaker_for(best), "before")
        for t in doc[max(0, sent.start - 40) : len(doc)]:
            if t.idx >= q.open:
                break
            if t.idx < max(pa, cs) or self.in_quote(t.idx):
                continue
            if self._is_source_prep(t):
                sp, _ = self._selon_source(t)
                if sp.id is not None or sp.text is not None:
                    return _Cue(t, self._selon_text(t), sp, "selon")
        # 4. any cue / selon in the sentence after the quote
        e_idx = self.sentence_of(max(q.close - 1, q.open))
        for t in doc[sent.start : self.sents[e_idx].end]:
            if t.idx < q.close or self.in_quote(t.idx):
                continue
            if t.idx >= pb or (t.text in (".", "!", "?") and t.idx > q.close):
                break
            if t.lower_ in ("selon", "according", "suivant") or (t.lower_ == "après" and doc[t.i - 1].lower_ == "d'"):
                sp, _ = self._selon_source(t)
                return _Cue(t, self._selon_text(t), sp, "selon")
            if self.is_cue(t) and not self.negated(t):
                return _Cue(t, self.cue_phrase(t), self.speaker_for(t), "sentence")
        # also "« … ». Il a déclaré …" is not used; "Il a déclaré : « … »" on the line before:
        if s_idx > 0:
            prev = self.sents[s_idx - 1]
            last = [t for t in prev if not t.is_space]
            if last and last[-1].text == ":":
                for t in reversed(last):
                    if self.is_cue(t) and not self.negated(t):
                        return _Cue(t, self.cue_phrase(t), self.speaker_for(t), "before")
        return None

    def direct_quotes(self) -> list[Quote]:
        out: list[Quote] = []
        prev: tuple[Quote, QuoteSpan] | None = None
        for q in self.spans:
            for part_start, part_end, inc_a, inc_b in split_incises(self.text, q):
                qq = q if inc_a < 0 else QuoteSpan(q.open, q.close, part_start, part_end, q.mark, q.closed, 0)
                cue = None
                if inc_a >= 0:
                    inc = self.tokens(inc_a, inc_b)
                    verbs = [t for t in inc if t.pos_ in ("VERB", "AUX") and (self.is_cue(t) or t.lemma_.lower() in lx.INCISE_LEMMAS or t.lower_ in lx.REPORTING_FORMS)] if inc is not None else []
                    if verbs:
                        v = verbs[-1]
                        cue = _Cue(v, self.cue_phrase(v), self.speaker_for(v), "incise")
                if cue is None:
                    cue = self.headline_cue(part_start)
                if cue is None:
                    cue = self.direct_cue(qq, part_start, part_end)
                if cue is not None and prev is not None and (cue.how == "incise" or (
                        cue.how == "ancestor" and cue.token is not None and cue.token.idx >= q.close)):
                    # (a cue after the closing mark the parser hangs the quote on is an incise too)
                    cue = self._pronoun_takes_previous_speaker(cue, prev)
                words = len(self.text[part_start:part_end].split())
                if cue is not None and self._introduced_as_name(q) and (words <= 6 or not self._has_finite_verb(part_start, part_end)):
                    continue  # a name or title ("baptisé « … »"), not speech
                if cue is None and prev is not None:
                    gap = self.text[prev[1].close : q.open]
                    incise_gap = gap.lstrip().startswith(",")
                    if len(gap) < 120 and gap.count("\n") <= 2 and (incise_gap or not any(
                        self.is_cue(t) for t in (self.tokens(prev[1].close, q.open) or []))):
                        pq = prev[0]
                        cue = _Cue(None, pq.cue, Speaker(pq.speaker_id, pq.speaker_name, pq.speaker_text, pq.anonymous, pq.affiliation, confidence=0.6,
                                                         reported_by=pq.reported_by, source_document=pq.source_document,
                                                         others=self.co_speakers.get(id(pq), [])), "continuation")
                if cue is None:
                    continue
                if cue.how in ("sentence", "selon") and words <= 3 and _looks_like_title(self.text[part_start:part_end]):
                    continue
                if words <= 4 and _no_lower_case(self.text[part_start:part_end]):
                    continue  # « APA », « PEACE 2025 »: an acronym, a banner or a name in capitals, not speech
                if cue.how == "sentence" and words <= 2 and cue.token is not None and cue.token.idx > q.close + 200:
                    continue
                sentence = self.sentence_of(part_start)
                place = self.place_of(cue.token) if cue.token is not None else None
                conf = round(min(0.95, 0.5 + 0.4 * cue.speaker.confidence + (0.1 if cue.how in ("ancestor", "incise") else 0)), 2)
                quote = self.new_quote(
                    cue.speaker, start=part_start, end=part_end, text=self.text[part_start:part_end], kind="direct",
                    cue=cue.text, place_id=place, sentence=sentence, confidence=conf,
                )
                out.append(quote)
                prev = (quote, q)
        return out

    def headline_label(self, char: int) -> tuple[Speaker, int, int] | None:
        """"Trump : Israël et l'Iran ont convenu …" / "Iran : « Pas d'accord » …": a line opening
        with an actor and a colon, whose rest has no cue verb of its own, is that actor's words.
        Returns the speaker and the (start, end) of the words."""
        pa, pb = self.par_bounds(char)
        line = self.text[pa:pb]
        colon = line.find(" : ")
        if colon < 0 or colon > 60 or "\n" in line[:colon]:
            return None
        ms = [m for m in self.mentions if pa <= m.start and m.end <= pa + colon]
        first = self.text[pa:pa + colon].strip()
        m = next((m for m in ms if m.text == first), None)
        if m is None or m.entity_type not in ("person", "organization", "group", "place"):
            return None
        sp = self.resolver._speaker_from_mention(m, 0.6)
        if m.entity_type == "place" and sp.id == m.entity_id:
            return None  # a place that stands for no government is a topic label ("Soudan : …")
        a, b = pa + colon + 3, pb
        toks = self.tokens(a, b)
        if toks is None or any(self.is_cue(t) or lx.lemma_of(t) in lx.EXPRESSION_LEMMAS for t in toks if not self.in_quote(t.idx)):
            return None
        if m.entity_type == "place" and any(t.pos_ in ("VERB", "AUX") and "Fin" in morph(t, "VerbForm")
                                            for t in toks if not self.in_quote(t.idx)):
            return None  # "Soudan : les FSR acceptent …": a country labels the topic of a sentence
        return sp, a, b

    def headline_cue(self, char: int) -> _Cue | None:
        found = self.headline_label(char)
        if found is None or not (found[1] <= char < found[2]):
            return None
        sp = found[0]
        return _Cue(None, f"{sp.text} :", sp, "headline")

    def headline_quotes(self) -> list[tuple[Quote, int]]:
        """The words of a headline "Actor : …" when they state something (a finite verb)."""
        out, seen = [], set()
        for m in self.mentions:
            pa, _ = self.par_bounds(m.start)
            if m.start != pa or pa in seen:
                continue
            seen.add(pa)
            found = self.headline_label(m.start)
            if found is None:
                continue
            sp, a, b = found
            a, b = _trim(self.text, a, b)
            if b - a < 12 or not self._beyond_quotes(a, b) or not self._has_finite_verb(a, b):
                continue
            out.append((self.new_quote(sp, start=a, end=b, text=self.text[a:b], kind="indirect", cue=f"{sp.text} :",
                                       sentence=self.sentence_of(a), confidence=0.6), m.start))
        return out

    def _pronoun_takes_previous_speaker(self, cue: _Cue, prev: tuple[Quote, QuoteSpan]) -> _Cue:
        """"« … », a déclaré le chef de la diplomatie. « … », a-t-il ajouté": a pronoun in the
        incise of the next quote is the previous quote's speaker when nobody else is named
        between the two quotes."""
        sp, (pq, pspan) = cue.speaker, prev
        low = (sp.text or "").lower()
        if low not in ("il", "elle", "ils", "elles") or cue.token is None or not (pq.speaker_id or pq.speaker_text):
            return cue
        if cue.token.idx - pspan.close > 400 or self.text.count("\n", pspan.close, cue.token.idx) > 2:
            return cue
        if low in ("ils", "elles") and not self.co_speakers.get(id(pq)):
            return cue
        named = [m for m in self.mentions if pspan.close <= m.start < cue.token.idx and not self.in_quote(m.start)
                 and m.entity_type in ("person", "organization", "group") and m.entity_id != pq.speaker_id]
        if named or pq.speaker_id == sp.id:
            return cue
        new = Speaker(pq.speaker_id, pq.speaker_name, sp.text, pq.anonymous, pq.affiliation, start=sp.start, end=sp.end,
                      confidence=0.65, reported_by=pq.reported_by, source_document=pq.source_document)
        return _Cue(cue.token, cue.text, new, cue.how, cue.place_id, cue.extra)

    # ------------------------------------------------------------------ all
    def run(self) -> list[Quote]:
        direct = self.direct_quotes()
        indirect = self.indirect_quotes() + self.selon_quotes() + self.headline_quotes()
        indirect += self.conditional_quotes(sorted(direct + [q for q, _ in indirect], key=lambda q: q.start))
        # nested reports ("X a déclaré que Y estimait que …") keep only the outer one
        indirect.sort(key=lambda item: (item[0].start, -(item[0].end - item[0].start)))
        kept: list[Quote] = []
        kept_spans: set[tuple[int, int]] = set()
        for k, (q, cue_char) in enumerate(indirect):
            if any(o.start <= cue_char < o.end for j, (o, _) in enumerate(indirect) if j != k):
                continue
            if (q.start, q.end) in kept_spans:
                continue
            kept.append(q)
            kept_spans.add((q.start, q.end))
        quotes = sorted(direct + kept, key=lambda q: (q.start, q.kind))
        shared = []
        for q in quotes:
            # "X et Y ont dit": one statement, every speaker named (ids, or the surface form)
            q.co_speakers = list(dict.fromkeys(o.id or o.text for o in self.co_speakers.get(id(q), [])
                                               if (o.id or o.text) and (o.id or o.text) != q.speaker_id))
            # ... and attributed to each of them when they are coordinated ("la Chine et la Russie"),
            # one quote per speaker naming the others; an enumeration apposed to a collective
            # subject ("plusieurs pays européens – France, Allemagne, Espagne –") keeps one quote
            others = self.co_speakers.get(id(q), [])
            coordinated = any(o.start > 0 and re.search(r"\s(et|and|ainsi que)\s+(\S+\s+)?$", self.text[max(0, o.start - 16):o.start])
                              for o in others)
            for o in others if coordinated else []:
                if o.id is None or o.id == q.speaker_id:
                    continue
                copy = dataclasses.replace(q, speaker_id=o.id, speaker_name=o.name, speaker_text=o.text,
                                           anonymous=False, affiliation=None,
                                           co_speakers=[x for x in [q.speaker_id, *q.co_speakers] if x and x != o.id])
                shared.append(copy)
        quotes = sorted(quotes + shared, key=lambda q: (q.start, q.kind))
        for q in quotes:
            self._date(q)
        return quotes


    def _after_publication(self, value: str) -> bool:
        """A date that starts after the article's publication day: nobody is reported to have
        said something then ("… dans son discours d'investiture, en janvier" misread as next
        January dates an event it mentions, not the statement)."""
        published = self._published_day
        found = value_to_date(value) if published is not None else None
        return found is not None and found[0] > published

    @cached_property
    def _published_day(self):
        """The first day of the article's publication date (None when unknown)."""
        parsed = value_to_date(self.doc._.published) if self.doc._.published else None
        return parsed[0] if parsed else None

    def _date(self, q: Quote) -> None:
        """When the statement was made: a time expression of its written sentence outside the
        reported content ("a déclaré mardi"), else the sentence time when it does not come from
        inside the content, else the publication date."""
        toks = self.tokens(q.start, q.end)
        if toks is None:
            return
        c_start, c_end = self.clause_start(toks[0]), self.clause_end(toks[-1], stop_at_cues=False)
        timexes = access.timexes(self.doc)
        outside = [t for t in timexes if t.value and c_start <= t.start and t.end <= c_end + 1
                   and (t.end <= q.start or t.start >= q.end) and t.type in ("date", "time")
                   and not self._after_publication(t.value)]
        if outside:
            best = min(outside, key=lambda t: min(abs(t.end - q.start), abs(t.start - q.end)))
            q.date, q.date_precision, q.date_basis = best.value, best.precision, "governing"
            return
        for i in range(self.sentence_of(c_start), self.sentence_of(max(c_start, c_end - 1)) + 1):
            st = access.sentence_time(self.doc, i)
            if st is None or not st.value or self._after_publication(st.value):
                continue
            tx = timexes[st.timex_index] if st.timex_index is not None and st.timex_index < len(timexes) else None
            if tx is not None and q.start <= tx.start < q.end:
                continue  # a date inside what was said is not when it was said
            if st.basis in ("governing", "nearest") and tx is not None and not (c_start <= tx.start <= c_end):
                continue
            q.date, q.date_precision, q.date_basis = st.value, st.precision, st.basis
            return
        if self.doc._.published:
            q.date, q.date_precision, q.date_basis = self.doc._.published, self.doc._.published_precision, "publication-fallback"


def _no_lower_case(s: str) -> bool:
    return any(c.isalpha() for c in s) and not any(c.islower() for c in s)


def _looks_like_title(s: str) -> bool:
    words = [w for w in s.split() if w[:1].isalpha()]
    return bool(words) and all(w[0].isupper() for w in words if len(w) > 3)


def extract_quotes(doc: Doc) -> list[Quote]:
    """All quotes of a parsed Doc (direct and indirect), sorted by position."""
    return Extractor(doc).run()
