"""The two sides of an article's conflict as the implicit parties of its fighting, truces,
releases and threats.

"Les frappes ont repris", "la trêve entrera en vigueur", "2 000 prisonniers ont été libérés":
news texts name the belligerents once and leave them implicit afterwards. The article's two
sides are the pair of opposed actors (different sides in the knowledge base) its own force,
truce, release and agreement events name together most often; when no events name them
together, the two sides named most often in the sentences telling its fighting
(``article_belligerents``). An undated-or-dated event of those kinds naming at most one of them
takes the pair (never a background event, a claim or a denial: who claims is what they say); a
threat by one side ("X combattra …") takes the other. "Les deux parties", "ces pays", "leurs
dirigeants" stand for the pair the article's events name together most often (``fill_pair``);
"les dirigeants des deux pays", "leurs dirigeants" for the person of each side it names most.
Fighting at a place that names no one at all, in an article about one actor (in half of its
current events naming someone), is that actor's (``fill_agent``).
"""
from __future__ import annotations

import dataclasses
from collections import Counter
from itertools import combinations

from dossier.models import Event, Participant

# PLOVER codes whose events have the two sides as parties when the text leaves them implicit
IMPLICIT = frozenset({"ASSAULT", "RETREAT", "CONCEDE"})
# event codes whose named pairs reveal the two sides
REVEALING = frozenset({"ASSAULT", "RETREAT", "CONCEDE", "AGREE"})
MIN_PAIRS = 2  # events naming the pair together before it counts as the two sides
KEPT_TYPES = frozenset({"military_claim", "military_denial", "statement"})
# a threat by one side is a threat against the other ("X combattra tant que …")
THREATS = frozenset({"THREATEN"})


def _side(entity_id: str) -> str:
    from dossier.events.features import side_of

    return side_of(entity_id) or entity_id


def article_sides(events: list[Event]) -> tuple[Participant, Participant] | None:
    """The opposed pair its events name together most often (at least twice), else None."""
    pairs: Counter = Counter()
    names: dict[str, Participant] = {}
    for e in events:
        if e.plover not in REVEALING or getattr(e, "background", False):
            continue
        actors = {p.entity_id: p for p in e.participants if not p.entity_id.startswith("local:")}
        names.update(actors)
        for a, b in combinations(sorted(actors), 2):
            if _side(a) != _side(b):
                pairs[(a, b)] += 1
    if not pairs:
        return None
    (a, b), n = pairs.most_common(1)[0]
    if n < MIN_PAIRS or sum(1 for c in pairs.values() if c == n) > 1:
        return None  # no pair stands out
    return names[a], names[b]


def article_pair(events: list[Event]) -> tuple[Participant, Participant] | None:
    """The pair of sides (a person's government or organisation, KB affiliation) the article's
    events name together most often, any type of event: the actors "les deux parties" stands
    for. None when no pair stands out."""
    from dossier.events.participants import _kb

    kb = _kb()
    pairs: Counter = Counter()
    for e in events:
        if getattr(e, "background", False):
            continue
        sides = sorted({_side(p.entity_id) for p in e.participants if not p.entity_id.startswith("local:")})
        for a, b in combinations(sides, 2):
            pairs[(a, b)] += 1
    if not pairs or kb is None:
        return None
    (a, b), n = pairs.most_common(1)[0]
    if sum(1 for c in pairs.values() if c == n) > 1:
        return None
    ea, eb = kb.get(a), kb.get(b)
    if ea is None or eb is None:
        return None
    return Participant(ea.id, ea.name, "participant"), Participant(eb.id, eb.name, "participant")


def fill_pair(events: list[Event], doc) -> list[Event]:
    """"Les deux parties ont convenu de …": an event whose subject or object is a pair phrase
    (``participants.names_the_pair``) and that names fewer than two actors takes the article's
    pair (``article_pair``)."""
    from dossier.events.coref import trigger_token
    from dossier.events.participants import leads, pair_holder

    pair = None
    out = []
    for e in events:
        if len({_side(p.entity_id) for p in e.participants if p.role != "source"}) < 2:
            tok = trigger_token(doc, e) if doc is not None else None
            named, holder = pair_holder(tok) if tok is not None else (False, None)
            if named:
                pair = pair or article_pair(events)
                if pair is not None:
                    have = {_side(p.entity_id) for p in e.participants}
                    sides = [_leader(doc, p) for p in pair] if leads(holder) else list(pair)
                    e = dataclasses.replace(e, participants=list(e.participants) + [
                        p for p in sides if _side(p.entity_id) not in have])
        out.append(e)
    return out


