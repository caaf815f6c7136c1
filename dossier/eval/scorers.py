"""Pure scorers: (gold, predictions) -> dict of figures. Predictions are ``ArticleRecords`` keyed
by gold article key; every offset in them points into ``records.article.raw_text``, where the
gold strings are found. An article missing from the predictions counts as predicting nothing.

Matching rules are documented in docs/eval.md; each scorer returns ``precision``, ``recall``,
``f1`` and ``n_gold`` where they apply, plus task-specific figures.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from itertools import combinations
from typing import Any

from dossier.eval.gold import Gold, GoldEntity
from dossier.eval.matching import (
    PredEntity, covered, entity_match, find_all, gold_names, greedy_align, line_spans,
    locate_in_context, norm, overlap, pred_entities, pred_entity_for, prf, ratio, speaker_match,
    touched, value_matches,
)
from dossier.models import ArticleRecords

Preds = Mapping[str, ArticleRecords]

ENTITY_TASKS = {"persons": ("person",), "places": ("place",), "organizations": ("organization", "group")}
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?…])[\"»”]?\s+(?=[«\"“A-ZÀ-ÖØ-Þ])")
QUOTE_OPENING_WORDS = 5


def _text(key: str, preds: Preds) -> str:
    records = preds.get(key)
    return records.article.raw_text if records is not None else ""


# -- boilerplate --------------------------------------------------------------------------------
def _body_sentences(text: str, furniture: list[tuple[int, int]], title: str | None) -> list[tuple[int, int]]:
    """Sentences of the article body: lines that are neither gold furniture nor the title."""
    spans, pos = [], 0
    for line in text.splitlines(keepends=True):
        start, end = pos, pos + len(line.rstrip("\r\n"))
        pos += len(line)
        stripped = text[start:end].strip()
        if not stripped or (title and norm(stripped) == norm(title)):
            continue
        if any(overlap((start, end), f) for f in furniture):
            continue
        offset = start
        for piece in _SENTENCE_SPLIT.split(text[start:end]):
            s = text.find(piece, offset)
            offset = s + len(piece)
            if piece.strip():
                spans.append((s, s + len(piece)))
    return spans


def score_boilerplate(gold: Gold, preds: Preds) -> dict[str, Any]:
    """Recall of gold furniture lines removed, and the share of body sentences left untouched."""
    n_gold = removed = n_sent = kept = 0
    for key, art in gold.articles.items():
        text = _text(key, preds)
        spans = list(preds[key].boilerplate) if key in preds else []
        furniture = []
        for line in art["boilerplate"]:
            occurrences = line_spans(text, line)
            furniture += occurrences
            n_gold += 1
            if occurrences and all(covered(o, spans, text) for o in occurrences):
                removed += 1
        for sent in _body_sentences(text, furniture, art.get("title")):
            n_sent += 1
            kept += not touched(sent, spans, text)
    return {"recall": ratio(removed, n_gold), "n_gold": n_gold, "removed": removed,
            "sentences_kept": ratio(kept, n_sent), "n_sentences": n_sent}


# -- publication date ---------------------------------------------------------------------------
def score_published(gold: Gold, preds: Preds) -> dict[str, Any]:
    """Accuracy of ``article.published``, exact at the gold's precision."""
    n = correct = 0
    wrong = []
    for key, art in gold.articles.items():
        if not art.get("published"):
            continue
        n += 1
        got = preds[key].article.published if key in preds else None
        if got is not None and value_matches(art["published"], got):
            correct += 1
        else:
            wrong.append({"article": key, "gold": art["published"], "predicted": got})
    return {"accuracy": ratio(correct, n), "n_gold": n, "errors": wrong}


# -- entities -----------------------------------------------------------------------------------
def _align_entities(golds: list[GoldEntity], predicted: list[PredEntity]) -> list[tuple[int, int]]:
    return greedy_align(len(golds), len(predicted), lambda g, p: entity_match(golds[g], predicted[p]))


def score_entities(gold: Gold, preds: Preds, task: str) -> dict[str, Any]:
    """Micro P/R/F1 of per-article sets of canonical entities of the task's types."""
    types = ENTITY_TASKS[task]
    tp = n_pred = n_gold = 0
    missed: list[str] = []
    for key, art in gold.articles.items():
        golds = [gold.entities[e] for e in dict.fromkeys(art[task])]
        predicted = [pe for pe in (pred_entities(preds[key]).values() if key in preds else [])
                     if pe.type in types]
        pairs = _align_entities(golds, predicted)
        tp, n_pred, n_gold = tp + len(pairs), n_pred + len(predicted), n_gold + len(golds)
        found = {g for g, _ in pairs}
        missed += [f"{key}:{golds[i].id}" for i in range(len(golds)) if i not in found]
    return {**prf(tp, n_pred, n_gold), "missed": missed}


