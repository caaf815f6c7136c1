"""Indirect speech: "X a déclaré que …", "affirme avoir …", "selon X, …", "…, a déclaré X",
"qualifié de …", "appelle à …", and reportive conditionals following a report.

A mixin of :class:`dossier.quotes.extract.Extractor` (it uses the extractor's paragraph, clause,
cue and speaker helpers). An indirect entry is only kept when its content goes beyond the quoted
fragments it contains, so mixed quotations yield a direct and an indirect entry.
"""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from dossier.models import Quote
from dossier.quotes import lexicon as lx
from dossier.quotes.speakers import Speaker
from dossier.nlp.tokens import morph

CLOSERS = set("»\"”’'")
# the words a source preposition can be (see IndirectMixin._is_source_prep)
_SOURCE_PREP_WORDS = frozenset({"selon", "suivant", "according", "après", "pour"})
# verbs whose object or "à" clause is what was asked for ("appelle à …", "qualifié de …")
_CALL_LEMMAS = ("appeler", "exhorter", "urge", "call", "qualifier")


class IndirectMixin:
    # ------------------------------------------------------------------ selon / d'après
    def _is_source_prep(self, t: Token) -> bool:
        """selon / d'après / according to, or a clause-initial "Pour X," naming a person or body."""
        doc = self.doc
        low = t.lower_
        if low in ("selon", "suivant") and t.dep_ == "case" or low == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            return True
        if low == "après" and t.i > 0 and doc[t.i - 1].lower_ in ("d'", "d’"):
            return True
        if low == "pour" and self.clause_start(t) == t.idx:
            head = t.head if t.head.i > t.i else None
            m = self.resolver.mention_at(head) if head is not None else None
            comma = next((x for x in doc[t.i + 1 : min(len(doc), t.i + 10)] if x.text == ","), None)
            return m is not None and m.entity_type in ("person", "organization", "group") and comma is not None and (
                head.right_edge.i < comma.i)
        return False

    def _selon_text(self, t: Token) -> str:
        if t.lower_ == "après":
            return "d'après"
        if t.lower_ == "according":
            return "according to"
        return t.text

    def _selon_source(self, t: Token) -> tuple[Speaker, Span | None]:
        """The source named after selon/d'après/according to, and the phrase's token span."""
        doc = self.doc
        head = t.head if t.dep_ in ("case", "fixed", "mark") and t.head.i > t.i else None
        if t.lower_ == "après" and t.head.lower_ == "d'":
            head = t.head.head if t.head.head.i > t.i else None
        if head is None or head.pos_ not in ("NOUN", "PROPN", "PRON"):
            head = next((x for x in doc[t.i + 1 : min(len(doc), t.i + 8)] if x.pos_ in ("NOUN", "PROPN", "PRON")), None)
        if head is None:
            return Speaker(None, None, None, confidence=0.1), None
        # "selon l'agence X, citant le porte-parole …": the cited speaker is the source
        for x in doc[head.i + 1 : min(len(doc), head.i + 12)]:
            if x.text in (".", ";"):
                break
            if x.lower_ in ("citant", "citing", "quoting"):
                obj = next((c for c in x.children if c.dep_ in ("obj", "nsubj", "obl", "appos")), None)
                if obj is None:
                    obj = next((y for y in doc[x.i + 1 : x.i + 6] if y.pos_ in ("NOUN", "PROPN")), None)
                if obj is not None:
                    return self.resolver.from_phrase(obj), doc[t.i : obj.right_edge.i + 1]
        end = head.i + 1
        for x in doc[head.i + 1 :]:
            if x.text in (",", ".", ";", ":") or not self.same_par(x, t) or self.in_quote(x.idx):
                break
            end = x.i + 1
        sp = self.resolver.from_phrase(head, bounds=(t.i + 1, end))
        return sp, doc[t.i : self._past_apposition(end)]

    def _relative_before(self, a: int, b: int) -> bool:
        """A relative clause opens between ``a`` and ``b`` (", qui ont été « … »")."""
        span = self.tokens(a, b)
        return span is not None and any(t.lower_ in ("qui", "lequel", "laquelle", "lesquels", "lesquelles") and t.i > 0
                                        and self.doc[t.i - 1].text == "," for t in span)

    def _past_apposition(self, end: int) -> int:
        """After "selon X": skip ", porte-parole de Y" (a role apposed to the source) when a comma
        closes it, so that the reported content starts after it."""
        doc = self.doc
        if end >= len(doc) or doc[end].text != ",":
            return end
        k = end + 1
        if k < len(doc) and doc[k].pos_ == "DET":
            k += 1
        if k >= len(doc) or not (doc[k].lower_ in lx.ROLE_NOUNS or doc[k].lemma_.lower() in lx.ROLE_NOUNS):
            return end
        for x in doc[k + 1 : min(len(doc), k + 14)]:
            if x.text == "," and not self.in_quote(x.idx):
                return x.i
            if x.pos_ in ("VERB", "AUX") or x.text in (".", ";", ":") or not self.same_par(x, doc[end]):
                return end
        return end

    def selon_quotes(self) -> list[tuple[Quote, int]]:
        out = []
        doc = self.doc
        low = self.tab.lower
        for i in [i for i, w in enumerate(low) if w in _SOURCE_PREP_WORDS]:  # the words _is_source_prep takes
            t = doc[i]
            is_dapres = t.lower_ == "après" and t.i > 0 and doc[t.i - 1].lower_ in ("d'", "d’")
            if not self._is_source_prep(t):
                continue
            if self.in_quote(t.idx):
                continue
            nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
            if nxt is not None and nxt.lower_ in ("laquelle", "lequel", "lesquelles", "lesquels", "que", "qu'", "moi", "nous"):
                continue
            cue_start = doc[t.i - 1] if is_dapres else t
            sp, phrase = self._selon_source(t)
            if phrase is None:
                continue
            head = next((x for x in phrase[1:] if x.pos_ in ("NOUN", "PROPN", "PRON")), None)
            if head is not None and head.pos_ == "NOUN" and head.lower_ in lx.NOT_SOURCE_NOUNS:
                continue  # "selon les modalités prévues": a manner, not a source
            c_start = self.clause_start(cue_start)
            before = [x for x in doc[max(0, cue_start.i - 120) : cue_start.i] if x.idx >= c_start]
            initial = not any(x.pos_ in ("VERB", "AUX") for x in before)
            if initial:
                a_tok = phrase.end
                while a_tok < len(doc) and (doc[a_tok].is_punct or doc[a_tok].is_space) and self.same_par(doc[a_tok], t):
                    a_tok += 1
                if a_tok >= len(doc) or not self.same_par(doc[a_tok], t):
                    continue
                a, b = doc[a_tok].idx, self.clause_end(doc[a_tok])
            else:
                c_end = self.clause_end(t, stop_at_cues=False)
                if any(c_start <= q.open and q.close <= cue_start.idx and not self.text[q.close:cue_start.idx].strip(" ,»\"”’'\n")
                       and (not self._beyond_quotes(c_start, q.open) or self._relative_before(c_start, q.open))
                       for q in self.spans):
                    continue  # "…, qui ont été « X », selon Y": the selon attributes the quote only
                a = c_start
                b = cue_start.idx
            a, b = trim(self.text, a, b)
            if b - a < 12 or not self._beyond_quotes(a, b):
                continue
            out.append((self.new_quote(
                sp, start=a, end=b, text=self.text[a:b], kind="indirect",
                cue=self._selon_text(t), sentence=self.sentence_of(a),
                confidence=round(0.45 + 0.4 * sp.confidence, 2),
            ), t.idx))
        return out

    # ------------------------------------------------------------------ indirect quotes
    def _content_start(self, v: Token) -> tuple[Token, str] | None:
        """First token of the reported content after a cue verb: after "que", or an infinitive."""
        doc = self.doc
        verb_lemma = lx.lemma_of(v.doc[v.i - 1] if self._faire_savoir(v) else v)
        j = v.i + 1
        steps = 0
        while j < len(doc) and steps < 14 and self.same_par(doc[j], v):
            t = doc[j]
            if self.in_quote(t.idx) or t.text in (".", ";", ":", "!", "?", "«", "»", '"', "“"):
                return None
            if t.lower_ in ("que", "qu'", "qu’", "that"):
                if doc[j - 1].lower_ in lx.SUBORDINATORS and j - 1 > v.i:
                    return None  # "a déclaré X, alors que …": a conjunction, not the content
                return (doc[j + 1], "que") if j + 1 < len(doc) else None
            if t.text == "," and steps:
                k = self._incidental_end(j)
                if k is not None:  # "a affirmé aux journalistes, au cours d'un entretien avec X, que …"
                    j, steps = k, steps + 1
                    continue
            if t.pos_ in ("VERB", "AUX") and morph(t, "VerbForm") == ["Inf"]:
                subject_relative = any(c.lower_ == "qui" and c.dep_.startswith("nsubj") for c in v.children)
                if (v.dep_ == "acl:relcl" and not subject_relative) or any(x.lower_ in ("que", "qu'", "qu’") and ("Rel" in morph(x, "PronType") or x.i > 0 and (
                        doc[x.i - 1].pos_ in ("NOUN", "PROPN") or doc[x.i - 1].text == ",")) for x in doc[max(0, v.i - 4) : v.i]):
                    return None  # "… que X prétendait avoir …": the object is the antecedent
                prev = doc[j - 1].lower_
                if verb_lemma in lx.INFINITIVE_LEMMAS and prev not in ("de", "d'", "à", "pour"):
                    return t, "inf"
                return None
            if t.pos_ == "VERB" or t.text == "," and j + 1 < len(doc) and doc[j + 1].pos_ == "VERB":
                return None
            j += 1
            steps += 1
        return None

    def _incidental_end(self, j: int, longest: int = 25) -> int | None:
        """The comma closing an incidental phrase opened by the comma at ``j``, when "que"
        follows it: a phrase without a verb, a quotation or a sentence end between two commas
        ("…, au cours d'un entretien avec le Premier ministre X, que …"), however long up to
        ``longest`` tokens; None otherwise."""
        doc = self.doc
        for k in range(j + 1, min(len(doc) - 1, j + longest)):
            t = doc[k]
            if self.in_quote(t.idx) or t.text in (".", ";", ":", "!", "?", "«", "»", '"', "“", "(", ")") \
                    or t.pos_ in ("VERB", "AUX") or not self.same_par(t, doc[j]):
                return None
            if t.text == ",":
                return k if doc[k + 1].lower_ in ("que", "qu'", "qu’") and k > j + 1 else None
        return None

    def _beyond_quotes(self, a: int, b: int) -> bool:
        """True when [a, b) has content words outside the quoted spans."""
        span = self.tokens(a, b)
        if span is None:
            return False
        for t in span:
            if self.in_quote(t.idx) or t.is_punct or t.is_space:
                continue
            if t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ", "NUM", "X") and t.lemma_.lower() not in lx.LIGHT_LEMMAS:
                return True
        return False

    def _split_conjuncts(self, a: int, b: int) -> list[tuple[int, int]]:
        """"A et que B, mais que C" -> [A, B, C] (top-level "que" clauses of one report)."""
        span = self.tokens(a, b)
        if span is None:
            return [(a, b)]
        cuts = []
        for t in span:
            if t.lower_ in ("que", "qu'", "qu’") and t.i > span.start and not self.in_quote(t.idx):
                prev = self.doc[t.i - 1]
                if prev.lower_ in ("et", "mais", "ou", ",", "and", "but"):
                    cuts.append((prev.idx, t.idx + len(t.text)))
        parts = []
        cur = a
        for c0, c1 in cuts:
            parts.append((cur, c0))
            cur = c1
        parts.append((cur, b))
        return [p for p in parts if p[1] > p[0]]

    def _special_content(self, v: Token) -> tuple[int, int, str] | None:
        """"appelle (X) à …", "a qualifié … de …" (unquoted)."""
        lemma = v.lemma_.lower()
        doc = self.doc
        if lemma not in ("appeler", "qualifier", "exhorter", "urge", "call"):
            return None
        for t in doc[v.i + 1 : min(len(doc), v.i + 12)]:
            if not self.same_par(t, v) or t.text in (".", ";") or self.in_quote(t.idx):
                return None
            if lemma in ("appeler", "exhorter", "urge", "call") and t.lower_ in ("à", "au", "aux", "to", "for"):
                nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
                if nxt is None or self.in_quote(nxt.idx):
                    return None
                first = doc[v.i + 1]
                while first.lower_ in lx.LIGHT_ADVERBS and first.i < t.i:
                    first = doc[first.i + 1]
                if first.i == t.i:
                    return nxt.idx, self.clause_end(nxt), v.text + " à"
                verb_after = nxt if nxt.pos_ in ("VERB", "AUX") else (doc[nxt.i + 1] if nxt.lower_ in ("se", "s'", "s’") and nxt.i + 1 < len(doc) else None)
                if verb_after is not None and morph(verb_after, "VerbForm") == ["Inf"]:
                    return first.idx, self.clause_end(nxt), v.text + " à"
                continue
            if lemma == "qualifier" and any(v.idx < q.open < self.clause_end(v) for q in self.spans):
                return None
            if lemma == "qualifier" and t.lower_ in ("de", "d'"):
                nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
                if nxt is not None and not self.in_quote(nxt.idx):
                    return nxt.idx, self.clause_end(nxt), "a qualifié de"
        return None

    def _accusation_content(self, v: Token) -> tuple[int, int, str] | None:
        """"accuse X d'avoir …" / "accuse X de …": reported speech whose content is X and the
        "de" clause (the speaker says X did it)."""
        doc = self.doc
        if self.in_quote(v.idx) or v.pos_ not in ("VERB", "NOUN", "ADJ"):
            return None
        if any(doc[k].lower_ in ("se", "s'", "s’") for k in range(max(0, v.i - 3), v.i)):
            return None  # "se sont mutuellement accusés": no one speaker
        obj = None
        skip_to = -1
        aside = _aside_end(doc, v.i + 1)  # "accuse de son côté X de …"
        for t in doc[aside : min(len(doc), aside + 16)]:
            if not self.same_par(t, v) or t.text in (".", ";", ":", "!", "?", ",") or self.in_quote(t.idx):
                return None
            if obj is None:
                if t.pos_ in ("DET", "ADV", "ADJ") or t.lower_ in lx.LIGHT_ADVERBS:
                    continue
                if t.pos_ not in ("NOUN", "PROPN", "PRON"):
                    return None
                obj = t
                m = self.resolver.mention_at(t)
                skip_to = m.end if m is not None else -1  # "accuse les Forces de soutien rapide de …"
                continue
            if t.idx < skip_to or t.text in ("(", ")") or t.i > 0 and doc[t.i - 1].text == "(":
                continue  # inside the object's name, or its acronym in parentheses
            if t.lower_ in ("de", "d'", "d’", "d") and t.i + 1 < len(doc):
                nxt = doc[t.i + 1]
                if nxt.text in ("'", "’", "«", "“", '"') and t.i + 2 < len(doc):
                    nxt = doc[t.i + 2]  # "de « torpiller »": the quoted infinitive
                if nxt.pos_ in ("VERB", "AUX") and morph(nxt, "VerbForm") == ["Inf"] or self.in_quote(nxt.idx):
                    first = obj
                    while first.i > v.i + 1 and doc[first.i - 1].pos_ in ("DET", "ADJ") and doc[first.i - 1].i >= aside:
                        first = doc[first.i - 1]
                    end = self.clause_end(nxt)
                    for x in doc[nxt.i + 1:]:  # "… de « tuer » leurs proches et exige …": another report
                        if x.idx >= end:
                            break
                        if x.pos_ == "CCONJ" and not self.in_quote(x.idx) and x.i + 1 < len(doc) and doc[x.i + 1].pos_ in ("VERB", "AUX") \
                                and morph(doc[x.i + 1], "VerbForm") == ["Fin"]:
                            end = x.idx
                            break
                    stop = re.search(r",\s*(ce qu|ce qui|selon|a-t-il|a-t-elle)", self.text[first.idx:end])
                    return first.idx, first.idx + stop.start() if stop else end, self.cue_phrase(v)
                return None
        return None

    def indirect_quotes(self) -> list[tuple[Quote, int]]:
        """Indirect quotes with the offset of their cue verb."""
        out = []
        doc = self.doc
        tab = self.tab

        # the tokens the tests below can keep: a cue, an accusation or expression verb, a call
        cues = set(self.maybe_cues)
        forms, kept = lx.FORM_LEMMAS, lx.ACCUSATION_LEMMAS | lx.EXPRESSION_LEMMAS
        for i in [i for i, (low, lemma) in enumerate(zip(tab.lower, tab.lemma))
                  if i in cues or (forms.get(low) or lemma) in kept or lemma in _CALL_LEMMAS]:
            v = doc[i]
            special = self._accusation_content(v) if lx.lemma_of(v) in lx.ACCUSATION_LEMMAS else None
            stance_only = False
            if special is None and not self.is_cue(v):
                if v.lemma_.lower() in _CALL_LEMMAS and not self.in_quote(v.idx):
                    special = self._special_content(v)
                if special is None:
                    if lx.lemma_of(v) not in lx.EXPRESSION_LEMMAS or self.in_quote(v.idx):
                        continue
                    stance_only = True  # "ont exprimé leur inquiétude": a stance stated as an object
            if self.negated(v):
                continue
            how = "clause"
            cue_text = None
            if special is None and v.lemma_.lower() == "qualifier":
                special = self._special_content(v)
            if special is not None:
                a, b, cue_text = special
                how = "special"
            else:
                start = None if stance_only else self._content_start(v)
                if stance_only:
                    inc = self._object_content(v)
                    if inc is None:
                        continue
                    how = "object"
                    a, b = inc
                    cue_text = self.cue_phrase(v)
                elif start is not None:
                    tok, kind = start
                    a, b = tok.idx, self.clause_end(tok)
                    parts = self._split_conjuncts(a, b)
                    kept = [p for p in parts if self._beyond_quotes(*p)]
                    if not kept:
                        continue
                    a = kept[0][0]
                    cue_text = self.cue_phrase(v) + (" que" if kind == "que" else "")
                else:
                    inc = self._incise_content(v)
                    if inc is None:
                        inc = self._object_content(v)  # "dénoncent une escalade dangereuse"
                        if inc is None:
                            continue
                        how = "object"
                    else:
                        how = "incise"
                    a, b = inc
                    cue_text = self.cue_phrase(v)
            sub_end = self.subordinate_end(v)
            if sub_end is not None:
                b = min(b, sub_end)  # the content stays inside its "si …" clause
            a, b = trim(self.text, a, b)
            if b - a < 8 or not self._beyond_quotes(a, b):
                continue
            sp = self.speaker_for(v)
            if how == "incise" and sp.empty and not (sp.source_document or sp.reported_by):
                continue
            out.append((self.new_quote(
                sp, start=a, end=b, text=self.text[a:b], kind="indirect", cue=cue_text,
                place_id=self.place_of(v), sentence=self.sentence_of(v.idx),
                confidence=round(0.45 + 0.4 * sp.confidence, 2),
            ), v.idx))
        return out

    def _object_content(self, v: Token) -> tuple[int, int] | None:
        """A stance stated as a noun phrase ("dénoncent une escalade", "exige une rencontre",
        "ont exprimé leur inquiétude"): the direct object of a stance verb, in its clause."""
        if v.pos_ != "VERB" or self.in_quote(v.idx):
            return None
        obj = next((c for c in v.children if c.dep_ == "obj" and c.pos_ == "NOUN" and c.i > v.i), None)
        if obj is None:  # an object after an adjunct, parsed as a bare oblique ("évoque quant à lui 52 morts")
            obj = next((c for c in v.children if c.dep_ == "obl:mod" and c.pos_ == "NOUN" and c.i > v.i
                        and not any(x.dep_ == "case" and x.pos_ == "ADP" for x in c.children)
                        and c.lemma_.lower() not in lx.TIME_NOUNS), None)
        if obj is None or self.in_quote(obj.idx):
            return None
        if lx.lemma_of(v) not in lx.OBJECT_STANCE_LEMMAS and not (
                self.is_cue(v) and any(self.in_quote(t.idx) for t in obj.subtree if t.i > obj.i)):
            return None  # a cue's object reports words when it quotes some ("annonce la fin d'un « … »")
        toks = [t for t in obj.subtree if not self.in_quote(t.idx) or t.i > obj.i]
        end_tok = max(t.i for t in toks)
        clause_end = self.clause_end(obj)
        a = obj.left_edge.idx
        b = min(clause_end, self.doc[end_tok].idx + len(self.doc[end_tok].text))
        return (a, b) if b > a else None

    def _incise_content(self, v: Token) -> tuple[int, int] | None:
        """"<clause>, a déclaré X." -> the clause before the comma (when it is not a quote)."""
        doc = self.doc
        if morph(v, "VerbForm") == ["Inf"] or self._is_participle(v):
            return None
        tab = self.tab  # (the scans read the lists: no Token per word)
        pos, lower, text, idx = tab.pos, tab.lower, tab.text, tab.idx
        lo = v.i
        while lo > 0 and (pos[lo - 1] == "AUX" or lower[lo - 1] in ("-t", "-il", "-elle", "-ils", "-elles", "également", "aussi", "notamment", "encore")):
            lo -= 1
        english = v.lower_ in lx.REPORTING_FORMS_EN
        if english:  # "…, the Kremlin said": the subject stands between the comma and the verb
            k = lo - 1
            while k > 0 and lo - k <= 5 and doc[k].text != "," and doc[k].pos_ != "VERB":
                k -= 1
            lo = k + 1
        if lo == 0 or doc[lo - 1].text != "," or not self.same_par(doc[lo - 1], v):
            return None
        comma = doc[lo - 1]
        verb = doc[v.i - 1] if self._faire_savoir(v) else v
        if not english and any(c.dep_ in ("nsubj", "nsubj:pass") and c.i < lo and c.pos_ != "PRON" and self.same_par(c, v) for c in verb.children):
            return None  # "X, qui …, a promis": a subject before the comma, not an incise
        # the incise ends the sentence: nothing but its subject/adjuncts up to the full stop
        par = self.resolver.para_of(v.idx)
        for i in range(v.i + 1, min(len(doc), v.i + 20)):
            if text[i] in (".", "!", "?", ";", ",") or self.resolver.para_of(idx[i]) != par:
                break
            if lower[i] in ("que", "qu'", "qu’") or self.in_quote(idx[i]) or pos[i] == "VERB" and list(
                    tab.feats(i).get("VerbForm", ())) == ["Fin"]:
                return None
        start = self.clause_start(comma)
        if any(sp.open <= start < sp.close for sp in self.spans):
            return None
        if any(start <= sp.open and sp.close >= comma.idx - 1 and sp.start - start < 3 for sp in self.spans):
            return None
        return start, comma.idx

    # ------------------------------------------------------------------ reportive conditional
    def conditional_quotes(self, reported: list[Quote]) -> list[tuple[Quote, int]]:
        """"Les forces russes auraient perdu …" right after a report: the same source's claim.

        The past conditional (aurait/serait + participle) marks a claim the writer does not vouch
        for; with no cue in its own sentence it is attributed to the source of the previous
        sentence of the same paragraph."""
        out = []
        doc = self.doc
        tab = self.tab
        for i in [i for i, (p, lemma) in enumerate(zip(tab.pos, tab.lemma)) if p == "AUX" and lemma in ("avoir", "être")]:
            t = doc[i]
            if t.pos_ != "AUX" or t.lemma_.lower() not in ("avoir", "être") or morph(t, "Mood") != ["Cnd"]:
                continue
            if self.in_quote(t.idx) or t.i + 1 >= len(doc):
                continue
            part = next((x for x in doc[t.i + 1 : t.i + 3] if x.pos_ in ("VERB", "AUX")), None)
            if part is None or morph(part, "VerbForm") != ["Part"]:
                continue
            a = self.clause_start(t)
            b = self.clause_end(t, stop_at_cues=False)
            if b - a < 12 or any(a <= c.idx < b for c in self.cue_tokens) or any(q.start <= t.idx < q.end for q in reported):
                continue
            head_tok = self.tokens(a, a + 1)
            if head_tok is None or head_tok[0].lower_ in ("qui", "que", "si", "lorsque", "quand"):
                continue
            prev = [q for q in reported if q.end <= a and self.par_bounds(q.end)[0] == self.par_bounds(a)[0]
                    and self.text.count(".", q.end, a) <= 1 and (q.speaker_id or q.speaker_text)]
            if not prev:
                continue
            src = prev[-1]
            a, b = trim(self.text, a, b)
            out.append((Quote(
                start=a, end=b, text=self.text[a:b], kind="indirect", speaker_id=src.speaker_id,
                speaker_name=src.speaker_name, speaker_text=src.speaker_text, anonymous=src.anonymous,
                affiliation=src.affiliation, reported_by=src.reported_by, source_document=src.source_document,
                cue=t.text, sentence=self.sentence_of(a),
                confidence=round(min(src.confidence, 0.6) - 0.1, 2),
            ), t.idx))
        return out



def _aside_end(doc, i: int) -> int:
    """Past "de son côté" / "pour sa part" / "à son tour" starting at token i (else i)."""
    if i + 2 < len(doc) and doc[i].pos_ == "ADP" and doc[i + 1].pos_ == "DET" and doc[i + 2].lower_ in ("côté", "part", "tour"):
        return i + 3
    return i


def trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and (text[a].isspace() or text[a] in ",;:–—-"):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",;:–—-."):
        b -= 1
    return a, b


