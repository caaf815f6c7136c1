"""Storylines and conflicts over hand-written articles, through the whole pipeline."""
from __future__ import annotations

import random

import pytest

from dossier.claims.conflicts import find_conflicts
from dossier.events.merge import merge_events
from dossier.models import Article

pytestmark = pytest.mark.slow

ARTICLES = {
    # three outlets, one meeting, three wordings; the third dates it a day later
    "quotidien.txt": ("2025-06-11", "Le président français Emmanuel Macron a reçu mardi à l'Élysée le président "
                                    "ukrainien Volodymyr Zelensky. Les deux dirigeants ont parlé pendant trois heures "
                                    "des garanties de sécurité et de la reconstruction."),
    "matin.txt": ("2025-06-11", "Volodymyr Zelensky s'est entretenu mardi à Paris avec Emmanuel Macron. Au menu de "
                                "cet entretien, les garanties de sécurité et la reconstruction de l'Ukraine."),
    "depeche.txt": ("2025-06-12", "Mercredi, à Paris, Emmanuel Macron et Volodymyr Zelensky ont discuté des "
                                  "garanties de sécurité."),
    # two meetings of the same parties on consecutive days, and ten-year-old history
    "recap.txt": ("2025-06-12", "Emmanuel Macron a rencontré Olaf Scholz lundi à Berlin. Mardi, Emmanuel Macron a de "
                                "nouveau rencontré Olaf Scholz à Berlin, cette fois pour conclure un accord sur "
                                "l'énergie. En 2015, la Russie avait annexé la Crimée."),
    "berlin.txt": ("2025-06-11", "Olaf Scholz a rencontré Emmanuel Macron mardi à Berlin pour conclure un accord sur "
                                 "l'énergie. Il y a dix ans, en 2015, la Russie annexait la Crimée."),
}


@pytest.fixture(scope="module")
def records(nlp):
    from dossier.pipeline import process_article

    return [(key, process_article(Article(raw_text=text, source=key, published=pub, published_precision="day"), nlp))
            for key, (pub, text) in ARTICLES.items()]


def _merge(records):
    items = [(key, e) for key, r in records for e in r.events]
    return merge_events(items, published={key: r.article.published for key, r in records})


def _articles(story):
    return sorted({k for k, _, _ in story.sources})


def test_one_meeting_three_outlets_merged_with_the_date_conflict_listed(records):
    story = next(s for s in _merge(records) if "quotidien.txt" in _articles(s) and s.plover == "CONSULT")
    assert _articles(story) == ["depeche.txt", "matin.txt", "quotidien.txt"]
    assert story.date == "2025-06-10"
    conflict = next(c for c in find_conflicts(records) if c.kind == "date" and "quotidien.txt" in c.articles)
    assert {v.value: sorted(k for k, _ in v.sources) for v in conflict.values} == {
        "2025-06-10": ["matin.txt", "quotidien.txt"], "2025-06-11": ["depeche.txt"]}


def test_meetings_on_consecutive_days_stay_apart(records):
    stories = [s for s in _merge(records) if s.plover == "CONSULT" and "recap.txt" in _articles(s)]
    by_date = {s.date: _articles(s) for s in stories}
    assert by_date["2025-06-09"] == ["recap.txt"]
    assert by_date["2025-06-10"] == ["berlin.txt", "recap.txt"]


def test_ten_year_old_history_is_background_and_kept_out_of_the_story(records):
    stories = _merge(records)
    history = [s for s in stories if s.date and s.date.startswith("2015")]
    assert history and all(s.background for s in history)
    assert not any(s.background for s in stories if s.date and s.date.startswith("2025"))
    # the history each article recalls is one background line, never part of a 2025 line
    assert _articles(history[0]) == ["berlin.txt", "recap.txt"]


def test_same_storylines_in_any_order(records):
    expected = [(s.id, s.sources) for s in _merge(records)]
    shuffled = records[:]
    for seed in range(3):
        random.Random(seed).shuffle(shuffled)
        assert [(s.id, s.sources) for s in _merge(shuffled)] == expected
