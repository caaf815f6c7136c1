"""The items behind the numbers: what a scorer counted as missed, extra or wrong.

Every scorer returns, beside its figures, ``errors``: a list of dicts of one shape::

    {"task": "quotes", "article": "a1.txt" (or "*" across articles),
     "kind": "missed" | "extra" | "wrong",
     "attribute": None | "speaker" | "value" | "type" | ...,   # what is wrong in a matched pair
     "cause": None | "none predicted" | "coarser" | ...,       # a small vocabulary, for counting
     "gold": {...} | None, "predicted": {...} | None,          # the two items (short forms)
     "gold_value": str | None, "predicted_value": str | None,  # the attribute, readable
     "start": int | None, "end": int | None,                   # offsets into the original text
     "sentence": str | None,                                   # the sentence they lie in
     "counted": False}                # only on extras of a task the gold does not annotate completely

``collect`` groups them by article then task (the ``errors`` section of the report);
``summarise`` counts them by kind and cause.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

CROSS = "*"  # the article key of errors about several articles
_SENTENCE_END = re.compile(r"[.!?…][»\"”)]?\s+|\n")
_MAX_SENTENCE = 400


def _bounds_from_text(text: str, start: int, end: int) -> tuple[int, int]:
    """Sentence-like bounds around a span when the records carry no sentences."""
    left = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        left = m.end()
    m = _SENTENCE_END.search(text, max(end, start))
    return left, (m.start() + 1 if m else len(text))


def sentence_at(source: Any, start: int | None, end: int | None) -> str | None:
    """The sentence holding [start, end): from the records' sentences, else cut from the text.
    ``source`` is ArticleRecords, a raw text or None."""
    if start is None or source is None:
        return None
    end = start if end is None else end
    if isinstance(source, str):
        text, sentences = source, []
    else:
        text, sentences = source.article.raw_text, list(source.sentences or [])
    if not text or start > len(text):
        return None
    s, e = None, None
    if sentences:
        starts = [x.start for x in sentences]
        i = bisect.bisect_right(starts, start) - 1
        if i >= 0 and sentences[i].start <= start < max(sentences[i].end, start + 1):
            s = sentences[i].start
            j = i
            while j + 1 < len(sentences) and sentences[j].end < end:  # a span over several sentences
                j += 1
            e = sentences[j].end
    if s is None:
        s, e = _bounds_from_text(text, start, end)
    piece = " ".join(text[s:e].split())
    if len(piece) > _MAX_SENTENCE:
        offset = len(" ".join(text[s:start].split()))
        lo = max(0, offset - _MAX_SENTENCE // 2)
        piece = ("…" if lo else "") + piece[lo:lo + _MAX_SENTENCE] + "…"
    return piece


def error(task: str, article: str, kind: str, *, attribute: str | None = None, cause: str | None = None,
          gold: Any = None, predicted: Any = None, gold_value: Any = None, predicted_value: Any = None,
          span: tuple[int, int] | None = None, source: Any = None) -> dict[str, Any]:
    start, end = (span if span else (None, None))
    return {"task": task, "article": article, "kind": kind, "attribute": attribute, "cause": cause,
            "gold": gold, "predicted": predicted,
            "gold_value": None if gold_value is None else str(gold_value),
            "predicted_value": None if predicted_value is None else str(predicted_value),
            "start": start, "end": end, "sentence": sentence_at(source, start, end)}


def label(kind: str, attribute: str | None, counted: bool = True) -> str:
    if kind == "wrong" and attribute:
        return f"wrong {attribute}"
    return kind if counted else f"{kind} (not counted: gold not complete)"


def collect(tasks: dict[str, Any], order: Iterable[str]) -> dict[str, Any]:
    """Move every task's ``errors`` list into one section grouped by article then task."""
    by_article: dict[str, dict[str, list]] = {key: {} for key in order}
    for task, result in tasks.items():
        for item in result.pop("errors", None) or []:
            by_article.setdefault(item["article"], {}).setdefault(task, []).append(item)
    by_article = {k: v for k, v in by_article.items() if v}
    cross = by_article.pop(CROSS, {})
    return {"articles": by_article, "cross_article": cross, **summarise(tasks, by_article, cross)}


