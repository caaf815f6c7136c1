"""Quotes: direct and indirect speech, speaker attribution, cross-article grouping."""
import logging

from dossier.quotes.extract import extract_quotes
from dossier.quotes.group import group_quotes

__all__ = ["extract_quotes", "group_quotes"]

logging.getLogger(__name__).addHandler(logging.NullHandler())
