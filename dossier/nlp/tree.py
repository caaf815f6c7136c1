"""Bounded walks of a dependency parse.

spaCy builds a new ``Token`` object on every access, so tokens are compared by index (``.i``),
never by identity. Odd text gives odd parses (an infinitive as its own root, every token its own
root, a hand-built Doc with a cycle), so every walk here is iterative, visits a token at most
once and, going up, never leaves the sentence: its cost is bounded by the sentence length.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.tokens import Token

from dossier.nlp.tokens import sent_of


def walk_up(tok: Token, include_self: bool = True) -> Iterator[Token]:
    """``tok`` (unless ``include_self`` is false), then its heads up to the sentence root.

    Stops at a token that is its own head, at a head outside the sentence and at a token already
    seen, so it ends on any parse.
    """
    sent = sent_of(tok)
    lo, hi = sent.start, sent.end
    seen = {tok.i}
    if include_self:
        yield tok
    cur = tok
    while True:
        head = cur.head
        if head.i in seen or not lo <= head.i < hi:
            return
        seen.add(head.i)
        yield head
        cur = head


def preorder(tok: Token, follow: Callable[[Token], bool]) -> list[Token]:
    """``tok`` and the descendants reached through children for which ``follow(child)`` is true,
    in the order a recursive pre-order walk would give; each token once."""
    out: list[Token] = []
    seen: set[int] = set()
    stack = [tok]
    while stack:
        cur = stack.pop()
        if cur.i in seen:
            continue
        seen.add(cur.i)
        out.append(cur)
        stack.extend(reversed([c for c in cur.children if c.i not in seen and follow(c)]))
    return out
