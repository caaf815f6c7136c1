"""Entities: knowledge base, recognition repair, role/metonym resolution, canonical names, places.

The spaCy component ``dossier_entities`` lives in :mod:`dossier.entities.component`.
"""
import logging

from dossier.entities.geo import geocode
from dossier.entities.kb import KBEntry, KnowledgeBase, Role, load_kb
from dossier.entities.matching import match_name
from dossier.entities.normalize import canonical_key, norm_alias

__all__ = ["KBEntry", "KnowledgeBase", "Role", "canonical_key", "geocode", "load_kb", "match_name",
           "norm_alias"]

logging.getLogger(__name__).addHandler(logging.NullHandler())
