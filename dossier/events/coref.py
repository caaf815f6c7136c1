"""Within-article event coreference for meetings.

An article names its main meeting once ("X a reçu Y au Kremlin mardi") and then refers back to it
with definite noun phrases ("la rencontre", "les discussions de mardi", "la conversation"). Each
such reference is extracted as its own event, often without participants or date, so reports of
the same meeting in other articles cannot be linked to it.

``resolve_meetings(doc, events)`` groups, in text order, every *definite nominal* reference to a
held meeting with a compatible meeting of the article: the earliest full report (a verb trigger)
when one is compatible, else the earliest earlier reference. Compatible means: same CONSULT mode,
no contradicting date (two dates the text ties to the triggers must agree) and, when both sides
name actors, at least one actor in common. Every member of a group then carries the group's
actors (added with their roles), its date (the one the text ties to a trigger; a date taken from
the sentence context only is replaced) and its place when it had none. Cost: linear in the number
of events times the number of groups of the article.

Beyond meetings, undated or unplaced events borrow from the rest of the article, filling only:
``inherit_dates`` (the same act reported elsewhere: same PLOVER type, a shared actor, one date),
``continue_dates`` (an actor going on in the next sentence, which gives no date of its own) and
``inherit_places`` (the fighting events of an article that names one ground only) and
``ground_dates`` (undated fighting at a place takes the one day of the article's fighting there).
"""
from __future__ import annotations

import bisect
import dataclasses
import datetime as dt

from spacy.tokens import Doc, Token

from dossier.events import lexicon as lx, memo
from dossier.events.details import after_published
from dossier.models import Event, Participant
from dossier.nlp import access
from dossier.nlp.tokens import morph, table

MEETING_NOUNS = frozenset(
    "rencontre réunion entretien entretiens discussion discussions pourparlers négociation négociations "
    "conversation entrevue sommet tête-à-tête échange échanges meeting talks talk conversation summit".split())
_DEFINITE = frozenset("le la les l' l’ ce cet cette ces the this these".split())
_DEMONSTRATIVES = frozenset("ce cet cette ces this these".split())
_INDEFINITE = frozenset("un une a an quelques plusieurs".split())
_CONTRACTED = frozenset("du des au aux".split())
_ACTOR_ROLES = ("host", "visitor", "participant", "target", "mediator")


def trigger_token(doc: Doc, event: Event) -> Token | None:
    span = memo.char_span(doc, event.start, event.end)  # (an event's span is read again and again)
    if span is None or not event.trigger:
        return None
    text = table(doc).text  # (the forms compared in the list: a Token only for the trigger)
    return next((doc[i] for i in range(span[0], span[1]) if text[i] == event.trigger), None)


def definite_reference(tok: Token) -> bool:
    """A definite noun phrase headed by a meeting noun ("la rencontre", "des discussions" = de+les
    when parsed as a preposition, "cette réunion")."""
    if tok.pos_ not in ("NOUN", "PROPN") or (tok.lemma_.lower() not in MEETING_NOUNS and tok.lower_ not in MEETING_NOUNS):
        return False
    if any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in tok.children):
        return False
    for c in tok.children:
        if c.dep_ == "det" and c.lower_ in _DEFINITE:
            return True
        if c.lower_ in _CONTRACTED and (c.dep_ == "case" or c.pos_ == "ADP"
                                        or (c.dep_ == "det" and "Def" in morph(c, "Definite"))):
            return True
    return False


def _interval(value: str | None) -> tuple[dt.date, dt.date] | None:
    from dossier.events.merge import date_interval  # one date parser for the package

    return date_interval(value)


def _tied(e: Event) -> bool:
    """A date the text ties to the trigger itself (not the sentence's context time)."""
    basis = e.date_basis or ""
    return bool(e.date) and (basis.startswith("governing") or basis == "coreference")


def _dates_agree(group_event: Event, ref: Event) -> bool:
    """No contradicting dates; only the reference's context date may be overridden."""
    if not group_event.date or not ref.date or not _tied(ref):
        return True
    ia, ib = _interval(group_event.date), _interval(ref.date)
    return ia is None or ib is None or (ia[0] <= ib[1] and ib[0] <= ia[1])


def _actors(e: Event) -> set[str]:
    return {p.entity_id for p in e.participants if p.role != "source"}


