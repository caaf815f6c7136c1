"""Roles learned from the text (dossier/entities/roles.py): appositions become RoleFact records;
later descriptions resolve through them; stored facts become KB data for later articles."""
from __future__ import annotations

import pytest

from dossier.entities import load_kb
from dossier.entities.kb import KnowledgeBase
from dossier.entities.roles import LEARNED_FORMAT, learned_kb_data
from dossier.models import Article
from dossier.pipeline import process_article


@pytest.mark.slow
@pytest.mark.parametrize("text, person, role, organization", [
    ("Le ministre turc des Affaires étrangères, Hakan Fidan, est arrivé à Bagdad.", "hakan_fidan",
     "ministre turc des Affaires étrangères", "turkish_foreign_ministry"),
    ("Abakar Mahamat, chef de la diplomatie tchadienne, est arrivé à Khartoum.", "local:abakar_mahamat",
     "chef de la diplomatie tchadienne", "chadian_foreign_ministry"),
    ("Selon Ali Hassan, porte-parole du Front populaire, la réunion était utile.", "local:ali_hasan",
     "porte-parole du Front populaire", "local:front_populaire"),
    # a title before the name, no comma: the role nearest the name
    ("Il a parlé au conseiller du président tchadien Mahamat Idriss.", "local:mahamat_idris",
     "président tchadien", "chadian_government"),
])
def test_appositions_become_role_facts(nlp, text, person, role, organization):
    records = process_article(Article(raw_text=text, published="2025-06-10"), nlp)
    facts = [(f.person_id, f.role, f.organization_id, f.date) for f in records.roles]
    assert (person, role, organization, "2025-06-10") in facts
    for f in records.roles:  # offsets point into the original text
        assert text[f.start:f.end] == f.text


def test_stored_facts_become_dated_kb_roles():
    facts = [{"person_id": "local:ali_hasan", "person_name": "Ali Hassan", "role": "porte-parole du Front populaire",
              "role_ids": [], "organization_id": "local:front_populaire", "date": "2025-06-10"},
             {"person_id": "local:ali_hasan", "person_name": "Ali Hassan", "role": "porte-parole du Front populaire",
              "role_ids": [], "organization_id": "local:front_populaire", "date": "2025-05-02"},
             {"person_id": "hakan_fidan", "person_name": "Hakan Fidan", "role": "chef de la diplomatie turque",
              "role_ids": ["foreign_minister_of_turkey"], "organization_id": "turkish_foreign_ministry",
              "date": "2025-06-10"}]
    data = learned_kb_data(facts)
    assert data["format"] == LEARNED_FORMAT
    kb = KnowledgeBase()
    kb.add_data({"roles": {"foreign_minister_of_turkey": {"aliases": {"fr": ["chef de la diplomatie turque"]}}},
                 "entities": [{"id": "hakan_fidan", "name": "Hakan Fidan", "type": "person",
                               "roles": [{"role": "foreign_minister_of_turkey", "start": "2023-06-03"}]}]}, "shipped")
    kb.add_data(data, "learned")
    holder = kb.resolve_role("porte-parole du Front populaire", date="2025-07-01")
    assert holder is not None and holder.id == "local:ali_hasan"
    assert kb.resolve_role("porte-parole du Front populaire", date="2025-04-01") is None  # not yet learned then
    fidan = kb.get("hakan_fidan")
    assert [r.start for r in fidan.roles if r.role == "foreign_minister_of_turkey"] == ["2023-06-03", "2025-06-10"]


@pytest.mark.slow
def test_a_role_learned_in_an_earlier_ingest_resolves_a_later_article(settings, tmp_path):
    from dossier.ingest import ingest
    from dossier.store import open_store

    first = tmp_path / "a.txt"
    first.write_text("Discussions à Khartoum\n\nSelon Ali Hassan, porte-parole du Front populaire, la réunion "
                     "de lundi était utile.\n", encoding="utf-8")
    second = tmp_path / "b.txt"
    second.write_text("Trêve fragile\n\nLe porte-parole du Front populaire a déclaré jeudi que la trêve tenait "
                      "toujours.\n", encoding="utf-8")
    ingest([str(first)], settings)
    ingest([str(second)], settings)
    store = open_store(settings)
    try:
        quotes = [q for _, q in store.records("quotes") if "trêve tenait" in q.text]
        assert quotes and quotes[0].speaker_id == "local:ali_hasan"
        profile = store.entity("Ali Hassan")
        assert [r["role"] for r in profile["learned_roles"]] == ["porte-parole du Front populaire"]
    finally:
        store.close()


def test_learned_roles_never_take_aliases_from_the_kb():
    kb = load_kb()
    assert kb.by_alias("Moscou")[0].id == "moscow"
