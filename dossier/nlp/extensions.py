"""The contract between dossier's spaCy components.

Each component reads and writes these extensions. Records written on the Doc carry character
offsets into ``doc.text`` (the *cleaned* text) and ``sentence`` = index into ``list(doc.sents)``;
:mod:`dossier.pipeline` maps them back to the original text.

Doc extensions
    published, published_precision, published_basis   publication date (set before the pipeline
                                                       runs; the time component may infer it)
    published_confidence, published_evidence           how sure, and on what the inferred date
                                                       rests ("estimate: …"; None when given)
    date_hints                                         what other articles say of the day some of
                                                       its expressions name (Article.extra
                                                       "date_hints", see dossier.timex.hints)
    language                                           "fr" / "en" / ...
    mentions    list[Mention]       dossier_entities
    entities    dict[str, EntityInfo]  dossier_entities
    timexes     list[Timex]         dossier_time
    sentence_times list[SentenceTime] dossier_time
    quotes      list[Quote]         dossier_quotes
    events      list[Event]         dossier_events
    claims      list[Claim]         dossier_claims
    attributes  list[Attribute]     dossier_claims
    positions   list[Position]      dossier_claims
    roles       list[RoleFact]      dossier_entities (roles learned from appositions)

Span extensions (on ``doc.ents`` spans set by dossier_entities)
    entity_id, entity_name, entity_type, resolution, confidence, acts_for
"""
from spacy.tokens import Doc, Span

_DOC_DEFAULTS = {
    "published": None,
    "published_precision": "unknown",
    "published_basis": "unknown",
    "published_confidence": 0.0,
    "published_evidence": None,
    "language": None,
    "date_hints": None,
}
_DOC_LISTS = (
    "mentions",
    "timexes",
    "sentence_times",
    "quotes",
    "events",
    "claims",
    "attributes",
    "positions",
    "roles",
)
_SPAN_DEFAULTS = {
    "entity_id": None,
    "entity_name": None,
    "entity_type": None,
    "resolution": None,
    "confidence": None,
    "acts_for": None,
}


def register_extensions() -> None:
    for name, default in _DOC_DEFAULTS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name in _DOC_LISTS:
        if not Doc.has_extension(name):
            # a getter-free default list would be shared between docs: use a lazy property store
            Doc.set_extension(name, default=None)
    if not Doc.has_extension("entities"):
        Doc.set_extension("entities", default=None)
    for name, default in _SPAN_DEFAULTS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


def doc_list(doc: Doc, name: str) -> list:
    """The list stored under ``doc._.<name>``, created on first use (never shared between docs)."""
    value = getattr(doc._, name)
    if value is None:
        value = []
        setattr(doc._, name, value)
    return value


def doc_entities(doc: Doc) -> dict:
    value = doc._.entities
    if value is None:
        value = {}
        doc._.entities = value
    return value