class _Group:
    def __init__(self, first: int, event: Event, full: bool):
        self.full = full
        self.members = [first]
        self.mode = event.mode
        self.actors = _actors(event)
        self.anchor = event

    def informative(self) -> bool:
        return bool(self.actors) or _tied(self.anchor)

    def accepts(self, e: Event) -> bool:
        if e.mode != self.mode or not _dates_agree(self.anchor, e):
            return False
        mine = _actors(e)
        return not (mine and self.actors) or bool(mine & self.actors)

    def add(self, n: int, e: Event) -> None:
        self.members.append(n)
        self.actors |= _actors(e)
        if _tied(e) and not _tied(self.anchor):
            self.anchor = e


def _demonstrative(tok: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in _DEMONSTRATIVES for c in tok.children)


def resolve_meetings(doc: Doc, events: list[Event]) -> list[Event]:
    """The events with definite references to a meeting joined to it (see the module docstring)."""
    meetings = [(n, e) for n, e in enumerate(events) if e.plover == "CONSULT" and e.status == "held"]
    if len(meetings) < 2:
        return events
    groups: list[_Group] = []
    for n, e in meetings:
        tok = trigger_token(doc, e)
        if tok is None or not definite_reference(tok):
            groups.append(_Group(n, e, full=True))
            continue
        earlier = [g for g in groups if g.accepts(e)]
        if tok is not None and _demonstrative(tok):  # "cette réunion": the nearest one
            group = earlier[-1] if earlier else None
        else:  # "la rencontre": the article's first informative one
            group = next((g for g in earlier if g.full and g.informative()), None) or next(
                (g for g in earlier if g.informative()), None)
        if group is None:
            groups.append(_Group(n, e, full=False))
        else:
            group.add(n, e)
    out = list(events)
    drop: set[int] = set()
    for g in groups:
        if len(g.members) < 2:
            continue
        people: dict[str, Participant] = {}
        for e in (events[n] for n in g.members):
            for p in e.participants:
                if p.role in _ACTOR_ROLES:
                    people.setdefault(p.entity_id, p)
        anchor = g.anchor
        for n in g.members:
            e = events[n]
            have = {p.entity_id for p in e.participants}
            changes: dict = {"participants": e.participants + [p for pid, p in people.items() if pid not in have]}
            if _tied(anchor) and not _tied(e):
                changes.update(date=anchor.date, date_precision=anchor.date_precision, date_basis="coreference",
                               date_counted=anchor.date_counted)
            out[n] = dataclasses.replace(e, **changes)
        drop |= _echoes(doc, [events[n] for n in g.members], g.members) if g.full else set()
    return [e for n, e in enumerate(out) if n not in drop]


def _echoes(doc: Doc, members: list[Event], indices: list[int]) -> set[int]:
    """References that only echo the group's full report in the same paragraph ("X a reçu Y …
    a-t-il déclaré à l'issue de la rencontre"): no actor, place, duration, source or date of their own."""
    anchor = members[0]
    out = set()
    for n, e in zip(indices[1:], members[1:]):
        if e.start < anchor.end or "\n" in access.doc_text(doc)[anchor.end:e.start] or _tied(e):
            continue
        if _actors(e) - _actors(anchor) or (e.place_id and e.place_id != anchor.place_id) or e.duration \
                or any(p.role == "source" for p in e.participants):
            continue  # adds something: an actor, a place, a duration, a source reporting it
        out.add(n)
    return out


def _principals(e: Event) -> set[str]:
    """The event's own parties: its actors but those it acts on or with help from ("avec l'aide
    des États-Unis"), when it has others."""
    own = {p.entity_id for p in e.participants if p.role not in ("source", "target")}
    return own or _actors(e)


def _same_parties(mine: set[str], theirs: set[str]) -> bool:
    """Could two mentions be one event by their actors? All of one's actors (or the states and
    bodies they stand for) among the other's, or two shared: the DRC's agreement with the M23 is
    not its agreement with Rwanda; a minister's talks are his government's."""
    from dossier.events.features import side_of  # the knowledge base's affiliations, cached

    mine = {side_of(i) or i for i in mine}
    theirs = {side_of(i) or i for i in theirs}
    shared = mine & theirs
    return bool(shared) and (shared == mine or shared == theirs or len(shared) >= 2)


