"""Claims and denials, propositions, disputes, attribute conflicts and actors' positions.

Per article: the ``dossier_claims`` spaCy component (:mod:`dossier.claims.component`) writes
``doc._.claims``, ``doc._.attributes`` and ``doc._.positions``. Across articles:
:func:`find_disputes`, :func:`find_conflicts`, :func:`positions_matrix`.
"""
import logging

from dossier.claims.conflicts import Conflict, ConflictValue, find_conflicts, positions_matrix
from dossier.claims.disputes import ClaimRef, Dispute, find_disputes
from dossier.claims.lexicon import Issue, load_issues

__all__ = [
    "ClaimRef", "Conflict", "ConflictValue", "Dispute", "Issue",
    "find_conflicts", "find_disputes", "load_issues", "positions_matrix",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
