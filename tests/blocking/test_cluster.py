"""Grouping accepted pairs: strongest first, constraints respected, any input order."""
from __future__ import annotations

import random

from dossier.blocking.cluster import Edge, cluster


def test_strongest_pairs_join_first_and_constraints_hold():
    # 0 and 2 must stay apart; 1 is closer to 2 than to 0, so it joins 2
    edges = [Edge(0, 1, 5.0), Edge(1, 2, 7.0), Edge(3, 4, 4.5)]
    groups, used, refused = cluster(5, edges, lambda a, b: "apart" if {0, 2} <= set(a) | set(b) else None)
    assert groups == [[0], [1, 2], [3, 4]]
    assert [(e.a, e.b) for e in used] == [(1, 2), (3, 4)]
    assert [(e.a, e.b, why) for e, why in refused] == [(0, 1, "apart")]


def test_same_groups_for_any_edge_order():
    rng = random.Random(5)
    edges = [Edge(a, b, rng.choice([4.5, 5.0, 6.0])) for a in range(40) for b in range(a + 1, 40) if rng.random() < 0.05]

    def forbid(ga, gb):
        both = set(ga) | set(gb)
        return "apart" if {3, 17} <= both or {8, 30} <= both else None

    expected = cluster(40, edges, forbid)[0]
    for _ in range(5):
        rng.shuffle(edges)
        assert cluster(40, edges, forbid)[0] == expected


def test_without_edges_every_record_is_alone():
    assert cluster(3, [])[0] == [[0], [1], [2]]


def _random_case(seed: int):
    rng = random.Random(seed)
    n = 80
    edges = [Edge(a, b, rng.choice([4.5, 5.0, 5.5, 6.0, 7.0])) for a in range(n) for b in range(a + 1, n)
             if rng.random() < 0.06]
    colour = [rng.randrange(6) for _ in range(n)]  # a group holds one colour, but 5 goes with any ...
    tag = [rng.randrange(3) for _ in range(n)]  # ... nor two groups join that share no tag (not monotone)
    calls = []

    def forbid(ga, gb):
        calls.append(1)
        both = set(ga) | set(gb)
        if len({colour[i] for i in both} - {5}) > 1:
            return "colours"
        if not {tag[i] for i in ga} & {tag[i] for i in gb} and len(ga) + len(gb) > 3:
            return "tags"
        return None

    return n, edges, forbid, calls


def test_an_earlier_run_gives_the_same_groups_asking_less():
    """Given the groups of an earlier run over most records (the new ones and their pairs added
    since, one old pair dropped), the groups, joins and refusals are those of a run without it,
    and the constraint is asked far less."""
    for seed in range(12):
        n, edges, forbid, calls = _random_case(seed)
        old_nodes = set(range(n - 3))  # the last 3 records are new
        dropped = next(e for e in edges if e.a in old_nodes and e.b in old_nodes)
        earlier = [e for e in edges if e.a in old_nodes and e.b in old_nodes]
        before, _, _ = cluster(n, earlier, forbid)
        label = {i: k for k, g in enumerate(before) for i in g}
        prior = [label[i] if i in old_nodes else None for i in range(n)]
        now = [e for e in edges if e != dropped]
        calls.clear()
        expected = cluster(n, now, forbid)
        asked = len(calls)
        calls.clear()
        got = cluster(n, now, forbid, prior=prior, changed={dropped.a, dropped.b}, explain=lambda e: e.a % 7 == 0)
        assert got[0] == expected[0] and got[1] == expected[1]
        assert [e for e, _ in got[2]] == [e for e, _ in expected[2]]
        # the reasons asked for are those of the run without the earlier groups
        assert [why for e, why in got[2] if e.a % 7 == 0] == [why for e, why in expected[2] if e.a % 7 == 0]
        assert len(calls) < 0.7 * asked


def test_changed_records_must_be_told():
    """The earlier run's groups are trusted only where nothing changed: a dropped pair not told
    as changed can give other groups (here it always does for some seed), told it never does."""
    differs = 0
    for seed in range(12):
        n, edges, forbid, _ = _random_case(seed)
        used = cluster(n, edges, forbid)[1]
        dropped = used[0]
        before = cluster(n, edges, forbid)[0]
        label = {i: k for k, g in enumerate(before) for i in g}
        prior = [label[i] for i in range(n)]
        now = [e for e in edges if e != dropped]
        expected = cluster(n, now, forbid)[0]
        differs += cluster(n, now, forbid, prior=prior, explain=lambda e: False)[0] != expected
        assert cluster(n, now, forbid, prior=prior, changed={dropped.a, dropped.b}, explain=lambda e: False)[0] == expected
    assert differs


def test_two_groups_are_asked_about_once_while_neither_grows():
    """Many pairs between the same two groups (a dense story) ask the constraint once, until
    one of the groups grows; the groups are those of asking every time."""
    asked: list[tuple[tuple[int, ...], tuple[int, ...]]] = []

    def cannot(a: list[int], b: list[int]) -> str | None:
        asked.append((tuple(a), tuple(b)))
        return "apart" if 0 in a + b and 5 in a + b else None

    # {0, 1, 2} and {3, 4} chained first, then every pair between them, then 5 joining 3
    edges = [Edge(0, 1, 9.0), Edge(1, 2, 9.0), Edge(3, 4, 9.0)]
    edges += [Edge(a, b, 5.0) for a in (0, 1, 2) for b in (5,)]
    edges += [Edge(b, 5, 7.0) for b in (3, 4)]
    groups, used, refused = cluster(6, edges, cannot)
    assert groups == [[0, 1, 2], [3, 4, 5]]
    assert len(refused) == 3  # every pair of {0, 1, 2} with {3, 4, 5}: refused
    assert asked.count(((0, 1, 2), (3, 4, 5))) == 1  # asked once for the three
    once = list(asked)
    asked.clear()
    assert cluster(6, edges, lambda a, b: cannot(a, b)) == (groups, used, refused)
    assert asked == once
