"""Rule handlers: a regex match (+ anchor, tense) -> a resolved :class:`Found`.

Relative values are computed on the anchor's representative day and then written at the coarser
of the expression's precision and the anchor's (a weekday under a month-precision anchor gives
the month).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from dossier.timex.calendar import Anchor, coarser, days_around, fmt, season_of, season_start
from dossier.timex.lexicon import HOLIDAYS, MONTHS, SEASONS, WEEKDAYS

EXCLUDE = "exclude"
PAST, PRESENT, FUTURE = "past", "present", "future"


@dataclass
class Found:
    start: int = 0
    end: int = 0
    type: str = "date"
    value: str | None = None
    precision: str = "day"
    mod: str | None = None
    kind: str = "relative"  # absolute|relative|deictic|anaphora|anniversary|clock|duration|set|vague
    day: date | None = None  # representative day of a date value
    data: dict = field(default_factory=dict)


@dataclass
class Ctx:
    text: str
    anchor: Anchor | None
    lang: str = "fr"
    tense: Callable[[int, int], str | None] = lambda s, e: None

    def rel(self, d: date | None, precision: str, mod: str | None = None, kind: str = "relative") -> Found:
        """A date relative to the anchor, written no finer than the anchor is known."""
        if d is None or self.anchor is None:
            return Found(value=None, precision=precision, mod=mod, kind=kind)
        p = coarser(precision, self.anchor.precision)
        return Found(value=fmt(d, p), precision=p, mod=mod, kind=kind, day=d)


def group_lower(m, name: str) -> str | None:
    """Lower-cased text of a named group (None when absent), apostrophes normalised."""
    try:
        v = m.group(name)
    except IndexError:
        return None
    return v.lower().replace("’", "'") if v else None


_SINCE = re.compile(
    r"(?<!\w)(?:depuis|since)\s+(?:(?:le|la|l'|the|début|fin|mi-|mois|de|d'|du|early|late|mid-)\s*){0,3}$",
    re.IGNORECASE,
)


_BY = re.compile(r"(?<!\w)d'ici\s+(?:(?:à|au|la|le|l'|fin|début|mi-)\s*){0,3}$", re.IGNORECASE)


def tense_of(m, ctx: Ctx) -> str | None:
    """Tense governing the match; 'depuis'/'since' before it looks back, "d'ici" forward."""
    before = ctx.text[max(0, m.start() - 30) : m.start()].replace("’", "'")
    if _SINCE.search(before):
        return PAST
    if _BY.search(before):
        return FUTURE
    return ctx.tense(m.start(), m.end())


def rel_direction(rel: str | None) -> str | None:
    """past/present/future of a relative word (dernier, prochain, this, ...)."""
    if not rel:
        return None
    if rel.startswith(("dernier", "dernière", "passé", "précédent", "écoulé", "last", "past", "previous")):
        return PAST
    if rel.startswith(("prochain", "suivant", "next", "coming")):
        return FUTURE
    if rel.startswith(("this", "en cours", "cette", "ce")):
        return PRESENT
    if "dernière" in rel or "passée" in rel or "précédente" in rel or "dernier" in rel or "passé" in rel:
        return PAST
    if "prochaine" in rel or "suivante" in rel or "prochain" in rel:
        return FUTURE
    return PRESENT


def exclude(m, ctx):
    return EXCLUDE


# ----------------------------------------------------------------- absolute and calendar dates
def _month_num(word: str | None, lang: str) -> int | None:
    if not word:
        return None
    if word.isdigit():
        return int(word)
    return MONTHS[lang].get(word.lower())


def _weekday_year(month: int, day: int, wd: str | None, ctx: Ctx) -> date | None:
    """"samedi 19 avril" without a year: the year, next to the anchor's, whose 19 April is a
    Saturday (the weekday settles it whatever the tense)."""
    if not wd or wd not in WEEKDAYS[ctx.lang]:
        return None
    target = WEEKDAYS[ctx.lang].index(wd)
    a = ctx.anchor.day
    cands = days_around(month, day, a, target)
    return min(cands, key=lambda d: abs((d - a).days)) if cands else None


def _nearest_year(month: int, day: int, ctx: Ctx, direction: str | None) -> date | None:
    a = ctx.anchor.day
    cands = days_around(month, day, a)
    if not cands:
        return None
    if direction == PAST:
        past = [c for c in cands if c <= a]
        return max(past) if past else min(cands)
    if direction == FUTURE:
        fut = [c for c in cands if c >= a]
        return min(fut) if fut else max(cands)
    return min(cands, key=lambda c: (abs((c - a).days), c > a))


def full_date(m, ctx):
    day_s = group_lower(m, "d")
    day = 1 if day_s in ("1er", "premier") else int(day_s)
    month = _month_num(group_lower(m, "m"), ctx.lang)
    year = group_lower(m, "y")
    if not month:
        return None
    if year:
        try:
            d = date(int(year), month, day)
        except ValueError:
            return None
        return Found(value=d.isoformat(), precision="day", kind="absolute", day=d)
    if ctx.anchor is None:
        wd = group_lower(m, "wd")
        return Found(
            value=None,
            precision="day",
            kind="relative",
            data={"month": month, "day": day, "weekday": WEEKDAYS[ctx.lang].index(wd) if wd else None},
        )
    rel = rel_direction(group_lower(m, "rel"))
    tense = rel or tense_of(m, ctx)
    d = _weekday_year(month, day, group_lower(m, "wd"), ctx) or _nearest_year(
        month, day, ctx, tense if tense in (PAST, FUTURE) else None)
    if d is None:
        return None
    if ctx.anchor.precision == "year" and abs(d.month - ctx.anchor.day.month) > 5:
        return Found(value=None, precision="day", kind="relative")
    return Found(value=d.isoformat(), precision="day", kind="relative", day=d)


def day_range(m, ctx):
    month = _month_num(group_lower(m, "m2"), ctx.lang)
    month1 = _month_num(group_lower(m, "m1"), ctx.lang) or month
    year = group_lower(m, "y")
    out = []
    for group, mon in (("d1", month1), ("d2", month)):
        ds = group_lower(m, group)
        day = 1 if ds == "1er" else int(ds)
        try:
            if year:
                d = date(int(year), mon, day)
            elif ctx.anchor:
                d = _nearest_year(mon, day, ctx, tense_of(m, ctx))
            else:
                d = None
        except ValueError:
            return None
        f = Found(value=d.isoformat() if d else None, precision="day", kind="absolute" if year else "relative", day=d)
        f.start, f.end = (
            (m.start(), m.start(group) + len(m.group(group))) if group == "d1" else (m.start(group), m.end())
        )
        if group == "d1" and m.group("m1"):
            f.end = m.end("m1")
        out.append(f)
    return out


def night_of_days(m, ctx):
    """"la nuit du 17 au 18 mars": one night, dated by the day it ends on (what happened "in the
    night" is reported as of that morning)."""
    days = day_range(m, ctx)
    if not days:
        return None
    night = days[-1]
    night.start, night.end = m.start(), m.end()
    return [night]


def year_range(m, ctx):
    out = []
    for group in ("y1", "y2"):
        y = int(m.group(group))
        f = Found(value=f"{y:04d}", precision="year", kind="absolute", day=date(y, 7, 1))
        f.start, f.end = (m.start(), m.end("y1")) if group == "y1" else (m.start("y2"), m.end())
        out.append(f)
    return out


_MONTH_CUE = re.compile(
    r"(?:en|depuis|dès|début|fin|mi-|courant|d'ici|jusqu'en|avant|après|de|d'|du mois de)\s*$", re.IGNORECASE
)


def month(m, ctx):
    mon = _month_num(group_lower(m, "m"), ctx.lang)
    year = group_lower(m, "y")
    if not mon:
        return None
    word = m.group("m")
    if (
        ctx.lang == "fr"
        and not year
        and word[0].isupper()
        and "rel" not in m.re.groupindex
        and not _MONTH_CUE.search(ctx.text[max(0, m.start() - 15) : m.start()].replace("’", "'"))
    ):
        return None  # a capitalised bare month name in French is rather a name ("Mars")
    if year:
        d = date(int(year), mon, 1)
        return Found(value=fmt(d, "month"), precision="month", kind="absolute", day=d)
    rel = group_lower(m, "rel") or ""
    if ctx.anchor is None:
        return Found(value=None, precision="month", data={"month": mon, "rel": rel})
    a = ctx.anchor.day
    if "année" in rel or "l'an" in rel or "cette" in rel:
        offset = (
            -1
            if ("dernière" in rel or "passé" in rel or "dernier" in rel or "précédente" in rel)
            else (1 if ("prochain" in rel or "suivante" in rel) else 0)
        )
        d = date(a.year + offset, mon, 1)
        return ctx.rel(d, "month")
    direction = rel_direction(rel) if rel else tense_of(m, ctx)
    this = date(a.year, mon, 1)
    cur = date(a.year, a.month, 1)
    if rel in ("dernier", "passé", "last"):
        d = this if this < cur else date(a.year - 1, mon, 1)
    elif rel in ("prochain", "next"):
        d = this if this > cur else date(a.year + 1, mon, 1)
    elif rel == "this":
        d = this
    elif direction == FUTURE:
        d = this if this >= cur else date(a.year + 1, mon, 1)
    else:
        d = this if this <= cur else date(a.year - 1, mon, 1)
    if ctx.anchor.precision == "year":
        return Found(value=None, precision="month")
    return ctx.rel(d, "month")


def season(m, ctx):
    code = SEASONS[ctx.lang][group_lower(m, "s")]
    year = group_lower(m, "y")
    if year:
        d = season_start(int(year), code)
        return Found(value=f"{int(year):04d}-{code}", precision="season", kind="absolute", day=d)
    if ctx.anchor is None:
        return Found(value=None, precision="season")
    a = ctx.anchor.day
    rel = group_lower(m, "rel") or group_lower(m, "pre") or ""
    direction = (
        rel_direction(rel.strip())
        if rel.strip() in ("dernier", "passé", "prochain", "last", "next")
        else tense_of(m, ctx)
    )
    y, cur = season_of(a)
    cands = [season_start(yy, code) for yy in (y - 1, y, y + 1)]
    here = season_start(y, cur)
    if direction == FUTURE:
        d = (
            min(c for c in cands if c >= here)
            if rel.strip() not in ("prochain", "next")
            else min(c for c in cands if c > here)
        )
    elif rel.strip() in ("dernier", "passé", "last"):
        d = max(c for c in cands if c < here)
    else:
        d = max(c for c in cands if c <= here)
    yy, cc = season_of(d)
    return Found(value=f"{yy:04d}-{cc}", precision=coarser("season", ctx.anchor.precision), day=d)


def decade(m, ctx):
    dec = m.group("dec")
    y = int(dec) if len(dec) == 4 else (1900 + int(dec) if int(dec) >= 30 else 2000 + int(dec))
    return Found(value=f"{y // 10:03d}", precision="decade", kind="absolute", day=date(y, 1, 1))


def year(m, ctx):
    y = int(m.group("y"))
    if y < 1800 or y > 2100:
        return None
    return Found(value=f"{y:04d}", precision="year", kind="absolute", day=date(y, 7, 1))


# ----------------------------------------------------------------- weekdays and deictic words
def weekday(m, ctx):
    target = WEEKDAYS[ctx.lang].index(group_lower(m, "wd"))
    if ctx.anchor is None:
        return Found(value=None, precision="day")
    a = ctx.anchor.day
    rel = group_lower(m, "rel")
    direction = rel_direction(rel) if rel and rel not in ("on", "early", "late", "this") else None
    if direction is None:
        tense = tense_of(m, ctx)
        if tense == PRESENT:
            # "Macron reçoit lundi...": the nearer of last and next such day (ties go back)
            back = (a.weekday() - target) % 7
            direction = FUTURE if 7 - back < back else PAST
        else:
            direction = FUTURE if tense == FUTURE else PAST
    if rel in ("dernier", "passé", "last", "précédent"):
        delta = (a.weekday() - target) % 7 or 7
        d = a - timedelta(days=delta)
    elif rel in ("prochain", "next", "suivant"):
        delta = (target - a.weekday()) % 7 or 7
        d = a + timedelta(days=delta)
    elif direction == FUTURE:
        d = a + timedelta(days=(target - a.weekday()) % 7)
    else:
        d = a - timedelta(days=(a.weekday() - target) % 7)
    return ctx.rel(d, "day")


def weekday_set(m, ctx):
    target = WEEKDAYS[ctx.lang].index(group_lower(m, "wd"))
    return Found(type="set", value=f"XXXX-WXX-{target + 1}", precision="unknown", kind="set")


_DAY_WORDS = {
    "avant-hier": -2,
    "après-demain": 2,
    "aujourd'hui": 0,
    "hier": -1,
    "demain": 1,
    "ce matin": 0,
    "ce soir": 0,
    "cet après-midi": 0,
    "ce midi": 0,
    "cette nuit": 0,
    "la nuit dernière": 0,
    "cette matinée": 0,
    "cette soirée": 0,
    "ce jour": 0,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
    "today": 0,
    "yesterday": -1,
    "tomorrow": 1,
    "this morning": 0,
    "this evening": 0,
    "this afternoon": 0,
    "tonight": 0,
    "last night": 0,
    "overnight": 0,
}


def deictic_day(m, ctx):
    w = " ".join(group_lower(m, "w").split())
    offset = _DAY_WORDS.get(w, 0)
    if ctx.anchor is None:
        return Found(value=None, precision="day", kind="deictic")
    return ctx.rel(ctx.anchor.day + timedelta(days=offset), "day", kind="deictic")


_ANAPHORA_SHIFT = {
    "la veille": -1,
    "le lendemain": 1,
    "le surlendemain": 2,
    "the day before": -1,
    "the next day": 1,
    "the following day": 1,
}


def anaphora(m, ctx):
    w = " ".join(group_lower(m, "w").split())
    mod = "after" if w.startswith(("depuis", "since")) else None
    return Found(
        value=None, precision="day", mod=mod, kind="anaphora", data={"shift": _ANAPHORA_SHIFT.get(w, 0), "word": w}
    )


_LEAD_WORDS = frozenset("et mais puis or and but then so".split())
_SENTENCE_END = ".!?\n"


def sentence_initial(text: str, start: int) -> bool:
    """Nothing but a coordinating word ("Et", "Mais") between a sentence's start and ``start``."""
    head = text[max(0, start - 40):start].rstrip()
    words = head.split()
    if words and words[-1].strip(",").lower() in _LEAD_WORDS:
        head = head[: head.rstrip().rfind(words[-1])].rstrip()
    return not head or head[-1] in _SENTENCE_END


def hours_around(m, ctx):
    """"Quelques heures plus tôt, …" opening a sentence: the same day as the date the text gave
    last (resolved as an anaphora). Inside a sentence the offset counts from another event of it
    ("suivi 12 heures plus tard") and is no date of its own."""
    if not sentence_initial(ctx.text, m.start()):
        return EXCLUDE
    w = " ".join(group_lower(m, "w").split())
    return Found(value=None, precision="day", kind="anaphora", data={"shift": 0, "word": w})


def anniversary(m, ctx):
    o = group_lower(m, "ord") or ""
    ords = {
        "premier": 1,
        "first": 1,
        "deuxième": 2,
        "second": 2,
        "troisième": 3,
        "third": 3,
        "quatrième": 4,
        "fourth": 4,
        "cinquième": 5,
        "fifth": 5,
        "sixième": 6,
        "sixth": 6,
        "septième": 7,
        "seventh": 7,
        "huitième": 8,
        "eighth": 8,
        "neuvième": 9,
        "ninth": 9,
        "dixième": 10,
        "tenth": 10,
    }
    n = ords.get(o)
    if n is None:
        digits = "".join(ch for ch in o if ch.isdigit())
        n = int(digits) if digits else None
    return Found(value=None, precision="day", kind="anniversary", data={"years": n})


def easter(year: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    month = (h + ll - 7 * m + 114) // 31
    day = (h + ll - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def _holiday_on(name: str, lang: str, year: int) -> date:
    spec = HOLIDAYS[lang][name]
    if spec is None:
        return easter(year)
    if spec == "thanksgiving":  # fourth Thursday of November
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    return date(year, spec[0], spec[1])


def holiday(m, ctx):
    name = " ".join(group_lower(m, "h").split())
    year = group_lower(m, "y")
    if year:
        d = _holiday_on(name, ctx.lang, int(year))
        return Found(value=d.isoformat(), precision="day", kind="absolute", day=d)
    if ctx.anchor is None:
        return Found(value=None, precision="day")
    a = ctx.anchor.day
    cands = [_holiday_on(name, ctx.lang, y) for y in (a.year - 1, a.year, a.year + 1)]
    tense = tense_of(m, ctx)
    if tense == PAST:
        d = max(c for c in cands if c <= a)
    elif tense == FUTURE:
        d = min(c for c in cands if c >= a)
    else:
        d = min(cands, key=lambda c: abs((c - a).days))
    return ctx.rel(d, "day")
