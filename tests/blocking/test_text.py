"""Text keys of a record: content stems and figures."""
from __future__ import annotations

import pytest

from dossier.blocking.text import content_stems, figures


def test_content_stems_leave_out_function_words_reporting_verbs_and_calendar():
    stems = content_stems("Mardi, le ministre a déclaré que les négociations étaient terminées")
    assert stems == {"minist", "negoci", "termin"}


@pytest.mark.parametrize("text, expected", [
    ("au moins 120 personnes ont été tuées", {"dead": {"120"}}),
    ("un bilan de 75 morts et 210 blessés", {"dead": {"75"}, "wounded": {"210"}}),
    ("la libération de 1 500 prisonniers", {"prisoners": {"1500"}}),
    ("publié à 9 h 15 heure locale", {"clock": {"09:15"}}),
    ("une réunion de trois heures", {}),
])
def test_figures(text, expected):
    assert figures(text) == expected
