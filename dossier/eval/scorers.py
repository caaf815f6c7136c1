"""Pure scorers: (gold, predictions) -> dict of figures and the items behind them. Predictions
are ``ArticleRecords`` keyed by gold article key; every offset in them points into
``records.article.raw_text``, where the gold strings are found. An article missing from the
predictions counts as predicting nothing.

Matching rules are documented in docs/eval.md; each scorer returns ``precision``, ``recall``,
``f1`` and ``n_gold`` where they apply, task-specific figures, and ``errors`` (see
:mod:`dossier.eval.errors`): every gold item missed, every prediction left over, every wrong
attribute of a matched pair. Cross-article scorers live in :mod:`dossier.eval.cross`.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from dossier.eval import timex3
from dossier.eval.cross import score_conflicts, score_same_events, source_keys  # noqa: F401 (re-exported)
from dossier.eval.errors import error
from dossier.eval.gold import Gold, GoldEntity
from dossier.eval.matching import (
    PredEntity, covered, entity_match, find_all, greedy_align, line_spans, locate_in_context, norm,
    overlap, pred_entities, pred_entity_for, prf, ratio, speaker_match, touched, value_matches,
)
from dossier.models import ArticleRecords

Preds = Mapping[str, ArticleRecords]

ENTITY_TASKS = {"persons": ("person",), "places": ("place",), "organizations": ("organization", "group")}
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?…])[\"»”]?\s+(?=[«\"“A-ZÀ-ÖØ-Þ])")
QUOTE_OPENING_WORDS = 5
_SHORT = 160


def _text(key: str, preds: Preds) -> str:
    records = preds.get(key)
    return records.article.raw_text if records is not None else ""


def _clip(text: str | None, width: int = _SHORT) -> str | None:
    if text is None:
        return None
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _first(spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    return spans[0] if spans else None


# -- readable entities ------------------------------------------------------------------------
def gold_label(entity: GoldEntity | None) -> str:
    return "none" if entity is None else f"{entity.name} [{entity.id}]"


def pred_label(entity_id: str | None, name: str | None, records: ArticleRecords | None = None,
               anonymous: bool = False) -> str:
    if entity_id is None and not name:
        return "anonymous source" if anonymous else "none"
    etype = _pred_type(entity_id, records)
    out = f"{name or entity_id} [{entity_id or 'no id'}]"
    return out + (f" ({etype})" if etype else "") + (" (anonymous)" if anonymous else "")


def _pred_type(entity_id: str | None, records: ArticleRecords | None) -> str | None:
    if records is None or not entity_id:
        return None
    info = (records.entities or {}).get(entity_id)
    if info is not None:
        return info.type
    return next((m.entity_type for m in records.mentions if m.entity_id == entity_id), None)


def source_cause(gold: GoldEntity | None, pred: PredEntity, pred_type: str | None = None) -> str:
    """Why a speaker/claimant is wrong, in a small vocabulary."""
    named = pred.id is not None or bool(pred.names)
    if gold is None:
        return "predicted where gold has none"
    if not named and not pred.anonymous:
        return "none predicted"
    if gold.anonymous:
        return "anonymous source given a name"
    if pred.anonymous and not named:
        return "named source taken as anonymous"
    if pred.id is None:
        return "unresolved words as source"
    g, p = _TYPE_GROUP.get(gold.type, gold.type), _TYPE_GROUP.get(pred_type or "", pred_type or "unknown")
    if g == p:
        return f"other {g}"
    return f"{p} for {g}"


_TYPE_GROUP = {"group": "organization"}


def value_cause(gold: str | None, predicted: str | None) -> str:
    if predicted is None:
        return "none predicted"
    if gold is None:
        return "predicted where gold has none"
    gk, pk = timex3.kind_of(gold), timex3.kind_of(predicted)
    if gk != pk:
        return f"gold {gk}, predicted {pk}"
    if timex3.coarser(gold, predicted):
        return "coarser than gold"
    return "other value"


def _entity_span(text: str, entity: GoldEntity) -> tuple[int, int] | None:
    """Where the article first names a gold entity (any of its names), for context."""
    best = None
    lowered = text.lower()
    for name in [entity.name, *entity.aliases]:
        if not name:
            continue
        i = text.find(name)
        if i < 0:
            i = lowered.find(name.lower())
        if i >= 0 and (best is None or i < best[0]):
            best = (i, i + len(name))
    return best


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
    errors = []
    for key, art in gold.articles.items():
        text = _text(key, preds)
        records = preds.get(key)
        spans = list(records.boilerplate) if records is not None else []
        furniture = []
        for line in art["boilerplate"]:
            occurrences = line_spans(text, line)
            furniture += occurrences
            n_gold += 1
            if occurrences and all(covered(o, spans, text) for o in occurrences):
                removed += 1
            else:
                errors.append(error("boilerplate", key, "missed", gold={"line": _clip(line)},
                                    cause=None if occurrences else "line not in the text",
                                    span=_first(occurrences)))
        for sent in _body_sentences(text, furniture, art.get("title")):
            n_sent += 1
            if touched(sent, spans, text):
                errors.append(error("boilerplate", key, "extra", cause="body text removed",
                                    predicted={"removed": _clip(text[sent[0]:sent[1]])}, span=sent))
            else:
                kept += 1
    return {"recall": ratio(removed, n_gold), "n_gold": n_gold, "removed": removed,
            "sentences_kept": ratio(kept, n_sent), "n_sentences": n_sent, "errors": errors}


# -- publication date ---------------------------------------------------------------------------
def score_published(gold: Gold, preds: Preds, attribute: str = "published") -> dict[str, Any]:
    """Accuracy of ``article.published``, exact at the gold's precision."""
    n = correct = 0
    errors = []
    for key, art in gold.articles.items():
        if not art.get("published"):
            continue
        n += 1
        records = preds.get(key)
        got = records.article.published if records is not None else None
        if got is not None and value_matches(art["published"], got):
            correct += 1
        else:
            basis = records.article.published_basis if records is not None else None
            evidence = records.article.extra.get("published_evidence") if records is not None else None
            errors.append(error("published", key, "wrong", attribute=attribute,
                                cause=value_cause(art["published"], got),
                                gold={"published": art["published"]},
                                predicted={"published": got, "basis": basis, "evidence": evidence},
                                gold_value=art["published"], predicted_value=got))
    return {"accuracy": ratio(correct, n), "n_gold": n, "errors": errors}


