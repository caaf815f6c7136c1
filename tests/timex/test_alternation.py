"""``lexicon.alternation`` is written as a prefix tree: faster to scan, the very same matches."""
import re

from dossier.timex.lexicon import alternation

WORDS = ["un peu moins de", "un peu plus de", "un peu moins d'", "dix", "dix-huit", "dixième", "deux",
         "décembre", "déc.", "Mai", "mai", "à peine", "a", "ab", "abc"]
TEXTS = [
    "Il reste un peu moins de dix-huit jours, à peine deux semaines avant décembre.",
    "Le dixième jour de MAI, déc. 2024 ; abc ab a ; Un Peu Plus De deux, DIX-HUIT.",
    "dixièmes, deuxième, dix - huit, un peu moins d'une heure",
]


def _flat(words):
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def test_alternation_is_factored_on_common_prefixes():
    pattern = alternation(["un peu moins de", "un peu plus de"])
    assert pattern.count("un") == 1 and "(?:" in pattern


def test_alternation_matches_like_the_flat_longest_first_list():
    for flags in (0, re.IGNORECASE):
        for wrap in ("(?:{})", r"(?<!\w)(?:{})(?!\w)", r"(?:{})\s+\w+"):
            tree = re.compile(wrap.format(alternation(WORDS)), flags)
            flat = re.compile(wrap.format(_flat(WORDS)), flags)
            for text in TEXTS:
                assert [m.span() for m in tree.finditer(text)] == [m.span() for m in flat.finditer(text)]


def test_alternation_keeps_words_whole_when_a_letter_has_two_cases():
    pattern = alternation(["Mai", "mai"])
    assert re.compile(pattern, re.IGNORECASE).fullmatch("MAI")
    assert set(pattern.split("|")) == {"Mai", "mai"}
