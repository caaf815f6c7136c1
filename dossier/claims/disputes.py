"""Disputed propositions across articles: the same state of affairs asserted by some and denied
(or questioned) by others, or given incompatible values (talks "productive" vs "no progress").

Pure functions over ``(article key, Claim)`` pairs.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from dossier.claims.propositions import FUNCTIONAL, parse_key
from dossier.models import Claim

POSITIVE = ("asserts", "confirms")
NEGATIVE = ("denies", "questions")


@dataclass
class ClaimRef:
    key: str  # article key
    index: int  # index of the claim in the input list
    claimant_id: str | None
    claimant_name: str | None
    stance: str
    date: str | None
    evidence: str
    proposition: str
    value: str | None = None  # for value predicates (EVALUATES, CASUALTIES, AUTHORED)


@dataclass
class Dispute:
    proposition: str  # the disputed key; for value predicates the key without its value
    predicate: str
    arguments: list[str]
    sides: dict[str, list[ClaimRef]]  # "asserts" / "denies", or one side per value; newest first
    evolution: list[ClaimRef] = field(default_factory=list)  # oldest first
    summary: str = ""  # e.g. "asserted -> denied -> confirmed"
    articles: list[str] = field(default_factory=list)

    @property
    def claimants(self) -> dict[str, list[str]]:
        return {side: sorted({r.claimant_id or r.claimant_name or "?" for r in refs}) for side, refs in self.sides.items()}


def _date_key(ref: ClaimRef) -> str:
    return ref.date or ""


def _group_key(claim: Claim) -> tuple[str, str | None]:
    predicate, args = claim.predicate, list(claim.arguments)
    if predicate in FUNCTIONAL and len(args) > FUNCTIONAL[predicate]:
        n = FUNCTIONAL[predicate]
        base = args[:-n]
        return f"{predicate}({','.join(base)})", ",".join(args[-n:])
    return claim.proposition, None


def _stance_word(stance: str) -> str:
    return {"asserts": "asserted", "denies": "denied", "questions": "questioned", "confirms": "confirmed"}.get(stance, stance)


def _summary(evolution: list[ClaimRef], by_value: bool) -> str:
    steps: list[str] = []
    for ref in evolution:
        word = f"{ref.value}" if by_value else _stance_word(ref.stance)
        if not steps or steps[-1] != word:
            steps.append(word)
    return " -> ".join(steps)


def find_disputes(items: list[tuple[str, Claim]]) -> list[Dispute]:
    """Propositions with opposing stances (or incompatible values), each side newest first."""
    groups: dict[str, list[ClaimRef]] = defaultdict(list)
    for index, (key, claim) in enumerate(items):
        if claim.predicate == "SAYS":
            continue  # free-text content: no shared key to dispute
        group, value = _group_key(claim)
        groups[group].append(ClaimRef(
            key=key, index=index, claimant_id=claim.claimant_id, claimant_name=claim.claimant_name,
            stance=claim.stance, date=claim.date, evidence=claim.text, proposition=claim.proposition,
            value=value,
        ))
    out: list[Dispute] = []
    for group, refs in groups.items():
        predicate, args = parse_key(group)
        by_value = any(r.value is not None for r in refs)
        sides: dict[str, list[ClaimRef]] = defaultdict(list)
        if by_value:
            for r in refs:
                if r.stance in POSITIVE:
                    sides[r.value or "?"].append(r)
                else:
                    sides[f"not {r.value}"].append(r)
        else:
            for r in refs:
                sides["asserts" if r.stance in POSITIVE else "denies"].append(r)
        if len(sides) < 2:
            continue
        for side in sides.values():
            side.sort(key=_date_key, reverse=True)
        evolution = sorted(refs, key=lambda r: (_date_key(r), r.key, r.index))
        out.append(Dispute(
            proposition=group, predicate=predicate, arguments=args, sides=dict(sides),
            evolution=evolution, summary=_summary(evolution, by_value),
            articles=sorted({r.key for r in refs}),
        ))
    out.sort(key=lambda d: (-len(d.articles), -sum(len(s) for s in d.sides.values()), d.proposition))
    return out
