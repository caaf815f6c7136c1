"""A group the article has named, later named only by what it is ("les paramilitaires", "le
mouvement islamiste", "le groupe rebelle"): the knowledge base's ``kinds`` (hand-written French
sentences)."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow
PUBLISHED = "2025-05-20"


def ids(event):
    return {p.entity_id for p in event.participants}


@pytest.mark.parametrize("text, trigger, expected", [
    ("Les Forces de soutien rapide encerclent la ville depuis un an. Lundi, les paramilitaires ont "
     "attaqué un camp de déplacés au sud du Darfour.", "attaqué", "rapid_support_forces"),
    ("Le Hamas a reçu la nouvelle proposition égyptienne. Le mouvement islamiste a rejeté mardi "
     "toute trêve sans retrait complet.", "rejeté", "hamas"),
    ("Les Houthis visent les navires de commerce. Le groupe rebelle a revendiqué jeudi un tir de "
     "missile contre un pétrolier.", "revendiqué", "houthis"),
    # a relative clause naming a place does not make the description a name
    ("Le Hamas a reçu la nouvelle proposition. Le mouvement islamiste, qui gouverne Gaza depuis "
     "longtemps, a rejeté mardi toute trêve sans retrait.", "rejeté", "hamas"),
])
def test_a_described_group_is_the_one_the_article_named(event_by_trigger, text, trigger, expected):
    assert expected in ids(event_by_trigger(text, trigger, PUBLISHED))


def test_an_indefinite_description_names_no_group(event_by_trigger):
    text = ("Les Forces de soutien rapide encerclent la ville depuis un an. Lundi, des paramilitaires "
            "ont attaqué un camp de déplacés au sud du Darfour.")
    assert "rapid_support_forces" not in ids(event_by_trigger(text, "attaqué", PUBLISHED))


def test_a_description_the_article_never_named_stays_unresolved(event_by_trigger):
    text = "Lundi, les rebelles ont attaqué un camp de déplacés près de la frontière."
    assert not {"rapid_support_forces", "houthis", "m23"} & ids(event_by_trigger(text, "attaqué", PUBLISHED))


def test_a_description_after_a_contracted_article(event_by_trigger):
    text = ("Les Forces de soutien rapide encerclent la ville depuis un an. L'armée a exigé mardi le "
            "départ du groupe paramilitaire de tous les quartiers.")
    assert "rapid_support_forces" in ids(event_by_trigger(text, "exigé", PUBLISHED))


def test_a_kb_entry_reads_its_kinds():
    from dossier.entities.kb import _entry

    assert _entry({"id": "x", "kinds": ["Rebelle", "insurgé"]}, "test").kinds == ["rebelle", "insurgé"]
    assert _entry({"id": "x", "kinds": "rebelle"}, "test").kinds == ["rebelle"]
    assert _entry({"id": "x"}, "test").kinds == []


PAIR_LEADERS = ("Narendra Modi et Shehbaz Sharif s'accusent depuis des semaines. L'Inde et le Pakistan ont "
                "conclu lundi une trêve à Genève. L'Inde et le Pakistan ont signé mardi un accord sur l'eau. ")


@pytest.mark.parametrize("sentence, trigger", [
    ("Mercredi, Donald Trump a reçu les dirigeants des deux pays à Washington.", "reçu"),
    # the parse often coordinates the place and the guests: still the guests
    ("Jeudi soir, Donald Trump accueillait au Bureau ovale les dirigeants des deux pays voisins.", "accueillait"),
])
def test_the_leaders_of_the_pair_are_the_persons_the_article_names(event_by_trigger, sentence, trigger):
    event = event_by_trigger(PAIR_LEADERS + sentence, trigger, PUBLISHED)
    assert {"narendra_modi", "shehbaz_sharif"} <= ids(event)


SUDAN = "Le Soudan vit une guerre depuis deux ans. Au Soudan, la faim gagne Khartoum et le Darfour. "


def test_the_regular_army_is_the_armed_forces_of_the_articles_country(event_by_trigger):
    text = SUDAN + "Lundi, l'armée régulière a bombardé des positions des Forces de soutien rapide près de Khartoum."
    assert {"sudanese_armed_forces", "rapid_support_forces"} <= ids(event_by_trigger(text, "bombardé", PUBLISHED))


def test_a_name_hung_on_a_described_army_stays_a_party(event_by_trigger):
    text = SUDAN + "Le pays est déchiré depuis avril par une guerre opposant les forces armées " \
                   "nationales aux Forces de soutien rapide."
    assert {"sudanese_armed_forces", "rapid_support_forces"} <= ids(event_by_trigger(text, "opposant", PUBLISHED))
