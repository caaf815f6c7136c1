"""The synthetic corpus: deterministic, varied, annotated at the right offsets."""
from __future__ import annotations

import pytest

from dossier.bench.synth import generate, synthetic_records


def test_same_seed_same_articles():
    a, b = generate(5, seed=3), generate(5, seed=3)
    assert [x.raw_text for x in a] == [x.raw_text for x in b]
    assert [x.published for x in a] == [x.published for x in b]


def test_other_seed_other_articles():
    assert [x.raw_text for x in generate(3, seed=1)] != [x.raw_text for x in generate(3, seed=2)]


def test_prefix_stable():
    assert [x.raw_text for x in generate(3, seed=0)] == [x.raw_text for x in generate(6, seed=0)][:3]


def test_variety():
    articles = generate(40, seed=0)
    assert len({a.raw_text for a in articles}) == 40
    assert len({a.title for a in articles}) >= 10
    assert len({a.published for a in articles}) >= 20
    lengths = [len(a.raw_text.split()) for a in articles]
    assert min(lengths) >= 20 and max(lengths) > 1.5 * min(lengths)
    assert all(a.language == "fr" and a.published_precision == "day" for a in articles)


@pytest.mark.parametrize("seed", [0, 7])
def test_records_point_into_the_text(seed):
    for rec in synthetic_records(10, seed):
        text = rec.article.raw_text
        assert rec.mentions and rec.events
        for rec_list in (rec.mentions, rec.timexes, rec.events, rec.quotes):
            for r in rec_list:
                assert text[r.start:r.end] == r.text and r.text.strip() == r.text
        for m in rec.mentions:
            assert m.entity_id in rec.entities
        for t in rec.timexes:
            assert t.value and t.value[:4] in ("2024", "2025")


def test_records_match_generate():
    assert [r.article.raw_text for r in synthetic_records(4, 5)] == [a.raw_text for a in generate(4, 5)]


def test_long_articles_have_a_real_length_and_page_furniture():
    import spacy

    tokenizer = spacy.blank("fr").tokenizer
    articles = generate(30, seed=2, long=True)
    counts = [len(tokenizer(a.raw_text)) for a in articles]
    assert 500 <= min(counts) and max(counts) <= 900, counts
    assert len({a.raw_text for a in articles}) == 30
    text = "\n".join(a.raw_text for a in articles)
    assert text.count("\n\n") > 30 * 5  # several paragraphs each
    assert "« " in text and "Lire aussi" in text and "Tous droits réservés" in text


@pytest.mark.parametrize("seed", [0, 4])
def test_long_records_point_into_the_text(seed):
    for rec in synthetic_records(8, seed, long=True):
        text = rec.article.raw_text
        assert len(rec.quotes) >= 1 and len(rec.events) >= 2
        for rec_list in (rec.mentions, rec.timexes, rec.events, rec.quotes):
            for r in rec_list:
                assert text[r.start:r.end] == r.text and r.text.strip() == r.text


def test_short_articles_are_unchanged_by_the_long_option():
    assert [a.raw_text for a in generate(3, seed=0)] == [a.raw_text for a in generate(3, seed=0, long=False)]
    assert [a.raw_text for a in generate(3, seed=0)] != [a.raw_text for a in generate(3, seed=0, long=True)]


def test_events_carry_the_precision_of_their_date():
    """As the pipeline's events do: a day, an ISO week or a month (a stored mention without it
    weighs a same-day pair as a coarse one in the merge)."""
    from dossier.events.features import date_interval

    seen = set()
    for rec in synthetic_records(20, seed=3, long=True):
        for ev in rec.events:
            assert ev.date and ev.date_precision in ("day", "week", "month"), ev
            first, last = date_interval(ev.date)
            assert (first == last) == (ev.date_precision == "day")
            seen.add(ev.date_precision)
    assert seen == {"day", "week", "month"}