def inherit_dates(events: list[Event], published: str | None = None) -> list[Event]:
    """An undated held event takes the date of the same event reported elsewhere in the article:
    same PLOVER type, a shared actor (sources aside) and, among those, one date only (tied to
    its trigger by the text). Dates are only filled, never replaced. Statements (OTHER) are
    left alone: two statements of one speaker are rarely one event. (Places are not inherited
    that way: measured on both gold sets, it joined more wrong places than right ones.) History
    the article recalls (dated long before ``published``, :func:`dossier.events.story.is_background`:
    a war's outbreak years ago) dates none of its news: an undated report of the same parties'
    fighting is today's, not the outbreak's. Without a publication date history cannot be told
    from news, so only a day dates others ("a éclaté en mai 2024" dates no "dimanche")."""
    from dossier.events.story import is_background

    same_type: dict[str, list[Event]] = {}
    for e in events:
        if e.plover != "OTHER" and e.status == "held" and _tied(e) and not is_background(e, published) \
                and (published or e.date_precision in _DAY):
            same_type.setdefault(e.plover, []).append(e)
    if not same_type:
        return events
    out = []
    for e in events:
        if e.date or e.status != "held" or e.plover not in same_type:
            out.append(e)
            continue
        mine = _actors(e)
        dates = {(d.date, d.date_precision) for d in same_type[e.plover]
                 if mine and mine & _actors(d) and _same_parties(_principals(e), _principals(d))}
        if len(dates) == 1:
            value, precision = dates.pop()
            e = dataclasses.replace(e, date=value, date_precision=precision, date_basis="coreference")
        out.append(e)
    return out


_FIGHTING = frozenset({"ASSAULT", "COERCE", "RETREAT"})
_DAY = frozenset({"day", "time"})


def ground_dates(events: list[Event]) -> list[Event]:
    """Fighting (attacks, coercion, truces) is told by its ground as much as by its actors: an
    undated held fighting event at a place (its own or :func:`inherit_places`') takes the day of
    the article's held fighting of the same PLOVER type at that same place, when those give one
    day tied to their triggers (strikes on a town dated, then "deux commandants ont péri" there,
    undated). A day only: a month ("assiégée depuis 18 mois") dates a siege, not
    today's victims. Dates are only filled, never replaced."""
    days: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for e in events:
        if e.plover in _FIGHTING and e.place_id and e.status == "held" and _tied(e) \
                and e.date_precision in _DAY:
            days.setdefault((e.plover, e.place_id), set()).add((e.date, e.date_precision))
    if not days:
        return events
    out = []
    for e in events:
        found = days.get((e.plover, e.place_id)) if not e.date and e.status == "held" else None
        if found and len(found) == 1:
            value, precision = next(iter(found))
            e = dataclasses.replace(e, date=value, date_precision=precision, date_basis="coreference")
        out.append(e)
    return out


def _names_place(doc: Doc, e: Event, mentions, other_than: str) -> bool:
    """The event's own words locate it at another place than ``other_than`` ("à Gaza", "au
    Soudan", "le Soudan est ravagé"),
    even when the parse did not tie that place to the trigger. A country acting ("Israël a
    lancé") or named in an adjective does not locate anything."""
    for m in mentions:
        if not (e.start <= m.start and m.end <= e.end) or not (m.entity_type == "place" or m.label == "LOC") \
                or m.entity_id == other_than:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        prev = doc[span.start - 1] if span.start > 0 else None
        if root.dep_ == "nsubj:pass" or any(c.dep_ == "case" and c.lower_ in lx.PLACE_PREPS for c in root.children) \
                or (prev is not None and prev.lower_ in lx.PLACE_PREPS):
            return True
    return False


def _finest(places: set[tuple[str, str | None]]) -> set[tuple[str, str | None]]:
    """The places less the countries holding another of them (the knowledge base's country
    codes): "El-Fasher" and "le Soudan" name one ground, the town."""
    from dossier.events.features import place_info  # the knowledge base's places, cached

    info = {p: place_info(p[0], p[1]) for p in places}
    inner = {i[2] for i in info.values() if i[2] and not i[3]}
    return {p for p, i in info.items() if not (i[3] and i[2] in inner)}


def inherit_places(doc: Doc, events: list[Event]) -> list[Event]:
    """A fighting event (attack, capture, coercion, truce or withdrawal) without a place takes the
    place of the article's other held fighting events when they name one place only: an article on
    a battle or a siege names its ground once and then says "la ville", "les frappes", "la trêve".
    Places are only filled, never replaced, and not when the event's words name another place;
    a country holding the town named is the same ground; an article whose fighting events name
    two places or more (a front, a campaign) fills none.
    Other kinds of events keep their own place, if any."""
    places = _finest({(e.place_id, e.place_name) for e in events
                      if e.plover in _FIGHTING and e.place_id and e.status == "held"})
    if len(places) != 1:
        return events
    place_id, place_name = places.pop()
    mentions = access.mentions(doc)
    return [dataclasses.replace(e, place_id=place_id, place_name=place_name)
            if e.plover in _FIGHTING and not e.place_id and e.status == "held" and not _names_place(doc, e, mentions, place_id)
            else e for e in events]



