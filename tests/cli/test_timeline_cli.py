"""`dossier timeline`: the story first, background events folded into one line."""
from __future__ import annotations

from typer.testing import CliRunner

from dossier.cli import app

runner = CliRunner()


def test_background_is_folded_after_the_story(background_db):
    out = runner.invoke(app, ["--db", background_db, "timeline"]).output.splitlines()
    assert out[0].startswith("2025-06-09")
    assert len(out) == 2 and "1 background event (2014) folded" in out[1]


def test_background_flag_shows_every_line(background_db):
    out = runner.invoke(app, ["--db", background_db, "timeline", "--background"]).output.splitlines()
    assert [line[:10].strip() for line in out] == ["2014", "2025-06-09"]


def test_two_mentions_in_one_sentence_are_one_source():
    from dossier.cli.render import timeline_line

    line = timeline_line({"date": "2025-06-27", "date_precision": "day", "plover": "AGREE", "type": "agreement",
                          "participants": [{"entity_id": "a", "name": "A"}],
                          "sources": [{"article_id": 4, "sentence": 2}, {"article_id": 4, "sentence": 2},
                                      {"article_id": 7, "sentence": 0}]})
    assert line.endswith("(2 src/2 art: 4:2 7:0)")
