"""The words two event mentions share (dossier.events.similarity._shared_words), told from
each mention's words by singular (worked out once per mention), are those of the plain
per-pair reading: every word of the other sentence by its singular, the last (its plural)
standing for two with one singular, the names of actors both have left out.

Hand-made word sets, drawn by hypothesis: singular and plural forms, and name words that are
also plain words of the other sentence."""
from __future__ import annotations

from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.events.similarity import _shared_words, _singular

ROOTS = ["accord", "frappe", "otage", "drone", "treve", "sommet", "ville", "karlsson"]
WORDS = ROOTS + [w + "s" for w in ROOTS] + ["paix", "gaz", "bus"]


def reference(a, b):
    """The per-pair reading, as first written."""
    both = a.names & b.names
    sa, sb = (a.stems - both, b.stems - both) if both else (a.stems, b.stems)
    ma = {w: _singular(w) for w in a.stems}
    mb = {w: _singular(w) for w in b.stems}
    one_b = {mb[w]: w for w in sorted(sb)}
    shared = frozenset(w for w in sa if ma[w] in one_b)
    return shared, sa, sb - {one_b[ma[w]] for w in shared} | shared


@st.composite
def mention(draw):
    stems = frozenset(draw(st.sets(st.sampled_from(WORDS), min_size=0, max_size=9)))
    names = frozenset(draw(st.sets(st.sampled_from(sorted(stems)), max_size=3))) if stems else frozenset()
    return SimpleNamespace(stems=stems, names=names)


@settings(max_examples=600, deadline=None)
@given(mention(), mention())
def test_the_shared_words_of_the_per_pair_reading(a, b):
    assert _shared_words(a, b) == reference(a, b)
    assert _shared_words(b, a) == reference(b, a)