# -- entities -----------------------------------------------------------------------------------
def _align_entities(golds: list[GoldEntity], predicted: list[PredEntity]) -> list[tuple[int, int]]:
    return greedy_align(len(golds), len(predicted), lambda g, p: entity_match(golds[g], predicted[p]))


def score_entities(gold: Gold, preds: Preds, task: str) -> dict[str, Any]:
    """Micro P/R/F1 of per-article sets of canonical entities of the task's types."""
    types = ENTITY_TASKS[task]
    tp = n_pred = n_gold = 0
    errors = []
    for key, art in gold.articles.items():
        records = preds.get(key)
        text = _text(key, preds)
        golds = [gold.entities[e] for e in dict.fromkeys(art[task])]
        predicted = [pe for pe in (pred_entities(records).values() if records is not None else [])
                     if pe.type in types]
        pairs = _align_entities(golds, predicted)
        tp, n_pred, n_gold = tp + len(pairs), n_pred + len(predicted), n_gold + len(golds)
        found_g, found_p = {g for g, _ in pairs}, {p for _, p in pairs}
        for i, entity in enumerate(golds):
            if i not in found_g:
                errors.append(error(task, key, "missed", gold={"id": entity.id, "name": entity.name},
                                    span=_entity_span(text, entity), source=records))
        for i, pe in enumerate(predicted):
            if i in found_p:
                continue
            first = next((m for m in records.mentions if m.entity_id == pe.id), None)
            info = (records.entities or {}).get(pe.id)
            name = info.name if info is not None else (first.entity_name if first else None)
            errors.append(error(task, key, "extra",
                                predicted={"id": pe.id, "name": name, "text": first.text if first else None,
                                           "type": pe.type},
                                span=(first.start, first.end) if first else None, source=records))
    return {**prf(tp, n_pred, n_gold), "errors": errors}


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
    the gold's precision among found; both per TIMEX3 kind too."""
    items = {k: [(t.start, t.end, t.value, t.type, t.text) for t in r.timexes] for k, r in preds.items()}
    return score_date_items(gold, items, preds)


