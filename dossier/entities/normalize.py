"""Text normalisation for alias look-up and a transliteration-aware key for personal names.

``norm_alias`` is what alias tables are keyed on: case, accents, apostrophes, hyphens, leading
articles (le/la/l'/les/the) and courtesy titles (M./Mme/Dr/Mr) do not matter.

``canonical_key`` goes further for names written in several transliterations (Cyrillic names in
French, English and German: Ouchakov/Ushakov, Iouri/Yury, Zelensky/Zelenskyy/Selenskyj): it maps
every name onto a coarse phonetic skeleton and maps equivalent given names onto one form.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = dict.fromkeys(map(ord, "’‘`´ʼ′"), "'")
_DASHES = dict.fromkeys(map(ord, "‐‑‒–—-"), " ")
_FOLD_MARKS = {**_APOSTROPHES, **_DASHES}  # one translate() pass for both
_SPACES = re.compile(r"\s+")
_EDGE = " ,;:.!?()[]«»\"“”'"

ARTICLES = ("le ", "la ", "les ", "l'", "the ", "der ", "die ", "das ")
TITLES = (
    "m. ", "m ", "mme ", "mme. ", "mlle ", "mr ", "mr. ", "mrs ", "mrs. ", "ms ", "ms. ", "dr ", "dr. ",
    "monsieur ", "madame ", "sir ", "herr ", "frau ",
)


_PREFIXES = ARTICLES + TITLES


def strip_accents(text: str) -> str:
    if text.isascii():  # nothing to strip (most names and words): skip the decomposition
        return text
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


@lru_cache(maxsize=1 << 15)  # pure, and called on the same words of a text many times over
def fold(text: str) -> str:
    """Case-, accent-, apostrophe-, hyphen- and space-insensitive form (articles kept)."""
    text = strip_accents(text.translate(_FOLD_MARKS)).casefold()
    text = text.replace("'", "' ")
    return _SPACES.sub(" ", text).strip(_EDGE).replace("' ", "'")


def norm_alias(text: str) -> str:
    """The key of alias tables: :func:`fold` without leading articles and titles, nor an English
    possessive ending."""
    text = fold(text)
    if text.endswith("'s") and len(text) > 3:
        text = text[:-2]  # an English possessive ("Donald Trump's plan") names the possessor
    if not text.startswith(_PREFIXES):  # one C call for the common case: no article, no title
        return text
    changed = True
    while changed and text:
        changed = False
        for prefix in ARTICLES + TITLES:
            if text.startswith(prefix) and len(text) > len(prefix):
                text = text[len(prefix):].lstrip()
                changed = True
    return text


# -- transliteration-aware key --------------------------------------------------------------------
# ordered rewrite rules over a folded (accent-free, lower-case) word
_RULES: tuple[tuple[str, str], ...] = (
    (r"shch|chtch|chtsch|schtsch|sch(?=tsch)", "sc"),
    (r"tsch|tch|tsh|ch(?=[^aeiouy])", "c"),
    (r"(?<=[aeiouy])j|j$", "i"),
    (r"zh|dzh|dj|j", "z"),
    (r"sch|sh|ch", "s"),
    (r"kh|ckh|ch", "h"),
    (r"ph", "f"),
    (r"th", "t"),
    (r"ck|q|c(?=[aou])", "k"),
    (r"x", "ks"),
    (r"w", "v"),
    (r"ou", "u"),
    (r"iou|you|yu|iu", "yu"),
    (r"ia|ya", "ya"),
    (r"(?<=[a-z])(?:iy|yy|ii|yi|ij|yj|ei|y)$", "i"),
    (r"(?<=[a-z])(?:iy|yy|ii|yi|ij|yj|ï)(?=[a-z])", "i"),
    (r"y", "i"),
    (r"z", "s"),
    (r"(?<=[a-z])h$", ""),
    (r"(.)\1+", r"\1"),
)
_COMPILED = tuple((re.compile(p), r) for p, r in _RULES)

# equivalent given names (after the rules above), mapped onto one form
_GIVEN_GROUPS = (
    ("aleksandr", "oleksandr", "aleksandre", "oleksander", "aleksander", "aleksandru", "sasa"),
    ("iuri", "yuri", "iurii", "yurii", "yuriy", "suri"),
    ("dmitri", "dmitro", "dimitri", "dmitrii", "dmytro"),
    ("vladimir", "volodimir", "vladimyr", "valdimir"),
    ("sergei", "sergi", "serhi", "serhii", "serge", "sergue", "serguei", "sergey", "sergui"),
    ("mihail", "mihailo", "mikhail", "mihal", "miheil"),
    ("andrei", "andri", "andrii", "andre"),
    ("kiril", "kirilo"),
    ("oleg", "oleh"),
    ("viktor", "vikto"),
    ("piotr", "petro", "pior", "petr", "pietr"),
    ("ievgeni", "evgeni", "ievhen", "evhen", "ievgueni", "evgueni", "ievgen"),
    ("nikolai", "mikola", "nikola"),
    ("aleksei", "oleksi", "aleksi", "aleksii"),
    ("anatoli", "anatoli"),
    ("valeri", "valeri"),
    ("rustem", "rustam"),
    ("iulia", "yulia", "iulya", "yuliya", "yulya"),
    ("ielena", "elena", "olena", "helena"),
    ("mariia", "maria", "mariya", "marya"),
    ("gennadi", "hennadi", "gennadii"),
    ("grigori", "hrihori", "grigorii"),
    ("georgi", "heorhi", "georgii"),
    ("igor", "ihor"),
)
_GIVEN = {variant: group[0] for group in _GIVEN_GROUPS for variant in group}


def _skeleton(word: str) -> str:
    for pattern, repl in _COMPILED:
        word = pattern.sub(repl, word)
    return word


def key_tokens(name: str) -> list[str]:
    """Skeleton tokens of a name (titles and articles removed, given names unified)."""
    words = [w for w in re.split(r"[^a-z]+", norm_alias(name)) if w]
    out = []
    for word in words:
        skel = _skeleton(word)
        out.append(_GIVEN.get(skel, skel))
    return out


def canonical_key(name: str) -> str:
    """Transliteration-insensitive key of a personal name: ``Iouri Ouchakov`` and ``Yury Ushakov``
    both give ``iuri usakov``; ``Zelensky``, ``Zelenskyy`` and ``Selenskyj`` give ``selenski``."""
    return " ".join(key_tokens(name))


def surname_key(name: str) -> str:
    tokens = key_tokens(name)
    return tokens[-1] if tokens else ""
