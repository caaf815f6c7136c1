"""The reader's cards over the hand-made dossier: disputes side by side, conflicts with their
sources, the timeline of the story, positions over time."""
from __future__ import annotations

import re

import pytest

from dossier import cards
from dossier.cards.timeline import BACKGROUND_DAYS, is_background
from dossier.store.sqlite import SQLiteStore

RAW_NAMES = ("claimant_id", "claimant_name", "proposition", "predicate", "settled_by_kb", "article_id", "actor_id",
             "_id", "index")


@pytest.fixture()
def store(sample_db):
    s = SQLiteStore(str(sample_db[0]), readonly=True)
    yield s
    s.close()


def test_dispute_card_puts_the_sides_in_columns(store, ids):
    [card] = cards.dispute_cards(store)
    assert card.title == "Pokrovsk est sous contrôle russe"
    assert [(s.key, s.label) for s in card.sides] == [("asserts", "affirment"), ("denies", "démentent")]
    [asserts], [denies] = card.sides[0].entries, card.sides[1].entries
    assert asserts.source.href == f"/articles/{ids['one']}#s3" and denies.source.href == f"/articles/{ids['one']}#s4"
    assert (asserts.actor_name, asserts.linked) == ("ministère russe de la Défense", False)
    assert (denies.actor_id, denies.actor_name, denies.linked) == ("ukrainian_government", "Gouvernement ukrainien", True)
    assert asserts.said == "2025-12-03" and asserts.about is None  # no quote: the publication date
    assert asserts.source.outlet == "Le Quotidien Test" and asserts.source.headline.startswith("Un long entretien")
    assert card.places == [("pokrovsk", "Pokrovsk")] and (card.articles, card.outlets) == (1, 1)


@pytest.mark.parametrize("filters, found", [
    (cards.Filters(), 1),
    (cards.Filters(actor="Kiev"), 1),  # a claimant, by its alias
    (cards.Filters(actor="Forces armées russes"), 1),  # an argument of the proposition
    (cards.Filters(actor="Witkoff"), 0),
    (cards.Filters(place="Pokrovsk"), 1),
    (cards.Filters(place="Moscou"), 0),
    (cards.Filters(since="2025-12-03", until="2025-12"), 1),
    (cards.Filters(since="2026"), 0),
    (cards.Filters(until="2025-11"), 0),
])
def test_dispute_filters(store, filters, found):
    assert len(cards.dispute_cards(store, filters)) == found


def test_conflict_card_says_who_says_what(store, ids):
    [card] = cards.conflict_cards(store)
    assert (card.kind, card.kind_label) == ("figure", "chiffre")
    assert card.title == "Rencontre — Vladimir Poutine, Steve Witkoff (Moscou), 2025-12-02 : durée"
    assert [v.value for v in card.values] == ["5 h", "4 h"]
    assert [[s.href for s in v.sources] for v in card.values] == [[f"/articles/{ids['one']}#s1"],
                                                                 [f"/articles/{ids['two']}#s1"]]
    assert card.storylines == ["S1"] and card.settled is None and card.outlets == 2


def test_timeline_lines_carry_sources_and_conflicts(store, ids):
    view = cards.timeline_view(store)
    assert [ln.id for ln in view.story] == ["S2", "S1"]  # the month 2025-12 starts first
    s1 = next(ln for ln in view.story if ln.id == "S1")
    assert s1.label == "rencontre" and s1.place == ("moscow", "Moscou") and s1.outlets == 2 and s1.weight == 2
    assert [(s.outlet, s.headline) for s in s1.sources] == [("Le Quotidien Test", "Un long entretien au Kremlin sans percée"),
                                                           ("Journal Imaginaire", "Zelensky refuse toute cession")]
    assert s1.disputed and s1.conflicts[0].kind == "figure"
    assert [ln.id for ln in cards.timeline_view(store, sort="sources").story] == ["S1", "S2"]
    assert [ln.id for ln in cards.timeline_view(store, min_sources=2).story] == ["S1"]
    assert view.period == ("2025-12-01", "2025-12-31")


@pytest.mark.parametrize("date, published, flag, expected", [
    ("2014", "2025-12-03", None, True),
    ("2025-05", "2025-12-03", None, True),  # ends over half a year before
    ("2025-07", "2025-12-03", None, False),
    ("2025-12-02", "2025-12-03", None, False),
    (None, "2025-12-03", None, False),
    ("2014", "2025-12-03", False, True),  # stored before the events stage decided: by its date
    ("2025-12-02", "2025-12-03", True, True),  # the events stage's decision
])
def test_background(date, published, flag, expected):
    src = cards.Source(1, 0, None, "t", published)
    assert is_background({"date": date, "background": flag}, [src]) is expected
    assert BACKGROUND_DAYS == 183


def test_positions_over_time_mark_the_change(store):
    view = cards.positions_view(store)
    assert view.issues == [("territorial_concessions", "concessions territoriales")]
    assert view.months == ["2025-11", "2025-12"]
    [zelensky] = view.actors
    cell = zelensky.cells["territorial_concessions"]
    assert [(s.stance, s.label, s.said, s.changed) for s in cell.stances] == [
        ("conditional", "sous conditions", "2025-11", False), ("opposes", "contre", "2025-12-04", True)]
    assert cell.latest.symbol == "−" and zelensky.changes == 1
    assert cards.positions_view(store, issue="concessions territoriales").total == 2
    assert cards.positions_view(store, actor="Witkoff").actors == []


@pytest.mark.parametrize("url", ["/", "/disputes", "/conflicts", "/positions", "/entities/volodymyr_zelensky",
                                 "/?sort=sources", "/articles"])
def test_no_raw_field_name_is_shown(client, url):
    html = client.get(url).text
    text = re.sub(r"<[^>]+>", " ", re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S))
    for name in RAW_NAMES:
        assert name not in text, (url, name)


def test_disputes_page_has_both_columns_with_sentence_links(client, ids):
    html = client.get("/disputes").text
    card = re.search(r'<article class="card dispute".*?</article>', html, re.S).group(0)
    asserts = re.search(r'<section class="side side-asserts".*?</section>', card, re.S).group(0)
    denies = re.search(r'<section class="side side-denies".*?</section>', card, re.S).group(0)
    assert "affirment" in asserts and f'href="/articles/{ids["one"]}#s3"' in asserts
    assert "démentent" in denies and f'href="/articles/{ids["one"]}#s4"' in denies
    assert 'href="/entities/ukrainian_government"' in denies


def test_timeline_marks_the_disputed_line(client):
    html = client.get("/").text
    line = re.search(r'<li class="entry[^"]*" id="line-S1">.*?</li>\s*</ul>', html, re.S).group(0)
    assert "disputed" in re.search(r'class="entry[^"]*"', line).group(0)
    assert 'href="/conflicts#conflict-0"' in line and "2 sources" in line
    assert "Le Quotidien Test" in line and "Journal Imaginaire" in line