def _join_ranges(golds: list[dict], spans: list[list[tuple[int, int]]], items: list[tuple]) -> list[tuple]:
    """dossier.timex writes "du 1er au 5 décembre" as two dates: inside a gold range expression,
    the predicted dates it holds become one range prediction (first value / last value)."""
    items = list(items)
    for g, item in enumerate(golds):
        if timex3.kind_of(item["value"], item.get("type")) != "range":
            continue
        for span in spans[g]:
            inside = sorted((i for i, p in enumerate(items)
                             if overlap(span, p[:2]) and timex3.kind_of(p[2], p[3]) in ("date", "time")),
                            key=lambda i: items[i][0])
            if len(inside) < 2:
                continue
            first, last = items[inside[0]], items[inside[-1]]
            joined = (first[0], last[1], f"{first[2]}/{last[2]}", "range", f"{first[4]} … {last[4]}")
            items = [p for i, p in enumerate(items) if i not in inside] + [joined]
            break
    return items


def _normalise_item(p: tuple) -> tuple:
    """(start, end, value, type, text) from the shorter forms baselines give."""
    start, end, value = p[:3]
    return (start, end, value, p[3] if len(p) > 3 else None, p[4] if len(p) > 4 else None)


def score_date_items(gold: Gold, predicted: Mapping[str, list[tuple]], context: Mapping[str, Any]) -> dict[str, Any]:
    """Dates scored from ``(start, end, value[, type, text])`` per article. ``context`` maps an
    article key to its ArticleRecords or raw text (where gold strings are found).

    Precision counts a prediction left unmatched only when its kind is one the gold annotates
    (``Gold.annotated_kinds``): a duration is no false positive against a gold that lists none.
    """
    annotated = gold.annotated_kinds()
    kinds: dict[str, dict[str, int]] = {}

    def bump(kind: str, name: str) -> None:
        kinds.setdefault(kind, {"n_gold": 0, "found": 0, "right": 0, "n_pred": 0, "tp_pred": 0})[name] += 1

    tp = n_pred = n_gold = right = ignored = n_all = 0
    errors = []
    for key, art in gold.articles.items():
        source = context.get(key)
        text = source if isinstance(source, str) else (source.article.raw_text if source is not None else "")
        golds = art["dates"]
        spans = [_date_spans(text, d) for d in golds]
        items = _join_ranges(golds, spans, [_normalise_item(p) for p in predicted.get(key, [])])

        def score(g, p):
            return max((overlap(s, items[p][:2]) for s in spans[g]), default=0)

        pairs = greedy_align(len(golds), len(items), score)
        matched_p = {p for _, p in pairs}
        tp, n_gold = tp + len(pairs), n_gold + len(golds)
        for d in golds:
            bump(timex3.kind_of(d["value"], d.get("type")), "n_gold")
        for i, item in enumerate(items):
            kind = timex3.kind_of(item[2], item[3])
            n_all += 1
            bump(kind, "n_pred")
            if i in matched_p:
                bump(kind, "tp_pred")
                n_pred += 1
            elif kind in annotated or kind not in timex3.KINDS:
                n_pred += 1
                errors.append(error("dates", key, "extra",
                                    predicted={"text": item[4] or text[item[0]:item[1]], "value": item[2],
                                               "kind": kind},
                                    span=item[:2], source=source))
            else:
                ignored += 1
        found_g = {g for g, _ in pairs}
        for g, d in enumerate(golds):
            kind = timex3.kind_of(d["value"], d.get("type"))
            if g not in found_g:
                errors.append(error("dates", key, "missed",
                                    gold={"expression": d["expression"], "value": d["value"], "kind": kind},
                                    span=_first(spans[g]), source=source))
        for g, p in pairs:
            d, item = golds[g], items[p]
            kind = timex3.kind_of(d["value"], d.get("type"))
            bump(kind, "found")
            if value_matches(d["value"], item[2]):
                right += 1
                bump(kind, "right")
            else:
                errors.append(error("dates", key, "wrong", attribute="value",
                                    cause=value_cause(d["value"], item[2]),
                                    gold={"expression": d["expression"], "value": d["value"], "kind": kind},
                                    predicted={"text": item[4] or text[item[0]:item[1]], "value": item[2]},
                                    gold_value=d["value"], predicted_value=item[2],
                                    span=_first(spans[g]), source=source))
    by_kind = {}
    for kind in [*timex3.KINDS, "other"]:
        c = kinds.get(kind)
        if not c:
            continue
        row = {"n_gold": c["n_gold"], "found": c["found"], "recall": ratio(c["found"], c["n_gold"]),
               "value_accuracy": ratio(c["right"], c["found"]), "n_pred": c["n_pred"]}
        if kind in annotated:
            row["precision"] = ratio(c["tp_pred"], c["n_pred"])
        by_kind[kind] = row
    return {**prf(tp, n_pred, n_gold), "value_accuracy": ratio(right, tp), "by_kind": by_kind,
            "annotated_kinds": sorted(annotated), "n_pred_all": n_all, "not_annotated": ignored,
            "errors": errors}


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


