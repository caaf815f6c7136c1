"""A date counted back by a duration ("assiégée depuis 20 mois") is only as exact as the count:
two outlets counting from different days name neighbouring months and still report one siege."""
from __future__ import annotations

import datetime as dt

import pytest

from dossier.events.features import counted_interval, date_interval
from dossier.events.merge import merge_events
from dossier.models import Article
from dossier.timex.extract import find_timexes

# two outlets, eleven days apart, on one siege counted back from their own days
ARTICLES = {
    "veille.txt": ("2025-10-28", "Les Forces de soutien rapide ont pris dimanche le contrôle de la ville de Kadugli. "
                                 "Assiégée depuis 20 mois, Kadugli manquait de vivres et de médicaments."),
    "hebdo.txt": ("2025-11-08", "Une trêve a été proposée jeudi par les médiateurs. La chute de Kadugli, assiégée "
                                "depuis plus de 20 mois, a précipité les discussions."),
}


@pytest.mark.parametrize("text, counted", [
    ("encerclée depuis 20 mois", "P20M"),
    ("il y a trois ans", "P3Y"),
    ("il y a deux jours", "P2D"),
    ("depuis plus de 18 mois", "P18M"),
    ("le 12 mars 2024", None),  # a date named, not counted
    ("depuis avril 2023", None),
])
def test_a_counted_date_says_by_what_duration(text, counted):
    found = find_timexes(f"La ville est {text}.", anchor="2025-10-27", lang="fr")
    assert [t.counted for t in found if t.type == "date"] == [counted]


@pytest.mark.parametrize("value, counted, first, last", [
    ("2024-04", "P18M", "2024-03-01", "2024-05-31"),  # a month give or take one
    ("2024-12", "P2M", "2024-11-01", "2025-01-31"),   # across a year's end
    ("2022-10", "P3Y", "2021-10-01", "2023-10-31"),   # a count of years: a year give or take
    ("2025-10-25", "P2D", "2025-10-25", "2025-10-25"),  # a count of days stays its day
])
def test_counted_interval(value, counted, first, last):
    assert counted_interval(date_interval(value), counted) == (dt.date.fromisoformat(first), dt.date.fromisoformat(last))


@pytest.mark.slow
def test_one_siege_counted_back_from_two_days_is_one_event(nlp):
    from dossier.pipeline import process_article

    records = [(key, process_article(Article(raw_text=text, source=key, published=pub, published_precision="day"), nlp))
               for key, (pub, text) in ARTICLES.items()]
    sieges = [(key, e) for key, r in records for e in r.events if e.date_counted]
    assert sorted((key, e.date, e.date_counted) for key, e in sieges) == [
        ("hebdo.txt", "2024-03", "P20M"), ("veille.txt", "2024-02", "P20M")]
    stories = merge_events([(key, e) for key, r in records for e in r.events],
                           published={key: r.article.published for key, r in records})
    siege = [s for s in stories if s.date in ("2024-02", "2024-03")]
    assert len(siege) == 1 and sorted({k for k, _, _ in siege[0].sources}) == ["hebdo.txt", "veille.txt"]
    assert any("counted back by P20M" in why for why in siege[0].explanation)
