"""Rule handlers for periods and quantities: weeks/months/years around the anchor, offsets
("il y a trois jours", "dans un an"), recent periods ("la dernière quinzaine"), clock times,
durations and vague present/past words.
"""

from __future__ import annotations

from datetime import date, timedelta

from dossier.timex.calendar import shift
from dossier.timex.lexicon import HEDGES, UNITS, parse_number
from dossier.timex.resolve import FUTURE, PAST, PRESENT, Found, group_lower, rel_direction, tense_of


def weekend(m, ctx):
    if ctx.anchor is None:
        return Found(value=None, precision="week")
    a = ctx.anchor.day
    det = (group_lower(m, "det") or "").strip()
    rel = group_lower(m, "rel") or ""
    future = rel in ("prochain",) or det == "next" or (det in ("ce", "this") and tense_of(m, ctx) == FUTURE)
    if future:
        sat = (
            a + timedelta(days=(5 - a.weekday()) % 7 or 7)
            if det == "next" or rel == "prochain"
            else a + timedelta(days=(5 - a.weekday()) % 7)
        )
    else:
        back = (a.weekday() - 5) % 7
        if rel in ("dernier", "passé") or det in ("last", "le dernier", "ce dernier"):
            back = back if a.weekday() not in (5, 6) else back + 7
        sat = a - timedelta(days=back)
    return ctx.rel(sat, "week")


_UNIT_PREC = {
    "semaine": "week",
    "week": "week",
    "mois": "month",
    "month": "month",
    "an": "year",
    "année": "year",
    "year": "year",
    "trimestre": "month",
    "quarter": "month",
    "décennie": "decade",
    "decade": "decade",
    "journée": "day",
    "matinée": "day",
    "après-midi": "day",
    "soirée": "day",
}
_UNIT_STEP = {"week": ("W", 1), "month": ("M", 1), "year": ("Y", 1), "decade": ("DE", 1), "day": ("D", 1)}


def unit_rel(m, ctx):
    u = group_lower(m, "u")
    rel = group_lower(m, "rel")
    det = (group_lower(m, "det") or "").strip()
    if not rel and det not in ("cette", "ce", "cet", "this"):
        return None
    precision = _UNIT_PREC[u]
    direction = rel_direction(rel) if rel else PRESENT
    unit, n = _UNIT_STEP[precision]
    if u in ("trimestre", "quarter"):
        unit, n = "M", 3
    step = -n if direction == PAST else (n if direction == FUTURE else 0)
    if rel and rel.startswith(("suivant", "précédent")):
        # "la semaine suivante", "l'année précédente": relative to the last date named, not to today
        return Found(
            value=None,
            precision=precision,
            kind="anaphora",
            data={"calendar_unit": unit, "step": step, "anaphoric": True},
        )
    if ctx.anchor is None:
        return Found(value=None, precision=precision, data={"calendar_unit": unit, "step": step})
    return ctx.rel(shift(ctx.anchor.day, unit, step), precision)


def unit_part(m, ctx):
    u = group_lower(m, "u")
    pos = group_lower(m, "pos")
    rel = group_lower(m, "rel")
    precision = _UNIT_PREC[u]
    mod = {
        "début": "start",
        "beginning": "start",
        "start": "start",
        "early": "start",
        "fin": "end",
        "end": "end",
        "late": "end",
        "milieu": "mid",
        "middle": "mid",
        "mid": "mid",
    }.get(pos)
    if ctx.anchor is None:
        return Found(value=None, precision=precision, mod=mod)
    txt = m.group(0).lower()
    direction = (
        rel_direction(rel)
        if rel
        else (FUTURE if " next " in f" {txt} " else PAST if " last " in f" {txt} " else PRESENT)
    )
    unit, n = _UNIT_STEP[precision]
    step = -n if direction == PAST else (n if direction == FUTURE else 0)
    return ctx.rel(shift(ctx.anchor.day, unit, step), precision, mod=mod)


def _quantity(m, ctx) -> tuple[float | None, str, str, str | None, bool]:
    """(number, ISO unit, precision of a point, hedge mod, vague?) from groups qty/unit/hedge."""
    qty = group_lower(m, "qty") or ""
    n = parse_number(qty, ctx.lang)
    vague = qty.strip() in ("quelques", "plusieurs", "des", "a few", "few", "several") or qty.startswith(("une ", "a "))
    if n is None and qty.strip() in ("a", "an", "un", "une"):
        n = 1.0
    unit_word = group_lower(m, "unit")
    iso, precision = UNITS[ctx.lang][unit_word]
    hedge = group_lower(m, "hedge")
    mod = HEDGES[ctx.lang].get(" ".join(hedge.split())) if hedge else None
    if vague and qty.strip() not in ("une", "a", "an", "un"):
        mod = "approx"
    if iso == "D" and n in (8, 15) and ctx.lang == "fr":  # "huit jours", "quinze jours" = one/two weeks
        iso, n, precision = "W", (1 if n == 8 else 2), "week"
    return n, iso, precision, mod, vague


def _offset(m, ctx, sign: int, mod_default: str | None = None, kind: str = "relative") -> Found | None:
    n, iso, precision, mod, _ = _quantity(m, ctx)
    if n is None:
        return None
    if iso in ("H", "MIN"):
        precision = "day"
    data = {"unit": iso, "n": n, "sign": sign}
    if ctx.anchor is None:
        return Found(value=None, precision=precision, mod=mod or mod_default, kind=kind, data=data)
    d = ctx.anchor.day if iso in ("H", "MIN") else shift(ctx.anchor.day, iso, sign * n)
    f = ctx.rel(d, precision, mod=mod or mod_default, kind=kind)
    f.data = data
    return f


