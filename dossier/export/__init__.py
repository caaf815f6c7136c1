"""Exports of a dossier (JSON, CSV, Parquet, PLOVER) and the brief (Markdown / HTML)."""
from __future__ import annotations

from dossier.export.brief import build_brief, to_html, to_markdown, write_brief
from dossier.export.formats import FORMATS, export, export_document, plover_records

__all__ = ["FORMATS", "build_brief", "export", "export_document", "plover_records", "to_html", "to_markdown",
           "write_brief"]