def _leader(doc, side: Participant) -> Participant:
    """The person of a side the article names most often ("les dirigeants des deux pays": the
    two leaders), else the side itself."""
    from dossier.nlp import access

    counts: Counter = Counter()
    names: dict[str, str] = {}
    for m in access.mentions(doc):
        if m.entity_type == "person" and not m.entity_id.startswith("local:") and _side(m.entity_id) == side.entity_id:
            counts[m.entity_id] += 1
            names[m.entity_id] = m.entity_name
    top = counts.most_common(2)
    if not top or len(top) > 1 and top[0][1] == top[1][1]:
        return side
    return Participant(top[0][0], names[top[0][0]], side.role)


MIN_MENTIONS = 2  # mentions of each of the two sides in the sentences of the article's fighting


def article_belligerents(events: list[Event], doc) -> tuple[Participant, Participant] | None:
    """The fallback for the two sides when no events name them together: the two sides (KB
    affiliation; a country acting is its government) named most often in the sentences that
    tell the article's own fighting, truces and releases, when both are named there at least
    ``MIN_MENTIONS`` times and no third side as often as the second."""
    from dossier.events.participants import _kb, as_actor, can_act
    from dossier.nlp import access

    kb = _kb()
    if doc is None or kb is None:
        return None
    sents = list(doc.sents)
    spans = {(sents[e.sentence].start_char, sents[e.sentence].end_char) for e in events
             if e.plover in IMPLICIT and not getattr(e, "background", False) and e.sentence is not None
             and 0 <= e.sentence < len(sents)}
    counts: Counter = Counter()
    for m in access.mentions(doc):
        if can_act(m) and not m.entity_id.startswith("local:") and any(a <= m.start < b for a, b in spans):
            counts[_side(as_actor(m)[0])] += 1
    top = counts.most_common(3)
    if len(top) < 2 or top[1][1] < MIN_MENTIONS or (len(top) > 2 and top[2][1] == top[1][1]):
        return None
    ea, eb = kb.get(top[0][0]), kb.get(top[1][0])
    if ea is None or eb is None:
        return None
    return Participant(ea.id, ea.name, "participant"), Participant(eb.id, eb.name, "participant")


MIN_PRINCIPAL = 3  # events an actor takes part in before it is the article's principal actor


def principal_actor(events: list[Event]) -> Participant | None:
    """The actor the article is about: one taking part in at least half of its current events
    that name someone (and in :data:`MIN_PRINCIPAL` of them), more than any other; else None."""
    counts: Counter = Counter()
    names: dict[str, Participant] = {}
    told = 0
    for e in events:
        if getattr(e, "background", False) or e.status != "held":
            continue
        ids = {p.entity_id: p for p in e.participants}
        if not ids:
            continue
        told += 1
        for i, p in ids.items():
            counts[i] += 1
            names.setdefault(i, p)
    top = counts.most_common(2)
    if not top or top[0][1] < MIN_PRINCIPAL or 2 * top[0][1] < told or (len(top) > 1 and top[1][1] == top[0][1]):
        return None
    return Participant(top[0][0], names[top[0][0]].name, "participant")


def fill_agent(events: list[Event]) -> list[Event]:
    """"La trêve survient après l'assaut sur la ville", "encerclée depuis des mois": fighting (a
    capture, a siege; also a truce or a release, the codes of :data:`IMPLICIT`) told at a place
    without anyone, in an article about one actor (:func:`principal_actor`), is that actor's:
    such texts name the actor once and leave it implicit in its own acts. Only events that name
    no one at all are filled, after :func:`fill_sides`, and never background history."""
    bare = [n for n, e in enumerate(events) if not e.participants and e.plover in IMPLICIT and e.place_id
            and e.status == "held" and not getattr(e, "background", False)]
    if not bare:
        return events
    agent = principal_actor(events)
    if agent is None:
        return events
    out = list(events)
    for n in bare:
        out[n] = dataclasses.replace(events[n], participants=[agent])
    return out


def fill_sides(events: list[Event], doc=None) -> list[Event]:
    events = fill_pair(events, doc)
    sides = article_sides(events) or article_belligerents(events, doc)
    if sides is None:
        return events
    ids = {p.entity_id for p in sides}
    out = []
    for e in events:
        have = {p.entity_id for p in e.participants}
        if (e.plover in IMPLICIT and e.type not in KEPT_TYPES or e.plover in THREATS and have & ids) \
                and not getattr(e, "background", False) \
                and e.status in ("held", "planned") and len(have & ids) < 2 \
                and all(_side(x) in {_side(i) for i in ids} or x.startswith("local:") for x in have):
            parts = list(e.participants) + [Participant(p.entity_id, p.name, "participant")
                                            for p in sides if p.entity_id not in have]
            e = dataclasses.replace(e, participants=parts)
        out.append(e)
    return out


__all__ = ["article_belligerents", "article_pair", "article_sides", "fill_agent", "fill_pair", "fill_sides",
           "principal_actor"]
