"""Conflict cards: "A says X, B says Y" for incompatible details about one person or one event
(a date, a place, a figure, a title, a relation), each value with its sources' sentences, and
what the knowledge base says when it settles the question.

Disputed propositions and opposed positions are cards of their own pages (disputes, positions);
a casualty count is both a dispute and a figure here."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from dossier.cards.sources import Source, Sources, outlets
from dossier.claims.propositions import parse_key
from dossier.claims.wording import (Namer, attribute_phrase, capitalise, conflict_kind, dispute_title,
                                    duration_words, event_label, value_phrase)

ELSEWHERE = frozenset({"dispute", "position"})  # kinds shown on the disputes and positions pages
_ID = re.compile(r"^[a-z][a-z0-9_:]*$")


@dataclass
class Claimed:
    value: str  # the value in words
    sources: list[Source] = field(default_factory=list)
    settled: bool = False  # the value the knowledge base gives


@dataclass
class ConflictCard:
    id: str
    kind: str  # date | place | figure | name | attribute
    kind_label: str  # in words, in French
    title: str
    about: list[tuple[str, str]]  # (entity id, name) of who or what it is about
    values: list[Claimed]
    settled: str | None  # what the knowledge base says, in words, when it settles it
    storylines: list[str] = field(default_factory=list)  # timeline lines it is about
    outlets: int = 0

    @property
    def anchor(self) -> str:
        return f"conflict-{self.id}"

    @property
    def line_anchor(self) -> str | None:
        """The timeline line it is about (the first one)."""
        from dossier.cards.timeline import line_anchor

        return line_anchor(self.storylines[0]) if self.storylines else None


def _value_words(kind: str, attribute: str, value: str, namer: Namer, texts: list[str], predicate: str = "") -> str:
    if predicate:
        return value_phrase(predicate, value, namer, texts)
    if kind == "place" or (kind == "attribute" and _ID.match(value)):
        words = namer(value)
        return f"{attribute_phrase(attribute)} {words}" if kind == "attribute" else words
    if attribute == "duration":
        return duration_words(value)
    if kind == "figure":
        unit = attribute.partition(":")[2]
        return f"{value} {unit}".strip() if unit and unit != "clock" else value
    return value


def _event_title(story: dict[str, Any] | None, about: list[tuple[str, str]]) -> str:
    if story is None:
        return "événement : " + ", ".join(n for _, n in about) if about else "événement"
    who = ", ".join(p.get("name") or p.get("entity_id") or "?" for p in story.get("participants") or []
                    if isinstance(p, dict))
    where = f" ({story['place_name']})" if story.get("place_name") else ""
    when = f", {story['date']}" if story.get("date") else ""
    return capitalise(event_label(story.get("type"), story.get("plover"))) + (f" — {who}" if who else "") + where + when


def conflict_cards(store, kinds: set[str] | None = None) -> list[ConflictCard]:
    """Every stored conflict about a detail (not the disputes and positions) as a card."""
    rows = [c for c in store.crossref("conflicts") if c.get("kind") not in ELSEWHERE]
    ids = set()
    for c in rows:
        ids |= set(c.get("entities") or [])
        if c.get("kind") in ("relation", "title"):
            ids.add(str(c.get("subject")))
        elif c.get("kind") == "count":
            ids |= set(parse_key(str(c.get("subject")))[1])
        ids |= {v.get("value") for v in c.get("values") or [] if _ID.match(str(v.get("value") or ""))}
        ids |= {str(c.get("settled_by_kb") or "")}
    names = store.entity_names(sorted(i for i in ids if i))
    namer = Namer({k: v.get("name") for k, v in names.items() if v.get("name")})
    about_events = [c for c in rows if c.get("kind") not in ("relation", "title", "count")]
    stories = {s["id"]: s for s in store.timeline(limit=100_000)} if about_events else {}
    # the timeline line each event sentence belongs to (a conflict names its storylines by ids
    # of its own merge; its sources' sentences are the lines' sources)
    line_of = {(src.get("article_id"), src.get("text")): sid for sid, st in stories.items()
               for src in st.get("sources") or []}
    pairs = [(int(k), t) for c in rows for v in c.get("values") or [] for k, t in v.get("sources") or []
             if str(k).isdigit()]
    located = store.locate_evidence(pairs)
    sources = Sources(store)
    sources.load(k for k, _ in pairs)
    cards = []
    for n, c in enumerate(rows):
        raw_kind, attribute = c.get("kind") or "", c.get("attribute") or ""
        kind, label = conflict_kind(raw_kind, attribute)
        if kinds and kind not in kinds:
            continue
        subject = str(c.get("subject") or "")
        texts = [t for v in c.get("values") or [] for _, t in v.get("sources") or []]
        story_ids = [s for s in subject.split("|") if s in stories] or list(dict.fromkeys(
            line_of[(int(k), t)] for v in c.get("values") or [] for k, t in v.get("sources") or []
            if str(k).isdigit() and (int(k), t) in line_of)) if raw_kind not in ("relation", "title", "count") else []
        about = [(i, (names.get(i) or {}).get("name") or namer(i)) for i in c.get("entities") or []]
        predicate = ""
        if raw_kind == "count":
            predicate, args = parse_key(subject)
            title = dispute_title(predicate, args, subject, [v.get("value") for v in c.get("values") or []], namer, texts)
            about = [(a, (names.get(a) or {}).get("name") or namer(a)) for a in args if a in names]
        elif raw_kind in ("relation", "title"):
            who = (names.get(subject) or {}).get("name") or namer(subject)
            about = [(subject, who)]
            question = "quel titre ?" if raw_kind == "title" else f"{attribute_phrase(attribute)} qui ?"
            title = f"{who} : {question}"
        else:
            story = stories.get(story_ids[0]) if story_ids else None
            title = f"{_event_title(story, about)} : {attribute_phrase(attribute.partition(':')[0])}"
        values = []
        settled_value = c.get("settled_by_kb")
        for v in c.get("values") or []:
            value = str(v.get("value"))
            claimed = Claimed(_value_words(kind, attribute, value, namer, texts, predicate), settled=value == settled_value)
            for k, t in v.get("sources") or []:
                if not str(k).isdigit():
                    continue
                where = located.get((int(k), t), {})
                claimed.sources.append(sources(int(k), where.get("sentence"), t, where.get("said")))
            values.append(claimed)
        settled = next((v.value for v in values if v.settled), None)
        cards.append(ConflictCard(
            id=str(c.get("id", n)), kind=kind, kind_label=label, title=title, about=about, values=values,
            settled=settled, storylines=story_ids, outlets=outlets([s for v in values for s in v.sources])))
    return cards


def conflicts_by_storyline(cards: list[ConflictCard]) -> dict[str, list[ConflictCard]]:
    """The conflict cards about each timeline line."""
    out: dict[str, list[ConflictCard]] = {}
    for card in cards:
        for sid in card.storylines:
            out.setdefault(sid, []).append(card)
    return out
