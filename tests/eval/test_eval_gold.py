"""Loading and validating dossier-gold/1 files."""
from __future__ import annotations

import json

import pytest

from dossier.errors import GoldError
from dossier.eval.gold import load_gold, parse_gold


def test_mini_gold_loads(mini_gold):
    assert set(mini_gold.articles) == {"a1.txt", "a2.txt"}
    assert mini_gold.entities["vladimir_putin"].wikidata == "Q7747"
    assert mini_gold.entities["european_diplomat_unnamed"].anonymous
    assert not mini_gold.entities["donald_trump"].anonymous


def _ok() -> dict:
    return {"format": "dossier-gold/1",
            "entities": {"x": {"name": "X", "type": "person", "aliases": []}},
            "articles": {"a.txt": {"persons": ["x"], "dates": [], "quotes": []}}}


def _with(path: str, value):
    data = _ok()
    target = data
    parts = path.split("/")
    for p in parts[:-1]:
        target = target[p]
    target[parts[-1]] = value
    return data


@pytest.mark.parametrize("data, needle", [
    ([], "top level"),
    (_with("format", "dossier-gold/0"), "format"),
    (_with("articles", None), "articles"),
    (_with("articles", []), "articles"),
    (_with("entities/x", {"name": "X", "type": "robot"}), "robot"),
    (_with("articles/a.txt/persons", ["nobody"]), "unknown entity id 'nobody'"),
    (_with("articles/a.txt/quotes", [{"quote": "q"}]), "missing speaker"),
    (_with("articles/a.txt/dates", [{"expression": "lundi", "context": "mardi", "value": "2025-01-01"}]),
     "not inside its context"),
    (_with("articles/a.txt/dates", [{"expression": "lundi", "context": "lundi", "value": "le 3"}]), "date"),
    (_with("cross_article", {"same_events": [{"reported_in": ["b.txt"]}]}), "unknown article 'b.txt'"),
])
def test_invalid_gold_is_one_line_gold_error(data, needle):
    with pytest.raises(GoldError) as err:
        parse_gold(data, "g.json")
    message = str(err.value)
    assert "\n" not in message and message.startswith("g.json:")
    assert needle in message


def test_valid_minimal_gold_parses():
    gold = parse_gold(_ok(), "g.json")
    assert gold.articles["a.txt"]["events"] == [] and gold.cross_article["conflicts"] == []


@pytest.mark.parametrize("content, needle", [("{not json", "invalid JSON"), (json.dumps({"format": 1}), "format")])
def test_load_gold_rejects_files(tmp_path, content, needle):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GoldError, match=needle):
        load_gold(path)


def test_load_gold_missing_file(tmp_path):
    with pytest.raises(GoldError, match="cannot read"):
        load_gold(tmp_path / "absent.json")
