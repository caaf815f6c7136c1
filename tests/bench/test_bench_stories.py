"""The many-story news flow of the growth benchmark (dossier.bench.stories)."""
from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from dossier.bench.synth import generate, synthetic_records

SPAN = (dt.date(2025, 12, 2), 30)


@pytest.fixture(scope="module")
def flow():
    return list(synthetic_records(150, seed=0, long=True, span=SPAN, flow="stories"))


def test_same_seed_same_flow_other_seed_other_articles():
    a = generate(4, seed=3, long=True, span=SPAN, flow="stories")
    assert [x.raw_text for x in a] == [x.raw_text for x in generate(4, seed=3, long=True, span=SPAN, flow="stories")]
    assert [x.raw_text for x in a] != [x.raw_text for x in generate(4, seed=4, long=True, span=SPAN, flow="stories")]


def test_many_actors_none_in_every_article(flow):
    """Hundreds of the KB's actors and places, the most frequent in a minority of articles (the
    one-story flow has its 16 persons in nearly every one)."""
    from dossier.entities.kb import load_kb

    kb = load_kb()
    per_article = Counter(eid for r in flow for eid in {m.entity_id for m in r.mentions})
    assert len(per_article) >= 100
    assert all(eid in kb for eid in per_article)
    assert per_article.most_common(1)[0][1] < 0.3 * len(flow)
    places = {e.place_id for r in flow for e in r.events if e.place_id}
    assert len(places) >= 20
    one_story = Counter(eid for r in synthetic_records(150, seed=0, long=True, span=SPAN)
                        for eid in {m.entity_id for m in r.mentions})
    assert one_story.most_common(1)[0][1] > 0.4 * len(flow)


def test_an_article_tells_one_story_with_its_dates(flow):
    """An article's events are about its story: few actors, dated between the story's first day
    and the article's day (a week or a month may reach before)."""
    for r in flow:
        actors = {p.entity_id for e in r.events for p in e.participants}
        assert len(actors) <= 9
        for e in r.events:
            if e.date_precision == "day":
                assert e.date <= r.article.published
                assert (dt.date.fromisoformat(r.article.published) - dt.date.fromisoformat(e.date)).days <= 40


def test_quotes_make_statement_events_as_the_pipeline_does(flow):
    for r in flow[:20]:
        statements = [e for e in r.events if e.type == "statement"]
        assert len(statements) == len(r.quotes)
        assert {e.participants[0].entity_id for e in statements} == {q.speaker_id for q in r.quotes}


def test_two_speakers_rarely_say_the_same_words(flow):
    """A speaker says its own statements, each quoted alike by the articles reporting it; two
    speakers' quotes share four content words or more about as rarely as in real news (two
    stories of the development set: 0.14 % of quote pairs; a pool of a few quotes said by every
    speaker of every story: 6.7 % of these pairs)."""
    import itertools

    from dossier.blocking.text import content_stems

    quotes = [(i, q.speaker_id, q.text) for i, r in enumerate(flow) for q in r.quotes if q.kind == "direct"]
    stems = {text: frozenset(content_stems(text)) for _, _, text in quotes}
    pairs = shared = 0
    for (i, sa, ta), (j, sb, tb) in itertools.combinations(quotes, 2):
        if i != j and sa != sb:
            pairs += 1
            shared += len(stems[ta] & stems[tb]) >= 4
    assert pairs > 10_000 and shared < 0.02 * pairs, (shared, pairs)
    reported = Counter((speaker, text) for _, speaker, text in {(i, s, t) for i, s, t in quotes})
    assert sum(n >= 2 for n in reported.values()) >= 20  # one statement, several articles quoting it


def test_real_length_and_varied_sentences(flow):
    import spacy

    tokenizer = spacy.blank("fr").tokenizer
    counts = [len(tokenizer(r.article.raw_text)) for r in flow[:30]]
    assert 500 <= min(counts) and max(counts) <= 900, counts
    sentences = Counter(s.text for r in flow for s in r.sentences)
    assert len(sentences) > 0.5 * sum(sentences.values())


def test_records_point_into_the_text(flow):
    for rec in flow[:30]:
        text = rec.article.raw_text
        for rec_list in (rec.mentions, rec.timexes, rec.events, rec.quotes):
            for r in rec_list:
                assert text[r.start:r.end] == r.text and r.text.strip() == r.text
        for m in rec.mentions:
            assert m.entity_id in rec.entities


def test_a_batch_of_the_last_days_continues_the_stored_stories():
    """The batch (another seed, the last days) names the actors the stored flow names on those days."""
    stored = list(synthetic_records(200, seed=0, long=True, span=SPAN, flow="stories"))
    batch = list(synthetic_records(20, seed=1000, long=True, span=(dt.date(2025, 12, 29), 3), flow="stories"))
    recent = {m.entity_id for r in stored if r.article.published >= "2025-12-25" for m in r.mentions}
    named = [m.entity_id for r in batch for m in r.mentions]
    assert sum(eid in recent for eid in named) > 0.8 * len(named)


def test_an_unknown_flow_is_refused():
    with pytest.raises(ValueError, match="unknown flow"):
        generate(1, flow="nope")