def offset_past(m, ctx):
    return _offset(m, ctx, -1)


def offset_since(m, ctx):
    return _offset(m, ctx, -1, mod_default="after")


def offset_future(m, ctx):
    pre = group_lower(m, "pre")
    return _offset(m, ctx, 1, mod_default="before" if pre in ("d'ici", "within") else None)


def vague_recent(m, ctx):
    if ctx.anchor is None:
        return Found(value=None, precision="month", mod="approx", kind="vague")
    return ctx.rel(ctx.anchor.day, "month", mod="approx", kind="vague")


def last_n(m, ctx):
    """'au cours des trois derniers mois', 'la dernière quinzaine', 'ces derniers jours': the period's middle."""
    qty = group_lower(m, "qty") or group_lower(m, "qty2")
    n = parse_number(qty, ctx.lang) if qty else None
    iso, _ = UNITS[ctx.lang][group_lower(m, "unit")]
    if n is None:
        n = (
            1.0
            if iso == "QD" or not qty and group_lower(m, "dir") in ("dernière", "dernier", "prochaine", "prochain")
            else 3.0
        )
    d_word = group_lower(m, "dir") or ""
    sign = 1 if d_word.startswith(("prochain", "next", "coming", "à venir", "qui viennent")) else -1
    days = {"D": 1, "W": 7, "QD": 14, "M": 30, "Y": 365, "DE": 3650, "H": 1 / 24, "MIN": 1 / 1440}.get(iso, 1) * n
    precision = "week" if days <= 10 else "month" if days <= 100 else "year" if days <= 800 else "decade"
    if ctx.anchor is None:
        return Found(value=None, precision=precision, mod="approx")
    return ctx.rel(shift(ctx.anchor.day, "D", sign * days / 2), precision, mod="approx")


# ----------------------------------------------------------------- clock times and durations
def clock(m, ctx):
    word = group_lower(m, "w")
    if word in ("midi", "minuit"):
        h, mi = (12 if word == "midi" else 0), 0
    else:
        h = int(m.group("h"))
        mi = int(m.group("mi") or 0)
    ampm = group_lower(m, "ampm")
    if ampm and ampm.startswith("p") and h < 12:
        h += 12
    if ampm and ampm.startswith("a") and h == 12:
        h = 0
    if h > 24:
        return None
    pre = group_lower(m, "pre")
    mod = {
        "vers": "approx",
        "aux alentours de": "approx",
        "autour de": "approx",
        "around": "approx",
        "avant": "before",
        "peu avant": "before",
        "jusqu'à": "before",
        "before": "before",
        "until": "before",
        "by": "before",
        "après": "after",
        "peu après": "after",
        "dès": "after",
        "à partir de": "after",
        "after": "after",
        "from": "after",
    }.get(pre or "")
    return Found(type="time", value=None, precision="time", mod=mod, kind="clock", data={"h": h % 24, "mi": mi})


def duration(m, ctx):
    n, iso, _, mod, vague = _quantity(m, ctx)
    unit2 = group_lower(m, "unit2") if "unit2" in m.re.groupindex else None
    if unit2:
        return None
    if n is None:
        return None
    count = "X" if vague and n != 1 else (f"{n:g}")
    if iso == "QD":
        iso, count = "D", ("X" if vague and n != 1 else f"{14 * n:g}")
    if iso in ("H", "MIN"):
        value = f"PT{count}{'M' if iso == 'MIN' else 'H'}"
    elif iso == "DE":
        value = f"P{'X' if count == 'X' else f'{10 * n:g}'}Y"
    elif iso == "CE":
        value = f"P{'X' if count == 'X' else f'{100 * n:g}'}Y"
    else:
        value = f"P{count}{iso}"
    return Found(type="duration", value=value, precision="unknown", mod=mod, kind="duration")


_VAGUE = {
    # word -> (precision, mod, shift in years)
    "par le passé": ("year", "before", -1),
    "de longue date": ("year", "before", -1),
    "in the past": ("year", "before", -1),
    "long-standing": ("year", "before", -1),
    "récemment": ("month", "approx", 0),
    "dernièrement": ("month", "approx", 0),
    "recently": ("month", "approx", 0),
    "lately": ("month", "approx", 0),
    "précédemment": ("day", "before", 0),
    "auparavant": ("day", "before", 0),
    "previously": ("day", "before", 0),
    "jusqu'à présent": ("day", "before", 0),
    "jusqu'ici": ("day", "before", 0),
    "à ce jour": ("day", "before", 0),
    "so far": ("day", "before", 0),
    "to date": ("day", "before", 0),
    "until now": ("day", "before", 0),
    "thus far": ("day", "before", 0),
    "ces jours-ci": ("week", "approx", 0),
    "de nos jours": ("year", "approx", 0),
    "nowadays": ("year", "approx", 0),
}


def vague(m, ctx):
    w = " ".join(group_lower(m, "w").split())
    precision, mod, years = _VAGUE.get(w, ("day", None, 0))
    if "plus tôt" in w or w.startswith("earlier"):
        mod = "before"
        precision = (
            "week"
            if "semaine" in w or "week" in w
            else "month"
            if ("mois" in w or "month" in w)
            else "year"
            if ("année" in w or "year" in w)
            else "day"
        )
    if ctx.anchor is None:
        return Found(value=None, precision=precision, mod=mod, kind="vague")
    d = ctx.anchor.day if not years else date(ctx.anchor.day.year + years, 7, 1)
    return ctx.rel(d, precision, mod=mod, kind="vague")
