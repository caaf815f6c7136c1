"""dossier: turn raw news articles into a sourced dossier (actors, events, quotes, claims)."""
import logging

__version__ = "0.1.0"
__all__ = ["__version__", "Article", "ArticleRecords", "Settings", "DossierError"]

from dossier.config import Settings  # noqa: E402
from dossier.errors import DossierError  # noqa: E402
from dossier.models import Article, ArticleRecords  # noqa: E402

logging.getLogger(__name__).addHandler(logging.NullHandler())
