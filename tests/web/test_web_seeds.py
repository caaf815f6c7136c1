"""Ingest the real seed articles and check that every page renders over them (about 10 s)."""
from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.slow


def test_every_page_renders_over_the_seeds(corpus_dir, tmp_path):
    from fastapi.testclient import TestClient

    from dossier.config import Settings
    from dossier.ingest import ingest
    from dossier.web import create_app

    settings = Settings(db=str(tmp_path / "seeds.db"))
    summary = ingest([], settings, manifest=str(corpus_dir / "seeds.jsonl"))
    assert summary.new >= 1
    with TestClient(create_app(settings)) as c:
        for url in ("/", "/articles", "/entities", "/disputes", "/conflicts", "/positions", "/map",
                    "/search?q=Moscou", "/api/timeline", "/api/quotes", "/api/entities"):
            assert c.get(url).status_code == 200, url
        for art in c.get("/api/articles?limit=500").json()["items"]:
            page = c.get(f"/articles/{art['id']}")
            assert page.status_code == 200
            full = c.get(f"/api/articles/{art['id']}").json()
            assert len(re.findall(r'id="s\d+"', page.text)) == len(full["sentences"])
        for row in c.get("/api/timeline?limit=500").json()["items"]:
            for src in row["sources"]:
                assert c.get(f"/articles/{src['article_id']}").status_code == 200
