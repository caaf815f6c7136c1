"""A casualty figure is one number whatever its spelling, and a measure is no toll."""
from __future__ import annotations

import pytest

from dossier.claims.propositions import figure_value


@pytest.mark.parametrize(
    "written,value",
    [("1.170", "1170"), ("1,170", "1170"), ("1 170", "1170"), ("1\u202f170", "1170"), ("46.000", "46000"),
     ("2 300 000", "2300000"), ("1170", "1170"), ("12", "12"), ("2,5", "2.5"), ("2.5", "2.5")],
)
def test_thousands_separators_give_one_spelling(written, value):
    assert figure_value(written) == value


def _casualties(doc) -> list[str]:
    return [c.proposition for c in doc._.claims if c.proposition.startswith("CASUALTIES")]


@pytest.mark.slow
def test_a_figure_written_with_a_thousands_point_is_the_same_toll(annotate):
    point = annotate("Les bombardements ont fait 2.315 morts depuis le printemps, selon le ministère de la Santé.")
    space = annotate("Les bombardements ont fait 2 315 morts depuis le printemps, selon le ministère de la Santé.")
    assert _casualties(point) == _casualties(space)
    assert _casualties(point) and _casualties(point)[0].endswith(",2315)")


@pytest.mark.slow
def test_a_surface_next_to_a_toll_is_not_the_toll(annotate):
    doc = annotate("L'incendie a détruit 4.000 m2 de hangars et tué 7 ouvriers, a indiqué la protection civile.")
    assert _casualties(doc) and all(p.endswith(",7)") for p in _casualties(doc)), _casualties(doc)
