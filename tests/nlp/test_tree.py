"""Bounded walks of the parse (dossier.nlp.tree) on hand-built parses, with no model."""
import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from dossier.nlp.tree import preorder, walk_up


def _doc(heads, deps=None):
    words = [f"w{i}" for i in range(len(heads))]
    return Doc(Vocab(), words=words, heads=heads, deps=deps or ["dep"] * len(heads))


@pytest.mark.parametrize(
    ("heads", "start", "expected"),
    [
        ([1, 2, 3, 3], 0, [0, 1, 2, 3]),  # a chain up to the root
        ([0, 1, 2], 1, [1]),  # every token its own root
        ([1, 0, 2], 0, [0, 1]),  # a cycle (the parser never makes one; a hand-built Doc may)
        ([0, 0, 3, 3], 1, [1, 0]),  # stops at the sentence root
    ],
)
def test_walk_up_ends_on_any_parse(heads, start, expected):
    doc = _doc(heads)
    assert [t.i for t in walk_up(doc[start])] == expected
    assert [t.i for t in walk_up(doc[start], include_self=False)] == expected[1:]


def test_walk_up_is_linear_on_a_deep_chain():
    n = 5000
    doc = _doc([i + 1 for i in range(n - 1)] + [n - 1])
    assert len(list(walk_up(doc[0]))) == n


@pytest.mark.parametrize(
    ("heads", "follow", "expected"),
    [
        ([1, 1, 1, 4, 1], lambda c: True, [1, 0, 2, 4, 3]),  # pre-order, children left to right
        ([1, 1, 1, 4, 1], lambda c: c.i != 4, [1, 0, 2]),  # a pruned branch is not entered
        ([1, 0], lambda c: True, [0, 1]),  # a cycle: each token once
    ],
)
def test_preorder(heads, follow, expected):
    doc = _doc(heads)
    assert [t.i for t in preorder(doc[expected[0]], follow)] == expected


def test_preorder_on_a_deep_chain_needs_no_recursion():
    n = 5000
    doc = _doc([0] + [i - 1 for i in range(1, n)])  # token i hangs on token i - 1
    assert len(preorder(doc[0], lambda c: True)) == n


@pytest.mark.parametrize(
    ("heads", "head", "exclude"),
    [
        ([i + 1 for i in range(29)] + [29], 29, [20, 10, 5]),  # nested exclusions on a chain
        ([i + 1 for i in range(29)] + [29], 29, [5, 10, 20]),
        ([0, 0, 1, 1, 0, 4, 4], 0, [1]),
        ([0, 0, 1, 1, 0, 4, 4], 1, [0]),  # an ancestor excluded: nothing is left
        ([0, 0, 1, 1, 0, 4, 4], 1, [5]),  # an unrelated subtree excluded: no effect
    ],
)
def test_subtree_without_equals_the_naive_definition(heads, head, exclude):
    from dossier.claims.extract import _subtree_without

    doc = _doc(heads)
    banned = {t.i for x in exclude for t in doc[x].subtree}
    naive = [t.i for t in doc[head].subtree if t.i not in banned]
    assert [t.i for t in _subtree_without(doc[head], [doc[x] for x in exclude])] == naive
