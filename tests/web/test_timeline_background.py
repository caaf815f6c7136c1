"""The timeline page folds background events (history the articles recall) below the story."""
from __future__ import annotations


def test_background_is_folded_below_the_story(background_db):
    from fastapi.testclient import TestClient

    from dossier.config import Settings
    from dossier.web import create_app

    with TestClient(create_app(Settings(db=background_db))) as client:
        page = client.get("/").text
    story = page.split('<ol class="timeline">', 1)[1]
    folded = page.split('<details class="fold background" id="background">', 1)[1].split("</details>", 1)[0]
    assert 'id="line-new"' in story and 'id="line-old"' not in story
    assert "Background: 1 earlier event (2014)" in folded and 'id="line-old"' in folded
