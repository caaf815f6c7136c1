"""``events.memo`` answers what every event of a sentence asks once per Doc: its answers must be
exactly those of the plain scans they replace (mentions inside a range, names starting near a
place, a clause's tokens, a subtree), and the component leaves none of them on the Doc."""
from __future__ import annotations

import random

import spacy

from dossier.events import memo
from dossier.events.spans import clause_indexes, subtree_indexes
from dossier.models import Mention
from dossier.nlp.tokens import table

SEPARATE = frozenset({"advcl", "acl:relcl", "parataxis", "conj", "ccomp", "csubj"})

SENTENCES = (
    "Le ministre a annoncé mardi que les deux délégations se retrouveraient à Genève, alors que "
    "les combats se poursuivaient dans le nord du pays.\n"
    "Selon un porte-parole de l'armée, les soldats ont repris la colline après trois jours de siège, "
    "et les habitants qui avaient fui sont revenus.\n"
    "La rencontre entre les deux présidents, prévue jeudi, a été reportée sans explication."
)


def _mentions(seed: int, ordered: bool) -> list[Mention]:
    rng = random.Random(seed)
    out = []
    for k in range(40):
        start = rng.randrange(0, 300)
        end = start + rng.randrange(1, 30)
        out.append(Mention(start, end, "x", "ORG", f"id{k % 7}", "X", "organization"))
    if ordered:
        out.sort(key=lambda m: (m.start, m.end))
    return out


def test_within_and_starting_between_give_the_plain_scans():
    doc = spacy.blank("fr")("un texte sans importance")
    for seed in range(20):
        for ordered in (True, False):
            mentions = _mentions(seed, ordered)
            for lo, hi in ((0, 300), (50, 120), (200, 205), (310, 400), (90, 90)):
                plain = [m for m in mentions if lo <= m.start and m.end <= hi]
                assert memo.within(doc, mentions, lo, hi) == plain
                near = memo.starting_between(doc, mentions, lo, hi)
                assert [m for m in mentions if lo <= m.start <= hi] == [m for m in near if lo <= m.start <= hi]
            assert memo.longest_mention(doc, mentions) == max(m.end - m.start for m in mentions)
    memo.release(doc)
    assert not [k for k in doc.user_data if isinstance(k, str) and k.startswith("dossier.events.memo.")]


def _clause_tokens_plain(root, keep, content=False):
    """The Token walk the index walk replaced."""
    out, stack = [], [root]
    while stack:
        tok = stack.pop()
        out.append(tok.i)
        for c in tok.children:
            if c.dep_ in SEPARATE and c.i != keep.i and not c.is_ancestor(keep):
                clause = c.pos_ in ("VERB", "AUX") or any(x.dep_ in ("nsubj", "cop") for x in c.children)
                if c.dep_ == "conj" and not clause:
                    pass
                elif c.dep_ in ("ccomp", "parataxis") and content:
                    pass
                else:
                    continue
            stack.append(c)
    return sorted(out)


def test_clause_and_subtree_indexes_are_those_of_the_tokens(nlp):
    doc = nlp(SENTENCES)
    tab = table(doc)
    for root in doc:
        assert sorted(subtree_indexes(tab, root.i)) == sorted(t.i for t in root.subtree)
        for keep in root.subtree:
            for content in (False, True):
                assert clause_indexes(root, keep, content) == _clause_tokens_plain(root, keep, content)


def test_the_component_leaves_no_memo_on_the_doc(nlp):
    doc = nlp(SENTENCES)
    assert doc._.events is not None
    assert not [k for k in doc.user_data if isinstance(k, str) and k.startswith("dossier.events.memo.")]
    assert "dossier.claims.cues" not in doc.user_data
