"""Attack nouns of the lexicon, on hand-written French sentences (full pipeline)."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


PUBLISHED = "2025-04-09"


def test_raids_launched_are_an_attack_with_their_launcher(annotate):
    doc = annotate("Dès janvier 2024, la Suède a lancé une série de raids sur les bases des insurgés danois.", PUBLISHED)
    attacks = [e for e in doc._.events if e.plover == "ASSAULT"]
    assert attacks and "swedish_government" in [p.entity_id for p in attacks[0].participants]


def test_raids_carried_out_are_an_attack(annotate):
    doc = annotate("L'armée suédoise a mené mardi des raids contre les positions rebelles du nord.", PUBLISHED)
    assert "ASSAULT" in [e.plover for e in doc._.events]
