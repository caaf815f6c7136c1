"""Disputed propositions across articles: the same state of affairs asserted by some and denied
(or questioned) by others, or given incompatible values (talks "productive" vs "no progress").

Pure functions over ``(article key, Claim)`` pairs. Claims are blocked by a key computed once per
claim, never compared pair by pair:

- control of a place (``CONTROLS``/``CAPTURED``/``ENCIRCLED``) is keyed by the place: "the RSF
  took El-Fasher" (``CONTROLS(rapid_support_forces,el_fasher)``) and "the city has not fallen"
  (``CONTROLS(unknown,el_fasher)``) are one dispute when the sources name one holder;
- value predicates (``CASUALTIES``, ``EVALUATES``...) are keyed by their subject; a generic
  subject ("the war", unknown) joins the one specific subject of the same predicate on the same
  day ("330 dead" and "413 people killed in Gaza" on 18 March);
- a denial the claims stage linked to the claim it answers (``Claim.denies``, the proposition
  key that claim carries) takes that proposition's key.
"""
from __future__ import annotations

import dataclasses
from collections import defaultdict
from dataclasses import dataclass, field

from dossier.claims.propositions import FUNCTIONAL, parse_key
from dossier.models import Claim

POSITIVE = ("asserts", "confirms")
NEGATIVE = ("denies", "questions")
PLACE_PREDICATES = frozenset({"CONTROLS", "CAPTURED", "ENCIRCLED"})
GENERIC = frozenset({"unknown", "war", ""})  # arguments that name no one in particular


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


DATED = frozenset({"CASUALTIES"})  # a toll is a count of one day: other days are no conflict


def dispute_key(claim: Claim) -> tuple[str, str | None]:
    """(blocking key, value): the key claims about one state of affairs share. Tolls are keyed
    by their day too (``CASUALTIES(kharkiv)@2025-05-02``): tolls of other days evolve, they do
    not conflict."""
    predicate, args = claim.predicate, list(claim.arguments)
    if predicate in PLACE_PREDICATES and args:
        return f"{predicate}(*,{args[-1]})", None
    if predicate in FUNCTIONAL and len(args) > FUNCTIONAL[predicate]:
        n = FUNCTIONAL[predicate]
        day = f"@{claim.date[:10]}" if predicate in DATED and claim.date else ""
        return f"{predicate}({','.join(args[:-n])}){day}", ",".join(args[-n:])
    return claim.proposition, None


def _parse_group(group: str) -> tuple[str, list[str], str]:
    """(predicate, arguments, day suffix) of a group key."""
    key, _, day = group.partition(")@")
    predicate, args = parse_key(key + ")" if day else group)
    return predicate, args, day


def _stance_word(stance: str) -> str:
    return {"asserts": "asserted", "denies": "denied", "questions": "questioned", "confirms": "confirmed"}.get(stance, stance)


def _summary(evolution: list[ClaimRef], by_value: bool) -> str:
    steps: list[str] = []
    for ref in evolution:
        word = f"{ref.value}" if by_value else _stance_word(ref.stance)
        if not steps or steps[-1] != word:
            steps.append(word)
    return " -> ".join(steps)


def _refs(items: list[tuple[str, Claim]]) -> dict[str, list[ClaimRef]]:
    """Claims grouped by :func:`dispute_key` (a denial linked to a claim takes the claim's key)."""
    groups: dict[str, list[ClaimRef]] = defaultdict(list)
    for index, (key, claim) in enumerate(items):
        if claim.predicate == "SAYS":
            continue  # free-text content: no shared key to dispute
        group, value = dispute_key(claim)
        proposition = claim.proposition
        target = claim.denies  # the proposition a denial contradicts (set by the claims stage)
        if target and target != claim.proposition:
            predicate, args = parse_key(target)
            if predicate != "SAYS" and args:  # a denial of that claim's proposition
                linked = dataclasses.replace(claim, predicate=predicate, arguments=args, proposition=target)
                (group, value), proposition = dispute_key(linked), target
        groups[group].append(ClaimRef(
            key=key, index=index, claimant_id=claim.claimant_id, claimant_name=claim.claimant_name,
            stance=claim.stance, date=claim.date, evidence=claim.text, proposition=proposition,
            value=value,
        ))
    _join_generic(groups)
    return groups


def _join_generic(groups: dict[str, list[ClaimRef]]) -> None:
    """A value claim about a generic subject joins the one specific subject of the same
    predicate that has a claim of the same day."""
    specific: dict[tuple[str, str], set[str]] = defaultdict(set)
    for group, refs in groups.items():
        predicate, args, _ = _parse_group(group)
        if predicate in FUNCTIONAL and args and not set(args) <= GENERIC:
            for r in refs:
                if r.date:
                    specific[(predicate, r.date[:10])].add(group)
    for group in sorted(groups):
        predicate, args, _ = _parse_group(group)
        if predicate not in FUNCTIONAL or not set(args) <= GENERIC:
            continue
        targets = {t for r in groups[group] if r.date for t in specific.get((predicate, r.date[:10]), ())}
        if len(targets) == 1:
            groups[targets.pop()].extend(groups.pop(group))


def _holder(ref: ClaimRef) -> str:
    args = parse_key(ref.proposition)[1]
    return args[0] if args else "unknown"


def _by_holder(group: str, refs: list[ClaimRef]) -> list[tuple[str, list[ClaimRef]]]:
    """A place's claims, one proposition per holder named; claims that name no holder join the
    holder when the sources name only one (else they stay on their own)."""
    predicate, args = parse_key(group)
    holders = sorted({_holder(r) for r in refs} - GENERIC)
    if len(holders) <= 1:
        holder = holders[0] if holders else "unknown"
        return [(f"{predicate}({holder},{args[-1]})", refs)]
    out = []
    for holder in holders + ["unknown"]:
        mine = [r for r in refs if (_holder(r) if _holder(r) not in GENERIC else "unknown") == holder]
        if mine:
            out.append((f"{predicate}({holder},{args[-1]})", mine))
    return out


def find_disputes(items: list[tuple[str, Claim]]) -> list[Dispute]:
    """Propositions with opposing stances (or incompatible values), each side newest first."""
    out: list[Dispute] = []
    groups: list[tuple[str, list[ClaimRef]]] = []
    for group, refs in _refs(items).items():
        predicate, args, _ = _parse_group(group)
        groups += _by_holder(group, refs) if predicate in PLACE_PREDICATES and args and args[0] == "*" \
            else [(group.partition("@")[0] if predicate in DATED else group, refs)]
    for proposition, refs in groups:
        predicate, args = parse_key(proposition)
        by_value = any(r.value is not None for r in refs)
        sides: dict[str, list[ClaimRef]] = defaultdict(list)
        for r in refs:
            if by_value:
                sides[(r.value or "?") if r.stance in POSITIVE else f"not {r.value}"].append(r)
            else:
                sides["asserts" if r.stance in POSITIVE else "denies"].append(r)
        if len(sides) < 2:
            continue
        for side in sides.values():
            side.sort(key=_date_key, reverse=True)
        evolution = sorted(refs, key=lambda r: (_date_key(r), r.key, r.index))
        out.append(Dispute(
            proposition=proposition, predicate=predicate, arguments=args, sides=dict(sides),
            evolution=evolution, summary=_summary(evolution, by_value),
            articles=sorted({r.key for r in refs}),
        ))
    out.sort(key=lambda d: (-len(d.articles), -sum(len(s) for s in d.sides.values()), d.proposition))
    return out
