"""The normalisation table: expression + anchor (+ tense) -> ISO value, type, precision, mod.

Anchor A is Wednesday 3 December 2025 (ISO week 49). Expected values written by hand.
Columns: expression, anchor, tense, value, type, precision, mod ("-" = not checked).
"""

from __future__ import annotations

import pytest

from dossier.timex import find_timexes, normalise

A = "2025-12-03"
_ = "-"

FRENCH = [
    # weekdays: latest on/before the anchor unless future
    ("mardi", A, None, "2025-12-02", "date", "day", None),
    ("lundi", A, None, "2025-12-01", "date", "day", None),
    ("mercredi", A, None, "2025-12-03", "date", "day", None),
    ("jeudi", A, None, "2025-11-27", "date", "day", None),
    ("vendredi", A, None, "2025-11-28", _, _, _),
    ("samedi", A, None, "2025-11-29", _, _, _),
    ("dimanche", A, None, "2025-11-30", _, _, _),
    ("Mardi", A, None, "2025-12-02", _, _, _),
    ("jeudi", A, "future", "2025-12-04", "date", "day", None),
    ("vendredi", A, "future", "2025-12-05", _, _, _),
    ("lundi", A, "future", "2025-12-08", _, _, _),
    ("mercredi", A, "future", "2025-12-03", _, _, _),
    ("jeudi", A, "past", "2025-11-27", _, _, _),
    ("vendredi", A, "present", "2025-12-05", _, _, _),
    ("lundi", A, "present", "2025-12-01", _, _, _),
    ("mercredi", A, "present", "2025-12-03", _, _, _),
    ("mardi dernier", A, None, "2025-12-02", _, _, _),
    ("mercredi dernier", A, None, "2025-11-26", _, _, _),
    ("mercredi prochain", A, None, "2025-12-10", _, _, _),
    ("jeudi prochain", A, None, "2025-12-04", _, _, _),
    ("lundi prochain", A, "past", "2025-12-08", _, _, _),
    ("jeudi matin", A, None, "2025-11-27", "date", "day", _),
    ("mardi soir", A, None, "2025-12-02", _, _, _),
    ("lundi après-midi", A, None, "2025-12-01", _, _, _),
    ("vendredi soir dernier", A, None, "2025-11-28", _, _, _),
    ("samedi prochain", A, "past", "2025-12-06", _, _, _),
    ("ce mardi", A, None, "2025-12-02", _, _, _),
    ("dans la nuit de lundi à mardi", A, None, "2025-12-02", _, _, _),
    ("dans la nuit du 17 au 18 mars", A, "past", "2025-03-18", "date", "day", _),  # one night, dated by its end
    ("la nuit du 30 novembre au 1er décembre", A, None, "2025-12-01", "date", "day", _),
    # deictic days
    ("hier", A, None, "2025-12-02", "date", "day", None),
    ("avant-hier", A, None, "2025-12-01", _, _, _),
    ("aujourd'hui", A, None, "2025-12-03", _, _, _),
    ("aujourd’hui", A, None, "2025-12-03", _, _, _),
    ("demain", A, None, "2025-12-04", _, _, _),
    ("après-demain", A, None, "2025-12-05", _, _, _),
    ("hier soir", A, None, "2025-12-02", _, _, _),
    ("demain matin", A, None, "2025-12-04", _, _, _),
    ("ce matin", A, None, "2025-12-03", _, _, _),
    ("ce soir", A, None, "2025-12-03", _, _, _),
    ("cet après-midi", A, None, "2025-12-03", _, _, _),
    ("cette nuit", A, None, "2025-12-03", _, _, _),
    ("la nuit dernière", A, None, "2025-12-03", _, _, _),
    ("pendant la nuit", A, None, "2025-12-03", _, _, _),
    ("la veille", A, None, "2025-12-02", _, _, _),
    ("le lendemain", A, None, "2025-12-04", _, _, _),
    # weeks, months, years relative to the anchor
    ("la semaine dernière", A, None, "2025-W48", "date", "week", None),
    ("la semaine passée", A, None, "2025-W48", _, "week", _),
    ("La semaine dernière encore", A, None, "2025-W48", _, _, _),
    ("la semaine prochaine", A, None, "2025-W50", _, _, _),
    ("cette semaine", A, None, "2025-W49", _, "week", _),
    ("la dernière semaine", A, None, "2025-W48", _, _, _),
    ("le mois dernier", A, None, "2025-11", _, "month", _),
    ("le mois prochain", A, None, "2026-01", _, _, _),
    ("ce mois-ci", A, None, "2025-12", _, _, _),
    ("l'an dernier", A, None, "2024", "date", "year", None),
    ("l'année dernière", A, None, "2024", _, "year", _),
    ("l’année passée", A, None, "2024", _, _, _),
    ("l'an prochain", A, None, "2026", _, _, _),
    ("l'année prochaine", A, None, "2026", _, _, _),
    ("cette année", A, None, "2025", _, "year", _),
    ("le week-end dernier", A, None, "2025-W48", "date", "week", _),
    ("au cours du week-end", A, None, "2025-W48", _, "week", _),
    ("pendant le week-end", A, None, "2025-W48", _, _, _),
    ("ce week-end", A, "future", "2025-W49", _, _, _),
    ("le week-end prochain", A, None, "2025-W49", _, _, _),
    ("en début de semaine", A, None, "2025-W49", _, "week", "start"),
    ("en fin de semaine", A, None, "2025-W49", _, _, "end"),
    ("en fin d'année", A, None, "2025", _, "year", "end"),
    ("en début de mois", A, None, "2025-12", _, "month", "start"),
    ("depuis le début de l'année", A, None, "2025", _, "year", "start"),
    ("au début de la semaine prochaine", A, None, "2025-W50", _, _, "start"),
    # months and seasons
    ("en octobre", A, None, "2025-10", "date", "month", None),
    ("en novembre", A, None, "2025-11", _, _, _),
    ("en décembre", A, None, "2025-12", _, _, _),
    ("en janvier", A, None, "2025-01", _, _, _),
    ("en janvier", A, "future", "2026-01", _, _, _),
    ("en mars prochain", A, None, "2026-03", _, _, _),
    ("en juin dernier", A, None, "2025-06", _, _, _),
    ("octobre dernier", A, None, "2025-10", _, _, _),
    ("juin prochain", A, None, "2026-06", _, _, _),
    ("fin septembre", A, None, "2025-09", _, "month", "end"),
    ("début mars", A, None, "2025-03", _, _, "start"),
    ("mi-mars", A, None, "2025-03", _, _, "mid"),
    ("à la mi-novembre", A, None, "2025-11", _, _, "mid"),
    ("courant octobre", A, None, "2025-10", _, _, _),
    ("en juillet de l'année dernière", A, None, "2024-07", _, "month", _),
    ("en mai de cette année", A, None, "2025-05", _, _, _),
    ("en février 2022", A, None, "2022-02", "date", "month", None),
    ("janvier 2017", A, None, "2017-01", _, _, _),
    ("fin 2024", A, None, "2024", _, "year", "end"),
    ("début 2026", A, None, "2026", _, "year", "start"),
    ("mi-2023", A, None, "2023", _, _, "mid"),
    ("depuis janvier", A, None, "2025-01", _, "month", "after"),
    ("à l'automne", A, None, "2025-FA", "date", "season", _),
    ("au printemps", A, None, "2025-SP", _, _, _),
    ("au printemps", A, "future", "2026-SP", _, _, _),
    ("l'été dernier", A, None, "2025-SU", _, _, _),
    ("au printemps 2026", A, None, "2026-SP", _, _, _),
    ("les années 1990", A, None, "199", _, "decade", _),
    ("les années 90", A, None, "199", _, _, _),
    # years
    ("en 2014", A, None, "2014", "date", "year", None),
    ("2014", A, None, "2014", _, _, _),
    ("depuis 2014", A, None, "2014", _, _, "after"),
    ("avant 2014", A, None, "2014", _, _, "before"),
    ("d'avant 2014", A, None, "2014", _, _, "before"),
    ("jusqu'en 2030", A, None, "2030", _, _, "before"),
    # full and partial dates
    ("le 24 février 2022", A, None, "2022-02-24", "date", "day", None),
    ("24 février 2022", A, None, "2022-02-24", _, _, _),
    ("le 1er janvier 2025", A, None, "2025-01-01", _, _, _),
    ("le premier mai 2024", A, None, "2024-05-01", _, _, _),
    ("mardi 2 décembre 2025", A, None, "2025-12-02", _, _, _),
    ("12 mars", A, "past", "2025-03-12", _, "day", _),
    ("12 mars", A, None, "2026-03-12", _, _, _),
    ("le 28 février", A, "past", "2025-02-28", _, _, _),
    ("le 15 janvier", A, "future", "2026-01-15", _, _, _),
    ("le 30 novembre", A, None, "2025-11-30", _, _, _),
    ("03/12/2025", A, None, "2025-12-03", _, _, _),
    ("2025-11-30", A, None, "2025-11-30", _, _, _),
    # offsets
    ("il y a trois jours", A, None, "2025-11-30", "date", "day", None),
    ("il y a 3 jours", A, None, "2025-11-30", _, _, _),
    ("il y a une semaine", A, None, "2025-W48", _, "week", _),
    ("il y a deux semaines", A, None, "2025-W47", _, _, _),
    ("il y a quinze jours", A, None, "2025-W47", _, "week", _),
    ("il y a huit jours", A, None, "2025-W48", _, _, _),
    ("il y a un mois", A, None, "2025-11", _, "month", _),
    ("il y a six mois", A, None, "2025-06", _, _, _),
    ("il y a un an", A, None, "2024-12", _, "month", _),
    ("il y a deux ans", A, None, "2023-12", _, _, _),
    ("il y a près de cinq ans", A, None, "2020-12", _, _, "approx"),
    ("il y a environ cinq ans", A, None, "2020-12", _, _, "approx"),
    ("il y a plus de dix ans", A, None, "2015-12", _, _, "before"),
    ("il y a vingt-cinq ans", A, None, "2000-12", _, _, _),
    ("il y a trente ans", A, None, "1995-12", _, _, _),
    ("il y a quelques mois", A, None, "2025-09", _, _, "approx"),
    ("il y a une dizaine d'années", A, None, "2015-12", _, _, "approx"),
    ("il y a peu", A, None, "2025-12", _, "month", "approx"),
    ("depuis trois jours", A, None, "2025-11-30", _, _, "after"),
    ("depuis plus d'un an", A, None, "2024-12", _, _, "before"),
    ("depuis près de trois ans", A, None, "2022-12", _, _, "approx"),
    ("depuis deux semaines", A, None, "2025-W47", _, _, "after"),
    ("dans un an", A, None, "2026-12", "date", "month", None),
    ("dans trois jours", A, None, "2025-12-06", _, "day", _),
    ("dans deux semaines", A, None, "2025-W51", _, _, _),
    ("d'ici deux ans", A, None, "2027-12", _, _, "before"),
    ("dans six mois", A, None, "2026-06", _, _, _),
    ("au cours des trois derniers mois", A, None, "2025-10", _, "month", "approx"),
    ("lors de la dernière quinzaine", A, None, "2025-11", _, "month", "approx"),
    ("ces derniers jours", A, None, "2025-W49", _, "week", "approx"),
    ("ces dernières semaines", A, None, "2025-11", _, _, _),
    ("les deux dernières semaines", A, None, "2025-11", _, _, _),
    ("ces dernières années", A, None, "202", _, "decade", _),
    # present / vague
    ("maintenant", A, None, "2025-12-03", "date", "day", None),
    ("actuellement", A, None, "2025-12-03", _, _, _),
    ("désormais", A, None, "2025-12-03", _, _, _),
    ("à présent", A, None, "2025-12-03", _, _, _),
    ("jusqu'à présent", A, None, "2025-12-03", _, _, "before"),
    ("jusqu'ici", A, None, "2025-12-03", _, _, "before"),
    ("à ce jour", A, None, "2025-12-03", _, _, "before"),
    ("pour l'instant", A, None, "2025-12-03", _, _, _),
    ("pour l'heure", A, None, "2025-12-03", _, _, _),
    ("en ce moment", A, None, "2025-12-03", _, _, _),
    ("immédiatement", A, None, "2025-12-03", _, _, _),
    ("plus tôt", A, None, "2025-12-03", _, _, "before"),
    ("un peu plus tôt", A, None, "2025-12-03", _, _, "before"),
    ("plus tôt dans la semaine", A, None, "2025-W49", _, "week", "before"),
    ("plus tôt cette année", A, None, "2025", _, "year", "before"),
    ("précédemment", A, None, "2025-12-03", _, _, "before"),
    ("récemment", A, None, "2025-12", _, "month", "approx"),
    ("par le passé", A, None, "2024", _, "year", "before"),
    ("de longue date", A, None, "2024", _, "year", "before"),
    # clock times
    ("à 17 heures", A, None, "2025-12-03T17:00", "time", "time", None),
    ("à 17 heures (heure locale)", A, None, "2025-12-03T17:00", "time", _, _),
    ("vers 9 h", A, None, "2025-12-03T09:00", "time", _, "approx"),
    ("17h30", A, None, "2025-12-03T17:30", "time", _, _),
    ("à 8h15", A, None, "2025-12-03T08:15", "time", _, _),
    ("14:45", A, None, "2025-12-03T14:45", "time", _, _),
    ("dès 6 heures", A, None, "2025-12-03T06:00", "time", _, "after"),
    # durations (not clock times)
    ("cinq heures de discussions", A, None, "PT5H", "duration", _, None),
    ("pendant trois heures", A, None, "PT3H", "duration", _, _),
    ("près de quatre heures de retard", A, None, "PT4H", "duration", _, "approx"),
    ("une trêve de 30 jours", A, None, "P30D", "duration", _, _),
    ("deux semaines de combats", A, None, "P2W", "duration", _, _),
    ("trois ans de guerre", A, None, "P3Y", "duration", _, _),
    ("quarante-huit heures", A, None, "PT48H", "duration", _, _),
    ("vingt-quatre heures", A, None, "PT24H", "duration", _, _),
    ("six mois", A, None, "P6M", "duration", _, _),
    ("plusieurs jours", A, None, "PXD", "duration", _, "approx"),
    ("une heure", A, None, "PT1H", "duration", _, _),
    # sets
    ("chaque lundi", A, None, "XXXX-WXX-1", "set", _, _),
    ("tous les mardis", A, None, "XXXX-WXX-2", "set", _, _),
    # anchor known only to the month: resolve at the precision available
    ("mardi", "2025-12", None, "2025-12", "date", "month", _),
    ("hier", "2025-12", None, "2025-12", _, "month", _),
    ("la semaine dernière", "2025-12", None, "2025-12", _, "month", _),
    ("en octobre", "2025-12", None, "2025-10", _, "month", _),
    ("l'année dernière", "2025-12", None, "2024", _, "year", _),
    ("il y a deux ans", "2025-12", None, "2023-12", _, _, _),
    ("le 24 février 2022", "2025-12", None, "2022-02-24", _, "day", _),
    ("mardi", "2025", None, "2025", _, "year", _),
    ("l'année dernière", "2025", None, "2024", _, _, _),
    ("mardi", None, None, None, "date", _, _),
    ("le 24 février 2022", None, None, "2022-02-24", _, _, _),
    # another anchor: Thursday 13 March 2025
    ("jeudi matin", "2025-03-13", None, "2025-03-13", _, _, _),
    ("mercredi", "2025-03-13", None, "2025-03-12", _, _, _),
    ("en début de semaine", "2025-03-13", None, "2025-W11", _, _, _),
    ("l'année dernière", "2025-03-13", None, "2024", _, _, _),
    ("le 28 février", "2025-03-13", None, "2025-02-28", _, _, _),
    ("depuis près de trois ans", "2025-02-12", None, "2022-02", _, _, "approx"),
    # "depuis" always looks back, whatever the tense of the sentence
    ("depuis le mois de septembre", A, "future", "2025-09", _, _, "after"),
    ("depuis mardi", A, "future", "2025-12-02", _, _, "after"),
    # "d'ici" always looks forward
    ("d'ici vendredi", A, None, "2025-12-05", _, _, "before"),
    ("d'ici mars", A, None, "2026-03", _, _, "before"),
    ("d'ici à la fin mars", A, None, "2026-03", _, _, _),
    ("d'ici le 15 janvier", A, "past", "2026-01-15", _, _, _),
    ("le 2 décembre dernier", A, "future", "2025-12-02", _, _, _),
    # parts of a period, with or without a named month or year
    ("à la fin du mois de novembre", A, None, "2025-11", _, "month", "end"),
    ("au début du mois de mars", A, None, "2025-03", _, _, "start"),
    ("à la fin de l'année 2024", A, None, "2024", _, "year", "end"),
    ("à la fin du mois", A, None, "2025-12", _, "month", "end"),
    ("d'ici la fin de l'année", A, None, "2025", _, "year", "end"),
    ("dans les prochains jours", A, None, "2025-W49", _, "week", "approx"),
    ("dans les semaines à venir", A, None, "2025-12", _, "month", "approx"),
    ("au cours des dernières 24 heures", A, None, "2025-W49", _, _, "approx"),
    ("dans la soirée", A, None, "2025-12-03", _, "day", _),
    ("à midi", A, None, "2025-12-03T12:00", "time", _, _),
    ("vers minuit", A, None, "2025-12-03T00:00", "time", _, "approx"),
    # holidays
    ("avant Noël", A, None, "2025-12-25", "date", "day", "before"),
    ("Noël 2024", A, None, "2024-12-25", _, _, _),
    ("à Pâques", A, "future", "2026-04-05", _, _, _),
    ("la Toussaint", A, "past", "2025-11-01", _, _, _),
]

