"""The dossier shaped for a reader: dispute and conflict cards, the timeline of the story, positions
over time. Shared by the web pages and the brief; every entry carries its source (outlet,
headline, date) and the sentence it comes from."""
from dossier.cards.conflicts import ConflictCard, conflict_cards
from dossier.cards.disputes import DisputeCard, Filters, dispute_cards
from dossier.cards.positions import PositionsView, positions_view
from dossier.cards.sources import Source, Sources
from dossier.cards.timeline import Line, TimelineView, timeline_view, top_events

__all__ = ["ConflictCard", "DisputeCard", "Filters", "Line", "PositionsView", "Source", "Sources", "TimelineView",
           "conflict_cards", "dispute_cards", "positions_view", "timeline_view", "top_events"]
