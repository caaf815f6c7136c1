"""``dossier kb import``: a hand-written Wikidata export adds an actor whose dated role then resolves
a role description in a hand-written article."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from dossier.cli import app
from dossier.entities.wikidata import import_export, read_export
from dossier.errors import InputError

EXPORT = Path(__file__).parent / "data" / "wikidata_export.json"


def test_entity_export_is_read():
    items = read_export(EXPORT)
    person = items["Q99990001"]
    assert person.labels == {"fr": "Amina Oussoumane", "en": "Amina Ousmane"}
    assert person.types == {"Q5"}
    assert person.positions == [("Q99990002", "2024-03-01", None)]


def test_import_writes_the_users_kb_file(tmp_path):
    target = tmp_path / "my-kb.yaml"
    result = import_export(EXPORT, target)
    assert result.added == ["amina_ousmane"]
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    entry = data["entities"][0]
    assert entry["wikidata"] == "Q99990001" and entry["type"] == "person"
    # the position's French label is a role the generated KB knows: it becomes that role
    assert entry["roles"] == [{"role": "foreign_minister_of_sudan", "start": "2024-03-01", "end": None}]
    assert entry["affiliation"] == "sudanese_foreign_ministry"
    again = import_export(EXPORT, target)  # idempotent: replaced, not duplicated
    assert again.updated == ["amina_ousmane"] and len(yaml.safe_load(target.read_text())["entities"]) == 1


def test_sparql_results_are_read(tmp_path):
    path = tmp_path / "query.json"
    path.write_text(json.dumps({"head": {"vars": ["item", "itemLabel", "position", "positionLabel", "start"]},
                                "results": {"bindings": [{
                                    "item": {"type": "uri", "value": "http://www.wikidata.org/entity/Q99990003"},
                                    "itemLabel": {"xml:lang": "fr", "type": "literal", "value": "Idriss Kaboré"},
                                    "itemAltLabel": {"xml:lang": "fr", "type": "literal", "value": "Kaboré, I. Kaboré"},
                                    "type": {"type": "uri", "value": "http://www.wikidata.org/entity/Q5"},
                                    "position": {"type": "uri", "value": "http://www.wikidata.org/entity/Q99990004"},
                                    "positionLabel": {"xml:lang": "fr", "type": "literal",
                                                      "value": "Premier ministre du Tchad"},
                                    "start": {"datatype": "http://www.w3.org/2001/XMLSchema#dateTime",
                                              "type": "literal", "value": "2025-01-15T00:00:00Z"}}]}}),
                    encoding="utf-8")
    target = tmp_path / "kb.yaml"
    import_export(path, target)
    entry = yaml.safe_load(target.read_text(encoding="utf-8"))["entities"][0]
    assert entry["aliases"]["fr"] == ["Idriss Kaboré", "Kaboré", "I. Kaboré"]
    assert entry["roles"][0] == {"role": "head_of_government_of_chad", "start": "2025-01-15", "end": None}


@pytest.mark.parametrize("content, message", [
    ("not json", "not JSON"),
    ('{"something": 1}', "neither a Wikidata entity export"),
])
def test_bad_exports_are_one_line_errors(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        import_export(path, tmp_path / "kb.yaml")


@pytest.mark.slow
def test_imported_role_resolves_a_description_in_an_article(tmp_path):
    runner = CliRunner()
    db = tmp_path / "d.db"
    result = runner.invoke(app, ["--db", str(db), "kb", "import", str(EXPORT)])
    assert result.exit_code == 0, result.output
    assert "1 entities added" in result.output
    assert (tmp_path / "dossier-kb.yaml").is_file()  # beside the database, read by default
    article = tmp_path / "a.json"
    article.write_text(json.dumps({"text": "Le Soudan rejette la proposition\n\nLe chef de la diplomatie "
                                           "soudanaise a affirmé mardi que son pays ne signerait aucun texte imposé.",
                                   "published": "2025-06-10"}), encoding="utf-8")
    result = runner.invoke(app, ["--db", str(db), "ingest", str(article)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["--db", str(db), "quotes", "--json"])
    quotes = json.loads(result.output)
    assert [q["speaker_id"] for q in quotes] == ["amina_ousmane"]


def test_kb_import_of_a_missing_file_is_one_line(tmp_path):
    result = CliRunner().invoke(app, ["--db", str(tmp_path / "d.db"), "kb", "import", str(tmp_path / "nope.json")])
    assert result.exit_code == 1
    assert "cannot read" in result.output and "Traceback" not in result.output
