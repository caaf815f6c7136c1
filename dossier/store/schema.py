"""Schema: one definition of every table, index and the full-text index, for every backend.

Tables are declared here once, with abstract column types (``text``, ``int``, ``real``,
``bytes``, ``json``, ``timestamp``); ``dossier.store.dialect`` renders them as SQLite or
PostgreSQL DDL. Record tables are generated from ``dossier.models`` so that a field added to a
record becomes a column: opening a store adds every declared column or index an existing database
lacks (nothing is ever dropped). To add a table, append a :class:`Table` to ``TABLES``; to add a
column, add it to its table (or to the record dataclass); both backends pick it up.
"""
from __future__ import annotations

import dataclasses
import functools
import json
import typing
from dataclasses import dataclass
from typing import Any

from dossier import models

SCHEMA_VERSION = 5  # 2: storylines.date_start/date_end; 3: crossref.seq (backend-neutral order);
# 4: failed_articles, storylines.seq, an index on articles.ingested_at; 5: the incremental cross-article
# state (x_articles, x_records, x_keys, storylines.unit, crossref.unit); later, without a version
# change (tables and indexes are added on open): x_affiliations, an index on storyline_sources.event_id,
# x_pairs (and its index on b), x_key_ids and x_key_records (replacing x_keys, which is only
# emptied: LEGACY_TABLES)

TYPES = ("text", "int", "real", "bytes", "json", "timestamp")


