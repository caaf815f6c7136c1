"""Events' dates and places taken from the rest of the article (full pipeline, invented articles)."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def by_trigger(doc, trigger):
    return next(e for e in doc._.events if e.trigger == trigger)


# -- places of fighting events ------------------------------------------------------------------
@pytest.mark.parametrize("text, trigger, place", [
    # the article's ground, named once, locates the fighting it then speaks of as "la ville"
    ("Les rebelles ont pris dimanche le contrôle de l'aéroport de Kidal, au Mali. Lundi matin, les combats "
     "se poursuivaient dans plusieurs quartiers de la ville, selon des habitants.", "combats", "local:kidal"),
    # two grounds: nothing to inherit
    ("Les rebelles ont pris dimanche le contrôle de l'aéroport de Kidal, au Mali. L'armée a bombardé Gao lundi. "
     "Lundi matin, les combats se poursuivaient dans plusieurs quartiers, selon des habitants.", "combats", None),
])
def test_fighting_events_share_the_article_ground(annotate, text, trigger, place):
    assert by_trigger(annotate(text, "2025-05-12"), trigger).place_id == place
