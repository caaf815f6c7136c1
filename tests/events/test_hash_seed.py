"""A pair decision is the same in every process: nothing in it may follow the order in which a
set of words is walked, which changes with Python's hash seed (a user ingesting the same articles
twice got two different scores, and so two cross-article states).

Hand-made features: one report says a word in the singular and the plural ("combat", "combats"),
the other in the singular only; the shorter sentence's count of words must not depend on which
of the two stands for both."""
from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import datetime as dt
from dossier.events.features import EventFeatures
from dossier.events.similarity import compare

def mention(key, stems):
    day = dt.date(2025, 8, 8)
    return EventFeatures(key=key, index=0, type="statement", plover="STATEMENT", mode=None, status="held",
                         actors=frozenset({"local:ana_lindqvist"}), sides=frozenset({"local:ana_lindqvist"}),
                         interval=(day, day), precision="day", window=None, background=False, place=None,
                         place_info=(None, None, None, False), stems=frozenset(stems), names=frozenset(),
                         kind="say", vector=None, named=(), parties=frozenset(), sentence=0, trigger="", counted=None)

a = mention("a", ["combat", "guerre", "fin", "mettre", "paix", "accord", "sommet", "alaska", "juillet",
                  "reunion", "delegation", "ministre"])
b = mention("b", ["combat", "combats", "guerre", "fin", "mettre", "frontiere", "troupe", "retrait", "ligne"])
print(compare(a, b, explain=False).score, compare(b, a, explain=False).score)
"""


def test_a_pair_scores_the_same_under_every_hash_seed():
    scores = set()
    for seed in range(1, 9):
        out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True,
                             env={"PYTHONHASHSEED": str(seed), "PATH": "/usr/bin:/bin"}, cwd=".")
        scores.add(out.stdout.strip())
    assert len(scores) == 1, scores
