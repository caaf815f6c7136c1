"""Propositions, values, event types and attributes in French words, for a reader.

``CONTROLS(russia,pokrovsk)`` becomes "Pokrovsk est sous contrôle russe", a value dispute
``EVALUATES(talks@2025-12)`` over ``productive`` / ``no_progress`` becomes "Les discussions de
décembre 2025 : productives ou sans progrès ?". One template per predicate, from
``data/wording.yaml``; names come from the knowledge base's French aliases (or the names the
caller knows), words the data does not list are taken back, with their accents, from the
evidence they were folded from.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from typing import Any

from dossier.claims.lexicon import DATA, _load_yaml, fold
from dossier.claims.propositions import parse_key

_SLOT = re.compile(r"\{(\d+|value)(?::(\w+))?\}")
_WORD = re.compile(r"[\w'’-]+", re.UNICODE)


@lru_cache(maxsize=1)
def wording() -> dict[str, Any]:
    return _load_yaml(DATA / "wording.yaml")


@lru_cache(maxsize=4096)
def _kb_french(entity_id: str) -> str | None:
    from dossier.entities.kb import load_kb

    entry = load_kb().get(entity_id)
    if entry is None:
        return None
    french = entry.aliases.get("fr") or []
    return french[0] if french else entry.name


class Namer:
    """French names of entity ids: the knowledge base's first French alias, else a name the
    caller knows (the store's), else the id made readable."""

    def __init__(self, known: Mapping[str, str] | None = None):
        self.known = dict(known or {})

    def __call__(self, entity_id: str | None) -> str:
        if not entity_id:
            return "?"
        found = _kb_french(entity_id)
        if found:
            return found
        if self.known.get(entity_id):
            return self.known[entity_id]
        return entity_id.replace("local:", "").replace("_", " ")


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def month_words(value: str | None) -> str:
    """"2025-12" -> "décembre 2025" (a year alone stays a year)."""
    m = re.match(r"^(\d{4})(?:-(\d{2}))?", value or "")
    if not m:
        return value or "?"
    if not m[2] or not 1 <= int(m[2]) <= 12:
        return m[1]
    return f"{wording()['months'][int(m[2]) - 1]} {m[1]}"


_DURATION = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$")
_DURATION_UNITS = ("an", "mois", "semaine", "jour", "h", "min")


def duration_words(value: str) -> str:
    """"PT5H" -> "5 h", "P3D" -> "3 jours" (an ISO 8601 duration; anything else as given)."""
    m = _DURATION.match(value or "")
    if not m or not any(m.groups()):
        return value
    parts = []
    for n, unit in zip(m.groups(), _DURATION_UNITS):
        if n:
            plural = "s" if int(n) > 1 and unit in ("an", "semaine", "jour") else ""
            parts.append(f"{int(n)} {unit}{plural}")
    return " ".join(parts)


def recover(word: str, texts: Iterable[str]) -> str:
    """The word of the evidence that folds to ``word`` (its accents back), else ``word``."""
    key = fold(word).replace("_", " ")
    for text in texts:
        for m in _WORD.finditer(text or ""):
            word = m[0].strip("'’-")
            if fold(word) == key:
                return word.lower()
    return key


def _thing(word: str, texts: Iterable[str], of: bool = False) -> str:
    found = wording().get("things", {}).get(word)
    if found:
        return found[1 if of else 0]
    noun = recover(word, texts)
    return f"de {noun}" if of else noun


def adjective(entity_id: str, name: Callable[[str], str]) -> str:
    """"russe" for russia, else "de <name>"."""
    adj = wording().get("adjectives", {}).get(entity_id)
    return adj if adj else f"de {name(entity_id)}"


def _fill(template: str, args: list[str], value: str | None, name: Callable[[str], str],
          texts: list[str]) -> str:
    def one(m: re.Match) -> str:
        slot, form = m[1], m[2] or ""
        raw = value if slot == "value" else (args[int(slot)] if int(slot) < len(args) else "unknown")
        raw = raw or "unknown"
        word, _, when = raw.partition("@")
        if form == "adj":
            return adjective(word, name)
        if form in ("thing", "thing_of"):
            return _thing(word, texts, of=form == "thing_of")
        if form == "month":
            return month_words(when or word)
        if slot != "value":
            names = [name(w) for w in word.split("+") if w]
            return " et ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else (names or ["?"])[0]
        if not re.match(r"^[a-z_:]+$", word):
            return word  # a number, a date
        if _kb_french(word) or "_" in word or ":" in word or word in wording().get("adjectives", {}):
            return name(word)  # an actor or a side
        return recover(word, texts)

    return _SLOT.sub(one, template)


def _template(predicate: str) -> dict[str, str]:
    return wording().get("propositions", {}).get(predicate) or {}


def proposition_sentence(proposition: str, name: Callable[[str], str] | None = None,
                         texts: Iterable[str] = ()) -> str:
    """The proposition asserted, as a French sentence ("Pokrovsk est sous contrôle russe")."""
    name = name or Namer()
    predicate, args = parse_key(proposition)
    tpl = _template(predicate)
    texts = list(texts)
    holderless = args and args[0] in ("unknown", "") and tpl.get("unknown_holder")
    template = tpl.get("unknown_holder") if holderless else tpl.get("sentence")
    if args and "+" in args[0] and tpl.get("plural"):
        template = tpl["plural"]  # several actors: "A et B ont accepté …"
    if template:
        return capitalise(_fill(template, args, None, name, texts))
    if tpl.get("subject"):  # a value predicate given whole: subject and value
        *head, last = args or ["unknown"]
        return capitalise(f"{_fill(tpl['subject'], head or args, None, name, texts)} : "
                          f"{_fill(tpl.get('value', '{value}'), head, last, name, texts)}")
    readable = ", ".join(name(a) for a in args)
    return capitalise(f"{predicate.lower()} ({readable})" if readable else predicate.lower())


def value_phrase(predicate: str, value: str, name: Callable[[str], str] | None = None,
                 texts: Iterable[str] = ()) -> str:
    """One value of a value predicate ("413 morts", "productives"); "pas X" for "not X"."""
    name = name or Namer()
    negated = value.startswith("not ")
    raw = value[4:] if negated else value
    template = _template(predicate).get("value", "{value}")
    phrase = _fill(template, [], raw, name, list(texts))
    return f"pas {phrase}" if negated else phrase


def dispute_title(predicate: str, arguments: list[str], proposition: str, values: list[str] | None,
                  name: Callable[[str], str] | None = None, texts: Iterable[str] = ()) -> str:
    """The card's heading: the proposition asserted, or for a value dispute what the values are
    about and the values ("Les discussions de décembre 2025 : productives ou sans progrès ?")."""
    name = name or Namer()
    texts = list(texts)
    tpl = _template(predicate)
    if values and tpl.get("subject"):
        subject = _fill(tpl["subject"], arguments, None, name, texts)
        phrases = [value_phrase(predicate, v, name, texts) for v in values]
        listed = ", ".join(phrases[:-1]) + " ou " + phrases[-1] if len(phrases) > 1 else phrases[0]
        return capitalise(f"{subject} : {listed} ?")
    return proposition_sentence(proposition, name, texts)


def event_label(type_: str | None, plover: str | None) -> str:
    """"rencontre", "attaque": the event type in words (its PLOVER code for a generic type)."""
    labels = wording().get("event_types", {})
    if type_ and type_ not in ("other", "statement") and type_ in labels:
        return labels[type_]
    if plover and plover in labels and plover != "OTHER":
        return labels[plover]
    return labels.get(type_ or "", labels.get("OTHER", "événement"))


def status_label(status: str | None) -> str | None:
    if not status or status == "held":
        return None
    return wording().get("event_status", {}).get(status, status)


def attribute_phrase(attribute: str) -> str:
    """"son-in-law of" -> "gendre de"; "figure:dead" -> "chiffre (dead)"."""
    attrs = wording().get("attributes", {})
    if attribute in attrs:
        return attrs[attribute]
    head, _, unit = attribute.partition(":")
    if head == "figure":
        return f"chiffre ({unit})" if unit else "chiffre"
    return attrs.get(head, attribute.replace("_", " "))


def conflict_kind(kind: str, attribute: str = "") -> tuple[str, str]:
    """(kind, label in words): date, place, figure, name or attribute."""
    data = wording()
    kinds = data.get("conflict_kinds", {})
    found = kinds.get(kind) or kinds.get(attribute.partition(":")[0]) or "attribute"
    return found, data.get("conflict_kind_labels", {}).get(found, found)


def stance_label(stance: str | None) -> str:
    return wording().get("stances", {}).get(stance or "", stance or "?")


def issue_labels(issues_file: str | None = None, lang: str = "fr") -> dict[str, str]:
    """Issue id -> its label in ``lang`` (from the issues file and the user's)."""
    from dossier.claims.lexicon import load_issues

    return {i.id: i.labels.get(lang) or i.labels.get("en") or i.id.replace("_", " ")
            for i in load_issues(issues_file)}


__all__ = ["duration_words", "parse_key", "Namer", "proposition_sentence", "dispute_title", "value_phrase", "event_label", "status_label",
           "attribute_phrase", "conflict_kind", "stance_label", "issue_labels", "month_words", "capitalise",
           "recover", "adjective", "wording"]
