"""``merge_events(..., decided=...)``: the storylines from decisions made earlier (as the
cross-article state keeps them) are those of the merge's own candidate search and decisions,
explanations and date conflicts included."""
from __future__ import annotations

import dataclasses
import datetime as dt
import random

from dossier.bench.synth import synthetic_records
from dossier.events.merge import candidate_pairs, features_of, merge_events
from dossier.events.similarity import compare


def _items():
    # a dense flow (40 articles over 4 days): many same-event pairs, groups refused, date conflicts
    records = list(synthetic_records(40, seed=5, long=True, span=(dt.date(2025, 6, 1), 4)))
    items = [(r.article.content_hash, e) for r in records for e in r.events]
    published = {r.article.content_hash: r.article.published for r in records}
    return items, published


def _decided(items, published):
    feats = [f for f, _ in features_of(items, published)]
    out = []
    for i, j in sorted(candidate_pairs(feats)):
        d = compare(feats[i], feats[j], explain=False)
        if d.same or d.date_conflict:
            out.append(((feats[i].key, feats[i].index), (feats[j].key, feats[j].index), d.score, not d.same))
    return out


def test_stored_decisions_give_the_merge():
    items, published = _items()
    full = merge_events(items, published=published)
    decided = _decided(items, published)
    random.Random(1).shuffle(decided)  # any order
    given = merge_events(items, published=published, decided=decided)
    assert [dataclasses.asdict(s) for s in given] == [dataclasses.asdict(s) for s in full]
    assert sum(len(s.sources) > 1 for s in full) >= 5
    assert any(s.explanation for s in full) and any(s.date_conflicts for s in full)


def test_a_missing_decision_changes_the_merge():
    """The given decisions are what the merge uses: one accepted pair less can split a storyline."""
    items, published = _items()
    decided = [d for d in _decided(items, published) if not d[3]]
    full = merge_events(items, published=published, decided=decided)
    pairs = {frozenset((k, i) for k, i, _ in s.sources) for s in full}
    # drop every accepted pair of the largest storyline: its mentions fall apart
    largest = max(pairs, key=len)
    fewer = [d for d in decided if not ({d[0], d[1]} <= largest)]
    split = {frozenset((k, i) for k, i, _ in s.sources) for s in merge_events(items, published=published, decided=fewer)}
    assert largest not in split


def test_the_cheap_bound_never_refuses_a_pair_compare_keeps():
    """cannot_match is a bound: whenever it says no, compare finds neither one event nor a date
    conflict; and it does say no to most of the flow's candidate pairs (what it is for)."""
    from dossier.events.similarity import cannot_match

    items, published = _items()
    feats = [f for f, _ in features_of(items, published)]
    refused = kept = 0
    for i, j in sorted(candidate_pairs(feats)):
        d = compare(feats[i], feats[j], explain=False)
        if cannot_match(feats[i], feats[j]):
            refused += 1
            assert not d.same and not d.date_conflict, (feats[i].key, feats[i].index, feats[j].key, feats[j].index)
        elif d.same or d.date_conflict:
            kept += 1
    assert kept and refused > kept


def _said(key: str, text: str, index: int = 0, sentence: int = 0):
    from dossier.events.features import event_features
    from dossier.models import Event, Participant

    ev = Event(0, len(text), text, "statement", "OTHER", participants=[Participant("vladimir_putin", "Vladimir Poutine")],
               date="2025-06-10", date_precision="day", sentence=sentence)
    return event_features(key, index, ev, dt.date(2025, 6, 10), vectors=False)


def test_the_bound_refuses_what_compare_refuses_without_deciding():
    """Two statements with no word in common (besides their speaker's name), and two mentions
    of one article that do not repeat each other: compare refuses both, and so does the bound
    now (it used to leave them to compare)."""
    from dossier.events.similarity import cannot_match

    a = _said("a", "Poutine juge les pourparlers encourageants.")
    b = _said("b", "Poutine refuse toute ingérence étrangère dans ses affaires.")
    d = compare(a, b, explain=False)
    assert not d.same and not d.date_conflict and cannot_match(a, b)
    again = _said("a", "Poutine refuse toute ingérence étrangère dans ses affaires.", index=1, sentence=4)
    d = compare(a, again, explain=False)
    assert not d.same and not d.date_conflict and cannot_match(a, again)
    repeat = _said("a", "Poutine juge les pourparlers encourageants.", index=2, sentence=9)  # a headline and its lead
    assert not cannot_match(a, repeat)


def test_the_cheap_bound_never_refuses_a_pair_compare_keeps_in_a_many_story_flow():
    """As above, on the many-story flow (statements of many speakers, one article's mentions)."""
    from dossier.events.similarity import cannot_match

    records = list(synthetic_records(40, seed=2, long=True, span=(dt.date(2025, 6, 1), 4), flow="stories"))
    items = [(r.article.content_hash, e) for r in records for e in r.events]
    published = {r.article.content_hash: r.article.published for r in records}
    feats = [f for f, _ in features_of(items, published)]
    refused = kept = 0
    for i, j in sorted(candidate_pairs(feats)):
        d = compare(feats[i], feats[j], explain=False)
        if cannot_match(feats[i], feats[j]):
            refused += 1
            assert not d.same and not d.date_conflict, (feats[i].key, feats[i].index, feats[j].key, feats[j].index)
        elif d.same or d.date_conflict:
            kept += 1
    assert kept and refused > 3 * kept


def test_earlier_storylines_give_the_same_merge_with_fewer_constraint_checks(monkeypatch):
    """``prior``: the storylines an earlier merge of most articles gave. The merge of all of them
    with the stored decisions is the same with it (explanations and date conflicts included), and
    asks ``cannot_link`` less: only about the joins the new articles can change."""
    import dossier.events.merge as merge

    items, published = _items()
    keys = sorted({k for k, _ in items})
    old_keys = set(keys[:-3])  # three articles arrive later
    old_items = [(k, e) for k, e in items if k in old_keys]
    decided = _decided(items, published)
    earlier = merge_events(old_items, published=published,
                           decided=[d for d in decided if d[0][0] in old_keys and d[1][0] in old_keys])
    prior = {(k, i): ("earlier", s.id) for s in earlier for k, i, _ in s.sources}
    calls = []

    def counted(a, b, memo=None):
        calls.append(1)
        return groups_apart(a, b, memo)

    groups_apart = merge.groups_apart
    monkeypatch.setattr(merge, "groups_apart", counted)
    full = merge_events(items, published=published, decided=decided)
    asked = len(calls)
    calls.clear()
    given = merge_events(items, published=published, decided=decided, prior=prior)
    assert [dataclasses.asdict(s) for s in given] == [dataclasses.asdict(s) for s in full]
    assert any(s.date_conflicts for s in full)
    assert len(calls) < asked  # this flow's storylines are small: most pairs join, few are refused
