"""Groups from accepted pairs: strongest pairs first, refusing joins that a constraint forbids.

Record numbers must be canonical (e.g. the position in a list sorted by (article key, index)),
so that the same records give the same groups in any input order. The joins inside one connected
component of the accepted pairs depend only on that component's pairs: an incremental update
that recomputes the components a new record touches gives the result of a full rebuild.

Such a component may be large (thousands of records chained by their pairs) while a new record
changes few of its groups: given the groups an earlier run found (``prior``), :func:`cluster`
asks the constraint only about the joins that may go otherwise now (see its docstring).
"""
from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Edge:
    """An accepted pair ``a < b`` with its score and the reasons that explain it."""

    a: int
    b: int
    score: float
    reasons: tuple[str, ...] = field(default=(), compare=False)


def cluster(n: int, edges: Iterable[Edge],
            cannot_link: Callable[[list[int], list[int]], str | None] | None = None,
            prior: Sequence[Hashable | None] | None = None, changed: Iterable[int] = (),
            explain: Callable[[Edge], bool] | None = None,
            order: Callable[[Edge], Any] | None = None,
            ) -> tuple[list[list[int]], list[Edge], list[tuple[Edge, str]]]:
    """Groups of ``range(n)`` (sorted, smallest member first), the edges that joined them, and
    the edges refused with the constraint's reason.

    Edges are taken by decreasing score, ties by (a, b) (with ``order``: by ``order(edge)``
    first, then so); ``cannot_link(group_a, group_b)``
    returns a reason when two groups must stay apart (e.g. two members of one article dated on
    different days), else None.

    ``prior``: each record's group in an earlier run over some of these records (a label; None
    for a record it did not hold, or whose whole earlier group is left unlabelled), whose edges
    were these edges between those records except those of the records ``changed``. The groups are the same as without it; only the constraint
    is asked less. A group is *clean* while it is the very group the earlier run had at the same
    point of its (same) edge order: then an edge between two clean groups whose records ended
    in different earlier groups was refused then, and is refused now without asking (its reason
    asked only when ``explain(edge)`` wants it). Every other edge is decided as usual; a join
    that did not happen before, or that happened before and does not now, makes the groups it
    touches unclean (as do new and changed records from the start).
    """
    parent = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    dirty: set[int] = set()  # roots of the groups that may differ from the earlier run's
    if prior is not None:
        dirty = {i for i in range(n) if prior[i] is None} | set(changed)

    asked: dict[tuple[int, int, int, int], str | None] = {}

    def apart(ra: int, rb: int) -> str | None:
        # the constraint on two groups, asked once: a group is told by its root and its size
        # (it only grows, and a root absorbed is never a root again); edges between the same two
        # groups come in runs (a dense story asks the same two groups again for every pair of them)
        k = (ra, rb, len(members[ra]), len(members[rb]))
        if k not in asked:
            asked[k] = cannot_link(members[ra], members[rb])
        return asked[k]

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    used: list[Edge] = []
    refused: list[tuple[Edge, str]] = []
    key = (lambda e: (-e.score, min(e.a, e.b), max(e.a, e.b))) if order is None else \
        (lambda e: (order(e), -e.score, min(e.a, e.b), max(e.a, e.b)))
    for edge in sorted(edges, key=key):
        ra, rb = find(edge.a), find(edge.b)
        if ra == rb:
            continue
        clean = prior is not None and ra not in dirty and rb not in dirty
        before = prior is not None and prior[edge.a] is not None and prior[edge.a] == prior[edge.b]
        if clean and not before:  # refused by the earlier run, on these very groups
            if explain is None or explain(edge):
                why = apart(ra, rb) if cannot_link is not None else None
                refused.append((edge, why or ""))
            else:
                refused.append((edge, ""))
            continue
        if cannot_link is not None:
            why = apart(ra, rb)
            if why:
                refused.append((edge, why))
                if prior is not None and not clean and before:
                    dirty.update((ra, rb))  # joined before, apart now: neither group is the earlier one
                continue
        lo, hi = sorted((ra, rb))
        parent[hi] = lo
        members[lo] = sorted(members[lo] + members.pop(hi))
        used.append(edge)
        if prior is not None and not clean:
            dirty.add(lo)  # a join on an unclean group: the result is unclean
            dirty.discard(hi)
    groups = sorted(members.values(), key=lambda g: g[0])
    return groups, used, refused