def score_bare_entities(gold: Gold, texts: Mapping[str, list[tuple[str, str]]]) -> dict[str, Any]:
    """Baseline: bare NER strings ``(text, label)`` per article, matched to gold entities by alias.

    Each distinct normalised string is one predicted entity (a bare NER has no canonical ids).
    """
    labels = {"persons": ("PER",), "places": ("LOC",), "organizations": ("ORG",)}
    out: dict[str, Any] = {}
    for task, wanted in labels.items():
        tp = n_pred = n_gold = 0
        for key, art in gold.articles.items():
            golds = [gold.entities[e] for e in dict.fromkeys(art[task])]
            names = dict.fromkeys(norm(t) for t, label in texts.get(key, []) if label in wanted)
            predicted = [PredEntity(None, {n}) for n in names if n]
            pairs = _align_entities(golds, predicted)
            tp, n_pred, n_gold = tp + len(pairs), n_pred + len(predicted), n_gold + len(golds)
        out[task] = prf(tp, n_pred, n_gold)
    return out


# -- dates --------------------------------------------------------------------------------------
def _date_spans(text: str, item: dict) -> list[tuple[int, int]]:
    return locate_in_context(text, item["expression"], item["context"])


def score_dates(gold: Gold, preds: Preds) -> dict[str, Any]:
    """Found = a predicted timex overlaps the gold expression in its context; value accuracy at
    the gold's precision among found."""
    return score_date_items(gold, {k: [(t.start, t.end, t.value) for t in r.timexes] for k, r in preds.items()},
                            {k: r.article.raw_text for k, r in preds.items()})


def score_date_items(gold: Gold, predicted: Mapping[str, list[tuple[int, int, str | None]]],
                     texts: Mapping[str, str]) -> dict[str, Any]:
    tp = n_pred = n_gold = right = 0
    errors = []
    for key, art in gold.articles.items():
        text, items = texts.get(key, ""), predicted.get(key, [])
        golds = [_date_spans(text, d) for d in art["dates"]]

        def score(g, p):
            return max((overlap(s, items[p][:2]) for s in golds[g]), default=0)

        pairs = greedy_align(len(golds), len(items), score)
        tp, n_pred, n_gold = tp + len(pairs), n_pred + len(items), n_gold + len(golds)
        for g, p in pairs:
            if value_matches(art["dates"][g]["value"], items[p][2]):
                right += 1
            else:
                errors.append({"article": key, "expression": art["dates"][g]["expression"],
                               "gold": art["dates"][g]["value"], "predicted": items[p][2]})
    return {**prf(tp, n_pred, n_gold), "value_accuracy": ratio(right, tp), "errors": errors}


# -- quotes -------------------------------------------------------------------------------------
def quote_found(gold_quote: str, predicted_text: str) -> bool:
    """The predicted quote contains the gold quote's opening words (normalised), or it is itself
    an opening of the gold quote at least ``min(3, len(gold))`` words long."""
    words, pred = norm(gold_quote).split(), norm(predicted_text)
    opening = " ".join(words[:QUOTE_OPENING_WORDS])
    if not opening or not pred:
        return False
    if opening in pred:
        return True
    return " ".join(words).startswith(pred) and len(pred.split()) >= min(3, len(words))


def score_quotes(gold: Gold, preds: Preds) -> dict[str, Any]:
    tp = n_pred = n_gold = right = 0
    for key, art in gold.articles.items():
        records = preds.get(key)
        quotes = records.quotes if records is not None else []
        golds = art["quotes"]

        def score(g, p):
            if not quote_found(golds[g]["quote"], quotes[p].text):
                return 0
            same_kind = golds[g].get("kind") == quotes[p].kind
            starts = norm(quotes[p].text).startswith(norm(golds[g]["quote"]).split(" ")[0])
            return 1 + same_kind + starts

        pairs = greedy_align(len(golds), len(quotes), score)
        tp, n_pred, n_gold = tp + len(pairs), n_pred + len(quotes), n_gold + len(golds)
        for g, p in pairs:
            q = quotes[p]
            speaker = gold.entities.get(golds[g]["speaker"]) if golds[g]["speaker"] else None
            pe = pred_entity_for(q.speaker_id, [q.speaker_name, q.speaker_text], records, q.anonymous)
            right += speaker_match(speaker, pe)
    return {**prf(tp, n_pred, n_gold), "speaker_accuracy": ratio(right, tp)}


# -- events and claims --------------------------------------------------------------------------
def _evidence_align(text: str, golds: list[dict], items: list) -> list[tuple[int, int]]:
    spans = [find_all(text, g["evidence"]) for g in golds]

    def score(g, p):
        return max((overlap(s, (items[p].start, items[p].end)) for s in spans[g]), default=0)

    return greedy_align(len(golds), len(items), score)


def _participants(event, records) -> list[PredEntity]:
    return [pred_entity_for(p.entity_id, [p.name], records) for p in event.participants]


