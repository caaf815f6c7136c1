"""Plain records that travel between the pipeline stages, the store, the CLI and the web app.

Every annotation carries character offsets into the *original* text of its article
(``Article.raw_text``), so a user can always be sent back to the sentence it came from.
The NLP components work on the cleaned text; ``dossier.pipeline`` maps their offsets back
through the :class:`dossier.clean.OffsetMap` before records leave the pipeline.
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

PRECISIONS = ("day", "week", "month", "season", "year", "decade", "unknown")


@dataclass
class Article:
    """One input document, before NLP. ``raw_text`` is the text as read (after decoding)."""

    raw_text: str
    source: str = ""  # path or URL it was read from
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    title: str | None = None
    published: str | None = None  # ISO 8601 prefix: YYYY, YYYY-MM or YYYY-MM-DD
    published_precision: str = "unknown"  # day | month | year | unknown
    published_basis: str = "unknown"  # manifest | metadata | dateline | inferred | unknown
    published_confidence: float = 0.0
    language: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(" ".join(self.raw_text.split()).encode("utf-8")).hexdigest()

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["content_hash"] = self.content_hash
        return d


@dataclass
class Sentence:
    start: int  # offsets into the original text
    end: int
    text: str


@dataclass
class Mention:
    """A span of text that refers to an entity."""

    start: int
    end: int
    text: str
    label: str  # PER | LOC | ORG | GRP | MISC
    entity_id: str  # KB id (e.g. "vladimir_putin") or "local:<normalised name>"
    entity_name: str  # canonical display name
    entity_type: str  # person | place | organization | group
    confidence: float = 1.0
    resolution: str = "ner"  # how it was resolved: kb-alias | kb-role | metonym | fuzzy | local | ner
    sentence: int | None = None  # index into the article's sentences


@dataclass
class EntityInfo:
    """Canonical entity as known after annotation (KB entry or an unknown name)."""

    id: str
    name: str
    type: str
    wikidata: str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    affiliation: str | None = None
    aliases: list[str] = field(default_factory=list)


@dataclass
class Timex:
    """A TIMEX3-like temporal expression."""

    start: int
    end: int
    text: str
    type: str  # date | time | duration | set
    value: str | None  # ISO 8601: 2025-12-02, 2025-10, 2025-W48, 2022, PT5H ...
    precision: str = "day"  # see PRECISIONS (plus "time" for clock times)
    mod: str | None = None  # approx | start | mid | end | before | after | None
    anchor: str | None = None  # ISO date it was resolved against
    sentence: int | None = None
    # a date counted from its anchor by a duration ("depuis 18 mois", "il y a trois semaines"):
    # that duration (P18M, P3W); the value is only as exact as the count, give or take one unit
    counted: str | None = None


@dataclass
class SentenceTime:
    """The time a sentence's content refers to."""

    sentence: int
    value: str | None
    precision: str
    basis: str  # governing | nearest | publication-fallback | none
    timex_index: int | None = None


@dataclass
class Quote:
    start: int  # span of the quoted/reported content
    end: int
    text: str
    kind: str  # direct | indirect
    speaker_id: str | None  # entity id or None when anonymous/unknown
    speaker_name: str | None
    speaker_text: str | None = None  # the surface form that names the speaker
    anonymous: bool = False
    affiliation: str | None = None  # for anonymous sources: entity id of their side
    cue: str | None = None
    date: str | None = None
    date_precision: str | None = None
    date_basis: str | None = None
    place_id: str | None = None
    sentence: int | None = None
    confidence: float = 0.5
    reported_by: str | None = None  # an outlet relaying the words ("selon l'AFP", "rapporte Reuters"): entity id or text
    source_document: str | None = None  # the document quoted ("le communiqué ukrainien"), issuer or not
    co_speakers: list[str] = field(default_factory=list)  # other speakers of a coordinated subject ("X et Y ont dit")


@dataclass
class RoleFact:
    """A role learned from the text: "X, porte-parole de Y" / "le ministre turc des Affaires
    étrangères, Hakan Fidan" -> person, role as written, organisation, the article's date."""

    person_id: str
    person_name: str
    role: str  # as written, without its article ("chef de la diplomatie turque")
    start: int  # span of the apposition (name + role)
    end: int
    text: str
    role_ids: list[str] = field(default_factory=list)  # KB role ids the phrase matches
    organization_id: str | None = None
    date: str | None = None  # when it was true: the article's publication date
    sentence: int | None = None
    role_start: int | None = None  # span of the role phrase alone
    role_end: int | None = None


@dataclass
class Participant:
    entity_id: str
    name: str
    role: str = "participant"  # host | visitor | mediator | source | target | participant