def summarise(tasks: dict[str, Any], by_article: dict, cross: dict) -> dict[str, Any]:
    """Counts per task of each error label, and of each (label: cause), most frequent first."""
    counts: dict[str, Counter] = {}
    causes: dict[str, Counter] = {}
    for groups in [*by_article.values(), cross]:
        for task, items in groups.items():
            for item in items:
                lab = label(item["kind"], item["attribute"], item.get("counted", True))
                counts.setdefault(task, Counter())[lab] += 1
                if item.get("cause"):
                    causes.setdefault(task, Counter())[f"{lab}: {item['cause']}"] += 1
    order = [t for t in tasks if t in counts]
    return {"counts": {t: dict(counts[t].most_common()) for t in order},
            "causes": {t: dict(causes[t].most_common()) for t in order if t in causes}}


def strip(tasks: dict[str, Any]) -> None:
    """Drop the items from the task results (the report without ``--errors``)."""
    for result in tasks.values():
        result.pop("errors", None)


# -- terminal ---------------------------------------------------------------------------------
def _short(value: Any, width: int = 110) -> str:
    if value is None:
        return "-"
    if isinstance(value, dict):
        value = "; ".join(f"{k}={v}" for k, v in value.items() if v not in (None, "", [], {}))
    text = " ".join(str(value).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _listing(value: Any) -> list[str]:
    """A list (or a dict of lists) of predicted items, one short line each."""
    if isinstance(value, list):
        return [_short(v) for v in value]
    if isinstance(value, dict) and all(isinstance(v, (list, dict)) for v in value.values()):
        out = []
        for name, inner in value.items():
            out.append(f"{name}:")
            out += [f"  {line}" for line in _listing(inner)]
        return out
    return [_short(value)]


def format_item(item: dict[str, Any]) -> list[str]:
    where = f" @{item['start']}-{item['end']}" if item.get("start") is not None else ""
    cause = f" ({item['cause']})" if item.get("cause") else ""
    lab = label(item["kind"], item["attribute"], item.get("counted", True))
    if item["kind"] == "wrong":
        head = (f"{lab}: gold {_short(item['gold_value'], 100)} | predicted "
                f"{_short(item['predicted_value'], 100)}{cause}{where}")
        what = item.get("gold") or item.get("predicted")
        lines = [head, f"    item: {_short(what)}"]
    else:
        what = item["gold"] if item["kind"] == "missed" else item["predicted"]
        lines = [f"{lab}: {_short(what)}{cause}{where}"]
        if item["kind"] == "missed" and item.get("predicted"):
            lines.append("    closest predicted:")
            lines += [f"      {line}" for line in _listing(item["predicted"])]
    if item.get("sentence"):
        lines.append(f"    sentence: {_short(item['sentence'], 240)}")
    return lines


def format_errors(section: dict[str, Any]) -> str:
    """The errors section for a terminal: by article, then task; then the counts."""
    lines: list[str] = []
    groups = list(section.get("articles", {}).items())
    if section.get("cross_article"):
        groups.append(("across articles", section["cross_article"]))
    for article, tasks in groups:
        lines.append(f"== {article}")
        for task, items in tasks.items():
            lines.append(f"  -- {task} ({len(items)})")
            for item in items:
                first, *rest = format_item(item)
                lines.append(f"    {first}")
                lines += [f"    {line}" for line in rest]
        lines.append("")
    lines.append("== error counts per task (label: cause)")
    for task, counts in section.get("counts", {}).items():
        lines.append(f"  {task}: " + ", ".join(f"{k} ×{v}" for k, v in counts.items()))
        for cause, n in (section.get("causes", {}).get(task) or {}).items():
            lines.append(f"      {cause} ×{n}")
    return "\n".join(lines)


__all__ = ["error", "collect", "strip", "sentence_at", "format_errors", "CROSS"]
