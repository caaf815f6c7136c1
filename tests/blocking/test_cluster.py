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