ENGLISH = [
    ("yesterday", A, None, "2025-12-02", "date", "day", None),
    ("today", A, None, "2025-12-03", _, _, _),
    ("tomorrow", A, None, "2025-12-04", _, _, _),
    ("the day before yesterday", A, None, "2025-12-01", _, _, _),
    ("on Tuesday", A, None, "2025-12-02", _, _, _),
    ("Monday", A, None, "2025-12-01", _, _, _),
    ("last Friday", A, None, "2025-11-28", _, _, _),
    ("next Monday", A, None, "2025-12-08", _, _, _),
    ("Thursday", A, "future", "2025-12-04", _, _, _),
    ("Tuesday night", A, None, "2025-12-02", _, _, _),
    ("this morning", A, None, "2025-12-03", _, _, _),
    ("tonight", A, None, "2025-12-03", _, _, _),
    ("last week", A, None, "2025-W48", "date", "week", _),
    ("next week", A, None, "2025-W50", _, _, _),
    ("this week", A, None, "2025-W49", _, _, _),
    ("last month", A, None, "2025-11", _, "month", _),
    ("next year", A, None, "2026", _, "year", _),
    ("last year", A, None, "2024", _, _, _),
    ("this year", A, None, "2025", _, _, _),
    ("in October", A, None, "2025-10", _, "month", _),
    ("last October", A, None, "2025-10", _, _, _),
    ("since January", A, None, "2025-01", _, _, "after"),
    ("24 February 2022", A, None, "2022-02-24", _, "day", _),
    ("February 24, 2022", A, None, "2022-02-24", _, _, _),
    ("in February 2022", A, None, "2022-02", _, "month", _),
    ("in 2014", A, None, "2014", _, "year", _),
    ("since 2014", A, None, "2014", _, _, "after"),
    ("early 2026", A, None, "2026", _, _, "start"),
    ("late September", A, None, "2025-09", _, _, "end"),
    ("mid-March", A, None, "2025-03", _, _, "mid"),
    ("three days ago", A, None, "2025-11-30", _, _, _),
    ("nearly four years ago", A, None, "2021-12", _, _, "approx"),
    ("two weeks ago", A, None, "2025-W47", _, _, _),
    ("in two weeks", A, None, "2025-W51", _, _, _),
    ("over the past three months", A, None, "2025-10", _, _, "approx"),
    ("now", A, None, "2025-12-03", _, _, _),
    ("so far", A, None, "2025-12-03", _, _, "before"),
    ("earlier this week", A, None, "2025-W49", _, "week", "before"),
    ("at 5 pm", A, None, "2025-12-03T17:00", "time", _, _),
    ("5:30 p.m.", A, None, "2025-12-03T17:30", "time", _, _),
    ("for three hours", A, None, "PT3H", "duration", _, _),
    ("a 30-day ceasefire", A, None, "P30D", "duration", _, _),
    ("over the weekend", A, None, "2025-W48", _, "week", _),
    ("the 1990s", A, None, "199", _, "decade", _),
    ("in the autumn", A, None, "2025-FA", _, "season", _),
    ("since September", A, "future", "2025-09", _, _, "after"),
    ("by Christmas", A, None, "2025-12-25", _, _, "before"),
    ("Thanksgiving", A, "past", "2025-11-27", _, _, _),
]


