"""The evidence span of an event: the trigger's own clause, not the whole sentence.

A sentence often reports several events ("X a annoncé qu'Y avait accepté …, alors que Z
accueillait …"); each event's span keeps the clause its trigger heads (with its subject and
complements) and leaves out the other clauses hanging on it (adverbial, relative, coordinated
and parenthetical clauses), unless the trigger itself lies inside them.
"""
from __future__ import annotations

from spacy.tokens import Token

from dossier.nlp.tokens import table

# children that start another clause
SEPARATE_DEPS = frozenset({"advcl", "acl:relcl", "parataxis", "conj", "ccomp", "csubj"})


def clause_tokens(root: Token, keep: Token, content: bool = False) -> list[Token]:
    """Tokens of ``root``'s subtree minus the separate clauses that do not contain ``keep``.

    Coordinated nouns ("X et Y") stay; with ``content`` (a reporting verb), the reported
    clause (ccomp) stays too."""
    return [root.doc[i] for i in clause_indexes(root, keep, content)]


def clause_indexes(root: Token, keep: Token, content: bool = False) -> list[int]:
    """:func:`clause_tokens` as token indexes, in order."""
    tab = table(root.doc)  # (labels, tags, heads and children read from the lists)
    dep, pos, children = tab.dep, tab.pos, tab.children
    keeps = _ancestors(tab, keep.i)
    out: list[int] = []
    stack = [root.i]
    while stack:
        i = stack.pop()
        out.append(i)
        for c in children[i]:
            if dep[c] in SEPARATE_DEPS and c != keep.i and c not in keeps:
                clause = pos[c] in ("VERB", "AUX") or any(dep[x] in ("nsubj", "cop") for x in children[c])
                if dep[c] == "conj" and not clause:
                    pass  # "Israël et le Hamas": a coordinated name, not a clause
                elif dep[c] in ("ccomp", "parataxis") and content:
                    pass
                else:
                    continue
            stack.append(c)
    return sorted(out)


def subtree_indexes(tab, i: int) -> list[int]:
    """The indexes of ``token.subtree`` (the token and its descendants, from the token table's
    children lists), in no particular order."""
    children = tab.children
    out: list[int] = []
    stack = [i]
    while stack:
        j = stack.pop()
        out.append(j)
        stack.extend(children[j])
        if len(out) > len(children):  # (a cycle of heads: spaCy's own walk would not end either)
            raise ValueError("the dependency parse has a cycle")
    return out


def _ancestors(tab, i: int) -> set[int]:
    """The heads above token ``i`` (``token.ancestors``: up to the root, at most the Doc's
    length of steps)."""
    out: set[int] = set()
    head = tab.head
    for _ in range(len(head)):
        if head[i] == i:
            break
        i = head[i]
        out.add(i)
    return out


__all__ = ["clause_tokens", "SEPARATE_DEPS"]


# dependency labels that start a clause of its own (a participle modifying a noun, "acl", does not)
CLAUSE_DEPS = frozenset({"advcl", "acl:relcl", "ccomp", "parataxis", "csubj", "ROOT"})


def clause_of(tok: Token) -> Token:
    """The head of the clause ``tok`` belongs to: the first ancestor (or itself) attached as a
    clause (adverbial, relative, completive, parenthetical, coordinated verb) or the root."""
    cur = tok
    for _ in range(64):
        if cur.head.i == cur.i or cur.dep_ in CLAUSE_DEPS or (cur.dep_ == "conj" and cur.pos_ in ("VERB", "AUX")):
            return cur
        cur = cur.head
    return cur


def sentence_root(tok: Token) -> Token:
    cur = tok
    for _ in range(64):
        if cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur
