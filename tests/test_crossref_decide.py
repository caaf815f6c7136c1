"""The events' candidate pairs decided a block at a time (dossier.crossref.decide): the same
decisions, in the same order, as deciding each pair in turn; a pair is refused without
cannot_match only when cannot_match refuses it, and sent to compare without it only when
cannot_match lets it through."""
from __future__ import annotations

import dataclasses
import datetime as dt
import random

import numpy as np
import pytest

from dossier.bench.synth import synthetic_records
from dossier.crossref import decide
from dossier.crossref.kinds import APART, STEM_SHARE, _features, event_verdict
from dossier.events import similarity
from dossier.events.features import timeless_mismatch
from dossier.events.merge import features_of


def _mentions(seed: int) -> dict[int, dict]:
    """Stored mentions (as the update keeps them) of a synthetic flow, with variants: a name
    spelled one letter apart, an actor dropped, another's words borrowed, no date."""
    records = list(synthetic_records(24, seed=seed, long=True, span=(dt.date(2025, 3, 3), 5), flow="stories"))
    items = [(r.article.content_hash, e) for r in records for e in r.events]
    published = {r.article.content_hash: r.article.published for r in records}
    text = {(key, i): e.text or "" for key, events in _by_key(items).items() for i, e in enumerate(events)}
    feats = [f for f, _ in features_of(items, published)]
    rng = random.Random(seed)
    out: dict[int, dict] = {}
    for n, f in enumerate(feats):
        out[1000 + n] = _stored(f, text.get((f.key, f.index), ""))
    for n, f in enumerate(rng.sample(feats, min(60, len(feats)))):
        g = dataclasses.replace(f, key=f"variant-{n}", index=0, sentence=-1)
        other = rng.choice(feats)
        long_names = sorted(w for w in g.names & g.stems if len(w) >= similarity.NAME_VARIANT_LETTERS)
        if n % 4 == 0 and long_names:  # a name spelled one letter apart
            w = long_names[0]
            g = dataclasses.replace(g, stems=(g.stems - {w}) | {w[:-1] + ("a" if w[-1] != "a" else "e")})
        elif n % 4 == 1 and g.actors:  # an actor left out by the extraction
            drop = sorted(g.actors)[0]
            g = dataclasses.replace(g, actors=g.actors - {drop}, sides=g.sides - {drop})
        elif n % 4 == 2:  # another report's words
            g = dataclasses.replace(g, stems=g.stems | set(sorted(other.stems)[:4]))
        else:  # no date known
            g = dataclasses.replace(g, interval=None, precision=None)
        out[5000 + n] = _stored(g, text.get((f.key, f.index), "") if n % 3 else text.get((other.key, other.index), ""))
    return out


def _stored(f, text: str) -> dict:
    """A mention's features as the update stores them (kinds.event_data): no vector, its text."""
    d = f.to_dict()
    d.pop("vector", None)
    d["text"] = text
    return d


def _by_key(items):
    grouped: dict[str, list] = {}
    for key, e in items:
        grouped.setdefault(key, []).append(e)
    return grouped


def _blocks(data: dict[int, dict], seed: int) -> list[decide.Block]:
    rng = random.Random(seed)
    rids = sorted(data)
    blocks = []
    for n, r in enumerate(rids[:120]):
        first = n % 2 == 0
        others = [o for o in rids if o != r and rng.random() < 0.5]
        blocks.append((r, first, others, [rng.random() < 0.4 for _ in others]))
    return blocks


def _one_by_one(blocks, data):
    """The decisions of each pair in turn (as the update made them before)."""
    feats: dict[int, object] = {}

    def f(rid):
        if rid not in feats:
            feats[rid] = _features(data[rid])
        return feats[rid]

    apart, same, decided, decisions = [], [], [], 0
    share = STEM_SHARE["e"] - 1e-9
    for anchor, first, others, keyed in blocks:
        for other, k in zip(others, keyed):
            x, y = (anchor, other) if first else (other, anchor)
            if not k:
                sx, sy = frozenset(data[x]["stems"]), frozenset(data[y]["stems"])
                small = min(len(sx), len(sy))
                if small < 2 or len(sx & sy) / small < share:
                    continue
            if timeless_mismatch(f(x), f(y)):
                continue
            decisions += 1
            verdict, score = event_verdict(f(x), f(y))
            if verdict == APART:
                apart.append((x, y))
                decided.append((x, y, score, True))
            elif verdict:
                same.append((x, y, score))
                decided.append((x, y, score, False))
    return apart, same, decided, decisions


@pytest.mark.parametrize("seed", [3, 11])
def test_blocks_decide_as_each_pair_in_turn(seed):
    data = _mentions(seed)
    blocks = _blocks(data, seed)
    found = decide.decide_events(blocks, data, {})
    assert found == _one_by_one(blocks, data)
    assert found[1] and found[3] > 1000