def _quote_gold(gold: Gold, q: dict) -> dict:
    speaker = gold.entities.get(q["speaker"]) if q["speaker"] else None
    return {"quote": q["quote"], "kind": q.get("kind"), "speaker": gold_label(speaker), "cue": q.get("cue")}


def _quote_pred(q, records) -> dict:
    return {"text": _clip(q.text), "kind": q.kind, "cue": q.cue,
            "speaker": pred_label(q.speaker_id, q.speaker_name or q.speaker_text, records, q.anonymous)}


def score_quotes(gold: Gold, preds: Preds) -> dict[str, Any]:
    tp = n_pred = n_gold = right = 0
    errors = []
    for key, art in gold.articles.items():
        records = preds.get(key)
        text = _text(key, preds)
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
        found_g, found_p = {g for g, _ in pairs}, {p for _, p in pairs}
        for g, q in enumerate(golds):
            if g not in found_g:
                errors.append(error("quotes", key, "missed", gold=_quote_gold(gold, q),
                                    span=_first(find_all(text, q["quote"])), source=records))
        for p, q in enumerate(quotes):
            if p not in found_p:
                errors.append(error("quotes", key, "extra", predicted=_quote_pred(q, records),
                                    span=(q.start, q.end), source=records))
        for g, p in pairs:
            q = quotes[p]
            speaker = gold.entities.get(golds[g]["speaker"]) if golds[g]["speaker"] else None
            pe = pred_entity_for(q.speaker_id, [q.speaker_name, q.speaker_text], records, q.anonymous)
            if speaker_match(speaker, pe):
                right += 1
                continue
            errors.append(error("quotes", key, "wrong", attribute="speaker",
                                cause=source_cause(speaker, pe, _pred_type(q.speaker_id, records)),
                                gold=_quote_gold(gold, golds[g]), predicted=_quote_pred(q, records),
                                gold_value=gold_label(speaker),
                                predicted_value=_quote_pred(q, records)["speaker"],
                                span=(q.start, q.end), source=records))
    return {**prf(tp, n_pred, n_gold), "speaker_accuracy": ratio(right, tp), "errors": errors}


