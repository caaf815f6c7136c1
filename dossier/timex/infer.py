"""Infer an article's publication date from its content (never from today's date).

Evidence, strongest first:
1. a metadata line or dateline ("Publié le 3 décembre 2025", "date 2025-02", "Updated 4 March 2025");
2. a date the text names as yesterday, today or tomorrow ("hier, le 3 mars 2025": the 4th; "hier,
   mardi 11" in a month the metadata gives; "hier mardi" counts as a Wednesday), then a weekday
   written with its date ("mardi 2 décembre"): only some years agree;
3. offsets from a date the sentence names ("en avril 2023, il y a plus de deux ans", "deux ans
   après l'attaque du 7 octobre 2023") or else from well-known events ("il y a presque trois ans"
   next to "invasion", "l'année dernière" next to "Koursk"), and dated anniversaries, give the year;
4. dates without a year ("samedi 12 avril", "le 18 mars") in a text the terms of its persons'
   offices bound to a short period (``during``, see :mod:`dossier.timex.terms`): the day they,
   their tenses and the bare weekdays agree on best;
5. month names without a year ("en novembre"), bounded from below by the latest dated reference;
the year of a full date the text names ("le 6 mars 2025") as a weak last resort; a bare year
("depuis 2013") alone gives no date: it only says the text is not older. Today's date is only an
upper bound (no text is published in the future), and the terms of the offices the text's
persons hold rule out the years outside them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import NamedTuple

from dossier.nlp import access
from dossier.timex.calendar import add_months, days_around, fmt, shift, value_to_date
from dossier.timex.extract import detect_language, find, sentence_spans
from dossier.timex.known_events import events_near
from dossier.timex.lexicon import MONTHS, NUMBERS, WEEKDAYS, alternation, parse_number

_META = {
    lang: re.compile(
        (
            r"(?<!\w)(?:publié|mis à jour|modifié|actualisé|date)\s*(?:le|:|à)?\s*"
            if lang == "fr"
            else r"(?<!\w)(?:published|updated|posted|date)\s*(?:on|:)?\s*"
        )
        + r"(?:(?:"
        + alternation(WEEKDAYS[lang])
        + r")\s+)?"
        r"(?P<date>\d{4}-\d{2}(?:-\d{2})?|\d{1,2}[/.]\d{1,2}[/.]\d{4}|(?:\d{1,2}|1er)\s+(?:"
        + alternation(MONTHS[lang])
        + r")\s+\d{4}|(?:"
        + alternation(MONTHS[lang])
        + r")\s+\d{1,2},?\s+\d{4})",
        re.IGNORECASE,
    )
    for lang in ("fr", "en")
}
_WD_DATE = {
    lang: re.compile(
        r"(?<!\w)(?P<wd>"
        + alternation(WEEKDAYS[lang])
        + r")\s+(?P<d>\d{1,2}|1er)\s+(?P<m>"
        + alternation(MONTHS[lang])
        + r")(?!\s+\d{4})(?!\w)",
        re.IGNORECASE,
    )
    for lang in ("fr", "en")
}


# "lundi 13", "ce mardi 14 à Genève": a weekday with a day of the month but no month, the way a
# paper dates a day of its own month; not a clock time ("mardi 14 h"), a count ("lundi 27
# ministres") or a date written with its month (read elsewhere)
_WD_DAY = {
    lang: re.compile(
        r"(?<!\w)(?P<wd>" + alternation(WEEKDAYS[lang]) + r")\s+(?P<d>\d{1,2}|1er)"
        r"(?=\s*(?:[,.;:)»]|$)|\s+(?:" + ("à|au|aux|en|dans|et|lors|pour|avec|devant|le|la|les|l'|des|du|sur|par|"
                                        "entre|contre|près|soir|matin|dernier|prochain"
                                        if lang == "fr" else "at|in|on|and|for|with|the|night|morning|evening|last|next")
        + r")(?!\w))",
        re.IGNORECASE | re.MULTILINE,
    )
    for lang in ("fr", "en")
}


def _parse_meta(value: str, lang: str) -> tuple[str, str] | None:
    v = value.strip()
    m = re.match(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$", v)
    if m:
        return (v, "day") if m.group(3) else (v, "month")
    m = re.match(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$", v)
    if m:
        try:
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1))).isoformat(), "day"
        except ValueError:
            return None
    found = find(v, None, lang)
    for f in found:
        if f.value and f.kind == "absolute":
            return f.value, f.precision
    return None


def _parse_bare(text: str, lang: str) -> tuple[str, str] | None:
    """The text is nothing but a date (a dateline kept aside by the cleaner)."""
    v = text.strip().strip(".,;:-–|()")
    if not v or len(v) > 40:
        return None
    m = re.match(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$", v)
    if m and not 1 <= int(m.group(2)) <= 12:
        return None
    found = [f for f in find(v, None, lang) if f.value and f.kind == "absolute"]
    if m or (len(found) == 1 and found[0].end - found[0].start >= 0.8 * len(v)):
        return _parse_meta(v, lang)
    return None


def _text_of(text_or_doc) -> tuple[str, str | None]:
    if isinstance(text_or_doc, str):
        return text_or_doc, None
    return access.doc_text(text_or_doc), getattr(text_or_doc._, "language", None)


class Inferred(NamedTuple):
    """A publication date read from the text: its value at its precision, how sure, and on what
    evidence (``basis``, a short phrase). A date the text states (a publication line, a dateline)
    says where it is; one the evidence only makes likely starts with "estimate:" and names that
    evidence ("estimate: yearless dates and weekdays inside the office terms …")."""

    value: str
    precision: str
    confidence: float
    basis: str


def infer_published(text_or_doc, lang: str | None = None, tense: Tense | None = None,
                    during: list[tuple[date, date | None]] | None = None,
                    today: date | None = None) -> tuple[str, str, float] | None:
    """(ISO value, precision, confidence) of the likely publication date, or None (see
    :func:`explain_published`, which also says on what evidence)."""
    found = explain_published(text_or_doc, lang, tense, during, today)
    return tuple(found[:3]) if found else None


def explain_published(text_or_doc, lang: str | None = None, tense: Tense | None = None,
                      during: list[tuple[date, date | None]] | None = None,
                      today: date | None = None) -> Inferred | None:
    """The likely publication date (:class:`Inferred`: value, precision, confidence, basis), or None.
    ``tense(start, end)`` ("past" | "future" | None) reads the tense governing a span when a
    parse is available; it sharpens the reading of weekdays. ``during``: the periods the text
    can have been written in (the terms of the offices its persons hold, see
    :func:`dossier.timex.terms.written_during`); they give a year to dates written without one
    and rule out the years outside them. ``today`` (default: the clock's date) is only an upper
    bound: a text is not published in the future; it is never taken as the date."""
    today = today or date.today()
    text, doc_lang = _text_of(text_or_doc)
    lang = (lang or doc_lang or detect_language(text)).lower()
    lang = "en" if lang.startswith("en") else "fr"

    bare = _parse_bare(text, lang)
    if bare:  # a dateline string on its own ("2025-02", "3 décembre 2025")
        return Inferred(bare[0], bare[1], 0.9, "a dateline on its own")
    head = text[:600]
    m = _META[lang].search(head.replace("’", "'"))
    if m:
        parsed = _parse_meta(m.group("date"), lang)
        if parsed:
            return Inferred(parsed[0], parsed[1], 0.9, "a publication line in the header")

    found = find(text, None, lang)
    sentences = sentence_spans(text)

    dateline = _dateline(text, found)
    if dateline:
        return Inferred(dateline[0], dateline[1], 0.7, "a dated line in the header")

    named = _deictic_day(text, found, lang)
    if named is not None and named <= today:  # "hier, le 3 mars 2025"
        return Inferred(named.isoformat(), "day", 0.7, "a full date the text names as yesterday, today or tomorrow")

    near = recent_day(text, found, lang, tense)
    if near is not None:  # "ce lundi 13 octobre 2025": a date written with its weekday is recent
        return Inferred(near.isoformat(), "day", 0.6,
                        "estimate: a full date written with its weekday (a text names its own days so), "
                        "and the bare weekdays")

    # lower bound: the latest dated reference
    # a deadline ("d'ici 2027", "avant 2030") looks ahead: it does not bound the publication date
    dated = [(parsed, f) for f in found
             if f.kind == "absolute" and f.value and f.type == "date" and f.mod != "before"
             for parsed in [value_to_date(f.value)] if parsed]
    lower = max((d for (d, _), _ in dated), default=None)
    # a day or month named in full ("le 24 février 2022") is news near the text's time; a bare
    # year ("depuis 1991") is as often history: a bound, not a place to start from; and a date
    # that starts a state ("depuis octobre 2023") does not place the text near it
    latest = [f for (d, precision), f in dated if d == lower and precision in ("day", "month", "week")]
    news = bool(latest)
    recent = any(not _START_WORDS.match(text[f.start:f.end]) and not _OUTBREAK_BEFORE.search(text[max(0, f.start - 40):f.start])
                 for f in latest)

    if during:
        day = consistent_day(text, found, lang, tense, during, lower, today, near_lower=recent)
        if day is not None:  # "samedi 12 avril", "le 18 mars" in a text written during known terms
            return Inferred(day.isoformat(), "day", 0.4,
                            "estimate: yearless dates and weekdays inside the office terms of the text's persons")

    # an offset that puts the text after today misreads its event: it says nothing
    year_votes = [(lo, min(hi, today)) for lo, hi in _year_votes(found, text, sentences, lang) if lo <= today]
    wd_dates = _weekday_dates(text, lang)

    span = _span(year_votes)
    best = None
    for day, month, years in wd_dates:
        cand = _weekday_year(day, month, years, span, lower, news, during, today)
        best = cand if cand is not None and (best is None or cand > best) else best
    if best:
        return Inferred(best.isoformat(), "day", 0.6 if year_votes or lower else 0.4,
                        "estimate: a date written with its weekday, its year from "
                        + ("offsets from dated or well-known events" if span is not None else
                           "the latest dated reference" if news else "the office terms"))

    if year_votes:
        lo = max(r[0] for r in year_votes)
        hi = min(r[1] for r in year_votes)
        if lo > hi:
            lo, hi = min(r[0] for r in year_votes), max(r[1] for r in year_votes)
        if lower and lower > lo:
            lo = lower
        month = _month_from_mentions(found, lo, hi)
        if month is None and (lo.year, lo.month) == (hi.year, hi.month):
            month = date(lo.year, lo.month, 1)  # "il y a trois semaines, le 3 mars": one month left
        if month:
            return Inferred(fmt(month, "month"), "month", 0.5,
                            "estimate: offsets from dated or well-known events, and the months the text names")
        centre = lo + (hi - lo) / 2 if hi >= lo else lo
        return Inferred(fmt(centre, "year"), "year", 0.45, "estimate: offsets from dated or well-known events")
    # The latest dated reference alone is a lower bound. A day or month the text names in full
    # ("le 6 mars 2025") is news of its year: that year, with a low confidence. A bare year
    # ("depuis 2013", "en 2014") is as often history: taken as the date, it would resolve the
    # text's relative dates years too early, so the date stays unknown; so is a date a state
    # started on ("à partir de janvier 2024", "depuis le 15 mars 2024"): the state may have lasted years.
    if news and recent and _year_inside(lower.year, during):
        return Inferred(fmt(lower, "year"), "year", 0.15, "estimate: the year of the latest full date in the text")
    return None


# -- weekdays: "ce lundi 13 octobre 2025", "mercredi", "samedi prochain" ---------------------
# A news article writes a date with its weekday only near its own day (a week either side), and
# names a bare weekday for a day of the week around it: past ones on or before publication,
# future ones after it. Those constraints, with a month or year known from metadata, often leave
# one day.
Tense = Callable[[int, int], "str | None"]
NEAR_DAYS = 6
DEICTIC = "deictic"  # the "tense" of a day named as yesterday, today or tomorrow: that day exactly


def _weekday_in(text: str, lang: str) -> int | None:
    words = re.findall(r"\w+", text.lower())
    found = [WEEKDAYS[lang].index(w) for w in words if w in WEEKDAYS[lang]]
    return found[0] if len(found) == 1 else None


def _tense_of(tense: Tense | None, f) -> str | None:
    return tense(f.start, f.end) if tense is not None else None


# "hier, le 3 mars 2025", "hier mardi", "aujourd'hui 4 mars": a day the text names as yesterday,
# today or tomorrow and dates or names right after it: the publication day is that day shifted
_DEICTIC_SHIFT = {"fr": {"avant-hier": 2, "hier": 1, "aujourd'hui": 0, "demain": -1, "après-demain": -2},
                  "en": {"yesterday": 1, "today": 0, "tomorrow": -1}}
_APPOSED = re.compile(r"[\s,]*(?:(?:le|ce|this|on)\s+)?", re.IGNORECASE)


def _deictic_shifts(text: str, found, lang: str) -> dict[int, int]:
    """Start of a date or weekday expression -> days from it to the publication day, for those
    apposed to "hier", "aujourd'hui", "demain" ("hier, le 3 mars": +1)."""
    ordered = sorted(found, key=lambda g: g.start)
    out = {}
    for i, f in enumerate(ordered):
        if f.kind != "deictic":
            continue
        shift = _DEICTIC_SHIFT[lang].get(text[f.start:f.end].lower().replace("’", "'"))
        nxt = next((g for g in ordered[i + 1:] if g.start >= f.end), None)
        if shift is None or nxt is None or nxt.type != "date" or nxt.precision != "day":
            continue
        if _APPOSED.fullmatch(text[f.end:nxt.start]):
            out[nxt.start] = shift
    return out


def _plus(day: date, n: int) -> date:
    """``day`` moved by ``n`` days (kept at the calendar's edge rather than past it)."""
    try:
        return day + timedelta(days=n)
    except OverflowError:
        return day


def _deictic_day(text: str, found, lang: str) -> date | None:
    """The publication day a full date named as yesterday, today or tomorrow gives (the one day
    all such dates agree on)."""
    shifts = _deictic_shifts(text, found, lang)
    days = set()
    for f in found:
        if f.start in shifts and f.kind == "absolute" and f.value and len(f.value) == 10:
            parsed = value_to_date(f.value)
            wd = _weekday_in(text[f.start:f.end], lang)
            if parsed and (wd is None or parsed[0].weekday() == wd):
                days.add(_plus(parsed[0], shifts[f.start]))
    return days.pop() if len(days) == 1 else None


def _anchors(text: str, found, lang: str, tense: Tense | None) -> list[tuple[date, str | None]]:
    """Full dates written with their (matching) weekday, with the tense governing them."""
    out = []
    shifts = _deictic_shifts(text, found, lang)
    for f in found:
        if f.type != "date" or f.precision != "day" or not f.value or len(f.value) != 10:
            continue
        wd = _weekday_in(text[f.start:f.end], lang)
        d = value_to_date(f.value)
        if wd is None or d is None or d[0].weekday() != wd:
            continue
        if f.start in shifts:  # "hier, mardi 2 décembre": the day after it, exactly
            out.append((_plus(d[0], shifts[f.start]), DEICTIC))
        else:
            out.append((d[0], _tense_of(tense, f)))
    return out


def _bare_weekdays(text: str, found, lang: str, tense: Tense | None) -> list[tuple[int, str | None]]:
    """Weekdays named without a date ("mercredi", "ce mardi", "lundi soir"), with their tense."""
    out = []
    shifts = _deictic_shifts(text, found, lang)
    for f in found:
        if f.type != "date" or f.value or f.data.get("day") or f.data.get("month"):
            continue
        wd = _weekday_in(text[f.start:f.end], lang)
        if wd is not None and f.start in shifts:  # "hier mardi": written on a Wednesday
            out.append(((wd + shifts[f.start]) % 7, DEICTIC))
        elif wd is not None:
            out.append((wd, _tense_of(tense, f)))
    return out


def _weekday_cost(day: date, weekdays: list[tuple[int, str | None]]) -> int:
    """Days between the publication day and the weekdays it names (past: back, future: ahead)."""
    cost = 0
    for wd, t in weekdays:
        if t == DEICTIC:
            cost += 0 if day.weekday() == wd else 7
        else:
            cost += (wd - day.weekday()) % 7 or 7 if t == "future" else (day.weekday() - wd) % 7
    return cost


def _day_anchors(text: str, lang: str, tense: Tense | None, window: tuple[date, date],
                 shifts: dict[int, int] | None = None) -> list[tuple[date, str | None]]:
    """"lundi 13" or "lundi 13 octobre" without a year, inside a known month or year: the one day
    of ``window`` that is a Monday the 13th (of October) (none when no day or several days are)."""
    first, last = window
    out = []
    plain = text.replace("’", "'")
    span = {(first.year + (first.month - 1 + i) // 12, (first.month - 1 + i) % 12 + 1)
            for i in range((last.year - first.year) * 12 + last.month - first.month + 1)}
    matches = [(m, None) for m in _WD_DAY[lang].finditer(plain)]
    matches += [(m, MONTHS[lang].get(m.group("m").lower())) for m in _WD_DATE[lang].finditer(plain)]
    for m, month in matches:
        wd = WEEKDAYS[lang].index(m.group("wd").lower())
        day = 1 if m.group("d").lower() == "1er" else int(m.group("d"))
        months = {(y, mo) for y, mo in span if month is None or mo == month}
        hits = []
        for y, mo in sorted(months):
            try:
                d = date(y, mo, day)
            except ValueError:
                continue
            if first <= d <= last and d.weekday() == wd:
                hits.append(d)
        if len(hits) == 1:
            if shifts and m.start() in shifts:  # "hier, mardi 3": the day after it, exactly
                out.append((_plus(hits[0], shifts[m.start()]), DEICTIC))
            else:
                out.append((hits[0], tense(m.start(), m.end()) if tense is not None else None))
    return out


def recent_day(text: str, found, lang: str, tense: Tense | None = None,
               window: tuple[date, date] | None = None) -> date | None:
    """The one publication day that dates written with their weekday (within ``NEAR_DAYS``, after
    them when told in the past, before them when in the future) and the bare weekdays agree on,
    inside ``window`` (the month or year the metadata gives; a "lundi 13" is a date there). None
    unless one day is best."""
    anchors = _anchors(text, found, lang, tense)
    if window is not None:
        shifts = _deictic_shifts(text, found, lang)
        anchors += [a for a in _day_anchors(text, lang, tense, window, shifts) if a not in anchors]
    weekdays = _bare_weekdays(text, found, lang, tense)
    lo, hi = window if window is not None else (None, None)
    for d, t in anchors:
        a_lo, a_hi = (d - timedelta(days=NEAR_DAYS), d - timedelta(days=1)) if t == "future" else (
            (d, d) if t == DEICTIC else (d, d + timedelta(days=NEAR_DAYS)))
        lo, hi = max(lo, a_lo) if lo else a_lo, min(hi, a_hi) if hi else a_hi
    if lo is None or hi is None or lo > hi or (not anchors and not weekdays):
        return None
    if not anchors and (hi - lo).days > 40:
        return None  # a bare weekday inside a whole year says nothing
    days = [lo + timedelta(days=i) for i in range((hi - lo).days + 1)]
    # a past or present anchor is most often the day itself ("ce lundi 13 octobre"); a future
    # one only bounds the day
    cost = {d: _weekday_cost(d, weekdays) + sum(abs((d - a).days) for a, t in anchors if t != "future")
            for d in days}
    best = min(cost.values())
    winners = [d for d, c in cost.items() if c == best]
    return winners[0] if len(winners) == 1 else None


def refine_published(text: str, published: str, lang: str = "fr", tense: Tense | None = None) -> date | None:
    """A day inside a month or year publication date ("date 2025-01" from metadata), when the
    text's weekdays settle it (see ``recent_day``)."""
    parsed = value_to_date(published)
    if parsed is None or parsed[1] not in ("month", "year"):
        return None
    first, precision = parsed
    if not date(2, 1, 1) <= first <= date(9998, 1, 1):
        return None  # a calendar's edge ("date 9999-12"): no day to look for around it
    last = add_months(first, 1) - timedelta(days=1) if precision == "month" else date(first.year, 12, 31)
    return recent_day(text, find(text, None, lang), lang, tense, (first, last))


# -- dates without a year in a text written during known terms ---------------------------------
# "samedi 12 avril", "dans la nuit du 17 au 18 mars", "le 19 janvier dernier": the publication day
# is the one day of the period that makes these dates most consistent: a date told in the past (or
# without tense) falls on or shortly before it, one told in the future after it, a date written
# with its weekday on a year where that weekday agrees, and the bare weekdays ("lundi soir") just
# before it. The period is the latest one the terms allow, from its start (or the latest dated
# reference of the text) over about a year; a period reaching further back than two years before
# what the knowledge base knows of (its latest term start) says too little.
SEARCH_DAYS = 400
_FAR = 400  # cost of a date that cannot fall near the day (its weekday never agrees)
_PLACED = 183  # a date that falls this far before every day of the period does not place the day
# "depuis la réunion du 28 février", "since the talks of 3 March": the date a state started, in
# the words just before it (same clause)
_SINCE_BEFORE = re.compile(r"(?<!\w)(?:depuis|since|à\s+partir\s+d[eu']|dès)\b[^,.;:!?«»\n]{0,30}$", re.IGNORECASE)
_PAST_WORDS = re.compile(r"\b(?:dernier|dernière|last)\b", re.IGNORECASE)
_NEXT_WORDS = re.compile(r"\b(?:prochain|prochaine|next)\b", re.IGNORECASE)


def _yearless(text: str, found, lang: str, tense: Tense | None,
              lo: date) -> list[tuple[int, int, int | None, str | None, str, int]]:
    """(month, day, weekday, tense, words, days from it to the publication day when named as
    yesterday or today, else 0) of every day-and-month date written without a year."""
    anchored = {f.start: f for f in find(text, fmt(lo, "day"), lang)}
    shifts = _deictic_shifts(text, found, lang)
    out = []
    for f in found:
        if f.type != "date" or f.value or f.kind != "relative" or f.precision != "day":
            continue
        if f.mod == "before":
            continue  # a time limit ("jusqu'au 12 août", "d'ici le 12 août") may lie on either side of the day
        month, day = f.data.get("month"), f.data.get("day")
        if not (month and day):
            a = anchored.get(f.start)
            parsed = value_to_date(a.value) if a is not None and a.value and len(a.value) == 10 else None
            if parsed is None or a.data.get("rel") or not re.search(r"\d", text[f.start:f.end]):
                continue
            month, day = parsed[0].month, parsed[0].day
        span = text[f.start:f.end]
        wd = f.data.get("weekday")
        wd = wd if wd is not None else _weekday_in(span, lang)
        t = "past" if _PAST_WORDS.search(span) else "future" if _NEXT_WORDS.search(span) else _tense_of(tense, f)
        if f.mod == "after" or _SINCE_BEFORE.search(text[max(0, f.start - 40):f.start]):
            t = "since"  # "depuis la réunion du 28 février": a state started then, the day is after it
        out.append((month, day, wd, DEICTIC if f.start in shifts else t, span, shifts.get(f.start, 0)))
    return out


def _date_cost(p: date, month: int, day: int, wd: int | None, t: str | None) -> int:
    occurrences = days_around(month, day, p, wd)
    if t == DEICTIC:  # "hier, le 3 mars" (``p`` already shifted by the caller): that day, exactly
        return min((2 * abs((p - d).days) for d in occurrences), default=_FAR)
    if t == "since":  # the start of a state only bounds the day from below
        return 0 if any(d < p and (p - d).days <= 366 for d in occurrences) else _FAR
    if t == "future":  # a date ahead only bounds the day
        return 0 if any(d >= p and (d - p).days <= 366 for d in occurrences) else _FAR
    before = [(p - d).days for d in occurrences if d <= p]
    if before or t == "past":  # told in the past or without tense: on or before the day
        return min(before, default=_FAR)
    return min((abs((p - d).days) for d in occurrences), default=_FAR)


def consistent_day(text: str, found, lang: str, tense: Tense | None,
                   during: list[tuple[date, date | None]], lower: date | None = None,
                   today: date | None = None, near_lower: bool = False) -> date | None:
    """The publication day that the text's yearless dates and weekdays agree on best inside the
    latest period of ``during`` (see above); None when the text has no such date or the period
    is too wide to tell. ``near_lower``: ``lower`` is a day or month the text names in full
    (news of its time), so a day far after it costs half a day per day ("Le 10 mai 2025, …
    samedi …, le 22 avril": May 2025, not a Saturday after 22 April of the next year)."""
    from dossier.timex.terms import kb_horizon

    lo, hi = during[-1]
    if lower is not None and lower > lo:
        lo = lower
    horizon = hi or kb_horizon()  # an open term: up to what the knowledge base knows of
    if horizon is None or (horizon - lo).days > 730 or (hi is not None and lo >= hi):
        return None
    dates = _yearless(text, found, lang, tense, lo)
    if not dates:
        return None
    weekdays = _bare_weekdays(text, found, lang, tense)
    if not weekdays and all(d[3] == "since" or (d[2] is None and d[3] == "past" and _PAST_WORDS.search(d[4]))
                            for d in dates):
        # only "le 10 mars dernier": a date the text recalls as past, whose weekday is not given,
        # bounds the day from below and places it nowhere (the cheapest day would be that date)
        return None
    last = lo + timedelta(days=SEARCH_DAYS)
    if hi is not None:
        last = min(last, hi - timedelta(days=1))
    last = min(last, today or date.today())  # not published in the future
    days = [lo + timedelta(days=i) for i in range((last - lo).days + 1)]
    costs = [[_date_cost(_plus(p, -d[5]), *d[:4]) for p in days] for d in dates]
    if any(d[2] is not None and min(c, default=_FAR) >= _PLACED for d, c in zip(dates, costs)):
        return None  # "mercredi 27 novembre" falls on no day of the period: the period is not the text's
    # a date no day of the period places near it (its weekday agrees with no year of the period,
    # or it falls half a year or more before it) is no evidence of where in the period the text
    # was written: with only such dates, the period's first day would win on no evidence at all
    costs = [c for c in costs if min(c, default=_FAR) < _PLACED]
    if not costs:
        return None
    anchor = lower if near_lower and lower is not None and lower >= lo else None
    best, best_cost, ties = None, None, []
    for i, p in enumerate(days):
        cost = sum(c[i] for c in costs) + _weekday_cost(p, weekdays)
        if anchor is not None:
            cost += (p - anchor).days / 2
        if best_cost is None or cost < best_cost:
            best, best_cost, ties = p, cost, [p]
        elif cost == best_cost:
            ties.append(p)
    if any(NEAR_DAYS < (t - ties[0]).days < _PLACED for t in ties):
        # as good a day in another week of the same months: the evidence (weekdays, a bound) does
        # not tell which week. (The same day a year later is the period's own doubt: its first
        # year is taken, see above.)
        return None
    return best


_START_WORDS = re.compile(r"\s*(?:depuis|since|à\s+partir|a\s+partir|dès|from)\b", re.IGNORECASE)
# "un conflit qui a éclaté en mai 2024", "the war that began in 2024": the date a state broke
# out on, which says no more of the text's time than "depuis mai 2024"
_OUTBREAK_BEFORE = re.compile(r"\b(?:éclat|eclat|commenc|début|debut|déclench|declench|broke\s+out|began|begun|started|erupted)"
                              r"\w*\s+(?:en|le|au|in|on)?\s*$", re.IGNORECASE)
_CLOCK_AFTER = re.compile(r"^\W{0,3}(?:à\s+|at\s+)?\d{1,2}\s*(?:h|:|heures?)\s*\d{0,2}", re.IGNORECASE)


_PLACE_BEFORE = re.compile(r"\s*(?:\(?[A-ZÀ-Þ][\w'’\-]+(?:[ \-][A-ZÀ-Þ][\w'’\-]+){0,2}\)?\s*(?:\([A-Z]{2,6}\))?\s*,?\s*)?(?:le\s+)?")
_DATELINE_END = re.compile(r"\s*[.:\-–—]")
_TIME_INSIDE = re.compile(r"\d{4}\s+à\s+\d{1,2}\s*(?:h|heures?)", re.IGNORECASE)


def _dateline(text: str, found) -> tuple[str, str] | None:
    """A dated line in the header: a full date alone on a short line, or followed by a clock time."""
    for f in found:
        if f.start > 600:
            break
        if f.kind != "absolute" or f.precision != "day" or not f.value:
            continue
        line_start = text.rfind("\n", 0, f.start) + 1
        line_end = text.find("\n", f.end)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        with_time = _CLOCK_AFTER.match(text[f.end : f.end + 16]) or _TIME_INSIDE.search(text[f.start : f.end])
        # a press dateline opening the body: "Tahiti, le 17 août 2025. Le ministre …"
        opening = _PLACE_BEFORE.fullmatch(text[line_start : f.start]) and _DATELINE_END.match(text[f.end : f.end + 3])
        if len(line.strip()) <= 60 or with_time or opening:
            return f.value, "day"
    return None


_AFTER = {
    lang: re.compile(
        r"(?<!\w)(?:(?P<hedge>près de|presque|plus de|bientôt|nearly|almost|more than|over)\s+)?"
        r"(?P<n>\d+|" + alternation(k for k in NUMBERS[lang] if " " not in k) + r")\s+"
        + (r"(?P<unit>ans|an|années|année|mois|semaines|semaine|jours)\s+(?:jour pour jour\s+)?après"
           if lang == "fr" else r"(?P<unit>years|year|months|month|weeks|week|days)\s+(?:to the day\s+)?after")
        # what follows "après" is the event counted from ("l'attaque du ...", "le 7 octobre"), not
        # a comma ("Deux ans après, ..." counts from what was said before)
        + (r"\s+(?:l'|le\s|la\s|les\s|du\s|des\s|de\s|d'|un\s|une\s|son\s|sa\s|ses\s|leur\s|\d)"
           if lang == "fr" else r"\s+(?:the\s|a\s|an\s|his\s|her\s|its\s|their\s|\d)"),
        re.IGNORECASE,
    )
    for lang in ("fr", "en")
}
_AFTER_REACH = 100  # the event "après" counts from is named within this many characters
_UNIT_DAYS = {"Y": 365.25, "M": 30.44, "W": 7, "D": 1}


def _unit_of(word: str) -> str:
    w = word.lower()
    return ("Y" if w.startswith(("an", "ann", "year")) else "M" if w.startswith(("mois", "month"))
            else "W" if w.startswith(("semaine", "week")) else "D")


def _dated_in_sentence(found, start: int, end: int):
    """The absolute dates (days, months, years) starting in [start, end): the events an offset
    in that part of a sentence may count from."""
    return [g for g in found if g.kind == "absolute" and g.type == "date" and g.value and g.mod != "before"
            and start <= g.start < end
            and g.precision in ("day", "month", "year")]


def _offset_range(ref: date, n: float, unit: str, hedge: str | None) -> tuple[date, date] | None:
    """The period 'N units after ref' covers: a little under N when approximate ('près de'), a
    little over with 'plus de', about N otherwise (half a unit either side)."""
    days = n * _UNIT_DAYS[unit]
    slack = _UNIT_DAYS[unit] / 2 if unit in ("Y", "M") else max(1.0, _UNIT_DAYS[unit] / 2)
    low, high = {"approx": (days - 0.7 * slack, days), "before": (days, days + slack)}.get(
        hedge or "", (days - slack, days + slack))
    try:
        return ref + timedelta(days=round(low)), ref + timedelta(days=round(high))
    except OverflowError:
        return None


_HEDGE_MOD = {"près de": "approx", "presque": "approx", "bientôt": "approx", "nearly": "approx",
              "almost": "approx", "plus de": "before", "more than": "before", "over": "before"}


def _year_votes(found, text: str, sentences, lang: str = "fr") -> list[tuple[date, date]]:
    """(earliest, latest) publication ranges implied by offsets from dated events: 'il y a N
    ans' / 'depuis N mois' next to a date the sentence names ('le 24 février 2022, il y a plus de
    trois ans'), or else next to a well-known event ('il y a presque trois ans' and 'invasion');
    'N ans après' a named date or event ('deux ans après l'attaque du 7 octobre 2023'); an
    anniversary ('à l'approche du troisième anniversaire de ...'); 'l'année dernière' and an event."""
    votes: list[tuple[date, date]] = []
    for f in found:
        s, e = _sentence_bounds(text, f.start, sentences)
        ctx_text = text[s:e]
        if f.kind == "anniversary" and f.value:  # already counted from a date or an event
            parsed = value_to_date(f.value)
            if parsed and date.min + timedelta(days=60) < parsed[0] < date.max - timedelta(days=30):
                votes.append((parsed[0] - timedelta(days=60), parsed[0] + timedelta(days=30)))
            continue
        unit = f.data.get("unit")
        if unit in ("Y", "M", "W", "D") and f.data.get("sign") == -1 and f.data.get("n"):
            refs = _dated_in_sentence(found, s, e)  # absolute dates: never the offset itself
            if refs:  # the sentence names the date the offset counts from
                ref = min(refs, key=lambda g: abs(g.start - f.start))
                parsed = value_to_date(ref.value)
                rng = _offset_range(parsed[0], f.data["n"], unit, f.mod) if parsed else None
                if rng:
                    votes.append(rng)
                continue
        events = events_near(ctx_text)
        if not events:
            continue
        ev_day = value_to_date(events[0].date)[0]
        if unit in ("Y", "M") and f.data.get("sign") == -1:
            n = f.data["n"] if unit == "Y" else f.data["n"] / 12
            # "près de N ans" is a little under N; "plus de N ans" a little over
            low, high = {"approx": (n - 0.35, n), "before": (n, n + 0.5)}.get(f.mod, (n - 0.5, n + 0.5))
            rng = (shift(ev_day, "Y", low), shift(ev_day, "Y", high))
            if rng[0] and rng[1]:
                votes.append(rng)
        elif f.data.get("calendar_unit") == "Y" and f.data.get("step") == -1:  # "l'année dernière"
            y = ev_day.year + 1
            votes.append((date(y, 1, 1), date(y, 12, 31)))
        elif f.kind == "anniversary" and f.data.get("years") and f.value is None:
            d = shift(ev_day, "Y", f.data["years"])
            if d and date.min + timedelta(days=60) < d < date.max - timedelta(days=30):
                votes.append((d - timedelta(days=60), d + timedelta(days=30)))
    for m in _AFTER[lang].finditer(text.replace("’", "'")):  # "deux ans après l'attaque du 7 octobre 2023"
        n = parse_number(m.group("n"), lang)
        if not n:
            continue
        s, e = _sentence_bounds(text, m.start(), sentences)
        if _dated_in_sentence(found, s, m.start()):
            continue  # "En 2016, deux ans après l'annexion": the sentence tells a dated past
        reach = min(e, m.end() + _AFTER_REACH)
        refs = _dated_in_sentence(found, m.end() - 2, reach)
        if refs:
            ref = min(refs, key=lambda g: g.start)
            parsed = value_to_date(ref.value)
            ref_day = parsed[0] if parsed else None
        else:
            events = events_near(text[m.end() - 2:reach])
            ref_day = value_to_date(events[0].date)[0] if events else None
        if ref_day is None:
            continue
        hedge = (m.group("hedge") or "").lower()
        rng = _offset_range(ref_day, n, _unit_of(m.group("unit")), _HEDGE_MOD.get(hedge))
        if rng:
            votes.append(rng)
    return votes


def _weekday_dates(text: str, lang: str) -> list[tuple[int, int, list[int]]]:
    """(day, month, agreeing years) for every 'mardi 2 décembre' written without a year."""
    out = []
    for m in _WD_DATE[lang].finditer(text):
        wd = WEEKDAYS[lang].index(m.group("wd").lower())
        day = 1 if m.group("d").lower() == "1er" else int(m.group("d"))
        month = MONTHS[lang].get(m.group("m").lower())
        years = [y for y in range(1990, 2041) if _weekday_ok(y, month, day, wd)]
        if years:
            out.append((day, month, years))
    return out


def _inside(day: date, during: list[tuple[date, date | None]] | None) -> bool:
    """``day`` falls in one of the periods (start inclusive, end exclusive); True without periods."""
    return not during or any(s <= day and (e is None or day < e) for s, e in during)


def _year_inside(year: int, during: list[tuple[date, date | None]] | None) -> bool:
    """Some day of ``year`` falls in one of the periods; True without periods."""
    return not during or any(s.year <= year and (e is None or date(year, 1, 1) < e) for s, e in during)


def _weekday_year(day: int, month: int, years: list[int], span: tuple[date, date] | None, lower: date | None,
                  news: bool, during: list[tuple[date, date | None]] | None, today: date) -> date | None:
    """The date of a "mardi 2 décembre" written without its year. Of the years its weekday agrees
    with, only those not before the latest dated reference (``lower``), not after ``today`` and
    inside the terms of the text's offices (``during``) remain: the one nearest the period the
    known-event offsets point at (``span``), if within half a year of it (a period the remaining
    years all miss, e.g. one after ``today``, dates nothing); without such offsets, the first one after the
    latest dated reference when that is a day or month (``news``); else the only one the terms
    leave. None otherwise: a weekday agrees with a year in seven, so it alone never picks the year."""
    cands = [date(y, month, day) for y in years]
    cands = [c for c in cands if (lower is None or c >= lower) and c <= today and _inside(c, during)]
    if not cands:
        return None
    if span is not None:
        lo, hi = span
        centre = lo + (hi - lo) / 2
        best = min(cands, key=lambda c: abs((c - centre).days))
        near = lo - timedelta(days=183) <= best <= hi + timedelta(days=183)
        return best if near else None
    if news:
        return min(cands)
    return cands[0] if during and len(cands) == 1 else None


def _sentence_bounds(text: str, pos: int, sentences) -> tuple[int, int]:
    for s, e in sentences:
        if s <= pos < e:
            return s, e
    return max(0, pos - 200), min(len(text), pos + 200)


def _weekday_ok(y: int, month: int | None, day: int, wd: int) -> bool:
    try:
        return month is not None and date(y, month, day).weekday() == wd
    except ValueError:
        return False


def _span(ranges: list[tuple[date, date]]) -> tuple[date, date] | None:
    """The period the ranges agree on (their intersection, or their hull when they disagree)."""
    if not ranges:
        return None
    lo = max(r[0] for r in ranges)
    hi = min(r[1] for r in ranges)
    if lo > hi:
        lo, hi = min(r[0] for r in ranges), max(r[1] for r in ranges)
    return lo, hi


def _month_from_mentions(found, lo: date, hi: date) -> date | None:
    """Publication month within [lo, hi] from month names without a year ('en novembre')."""
    best = None
    for f in found:
        month = f.data.get("month")
        if not month or f.data.get("day") or f.data.get("rel"):
            continue
        for y in (lo.year, hi.year):
            start = date(y, month, 1)
            # a month named as past ('en novembre') is over: publication is the month after it
            pub = add_months(start, 1) if f.mod is None else start
            if date(lo.year, lo.month, 1) <= pub <= hi and (best is None or pub > best):
                best = pub
    return best


__all__ = ["Inferred", "consistent_day", "explain_published", "infer_published", "refine_published", "recent_day"]