def _check(expression, anchor, tense, value, type_, precision, mod, lang):
    tx = normalise(expression, anchor, lang=lang, tense=tense)
    assert tx is not None, f"nothing found in {expression!r}"
    assert tx.value == value, (expression, tx)
    if type_ != _:
        assert tx.type == type_, (expression, tx)
    if precision != _:
        assert tx.precision == precision, (expression, tx)
    if mod != _:
        assert tx.mod == mod, (expression, tx)


@pytest.mark.parametrize("expression,anchor,tense,value,type_,precision,mod", FRENCH)
def test_french(expression, anchor, tense, value, type_, precision, mod):
    _check(expression, anchor, tense, value, type_, precision, mod, "fr")


@pytest.mark.parametrize("expression,anchor,tense,value,type_,precision,mod", ENGLISH)
def test_english(expression, anchor, tense, value, type_, precision, mod):
    _check(expression, anchor, tense, value, type_, precision, mod, "en")


def test_table_sizes():
    assert len(FRENCH) >= 150 and len(ENGLISH) >= 30


@pytest.mark.parametrize(
    "expression,lang",
    [
        ("plus tard", "fr"),
        ("depuis longtemps", "fr"),
        ("par la suite", "fr"),
        ("peu après", "fr"),
        ("entre-temps", "fr"),
        ("trois jours plus tard", "fr"),
        ("deux semaines après", "fr"),
        ("tôt ou tard", "fr"),
        ("la réunion", "fr"),
        ("a été", "fr"),
        ("later", "en"),
        ("two days after", "en"),
        ("in the meantime", "en"),
        ("Mars est une planète", "fr"),
    ],
)
def test_unresolvable_or_not_temporal(expression, lang):
    assert normalise(expression, A, lang=lang) is None


