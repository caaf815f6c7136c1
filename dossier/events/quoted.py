"""Statements from the quotes layer: words someone is reported to have said are an event.

The quotes component finds who said what, with its cue ("« … », a écrit la Maison Blanche",
"Selon X, …"), also where the parser cut the sentence at the closing quotation mark and left the
reporting clause without a subject. A quote with a named speaker whose words and cue carry no
event of their own becomes a ``statement`` event, typed by what it says (``content``), its span
the quoted words and the cue, its speaker the source. An incise statement already found ("…, a
déclaré X") takes in the direct words it reports, so that its evidence is what was said. When
the whole reported clause is quoted ("X a déclaré que « Y a accepté … »") and the event found
there is the act the words report, the saying is a statement of its own beside it.
"""
from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from dossier.events import lexicon as lx
from dossier.events.content import bearing_tokens, content_family
from dossier.models import Event, Quote
from dossier.nlp import access
from dossier.nlp.tokens import table

_REACH = 250  # characters between a quote and its cue


def _cue_token(doc: Doc, q: Quote) -> Token | None:
    """The reporting word of the quote's cue nearest the quote (a verb of ``lx.REPORTING`` or
    "selon"), within ``_REACH`` characters of it."""
    words = {w.lower() for w in (q.cue or "").replace("-", " ").split()}
    if not words:
        return None
    lo, hi = max(0, q.start - _REACH), q.end + _REACH
    tab = table(doc)
    starts, lower, lemma = tab.idx, tab.lower, tab.lemma  # (token.idx in order, lower_, lemma_.lower())
    best = None
    for i in range(bisect.bisect_left(starts, lo), bisect.bisect_right(starts, hi)):
        idx = starts[i]
        if q.start <= idx < q.end or lower[i] not in words:
            continue
        if not (lemma[i] in lx.REPORTING or lower[i] in lx.SOURCE_PREPS):
            continue
        gap = q.start - idx if idx < q.start else idx - q.end
        if best is None or gap < best[0]:
            best = (gap, i)
    return doc[best[1]] if best else None


def _overlaps(a: tuple[int, int], events: list[Event]) -> bool:
    return any(e.start < a[1] and a[0] < e.end for e in events)


_OPENS_CLAUSE = re.compile(r"(?:\bque|\bqu['’]|:)\s*[«“\"]\s*$", re.IGNORECASE)


def _reports_content(text: str, q: Quote, cue: Token, events: list[Event]) -> bool:
    """The quoted words are the whole reported clause ("X a déclaré que « … »", not words
    woven into the reporter's own clause: "que les troupes « avancent »"), and an event covers
    the cue and names its act inside them (its trigger among them, not the cue): the words
    report someone's act, and no event stands for the saying."""
    if not _OPENS_CLAUSE.search(text[max(0, q.start - 12):q.start]):
        return False
    cue_end = cue.idx + len(cue.text)
    for e in events:
        if not (e.start <= cue.idx and cue_end <= e.end) or not e.trigger or e.trigger == cue.text:
            continue
        words = text[q.start:q.end]
        if e.type != "statement" and f" {e.trigger} " in f" {words} " and f" {e.trigger} " not in \
                f" {text[e.start:q.start]} {text[q.end:e.end]} ":
            return True
    return False


def _word_sentences(doc: Doc) -> list[Span]:
    """The sentences of at least two words (not a stray quotation mark)."""
    tab = table(doc)
    word = tab.word  # (not is_punct and not is_space, per token)
    return [s for s in tab.sents if sum(word[s.start:s.end]) >= 2]


def _spoke_just_before(who: str, here: int, sents: list[Span], events: list[Event]) -> bool:
    """Whether an event of the same or the previous sentence (of :func:`_word_sentences`)
    already has ``who`` among its participants: "…, a-t-il ajouté" goes on with what was just
    reported."""
    idx = next((i for i, s in enumerate(sents) if s.start_char <= here < s.end_char), None)
    if idx is None:
        return False
    lo = sents[max(0, idx - 1)].start_char
    return any(lo <= e.start < sents[idx].end_char and any(p.entity_id == who for p in e.participants)
               for e in events)


def quote_statements(doc: Doc, events: list[Event], quotes: list[Quote],
                     build: Callable[[Token, str, str | None], Event | None]) -> list[Event]:
    """The events plus one statement per named quote that no event covers (see the module).
    ``build(cue, speaker_id, family)``: the statement event of a reporting word (the extractor's
    own builder: date, place, participants from the parse), or None."""
    text = access.doc_text(doc)
    sents = None  # the sentences of words, read when a continuation is first in question
    added: list[Event] = []
    events = list(events)
    for q in quotes:
        who = q.speaker_id or (q.affiliation if q.anonymous else None)
        if not who or q.kind not in ("direct", "indirect"):
            continue
        cue = _cue_token(doc, q)
        if cue is None:
            continue
        cue_end = cue.idx + len(cue.text)
        said = next((i for i, e in enumerate(events) if e.trigger == cue.text and e.start <= cue.idx < e.end),
                    None)  # the saying itself, plain or typed by its words
        if said is not None and q.kind == "direct":  # "« … », a déclaré X": the evidence takes in the words
            e = events[said]
            start, end = min(q.start, e.start), max(q.end, e.end)
            events[said] = dataclasses.replace(e, start=start, end=end, text=text[start:end])
        if said is not None:
            continue
        if q.kind == "direct" and _reports_content(text, q, cue, events + added):
            # "X a déclaré que « Y a accepté … »": Y's act is one event, X's saying another
            event = build(cue, who, None)
            if event is not None and event.type == "statement" and not (q.start <= event.start < q.end):
                # the act's actors belong to the act: the saying is its speaker's
                added.append(dataclasses.replace(event, participants=[
                    p for p in event.participants if p.role == "source"] or event.participants))
            continue
        if _overlaps((q.start, q.end), events + added) or _overlaps((cue.idx, cue_end), events + added):
            continue
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        family = content_family(bearing_tokens(doc, span.start, span.end) if span is not None else ())
        if family is None:
            sents = _word_sentences(doc) if sents is None else sents
            if _spoke_just_before(who, cue.sent.start_char, sents, events + added):
                continue  # "…, a-t-il ajouté": more of what was just reported
        event = build(cue, who, family)
        if event is None:
            continue
        start, end = min(q.start, cue.idx), max(q.end, cue_end)
        added.append(dataclasses.replace(event, start=start, end=end, text=text[start:end]))
    return events + added
