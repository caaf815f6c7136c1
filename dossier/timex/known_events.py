"""Well-known dates (general knowledge) used to sharpen vague offsets and to infer publication dates.

Entries are ordered from specific (named places, actors) to generic (war words); the first
match wins. Each entry: ISO date, the precision it is known at, and lower-case word stems that, when they occur
near a vague offset ("il y a presque trois ans", "depuis bientôt deux ans", "l'an dernier"),
suggest the offset points at that event.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class KnownEvent:
    key: str
    date: str
    precision: str
    stems: tuple[str, ...]


KNOWN_EVENTS: tuple[KnownEvent, ...] = (
    KnownEvent("crimea_annexation", "2014-03-18", "day", ("crimée", "crimea", "annex")),
    KnownEvent("donbas_war_start", "2014-04-06", "day", ("donbass", "donbas", "séparatistes", "separatist")),
    KnownEvent("maidan_ousting", "2014-02-22", "day", ("maïdan", "maidan", "ianoukovitch", "yanukovych")),
    KnownEvent("kursk_incursion", "2024-08-06", "day", ("koursk", "kursk")),
    KnownEvent(
        "annexation_four_regions", "2022-09-30", "day", ("quatre régions", "four regions", "référendums", "referendums")
    ),
    KnownEvent(
        "trump_second_inauguration",
        "2025-01-20",
        "day",
        ("investiture", "inauguration", "retour à la maison-blanche", "second mandat", "second term"),
    ),
    KnownEvent("trump_first_inauguration", "2017-01-20", "day", ("premier mandat", "first term")),
    KnownEvent("biden_inauguration", "2021-01-20", "day", ("biden",)),
    KnownEvent("zelensky_inauguration", "2019-05-20", "day", ("élu président", "elected president", "zelensky élu")),
    KnownEvent("hamas_attack_israel", "2023-10-07", "day", ("hamas", "7 octobre", "october 7")),
    KnownEvent("covid_pandemic", "2020-03-11", "day", ("pandémie", "pandemic", "covid")),
    KnownEvent("minsk_ii", "2015-02-12", "day", ("minsk",)),
    # generic war words last: a named place or actor above is the better clue
    KnownEvent(
        "russia_full_scale_invasion",
        "2022-02-24",
        "day",
        (
            "envahi",
            "invasion",
            "offensive",
            "guerre",
            "conflit",
            "invaded",
            "invade",
            "war",
            "agression",
            "full-scale",
            "grande échelle",
        ),
    ),
)


def events_near(context: str) -> list[KnownEvent]:
    """Known events whose stems occur in ``context`` (case-insensitive)."""
    low = context.lower()
    return [e for e in KNOWN_EVENTS if any(s in low for s in e.stems)]
