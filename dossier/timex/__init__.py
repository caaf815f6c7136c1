"""Temporal expressions: find, normalise (TIMEX3-like, ISO 8601 values), infer publication dates.

The spaCy component lives in :mod:`dossier.timex.component` (factory ``dossier_time``); the
dateparser baseline in :mod:`dossier.timex.baseline`.
"""

import logging

from dossier.timex.calendar import same_at
from dossier.timex.extract import detect_language, find_timexes, normalise
from dossier.timex.infer import infer_published

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = ["detect_language", "find_timexes", "infer_published", "normalise", "same_at"]
