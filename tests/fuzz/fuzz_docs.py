"""Hypothesis strategies: French news-like documents built from dossier's own lexicons, and the
mutations odd input brings (truncation, shuffled sentences, doubled punctuation, stripped
accents, no line breaks, stray control characters).

Vocabulary comes from the package: knowledge-base names, aliases and role descriptions
(``dossier/entities/data``), reporting and incise verbs (``dossier.quotes.lexicon``), weekdays,
months, seasons, holidays, number words and hedges (``dossier.timex.lexicon``). Sentence shapes are
written here; no sentence of any article is copied.
"""
from __future__ import annotations

import random
import unicodedata
from functools import lru_cache

from hypothesis import strategies as st

from dossier.entities.kb import load_kb
from dossier.quotes import lexicon as qlx
from dossier.timex import lexicon as tlx


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, list[str]]:
    kb = load_kb()
    by_type: dict[str, list[str]] = {"person": [], "place": [], "organization": [], "group": []}
    for entry in kb.entries():
        by_type.setdefault(entry.type, []).extend(entry.all_aliases("fr")[:4])
    roles = sorted({a for r in kb.roles().values() for a in r.aliases.get("fr", [])})
    return {
        "person": sorted(set(by_type["person"])),
        "place": sorted(set(by_type["place"])),
        "org": sorted(set(by_type["organization"] + by_type["group"])),
        "role": roles,
        "cue": sorted(qlx.REPORTING_FORMS - qlx.REPORTING_FORMS_EN),
        "incise": sorted(qlx.INCISE_LEMMAS),
        "prep_cue": list(qlx.PREP_CUES),
        "weekday": tlx.WEEKDAYS["fr"],
        "month": sorted(tlx.MONTHS["fr"]),
        "season": sorted(tlx.SEASONS["fr"]),
        "holiday": sorted(tlx.HOLIDAYS["fr"]),
        "number": sorted(tlx.NUMBERS["fr"]),
        "vague": sorted(tlx.VAGUE_NUMBERS["fr"]),
        "unit": sorted(tlx.UNITS["fr"]),
        "hedge": sorted(tlx.HEDGES["fr"]),
    }


def _pick(kind: str):
    return st.sampled_from(vocabulary()[kind])


@st.composite
def date_expression(draw) -> str:
    day = draw(st.integers(0, 40))
    year = draw(st.sampled_from(["2024", "2025", "2026", "1999", "3000", ""]))
    shapes = [
        lambda: f"le {day} {draw(_pick('month'))} {year}".strip(),
        lambda: f"{draw(_pick('weekday'))} {draw(st.sampled_from(['', 'dernier', 'prochain', 'soir', 'matin']))}".strip(),
        lambda: f"{draw(_pick('weekday'))} {day} {draw(_pick('month'))}",
        lambda: f"il y a {draw(_pick('number'))} {draw(_pick('unit'))}",
        lambda: f"dans {draw(_pick('vague'))} {draw(_pick('unit'))}",
        lambda: f"{draw(_pick('hedge'))} {draw(_pick('number'))} {draw(_pick('unit'))}",
        lambda: f"en {draw(_pick('month'))} {year}".strip(),
        lambda: f"au {draw(_pick('season'))} {year}".strip(),
        lambda: draw(_pick("holiday")),
        lambda: draw(st.sampled_from(["hier", "aujourd'hui", "demain", "la veille", "le lendemain",
                                      "la semaine dernière", "le mois prochain", "cette année",
                                      "d'ici la fin de l'année", "plus tard", "à 14 h 30", "vers 9h"])),
        lambda: f"{day:02d}/{draw(st.integers(0, 13)):02d}/{year or '2025'}",
        lambda: f"{year or '2025'}-{draw(st.integers(1, 12)):02d}-{max(day, 1):02d}",
    ]
    return draw(st.sampled_from(shapes))()


