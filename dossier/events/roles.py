"""Plural role nouns resolved to the article's persons holding that role.

"les négociateurs américains", "les émissaires de Washington" name a team the article names
elsewhere ("l'envoyé américain X et son collègue Y"). ``envoy_team(doc, mentions)`` collects the
persons of the article introduced by an envoy-like role noun (or holding such a role in the
knowledge base), together with the persons coordinated with them in the same phrase;
``team_for(mention, team)`` returns the members matching a plural role mention (same affiliation
when the knowledge base knows both sides).
"""
from __future__ import annotations

import logging
from functools import lru_cache

from spacy.tokens import Doc, Token

from dossier.entities import KnowledgeBase, load_kb
from dossier.models import Mention
from dossier.nlp.tokens import morph, sent_of

log = logging.getLogger(__name__)

ENVOY_NOUNS = frozenset(
    "envoyé envoyée envoyés émissaire émissaires négociateur négociatrice négociateurs représentant "
    "représentante représentants diplomate diplomates délégué déléguée délégués médiateur médiateurs "
    "envoy envoys negotiator negotiators emissary emissaries".split())
_ROLE_WORDS = ("envoy", "negotiator", "emissary", "mediator")
_LINK_DEPS = ("conj", "appos", "flat:name", "flat")  # not nmod: "le gendre du président X"
_TEAM_KEY = "dossier_events_envoy_team"


@lru_cache(maxsize=1)
def _kb() -> KnowledgeBase:
    return load_kb()


def _affiliation(entity_id: str) -> str | None:
    entry = _kb().get(entity_id) if not entity_id.startswith("local:") else None
    return entry.affiliation if entry is not None else None


def _kb_envoy(entity_id: str) -> bool:
    entry = _kb().get(entity_id) if not entity_id.startswith("local:") else None
    return entry is not None and any(w in r.role for r in entry.roles for w in _ROLE_WORDS)


def _span(doc: Doc, m: Mention):
    return doc.char_span(m.start, m.end, alignment_mode="expand")


def _introduced_by_role(doc: Doc, m: Mention) -> Token | None:
    """The envoy noun right before a name ("l'émissaire X", "l'envoyé américain X")."""
    span = _span(doc, m)
    if span is None:
        return None
    for tok in reversed(doc[max(span.sent.start, span.start - 4):span.start]):
        if tok.lemma_.lower() in ENVOY_NOUNS or tok.lower_ in ENVOY_NOUNS:
            return tok
        # "les négociateurs de X", "l'envoyé du président X": X is the principal, not the envoy
        if tok.pos_ in ("VERB", "AUX", "ADP", "NOUN") or tok.text in ".;:":
            return None
    return None


def _linked(a: Token, targets: set[int], steps: int = 3) -> bool:
    cur = a
    for _ in range(steps):
        if cur.dep_ not in _LINK_DEPS or cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.i in targets:
            return True
    return False


def envoy_team(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Persons of the article acting as envoys/negotiators (one mention each, first seen)."""
    cached = doc.user_data.get(_TEAM_KEY)
    if cached is not None:
        return cached
    people = [m for m in mentions if m.entity_type == "person"]
    seeds: dict[str, Mention] = {}
    anchors: set[int] = set()
    for m in people:
        noun = _introduced_by_role(doc, m)
        if noun is not None or _kb_envoy(m.entity_id):
            seeds.setdefault(m.entity_id, m)
            span = _span(doc, m)
            if span is not None:
                anchors.update(t.i for t in span)
            if noun is not None:
                anchors.add(noun.i)
    team = dict(seeds)
    for m in people:  # persons coordinated with an introduced envoy ("X et le gendre de Z, Y")
        if m.entity_id in team:
            continue
        span = _span(doc, m)
        if span is None:
            continue
        own = {t.i for t in span}
        if any(_linked(t, anchors) for t in span) or any(
                _linked(doc[i], own) for i in anchors if sent_of(doc[i]).start == span.sent.start):
            team[m.entity_id] = m
    out = sorted(team.values(), key=lambda m: m.start)
    doc.user_data[_TEAM_KEY] = out
    return out


def is_role_group(doc: Doc, m: Mention) -> bool:
    """A plural envoy noun phrase ("les négociateurs américains") standing for a team."""
    span = _span(doc, m)
    if span is None:
        return False
    root = span.root
    head = root if root.pos_ == "NOUN" else next((t for t in span if t.pos_ == "NOUN"), None)
    if head is None or not (head.lemma_.lower() in ENVOY_NOUNS or head.lower_ in ENVOY_NOUNS):
        return False
    return "Plur" in morph(head, "Number") or head.lower_.endswith(("s", "x"))


def team_for(m: Mention, team: list[Mention]) -> list[Mention]:
    """Members of the article's envoy team matching the group's affiliation (when known)."""
    group_aff = m.entity_id if not m.entity_id.startswith("local:") else None
    out = []
    for p in team:
        aff = _affiliation(p.entity_id)
        if group_aff and aff and aff != group_aff and _affiliation(group_aff) != aff:
            continue
        out.append(p)
    return out
