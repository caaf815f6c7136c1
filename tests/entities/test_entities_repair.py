"""Span repair on hand-built docs (no model needed)."""
from __future__ import annotations

import pytest
import spacy

from dossier.entities.repair import repair

KNOWN = {"washington", "donetsk", "moscou", "kiev"}


def known(text: str) -> bool:
    return text.lower() in KNOWN


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("fr")


@pytest.mark.parametrize("text,label,expected", [
    ("Emmanuel Macron lundi", "PER", ["Emmanuel Macron"]),
    ("Arnaud Lefèvre mardi matin", "PER", ["Arnaud Lefèvre"]),
    ("M. Arnaud Lefèvre", "PER", ["Arnaud Lefèvre"]),
    ("président Arnaud Lefèvre ,", "PER", ["Arnaud Lefèvre"]),
    ("Washington de Donetsk", "PER", ["Washington", "Donetsk"]),
    ("Moscou et Kiev", "LOC", ["Moscou", "Kiev"]),
    ("Arnaud Lefèvre et Sophie Garnier", "PER", ["Arnaud Lefèvre", "Sophie Garnier"]),
    ("Charles de Gaulle", "PER", ["Charles de Gaulle"]),
    ("Légende image", "MISC", []),
    ("Getty Images", "ORG", []),
    ("lundi", "PER", []),
    ("12 mars", "MISC", []),
])
def test_repair(blank, text, label, expected):
    doc = blank(text)
    pieces = [doc[s:e].text for s, e in repair(doc, 0, len(doc), label, known)]
    assert pieces == expected