@st.composite
def actor(draw) -> str:
    kind = draw(st.sampled_from(["person", "person", "role", "org", "place", "pronoun", "unknown"]))
    if kind == "role":
        return draw(st.sampled_from(["le ", "la ", "l'", ""])) + draw(_pick("role"))
    if kind == "pronoun":
        return draw(st.sampled_from(["il", "elle", "ils", "on", "nous", "Il", "Elle"]))
    if kind == "unknown":
        return draw(st.sampled_from(["M. ", "Mme ", ""])) + draw(st.sampled_from(
            ["Durand", "Kowalczyk", "Nguyen", "Al-Hassan", "O'Brien", "van der Berg", "X"]))
    return draw(_pick(kind))


ODD_WORDS = ["https://exemple.org/page?id=3&x=«y»", "www.exemple.fr", "@compte", "#Paix", "🇺🇦", "🙂",
             "Путин", "Москва", "زيلينسكي", "غزة", "北京", "和平", "ⅩⅣ", "\u200b", "\u00ad", "N°5",
             "3,5 %", "1 200", "10 000 soldats", "(AFP)", "[photo]", "—", "…", "''", "\"", "’"]


@st.composite
def clause(draw) -> str:
    subject = draw(actor())
    verbs = ["a rencontré", "rencontrera", "a rejeté", "refuse", "propose", "a signé", "a accusé",
             "nie avoir attaqué", "contrôle", "a pris", "a appelé", "se rendra à", "doit rencontrer",
             "n'a jamais accepté", "aurait visité", "va négocier avec", "a démenti avoir frappé"]
    parts = [subject, draw(st.sampled_from(verbs)), draw(actor())]
    if draw(st.booleans()):
        parts.append(draw(date_expression()))
    if draw(st.booleans()):
        parts.append("à " + draw(_pick("place")))
    if draw(st.integers(0, 5)) == 0:
        parts.insert(draw(st.integers(0, len(parts))), draw(st.sampled_from(ODD_WORDS)))
    return " ".join(parts)


@st.composite
def sentence(draw) -> str:
    c = draw(clause())
    speaker = draw(actor())
    cue = draw(_pick("cue"))
    shapes = [
        lambda: c[:1].upper() + c[1:] + ".",
        lambda: f"{speaker} a {cue} que {c}.",
        lambda: f"« {c[:1].upper() + c[1:]} », a {cue} {speaker}.",
        lambda: f"« {c} », {draw(_pick('incise'))}-t-il.",
        lambda: f"Selon {speaker}, {c}.",
        lambda: f"{draw(_pick('prep_cue')).capitalize()} {speaker} ({draw(_pick('org'))}), {c} !",
        lambda: f"{speaker}, {draw(_pick('role'))}, a {cue} : « {c} ».",
        lambda: f"« {c} ? » « Non. »",
        lambda: f"{c} (" + draw(clause()) + ")…",
        lambda: ", et ".join(draw(st.lists(clause(), min_size=8, max_size=30))) + ".",  # a very long one
        lambda: draw(st.sampled_from(["Non.", "Oui.", "?", "…", "»", "«", "Fin.", "-", "•"])),
        lambda: "« " + c,  # a quote never closed
        lambda: c + " »",  # closed, never opened
        lambda: f"{speaker} {cue} : \"{c}\".",
    ]
    return draw(st.sampled_from(shapes))()


