"""Quote-mark pairing and incise splitting (pure string work, no model)."""
from __future__ import annotations

import pytest

from dossier.quotes.marks import find_quote_spans, split_incises


def _contents(text: str, depth: int | None = 0) -> list[str]:
    return [text[s.start : s.end] for s in find_quote_spans(text) if depth is None or s.depth == depth]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Il a dit : « Nous tiendrons bon ». Puis il est parti.", ["Nous tiendrons bon"]),
        ('Elle a parlé de "progrès réels" hier.', ["progrès réels"]),
        ("Le ministre a évoqué “une étape décisive” pour la région.", ["une étape décisive"]),
        ("Il a jugé l'accord 'équilibré' et l'a signé.", ["équilibré"]),
        ("L'Ukraine et l'Europe s'entendent, d'après lui.", []),
        ("« Il m'a répondu “jamais” puis il a raccroché », raconte-t-elle.", ["Il m'a répondu “jamais” puis il a raccroché"]),
        ('"Nous verrons bien," he said.', ["Nous verrons bien"]),
        ('"A", puis "B".', ["A", "B"]),
    ],
)
def test_find_quote_spans(text, expected):
    assert _contents(text) == expected


def test_nested_quote_has_depth():
    text = "« Il m'a répondu “jamais” puis il a raccroché », raconte-t-elle."
    inner = [s for s in find_quote_spans(text) if s.depth == 1]
    assert [text[s.start : s.end] for s in inner] == ["jamais"]


def test_unclosed_quote_runs_to_paragraph_end():
    text = '"Quelle histoire ! Nous verrons demain\n\nLe reste du texte "cité" ici.'
    spans = find_quote_spans(text)
    assert text[spans[0].start : spans[0].end] == "Quelle histoire ! Nous verrons demain"
    assert spans[0].closed is False
    assert text[spans[1].start : spans[1].end] == "cité"


@pytest.mark.parametrize(
    "text, parts",
    [
        ("« Nous voulons la paix, a-t-il ajouté, mais pas à tout prix »",
         ["Nous voulons la paix", "mais pas à tout prix"]),
        ("« Nous voulons la paix, affirme-t-elle, et nous l'aurons »", ["Nous voulons la paix", "et nous l'aurons"]),
        ("« Nous voulons la paix, mais pas à tout prix »", ["Nous voulons la paix, mais pas à tout prix"]),
    ],
)
def test_split_incises(text, parts):
    span = find_quote_spans(text)[0]
    got = [text[a:b] for a, b, _, _ in split_incises(text, span)]
    assert got == parts
