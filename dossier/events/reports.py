"""A reported statement as an event of its own beside the event it reports.

"X a déclaré vendredi que Y et Z s'étaient engagés à …": two events, X's statement (a neutral
saying, dated by its own clause) and Y and Z's commitment (without X). The report stays one
event, X among its participants, when X reports its own act (an infinitive or a pronoun
subject: "X a déclaré avoir accepté", "X a dit qu'il …"), when X is on a reported party's side
(the knowledge base's affiliations: a spokesman for his government's troops), when the verb is
an announcement or a claim (``data/reports.yaml``: folding), or when the reported event is a
saying itself (typed by the report instead).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from spacy.tokens import Token

from dossier.models import Event, Participant
from dossier.nlp.tokens import morph

DATA = Path(__file__).resolve().parent / "data" / "reports.yaml"


@lru_cache(maxsize=1)
def report_data() -> dict[str, Any]:
    with open(DATA, encoding="utf-8") as fh:
        data = yaml.safe_load(fh) or {}
    return {
        "folding": frozenset(data.get("folding") or ()),
        "reported": frozenset(data.get("reported") or ()),
        "kept_types": frozenset(data.get("kept_types") or ()),
        "path": frozenset(data.get("path") or ()),
        "max_depth": int(data.get("max_depth") or 3),
        "self_subjects": frozenset(data.get("self_subjects") or ()),
        "possessives": frozenset(data.get("possessives") or ()),
    }


def _reported_clause(reporting: Token, trigger: Token) -> bool:
    """Whether ``trigger`` is the reported fact: reached from the reporting verb through the
    reported clause (``path`` labels), not through a purpose or condition."""
    d = report_data()
    cur, depth = trigger, 0
    while cur.i != reporting.i:
        if cur.dep_ not in d["path"] or cur.head.i == cur.i or depth >= d["max_depth"]:
            return False
        cur, depth = cur.head, depth + 1
    return depth > 0


def _own_act(trigger: Token, implicit: bool = True) -> bool:
    """The speaker reports its own act: the reported verb has no subject of its own (an
    infinitive: "X a déclaré avoir reçu …"; with ``implicit``) or a pronoun one ("X a dit
    qu'il …")."""
    from dossier.events.extract import subject_of

    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head if trigger.dep_ in (
        "nsubj", "nsubj:pass", "obj") else None
    if verb is None:
        return False
    if "Inf" in morph(verb, "VerbForm"):
        return implicit
    subj = subject_of(verb)
    if subj is None:
        return implicit
    if subj.lower_ in report_data()["self_subjects"]:
        return True
    # "une partie de ses troupes se retire": the speaker's own people
    return any(t.lower_ in report_data()["possessives"] for t in subj.subtree)


def _sides(entity_id: str) -> set[str]:
    from dossier.events.features import side_of

    side = side_of(entity_id)
    return {entity_id, side} if side else {entity_id}


def splits(reporting: Token, trigger: Token, event: Event) -> bool:
    """Whether the report by ``reporting``'s subject is an event beside ``event`` (its content)."""
    d = report_data()
    if reporting.lemma_.lower() in d["folding"] or reporting.lower_ in d["folding"]:
        return False
    if event.plover not in d["reported"] or event.type in d["kept_types"]:
        return False
    if reporting.pos_ == "ADP":  # "selon X, Y et Z ont …": X is not the subject of the reported clause
        if reporting.head.is_ancestor(trigger) or _own_act(trigger, implicit=False):
            return False
    elif not _reported_clause(reporting, trigger) or _own_act(trigger):
        return False
    sources = [p.entity_id for p in event.participants if p.role == "source"]
    if not sources:
        return False
    speaker = set().union(*(_sides(s) for s in sources))
    parties = [p.entity_id for p in event.participants if p.role != "source"]
    return not any(_sides(p) & speaker for p in parties)


def without_source(event: Event, alone: Event) -> Event:
    """The reported event without its reporter: its own clause's span (``alone``, the event
    built without the speaker) and its parties; the date read with the report stays."""
    import dataclasses

    parts: list[Participant] = [p for p in event.participants if p.role != "source"]
    return dataclasses.replace(event, participants=parts, start=alone.start, end=alone.end, text=alone.text)


__all__ = ["splits", "without_source", "report_data"]