_UNTIED_BASES = frozenset({"paragraph-nearest", "continuation"})


def _pieces(doc: Doc) -> list[int]:
    """Start offsets of the article's sentences, cut again at line breaks
    (:func:`dossier.events.extract.paragraphs`), in text order."""
    from dossier.events.extract import paragraphs

    return [p.start_char for sent in table(doc).sents for p in paragraphs(sent)]


def _sides(e: Event) -> set[str]:
    """The event's actors and those they act for (a minister's government, a capital's state)."""
    from dossier.events.features import side_of  # the knowledge base's affiliations, cached

    ids = {p.entity_id for p in e.participants}
    return ids | {side for i in ids if (side := side_of(i))}


def continue_dates(doc: Doc, events: list[Event]) -> list[Event]:
    """An undated held event that goes on with what one of its actors (or the state or body it
    acts for) did or said just before (in the same or the previous sentence) takes that event's
    date: "X a été reçu mardi à Y. Il a
    salué …", "… alors qu'il accueillait Y. « … », a affirmé X, qui a également annoncé …". The
    sentence of the later event gives no date of its own; the earlier event's date is its own
    sentence's (not one borrowed from another paragraph or by this same rule). Dates are only
    filled, never replaced."""
    starts = _pieces(doc)

    def piece(pos: int) -> int:
        return bisect.bisect_right(starts, pos) - 1

    dated = {piece(t.start) for t in access.timexes(doc) if t.type in ("date", "time") and t.value}
    order = sorted(range(len(events)), key=lambda n: (events[n].start, n))
    out = list(events)
    for k, n in enumerate(order):
        e = events[n]
        here = piece(e.start)
        if e.date or e.status != "held" or here in dated:
            continue
        mine = _sides(e)
        for m in reversed(order[:k]):
            p = events[m]
            if piece(p.start) < here - 1:
                break
            if (p.date and p.date_basis not in _UNTIED_BASES and p.status == "held" and mine & _sides(p)
                    and not after_published(doc, p.date)):  # a held act is never after its article
                out[n] = dataclasses.replace(e, date=p.date, date_precision=p.date_precision,
                                             date_basis="continuation", date_counted=p.date_counted)
                break
    return out


def _held_at(doc: Doc, noun: Token, m, hosting: frozenset[str]) -> bool:
    """The place is the occasion's own: said of the noun itself ("un sommet à X") or of the verb
    that hosted it ("un sommet organisé à X"), not of a word inside its phrase ("des discussions
    sur la paix en X")."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    up = span.root.head
    if up.pos_ in ("VERB", "AUX") and up.lemma_.lower() in hosting:
        up = up.head
    while up.pos_ == "PROPN" and up.head.i != up.i and up.i != noun.i:
        up = up.head  # "un sommet sur Gaza organisé à X": a name the parser hung the participle on
    return up.i == noun.i


def place_of_occasion(doc: Doc, events: list[Event]) -> list[Event]:
    """A meeting without a place that names, with a definite noun, an occasion the article placed
    earlier ("Coprésidant le sommet, X a …" after "un sommet organisé à Y") takes that place: the
    first earlier mention of the same occasion noun with a place tied to it (``find_place`` with
    the noun as trigger). Places are only filled, never replaced."""
    from dossier.events.details import _is_occasion, _place_words, find_place
    from dossier.events.filters import definite

    occasions, hosting = _place_words()
    mentions = access.mentions(doc)
    placed: dict[str, tuple[int, str, str | None] | None] = {}

    def first_place(lemma: str, before: int):
        if lemma not in placed:
            placed[lemma] = None
            for tok in doc:
                if tok.pos_ == "NOUN" and tok.lemma_.lower() == lemma:
                    m = find_place(doc, tok, tok, mentions)
                    if m is not None and _held_at(doc, tok, m, hosting):
                        placed[lemma] = (tok.idx, m.entity_id, m.entity_name)
                        break
        found = placed[lemma]
        return found if found is not None and found[0] < before else None

    out = []
    for e in events:
        if e.place_id or e.plover != "CONSULT" or e.status != "held":
            out.append(e)
            continue
        span = doc.char_span(e.start, e.end, alignment_mode="expand") or ()
        for tok in span:
            if tok.pos_ == "NOUN" and _is_occasion(tok, occasions) and definite(tok):
                found = first_place(tok.lemma_.lower(), tok.idx)
                if found is not None:
                    e = dataclasses.replace(e, place_id=found[1], place_name=found[2])
                    break
        out.append(e)
    return out
