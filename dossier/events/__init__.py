"""Events: PLOVER-typed event extraction and the storyline merge across articles."""
import logging

from dossier.events.extract import extract_events
from dossier.events.merge import StorylineEvent, merge_events
from dossier.events.plover import to_plover

__all__ = ["extract_events", "merge_events", "StorylineEvent", "to_plover"]

logging.getLogger(__name__).addHandler(logging.NullHandler())
