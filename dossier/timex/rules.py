"""Compiled patterns for temporal expressions, one :class:`Rule` per family, per language.

A rule's handler turns a regex match into a :class:`Found` (or several, or :data:`EXCLUDE` to
reserve a span that is *not* a resolvable time, e.g. "plus tard", "par la suite").
Handlers get a :class:`Ctx` (anchor, tense lookup, previously resolved expressions).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from dossier.timex import periods as P
from dossier.timex import resolve as R
from dossier.timex.lexicon import (
    AP,
    HEDGES,
    HOLIDAYS,
    MONTHS,
    NUMBERS,
    SEASONS,
    UNITS,
    VAGUE_NUMBERS,
    WEEKDAYS,
    alternation,
)

EXCLUDE = "exclude"
_B = r"(?<!\w)"  # left word boundary (unicode-aware)
_E = r"(?!\w)"  # right word boundary


@dataclass
class Rule:
    name: str
    regex: re.Pattern
    handler: Callable
    prefix: bool = False  # extend leftwards over "depuis", "début", "avant"... (sets mod)


@dataclass
class Bits:
    """Shared sub-patterns of one language."""

    lang: str
    wd: str = ""
    mon: str = ""
    mon_full: str = ""
    num: str = ""
    qty: str = ""
    hedge: str = ""
    unit: str = ""
    season: str = ""
    year: str = r"(?:1[89]|20)\d{2}"


def _bits(lang: str) -> Bits:
    b = Bits(lang)
    b.wd = f"(?:{alternation(WEEKDAYS[lang])})"
    b.mon = f"(?:{alternation(MONTHS[lang])})"
    b.mon_full = f"(?:{alternation([m for m in MONTHS[lang] if not m.endswith('.')])})"
    words = alternation(NUMBERS[lang])
    b.num = rf"(?:\d+(?:[.,]\d+)?|(?:{words})(?:(?:-|\s+et\s+|\s+and\s+|-et-|\s+)(?:{words}))*)"
    b.qty = rf"(?:{alternation(VAGUE_NUMBERS[lang])}|{b.num})"
    b.hedge = f"(?:{alternation(HEDGES[lang])})"
    b.unit = f"(?:{alternation(UNITS[lang])})"
    b.season = f"(?:{alternation(SEASONS[lang])})"
    return b


def _c(pattern: str) -> re.Pattern:
    return re.compile(pattern.replace("'", AP), re.IGNORECASE)


def french_rules() -> list[Rule]:
    b = _bits("fr")
    Q = rf"(?:(?P<hedge>{b.hedge})\s*)?(?P<qty>{b.qty})(?:\s+|(?<='))(?P<unit>{b.unit})"
    rel = r"(?P<rel>dernier|dernière|passé|passée|prochain|prochaine|précédent|précédente|suivant|suivante|écoulé|écoulée|en cours)"
    part = r"(?:\s+(?P<part>matin|soir|après-midi|midi|en fin de journée|en fin de matinée|en début de soirée|en fin d'après-midi|en soirée|en matinée))"
    clock = r"(?P<h>[01]?\d|2[0-4])\s*(?:h|heures?)(?:\s*(?P<mi>[0-5]\d))?(?:\s*\(?heure (?:locale|de \w+|française)\)?|\s*(?:GMT|UTC|HEC|HNE))?"
    rules = [
        Rule(
            "hours_around",  # before "exclude", which reserves the same span elsewhere in a sentence
            _c(_B + rf"(?P<w>{b.qty}\s+(?:heures?|minutes?)\s+(?:plus tôt|plus tard|auparavant))" + _E),
            R.hours_around,
        ),
        Rule(
            "exclude",
            _c(
                _B + r"(?:plus tard|depuis (?:longtemps|toujours|des lustres)|par la suite|peu (?:après|avant)"
                r"|entre-temps|entretemps|dans l'intervalle|à l'issue d[eu]|juste (?:avant|après)|tôt ou tard|à terme"
                r"|à son apogée|(?:au |le )?lendemain d(?:[eu]|')|(?:à )?la veille d(?:[eu]|')|le jour d(?:[eu]|')"
                rf"|{b.qty}\s+{b.unit}\s+(?:plus tard|plus tôt|après|auparavant|avant)"
                rf"|(?:depuis|il y a|pendant|durant) des\s+{b.unit}"
                r"|(?:le|un) jour(?: ou l'autre)?)" + _E
            ),
            R.exclude,
        ),
        Rule(
            "anniversary",
            _c(
                _B
                + r"(?:(?:à l'approche|à la veille|lors|en prévision|autour) du\s+)?(?:(?P<ord>premier|deuxième|second|troisième|"
                r"quatrième|cinquième|sixième|septième|huitième|neuvième|dixième|\d+e|\d+ème)\s+)anniversaire" + _E
            ),
            R.anniversary,
        ),
        Rule(
            "night_of",
            _c(
                _B + rf"(?:(?:dans|pendant|durant|au cours de)\s+)?la nuit d[eu] (?:(?P<wd1>{b.wd})\s+)?(?:à|au)\s+"
                rf"(?P<wd>{b.wd})" + _E
            ),
            R.weekday,
        ),
        Rule(
            "night_of_days",
            _c(
                _B + rf"(?:(?:dans|pendant|durant|au cours de)\s+)?la nuit du\s+(?P<d1>\d{{1,2}}|1er)(?:\s+(?P<m1>{b.mon}))?\s+au\s+"
                rf"(?P<d2>\d{{1,2}}|1er)\s+(?P<m2>{b.mon})(?:\s+(?P<y>{b.year}))?" + _E
            ),
            R.night_of_days,
        ),
        Rule(
            "day_range",
            _c(
                _B + rf"(?:du|entre le|les)\s+(?P<d1>\d{{1,2}}|1er)(?:\s+(?P<m1>{b.mon}))?\s+(?:au|et le|et)\s+"
                rf"(?P<d2>\d{{1,2}})\s+(?P<m2>{b.mon})(?:\s+(?P<y>{b.year}))?" + _E
            ),
            R.day_range,
        ),
        Rule(
            "year_range", _c(_B + rf"(?:entre|de)\s+(?P<y1>{b.year})\s+(?:et|à)\s+(?P<y2>{b.year})" + _E), R.year_range
        ),
        Rule("year_span", _c(_B + rf"(?P<y1>{b.year})\s*[-–]\s*(?P<y2>{b.year})" + r"(?![\w-])"), R.year_range),
        Rule(
            "full_date",
            _c(
                _B + rf"(?:(?P<wd>{b.wd})\s+)?(?P<d>\d{{1,2}}|1er|premier)\s+(?P<m>{b.mon})(?:\s+(?P<y>{b.year}))?"
                r"(?:\s+(?P<rel>dernier|prochain))?" + rf"(?:\s+à\s+{clock})?" + r"(?![\w])"
            ),
            R.full_date,
            prefix=True,
        ),
        Rule(
            "numeric_date",
            _c(r"(?<![\d/.])(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>\d{4})(?![\d/])"),
            R.full_date,
            prefix=True,
        ),
        Rule("iso_date", _c(r"(?<![\d-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d])"), R.full_date, prefix=True),
        Rule(
            "month_rel",
            _c(
                _B
                + rf"(?P<m>{b.mon_full})\s+(?P<rel>dernier|prochain|passé|de l'année (?:dernière|passée|prochaine|précédente|suivante)"
                r"|de l'an (?:dernier|passé|prochain)|de cette année)" + _E
            ),
            R.month,
            prefix=True,
        ),
        Rule("month_year", _c(_B + rf"(?P<m>{b.mon})\s+(?P<y>{b.year})" + _E), R.month, prefix=True),
        Rule("month", _c(_B + rf"(?P<m>{b.mon_full})" + r"(?![\w-])(?!\s+\d)"), R.month, prefix=True),
        Rule(
            "season",
            _c(
                _B + rf"(?P<pre>l'|cet |cette |au |en |à l'|de l')(?P<s>{b.season})"
                rf"(?:\s+(?P<y>{b.year})|\s+(?P<rel>dernier|prochain|passé))?" + _E
            ),
            R.season,
            prefix=True,
        ),
        Rule("decade", _c(_B + r"(?:les|des|aux) années (?P<dec>(?:19|20)?\d0)" + _E), R.decade, prefix=True),
        Rule(
            "year",
            _c(
                r"(?<!\d[ .,])(?<![\w.,])"
                + rf"(?P<y>{b.year})"
                + r"(?![\w\d])(?!\s*(?:%|km|€|\$|dollars|euros|soldats|personnes|morts|"
                r"hommes|habitants|mètres|tonnes|kilomètres|victimes|blessés|civils|militaires|drones|missiles|points|[.,]\d))"
            ),
            R.year,
            prefix=True,
        ),
        Rule(
            "holiday",
            _c(r"(?<![\w-])" + rf"(?P<h>{alternation(HOLIDAYS['fr'])})(?:\s+(?P<y>{b.year}))?" + r"(?![\w-])"),
            R.holiday,
            prefix=True,
        ),
        Rule("weekday_set", _c(_B + rf"(?:chaque|tous les)\s+(?P<wd>{b.wd})s?" + _E), R.weekday_set),
        Rule(
            "weekday",
            _c(
                _B
                + rf"(?:(?:ce|le)\s+)?(?P<wd>{b.wd}){part}?(?:\s+{rel})?"
                + part.replace("<part>", "<part2>")
                + "?"
                + _E
            ),
            R.weekday,
            prefix=True,
        ),
        Rule(
            "deictic_day",
            _c(
                _B
                + r"(?P<w>avant-hier|après-demain|aujourd'hui|hier|demain|ce matin|ce soir|cet après-midi|ce midi|cette nuit|"
                r"la nuit dernière|(?:pendant|dans|durant|au cours de) la nuit|cette matinée|cette soirée|ce jour|"
                r"dans la matinée|dans l'après-midi|dans la soirée|dans la journée|en matinée|en soirée|"
                r"en début de soirée|en fin d'après-midi|en début d'après-midi|en fin de matinée)" + part + r"?" + _E
            ),
            R.deictic_day,
        ),
        Rule(
            "anaphora",
            _c(
                _B + r"(?P<w>la veille|le lendemain|le surlendemain|le jour même|le même jour|ce jour-là|depuis lors|"
                r"depuis cette date|depuis ce jour|depuis ce moment|à cette date|à cette époque|à l'époque|à ce moment-là|"
                r"cette année-là|ce mois-là|cette semaine-là|cette nuit-là|ce soir-là|ce matin-là)" + _E
            ),
            R.anaphora,
        ),
        Rule(
            "weekend",
            _c(
                _B + r"(?:(?P<det>au cours du|pendant le|durant le|lors du|ce|le|du|le dernier|ce dernier)\s+)"
                r"week-?end(?:\s+(?P<rel>dernier|prochain|passé))?" + _E
            ),
            P.weekend,
        ),
        Rule(
            "unit_rel",
            _c(
                _B
                + r"(?P<det>la|le|l'|cette|ce|cet)\s*(?P<u>semaine|mois|an|année|trimestre|décennie)(?:-ci)?"
                + rf"(?:\s+{rel})?"
                + _E
            ),
            P.unit_rel,
        ),
        Rule(
            "unit_rel_pre",
            _c(_B + r"(?:la|le|l')\s*(?P<rel>dernière|dernier|prochaine|prochain)\s+(?P<u>semaine|mois|année)" + _E),
            P.unit_rel,
        ),
        Rule(
            "unit_part",
            _c(
                _B + r"(?:d'ici (?:à )?)?(?:en|au|dès le|à la|depuis le|depuis la|jusqu'à la|le|la|du)\s+"
                r"(?P<pos>début|fin|milieu)\s+"
                r"d(?:e |'|u )(?:la |l'|cette |ce |cet )?"
                r"(?P<u>semaine|mois|année|journée|matinée|après-midi|soirée)"
                + rf"(?:\s+{rel})?"
                + _E
                + rf"(?!\s+(?:d(?:e|')\s*)?(?:{b.mon}|{b.year}))"
            ),
            P.unit_part,
        ),
        Rule("ago", _c(_B + r"il y a\s+" + Q + _E), P.offset_past),
        Rule("ago_peu", _c(_B + r"il y a (?:peu|peu de temps|quelque temps)" + _E), P.vague_recent),
        Rule("since_qty", _c(_B + r"depuis\s+" + Q + _E), P.offset_since),
        Rule("in_qty", _c(_B + r"(?P<pre>dans|d'ici)\s+" + Q + _E), P.offset_future),
        Rule(
            "last_n",
            _c(
                _B
                + r"(?:(?:au cours|lors|pendant|durant|tout au long|dans)\s+(?:de\s+)?)?(?:des|de la|de ces|ces|les|la|du|le)\s+"
                rf"(?:(?P<qty>{b.qty})\s+)?(?P<dir>derniers|dernières|dernière|dernier|prochains|prochaines|prochaine|prochain)\s+"
                rf"(?:(?P<qty2>{b.qty})\s+)?(?P<unit>{b.unit})" + _E
            ),
            P.last_n,
        ),
        Rule(
            "coming_n",
            _c(
                _B + r"(?:dans|au cours|pendant|durant|lors)\s+(?:de\s+)?(?:les|des|ces)\s+"
                rf"(?:(?P<qty>{b.qty})\s+)?(?P<unit>{b.unit})\s+(?P<dir>à venir|qui viennent)" + _E
            ),
            P.last_n,
        ),
        Rule(
            "clock",
            _c(
                _B
                + r"(?P<pre>à|vers|dès|jusqu'à|avant|après|aux alentours de|à partir de|peu avant|peu après|autour de)\s+"
                + clock
                + _E
            ),
            P.clock,
        ),
        Rule(
            "noon",
            _c(_B + r"(?P<pre>à|vers|dès|jusqu'à|avant|après|peu avant|peu après)\s+(?P<w>midi|minuit)" + _E),
            P.clock,
        ),
        Rule("clock_h", _c(r"(?<![\w,.])(?P<h>[01]?\d|2[0-3])\s?h\s?(?P<mi>[0-5]\d)?(?![\w])"), P.clock),
        Rule("clock_colon", _c(r"(?<![\w:.,])(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?![\w:])"), P.clock),
        Rule("duration", _c(_B + Q + r"(?:-(?P<unit2>jours?|heures?|ans))?" + _E), P.duration),
        Rule(
            "vague",
            _c(
                _B
                + r"(?P<w>maintenant|actuellement|désormais|dorénavant|à présent|jusqu'à présent|jusqu'ici|à ce jour|"
                r"à l'heure actuelle|pour l'instant|pour l'heure|pour le moment|en ce moment|immédiatement|aussitôt|ces jours-ci|"
                r"de nos jours|récemment|dernièrement|précédemment|auparavant|par le passé|de longue date|"
                r"(?:un peu |bien )?plus tôt(?:\s+(?:dans la journée|dans la matinée|dans la semaine|cette semaine|ce mois-ci|"
                r"dans le mois|cette année|dans l'année|ce matin))?)" + _E
            ),
            P.vague,
        ),
    ]
    return rules


def english_rules() -> list[Rule]:
    b = _bits("en")
    Q = rf"(?:(?P<hedge>{b.hedge})\s+)?(?P<qty>{b.qty})\s+(?P<unit>{b.unit})"
    part = r"(?:\s+(?P<part>morning|evening|afternoon|night))"
    clock = r"(?P<h>[01]?\d|2[0-4])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ampm>a\.?m\.?|p\.?m\.?)?(?:\s*(?:local time|GMT|UTC|ET|EST|BST))?"
    ordinal = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"
    rules = [
        Rule(
            "hours_around",
            _c(_B + rf"(?P<w>{b.qty}\s+(?:hours?|minutes?)\s+(?:earlier|later|before))" + _E),
            R.hours_around,
        ),
        Rule(
            "exclude",
            _c(
                _B + r"(?:later|since long ago|for a long time|afterwards|shortly (?:after|before)|in the meantime|"
                r"meanwhile|eventually|one day" + rf"|{b.qty}\s+{b.unit}\s+(?:later|earlier|after|before))" + _E
            ),
            R.exclude,
        ),
        Rule(
            "anniversary",
            _c(
                _B
                + r"(?:(?P<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+)"
                r"anniversary" + _E
            ),
            R.anniversary,
        ),
        Rule(
            "day_range",
            _c(
                _B + rf"(?:from|between)\s+(?P<m2>{b.mon})\s+(?P<d1>\d{{1,2}})\s*(?:to|and|-|–)\s*(?P<d2>\d{{1,2}})"
                rf"(?:,?\s+(?P<y>{b.year}))?" + _E
            ),
            R.day_range,
        ),
        Rule(
            "year_range",
            _c(_B + rf"(?:between|from)\s+(?P<y1>{b.year})\s+(?:and|to)\s+(?P<y2>{b.year})" + _E),
            R.year_range,
        ),
        Rule(
            "full_date_dm",
            _c(
                _B
                + rf"(?:(?P<wd>{b.wd}),?\s+)?{ordinal}\s+(?:of\s+)?(?P<m>{b.mon})(?:,?\s+(?P<y>{b.year}))?"
                + r"(?![\w])"
            ),
            R.full_date,
            prefix=True,
        ),
        Rule(
            "full_date_md",
            _c(_B + rf"(?:(?P<wd>{b.wd}),?\s+)?(?P<m>{b.mon})\s+{ordinal}(?:,?\s+(?P<y>{b.year}))?" + r"(?![\w])"),
            R.full_date,
            prefix=True,
        ),
        Rule("iso_date", _c(r"(?<![\d-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d])"), R.full_date, prefix=True),
        Rule("month_rel", _c(_B + rf"(?P<rel>last|next|this)\s+(?P<m>{b.mon_full})" + _E), R.month, prefix=True),
        Rule("month_year", _c(_B + rf"(?P<m>{b.mon})\s+(?:of\s+)?(?P<y>{b.year})" + _E), R.month, prefix=True),
        Rule(
            "month",
            _c(
                r"(?<!\w)(?:(?<=in )|(?<=since )|(?<=until )|(?<=by )|(?<=early )|(?<=late )|(?<=mid-)|(?<=end of )"
                r"|(?<=before )|(?<=after )|(?<=in early )|(?<=in late ))"
                rf"(?P<m>{b.mon_full})" + _E
            ),
            R.month,
            prefix=True,
        ),
        Rule(
            "season",
            _c(_B + rf"(?P<pre>the |this |last |next |in )(?P<s>{b.season})(?:\s+(?:of\s+)?(?P<y>{b.year}))?" + _E),
            R.season,
            prefix=True,
        ),
        Rule("decade", _c(_B + r"the (?P<dec>(?:19|20)?\d0)s" + _E), R.decade, prefix=True),
        Rule(
            "year",
            _c(r"(?<![\w\d-])" + rf"(?P<y>{b.year})" + r"(?![\w\d])(?!\s*(?:%|km|troops|people|soldiers|dead|[.,]\d))"),
            R.year,
            prefix=True,
        ),
        Rule(
            "holiday",
            _c(r"(?<![\w-])" + rf"(?P<h>{alternation(HOLIDAYS['en'])})(?:\s+(?P<y>{b.year}))?" + r"(?![\w-])"),
            R.holiday,
            prefix=True,
        ),
        Rule("weekday_set", _c(_B + rf"(?:every|each)\s+(?P<wd>{b.wd})" + _E), R.weekday_set),
        Rule(
            "weekday",
            _c(_B + rf"(?:(?P<rel>last|next|this|on|early|late)\s+)?(?P<wd>{b.wd}){part}?" + _E),
            R.weekday,
            prefix=True,
        ),
        Rule(
            "deictic_day",
            _c(
                _B + r"(?P<w>the day before yesterday|the day after tomorrow|today|yesterday|tomorrow|this morning|"
                r"this evening|this afternoon|tonight|last night|overnight)" + part + r"?" + _E
            ),
            R.deictic_day,
        ),
        Rule(
            "anaphora",
            _c(
                _B
                + r"(?P<w>the day before|the next day|the following day|the same day|that day|since then|at the time|"
                r"that year|that week|that month)" + _E
            ),
            R.anaphora,
        ),
        Rule(
            "weekend",
            _c(_B + r"(?:(?P<det>over the|during the|at the|this past|this|the|last|next)\s+)(?P<rel2>)week-?end" + _E),
            P.weekend,
        ),
        Rule(
            "unit_rel",
            _c(_B + r"(?P<rel>last|next|this|past|previous|coming)\s+(?P<u>week|month|year|quarter|decade)" + _E),
            P.unit_rel,
        ),
        Rule(
            "unit_part",
            _c(
                _B
                + r"(?:at the |in the )?(?P<pos>beginning|start|end|middle|early|late|mid)(?: of)?\s+(?:the |this |next |last )?"
                r"(?P<u>week|month|year)" + _E
            ),
            P.unit_part,
        ),
        Rule("ago", _c(_B + Q + r"\s+ago" + _E), P.offset_past),
        Rule("since_qty", _c(_B + r"(?:for|over)\s+(?:the\s+)?(?:past|last)\s+" + Q + _E), P.last_n),
        Rule("in_qty", _c(_B + r"(?P<pre>in|within)\s+" + Q + _E), P.offset_future),
        Rule(
            "last_n",
            _c(
                _B
                + rf"(?:(?:in|during|over)\s+)?(?:the|these)\s+(?P<dir>past|last|next|coming)\s+(?:(?P<qty>{b.qty})\s+)?"
                rf"(?P<unit>{b.unit})" + _E
            ),
            P.last_n,
        ),
        Rule("clock", _c(_B + r"(?P<pre>at|around|by|until|before|after|from)\s+" + clock + _E), P.clock),
        Rule(
            "clock_ampm",
            _c(r"(?<![\w:.])(?P<h>1[0-2]|0?\d)(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ampm>a\.m\.|p\.m\.|am|pm)(?![\w])"),
            P.clock,
        ),
        Rule("duration", _c(_B + Q + _E), P.duration),
        Rule(
            "duration_adj",
            _c(_B + rf"(?P<qty>\d+|{alternation(NUMBERS['en'])})-(?P<unit>day|week|month|year|hour)" + _E),
            P.duration,
        ),
        Rule(
            "vague",
            _c(
                _B + r"(?P<w>now|currently|at present|so far|to date|until now|thus far|for now|for the moment|"
                r"immediately|nowadays|recently|lately|previously|in the past|long-standing|"
                r"earlier(?:\s+(?:today|this week|this month|this year|in the day|in the week))?)" + _E
            ),
            P.vague,
        ),
    ]
    return rules


RULES: dict[str, list[Rule]] = {"fr": french_rules(), "en": english_rules()}

_PREFIXES = {
    "fr": [
        (r"depuis(?:\s+(?:le|la|l'))?", "after"),
        (r"dès(?:\s+(?:le|la|l'))?", "after"),
        (r"à partir d(?:u|e la|e l'|e)", "after"),
        (r"après(?:\s+(?:le|la|l'))?", "after"),
        (r"d'avant|avant(?:\s+(?:le|la|l'))?", "before"),
        (r"jusqu'(?:à|au|en)(?:\s+(?:la|l'))?", "before"),
        (r"d'ici(?:\s+(?:à|au|la|l'))?", "before"),
        (r"(?:(?:au|en|dès le)\s+)?début(?:\s+d(?:e|u|'))?", "start"),
        (r"(?:(?:à la|en)\s+)?fin(?:\s+d(?:e|u|'))?", "end"),
        (r"(?:à la\s+)?mi-|(?:(?:au|en)\s+)?milieu(?:\s+d(?:e|u|'))?|à mi-", "mid"),
        (r"en|courant|(?:au|le|du) mois d(?:e|')|(?:de\s+)?l'(?:année|an)|le|ce", None),
    ],
    "en": [
        (r"since", "after"),
        (r"from", "after"),
        (r"after", "after"),
        (r"before|until|by", "before"),
        (r"(?:in\s+)?early|(?:at\s+)?the\s+(?:beginning|start)\s+of", "start"),
        (r"(?:in\s+)?late|(?:at\s+)?the\s+end\s+of|end\s+of", "end"),
        (r"mid-?|in\s+the\s+middle\s+of", "mid"),
        (r"in|on|of", None),
    ],
}
PREFIX_RES = {
    lang: [(re.compile(r"(?<![\w-])(?:" + p.replace("'", AP) + r")\s*$", re.IGNORECASE), mod) for p, mod in items]
    for lang, items in _PREFIXES.items()
}


def extend_prefix(text: str, start: int, lang: str) -> tuple[int, str | None]:
    """Move ``start`` left over modifier words; return (new start, mod of the outermost one)."""
    mod = None
    for _ in range(3):
        window = text[max(0, start - 30) : start]
        for regex, m in PREFIX_RES.get(lang, []):
            hit = regex.search(window)
            if hit and hit.end() - hit.start() > 0:
                start -= hit.end() - hit.start()
                mod = m or mod
                break
        else:
            break
    return start, mod
