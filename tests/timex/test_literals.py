"""A timex rule is skipped on a text lacking every word its matches need; the matches are the same."""
import re

from dossier.timex import extract, literals
from dossier.timex.rules import RULES

TEXTS = [
    "Le conseil de Vernal s'est réuni il y a trois semaines, puis mardi 4 mars 2025 à 14 h 30.",
    "Depuis deux ans, la digue cède chaque printemps ; l'anniversaire tombe le lendemain de Noël.",
    "IL Y A DIX JOURS, AUJOURD'HUI ET DEMAIN : rien d'autre.",
    "Aucune date ici, seulement des mots sur la pêche et la météo.",
    "Il y a deux ſemaines, ıl y a un an, Kelvin en Kelvin.",  # letters with odd case twins
]


def _full_scan(text, lang="fr"):
    cands = [(m.end() - m.start(), idx, m) for idx, rule in enumerate(RULES[lang])
             for m in rule.regex.finditer(text) if m.end() > m.start()]
    cands.sort(key=lambda c: (-c[0], c[1], c[2].start()))
    return [(n, idx, m.span()) for n, idx, m in cands]


def test_required_words_of_a_pattern():
    assert literals.required(re.compile(r"(?<!\w)il y a\s+\d+", re.I)) == ("il y a",)
    assert literals.required(re.compile(r"(?<!\w)(?:chaque|tous les)\s+jour", re.I)) in (
        ("jour",), ("chaque", "tous les"))
    assert literals.required(re.compile(r"\d+", re.I)) is None
    assert literals.required(re.compile(r"il y a")) is None  # case-sensitive: not handled


def test_a_rule_is_skipped_only_when_none_of_its_words_occur():
    words = literals.required(re.compile(r"(?<!\w)(?:printemps|automne)", re.I))
    assert not literals.may_match(words, literals.folded("Rien en hiver."))
    assert literals.may_match(words, literals.folded("Au PRINTEMPS prochain."))
    assert literals.folded("une ſemaine") is None  # odd case: always scanned


def test_matches_are_those_of_the_full_scan():
    for text in TEXTS:
        for lang in ("fr", "en"):
            fast = [(n, idx, m.span()) for n, idx, m in extract._matches.__wrapped__(text, lang)]
            assert fast == _full_scan(text, lang)
    assert any(not literals.may_match(literals.required(r.regex), literals.folded(TEXTS[3]))
               for r in RULES["fr"])
