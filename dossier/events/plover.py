"""Export an Event as a PLOVER/POLECAT-style JSON record.

Field names follow the PLOVER data model (``event_type``, ``mode``, ``context``, ``actor``,
``recipient``, ``event_text``, ``story_date``...), with Wikidata ids for actors the knowledge base
knows, and provenance (sentence index, character offsets, url) that PLOVER leaves to the coder.
"""
from __future__ import annotations

import hashlib
import logging
from typing import Any

from dossier.entities import load_kb
from dossier.models import Event, Participant

log = logging.getLogger(__name__)

_ACTOR_ROLES = ("source", "host", "visitor", "participant", "mediator")


def _wikidata(kb, entity_id: str) -> str | None:
    if kb is None or entity_id.startswith("local:"):
        return None
    getter = getattr(kb, "get", None)
    entry = getter(entity_id) if getter is not None else None
    if entry is None and isinstance(kb, dict):
        entry = kb.get(entity_id)
    if entry is None:
        return None
    return entry.get("wikidata") if isinstance(entry, dict) else getattr(entry, "wikidata", None)


def _actor(p: Participant, kb) -> dict[str, Any]:
    return {"id": p.entity_id, "name": p.name, "role": p.role, "wikidata": _wikidata(kb, p.entity_id)}


def _split(participants: list[Participant]) -> tuple[list[Participant], list[Participant]]:
    """Actors (the doers) and recipients (targets, hosts of a visit, second parties)."""
    actors = [p for p in participants if p.role in _ACTOR_ROLES]
    recipients = [p for p in participants if p.role not in _ACTOR_ROLES]
    if not recipients and len(actors) > 1 and not any(p.role == "source" for p in actors):
        actors, recipients = actors[:1], actors[1:]
    return actors, recipients


def to_plover(event: Event, article: dict, kb: Any = None) -> dict[str, Any]:
    """A PLOVER-compatible dict for one event of one article.

    ``article`` is a mapping with at least the article key or url (``key``/``id``, ``url``,
    ``published``, ``outlet``, ``title`` are used when present). ``kb`` defaults to
    ``dossier.entities.load_kb()``; pass ``False`` to skip it."""
    if kb is None:
        kb = load_kb()
    elif kb is False:
        kb = None
    actors, recipients = _split(event.participants)
    key = article.get("key") or article.get("id") or article.get("url") or article.get("source") or ""
    raw = f"{key}:{event.start}:{event.end}:{event.plover}"
    return {
        "id": hashlib.sha1(raw.encode()).hexdigest()[:16],
        "event_type": event.plover,
        "mode": event.mode,
        "context": [event.context] if event.context else [],
        "event_date": event.date,
        "date_precision": event.date_precision,
        "story_date": article.get("published"),
        "actor": _actor(actors[0], kb) if actors else None,
        "recipient": _actor(recipients[0], kb) if recipients else None,
        "actors": [_actor(p, kb) for p in actors],
        "recipients": [_actor(p, kb) for p in recipients],
        "location": {"id": event.place_id, "name": event.place_name,
                     "wikidata": _wikidata(kb, event.place_id) if event.place_id else None},
        "event_text": event.text,
        "trigger": event.trigger,
        "status": event.status,
        "duration": event.duration,
        "sentence": event.sentence,
        "start": event.start,
        "end": event.end,
        "url": article.get("url"),
        "publisher": article.get("outlet"),
        "headline": article.get("title"),
        "dossier_type": event.type,
    }