def _told_as_cannot_match(t, anchor: int, others: list[int], seen: dict) -> None:
    """The verdicts of ``anchor``'s pairs with ``others``, each counted in ``seen``: REFUSED
    only where cannot_match refuses, COMPARE only where it lets the pair through."""
    a = t.pos[anchor]
    idx = [t.pos[o] for o in others]
    for i, v in zip(idx, decide._verdicts(t, a, np.array(idx, dtype=np.int64)).tolist()):
        fa, fo = t.features(a), t.features(i)
        first, second = (fa, fo) if (fa.key, fa.index) <= (fo.key, fo.index) else (fo, fa)
        seen[v] += 1
        if v == decide.REFUSED:
            assert similarity.cannot_match(first, second), (anchor, t.rids[i])
            # and rightly: compare finds them neither one event nor a date conflict
            found = similarity.compare(first, second, explain=False)
            assert not found.same and not found.date_conflict, (anchor, t.rids[i], found.score)
        elif v == decide.COMPARE:
            assert not similarity.cannot_match(first, second), (anchor, t.rids[i])


@pytest.mark.parametrize("seed", [3, 11])
def test_what_the_blocks_tell_is_what_cannot_match_says(seed):
    """REFUSED: cannot_match refuses the pair; COMPARE: it lets the pair through; each seen."""
    data = _mentions(seed)
    t = decide._Table(data, {})
    seen = {decide.REFUSED: 0, decide.ASK: 0, decide.COMPARE: 0}
    for anchor, _, others, _ in _blocks(data, seed):
        _told_as_cannot_match(t, anchor, others, seen)
    assert all(seen.values()), seen
    assert seen[decide.ASK] < seen[decide.REFUSED]


def _real_mentions(nlp, folders) -> dict[int, dict]:
    """Stored mentions of real articles (the seeds, the held-out set), as the update keeps them."""
    from dossier.config import Settings
    from dossier.models import Article, ArticleRecords
    from dossier.pipeline import process_many
    from dossier.read import iter_articles

    articles = [a for a in iter_articles([str(f) for f in folders], Settings()) if isinstance(a, Article)]
    records = [r for r in process_many(articles, nlp) if isinstance(r, ArticleRecords)]
    items = [(r.article.content_hash, e) for r in records for e in r.events]
    published = {r.article.content_hash: r.article.published for r in records if r.article.published}
    text = {(key, i): e.text or "" for key, events in _by_key(items).items() for i, e in enumerate(events)}
    return {1000 + n: _stored(f, text.get((f.key, f.index), ""))
            for n, (f, _) in enumerate(features_of(items, published))}


def test_on_real_articles_every_pair_is_told_as_cannot_match_tells_it(nlp, seeds_dir):
    """Every pair of the mentions of real articles (their actors local and foreign, parties,
    names spelled several ways): REFUSED only where cannot_match refuses, COMPARE only where it
    lets through, and the blocks' decisions those of each pair in turn."""
    from pathlib import Path

    data = _real_mentions(nlp, [seeds_dir, Path(__file__).parent / "heldout" / "corpus"])
    assert len(data) > 100
    t = decide._Table(data, {})
    rids = sorted(data)
    seen = {decide.REFUSED: 0, decide.ASK: 0, decide.COMPARE: 0}
    for n, anchor in enumerate(rids[:-1]):
        _told_as_cannot_match(t, anchor, rids[n + 1:], seen)
    assert seen[decide.REFUSED] and seen[decide.COMPARE], seen
    blocks = [(r, True, rids[n + 1:], [True] * len(rids[n + 1:])) for n, r in enumerate(rids)]
    assert decide.decide_events(blocks, data, {}) == _one_by_one(blocks, data)


def test_postings_counted_at_some_mentions_as_over_all():
    """``_Postings.counts_at`` (the mentions of one block) gives what ``counts`` gives over every
    mention, whether it counts the postings or searches them (large postings, few mentions)."""
    import random

    import numpy as np

    from dossier.crossref.decide import _Postings

    rng = random.Random(3)
    for n, words in ((40, 8), (3000, 5), (3000, 400)):
        p = _Postings(n)
        for i in range(n):
            p.add(i, {f"w{rng.randrange(words)}" for _ in range(rng.randrange(4))})
        for _ in range(30):
            values = {f"w{rng.randrange(words + 3)}" for _ in range(rng.randrange(1, 6))}  # some never filed
            ends = {p.lists[v][k] for v in values if v in p.lists for k in (0, -1)}  # a posting's first and last
            at = np.array(sorted(set(rng.sample(range(n), rng.randrange(1, min(n, 60)))) | ends), dtype=np.int64)
            assert p.counts_at(values, at).tolist() == p.counts(values)[at].tolist()
            assert p.counts_at(values, at[::-1]).tolist() == p.counts(values)[at[::-1]].tolist()
        assert p.counts_at((), at).tolist() == [0] * len(at)
