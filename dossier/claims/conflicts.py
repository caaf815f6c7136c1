"""Conflicting reports across (or within) articles.

- relations: "Y, gendre de A" in one source, "gendre de B" in another (functional relations);
- titles: "le président russe X" vs "le président ukrainien X";
- events: what the sources of one merged event say differently (day, time, place, duration,
  figures; the place a source's sentence gives when its record has none: "organisé à X"), and
  events kept apart only because their dates differ;
- the clock time each article gives a merged event (its participant's statement next to the
  event's sentence) and the format it gives talks ("directes" / "indirectes", data in
  ``events/data/merge.yaml``);
- events reported as fact by some sources and denied by a later report of one of their parties
  (kind "status": held per A, denied per B);
- disputes of propositions (``find_disputes``), kind "dispute" (or "count" for casualty figures),
  with the merged events that report the disputed state of affairs as fact on the asserting side
  (an agreement of its parties, a capture of its place by its holder);
- positions: actors on opposite sides of one issue, kind "position".

``settled_by_kb`` holds the value the knowledge base (relation roles of ``dossier.entities``) or
``data/facts.yaml`` gives, when it is one of the conflicting values.
"""
from __future__ import annotations

import datetime as dt
import logging
import re
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from dossier.claims.actors import side_of_text
from dossier.claims.attributes import functional_attributes
from dossier.claims.disputes import find_disputes
from dossier.claims.lexicon import facts, fold
from dossier.models import ArticleRecords, Event, Mention, Position

log = logging.getLogger(__name__)


@dataclass
class ConflictValue:
    value: str
    sources: list[tuple[str, str]] = field(default_factory=list)  # (article key, evidence)


@dataclass
class Conflict:
    kind: str  # relation | title | duration | date | count | dispute | position
    subject: str  # entity id, proposition or issue id
    attribute: str
    values: list[ConflictValue]
    settled_by_kb: str | None = None
    articles: list[str] = field(default_factory=list)
    summary: str = ""
    entities: list[str] = field(default_factory=list)  # the actors and places it is about


