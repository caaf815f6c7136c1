"""Two groups of mentions that must stay apart (dossier.events.similarity.cannot_link): the
reason is the one the plain walk over every pair of members finds first, whatever pairs the
function leaves out as unable to give one, and with or without its memo of comparisons.

Hand-made features over a few articles, days and sentences, drawn by hypothesis."""
from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.events.features import WINDOW_DAYS, EventFeatures, _gap
from dossier.events.similarity import Group, _may_clash, _repeats, cannot_link, compare, groups_apart, nothing_in_common

DAY0 = dt.date(2025, 8, 1)
WORDS = ["accord", "sommet", "paix", "frappe", "ville", "treve", "otage", "reunion", "armee", "drone"]
ACTORS = ["local:ana_lindqvist", "local:bo_karlsson", "local:cleo_mendes"]


def reference(members_a, members_b):
    """The walk over every pair, as the function was first written (its participants test
    unchanged: the function's own)."""
    if nothing_in_common(members_a, members_b):
        return "their participants have nothing in common"
    if not _may_clash(members_a, members_b):
        return None
    for a in members_a:
        for b in members_b:
            if a.interval and b.interval:
                gap = _gap(a.interval, b.interval)
                if gap > WINDOW_DAYS:
                    return f"{a.key} and {b.key} date them {gap} days apart"
                if gap and a.key == b.key:
                    return f"{a.key} dates them on different days"
            if a.key == b.key and a.sentence == b.sentence >= 0:
                return f"{a.key} reads them as two events of one sentence"
            if a.key == b.key and not _repeats(a, b) and not compare(a, b, False, one_article=False).same:
                return f"{a.key} reports them as two events"
    return None


@st.composite
def mention(draw, index):
    key = draw(st.sampled_from("abc"))
    start = draw(st.integers(0, 6))
    dated = draw(st.booleans())
    length = draw(st.integers(0, 2))
    interval = (DAY0 + dt.timedelta(days=start), DAY0 + dt.timedelta(days=start + length)) if dated else None
    actors = frozenset(draw(st.sets(st.sampled_from(ACTORS), max_size=2)))
    stems = frozenset(draw(st.sets(st.sampled_from(WORDS), min_size=1, max_size=6)))
    return EventFeatures(
        key=key, index=index, type=draw(st.sampled_from(["meeting", "attack"])), plover="CONSULT", mode=None,
        status="held", actors=actors, sides=actors, interval=interval, precision="day" if dated else None,
        window=None, background=False, place=None, place_info=(None, None, None, False), stems=stems,
        names=frozenset(), kind="meet", vector=None, named=(), parties=frozenset(),
        sentence=draw(st.integers(-1, 3)), trigger="", counted=None)


@st.composite
def two_groups(draw):
    n = draw(st.integers(1, 5))
    m = draw(st.integers(1, 5))
    members = [draw(mention(i)) for i in range(n + m)]
    return members[:n], members[n:]


@settings(max_examples=400, deadline=None)
@given(two_groups())
def test_the_first_reason_of_the_walk_over_every_pair(groups):
    a, b = groups
    expected = reference(a, b)
    assert cannot_link(a, b) == expected
    memo: dict = {}
    assert cannot_link(a, b, memo) == expected
    assert cannot_link(a, b, memo) == expected  # asked again: from the memo


@settings(max_examples=400, deadline=None)
@given(two_groups())
def test_groups_kept_as_groups_give_the_reason_of_the_walk(groups):
    """The clustering's form (merge_events): each group's unions, articles and days worked out
    once and asked again, both ways round."""
    a, b = groups
    ga, gb = Group(a), Group(b)
    memo: dict = {}
    for _ in range(2):
        assert groups_apart(ga, gb, memo) == reference(a, b)
        assert groups_apart(gb, ga, memo) == reference(b, a)