# -- events and claims --------------------------------------------------------------------------
def _evidence_align(text: str, golds: list[dict], items: list) -> tuple[list[tuple[int, int]], list]:
    spans = [find_all(text, g["evidence"]) for g in golds]

    def score(g, p):
        return max((overlap(s, (items[p].start, items[p].end)) for s in spans[g]), default=0)

    return greedy_align(len(golds), len(items), score), spans


def _participants(event, records) -> list[PredEntity]:
    return [pred_entity_for(p.entity_id, [p.name], records) for p in event.participants]


def _event_gold(gold: Gold, e: dict) -> dict:
    place = gold.entities.get(e["place"]) if e.get("place") else None
    return {"evidence": _clip(e["evidence"]), "type": e.get("type"), "plover": e["plover"],
            "participants": [gold_label(gold.entities[p]) for p in e.get("participants") or []],
            "place": gold_label(place) if place else None, "date": e.get("date")}


def _event_pred(ev) -> dict:
    return {"text": _clip(ev.text), "type": ev.type, "plover": ev.plover, "trigger": ev.trigger,
            "participants": [f"{p.name} [{p.entity_id}]" for p in ev.participants],
            "place": f"{ev.place_name} [{ev.place_id}]" if ev.place_id else None, "date": ev.date,
            "status": ev.status}


def score_events(gold: Gold, preds: Preds) -> dict[str, Any]:
    tp = n_pred = n_gold = typed = placed = dated = 0
    p_tp = p_pred = p_gold = 0
    errors = []
    for key, art in gold.articles.items():
        records = preds.get(key)
        events = records.events if records is not None else []
        pairs, spans = _evidence_align(_text(key, preds), art["events"], events)
        tp, n_pred, n_gold = tp + len(pairs), n_pred + len(events), n_gold + len(art["events"])
        found_g, found_p = {g for g, _ in pairs}, {p for _, p in pairs}
        for g, ge in enumerate(art["events"]):
            if g not in found_g:
                errors.append(error("events", key, "missed", gold=_event_gold(gold, ge),
                                    span=_first(spans[g]), source=records))
        for p, pe in enumerate(events):
            if p not in found_p:
                errors.append(error("events", key, "extra", predicted=_event_pred(pe),
                                    span=(pe.start, pe.end), source=records))
        for g, p in pairs:
            ge, pe = art["events"][g], events[p]

            def wrong(attribute, cause, gv, pv, ge=ge, pe=pe):
                errors.append(error("events", key, "wrong", attribute=attribute, cause=cause,
                                    gold=_event_gold(gold, ge), predicted=_event_pred(pe),
                                    gold_value=gv, predicted_value=pv, span=(pe.start, pe.end), source=records))

            if ge["plover"] == pe.plover:
                typed += 1
            else:
                wrong("type", f"{ge['plover']} as {pe.plover}", ge["plover"], f"{pe.plover} ({pe.type})")
            golds = [gold.entities[e] for e in dict.fromkeys(ge.get("participants") or [])]
            predicted = _participants(pe, records)
            matched = _align_entities(golds, predicted)
            p_tp += len(matched)
            p_pred, p_gold = p_pred + len(predicted), p_gold + len(golds)
            if len(matched) < max(len(golds), len(predicted)):
                mg, mp = {g2 for g2, _ in matched}, {p2 for _, p2 in matched}
                missing = [gold_label(x) for i, x in enumerate(golds) if i not in mg]
                extra = [f"{x.name} [{x.entity_id}]" for i, x in enumerate(pe.participants) if i not in mp]
                cause = ("missing and extra participants" if missing and extra
                         else "missing participants" if missing else "extra participants")
                wrong("participants", cause, "missing: " + (", ".join(missing) or "-"),
                      "extra: " + (", ".join(extra) or "-"))
            gplace = ge.get("place")
            if gplace is None:
                ok = pe.place_id is None
            else:
                ok = pe.place_id is not None and entity_match(
                    gold.entities[gplace], pred_entity_for(pe.place_id, [pe.place_name], records)) > 0
            placed += ok
            if not ok:
                cause = ("none predicted" if pe.place_id is None else
                         "predicted where gold has none" if gplace is None else "other place")
                wrong("place", cause, gold_label(gold.entities.get(gplace)) if gplace else "none",
                      f"{pe.place_name} [{pe.place_id}]" if pe.place_id else "none")
            if value_matches(ge.get("date"), pe.date):
                dated += 1
            else:
                wrong("date", value_cause(ge.get("date"), pe.date), ge.get("date") or "none", pe.date or "none")
    return {**prf(tp, n_pred, n_gold), "type_accuracy": ratio(typed, tp),
            "participants_f1": prf(p_tp, p_pred, p_gold)["f1"] if tp else None,
            "place_accuracy": ratio(placed, tp), "date_accuracy": ratio(dated, tp), "errors": errors}