@pytest.mark.parametrize(
    "text,expected",
    [
        ("du 10 au 12 mars 2025", ["2025-03-10", "2025-03-12"]),
        ("entre 2014 et 2022", ["2014", "2022"]),
        ("de 2017 à 2021", ["2017", "2021"]),
        ("(janvier 2017-janvier 2021)", ["2017-01", "2021-01"]),
        ("depuis lors", [None]),
        ("en février 2022. Depuis cette date, rien.", ["2022-02", "2022-02"]),
        ("le 24 février 2022, puis la veille du sommet", ["2022-02-24"]),
        ("en août 2024 et, depuis lors, la Russie", ["2024-08", "2024-08"]),
        ("le 10 mars 2025 ; le lendemain, il repart.", ["2025-03-10", "2025-03-11"]),
        ("à l'approche du cinquième anniversaire du sommet du 12 mars 2020", ["2025-03-12", "2020-03-12"]),
        ("L'armée russe est entrée en Ukraine il y a presque quatre ans, lors de l'invasion.", ["2022-02"]),
        (
            "Mardi, les discussions ont commencé. Prévue à 17 heures, la rencontre a eu lieu.",
            ["2025-12-02", "2025-12-02T17:00"],
        ),
        ("Il y a 2000 soldats et 1500 km de front.", []),
        ("Les 24 et 25 février 2025, les ministres se sont vus.", ["2025-02-24", "2025-02-25"]),
        (
            "En mars 2024, il a signé. La semaine suivante, il a renoncé. L'année précédente, il hésitait.",
            ["2024-03", "2024-W10", "2023"],
        ),
        ("Le ministre Jean-Noël Barrot est arrivé.", []),
        ("Il attend depuis des mois, depuis longtemps même.", []),
        # an hours offset opening a sentence: the day of the date given last; inside one, an offset
        # from another event of the sentence, no date
        ("Le traité est signé le 4 juin 2025. Quelques heures plus tôt, le roi a parlé.", ["2025-06-04", "2025-06-04"]),
        ("Le 4 juin 2025, Paris a cédé. Et deux heures plus tard, Rome a suivi.", ["2025-06-04", "2025-06-04"]),
        ("Le 4 juin 2025, Paris a cédé, suivi par Rome douze heures plus tard.", ["2025-06-04"]),
        ("Le 4 juin 2025, il a dit : « quelques heures plus tard, tout était fini ».", ["2025-06-04"]),
    ],
)
def test_in_context(text, expected):
    assert [t.value for t in find_timexes(text, A, lang="fr")] == expected


@pytest.mark.parametrize("anchor", [None, "2025", "2025-12", "0001-01-01", "9999-12-31", "not a date"])
@pytest.mark.parametrize(
    "expression",
    [
        "il y a 1000000 ans",
        "dans 99999 ans",
        "le 31 février",
        "45/13/2025",
        "2025-13-45",
        "la veille",
        "le lendemain",
        "demain",
        "la semaine prochaine",
        "le 5000e anniversaire de l'invasion",
        "",
    ],
)
def test_edge_inputs_never_raise(expression, anchor):
    tx = normalise(expression, anchor)
    assert tx is None or (tx.value is None or isinstance(tx.value, str))


@pytest.mark.parametrize(
    "expression,value",
    [
        ("il y a 1000000 ans", None),  # outside the calendar: found, not dated
        ("le 31 février", "2025-02"),  # an impossible day falls back on its month
    ],
)
def test_impossible_dates(expression, value):
    tx = normalise(expression, A)
    assert tx is not None and tx.value == value
