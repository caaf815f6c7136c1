"""Exact and near-duplicate detection."""
from __future__ import annotations

import pytest

from dossier.clean import clean_text
from dossier.dedup import NearDuplicateIndex, exact_groups, signature, similarity
from dossier.models import Article

STORY = (
    "Les négociateurs russes et ukrainiens se sont retrouvés lundi à Istanbul pour une troisième session de pourparlers "
    "sous l'égide de la Turquie. Selon le ministère turc des Affaires étrangères, les discussions ont duré près de quatre "
    "heures et ont porté principalement sur un nouvel échange de prisonniers ainsi que sur le retour d'enfants déplacés.\n\n"
    "Le chef de la délégation ukrainienne a qualifié la rencontre de difficile mais utile, ajoutant que Kiev attendait "
    "des propositions concrètes sur un cessez-le-feu. Du côté russe, un conseiller du Kremlin a indiqué que Moscou "
    "présenterait un mémorandum détaillant ses conditions avant la fin du mois.\n\n"
    "Les observateurs européens restent prudents. Plusieurs diplomates rappellent que les deux premières sessions "
    "n'avaient produit que des accords humanitaires limités, sans progrès sur les questions territoriales ni sur les "
    "garanties de sécurité réclamées par l'Ukraine. Une quatrième rencontre pourrait avoir lieu en juillet, selon une "
    "source proche du dossier, qui n'a pas souhaité préciser le lieu retenu."
)
# the same wire story on another site: a different headline and credit line, three small edits
OTHER_SITE = (
    "Pourparlers à Istanbul : une troisième session sans percée\n\nPar Claire Moreau\n\n"
    + STORY.replace("lundi", "ce lundi").replace("près de quatre", "environ quatre").replace("en juillet", "dès juillet")
    + "\n\nPartager sur Facebook\n"
)
DIFFERENT = (
    "La banque centrale a relevé ses taux directeurs pour la troisième fois cette année afin de freiner une inflation "
    "qui reste supérieure à son objectif. Les marchés avaient largement anticipé cette décision, annoncée jeudi après "
    "une réunion de deux jours du comité de politique monétaire, et les analystes prévoient une pause à l'automne."
)


def _sig(raw: str) -> bytes:
    return signature(clean_text(raw).text)


def test_signature_is_stable_bytes():
    sig = _sig(STORY)
    assert isinstance(sig, bytes) and sig == _sig(STORY)
    assert similarity(sig, sig) == 1.0


def test_near_duplicate_found_and_different_article_not_matched():
    index = NearDuplicateIndex(threshold=0.8)
    index.add("story", _sig(STORY))
    index.add("other", _sig(DIFFERENT))
    hits = index.query(_sig(OTHER_SITE))
    assert [key for key, _ in hits] == ["story"]
    assert 0.8 <= hits[0][1] < 1.0
    assert index.query(_sig("Un tout autre sujet : la saison de ski commence tôt dans les Alpes cette année.")) == []


def test_index_rebuilt_from_stored_pairs_ranks_best_first():
    pairs = [("a", _sig(STORY)), ("b", _sig(OTHER_SITE)), ("c", _sig(DIFFERENT))]
    index = NearDuplicateIndex.from_pairs(pairs, threshold=0.5)
    assert len(index) == 3
    hits = index.query(_sig(STORY))
    assert [key for key, _ in hits] == ["a", "b"]
    assert hits[0][1] == 1.0 > hits[1][1]


@pytest.mark.parametrize("bad", [b"", b"\x01" + b"\x00" * 10, b"\x07" * 513])
def test_bad_signature_rejected(bad):
    with pytest.raises(ValueError):
        NearDuplicateIndex().add("x", bad)


def test_exact_duplicates_ignore_whitespace():
    a = Article(raw_text="Un  texte\nidentique.")
    b = Article(raw_text="Un texte identique.  ")
    c = Article(raw_text="Un autre texte.")
    assert exact_groups([("a", a), ("b", b), ("c", c)]) == [["a", "b"]]
