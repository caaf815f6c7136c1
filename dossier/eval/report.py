"""Plain-text report of an evaluation, and the floors that gate CI.

``floors.json`` maps a task to ``{metric path: floor}``; a metric path may be dotted
(``"published": {"without_manifest.accuracy": 0.6}``). ``check_floors`` lists every metric below
its floor (tasks reporting a ``status`` such as "not implemented" are skipped). Floors move up
with ``update_floors``; they only move down with ``allow_lower=True`` (``--allow-lower``).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from dossier.errors import DossierError

FLOORS_PATH = Path(__file__).with_name("floors.json")

# metrics tracked by update_floors, per task
TRACKED: dict[str, tuple[str, ...]] = {
    "boilerplate": ("recall", "sentences_kept"),
    "published": ("with_manifest.accuracy", "without_manifest.accuracy"),
    "persons": ("f1",), "places": ("f1",), "organizations": ("f1",),
    "dates": ("f1", "value_accuracy"),
    "quotes": ("f1", "speaker_accuracy"),
    "events": ("f1", "type_accuracy"),
    "claims": ("f1", "claimant_accuracy", "stance_accuracy"),
    "same_events": ("recall", "pairwise.f1"),
    "conflicts": ("recall", "f1"),
}


class FloorError(DossierError):
    """A floor would move down without the explicit flag."""


def metric(task_result: dict[str, Any], path: str) -> Any:
    value: Any = task_result
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def _fmt(x: Any) -> str:
    if x is None:
        return "-"
    if isinstance(x, float):
        return f"{x:.3f}"
    return str(x)


def _summary(name: str, r: dict[str, Any]) -> tuple[str, str, str, str, str, str]:
    """(P, R, F1, n_gold, other figures) for one task row; "n/c" where the gold does not
    annotate the task completely (precision and F1 are not reported)."""
    if "status" in r:
        return "", "", "", "", r["status"], ""
    extra = []
    if name == "boilerplate":
        extra.append(f"sentences_kept={_fmt(r.get('sentences_kept'))}")
    elif name == "published":
        for part in ("with_manifest", "without_manifest"):
            value = metric(r, f"{part}.accuracy")
            extra.append(f"{part}={_fmt(value if value is not None else metric(r, f'{part}.status'))}")
    elif name == "same_events":
        pw = r.get("pairwise") or {}
        extra.append(f"recovered={r.get('recovered')}/{r.get('n_gold')}")
        if "precision" in pw:
            extra.append(f"pairwise P/R/F1={_fmt(pw.get('precision'))}/{_fmt(pw.get('recall'))}/{_fmt(pw.get('f1'))}")
        else:
            extra.append(f"pairwise R={_fmt(pw.get('recall'))}")
    elif name == "conflicts":
        extra.append(f"found={r.get('found')}/{r.get('n_gold')}")
    for key in ("value_accuracy", "speaker_accuracy", "type_accuracy", "participants_f1",
                "place_accuracy", "date_accuracy", "claimant_accuracy", "stance_accuracy"):
        if key in r:
            extra.append(f"{key}={_fmt(r[key])}")
    main = "accuracy" if name == "published" else "recall"
    not_complete = r.get("complete") is False
    p = "n/c" if not_complete and "precision" not in r else _fmt(r.get("precision"))
    f1 = "n/c" if not_complete and "f1" not in r else _fmt(r.get("f1"))
    if name in ("boilerplate", "published"):
        p, f1 = _fmt(r.get("precision")), _fmt(r.get("f1"))
    return (p, _fmt(r.get(main)), f1, _fmt(r.get("n_gold")), "", "  ".join(extra))


def _baseline_cell(name: str, baselines: dict[str, Any]) -> str:
    ner = baselines.get("entities_bare_ner") or {}
    if name in ner:
        b = ner[name]
        return f"bare NER P/R/F1 {_fmt(b['precision'])}/{_fmt(b['recall'])}/{_fmt(b['f1'])}"
    if name == "dates" and "dates_dateparser" in baselines:
        b = baselines["dates_dateparser"]
        if "status" in b:
            return f"dateparser: {b['status']}"
        return (f"dateparser P/R/F1 {_fmt(b['precision'])}/{_fmt(b['recall'])}/{_fmt(b['f1'])} "
                f"value_acc {_fmt(b.get('value_accuracy'))}")
    return ""


def _kinds_lines(dates: dict[str, Any]) -> list[str]:
    rows = dates.get("by_kind") or {}
    if not rows:
        return []
    lines = ["", "dates by TIMEX3 kind (annotated in gold: " + (", ".join(dates.get("annotated_kinds") or []) or "-")
             + f"; {dates.get('not_annotated', 0)} unmatched predictions of other kinds not counted)"]
    for kind, row in rows.items():
        lines.append(f"  {kind:<9} gold {row['n_gold']:>3}  found {_fmt(row['recall']):>5}  "
                     f"value {_fmt(row['value_accuracy']):>5}  predicted {row['n_pred']:>3}"
                     + (f"  P {_fmt(row['precision'])}" if "precision" in row else ""))
    return lines


def format_report(report: dict[str, Any]) -> str:
    """One row per task (precision, recall or accuracy, F1, gold count, other figures), with the
    baseline of the same task beside it; then dates per TIMEX3 kind, what the gold annotates
    completely, and the articles that were missing or failed."""
    header = ("task", "P", "R/acc", "F1", "n_gold", "status", "details", "baseline")
    rows = [header]
    for name, r in report["tasks"].items():
        p, rec, f1, n, status, extra = _summary(name, r)
        rows.append((name, p, rec, f1, n, status, extra, _baseline_cell(name, report.get("baselines", {}))))
    widths = [max(len(row[i]) for row in rows) for i in range(6)]
    lines = []
    for row in rows:
        head = "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:6]))
        tail = "  ".join(c for c in row[6:] if c)
        lines.append(f"{head}  {tail}".rstrip())
    lines.insert(1, "-" * max(len(line) for line in lines))
    dates = report["tasks"].get("dates") or {}
    if "status" not in dates:
        lines += _kinds_lines(dates)
    meta = report.get("meta", {})
    if meta:
        lines.append("")
        if meta.get("complete_from"):
            incomplete = [t for t, r in report["tasks"].items() if r.get("complete") is False]
            lines.append(f"complete in gold ({meta['complete_from']}): {', '.join(meta.get('complete') or []) or 'none'}"
                         + (f"; n/c = not complete, no precision: {', '.join(incomplete)}" if incomplete else ""))
        where = f"database {meta['db']}" if meta.get("mode") == "stored" else "fresh run"
        lines.append(f"{meta.get('read', '?')}/{meta.get('articles', '?')} articles ({where}), "
                     f"pipeline {meta.get('pipeline_version', '?')}, {meta.get('seconds', '?')} s")
        for key in meta.get("missing") or []:
            lines.append(f"missing: {key} (not found; counted as predicting nothing)")
        for line in meta.get("read_errors") or []:
            lines.append(f"unreadable: {line}")
        for f in meta.get("failed") or []:
            lines.append(f"failed: {f['article']} in {f['component']}: {f['error']}")
        for f in meta.get("failed_without_manifest") or []:
            lines.append(f"failed (run without manifest): {f['article']} in {f['component']}: {f['error']}")
    return "\n".join(lines)


def load_floors(floors_path: str | Path | None = None) -> dict[str, dict[str, float]]:
    path = Path(floors_path) if floors_path else FLOORS_PATH
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DossierError(f"{path}: floors file is not valid JSON (line {exc.lineno})") from exc
    return {task: dict(v) for task, v in data.items() if isinstance(v, dict)}


def check_floors(report: dict[str, Any], floors_path: str | Path | None = None) -> list[str]:
    """One message per metric below its floor; tasks with a status (not implemented) are skipped."""
    failures = []
    for task, floors in load_floors(floors_path).items():
        result = report["tasks"].get(task)
        if result is None or "status" in result:
            continue
        for path, floor in floors.items():
            value = metric(result, path)
            if not isinstance(value, (int, float)):
                failures.append(f"{task}.{path}: no score (floor {floor:.3f})")
            elif value < floor - 1e-9:
                failures.append(f"{task}.{path}: {value:.3f} < floor {floor:.3f}")
    return failures


def update_floors(report: dict[str, Any], floors_path: str | Path | None = None,
                  allow_lower: bool = False, margin: float = 0.0) -> dict[str, dict[str, float]]:
    """Set every tracked floor to the report's score less ``margin`` (rounded down to 3 decimals).
    Raises FloorError, writing nothing, when a floor would go down and ``allow_lower`` is False."""
    path = Path(floors_path) if floors_path else FLOORS_PATH
    floors = load_floors(path)
    lowered = []
    for task, paths in TRACKED.items():
        result = report["tasks"].get(task)
        if result is None or "status" in result:
            continue
        for mpath in paths:
            value = metric(result, mpath)
            if not isinstance(value, (int, float)):
                continue
            new = max(0.0, int((value - margin) * 1000) / 1000)
            old = floors.get(task, {}).get(mpath)
            if old is not None and new < old and not allow_lower:
                lowered.append(f"{task}.{mpath} {old:.3f} -> {new:.3f}")
            floors.setdefault(task, {})[mpath] = new
    if lowered:
        raise FloorError(f"refusing to lower floors without --allow-lower: {'; '.join(lowered)}")
    path.write_text(json.dumps(floors, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return floors
