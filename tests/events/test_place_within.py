"""A town and the region of its country around it ("à Anchorage" / "en Alaska") are one place at
two scales: no penalty in the merge, no place conflict between sources."""
from __future__ import annotations

import pytest

from dossier.claims.conflicts import _places_differ
from dossier.events.features import _km, place_info, town_in_region


@pytest.mark.parametrize("a,b,within", [
    ("anchorage", "alaska", True),  # a town and its state
    ("alaska", "anchorage", True),
    ("anchorage", "new_york_city", False),  # two towns
    ("moscow", "crimea", False),  # another country
])
def test_a_town_lies_within_the_region_of_its_country(a, b, within):
    ia, ib = place_info(a, None), place_info(b, None)
    same_country = bool(ia[2]) and ia[2] == ib[2]
    assert (same_country and town_in_region(a, b, _km(ia, ib))) is within
    assert _places_differ(a, b) is not within
