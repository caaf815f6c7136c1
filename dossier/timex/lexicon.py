"""Word lists for French and English temporal expressions (data only, no logic but number parsing)."""

from __future__ import annotations

import re

AP = "['’]"  # both apostrophes occur in news text

WEEKDAYS = {
    "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
    "en": ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
}

MONTHS = {
    "fr": {
        "janvier": 1,
        "janv.": 1,
        "jan.": 1,
        "février": 2,
        "fevrier": 2,
        "févr.": 2,
        "fév.": 2,
        "mars": 3,
        "avril": 4,
        "avr.": 4,
        "mai": 5,
        "juin": 6,
        "juillet": 7,
        "juil.": 7,
        "août": 8,
        "aout": 8,
        "aoû.": 8,
        "septembre": 9,
        "sept.": 9,
        "sep.": 9,
        "octobre": 10,
        "oct.": 10,
        "novembre": 11,
        "nov.": 11,
        "décembre": 12,
        "decembre": 12,
        "déc.": 12,
    },
    "en": {
        "january": 1,
        "jan.": 1,
        "february": 2,
        "feb.": 2,
        "march": 3,
        "april": 4,
        "apr.": 4,
        "may": 5,
        "june": 6,
        "july": 7,
        "august": 8,
        "aug.": 8,
        "september": 9,
        "sept.": 9,
        "sep.": 9,
        "october": 10,
        "oct.": 10,
        "november": 11,
        "nov.": 11,
        "december": 12,
        "dec.": 12,
    },
}

