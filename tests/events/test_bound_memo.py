"""cannot_match (and compare without its reasons) tells the parts of a pair that depend on a few fields of each mention (status,
dates, type, place) once per pair of those fields' values: the same answers, far fewer calls."""
from __future__ import annotations

import dataclasses
import datetime as dt

from dossier.bench.synth import synthetic_records
from dossier.events import similarity
from dossier.events.merge import candidate_pairs, features_of


def _flow():
    records = list(synthetic_records(30, seed=5, long=True, span=(dt.date(2025, 6, 1), 4), flow="stories"))
    items = [(r.article.content_hash, e) for r in records for e in r.events]
    published = {r.article.content_hash: r.article.published for r in records}
    return [f for f, _ in features_of(items, published)]


def _fresh(f):
    return dataclasses.replace(f)  # the same fields, nothing kept on it


def test_the_memo_gives_every_pair_the_answer_told_afresh_with_fewer_date_calls(monkeypatch):
    feats = _flow()
    pairs = sorted(candidate_pairs(feats))
    assert len(pairs) > 500
    calls = []
    told = similarity._time

    def counted(a, b):
        calls.append(1)
        return told(a, b)

    monkeypatch.setattr(similarity, "_time", counted)
    memo = [similarity.cannot_match(feats[i], feats[j]) for i, j in reversed(pairs)][::-1]
    timed = len(calls)
    monkeypatch.setattr(similarity, "_PART_VALUES", {})
    # afresh: every part told for the pair itself
    monkeypatch.setattr(similarity, "_pair_memo", lambda part, ga, gb, a, b: similarity._FIELD_PARTS[part](a, b))
    fresh = [similarity.cannot_match(_fresh(feats[i]), _fresh(feats[j])) for i, j in pairs]
    assert memo == fresh
    # compare without its reasons reads the same parts: the same decision as with them
    monkeypatch.undo()
    for i, j in pairs:
        quick, full = similarity.compare(feats[i], feats[j], explain=False), similarity.compare(feats[i], feats[j])
        assert (quick.same, quick.score, quick.date_conflict, quick.disagreements) \
            == (full.same, full.score, full.date_conflict, full.disagreements)
    assert any(memo) and not all(memo)
    assert timed < len(pairs) / 3  # the dates of most pairs were told for another pair


def test_mentions_alike_but_for_one_field_the_parts_read_are_told_apart():
    """An undated mention's window, a place, a status: each changes the pair's value."""
    feats = _flow()
    undated = next(f for f in feats if f.interval is None and f.window)
    dated = next(f for f in feats if f.interval and f.key != undated.key)
    later = dataclasses.replace(undated, window=tuple(d + dt.timedelta(days=30) for d in undated.window))
    assert similarity._pair_memo(1, similarity._signatures(undated), similarity._signatures(dated), undated, dated) \
        == similarity._time(undated, dated)[::2]
    assert similarity._pair_memo(1, similarity._signatures(later), similarity._signatures(dated), later, dated) \
        == similarity._time(later, dated)[::2] != similarity._time(undated, dated)[::2]
    denied = dataclasses.replace(dated, key="other", status="denied")
    assert similarity._pair_memo(0, similarity._signatures(dated), similarity._signatures(denied), dated, denied) is None
    assert similarity._pair_memo(0, similarity._signatures(dated), similarity._signatures(dated), dated, dated) == 0.0


def test_a_mention_of_unhashable_fields_is_told_every_time():
    feats = _flow()
    odd = dataclasses.replace(feats[0], place="x", place_info=[[1.0, 2.0], None, None, False])
    assert similarity._signatures(odd) is None
    assert similarity._pair_memo(3, None, similarity._signatures(feats[1]), odd, feats[1]) \
        == similarity.place_relation(odd, feats[1])