@dataclass
class Event:
    start: int  # evidence span (trigger clause / sentence)
    end: int
    text: str
    type: str  # meeting | visit | phone_call | proposal | agreement | rejection | demand | threat | sanction | aid | exchange | military_claim | military_denial | attack | statement | other
    plover: str  # CONSULT | AGREE | REJECT | DEMAND | THREATEN | SANCTION | COERCE | ASSAULT | RETREAT | AID | REQUEST | OTHER ...
    mode: str | None = None  # visit | phone | ...
    context: str | None = None  # diplomatic | military | territory | misinformation ...
    trigger: str | None = None
    participants: list[Participant] = field(default_factory=list)
    place_id: str | None = None
    place_name: str | None = None
    date: str | None = None
    date_precision: str | None = None
    date_basis: str | None = None
    date_counted: str | None = None  # the date was counted back (or on) by this duration (Timex.counted)
    # undated, but the text bounds its days ("plus de deux semaines après l'assaut sur X" in a clause
    # of the 30th: 2025-05-09/2025-05-15): FIRST/LAST, read by the merge as the days it may be about
    date_window: str | None = None
    duration: str | None = None  # ISO 8601 duration, e.g. PT5H
    duration_text: str | None = None
    outcome: list[dict[str, Any]] = field(default_factory=list)  # {"words":..., "by": entity_id}
    status: str = "held"  # held | planned | cancelled | hypothetical | denied
    sentence: int | None = None
    confidence: float = 0.5
    # dated by the text over half a year before publication: history recalled, not the story
    # (folded on the timeline, kept out of cross-article merges); None: not decided (records
    # built outside the events stage), the merge then decides from the date
    background: bool | None = None
    # False when the event has neither participant nor place: a record, not a timeline line
    timeline_line: bool = True


@dataclass
class Claim:
    start: int
    end: int
    text: str  # evidence span
    predicate: str  # CONTROLS | CAPTURED | ENCIRCLED | CASUALTIES | AUTHORED | INTENDS | AGREED | SAYS ...
    arguments: list[str]  # canonical entity ids (or normalised strings)
    proposition: str  # normalised key, e.g. "CONTROLS(russian_armed_forces,pokrovsk)"
    claimant_id: str | None
    claimant_name: str | None
    stance: str  # asserts | denies | questions | confirms
    anonymous: bool = False
    affiliation: str | None = None
    cue: str | None = None
    date: str | None = None
    date_precision: str | None = None
    sentence: int | None = None
    confidence: float = 0.5
    # for a denial or a doubt: the proposition key it contradicts, as the asserting claim carries
    # it (the claim the text names: "a démenti ces affirmations", "X l'a contesté", "les
    # affirmations de Y selon lesquelles …"; else the claim's own proposition). Cross-article
    # disputes pair it with the claims asserting that key.
    denies: str | None = None


@dataclass
class Attribute:
    """A relation or attribute stated about an entity (for conflict detection)."""

    start: int
    end: int
    text: str
    entity_id: str
    attribute: str  # e.g. "son-in-law of", "position"
    value: str  # entity id or normalised value
    sentence: int | None = None


@dataclass
class Position:
    actor_id: str
    actor_name: str
    issue: str  # issue id from the issues data file
    stance: str  # supports | opposes | conditional | unclear
    start: int
    end: int
    text: str
    date: str | None = None  # the time the sentence is about (content time)
    sentence: int | None = None
    confidence: float = 0.5
    said: str | None = None  # when the stance was stated: the statement's date, else the publication date


@dataclass
class ArticleRecords:
    """Everything the per-article pipeline produces. A pure function of (Article, settings)."""

    article: Article
    clean_text: str
    boilerplate: list[tuple[int, int]]  # removed spans in the original text
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: dict[str, EntityInfo] = field(default_factory=dict)
    timexes: list[Timex] = field(default_factory=list)
    sentence_times: list[SentenceTime] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    attributes: list[Attribute] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    roles: list[RoleFact] = field(default_factory=list)  # roles learned from the text
    pipeline_version: str = ""

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["article"] = self.article.to_dict()
        return d


@dataclass
class ArticleFailure:
    """An article whose processing raised. It is reported on one line and recorded as failed
    (so that it can be retried after an upgrade); it never sinks the rest of its batch."""

    article: Article
    component: str  # the stage that raised: "clean", "dossier_time", ..., "store"
    error: str  # "ExceptionType: message", one line
    detail: str = ""  # the traceback, for the log and the database; never printed to a user
    pipeline_version: str = ""  # the pipeline it failed under (retry after an upgrade)

    @classmethod
    def from_exception(cls, article: Article, component: str, exc: BaseException,
                       pipeline_version: str = "") -> "ArticleFailure":
        import traceback

        message = " ".join(str(exc).split())
        if len(message) > 300:
            message = message[:299] + "…"
        error = f"{type(exc).__name__}: {message}" if message else type(exc).__name__
        detail = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        return cls(article=article, component=component, error=error, detail=detail[-20_000:],
                   pipeline_version=pipeline_version)

    @property
    def line(self) -> str:
        return f"{self.article.source or '<text>'}: failed in {self.component}: {self.error}"