# TIMEX3 season codes and the month each season starts in
SEASONS = {
    "fr": {"printemps": "SP", "été": "SU", "automne": "FA", "hiver": "WI"},
    "en": {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"},
}
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

NUMBERS = {
    "fr": {
        "un": 1,
        "une": 1,
        "deux": 2,
        "trois": 3,
        "quatre": 4,
        "cinq": 5,
        "six": 6,
        "sept": 7,
        "huit": 8,
        "neuf": 9,
        "dix": 10,
        "onze": 11,
        "douze": 12,
        "treize": 13,
        "quatorze": 14,
        "quinze": 15,
        "seize": 16,
        "vingt": 20,
        "vingts": 20,
        "trente": 30,
        "quarante": 40,
        "cinquante": 50,
        "soixante": 60,
        "cent": 100,
        "cents": 100,
        "mille": 1000,
    },
    "en": {
        "a": 1,
        "an": 1,
        "one": 1,
        "two": 2,
        "three": 3,
        "four": 4,
        "five": 5,
        "six": 6,
        "seven": 7,
        "eight": 8,
        "nine": 9,
        "ten": 10,
        "eleven": 11,
        "twelve": 12,
        "thirteen": 13,
        "fourteen": 14,
        "fifteen": 15,
        "sixteen": 16,
        "seventeen": 17,
        "eighteen": 18,
        "nineteen": 19,
        "twenty": 20,
        "thirty": 30,
        "forty": 40,
        "fifty": 50,
        "sixty": 60,
        "hundred": 100,
    },
}

# vague quantities: value used for arithmetic (the result is marked approx)
VAGUE_NUMBERS = {
    "fr": {
        "quelques": 3,
        "plusieurs": 3,
        "une dizaine de": 10,
        "une douzaine de": 12,
        "une quinzaine de": 15,
        "une vingtaine de": 20,
        "une trentaine de": 30,
        "une centaine de": 100,
        "des": 3,
        "une dizaine d'": 10,
        "une douzaine d'": 12,
        "une quinzaine d'": 15,
        "une vingtaine d'": 20,
        "une trentaine d'": 30,
        "une centaine d'": 100,
    },
    "en": {"a few": 3, "few": 3, "several": 3, "a dozen": 12, "dozens of": 30, "a couple of": 2},
}

# unit word -> (ISO unit letter, precision of a point that far from the anchor)
UNITS = {
    "fr": {
        "minute": ("MIN", "time"),
        "minutes": ("MIN", "time"),
        "heure": ("H", "time"),
        "heures": ("H", "time"),
        "jour": ("D", "day"),
        "jours": ("D", "day"),
        "journée": ("D", "day"),
        "journées": ("D", "day"),
        "semaine": ("W", "week"),
        "semaines": ("W", "week"),
        "quinzaine": ("QD", "week"),
        "mois": ("M", "month"),
        "an": ("Y", "month"),
        "ans": ("Y", "month"),
        "année": ("Y", "month"),
        "années": ("Y", "month"),
        "décennie": ("DE", "decade"),
        "décennies": ("DE", "decade"),
        "siècle": ("CE", "decade"),
        "siècles": ("CE", "decade"),
    },
    "en": {
        "minute": ("MIN", "time"),
        "minutes": ("MIN", "time"),
        "hour": ("H", "time"),
        "hours": ("H", "time"),
        "day": ("D", "day"),
        "days": ("D", "day"),
        "week": ("W", "week"),
        "weeks": ("W", "week"),
        "fortnight": ("QD", "week"),
        "month": ("M", "month"),
        "months": ("M", "month"),
        "year": ("Y", "month"),
        "years": ("Y", "month"),
        "decade": ("DE", "decade"),
        "decades": ("DE", "decade"),
    },
}

# hedges before a quantity: word -> mod
HEDGES = {
    "fr": {
        "près de": "approx",
        "près d'": "approx",
        "environ": "approx",
        "presque": "approx",
        "quasiment": "approx",
        "pratiquement": "approx",
        "à peu près": "approx",
        "autour de": "approx",
        "bientôt": "approx",
        "un peu plus de": "approx",
        "un peu plus d'": "approx",
        "un peu moins de": "approx",
        "un peu moins d'": "approx",
        "plus de": "before",
        "plus d'": "before",
        "au moins": "before",
        "moins de": "after",
        "moins d'": "after",
        "à peine": "after",
        "seulement": None,
        "déjà": None,
        "tout juste": None,
        "exactement": None,
        "pile": None,
    },
    "en": {
        "nearly": "approx",
        "almost": "approx",
        "about": "approx",
        "around": "approx",
        "roughly": "approx",
        "some": "approx",
        "approximately": "approx",
        "more than": "before",
        "over": "before",
        "at least": "before",
        "less than": "after",
        "just": None,
        "barely": "after",
        "only": None,
    },
}


def alternation(words) -> str:
    """A regex alternation of literal words, longest first (apostrophes are made flexible later).

    Written as a prefix tree ("un peu (?:moins|plus)" rather than "un peu moins|un peu plus"):
    the same matches, but the engine tests each shared prefix once instead of once per word,
    which is most of the time scanning a text. Siblings start with different letters (case
    folded), so at most one can match and their order does not matter; a word ending where
    longer ones go on comes after them, as it does longest first."""
    parts = sorted({w for w in words}, key=len, reverse=True)
    if all(w and _trie_safe(w) for w in parts):
        return "|".join(_trie(parts))
    return "|".join(re.escape(w) for w in parts)


def _trie_safe(word: str) -> bool:
    """Letters whose case-insensitive match is their lower case (no ſ/s, K/k-sign, ß… pairs)."""
    return all(c.isascii() or (c.lower() == c and c.upper().lower() == c and len(c.upper()) == 1
                               and c not in "ſıµ’") for c in word)


def _trie(words: list[str]) -> list[str]:
    """The alternatives matching ``words`` (longest first), factored on their common prefixes."""
    groups: dict[str, list[str]] = {}
    ended = False  # a word ends here (the empty rest): tried last, after every longer word
    for w in words:
        if w:
            groups.setdefault(w[0].lower(), []).append(w)
        else:
            ended = True
    alts = []
    for group in groups.values():
        first = group[0][0]
        if any(w[0] != first for w in group):  # one letter in two cases: keep those words whole
            alts.extend(re.escape(w) for w in group)
            continue
        rest = _trie([w[1:] for w in group])
        alts.append(re.escape(first) + (rest[0] if len(rest) == 1 else "(?:" + "|".join(rest) + ")"))
    if ended:
        alts.append("")
    return alts


def parse_number(text: str, lang: str = "fr") -> float | None:
    """'vingt-quatre' -> 24, 'trente et un' -> 31, '12' -> 12, 'une quinzaine de' -> 15."""
    t = " ".join(text.lower().replace("’", "'").split())
    if not t:
        return None
    try:
        return float(t.replace(",", "."))
    except ValueError:
        pass
    vague = VAGUE_NUMBERS.get(lang, {})
    if t in vague:
        return float(vague[t])
    words = NUMBERS.get(lang, {})
    total = 0
    current = 0
    seen = False
    for part in re.split(r"[-\s]+", t):
        if part in ("et", "and", ""):
            continue
        value = words.get(part)
        if value is None:
            return None
        seen = True
        if value in (100, 1000):
            current = max(current, 1) * value
            if value == 1000:
                total += current
                current = 0
        elif value == 20 and current == 4:  # quatre-vingt(s)
            current = 80
        else:
            current += value
    return float(total + current) if seen else None


# fixed-date holidays: name -> (month, day); Easter is computed
HOLIDAYS = {
    "fr": {
        "noël": (12, 25),
        "la saint-sylvestre": (12, 31),
        "le nouvel an": (1, 1),
        "le jour de l'an": (1, 1),
        "la toussaint": (11, 1),
        "le réveillon": (12, 24),
        "pâques": None,
        "la fête nationale": (7, 14),
    },
    "en": {
        "christmas": (12, 25),
        "christmas day": (12, 25),
        "christmas eve": (12, 24),
        "new year's eve": (12, 31),
        "new year's day": (1, 1),
        "easter": None,
        "independence day": (7, 4),
        "thanksgiving": "thanksgiving",
    },
}
