"""A publication date from what other articles say of the same event ("date hints").

An article that names an event "jeudi" and gives no date of its own cannot say which Thursday;
another article reporting the same event (the cross-article merge groups them, see
:mod:`dossier.timex.crossdate`) may date it "le 13 mars 2025", or "le 13 mars" while the first
gives the weekday. A *hint* tells the article what another says of one of its expressions:

    {"sentence": 4, "text": "jeudi", "value": "2025-03-13", "by": "B"}   # that day
    {"sentence": 5, "text": "le 13 mars", "weekday": 3, "by": "B"}      # a Thursday
    {"sentence": 4, "text": "jeudi", "month": 3, "day": 13, "by": "B"}   # a 13 March

The expression's own words and the hint give the day it names: the hint's day when the words
agree with it (a "jeudi" that is a Thursday), else the one day of the periods the text may have
been written in (the office terms of its persons, ``during``) that has both the day of the month
and the weekday. The publication day is then the day, near that one, against which the
expression resolves to it ("jeudi" told in the past: that Thursday or the six days after;
"dans la nuit": that day), a day another report of the event came out when one of those days is
such a day (``reports`` in the hint: a news cycle), and among the days left the one the text's
bare weekdays agree with best, then the nearest to the day the expression names.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from dossier.timex.calendar import value_to_date
from dossier.timex.extract import find

__all__ = ["clean_hints", "expression_info", "named_day", "pin_published", "pinned_by_hints", "HINT_WINDOW",
           "EVIDENCE"]

HINT_WINDOW = 7  # days either side of the named day a publication day is looked for
EVIDENCE = "estimate: the same event in "  # how the evidence of a date the hints give starts
_SPAN_YEARS = 40  # how far back a weekday and a day of the month are searched for a year


def clean_hints(hints: Any) -> list[dict[str, Any]]:
    """The well-formed hints of ``hints`` (``Article.extra["date_hints"]`` may come from any
    input): a sentence index and words, a ``value`` string or integer ``month``, ``day``,
    ``weekday``; anything else is ignored."""
    if not isinstance(hints, list):
        return []
    out = []
    for h in hints:
        if not isinstance(h, dict) or not isinstance(h.get("text"), str):
            continue
        if not isinstance(h.get("sentence"), int) or isinstance(h.get("sentence"), bool):
            continue
        if "value" in h and not isinstance(h["value"], str):
            continue
        if "reports" in h and not (isinstance(h["reports"], list) and all(isinstance(r, str) for r in h["reports"])):
            h = {k: v for k, v in h.items() if k != "reports"}
        if any(k in h and (not isinstance(h[k], int) or isinstance(h[k], bool)) for k in ("month", "day", "weekday")):
            continue
        out.append(h)
    return out


def expression_info(words: str, lang: str = "fr") -> dict[str, Any]:
    """What an expression says of its day by its words alone: a full ``value`` ("13 mars
    2025"), a ``month`` and ``day`` ("le 13 mars"), a ``weekday`` (0 = Monday: "jeudi", "mardi
    12 mars"); empty for words that need the publication date ("hier", "dans la nuit")."""
    from dossier.timex.infer import _weekday_in

    found = [f for f in find(words, None, lang) if f.type == "date"]
    if not found:
        return {}
    f = max(found, key=lambda g: g.end - g.start)
    info: dict[str, Any] = {}
    if f.kind == "absolute" and f.value and len(f.value) == 10:
        info["value"] = f.value
        return info
    if f.data.get("month") and f.data.get("day"):
        info["month"], info["day"] = f.data["month"], f.data["day"]
    wd = f.data.get("weekday")
    wd = wd if wd is not None else _weekday_in(words[f.start:f.end], lang)
    if wd is not None:
        info["weekday"] = wd
    return info


def _agrees(day: date, info: dict[str, Any]) -> bool:
    if "value" in info and info["value"] != day.isoformat():
        return False
    if "month" in info and (day.month, day.day) != (info["month"], info["day"]):
        return False
    return "weekday" not in info or day.weekday() == info["weekday"]


def named_day(own: dict[str, Any], hint: dict[str, Any], during: list[tuple[date, date | None]] | None,
              today: date) -> date | None:
    """The day an expression (its words say ``own``) names, given what another article says of
    it (``hint``); None when they disagree or leave more than one day."""
    if hint.get("value"):
        parsed = value_to_date(hint["value"])
        if parsed is None or parsed[1] != "day":
            return None
        return parsed[0] if _agrees(parsed[0], own) else None
    both = {**own, **{k: hint[k] for k in ("month", "day", "weekday") if k in hint}}
    if any(k in own and k in hint and own[k] != hint[k] for k in ("month", "day", "weekday")):
        return None
    if not ("month" in both and "weekday" in both) or not during:
        return None  # a weekday or a day of the month alone falls in every year
    start = max(s for s, _ in during)  # the latest period the text may have been written in
    found = []
    for year in range(max(start.year, today.year - _SPAN_YEARS), today.year + 1):
        try:
            day = date(year, both["month"], both["day"])
        except ValueError:
            continue
        if day.weekday() == both["weekday"] and start <= day <= today and any(
                s <= day and (e is None or day < e) for s, e in during):
            found.append(day)
    return found[0] if len(found) == 1 else None


def pin_published(text: str, lang: str, tense, bounds, hints: list[dict[str, Any]],
                  window: tuple[date, date] | None, during: list[tuple[date, date | None]] | None,
                  today: date) -> tuple[date, str] | None:
    """The publication day the hints give (and the phrase saying so), or None.

    Each hint names an expression by its sentence (index into ``bounds``) and its words; the day
    it names (:func:`named_day`) must be the value the expression takes when the text is
    resolved against the publication day. Days outside ``window`` (a month or year the text's
    own dateline gives) or after ``today`` are not considered; hints that name no day, or name
    expressions the text does not have, are ignored; hints that no single day satisfies give
    None."""
    from dossier.timex.infer import _bare_weekdays, _weekday_cost

    hints = clean_hints(hints)
    plain = find(text, None, lang, tense, bounds)
    pinned: list[tuple[int, int, date, dict]] = []  # (expression start, end, day it names, hint)
    for h in hints:
        s = h["sentence"]
        if not bounds or not 0 <= s < len(bounds):
            continue
        lo, hi = bounds[s]
        words = " ".join(h["text"].split()).lower()
        f = next((g for g in plain if lo <= g.start < hi and " ".join(text[g.start:g.end].split()).lower() == words),
                 None)
        if f is None or f.type != "date" or (f.kind == "absolute" and f.value):
            continue  # not in the text, or a date the text gives in full: nothing to pin
        day = named_day(expression_info(text[f.start:f.end], lang), h, during, today)
        if day is not None:
            pinned.append((f.start, f.end, day, h))
    if not pinned:
        return None
    near = set()  # the days within a week of a day an expression names
    for _, _, day, _ in pinned:
        if date.min + timedelta(days=HINT_WINDOW) < day < date.max - timedelta(days=HINT_WINDOW):
            near |= {day + timedelta(days=i) for i in range(-HINT_WINDOW, HINT_WINDOW + 1)}
    if window is not None:
        near = {p for p in near if window[0] <= p <= window[1]}
    weekdays = _bare_weekdays(text, plain, lang, tense)
    feasible = []  # the days against which every pinned expression names its day
    for p in sorted(d for d in near if d <= today):
        values = {g.start: g.value for g in find(text, p.isoformat(), lang, tense, bounds)}
        if all(values.get(start) == day.isoformat() for start, _, day, _ in pinned):
            feasible.append(p)
    # among them, the days another report of these events came out, when there are (a report is
    # most often published with the others of its news cycle); then the one the weekdays the
    # text names agree with best, and the nearest day an expression names ("jeudi" told in the
    # past is most often written that very day)
    reports = {d for _, _, _, h in pinned for r in h.get("reports", ())
               if (parsed := value_to_date(r)) is not None and parsed[1] == "day" and (d := parsed[0]) in feasible}
    best: tuple[float, date] | None = None
    for p in sorted(reports) or feasible:
        cost = _weekday_cost(p, weekdays) + min(abs((p - day).days) for _, _, day, _ in pinned)
        if best is None or cost < best[0]:
            best = (cost, p)
    if best is None:
        return None
    start, end, day, h = min(pinned, key=lambda x: abs((best[1] - x[2]).days))
    by = h.get("by") or "another article"
    cycle = ", the day another report of it came out" if best[1] in reports else ""
    return best[1], f"{EVIDENCE}{by}: \"{text[start:end]}\" is {day.isoformat()}{cycle}"


def pinned_by_hints(evidence: str | None) -> bool:
    """Whether a publication date's evidence says the hints gave it."""
    return bool(evidence) and str(evidence).startswith(EVIDENCE)
