"""Halting attacks is a de-escalation, not an attack (hand-written French sentences, full pipeline).

"cesser les frappes", "les bombardements vont cesser", "suspendre ses frappes", "renoncer à de
nouvelles frappes": the halting verb carries a RETREAT event; the attack it stops is not told as
happening, so it gives no ASSAULT (nor a SANCTION for "suspendre", nor a COERCE for "arrêter").
"""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


PUBLISHED = "2025-04-09"


@pytest.mark.parametrize("text, retreat", [
    ("Le gouvernement norvégien a annoncé mardi que ses frappes contre les positions rebelles allaient cesser.", True),
    ("Le Premier ministre danois a déclaré que son armée arrêterait les bombardements dans la région.", True),
    ("Le président finlandais a renoncé lundi à de nouvelles frappes contre les milices du nord.", True),
    ("Le gouvernement suédois a suspendu mardi ses frappes aériennes contre les camps rebelles.", True),
    # a halt decided, promised or supposed is told by the verb that governs it
    ("Le gouvernement suédois a décidé mardi de suspendre ses frappes aériennes contre les camps rebelles.", False),
    ("Les deux voisins promettent de cesser les combats dans la vallée.", False),
    ("La milice a dit qu'elle déposerait les armes si l'armée cessait de bombarder ses villages.", False),
])
def test_halted_attacks_are_no_assault(annotate, text, retreat):
    events = annotate(text, PUBLISHED)._.events
    plovers = [e.plover for e in events]
    assert "ASSAULT" not in plovers and "SANCTION" not in plovers and "COERCE" not in plovers, plovers
    assert ("RETREAT" in plovers) == retreat, plovers


@pytest.mark.parametrize("text", [
    "L'armée norvégienne a mené mardi des frappes contre les positions rebelles du nord.",
    "Le gouvernement suédois a suspendu mardi son aide financière aux autorités locales.",
])
def test_attacks_and_suspensions_still_count(annotate, text):
    plovers = [e.plover for e in annotate(text, PUBLISHED)._.events]
    assert "RETREAT" not in plovers, plovers
    assert "ASSAULT" in plovers or "SANCTION" in plovers, plovers
