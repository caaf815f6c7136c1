"""Read queries for the web app, exports and the brief (mixed into SQLiteStore)."""
from __future__ import annotations

from typing import Any


class ViewsMixin:
    conn: Any