def score_events(gold: Gold, preds: Preds) -> dict[str, Any]:
    tp = n_pred = n_gold = typed = placed = dated = 0
    p_tp = p_pred = p_gold = 0
    for key, art in gold.articles.items():
        records = preds.get(key)
        events = records.events if records is not None else []
        pairs = _evidence_align(_text(key, preds), art["events"], events)
        tp, n_pred, n_gold = tp + len(pairs), n_pred + len(events), n_gold + len(art["events"])
        for g, p in pairs:
            ge, pe = art["events"][g], events[p]
            typed += ge["plover"] == pe.plover
            golds = [gold.entities[e] for e in dict.fromkeys(ge.get("participants") or [])]
            predicted = _participants(pe, records)
            p_tp += len(_align_entities(golds, predicted))
            p_pred, p_gold = p_pred + len(predicted), p_gold + len(golds)
            gplace = ge.get("place")
            if gplace is None:
                placed += pe.place_id is None
            else:
                placed += pe.place_id is not None and entity_match(
                    gold.entities[gplace], pred_entity_for(pe.place_id, [pe.place_name], records)) > 0
            dated += value_matches(ge.get("date"), pe.date)
    return {**prf(tp, n_pred, n_gold), "type_accuracy": ratio(typed, tp),
            "participants_f1": prf(p_tp, p_pred, p_gold)["f1"] if tp else None,
            "place_accuracy": ratio(placed, tp), "date_accuracy": ratio(dated, tp)}


def score_claims(gold: Gold, preds: Preds) -> dict[str, Any]:
    tp = n_pred = n_gold = claimant_ok = stance_ok = 0
    for key, art in gold.articles.items():
        records = preds.get(key)
        claims = records.claims if records is not None else []
        pairs = _evidence_align(_text(key, preds), art["claims"], claims)
        tp, n_pred, n_gold = tp + len(pairs), n_pred + len(claims), n_gold + len(art["claims"])
        for g, p in pairs:
            gc, pc = art["claims"][g], claims[p]
            claimant = gold.entities.get(gc["claimant"]) if gc["claimant"] else None
            pe = pred_entity_for(pc.claimant_id, [pc.claimant_name], records, pc.anonymous)
            claimant_ok += speaker_match(claimant, pe)
            stance_ok += gc["stance"] == pc.stance
    return {**prf(tp, n_pred, n_gold), "claimant_accuracy": ratio(claimant_ok, tp),
            "stance_accuracy": ratio(stance_ok, tp)}


# -- cross-article ------------------------------------------------------------------------------
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


def source_keys(item: Any, keys: Iterable[str]) -> frozenset[str]:
    """The article keys an item (storyline event, conflict, dispute) refers to."""
    known = set(keys)
    sources = getattr(item, "sources", None)
    if sources:
        found = {s[0] if isinstance(s, (tuple, list)) else getattr(s, "key", s) for s in sources}
        found = {k for k in found if k in known}
        if found:
            return frozenset(found)
    return frozenset(s for s in _strings(item) if s in known)


def _pairs(groups: Iterable[frozenset[str]]) -> set[tuple[str, str]]:
    return {p for g in groups for p in combinations(sorted(g), 2)}


def score_same_events(gold: Gold, storylines: list[Any]) -> dict[str, Any]:
    """Group recall (a storyline's article set equals the gold group's and, when both are dated,
    its date matches at the gold's precision; one storyline per group) + pairwise P/R/F1 over
    article pairs said to report the same event."""
    keys = list(gold.articles)
    predicted = [source_keys(s, keys) for s in storylines]
    gold_groups = gold.cross_article["same_events"]
    groups = [frozenset(g["reported_in"]) for g in gold_groups]

    def same(g: int, p: int) -> int:
        if predicted[p] != groups[g]:
            return 0
        gdate, pdate = gold_groups[g].get("date"), getattr(storylines[p], "date", None)
        if isinstance(storylines[p], Mapping):
            pdate = storylines[p].get("date")
        return int(not gdate or not pdate or value_matches(gdate, pdate))

    recovered = len(greedy_align(len(groups), len(predicted), same))
    pairwise = prf(len(_pairs(predicted) & _pairs(groups)), len(_pairs(predicted)), len(_pairs(groups)))
    return {"recall": ratio(recovered, len(groups)), "n_gold": len(groups),
            "recovered": recovered, "pairwise": pairwise}


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


def score_conflicts(gold: Gold, predicted: list[Any]) -> dict[str, Any]:
    """A gold conflict is found when a predicted conflict/dispute involves the same articles and
    shares an entity with it."""
    keys = list(gold.articles)
    items = []
    for item in predicted:
        strings = {s for s in _strings(item)}
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
    return {"precision": precision, "recall": recall, "f1": f1, "n_gold": len(golds),
            "found": len(pairs), "n_pred": len(items)}