# -- knowledge-base facts ---------------------------------------------------------------------
def _norm_id(entity_id: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", fold(entity_id.replace("local:", ""))).strip("_")


def _facts_table(kb: Any = None) -> tuple[dict[tuple[str, str], str], dict[str, str]]:
    """((subject, attribute) -> value, name -> entity id) from the KB's relation roles and facts.yaml."""
    table: dict[tuple[str, str], str] = {}
    names: dict[str, str] = {}
    data = facts()
    for entity_id, forms in (data.get("names") or {}).items():
        for form in forms:
            names[_norm_id(form)] = entity_id
        names[_norm_id(entity_id)] = entity_id
    for fact in data.get("facts") or []:
        table[(fact["subject"], fact["attribute"])] = str(fact["value"])
    if kb is None:
        from dossier.entities.kb import load_kb

        kb = load_kb()
    if kb:  # an empty mapping / knowledge base: the facts file alone
        roles = kb.roles()
        for entry in kb.entries():
            for role in getattr(entry, "roles", []) or []:
                rdef = roles.get(role.role)
                if rdef is None or getattr(rdef, "kind", "position") != "relation":
                    continue
                m = re.match(r"^(.+?)_of_(.+)$", role.role)
                if m and m.group(2) in kb:
                    table[(entry.id, m.group(1).replace("_", "-") + " of")] = m.group(2)
    elif isinstance(kb, dict):  # {(subject, attribute): value}
        table.update(kb)
    return table, names


def _canonical(entity_id: str, names: dict[str, str]) -> str:
    return names.get(_norm_id(entity_id), entity_id.replace("local:", ""))


# -- conflicts --------------------------------------------------------------------------------
def _attribute_conflicts(items: list[tuple[str, ArticleRecords]], table, names) -> list[Conflict]:
    groups: dict[tuple[str, str], dict[str, ConflictValue]] = defaultdict(dict)
    for key, rec in items:
        for attr in rec.attributes:
            subject = _canonical(attr.entity_id, names)
            value = _canonical(attr.value, names) if attr.attribute != "position" else attr.value
            slot = groups[(subject, attr.attribute)].setdefault(value, ConflictValue(value))
            slot.sources.append((key, attr.text))
    out: list[Conflict] = []
    functional = functional_attributes()
    for (subject, attribute), values in groups.items():
        if len(values) < 2:
            continue
        if attribute in functional:
            known = table.get((subject, attribute))
            out.append(Conflict(
                kind="relation", subject=subject, attribute=attribute, values=list(values.values()),
                settled_by_kb=known if known in values else None,
                articles=sorted({k for v in values.values() for k, _ in v.sources}),
                summary=f"{subject}: {attribute} " + " / ".join(values),
            ))
        elif attribute == "position":
            # same title word, different country: "président russe" vs "président ukrainien"
            by_head: dict[str, list[ConflictValue]] = defaultdict(list)
            for v in values.values():
                by_head[v.value.split(" ")[0]].append(v)
            for head, vs in by_head.items():
                sides = {side_of_text(v.value) for v in vs} - {None}
                if len(sides) < 2:
                    continue
                known = table.get((subject, "position"))
                known_side = side_of_text(known) if known else None
                settled = next((v.value for v in vs if known_side and side_of_text(v.value) == known_side), None)
                out.append(Conflict(
                    kind="title", subject=subject, attribute="position", values=vs, settled_by_kb=settled,
                    articles=sorted({k for v in vs for k, _ in v.sources}),
                    summary=f"{subject}: " + " / ".join(v.value for v in vs),
                ))
    return out


def _storyline_conflicts(stories: list[Any]) -> list[Conflict]:
    """For every merged event, what its sources say differently (day, time, place, duration,
    figures), each value with the articles that say it; and events kept apart only because
    their dates differ while everything else matches ("13 August per A, 16 August per B")."""
    out: list[Conflict] = []
    by_id = {s.id: s for s in stories}
    done: set[tuple[str, str]] = set()
    for story in stories:
        who = sorted({p.entity_id for p in story.participants})
        entities = who + ([story.place] if story.place else [])
        label = f"{story.type} of {', '.join(who) or '?'}" + (f" at {story.place}" if story.place else "")
        for d in story.disagreements:
            values = [ConflictValue(str(v["value"]), [(k, text) for k, _, text in v["sources"]]) for v in d["values"]]
            attribute = d["attribute"]
            out.append(Conflict(
                kind=attribute.split(":")[0], subject=story.id, attribute=attribute, values=values,
                articles=sorted({k for v in values for k, _ in v.sources}), entities=entities,
                summary=f"{attribute} of the {label}: " + "; ".join(
                    f"{v.value} per {', '.join(sorted({k for k, _ in v.sources}))}" for v in values),
            ))
        for dc in story.date_conflicts:
            pair = tuple(sorted((story.id, dc["with"])))
            other = by_id.get(dc["with"])
            if pair in done or other is None:
                continue
            done.add(pair)
            values = [ConflictValue(str(side["date"]), [(k, text) for k, _, text in side["sources"]])
                      for side in dc["sides"]]
            out.append(Conflict(
                kind="date", subject=f"{story.id}|{other.id}", attribute="date", values=values,
                articles=sorted({k for v in values for k, _ in v.sources}), entities=sorted(set(entities) | {p.entity_id for p in other.participants}),
                summary=f"date of the {label}: " + "; ".join(
                    f"{v.value} per {', '.join(sorted({k for k, _ in v.sources}))}" for v in values),
            ))
    return out


# -- what the sources of merged events say beyond their records --------------------------------
_LOCATIVE = frozenset({"a", "au", "aux", "in", "at"})  # folded: "organisé à X", "au Caire"
SUPPORT_DAYS = 1  # a merged event this close to a dispute's claims reports the same state of affairs
DENIAL_DAYS = 45  # a denial this long after an event may still answer it
_SUPPORTED = {"AGREED": "deal", "CONTROLS": "force", "CAPTURED": "force", "ENCIRCLED": "force"}


def _get(obj: Any, name: str, default: Any = None) -> Any:
    return obj.get(name, default) if isinstance(obj, dict) else getattr(obj, name, default)


def _pid(p: Any) -> str:
    return _get(p, "entity_id") or ""


def _parties(ids: Any) -> set[str]:
    """Each actor as the party it acts for (a minister: his government; a capital: its state)."""
    from dossier.events.features import side_of

    return {side_of(i) or i for i in ids if i and i not in ("unknown", "")}


def _said_place(event: Event, mentions: list[Mention]) -> str | None:
    """Where a source says its event happened: the event's place, else the first place its
    sentence introduces with a locative preposition ("un sommet organisé à X"), a country aside."""
    if event.place_id:
        return event.place_id
    from dossier.events.features import place_info

    for m in mentions:
        if m.entity_type != "place" or not (event.start <= m.start and m.end <= event.end):
            continue
        before = event.text[:max(0, m.start - event.start)].split()
        if before and fold(before[-1]) in _LOCATIVE and not place_info(m.entity_id, m.entity_name)[3]:
            return m.entity_id
    return None


def _places_differ(a: str, b: str) -> bool:
    """Two towns far apart (knowledge-base coordinates), or, for a place the knowledge base does
    not locate, two names with no word in common; a country contains its towns, a region
    (Alaska) the towns of its country near it (Anchorage)."""
    from dossier.blocking.text import words
    from dossier.events.features import NEAR_KM, _km, place_info, town_in_region

    ia, ib = place_info(a, None), place_info(b, None)
    if ia[3] or ib[3]:
        return False
    km = _km(ia, ib)
    if km is not None:
        return km > NEAR_KM and not (ia[2] and ia[2] == ib[2] and town_in_region(a, b, km))
    return not set(words(a.replace("local:", "").replace("_", " "))) & set(words(b.replace("local:", "").replace("_", " ")))


def _index(items: list[tuple[str, ArticleRecords]]) -> tuple[dict[tuple[str, int], Event], dict[str, list[Mention]]]:
    events = {(key, i): e for key, rec in items for i, e in enumerate(rec.events)}
    places = {key: sorted((m for m in rec.mentions if m.entity_type == "place"), key=lambda m: (m.start, m.end))
              for key, rec in items}
    return events, places


def _story_label(story: Any) -> str:
    who = sorted({_pid(p) for p in _get(story, "participants") or []})
    place = _get(story, "place")
    return f"{_get(story, 'type')} of {', '.join(who) or '?'}" + (f" at {place}" if place else "")


def _place_conflicts(stories: list[Any], items: list[tuple[str, ArticleRecords]]) -> list[Conflict]:
    """Merged events whose sources name different towns as the place, reading the place from
    the sentence when the record has none ("à Charm el-Cheikh" / "au Caire")."""
    events, places = _index(items)
    out: list[Conflict] = []
    for story in stories:
        sources = _get(story, "sources") or []
        if _get(story, "background") or len({src[0] for src in sources}) < 2 \
                or any(d.get("attribute") == "place" for d in _get(story, "disagreements") or []):
            continue
        said: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for key, index, text in sources:
            event = events.get((key, index))
            place = _said_place(event, places.get(key, [])) if event is not None else None
            if place:
                said[place].append((key, text))
        differ = [(a, b) for a, b in combinations(sorted(said), 2)
                  if _places_differ(a, b) and {k for k, _ in said[a]} != {k for k, _ in said[b]}]
        if not differ:
            continue
        keep = sorted({p for pair in differ for p in pair})
        values = [ConflictValue(p, sorted(set(said[p]))) for p in keep]
        who = sorted({_pid(p) for p in _get(story, "participants") or []})
        out.append(Conflict(
            kind="place", subject=_get(story, "id"), attribute="place", values=values,
            articles=sorted({k for v in values for k, _ in v.sources}), entities=who + keep,
            summary=f"place of the {_story_label(story)}: " + "; ".join(
                f"{v.value} per {', '.join(sorted({k for k, _ in v.sources}))}" for v in values)))
    return out


def _days(value: str | None) -> tuple[dt.date, dt.date] | None:
    from dossier.events.features import date_interval

    return date_interval(value)


def _denied_events(stories: list[Any], items: list[tuple[str, ArticleRecords]]) -> list[Conflict]:
    """An event some sources report as held, denied by a later report naming one of its parties
    in words of the event ("ni l'un ni l'autre n'a accepté la trêve" after "X accepte la trêve")."""
    from dossier.blocking.text import content_stems
    from dossier.events.features import event_class, generic_name_stems, name_stems

    published = {key: rec.article.published for key, rec in items}
    by_party: dict[str, list[int]] = defaultdict(list)
    for n, story in enumerate(stories):
        kind = event_class(_get(story, "plover") or "", _get(story, "type") or "")
        if _get(story, "background") or _get(story, "status") != "held" or kind in ("deny", "say") \
                or _days(_get(story, "date")) is None:
            continue
        for party in _parties(_pid(p) for p in _get(story, "participants") or []):
            by_party[party].append(n)
    out: list[Conflict] = []
    for key, rec in items:
        for index, event in enumerate(rec.events):
            if event_class(event.plover, event.type) != "deny" or event.background:
                continue
            when = _days(event.date) or _days(published.get(key))
            if when is None:
                continue
            names = frozenset().union(*(name_stems(p.entity_id, p.name) for p in event.participants)) \
                if event.participants else frozenset()
            said = content_stems(event.text or "") - names - generic_name_stems()
            for n in sorted({n for party in _parties(p.entity_id for p in event.participants) for n in by_party[party]}):
                story = stories[n]
                sources = _get(story, "sources") or []
                if (key, index) in {(k, i) for k, i, _ in sources} or not {k for k, _, _ in sources} - {key}:
                    continue  # one of its own sources, or an article contradicting itself alone
                start = _days(_get(story, "date"))
                if not start[0] - dt.timedelta(days=SUPPORT_DAYS) <= when[0] <= start[1] + dt.timedelta(days=DENIAL_DAYS):
                    continue
                story_names = frozenset().union(*(name_stems(_pid(p), _get(p, "name")) for p in _get(story, "participants") or []))
                shared = said & frozenset().union(*(content_stems(t or "") for _, _, t in sources)) - story_names
                if not shared:
                    continue
                values = [ConflictValue("held", sorted({(k, t) for k, _, t in sources})),
                          ConflictValue("denied", [(key, event.text)])]
                who = sorted({_pid(p) for p in _get(story, "participants") or []})
                place = _get(story, "place")
                out.append(Conflict(
                    kind="status", subject=_get(story, "id"), attribute="status", values=values,
                    articles=sorted({k for v in values for k, _ in v.sources}),
                    entities=who + ([place] if place else []),
                    summary=f"the {_story_label(story)}: held per "
                            f"{', '.join(sorted({k for k, _, _ in sources}))}; denied per {key}"))
    return out


FORMAT_DAYS = 7  # statements this close to a meeting may say how it was held


def _near(sentence: int | None, sentences: set[int]) -> bool:
    return sentence is not None and any(abs(sentence - s) <= 1 for s in sentences)


def _story_sources_day(story: Any) -> tuple[list, Any]:
    """A merged event's sources and its days, the days None unless it is a dated event of the
    story (not background) that at least two articles report."""
    sources = _get(story, "sources") or []
    day = _days(_get(story, "date"))
    if _get(story, "background") or len({k for k, _, _ in sources}) < 2:
        return sources, None
    return sources, day


def _time_conflicts(stories: list[Any], items: list[tuple[str, ArticleRecords]]) -> list[Conflict]:
    """The clock time each article gives a merged event: the time of its participant's
    statement that the article reports next to the event's sentence, on the event's day
    ("17 h 02 à Washington" per A, "16 h 02" per B)."""
    events, _ = _index(items)
    claims = {key: rec.claims for key, rec in items}
    out: list[Conflict] = []
    for story in stories:
        sources, day = _story_sources_day(story)
        if day is None or any(d.get("attribute") == "time" for d in _get(story, "disagreements") or []):
            continue
        actors = {_pid(p) for p in _get(story, "participants") or []}
        said: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for key in sorted({k for k, _, _ in sources}):
            sentences = {e.sentence for k, i, _ in sources if k == key and (e := events.get((k, i))) is not None
                         and e.sentence is not None}
            for c in claims.get(key, []):
                when = _days(c.date)
                if c.claimant_id in actors and c.date and "T" in c.date and _near(c.sentence, sentences) \
                        and when and abs((when[0] - day[0]).days) <= SUPPORT_DAYS:
                    said[c.date.split("T", 1)[1][:5]].append((key, c.text))
        by_key = defaultdict(set)
        for value, srcs in said.items():
            for k, _ in srcs:
                by_key[k].add(value)
        if len(by_key) < 2 or not any(a.isdisjoint(b) for a, b in combinations(by_key.values(), 2)):
            continue
        values = [ConflictValue(v, sorted(set(srcs))) for v, srcs in sorted(said.items())]
        place = _get(story, "place")
        out.append(Conflict(
            kind="time", subject=_get(story, "id"), attribute="time", values=values,
            articles=sorted(by_key), entities=sorted(actors) + ([place] if place else []),
            summary=f"time of the {_story_label(story)}: " + "; ".join(
                f"{v.value} per {', '.join(sorted({k for k, _ in v.sources}))}" for v in values)))
    return out


def _format_conflicts(stories: list[Any], items: list[tuple[str, ArticleRecords]]) -> list[Conflict]:
    """How a merged meeting was held, as its articles word it around that day (``formats`` of
    ``events/data/merge.yaml``: "discussions directes" per A, "pourparlers indirects" per B)."""
    from dossier.blocking.text import words
    from dossier.events.features import event_class, merge_data

    data = merge_data()
    if not data["formats"]:
        return []
    events, _ = _index(items)
    claims = {key: rec.claims for key, rec in items}
    out: list[Conflict] = []
    for story in stories:
        sources, day = _story_sources_day(story)
        if day is None or event_class(_get(story, "plover") or "", _get(story, "type") or "") != "talk":
            continue
        said: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for key in sorted({k for k, _, _ in sources}):
            texts = [t for k, _, t in sources if k == key]
            texts += [c.text for c in claims.get(key, []) if (when := _days(c.date))
                      and abs((when[0] - day[0]).days) <= FORMAT_DAYS]
            for text in dict.fromkeys(texts):
                found = words(text or "")
                for n, w in enumerate(found[:-1]):
                    fmt = data["formats"].get(found[n + 1]) if w in data["talk_words"] else None
                    if fmt:
                        said[fmt].add((key, text))
        if len(said) < 2 or len({k for srcs in said.values() for k, _ in srcs}) < 2:
            continue
        values = [ConflictValue(v, sorted(srcs)) for v, srcs in sorted(said.items())]
        who = sorted({_pid(p) for p in _get(story, "participants") or []})
        place = _get(story, "place")
        out.append(Conflict(
            kind="format", subject=_get(story, "id"), attribute="format", values=values,
            articles=sorted({k for v in values for k, _ in v.sources}), entities=who + ([place] if place else []),
            summary=f"format of the {_story_label(story)}: " + "; ".join(
                f"{v.value} per {', '.join(sorted({k for k, _ in v.sources}))}" for v in values)))
    return out


def _event_support(dispute: Any, stories: list[Any]) -> list[tuple[str, str]]:
    """Sources of merged events that report as fact what a disputed proposition asserts: an
    agreement of its parties (AGREED), a capture of its place by its holder (CONTROLS...), dated
    within :data:`SUPPORT_DAYS` of one of the dispute's claims (not merely between its first and
    its last: a dispute argued over months is not supported by every capture in between)."""
    from dossier.events.features import event_class

    kind = _SUPPORTED.get(dispute.predicate)
    if kind is None or not dispute.arguments:
        return []
    pad = dt.timedelta(days=SUPPORT_DAYS)
    claimed = [(iv[0] - pad, iv[1] + pad) for r in dispute.evolution if (iv := _days(r.date))]
    if not claimed:
        return []
    holders = _parties(dispute.arguments[0].split("+"))
    place = dispute.arguments[-1] if kind == "force" else None
    out: list[tuple[str, str]] = []
    for story in stories:
        when = _days(_get(story, "date"))
        if _get(story, "background") or _get(story, "status") != "held" or when is None \
                or event_class(_get(story, "plover") or "", _get(story, "type") or "") != kind \
                or not any(when[1] >= first and when[0] <= last for first, last in claimed):
            continue
        parties = _parties(_pid(p) for p in _get(story, "participants") or [])
        if place is not None and _get(story, "place") != place:
            continue
        if not holders or not holders <= parties:
            continue
        out += [(k, t) for k, _, t in _get(story, "sources") or []]
    return out


def _dispute_conflicts(items: list[tuple[str, ArticleRecords]], stories: list[Any] | None = None) -> list[Conflict]:
    claims = [(key, c) for key, rec in items for c in rec.claims]
    out = []
    for d in find_disputes(claims):
        values = []
        for side, refs in d.sides.items():
            cv = ConflictValue(side)
            cv.sources = [(r.key, r.evidence) for r in refs]
            values.append(cv)
        if stories and set(d.sides) == {"asserts", "denies"}:
            asserted = next(v for v in values if v.value == "asserts")
            known = set(asserted.sources) | {s for v in values for s in v.sources}
            asserted.sources += [s for s in dict.fromkeys(_event_support(d, stories)) if s not in known]
            d.articles = sorted(set(d.articles) | {k for k, _ in asserted.sources})
        about = [a for arg in d.arguments for a in arg.split("+") if a and a not in ("unknown", "*")]
        who = sorted({r.claimant_id for refs in d.sides.values() for r in refs if r.claimant_id})
        out.append(Conflict(
            entities=sorted(set(about) | set(who)),
            kind="count" if d.predicate == "CASUALTIES" else "dispute", subject=d.proposition,
            attribute=d.predicate, values=values, articles=d.articles,
            summary=f"{d.proposition}: " + "; ".join(f"{side} by {', '.join(c)}" for side, c in d.claimants.items()),
        ))
    return out


def _position_conflicts(items: list[tuple[str, ArticleRecords]]) -> list[Conflict]:
    groups: dict[str, dict[str, ConflictValue]] = defaultdict(dict)
    actors: dict[tuple[str, str], set[str]] = defaultdict(set)
    for key, rec in items:
        for p in rec.positions:
            if p.stance not in ("supports", "opposes"):
                continue
            slot = groups[p.issue].setdefault(p.stance, ConflictValue(p.stance))
            slot.sources.append((key, p.text))
            actors[(p.issue, p.stance)].add(p.actor_id)
    out = []
    for issue, values in groups.items():
        if len(values) > 1:
            out.append(Conflict(
                entities=sorted({a for stance in values for a in actors[(issue, stance)] if a}),
                kind="position", subject=issue, attribute="stance", values=list(values.values()),
                articles=sorted({k for v in values.values() for k, _ in v.sources}),
                summary=f"{issue}: " + "; ".join(f"{s}: {', '.join(sorted(actors[(issue, s)]))}" for s in values),
            ))
    return out


def find_conflicts(items: list[tuple[str, ArticleRecords]], kb: Any = None,
                   storylines: list[Any] | None = None) -> list[Conflict]:
    """Incompatible attributes, event details, propositions and positions across the articles.

    ``storylines`` are the merged events of these articles when the caller has them already
    (``merge_events`` over the same items); otherwise they are merged here.
    """
    table, names = _facts_table(kb)
    if storylines is None:
        from dossier.events.merge import merge_events

        from dossier.events.features import learned_affiliations

        published = {key: rec.article.published for key, rec in items if rec.article.published}
        storylines = merge_events([(key, ev) for key, rec in items for ev in rec.events], published=published,
                                  affiliations=learned_affiliations(r for _, rec in items for r in rec.roles))
    return (_attribute_conflicts(items, table, names) + _storyline_conflicts(storylines)
            + _place_conflicts(storylines, items) + _time_conflicts(storylines, items)
            + _format_conflicts(storylines, items) + _denied_events(storylines, items)
            + _dispute_conflicts(items, storylines) + _position_conflicts(items))


def positions_matrix(items: list[tuple[str, Position]]) -> dict[str, dict[str, dict[str, Any]]]:
    """actor -> issue -> {"stance": latest, "date": when it was said, "history": [...] oldest first}.
    A stance is dated by when it was stated (``Position.said``: "a déclaré mercredi que l'adhésion
    … n'est pas une solution"), not by a date its sentence speaks of ("les frontières de 2014",
    kept as ``about``); positions stored before ``said`` existed fall back on ``date``."""
    matrix: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    ordered = sorted(enumerate(items), key=lambda ip: (ip[1][1].said or ip[1][1].date or "", ip[0]))
    for index, (key, p) in ordered:
        cell = matrix[p.actor_id].setdefault(p.issue, {"actor_name": p.actor_name, "stance": None, "date": None, "history": []})
        said = p.said or p.date
        entry = {"stance": p.stance, "date": said, "key": key, "index": index, "evidence": p.text}
        if p.date and p.date != said:
            entry["about"] = p.date
        cell["history"].append(entry)
        cell["stance"], cell["date"] = p.stance, said
    return {actor: dict(issues) for actor, issues in matrix.items()}
