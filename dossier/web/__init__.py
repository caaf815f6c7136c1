"""The web app: HTML pages and a JSON API over the store (``create_app``)."""
from __future__ import annotations

from dossier.web.app import create_app

__all__ = ["create_app"]