def _claim_gold(gold: Gold, c: dict) -> dict:
    claimant = gold.entities.get(c["claimant"]) if c["claimant"] else None
    return {"evidence": _clip(c["evidence"]), "proposition": c.get("proposition"),
            "claimant": gold_label(claimant), "stance": c["stance"]}


def _claim_pred(c, records) -> dict:
    return {"text": _clip(c.text), "proposition": c.proposition, "stance": c.stance, "cue": c.cue,
            "claimant": pred_label(c.claimant_id, c.claimant_name, records, c.anonymous)}


def score_claims(gold: Gold, preds: Preds) -> dict[str, Any]:
    tp = n_pred = n_gold = claimant_ok = stance_ok = 0
    errors = []
    for key, art in gold.articles.items():
        records = preds.get(key)
        claims = records.claims if records is not None else []
        pairs, spans = _evidence_align(_text(key, preds), art["claims"], claims)
        tp, n_pred, n_gold = tp + len(pairs), n_pred + len(claims), n_gold + len(art["claims"])
        found_g, found_p = {g for g, _ in pairs}, {p for _, p in pairs}
        for g, gc in enumerate(art["claims"]):
            if g not in found_g:
                errors.append(error("claims", key, "missed", gold=_claim_gold(gold, gc),
                                    span=_first(spans[g]), source=records))
        for p, pc in enumerate(claims):
            if p not in found_p:
                errors.append(error("claims", key, "extra", predicted=_claim_pred(pc, records),
                                    span=(pc.start, pc.end), source=records))
        for g, p in pairs:
            gc, pc = art["claims"][g], claims[p]
            claimant = gold.entities.get(gc["claimant"]) if gc["claimant"] else None
            pe = pred_entity_for(pc.claimant_id, [pc.claimant_name], records, pc.anonymous)
            both = {"gold": _claim_gold(gold, gc), "predicted": _claim_pred(pc, records),
                    "span": (pc.start, pc.end), "source": records}
            if speaker_match(claimant, pe):
                claimant_ok += 1
            else:
                errors.append(error("claims", key, "wrong", attribute="claimant",
                                    cause=source_cause(claimant, pe, _pred_type(pc.claimant_id, records)), gold_value=gold_label(claimant),
                                    predicted_value=both["predicted"]["claimant"], **both))
            if gc["stance"] == pc.stance:
                stance_ok += 1
            else:
                errors.append(error("claims", key, "wrong", attribute="stance",
                                    cause=f"{gc['stance']} as {pc.stance}", gold_value=gc["stance"],
                                    predicted_value=pc.stance, **both))
    return {**prf(tp, n_pred, n_gold), "claimant_accuracy": ratio(claimant_ok, tp),
            "stance_accuracy": ratio(stance_ok, tp), "errors": errors}
