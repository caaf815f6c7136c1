"""A timex rule is tried only where one of its matches can start; the matches are those of a
full ``finditer`` scan, on hand-written texts, on odd ones and on the real articles."""
import random
import re
from pathlib import Path

import pytest

from dossier.timex import starts
from dossier.timex.rules import RULES

TEXTS = [
    "Le conseil de Vernal s'est réuni il y a trois semaines, puis mardi 4 mars 2025 à 14 h 30.",
    "Depuis deux ans, la digue cède chaque printemps ; l'anniversaire tombe le lendemain de Noël.",
    "IL Y A DIX JOURS, AUJOURD'HUI ET DEMAIN : rien d'autre. Le 03/04/2024 à 9:45, puis 2024-05-01.",
    "Aucune date ici, seulement des mots sur la pêche et la météo.",
    "Il y a deux ſemaines, ıl y a un an, Kelvin en Kelvin.",  # letters with odd case twins
    "Entre 1998 et 2003, du 3 au 5 mai, la nuit du 17 au 18 mars ; vers 21 h, à midi ; x2025 12025.",
    "Le 1er janvier, vendredi 12 septembre 2025 dernier, cette semaine-là, la semaine dernière.",
    "Last week, on Monday 3 March 2025, since 2019, two years ago, at 9 pm, the day before.",
    "«Hier», a-t-il dit ; l’été dernier ; d’ici deux ans ; jusqu’à présent ; l'hiver 2024-2025.",
    "٢٠٢٥ et 2025 ; ２０２５ ; mardi２ ; 3ème ; Ⅻ siècles ; _mardi ; mardi_ ; 1_000 ans.",
]


def _same(text: str) -> int:
    where = starts.index(text)
    n = 0
    for rules in RULES.values():
        for rule in rules:
            full = [(m.span(), m.groupdict()) for m in rule.regex.finditer(text)]
            fast = [(m.span(), m.groupdict()) for m in starts.finditer(rule.regex, text, where)]
            assert fast == full, (rule.name, text)
            n += len(full)
    return n


def test_first_characters_of_a_pattern():
    found = starts.first_chars(re.compile(r"(?<!\w)(?:la|le|cette)\s*semaine", re.I))
    assert found.chars == {"l", "c"} and found.word_start
    assert set(found.prefixes) == {"la", "le", "cette"}
    digits = starts.first_chars(re.compile(r"(?<![\d/.])(?P<d>\d{1,2})/(?P<m>\d{1,2})", re.I))
    assert digits.chars == {starts.DIGIT} and not digits.word_start
    assert starts.first_chars(re.compile(r"(?:x)?", re.I)) is None  # can match the empty string
    assert starts.first_chars(re.compile(r"(?<!\w)\w+ jours", re.I)) is None  # any word first


def test_a_rule_is_tried_at_few_places():
    text = "La semaine dernière, le conseil a voté ; cette semaine, rien. " * 20
    where = starts.index(text)
    rule = next(r for r in RULES["fr"] if r.name == "unit_rel")
    tried = where.candidates(starts.first_chars(rule.regex))
    assert 0 < len(tried) < len(text) / 8


@pytest.mark.parametrize("text", TEXTS)
def test_matches_are_those_of_the_full_scan(text):
    _same(text)


def test_random_texts():
    rnd = random.Random(7)
    pieces = list("abcdelmnoprstuvéèàLMDJSV0123456789 \n.,'’-/:h«»_") + [
        "mardi", "le ", "la ", "2025", "12", "janvier", "il y a ", "depuis ", "semaine", "dernier",
        "à ", "l'", "d’ici ", "vers ", "h", "1er ", "Noël", "deux ", "ans"]
    for _ in range(1500):
        _same("".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 50))))


def test_real_articles():
    corpus = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "seeds"
    files = sorted(corpus.glob("*.txt")) if corpus.is_dir() else []
    if not files:
        pytest.skip("no seed corpus")
    assert sum(_same(p.read_text(encoding="utf-8")) for p in files) > 50
