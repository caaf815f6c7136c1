"""A stance is dated by when it was said; the time its sentence is about stays in ``date``."""
from __future__ import annotations

import pytest

from dossier.models import Article
from dossier.pipeline import process_article

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, said, date", [
    # a time expression on the stance verb: said that day
    ("Mardi, le Kremlin a rejeté l'adhésion de l'Ukraine à l'OTAN, a indiqué son porte-parole.",
     "2025-12-02", "2025-12-02"),
    # a year inside the words is what the stance is about, not when it was stated
    ("Le Kremlin refuse tout retour aux frontières de 2014, selon un diplomate.", "2025-12-04", "2014"),
    # a stance reported with its own past date was stated then
    ("En 2019, Volodymyr Zelensky réclamait l'adhésion de l'Ukraine à l'OTAN.", "2019", "2019"),
])
def test_said_date(nlp, text, said, date):
    records = process_article(Article(raw_text=text, published="2025-12-04", published_precision="day"), nlp)
    assert records.positions, text
    assert [(p.said, p.date) for p in records.positions] == [(said, date)]


def test_a_statement_is_never_dated_after_its_article(nlp):
    text = "Le Kremlin refuse l'adhésion de l'Ukraine à l'OTAN d'ici 2030, a dit un diplomate."
    records = process_article(Article(raw_text=text, published="2025-12-04", published_precision="day"), nlp)
    assert records.positions and all(p.said == "2025-12-04" for p in records.positions)
