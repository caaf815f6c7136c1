"""Cross-article scorers: same-event groups (storylines) and conflicts (conflicts + disputes).

Predictions are records of unknown shape (dataclasses from ``merge_events`` / ``find_conflicts``
/ ``find_disputes``, or the dicts a store holds): the article keys they refer to are read from
their ``sources`` or from any string equal to a gold article key (:func:`source_keys`).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from itertools import combinations
from typing import Any

from dossier.eval.errors import CROSS, error
from dossier.eval.gold import Gold
from dossier.eval.matching import PredEntity, entity_match, gold_names, greedy_align, norm, prf, ratio, value_matches


def _strings(obj: Any, depth: int = 0) -> Iterable[str]:
    """Every string inside a record of unknown shape (dataclass, dict, list, tuple, object)."""
    if depth > 6 or obj is None:
        return
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, Mapping):
        for v in obj.values():
            yield from _strings(v, depth + 1)
    elif isinstance(obj, (list, tuple, set, frozenset)):
        for v in obj:
            yield from _strings(v, depth + 1)
    elif hasattr(obj, "__dict__") or hasattr(obj, "__dataclass_fields__"):
        for v in getattr(obj, "__dict__", {}).values():
            yield from _strings(v, depth + 1)


def _get(item: Any, name: str, default: Any = None) -> Any:
    if isinstance(item, Mapping):
        return item.get(name, default)
    return getattr(item, name, default)


def source_keys(item: Any, keys: Iterable[str]) -> frozenset[str]:
    """The article keys an item (storyline event, conflict, dispute) refers to."""
    known = set(keys)
    sources = _get(item, "sources")
    if sources:
        found = {s[0] if isinstance(s, (tuple, list)) else _get(s, "key", s) for s in sources}
        found = {k for k in found if isinstance(k, str) and k in known}
        if found:
            return frozenset(found)
    return frozenset(s for s in _strings(item) if s in known)


def _pairs(groups: Iterable[frozenset[str]]) -> set[tuple[str, str]]:
    return {p for g in groups for p in combinations(sorted(g), 2)}


def _storyline_view(item: Any, arts: frozenset[str]) -> dict[str, Any]:
    return {"articles": sorted(arts), "date": _get(item, "date"), "type": _get(item, "type"),
            "plover": _get(item, "plover"), "id": _get(item, "id"),
            "evidence": [str(s[2])[:120] for s in (_get(item, "sources") or [])
                         if isinstance(s, (tuple, list)) and len(s) > 2][:3] or None}


def score_same_events(gold: Gold, storylines: list[Any]) -> dict[str, Any]:
    """Group recall (a storyline's article set equals the gold group's and, when both are dated,
    its date matches at the gold's precision; one storyline per group) + pairwise P/R/F1 over
    article pairs said to report the same event."""
    keys = list(gold.articles)
    predicted = [source_keys(s, keys) for s in storylines]
    gold_groups = gold.cross_article["same_events"]
    groups = [frozenset(g["reported_in"]) for g in gold_groups]

    def dates_agree(g: int, p: int) -> bool:
        gdate, pdate = gold_groups[g].get("date"), _get(storylines[p], "date")
        return not gdate or not pdate or value_matches(gdate, pdate)

    def same(g: int, p: int) -> int:
        return int(predicted[p] == groups[g] and dates_agree(g, p))

    aligned = greedy_align(len(groups), len(predicted), same)
    gold_pairs = _pairs(groups)
    pairwise = prf(len(_pairs(predicted) & gold_pairs), len(_pairs(predicted)), len(gold_pairs))
    errors = []
    found = {g for g, _ in aligned}
    for g, group in enumerate(groups):
        if g in found:
            continue
        near = [p for p, arts in enumerate(predicted) if len(arts & group) >= 2]
        gdate = gold_groups[g].get("date")
        # per article: storylines holding an event of it at the group's date (was it extracted?)
        dated = {key: [p for p, arts in enumerate(predicted) if key in arts and gdate
                       and value_matches(gdate, _get(storylines[p], "date"))] for key in sorted(group)}
        if any(predicted[p] == group for p in near):
            cause = "articles right, date wrong"
        elif any(group < predicted[p] for p in near):
            cause = "merged with other articles"
        elif near:
            cause = "split or partly linked"
        elif gdate and all(dated.values()):
            cause = "dated events in every article, not merged"
        elif gdate:
            cause = "no event at that date in some of its articles"
        else:
            cause = "not linked"
        candidates = {key: [_storyline_view(storylines[p], predicted[p]) for p in ps][:3]
                      for key, ps in dated.items() if ps}
        errors.append(error("same_events", CROSS, "missed", cause=cause,
                            gold={"reported_in": sorted(group), "date": gdate,
                                  "summary": gold_groups[g].get("summary")},
                            predicted=([_storyline_view(storylines[p], predicted[p]) for p in near][:4]
                                       or ({"same date": candidates} if candidates else None))))
    for p, arts in enumerate(predicted):
        if len(arts) < 2 or not (_pairs([arts]) - gold_pairs):
            continue
        errors.append(error("same_events", CROSS, "extra", cause="articles not grouped in gold",
                            predicted=_storyline_view(storylines[p], arts)))
    return {"recall": ratio(len(aligned), len(groups)), "n_gold": len(groups),
            "recovered": len(aligned), "pairwise": pairwise, "errors": errors}


_NAME_WORD = re.compile(r"\w+")


def conflict_entities(gold: Gold, conflict: dict) -> set[str]:
    """Gold conflict entities: explicit ``entities``, else those whose name, alias or (persons)
    surname appears as whole words in the conflict's summary."""
    if conflict.get("entities"):
        return set(conflict["entities"])
    summary = " " + " ".join(_NAME_WORD.findall(norm(conflict.get("summary", "")))) + " "
    found = set()
    for eid, entity in gold.entities.items():
        names = set(gold_names(entity))
        if entity.type == "person" and not entity.anonymous and entity.name.split():
            names.add(norm(entity.name.split()[-1]))
        for n in names:
            words = " ".join(_NAME_WORD.findall(n))
            if len(words) >= 3 and f" {words} " in summary:
                found.add(eid)
                break
    return found


def _conflict_view(item: Any, arts: frozenset[str]) -> dict[str, Any]:
    kind = _get(item, "kind") or ("dispute" if _get(item, "sides") is not None else None)
    what = _get(item, "proposition") or " ".join(str(x) for x in (_get(item, "subject"), _get(item, "attribute")) if x)
    values = _get(item, "values")
    if values and isinstance(values, list):
        values = [_get(v, "value") for v in values][:4]
    return {"articles": sorted(arts), "kind": kind, "about": what or None,
            "summary": str(_get(item, "summary") or "")[:160] or None, "values": values or None}


def score_conflicts(gold: Gold, predicted: list[Any]) -> dict[str, Any]:
    """A gold conflict is found when a predicted conflict/dispute involves the same articles and
    shares an entity with it."""
    keys = list(gold.articles)
    items = []
    for item in predicted:
        strings = set(_strings(item))
        for s in list(strings):  # arguments inside propositions such as CONTROLS(a,b)
            m = re.match(r"^\w+\((.*)\)$", s)
            if m:
                strings.update(a.strip() for a in m.group(1).split(","))
        items.append((source_keys(item, keys), [PredEntity(s, {s}) for s in strings]))
    golds = gold.cross_article["conflicts"]
    ents = [[gold.entities[e] for e in conflict_entities(gold, c)] for c in golds]

    def score(g, p):
        arts, pents = items[p]
        if arts != frozenset(golds[g]["articles"]):
            return 0
        return int(any(entity_match(ge, pe) for ge in ents[g] for pe in pents))

    pairs = greedy_align(len(golds), len(items), score)
    matched_preds = {p for p in range(len(items)) if any(score(g, p) for g in range(len(golds)))}
    recall = ratio(len(pairs), len(golds))
    precision = ratio(len(matched_preds), len(items)) if items else (0.0 if golds else None)
    f1 = (round(2 * precision * recall / (precision + recall), 4) if precision and recall
          else (0.0 if precision is not None and recall is not None else None))
    errors = []
    found = {g for g, _ in pairs}
    for g, c in enumerate(golds):
        if g in found:
            continue
        arts = frozenset(c["articles"])
        same_arts = [p for p, (a, _) in enumerate(items) if a == arts]
        overlapping = [p for p, (a, _) in enumerate(items) if len(a & arts) >= 2 and a != arts]
        cause = ("same articles, no shared entity" if same_arts else
                 "found over other article sets" if overlapping else "not found")
        errors.append(error("conflicts", CROSS, "missed", cause=cause,
                            gold={"articles": sorted(arts), "summary": c.get("summary"),
                                  "entities": sorted(e.id for e in ents[g])},
                            predicted=[_conflict_view(predicted[p], items[p][0])
                                       for p in (same_arts or overlapping)][:4] or None))
    for p, (arts, _) in enumerate(items):
        if p not in matched_preds:
            errors.append(error("conflicts", CROSS, "extra", cause=_get(predicted[p], "kind") or "dispute",
                                predicted=_conflict_view(predicted[p], arts)))
    return {"precision": precision, "recall": recall, "f1": f1, "n_gold": len(golds),
            "found": len(pairs), "n_pred": len(items), "errors": errors}
