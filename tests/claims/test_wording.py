"""Propositions and values in French words (no model needed)."""
from __future__ import annotations

import pytest

from dossier.claims import wording


@pytest.mark.parametrize("proposition, values, texts, expected", [
    ("CONTROLS(russia,pokrovsk)", None, [], "Pokrovsk est sous contrôle russe"),
    ("CONTROLS(ukraine,kupiansk)", None, [], "Koupiansk est sous contrôle ukrainien"),  # the KB's French name
    ("CONTROLS(local:milice_du_nord,bourg)", None, [], "Bourg est sous contrôle de milice du nord"),
    ("CONTROLS(unknown,pokrovsk)", None, [], "Pokrovsk a changé de mains"),
    ("ENCIRCLED(pokrovsk)", None, [], "Pokrovsk est encerclée"),
    ("INTENDS(russia,end_war)", None, [], "Russie veut mettre fin à la guerre"),
    ("AGREED(iran+israel,ceasefire)", None, [], "Iran et Israël ont accepté un cessez-le-feu"),
    ("AGREED(local:alpha+local:beta+local:gamma,meeting)", None, [], "Alpha, beta et gamma ont accepté une rencontre"),
    ("AGREED(ukraine,peace)", None, [], "Ukraine a accepté la paix"),
    ("EVALUATES(talks@2025-12)", ["productive", "no_progress"], [],
     "Les discussions de décembre 2025 : productives ou sans progrès ?"),
    ("CASUALTIES(gaza_strip)", ["41", "38"], [], "Le bilan des victimes (Gaza) : 41 morts ou 38 morts ?"),
    ("AUTHORED(peace_plan)", ["united_states", "russia"], [], "L'auteur du plan de paix : États-Unis ou Russie ?"),
    # a word the data does not list comes back with its accents from the evidence
    ("CHARACTERISES(offensive)", ["operation", "agression"], ["une « opération » de police", "une agression"],
     "Offensive : « opération » ou « agression » ?"),
    ("EVALUATES(talks@2025-12)", ["productive", "not productive"], [],
     "Les discussions de décembre 2025 : productives ou pas productives ?"),
    ("UNHEARD_OF(alpha_beta,gamma)", None, [], "Unheard_of (alpha beta, gamma)"),
])
def test_dispute_titles(proposition, values, texts, expected):
    predicate, args = wording.parse_key(proposition)
    assert wording.dispute_title(predicate, args, proposition, values, texts=texts) == expected


@pytest.mark.parametrize("value, expected", [
    ("2025-12", "décembre 2025"), ("2025-03-14", "mars 2025"), ("2024", "2024"), ("", "?"), ("2025-13", "2025")])
def test_month_words(value, expected):
    assert wording.month_words(value) == expected


@pytest.mark.parametrize("type_, plover, expected", [
    ("meeting", "CONSULT", "rencontre"), ("other", "AID", "aide"), ("statement", "OTHER", "déclaration"),
    ("other", "OTHER", "événement"), ("unheard", "UNHEARD", "événement")])
def test_event_labels(type_, plover, expected):
    assert wording.event_label(type_, plover) == expected


@pytest.mark.parametrize("kind, attribute, expected", [
    ("relation", "son-in-law of", ("attribute", "attribut")), ("date", "date", ("date", "date")),
    ("time", "time", ("date", "date")), ("place", "place", ("place", "lieu")),
    ("figure:dead", "figure:dead", ("figure", "chiffre")), ("count", "CASUALTIES", ("figure", "chiffre")),
    ("title", "position", ("name", "titre ou nom")), ("duration", "duration", ("figure", "chiffre"))])
def test_conflict_kinds(kind, attribute, expected):
    assert wording.conflict_kind(kind, attribute) == expected


def test_issue_labels_come_from_the_issues_file(tmp_path):
    labels = wording.issue_labels()
    assert labels["nato_membership"] == "adhésion de l'Ukraine à l'OTAN"
    mine = tmp_path / "issues.yaml"
    mine.write_text("issues:\n  - id: water_rights\n    labels: {fr: partage de l'eau}\n    keywords: [barrage]\n",
                    encoding="utf-8")
    assert wording.issue_labels(str(mine))["water_rights"] == "partage de l'eau"


@pytest.mark.parametrize("value, expected", [("PT5H", "5 h"), ("PT1H30M", "1 h 30 min"), ("P2D", "2 jours"),
                                             ("demain", "demain")])
def test_durations(value, expected):
    assert wording.duration_words(value) == expected
