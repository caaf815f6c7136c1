"""Text keys computed once per record: folded words, content stems, figures.

Stems are the first six letters of a folded content word: crude, language-agnostic and stable
("acceptent", "accepté", "acceptation" share ``accept``; "propositions" and "proposée" share
``propos``), which is what a blocking key and a lexical overlap need.
"""
from __future__ import annotations

import re
import unicodedata

STEM = 6
_WORD = re.compile(r"[a-z0-9]+")
# function words and reporting verbs (French, English): they say nothing about which event or
# statement a sentence reports
STOP = frozenset("""
a au aux avec ce ces cet cette celle celui comme dans de des du elle elles en entre est et etait
etaient etre eux il ils je la le les leur leurs lui ma mais me meme mes moi mon ne ni nos notre nous
on ou par pas plus pour qu que qui sa sans se selon ses si son sont sur ta te tes toi ton tu un une
vos votre vous y deja aussi alors apres avant avoir ont fait faire tres encore depuis lors dont ainsi
cela ceci tout tous toute toutes autre autres ete sera seront serait etaient avait avaient peut
quand bien donc car puis sous vers chez contre the of to and in that is it for on with as by at from
was were be been has have had this these those which who would could should will said says
""".split())
# calendar words: the dates are compared as dates, not as words
CALENDAR = frozenset("""
lundi mardi mercredi jeudi vendredi samedi dimanche janvier fevrier mars avril mai juin juillet
aout septembre octobre novembre decembre hier demain aujourd semaine mois annee soir matin nuit
monday tuesday wednesday thursday friday saturday sunday january february march april june july
august september october november december yesterday today tomorrow week month year
""".split())
REPORTING = ("declar", "affirm", "estim", "assur", "indiqu", "precis", "ajout", "annonc", "soulig",
             "expliq", "confir", "rappel", "repet", "journa", "ecrit", "said", "saying", "told")
_UNITS = {
    "mort": "dead", "morts": "dead", "tues": "dead", "tuees": "dead", "tue": "dead", "victimes": "dead",
    "deces": "dead", "dead": "dead", "killed": "dead",
    "blesses": "wounded", "blessees": "wounded", "wounded": "wounded", "injured": "wounded",
    "otages": "hostages", "hostages": "hostages", "prisonniers": "prisoners", "detenus": "prisoners",
    "prisoners": "prisoners", "soldats": "soldiers", "troops": "soldiers", "militaires": "soldiers",
    "heures": "hours", "heure": "hours", "hours": "hours", "jours": "days", "days": "days",
    "mois": "months", "months": "months", "ans": "years", "annees": "years", "years": "years",
}
_NUMBER = re.compile(r"^\d+$")
_FIGURE_REACH = 4  # words between a number and its unit ("413 personnes ont été tuées")
_CLOCK = re.compile(r"(?<!\d)([01]?\d|2[0-3])\s?h\s?(\d{2})?(?![\w])")


def fold(text: str) -> str:
    """Lower case, accents removed, typographic apostrophes plain, spaces collapsed."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ")
    text = unicodedata.normalize("NFKD", text.lower())
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


def words(text: str) -> list[str]:
    """Folded alphanumeric words, in order."""
    return _WORD.findall(fold(text))


def content_stems(text: str, drop: frozenset[str] = frozenset()) -> frozenset[str]:
    """Stems of the content words: no function words, no reporting verbs, none of ``drop``
    (e.g. the speaker's own name, which says nothing about *what* was said)."""
    out = set()
    for w in words(text):
        if len(w) < 3 or w in STOP or w in CALENDAR or w.isdigit() or w.startswith(REPORTING):
            continue
        stem = w[:STEM]
        if stem not in drop:
            out.add(stem)
    return frozenset(out)


def figures(text: str) -> dict[str, set[str]]:
    """Counted quantities the text states: unit -> numbers ("413 personnes tuées" -> dead: 413),
    and clock times (unit "clock")."""
    folded = fold(text)
    out: dict[str, set[str]] = {}
    for m in _CLOCK.finditer(folded):
        out.setdefault("clock", set()).add(f"{int(m.group(1)):02d}:{m.group(2) or '00'}")
    folded = _CLOCK.sub(" ", folded)
    # thousands written "2 000", "2.000", "2,000" become one number
    tokens = re.findall(r"\d+|[a-z]+", re.sub(r"(?<=\d)[ \u202f.,](?=\d{3}\b)", "", folded))
    for i, tok in enumerate(tokens):
        if not _NUMBER.match(tok):
            continue
        for nxt in tokens[i + 1:i + 1 + _FIGURE_REACH]:
            if _NUMBER.match(nxt):
                break
            unit = _UNITS.get(nxt)
            if unit is not None:
                out.setdefault(unit, set()).add(tok)
                break
    return out