@dataclass(frozen=True)
class Column:
    name: str
    type: str = "text"  # one of TYPES; json is text holding JSON; timestamp defaults to now (UTC)
    not_null: bool = False
    unique: bool = False
    primary_key: bool = False
    references: str | None = None  # "table(column)"
    on_delete: str | None = "CASCADE"  # what happens to this row when the referenced row goes

    def __post_init__(self):
        if self.type not in TYPES:
            raise ValueError(f"{self.name}: unknown column type {self.type!r}")


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    auto_id: bool = False  # an integer ``id`` primary key numbered by the database
    primary_key: tuple[str, ...] = ()  # a composite primary key
    without_rowid: bool = False  # SQLite: rows kept in the primary key's own tree (no second copy)

    @property
    def column_names(self) -> list[str]:
        return (["id"] if self.auto_id else []) + [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


@dataclass(frozen=True)
class Index:
    name: str
    table: str
    columns: tuple[str, ...]


@dataclass(frozen=True)
class SearchIndex:
    """Full-text index over some text columns of one table (FTS5 in SQLite, a tsvector column
    with a GIN index in PostgreSQL)."""
    table: str
    columns: tuple[str, ...]


# table name -> record class (per-article records)
RECORD_TABLES: dict[str, type] = {
    "sentences": models.Sentence,
    "mentions": models.Mention,
    "timexes": models.Timex,
    "sentence_times": models.SentenceTime,
    "quotes": models.Quote,
    "events": models.Event,
    "claims": models.Claim,
    "attributes": models.Attribute,
    "positions": models.Position,
    "roles": models.RoleFact,
}

ARTICLES = Table("articles", auto_id=True, columns=(
    Column("content_hash", not_null=True, unique=True),
    Column("source"),
    Column("url"),
    Column("outlet"),
    Column("author"),
    Column("title"),
    Column("published"),
    Column("published_precision"),
    Column("published_basis"),
    Column("published_confidence", "real"),
    Column("language"),
    Column("raw_text", not_null=True),
    Column("clean_text"),
    Column("boilerplate", "json"),  # list of [start, end]
    Column("extra", "json"),
    Column("pipeline_version"),
    Column("signature", "bytes"),
    Column("near_duplicate_of", "int", references="articles(id)", on_delete=None),
    Column("near_similarity", "real"),
    Column("ingested_at", "timestamp"),
))

# article columns shown to readers (the MinHash signature is internal)
ARTICLE_FIELDS = tuple(n for n in ARTICLES.column_names if n != "signature")

SEARCH = SearchIndex("articles", ("title", "clean_text"))


# Articles whose processing raised, one row per content hash, with everything needed to run them
# again (``dossier ingest --retry-failed``): the text, and in ``article`` the Article's other
# fields as JSON, so that ``Article(raw_text=row["raw_text"], **json.loads(row["article"]))``.
FAILED_ARTICLES = Table("failed_articles", auto_id=True, columns=(
    Column("content_hash", not_null=True, unique=True),
    Column("source"),
    Column("component", not_null=True),  # the stage that raised
    Column("error", not_null=True),  # "ExceptionType: message", one line
    Column("detail"),  # the traceback (never shown to a user)
    Column("raw_text", not_null=True),
    Column("article", "json", not_null=True),
    Column("pipeline_version"),
    Column("attempts", "int", not_null=True),
    Column("failed_at", "timestamp", not_null=True),  # the last failure
))


def _column_type(tp: Any) -> str:
    origin = typing.get_origin(tp)
    args = [a for a in typing.get_args(tp) if a is not type(None)]
    if origin in (list, dict) or tp in (list, dict):
        return "json"
    if args:
        return _column_type(args[0])
    if tp in (int, bool):  # booleans are stored as 0/1
        return "int"
    if tp is float:
        return "real"
    return "text"


@functools.lru_cache(maxsize=None)
def record_columns(cls: type) -> dict[str, str]:
    """Field name -> abstract column type of a record dataclass."""
    hints = typing.get_type_hints(cls)
    return {f.name: _column_type(hints[f.name]) for f in dataclasses.fields(cls)}


def record_table(name: str, cls: type) -> Table:
    cols = (Column("article_id", "int", not_null=True, references="articles(id)"), Column("idx", "int"))
    return Table(name, auto_id=True,
                 columns=cols + tuple(Column(n, t) for n, t in record_columns(cls).items()))


TABLES: tuple[Table, ...] = (
    ARTICLES,
    *(record_table(name, cls) for name, cls in RECORD_TABLES.items()),
    Table("meta", (Column("key", primary_key=True), Column("value"))),
    Table("entities", (
        Column("id", primary_key=True), Column("name"), Column("type"), Column("wikidata"),
        Column("lat", "real"), Column("lon", "real"), Column("country"), Column("affiliation"),
        Column("aliases", "json"))),
    Table("storylines", (
        Column("id", primary_key=True), Column("type"), Column("plover"), Column("date"),
        Column("date_precision"), Column("place_id"), Column("place_name"), Column("status"),
        Column("participants", "json"), Column("details", "json"), Column("explanation", "json"),
        Column("n_sources", "int"), Column("n_articles", "int"), Column("summary"),
        Column("date_start"), Column("date_end"), Column("seq", "int"),  # seq: the timeline's order
        Column("unit", "int"))),  # the cross-article unit of its events (dossier.crossref)
    Table("storyline_sources", (
        Column("storyline_id", references="storylines(id)"),
        Column("event_id", "int", references="events(id)"))),
    # cross-article results by kind (quote_groups, disputes, conflicts, positions), in ``seq`` order
    Table("crossref", (Column("kind"), Column("id"), Column("payload", "json"), Column("seq", "int"),
                       Column("unit")),  # unit: "<record kind>:<unit>" it was computed from
          primary_key=("kind", "id")),
    # cross-article state (dossier.crossref): the articles it covers, each record's stored
    # features and unit, and the blocking keys that find a new record's candidates
    Table("x_articles", (Column("article_id", "int", primary_key=True), Column("ref_day"))),
    Table("x_records", (Column("kind"), Column("record_id", "int"), Column("article_id", "int"),
                        Column("unit", "int"), Column("data", "json")), primary_key=("kind", "record_id")),
    # the blocking keys: each key (kind, text) numbered once, and the records filed under each
    # number (two small integers a row, where a row of text keys and its index took ~100 bytes)
    Table("x_key_ids", (Column("kind"), Column("key"), Column("id", "int")), primary_key=("kind", "key"),
          without_rowid=True),
    Table("x_key_records", (Column("key_id", "int"), Column("record_id", "int")),
          primary_key=("key_id", "record_id"), without_rowid=True),
    # how many roles learned from the covered articles say an actor acts for an organisation
    Table("x_affiliations", (Column("actor"), Column("org"), Column("n", "int")), primary_key=("actor", "org")),
    # the pair decisions that count for a unit's results (events: one event, or a date conflict),
    # each stored once (a < b) when its later record was covered, with the decision's score
    Table("x_pairs", (Column("kind"), Column("a", "int"), Column("b", "int"), Column("score", "real"),
                      Column("apart", "int"))),
    FAILED_ARTICLES,
)
TABLE = {t.name: t for t in TABLES}
# tables earlier versions wrote and this one no longer does: emptied with the state they held
LEGACY_TABLES = ("x_keys",)

INDEXES: tuple[Index, ...] = (
    *(Index(f"idx_{name}_article", name, ("article_id",)) for name in RECORD_TABLES),
    Index("idx_storyline_sources", "storyline_sources", ("storyline_id",)),
    Index("idx_storyline_sources_event", "storyline_sources", ("event_id",)),  # x_storylines_of
    Index("idx_storyline_date", "storylines", ("date_start",)),
    Index("idx_storyline_unit", "storylines", ("unit",)),
    Index("idx_crossref_unit", "crossref", ("unit",)),
    Index("idx_x_records_unit", "x_records", ("kind", "unit")),
    Index("idx_x_pairs", "x_pairs", ("kind", "a")),
    Index("idx_x_pairs_b", "x_pairs", ("kind", "b")),  # x_pairs_touching: the weeks a unit is linked to
    Index("idx_mentions_entity", "mentions", ("entity_id",)),
    Index("idx_mentions_sentence", "mentions", ("article_id", "sentence")),
    Index("idx_quotes_speaker", "quotes", ("speaker_id",)),
    Index("idx_quotes_date", "quotes", ("date",)),
    Index("idx_events_date", "events", ("date",)),
    Index("idx_claims_prop", "claims", ("proposition",)),
    Index("idx_articles_published", "articles", ("published",)),
    Index("idx_articles_ingested", "articles", ("ingested_at",)),  # Store.last_stored_at()
)


@functools.lru_cache(maxsize=None)
def json_fields(cls: type) -> frozenset[str]:
    return frozenset(n for n, t in record_columns(cls).items() if t == "json")


def to_row(record: Any) -> dict[str, Any]:
    row = {}
    jf = json_fields(type(record))
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        if f.name in jf:
            value = json.dumps(value if not dataclasses.is_dataclass(value) else dataclasses.asdict(value),
                               ensure_ascii=False, default=_json_default)
        elif isinstance(value, bool):
            value = int(value)
        row[f.name] = value
    return row


def _json_default(obj):
    if dataclasses.is_dataclass(obj):
        return dataclasses.asdict(obj)
    raise TypeError(f"not JSON serialisable: {type(obj).__name__}")


def from_row(table: str, row: dict[str, Any]) -> dict[str, Any]:
    """A stored row as a plain dict with JSON fields decoded."""
    cls = RECORD_TABLES.get(table)
    out = dict(row)
    for name in json_fields(cls) if cls else ():
        if isinstance(out.get(name), str):
            out[name] = json.loads(out[name])
    return out
