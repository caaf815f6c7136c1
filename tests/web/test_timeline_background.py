"""The timeline page folds background events (history the articles recall) below the story."""
from __future__ import annotations


def test_background_is_folded_below_the_story(background_db):
    from fastapi.testclient import TestClient

    from dossier.config import Settings
    from dossier.web import create_app

    with TestClient(create_app(Settings(db=background_db))) as client:
        page = client.get("/").text
    story, _, folded = page.partition("<details class=\"background\">")
    assert "2025-06-09" in story and "2014" not in story.split("<ol class=\"timeline\">", 1)[1]
    assert "1 background event:" in folded and "2014" in folded
