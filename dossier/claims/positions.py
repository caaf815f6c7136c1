"""Positions: where each actor stands on the issues of the negotiation.

An issue is found by its keyword lexicon (``data/issues.yaml`` plus a user file); its stance cue is
the nearest governing verb of the stance lexicon ("réclame … l'OTAN", "écarte …"), or a relative
clause on the issue's noun phrase ("… l'entrée dans l'Alliance, une option que Moscou refuse et que
Washington écarte"); a negated supports-cue, or "jamais", means opposes;
"à condition que" / "si" make it conditional. The actor is the cue's subject.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from dossier.claims.actors import Actor, ActorContext, agent_of, subject_of
from dossier.claims.extract import cue_forms
from dossier.claims.lexicon import Issue, cue_set, fold
from dossier.models import Position
from dossier.nlp import access
from dossier.nlp.tree import walk_up
from dossier.nlp.tokens import morph, sent_of, table

_POSSESSIVE_ACTORS = frozenset({"pays", "gouvernement", "administration", "camp", "equipe", "delegation"})
_WINDOW = 12  # tokens between an issue and the noun a relative clause hangs on


_CHAR_FOLD: dict[str, str] = {}  # one char -> its fold (what fold() makes of it alone)


def _fold_map(text: str) -> tuple[str, list[int], list[int] | None]:
    """Folded text, for each folded char the offset of the original char it comes from, and
    for each original char (and the end) its position in the folded text (None when folding
    is one char for one char)."""
    if text.isascii():  # one char in, one char out
        return text.lower(), list(range(len(text))), None
    table = {}
    regular = True
    for c in set(text):
        f = _CHAR_FOLD.get(c)
        if f is None:
            f = _CHAR_FOLD[c] = fold(c)
        table[ord(c)] = f
        regular = regular and len(f) == 1
    if regular:
        return text.translate(table), list(range(len(text))), None
    out, offsets, pos = [], [], []
    for i, c in enumerate(text):
        f = table[ord(c)]
        pos.append(len(offsets))
        out.append(f)
        offsets.extend([i] * len(f))
    pos.append(len(offsets))
    return "".join(out), offsets, pos


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """Folded text and, for each folded char, the offset of the original char it comes from."""
    folded, offsets, _ = _fold_map(text)
    return folded, offsets


class _FoldedDoc:
    """The folded text of a whole document, folded once, sliced per sentence (folding is per
    character, so a sentence's slice is exactly ``fold_with_map(sent.text)``)."""

    def __init__(self, text: str):
        self.folded, self.offsets, self.pos = _fold_map(text)

    def bounds(self, start_char: int, end_char: int) -> tuple[int, int]:
        if self.pos is None:
            return start_char, end_char
        return self.pos[start_char], self.pos[end_char]


@lru_cache(maxsize=None)
def _required_literals(keywords: tuple[str, ...]) -> tuple[str, ...]:
    """For each keyword, a string every match of its pattern contains (the longest literal piece
    of its words): a pattern whose literal is absent from a text cannot match there."""
    out = []
    for keyword in keywords:
        pieces = [p for w in fold(keyword).split() if w != "~" for p in (w[:-1] if w.endswith("*") else w).split("'")]
        out.append(max(pieces, key=len) if pieces else "")
    return tuple(out)


def _cue_stance(tok: Token) -> str | None:
    form = cue_forms().get(fold(tok.text))
    if form is not None:
        lemma = form
    elif tok.pos_ not in ("VERB", "AUX", "ADJ"):
        return None
    else:
        lemma = fold(tok.lemma_)
    if lemma in cue_set("positions", "supports"):
        return "supports"
    if lemma in cue_set("positions", "opposes"):
        return "opposes"
    return None


def _negated(tok: Token) -> bool:
    neg = cue_set("negations") - {"sans"}
    return any(fold(c.text) in neg for c in tok.children if c.dep_ in ("advmod", "det", "obj"))


def _negated_strictly(tok: Token) -> bool:
    """"ne … pas / plus / jamais": not the expletive "ne" of "sans que … ne"."""
    words = {fold(c.text) for c in tok.children if c.dep_ == "advmod"}
    return bool(words & {"pas", "plus", "jamais", "nullement", "guere", "not", "never"})


def _says_none(head: Token, cue: Token) -> bool:
    """A clause between the issue and its cue (or the issue's own phrase) says there is none of
    it: "(X a insisté :) « nous n'avons signé aucune trêve »", "… qu'il n'existe toujours pas
    de trêve", "… qu'il n'y a pas de trêve": the cue's stance is then not on the issue itself.
    ``cue`` is an ancestor of ``head``."""
    none = cue_set("positions", "none")
    tok = head
    while tok.i != cue.i:
        if any(fold(c.text) in none for c in tok.children):
            return True
        if _negated_strictly(tok) and any(c.dep_ == "expl:comp" and fold(c.text) == "y" for c in tok.children):
            return True  # "il n'y a pas de …" (not any negated verb: "que la Russie ne pourrait pas …")
        tok = tok.head
    return False


def _passive(tok: Token) -> bool:
    if any(c.dep_ in ("aux:pass", "nsubj:pass") for c in tok.children):
        return True
    return "Part" in morph(tok, "VerbForm") and not any(c.dep_ == "aux:tense" for c in tok.children)


def _never(tok: Token) -> bool:
    return any(fold(c.text) in cue_set("positions", "never") for c in tok.children)


def _conditional(tok: Token) -> bool:
    cond = cue_set("positions", "conditional")
    for c in tok.children:
        if c.dep_ == "mark" and fold(c.text) in cond:
            return True
        if c.dep_.startswith("advcl") and any(fold(m.text) in cond for m in c.children if m.dep_ in ("mark", "case")):
            return True
    window = tok.doc[tok.i: min(sent_of(tok).end, tok.i + 12)]
    return "a condition" in " ".join(fold(t.text) for t in window)


def _final_stance(base: str, cue: Token) -> str:
    if _conditional(cue):
        return "conditional"
    if base == "supports" and (_negated_strictly(cue) or _never(cue)):
        return "opposes"
    if base == "opposes" and _negated_strictly(cue) and not _never(cue):
        return "unclear"
    return base


def _demand_modal(head: Token, cue: Token) -> Token:
    """The obligation verb between the issue and the reporting cue (else the cue)."""
    for anc in head.ancestors:
        if anc.i == cue.i:
            break
        if fold(anc.lemma_) in cue_set("positions", "obligation"):
            return anc
    return cue


def _demand_reported(head: Token, sent: Span, span: Span) -> Token | None:
    """"X a déclaré que Y devait modifier sa constitution": an obligation verb governing the
    issue, in a clause reported by X, is X's demand; the reporting verb is the cue."""
    for anc in head.ancestors:
        if not (sent.start <= anc.i < sent.end) or span.start <= anc.i < span.end:
            return None
        if fold(anc.lemma_) in cue_set("positions", "obligation") and anc.pos_ in ("VERB", "AUX"):
            up = anc
            while up.dep_ in ("conj", "xcomp") and up.head.i != up.i:
                up = up.head
            if up.dep_ == "ccomp" and fold(up.head.lemma_) in cue_set("reporting", "asserts"):
                return up.head
            return None
    return None


def _imputed(cue: Token, sent: Span) -> bool:
    """The cue sits under a verb that imputes an intent to someone ("accuser X de vouloir …",
    "reprocher à X de refuser …"): not the actor's own stance."""
    for anc in cue.ancestors:
        if not (sent.start <= anc.i < sent.end):
            break
        if fold(anc.lemma_) in cue_set("positions", "imputing"):
            return True
    return False


def _antecedent(clause: Token) -> Token | None:
    """The noun a relative clause hangs on ("une option à laquelle X est hostile"); also when the
    parser took ", que X a accepté" for a completive of an unrelated verb."""
    if clause.dep_ == "acl:relcl":
        return clause.head
    rel = next((c for c in clause.children if c.i < clause.i and fold(c.text) in ("que", "qu'", "dont")
                and c.dep_ in ("mark", "obj", "obl")), None)
    if rel is None or rel.i == 0:
        return None
    before = clause.doc[rel.i - 1]
    if before.text != "," or reporting_like(clause.head):
        return None
    return clause.doc[rel.i - 2] if rel.i >= 2 else None


def reporting_like(tok: Token) -> bool:
    return fold(tok.lemma_) in cue_set("reporting", "asserts") | cue_set("positions", "supports") | cue_set("positions", "opposes")


_PAIRS: dict[int, tuple[list[Issue], tuple[Issue, ...], list[tuple[Issue, list[tuple[re.Pattern, str]]]]]] = {}


def _issue_pairs(issues: list[Issue]) -> list[tuple[Issue, list[tuple[re.Pattern, str]]]]:
    """Each issue with its (pattern, required literal) pairs, paired once per list of issues (the
    component's list serves every document; paired again when the list holds other issues)."""
    found = _PAIRS.get(id(issues))  # the entry holds the list and its issues: their ids name no others meanwhile
    if found is None or len(found[1]) != len(issues) or [id(a) for a in found[1]] != [id(b) for b in issues]:
        if len(_PAIRS) > 16:
            _PAIRS.clear()
        found = _PAIRS[id(issues)] = (issues, tuple(issues), [
            (issue, list(zip(issue.patterns, _required_literals(issue.keywords)))) for issue in issues])
    return found[2]


def _candidate_patterns(issues: list[Issue], folded: str) -> list[tuple[Issue, list[tuple[re.Pattern, str]]]]:
    """The issues' (pattern, required literal) pairs that can match somewhere in ``folded``."""
    out = []
    present: dict[str, bool] = {}  # each literal looked for once (issues share many)
    for issue, pairs in _issue_pairs(issues):
        pats = []
        for pat, lit in pairs:
            found = present.get(lit)
            if found is None:
                found = present[lit] = lit in folded
            if found:
                pats.append((pat, lit))
        if pats:
            out.append((issue, pats))
    return out


def _issue_matches(doc: Doc, sent: Span, issues: list[Issue], folded_doc: _FoldedDoc | None = None,
                   candidates: list | None = None) -> list[tuple[Issue, Span]]:
    if folded_doc is None:
        folded_doc = _FoldedDoc(access.doc_text(doc))
    a, b = folded_doc.bounds(sent.start_char, sent.end_char)
    folded, offsets = folded_doc.folded[a:b], folded_doc.offsets
    if candidates is None:
        candidates = _candidate_patterns(issues, folded_doc.folded)
    found: list[tuple[Issue, Span]] = []
    for issue, pats in candidates:
        for pat, lit in pats:
            if lit not in folded:
                continue
            for m in pat.finditer(folded):
                if m.end() <= m.start():
                    continue
                start = offsets[a + m.start()]
                end = offsets[a + m.end() - 1] + 1
                span = doc.char_span(start, end, alignment_mode="expand")
                if span is not None and not any(i.id == issue.id and s.start <= span.start < s.end for i, s in found):
                    found.append((issue, span))
    return found


def _not_after(value: str, published: str | None) -> bool:
    """A statement reported in an article was made by its publication (ISO prefixes compared
    at the shorter precision)."""
    if not published:
        return True
    n = min(len(value), len(published), 10)
    return value[:n] <= published[:n]


def _governs(doc: Doc, start: int, end: int, cue: Token, span: Span) -> bool:
    """Whether the time expression at [start, end) hangs on the cue verb (through no token of
    the issue's words)."""
    tx = doc.char_span(start, end, alignment_mode="expand")
    if tx is None:
        return False
    tok = tx.root
    for _ in range(4):  # "le 3 décembre" -> décembre -> cue; a preposition or two in between
        if tok.head.i == tok.i or not (sent_of(cue).start <= tok.head.i < sent_of(cue).end):
            return False
        tok = tok.head
        if span.start <= tok.i < span.end:
            return False
        if tok.i == cue.i:
            return True
    return False


def _government_of_side(side: str) -> Actor:
    """"son pays insiste": the country speaks through its government (the same actor as when its
    government is named), else the side itself."""
    from dossier.entities.kb import load_kb

    kb = load_kb()
    place = kb.get(side)
    gov = kb.institution(place.country) if place is not None and place.type == "place" else None
    entry = kb.get(gov) if gov else None
    if entry is not None:
        return Actor(entry.id, entry.name, side, False, entry.type, resolved_by="institution")
    return Actor(side, side.replace("_", " ").title(), side, False, "place")


_STANCE_MEMO: dict[tuple[str, str, str], str | None] = {}  # (form, tag, lemma) -> _cue_stance
_STANCE_MEMO_MAX = 100_000  # entries before the memo is emptied (bounded memory on long runs)
_UNSEEN = object()


class _Extractor:
    def __init__(self, doc: Doc, issues: list[Issue], ctx: ActorContext | None):
        self.doc = doc
        self.issues = issues
        self.ctx = ctx or ActorContext(doc)
        self.folded = _FoldedDoc(self.ctx.text)
        self.candidates = _candidate_patterns(issues, self.folded.folded)
        self.out: list[Position] = []
        self.seen: set[tuple] = set()
        self.quotes = list(doc._.quotes or [])
        self.timexes = access.timexes(doc)
        self.tab = table(doc)

    def _stance_at(self, i: int) -> str | None:
        """``_cue_stance(doc[i])``, computed once per distinct (form, tag, lemma) in the process
        (it reads nothing else of the token, and the cue lexicons are the package's)."""
        tab = self.tab
        key = (tab.text[i], tab.pos[i], tab.lemma[i])
        found = _STANCE_MEMO.get(key, _UNSEEN)
        if found is _UNSEEN:
            if len(_STANCE_MEMO) >= _STANCE_MEMO_MAX:
                _STANCE_MEMO.clear()
            found = _STANCE_MEMO[key] = _cue_stance(self.doc[i])
        return found

    def actors(self, verb: Token, sentence: int) -> list[Actor | None]:
        """The cue's actor and those coordinated with it ("X et Y ont accepté la trêve")."""
        first = self.actor(verb, sentence)
        subj = self._subject(verb)
        if first is None or subj is None:
            return [first]
        out = [first]
        for c in subj.children:
            if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN"):
                other = self.ctx.actor_of(c, sentence)
                if other is not None and other.id and all(other.id != a.id for a in out):
                    out.append(other)
        return out

    @staticmethod
    def _subject(verb: Token) -> Token | None:
        agent = agent_of(verb) if _passive(verb) else None
        return agent if agent is not None else subject_of(verb)

    def actor(self, verb: Token, sentence: int) -> Actor | None:
        subj = self._subject(verb)
        if subj is None:
            return None
        determiner = next((fold(c.text) for c in subj.children if c.dep_ == "det"), "")
        if fold(subj.lemma_) in _POSSESSIVE_ACTORS and determiner in ("son", "sa", "leur", "ses") and self.ctx.mention_at(subj) is None:
            # "son pays insiste": the country of the person speaking
            owner = self.ctx.antecedent(sentence, before=subj)
            if owner is not None and owner.side:
                return _government_of_side(owner.side)
        return self.ctx.actor_of(subj, sentence)

    def add(self, actor: Actor | None, issue: Issue, stance: str, cue: Token, span: Span, sentence: int) -> None:
        if actor is None or not actor.id:
            return
        key = (actor.id, issue.id, stance, sentence)
        if key in self.seen:
            return
        self.seen.add(key)
        start = min(span.start_char, cue.idx)
        end = max(span.end_char, cue.idx + len(cue))
        st = access.sentence_time(self.doc, sentence)
        date = st.value if st is not None and st.value else self.doc._.published
        self.out.append(Position(
            actor_id=actor.id, actor_name=actor.name, issue=issue.id, stance=stance,
            start=start, end=end, text=self.ctx.text[start:end], date=date, sentence=sentence,
            confidence=0.6 if actor.resolved_by == "mention" else 0.45, said=self.said(cue, span),
        ))

    def said(self, cue: Token, span: Span) -> str | None:
        """When the stance was stated: the date of the quote it is said in, else a time
        expression governing its cue verb ("a refusé mardi …"; not one inside the issue: "les
        frontières de 2014"), else the publication date. Never after the publication."""
        published = self.doc._.published
        for q in self.quotes:
            if q.start <= cue.idx < q.end and q.date and _not_after(q.date, published):
                return q.date
        for t in self.timexes:
            if t.type not in ("date", "time") or not t.value or t.start >= sent_of(cue).end_char \
                    or t.end <= sent_of(cue).start_char or (t.start < span.end_char and span.start_char < t.end):
                continue
            governs = _governs(self.doc, t.start, t.end, cue, span)
            if governs and _not_after(t.value, published):
                return t.value
        return published

    def sentence(self, sentence: int, sent: Span, previous: list[tuple[Issue, Span]]) -> list[tuple[Issue, Span]]:
        matches = _issue_matches(self.doc, sent, self.issues, self.folded, self.candidates)
        if not matches and not previous:
            return matches
        used_cues: set[int] = set()
        for issue, span in matches:
            head = span.root
            cue = None
            for anc in [head, *head.ancestors]:
                if anc.i < sent.start or anc.i >= sent.end:
                    break
                if anc.pos_ == "NOUN" and anc.i not in range(span.start, span.end) and \
                        fold(anc.lemma_) in cue_set("positions", "shift_nouns"):
                    break  # "rejeter la responsabilité de l'échec de la trêve": no stance on the truce
                if _cue_stance(anc) is not None and anc.i not in range(span.start, span.end):
                    if _passive(anc) and agent_of(anc) is None:
                        continue  # "des garanties soient convenues": the actor is further up
                    cue = anc
                    break
            if cue is None:
                cue = _demand_reported(head, sent, span)
            if cue is not None and _imputed(cue, sent):
                continue  # "Y accuse X de vouloir …": X's stance in Y's words, not X's
            if cue is not None:
                used_cues.add(cue.i)
                stance = _final_stance(_cue_stance(cue) or "supports", cue)
                if stance == "supports" and _negated_strictly(_demand_modal(head, cue)):
                    stance = "opposes"  # "X a dit que Y ne devait pas …"
                elif stance == "supports" and any(a.i == cue.i for a in head.ancestors) and _says_none(head, cue):
                    stance = "unclear"  # "X insiste : nous n'avons signé aucune trêve": no stance on it
                for actor in self.actors(cue, sentence):
                    self.add(actor, issue, stance, cue, span, sentence)
            elif head.pos_ in ("VERB", "AUX") and (_never(head) or _negated_strictly(head)):
                # "Kiev ne cédera jamais de territoire": the issue verb itself, negated
                self.add(self.actor(head, sentence), issue, "opposes", head, span, sentence)
        # relative clauses hung on the issue's noun phrase: "une option que X refuse"
        for i in range(sent.start, sent.end):
            base = self._stance_at(i)
            if base is None or i in used_cues:
                continue
            tok = self.doc[i]
            relcl = tok
            for up in walk_up(tok, include_self=False):
                if relcl.dep_ != "conj":
                    break
                relcl = up
            noun = _antecedent(relcl)
            if noun is None:
                continue
            near = [(issue, span) for issue, span in matches
                    if span.start <= noun.i < span.end or 0 <= noun.i - span.end < _WINDOW]
            if not near and previous and noun.i - sent.start < 4:
                # the segmenter cut "… l'entrée dans l'Alliance - une option que …"
                near = [previous[-1]]
            if not near:
                continue
            best_end = max(span.end for _, span in near)
            for issue, span in near:
                if span.end == best_end or span.start <= noun.i < span.end:
                    self.add(self.actor(tok, sentence), issue, _final_stance(base, tok), tok, span, sentence)
        return matches

    def run(self) -> list[Position]:
        previous: list[tuple[Issue, Span]] = []
        for i, sent in enumerate(self.ctx.sents):
            previous = sorted(self.sentence(i, sent, previous), key=lambda m: m[1].end)
        self.out.sort(key=lambda p: (p.start, p.issue))
        return self.out


def extract_positions(doc: Doc, issues: list[Issue], ctx: ActorContext | None = None) -> list[Position]:
    return _Extractor(doc, issues, ctx).run()