@st.composite
def block(draw) -> str:
    kind = draw(st.sampled_from(["paragraph"] * 5 + ["heading", "bullets", "byline", "blank", "link", "noise",
                                                     "soup", "run-on"]))
    if kind == "noise":  # any characters at all
        return draw(st.text(max_size=120))
    if kind == "soup":  # punctuation and marks only
        return draw(st.text(alphabet="«»\"“”‘’'()[]{}.,;:!?…-–—•*#/\\|@&%$€ \n\t", max_size=80))
    if kind == "run-on":  # one sentence of hundreds of words, no punctuation
        return " ".join(draw(clause()) for _ in range(draw(st.integers(10, 40))))
    if kind == "heading":
        return draw(st.sampled_from(["", "## ", "# ", "TITRE : "])) + draw(clause())
    if kind == "bullets":
        mark = draw(st.sampled_from(["- ", "• ", "* ", "1. ", "– "]))
        return "\n".join(mark + draw(clause()) for _ in range(draw(st.integers(1, 5))))
    if kind == "byline":
        return draw(st.sampled_from(["Par ", "Publié le ", "Mis à jour ", "Lire aussi : ", "Photo : "])) + \
            draw(st.one_of(actor(), date_expression()))
    if kind == "blank":
        return draw(st.sampled_from(["", " ", "\t", "\u00a0", "\r"]))
    if kind == "link":
        return draw(st.sampled_from(ODD_WORDS))
    return " ".join(draw(st.lists(sentence(), min_size=1, max_size=6)))


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _shuffle_sentences(text: str, seed: int) -> str:
    parts = text.replace("\n", " \n ").split(". ")
    random.Random(seed).shuffle(parts)
    return ". ".join(parts)


@st.composite
def mutated(draw, text: str) -> str:
    for name in draw(st.lists(st.sampled_from(
            ["truncate", "shuffle", "double", "accents", "flat", "controls", "crlf", "upper", "repeat"]),
            max_size=3)):
        if name == "truncate" and text:
            text = text[: draw(st.integers(0, len(text)))]
        elif name == "shuffle":
            text = _shuffle_sentences(text, draw(st.integers(0, 10**6)))
        elif name == "double":
            text = text.replace(".", "..").replace("«", "««").replace(",", ",,").replace("!", "!!")
        elif name == "accents":
            text = _strip_accents(text)
        elif name == "flat":
            text = " ".join(text.split("\n"))
        elif name == "controls" and text:
            at = draw(st.integers(0, len(text)))
            text = text[:at] + draw(st.sampled_from(["\x00", "\x0b", "\x0c", "\u2028", "\ufeff", "\x1b[0m"])) + text[at:]
        elif name == "crlf":
            text = text.replace("\n", "\r\n")
        elif name == "upper":
            text = text.upper()
        elif name == "repeat":
            text = "\n\n".join([text] * draw(st.integers(2, 4)))
    return text


@st.composite
def documents(draw) -> str:
    """A news-like document: blocks joined by one or two line breaks, then mutated."""
    blocks = draw(st.lists(block(), min_size=0, max_size=draw(st.sampled_from([1, 3, 8, 14]))))
    seps = [draw(st.sampled_from(["\n\n", "\n", "\n\n\n", " "])) for _ in blocks]
    text = "".join(b + s for b, s in zip(blocks, seps))
    return draw(mutated(text))


published_dates = st.one_of(
    st.none(),
    st.sampled_from([("2025-03-10", "day"), ("2025-03", "month"), ("2025", "year"), ("1970-01-01", "day"),
                     ("2099-12-31", "day")]),
)


RECORD_LISTS = ("mentions", "timexes", "quotes", "events", "claims", "attributes", "positions")


def check_records(raw: str, records) -> None:
    """What every ArticleRecords must satisfy, whatever the input."""
    n = len(records.sentences)
    for s in records.sentences:
        assert 0 <= s.start <= s.end <= len(raw) and raw[s.start:s.end] == s.text, s
    for a, b in records.boilerplate:
        assert 0 <= a <= b <= len(raw), (a, b)
    for name in RECORD_LISTS:
        for r in getattr(records, name):
            assert 0 <= r.start <= r.end <= len(raw), (name, r)
            assert raw[r.start:r.end] == r.text, (name, r)
            assert r.sentence is None or 0 <= r.sentence < n, (name, r, n)
    for st_ in records.sentence_times:
        assert 0 <= st_.sentence < n, st_
        assert st_.timex_index is None or 0 <= st_.timex_index < len(records.timexes), st_
    for m in records.mentions:
        assert m.entity_id in records.entities, m
