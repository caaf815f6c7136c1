"""Find and normalise temporal expressions in plain text (no spaCy needed).

``find_timexes(text, anchor, lang, tense)`` runs every rule of the language, keeps the longest
non-overlapping matches, resolves them in text order, then resolves what needs context:
anaphora ("depuis lors", "la veille"), clock times (the day they belong to), anniversaries
and vague year offsets that point at a well-known event.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from collections.abc import Callable, Sequence
from datetime import date

from dossier.models import Timex
from dossier.timex import literals, starts
from dossier.timex.calendar import Anchor, fmt, value_to_date
from dossier.timex.calendar import shift as shift_date
from dossier.timex.known_events import events_near
from dossier.timex.resolve import EXCLUDE, Ctx, Found
from dossier.timex.rules import RULES, extend_prefix

log = logging.getLogger(__name__)
_SENT = re.compile(r"[^.!?\n]+(?:[.!?]+|\n|$)")
_FR_WORDS = re.compile(r"(?<!\w)(?:le|la|les|des|du|et|est|une|dans|pour|qui|que|avec|sur|au|aux|a été)(?!\w)", re.I)
_EN_WORDS = re.compile(r"(?<!\w)(?:the|and|is|of|to|in|that|with|for|on|was|has|have|said)(?!\w)", re.I)


def detect_language(text: str) -> str:
    """'fr' or 'en' by counting frequent function words (French when unsure)."""
    sample = text[:5000]
    fr = len(_FR_WORDS.findall(sample))
    en = len(_EN_WORDS.findall(sample))
    return "en" if en > fr * 1.2 else "fr"


def sentence_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _SENT.finditer(text) if m.group().strip()]


def _as_anchor(anchor) -> Anchor | None:
    if anchor is None or isinstance(anchor, Anchor):
        return anchor
    if isinstance(anchor, date):
        return Anchor(anchor, "day", anchor.isoformat())
    return Anchor.parse(str(anchor))


def find(
    text: str,
    anchor=None,
    lang: str = "fr",
    tense: str | Callable | None = None,
    sentences: Sequence[tuple[int, int]] | None = None,
) -> list[Found]:
    """All temporal expressions of ``text``, resolved against ``anchor`` (ISO string or Anchor)."""
    rules_lang = lang if RULES.get(lang) else "fr"
    rules = RULES[rules_lang]
    anchor_obj = _as_anchor(anchor)
    tense_fn = tense if callable(tense) else (lambda s, e, _t=tense: _t)
    ctx = Ctx(text=text, anchor=anchor_obj, lang=lang, tense=tense_fn)

    cands = _matches(text, rules_lang)
    # longest match first; a match its handler rejects (None) leaves room for shorter ones
    taken = bytearray(len(text) + 1)
    chosen = []
    for _, idx, m in cands:
        if any(taken[m.start() : m.end()]):
            continue
        try:
            res = rules[idx].handler(m, ctx)
        except (ValueError, OverflowError) as exc:  # a date outside the calendar ("il y a 10000 ans")
            log.debug("cannot resolve %r: %s", m.group(0), exc)
            res = None
        if res is None:
            continue
        taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
        if res != EXCLUDE:
            chosen.append((idx, m, res))
    chosen.sort(key=lambda c: c[1].start())

    out: list[Found] = []
    for idx, m, res in chosen:
        if isinstance(res, list):
            out.extend(res)
            continue
        res.start, res.end = m.start(), m.end()
        if rules[idx].prefix:
            new_start, mod = extend_prefix(text, m.start(), lang)
            if new_start < m.start() and not any(taken[new_start : m.start()]):
                taken[new_start : m.start()] = b"\x01" * (m.start() - new_start)
                res.start = new_start
                if res.mod is None:
                    res.mod = mod
        out.append(res)
    _post(out, text, anchor_obj, sentences or sentence_spans(text))
    return out


@lru_cache(maxsize=2)
def _matches(text: str, lang: str) -> list[tuple[int, int, re.Match]]:
    """Every rule's matches in ``text``, longest first: (length, rule index, match). They do not
    depend on the anchor, so the publication-date inference and the extraction of one text (two
    ``find`` calls with different anchors) scan it once."""
    cands = []
    where = starts.index(text)
    low = where.low if where is not None else literals.folded(text)
    for idx, rule in enumerate(RULES[lang]):
        if not literals.may_match(literals.required(rule.regex), low):
            continue  # a word every match holds is not in the text
        for m in starts.finditer(rule.regex, text, where):  # rule.regex.finditer(text), faster
            if m.end() > m.start():
                cands.append((m.end() - m.start(), idx, m))
    cands.sort(key=lambda c: (-c[0], c[1], c[2].start()))
    return cands


def _sentence_of(pos: int, sentences: Sequence[tuple[int, int]]) -> tuple[int, int]:
    for s, e in sentences:
        if s <= pos < e:
            return s, e
    return max(0, pos - 200), pos + 200


def _is_reference(f: Found) -> bool:
    return f.type == "date" and f.value is not None and f.kind in ("absolute", "relative", "anaphora")


def _post(out: list[Found], text: str, anchor: Anchor | None, sentences) -> None:
    for i, f in enumerate(out):
        if f.kind == "anaphora" and f.data.get("anaphoric"):
            prev = next((p for p in reversed(out[:i]) if _is_reference(p)), None)
            base = prev.day if prev is not None and prev.day is not None else (anchor.day if anchor else None)
            d = shift_date(base, f.data["calendar_unit"], f.data["step"]) if base is not None else None
            if d is not None:
                f.value, f.day = fmt(d, f.precision), d
        elif f.kind == "anaphora":
            prev = next((p for p in reversed(out[:i]) if _is_reference(p)), None)
            shift = f.data.get("shift", 0)
            if prev is not None and prev.day is not None:
                precision = prev.precision
                d = shift_date(prev.day, "D", shift) if shift and precision == "day" else prev.day
                if d is not None:
                    f.value, f.precision, f.day = fmt(d, precision), precision, d
            elif shift and anchor is not None:
                d = shift_date(anchor.day, "D", shift)
                if d is not None:
                    f.value, f.precision, f.day = fmt(d, anchor.precision), anchor.precision, d
        elif f.kind == "clock":
            _resolve_clock(f, out, i, anchor, sentences)
        elif f.kind == "anniversary":
            _resolve_anniversary(f, i, out, text, sentences)
        elif f.data.get("unit") == "Y" and f.day is not None:
            _snap_to_known_event(f, text, sentences)


def _resolve_clock(f: Found, out: list[Found], i: int, anchor: Anchor | None, sentences) -> None:
    s, e = _sentence_of(f.start, sentences)
    days = [p for p in out if p.type == "date" and p.precision == "day" and p.day is not None and p.kind != "vague"]
    same = [p for p in days if s <= p.start < e]
    # else the last day the text named explicitly (a weekday or a date, not "aujourd'hui")
    before = [p for p in days if p.end <= f.start and p.kind in ("absolute", "relative", "anaphora")]
    ref = min(same, key=lambda p: abs(p.start - f.start)) if same else (before[-1] if before else None)
    d = ref.day if ref else (anchor.day if anchor and anchor.precision == "day" else None)
    if d is None:
        return
    f.day = d
    f.value = f"{d.isoformat()}T{f.data['h']:02d}:{f.data['mi']:02d}"


def _resolve_anniversary(f: Found, i: int, out: list[Found], text: str, sentences) -> None:
    n = f.data.get("years")
    if not n:
        return
    s, e = _sentence_of(f.start, sentences)
    dated = [
        p for j, p in enumerate(out)
        if j != i and p.kind == "absolute" and p.precision in ("day", "month") and s <= p.start < e
    ]
    if dated:
        ref = min(dated, key=lambda p: abs(p.start - f.start))
        d, precision = ref.day, ref.precision
    else:
        events = events_near(text[s:e])
        if not events:
            return
        parsed = value_to_date(events[0].date)
        if not parsed:
            return
        d, precision = parsed
    target = shift_date(d, "Y", n)
    if target is not None:
        f.day, f.value, f.precision = target, fmt(target, precision), precision


def _snap_to_known_event(f: Found, text: str, sentences) -> None:
    """'il y a presque quatre ans' next to 'invasion' (said in late 2025) points at 2022-02, not 2021-12."""
    s, e = _sentence_of(f.start, sentences)
    best = None
    for ev in events_near(text[s:e]):
        parsed = value_to_date(ev.date)
        if not parsed:
            continue
        gap = (parsed[0] - f.day).days
        window = 300 if f.mod in ("approx", "before", "after") else 200
        if abs(gap) <= window and (best is None or abs(gap) < abs(best[1])):
            best = (parsed[0], gap)
    if best:
        f.day = best[0]
        f.value = fmt(best[0], "month")
        f.precision = "month"
        f.data["snapped"] = True


def to_timex(f: Found, text: str, anchor: Anchor | None, sentence: int | None = None) -> Timex:
    return Timex(
        start=f.start,
        end=f.end,
        text=text[f.start : f.end],
        type=f.type,
        value=f.value,
        precision=f.precision,
        mod=f.mod,
        anchor=anchor.iso if anchor else None,
        sentence=sentence,
        counted=counted_duration(f),
    )


_COUNT_UNITS = frozenset("DWMY")  # days, weeks, months, years: a count a date can be off by one of


def counted_duration(f: Found) -> str | None:
    """The duration a date value was counted by from its anchor (ISO 8601: "depuis 18 mois" is
    P18M), None for any other value (a date named, a count snapped to a known event's month)."""
    unit, n = f.data.get("unit"), f.data.get("n")
    if f.type != "date" or f.value is None or f.kind != "relative" or unit not in _COUNT_UNITS \
            or not isinstance(n, (int, float)) or f.data.get("snapped"):
        return None
    return f"P{int(n) if float(n).is_integer() else n}{unit}"


def find_timexes(text: str, anchor=None, lang: str | None = None, tense=None) -> list[Timex]:
    """Timex records for ``text`` (offsets into ``text``; ``sentence`` left None)."""
    anchor_obj = _as_anchor(anchor)
    lang = lang or detect_language(text)
    return [to_timex(f, text, anchor_obj) for f in find(text, anchor_obj, lang, tense)]


def normalise(expression: str, anchor, lang: str = "fr", tense: str | None = None) -> Timex | None:
    """Resolve one expression ('mardi dernier', 'il y a presque deux ans') against ``anchor``.

    Returns the Timex covering most of the expression, or None when nothing temporal (or only an
    excluded, unresolvable phrase) is found. ``tense`` is 'past', 'present' or 'future'.
    """
    found = find(expression, anchor, lang, tense)
    if not found:
        return None
    best = max(found, key=lambda f: (f.end - f.start, -f.start))
    return to_timex(best, expression, _as_anchor(anchor))
