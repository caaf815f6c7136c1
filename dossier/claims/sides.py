"""Which side an actor speaks for, for every state of the knowledge base, not only the seeds' story.

A claim's arguments are canonicalised to sides (``CONTROLS(russia, <place>)``), so that "Moscou",
"le Kremlin", "l'armée russe" and "Lavrov" make one proposition. ``data/sides.yaml`` names the
sides of the first story by hand; this module adds, from the knowledge base:

- the side of a known entity: the top of its affiliation chain (a spokesman → his ministry →
  his government); a state's government, institutions, capital and the state itself are the
  state (its place id, e.g. ``sudan``); an organisation of a country that is none of its state's
  institutions (an armed group, a party) is its own side (``rapid_support_forces``), so two
  parties of a civil war stay apart; media, observers and alliances have none;
- side words for free text: the distinctive words of every state's French and English names,
  its demonym adjectives and its capital's names (a word two states share, like "république"
  or "guinée", names neither).

The hand-written words keep precedence.
"""
from __future__ import annotations

import re
from functools import lru_cache

from dossier.claims.lexicon import fold, sides
from dossier.entities import load_kb  # cached: loaded once per process

_WORD = re.compile(r"[a-z0-9][a-z0-9-]*")
# words of state names that name no state alone
_GENERIC = frozenset({
    "republique", "republic", "royaume", "kingdom", "etat", "etats", "state", "states", "unis", "united",
    "federation", "federal", "federale", "democratique", "democratic", "populaire", "people", "peoples",
    "islamique", "islamic", "arabe", "arab", "socialiste", "iles", "ile", "islands", "island", "saint",
    "sainte", "nouvelle", "new", "nord", "sud", "north", "south", "est", "ouest", "east", "west", "centre",
    "central", "centrale", "grand", "grande", "great", "sultanat", "sultanate", "principaute", "principality",
    "emirats", "emirates", "plurinational", "bolivarienne", "cooperative", "union", "territoire", "territory",
    "region", "city", "ville", "san", "santa", "port", "the", "and", "et", "de", "du", "des", "la", "le", "les",
    "of", "el", "al", "mer", "sea", "gulf", "golfe", "cap", "cape", "costa", "cote", "bay", "baie",
    "president", "presidence", "presidential", "presidentielle", "office", "bureau", "street", "rue", "palais",
    "palace", "maison", "house", "blanche", "white", "place", "square", "avenue", "quartier", "district",
})


@lru_cache(maxsize=1)
def _states() -> dict[str, str]:
    """ISO code -> place id of the state (the place whose metonym is the state's government)."""
    kb = load_kb()
    out: dict[str, str] = {}
    for entry in kb.entries():
        if entry.type != "place" or not entry.country or entry.metonym_generated:
            continue
        gov = kb.institution(entry.country)
        if gov is not None and entry.metonym_of == gov:
            out.setdefault(entry.country, entry.id)
    return out


@lru_cache(maxsize=1)
def _hand_side_ids() -> frozenset[str]:
    """The sides ``data/sides.yaml`` names by hand."""
    return frozenset(sides().get("sides") or {})


@lru_cache(maxsize=1)
def _state_names() -> tuple[tuple[str, str], ...]:
    """(name, state place id) of every state and of its capital (a seat of its government), in
    every language of the knowledge base; descriptions ("Bankova Street (Office of …)") left out."""
    kb = load_kb()
    states = _states()
    out = []
    for entry in kb.entries():
        if entry.type != "place" or entry.country not in states:
            continue
        side = states[entry.country]
        if entry.id == side or entry.metonym_of == kb.institution(entry.country):
            out += [(name, side) for name in entry.all_aliases() if "(" not in name]
    return tuple(out)


@lru_cache(maxsize=1)
def generated_side_words() -> dict[str, str]:
    """Folded word -> state place id, for every state of the knowledge base (distinctive words only)."""
    kb = load_kb()
    states = _states()
    seen: dict[str, set[str]] = {}
    whole: dict[str, set[str]] = {}  # one-word names: "soudan" is Sudan, though "Soudan du Sud" has it too

    def add(text: str, side: str) -> None:
        words = _WORD.findall(fold(text))
        if len(words) == 1:
            whole.setdefault(words[0], set()).add(side)
        for w in words:
            if len(w) >= 4 and w not in _GENERIC and not w.isdigit():
                seen.setdefault(w, set()).add(side)

    for name, side in _state_names():
        add(name, side)
    for form, code in kb.adjective_forms().items():
        if code in states:
            add(form, states[code])
    out = {w: next(iter(s)) for w, s in seen.items() if len(s) == 1}
    out.update({w: next(iter(s)) for w, s in whole.items() if len(s) == 1 and w in seen})
    return out


@lru_cache(maxsize=1)
def _state_phrases() -> tuple[re.Pattern | None, dict[str, str]]:
    """Several-word names of states and capitals ("soudan du sud", "new york" is none), longest first."""
    phrases: dict[str, set[str]] = {}
    for name, side in _state_names():
        words = [w for w in re.split(r"[^a-z0-9]+", fold(name)) if w]
        if len(words) > 1:
            phrases.setdefault(" ".join(words), set()).add(side)
    table = {p: next(iter(s)) for p, s in phrases.items() if len(s) == 1}
    if not table:
        return None, {}
    alternatives = "|".join(re.escape(p).replace(r"\ ", r"[\s'-]+") for p in sorted(table, key=len, reverse=True))
    return re.compile(rf"(?<![a-z0-9])(?:{alternatives})(?![a-z0-9])"), table


def state_named_in(text: str) -> str | None:
    """The state a several-word name in ``text`` names ("le Soudan du Sud" -> south_sudan), if any."""
    pattern, table = _state_phrases()
    if pattern is None:
        return None
    m = pattern.search(fold(text).replace("_", " "))
    return table.get(" ".join(re.split(r"[\s'-]+", m.group(0)))) if m else None


def entity_side(entity_id: str | None) -> str | None:
    """The side a known entity speaks for: the state it belongs to through its affiliations; else
    the top of its affiliation chain when that is a hand-written side or an organisation of a
    country outside its state's institutions; None otherwise (media, observers, unknown)."""
    if not entity_id:
        return None
    kb = load_kb()
    entry = kb.get(entity_id)
    seen: set[str] = set()
    while entry is not None and entry.affiliation and entry.affiliation not in seen:
        seen.add(entry.id)
        parent = kb.get(entry.affiliation)
        if parent is None:
            break
        entry = parent
    if entry is None:
        return None
    states = _states()
    if entry.country and entry.country in states:
        if entry.institution or (entry.type == "place" and entry.metonym_of):
            return states[entry.country]
    if entry.id in _hand_side_ids():
        return entry.id
    if entry.type == "organization" and entry.institution is None and entry.country:
        return entry.id  # a party of a civil war: its own side
    return None  # media, observers, alliances: no side of their own
