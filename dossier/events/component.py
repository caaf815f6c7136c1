"""The ``dossier_events`` spaCy component: PLOVER-typed events with participants, place, date."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

import dossier.nlp  # noqa: F401  (registers the Doc extensions)
from dossier.events.english import extract_english_events, is_english
from dossier.events.extract import extract_events
from dossier.nlp.extensions import doc_list


class EventsComponent:
    """Writes :class:`dossier.models.Event` records to ``doc._.events``."""

    # v4: governments for acting countries, clause spans, content-typed statements, senses, background
    # v5: English documents read by surface patterns (dossier.events.english); French unchanged
    # v6: named quotes as statements (events.quoted), headline lines without events, another actor's
    #     act of the same type, talks in general dropped, statement types from their words
    # v7: a wholly quoted reported clause gives the saying its own statement; Event.date_counted
    # v8: a war noun with its own start; Event.date_window (vague offsets); the agent of fighting
    #     told without anyone from the article's principal actor
    version = "dossier.events.v8"

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        events = doc_list(doc, "events")
        events.clear()
        events.extend(extract_english_events(doc) if is_english(doc) else extract_events(doc))
        return doc


@Language.factory(
    "dossier_events",
    requires=["token.dep", "token.lemma", "doc.sents"],
    assigns=["doc._.events"],
)
def make_events(nlp: Language, name: str) -> EventsComponent:
    return EventsComponent(nlp, name)
