"""Groups from accepted pairs: strongest pairs first, refusing joins that a constraint forbids.

Record numbers must be canonical (e.g. the position in a list sorted by (article key, index)),
so that the same records give the same groups in any input order. The joins inside one connected
component of the accepted pairs depend only on that component's pairs: an incremental update
that recomputes the components a new record touches gives the result of a full rebuild.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Edge:
    """An accepted pair ``a < b`` with its score and the reasons that explain it."""

    a: int
    b: int
    score: float
    reasons: tuple[str, ...] = field(default=(), compare=False)


def cluster(n: int, edges: Iterable[Edge],
            cannot_link: Callable[[list[int], list[int]], str | None] | None = None
            ) -> tuple[list[list[int]], list[Edge], list[tuple[Edge, str]]]:
    """Groups of ``range(n)`` (sorted, smallest member first), the edges that joined them, and
    the edges refused with the constraint's reason.

    Edges are taken by decreasing score, ties by (a, b); ``cannot_link(group_a, group_b)``
    returns a reason when two groups must stay apart (e.g. two members of one article dated on
    different days), else None.
    """
    parent = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    used: list[Edge] = []
    refused: list[tuple[Edge, str]] = []
    for edge in sorted(edges, key=lambda e: (-e.score, min(e.a, e.b), max(e.a, e.b))):
        ra, rb = find(edge.a), find(edge.b)
        if ra == rb:
            continue
        if cannot_link is not None:
            why = cannot_link(members[ra], members[rb])
            if why:
                refused.append((edge, why))
                continue
        lo, hi = sorted((ra, rb))
        parent[hi] = lo
        members[lo] = sorted(members[lo] + members.pop(hi))
        used.append(edge)
    groups = sorted(members.values(), key=lambda g: g[0])
    return groups, used, refused
