"""Publication-date inference from content (invented texts)."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.timex import infer_published


@pytest.mark.parametrize(
    "text,value,precision",
    [
        ("Publié le 3 décembre 2025 à 10h12\nLes émissaires sont repartis.", "2025-12-03", "day"),
        ("Mis à jour le 12/03/2025\nLe sommet a été reporté.", "2025-03-12", "day"),
        ("date 2025-02\nLe président a téléphoné à son homologue.", "2025-02", "month"),
        ("Publié le mardi 2 décembre 2025. Rien de neuf.", "2025-12-02", "day"),
        # a weekday written with its date: only some years agree, the latest dated reference bounds it
        (
            "Mardi 2 décembre, les émissaires ont rencontré le président. L'invasion date du 24 février 2022.",
            "2025-12-02",
            "day",
        ),
        ("Le jeudi 13 mars, l'envoyé est arrivé à Moscou. La guerre a commencé en février 2022.", "2025-03-13", "day"),
        # offsets from well-known events give the year; a past month name gives the month
        (
            "Le Kremlin, dont l'invasion a commencé il y a presque quatre ans, a repoussé la proposition publiée en novembre.",
            "2025-12",
            "month",
        ),
        ("L'armée ukrainienne était entrée dans la région de Koursk l'année dernière.", "2025", "year"),
        ("Published on March 13, 2025\nThe envoy landed in Moscow.", "2025-03-13", "day"),
        # a dateline string on its own (as kept aside by the cleaner)
        ("2025-02", "2025-02", "month"),
        ("3 décembre 2025", "2025-12-03", "day"),
        ("Mercredi 3 décembre 2025, 10:15", "2025-12-03", "day"),
        # a dateline: a full date alone on a short line, or followed by a time
        ("Par notre correspondant\n3 décembre 2025\nLes émissaires sont repartis sans accord.", "2025-12-03", "day"),
        ("AFP, 3 décembre 2025 à 10h15 - Les émissaires sont repartis de Moscou sans accord.", "2025-12-03", "day"),
    ],
)
def test_inferred(text, value, precision):
    got = infer_published(text)
    assert got is not None
    assert got[0] == value and got[1] == precision
    assert 0.0 < got[2] <= 1.0


@pytest.mark.parametrize(
    "text",
    [
        "Les discussions continuent sans avancée notable, selon les deux camps.",
        "Mardi, les émissaires ont rencontré le président. Hier encore, rien n'était décidé.",
        "Mardi 2 décembre, les émissaires ont rencontré le président.",  # which year? no clue
        "",
    ],
)
def test_no_evidence_no_date(text):
    """Never assume today: without evidence there is no publication date."""
    assert infer_published(text) is None


@pytest.mark.parametrize("text", ["Le conflit remonte à 2014.", "2025-13"])
def test_short_texts_are_not_all_datelines(text):
    got = infer_published(text)
    assert got is None or got[2] < 0.5


def test_an_old_reference_alone_gives_no_publication_date():
    assert infer_published("Le conflit remonte à 2014, avec l'annexion.") is None


def test_a_date_in_the_lead_is_only_a_lower_bound():
    """A full date inside a long lead sentence is an event, not the dateline."""
    got = infer_published("Le 24 février 2022, les troupes russes sont entrées en Ukraine par le nord et par l'est.")
    assert got == ("2022", "year", 0.15)


def test_confidence_orders_evidence():
    meta = infer_published("Publié le 3 décembre 2025\nTexte.")
    weak = infer_published("Le conflit a repris le 2 mars 2014.")
    assert meta[2] > weak[2]


def test_accepts_a_doc():
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    import dossier.nlp  # noqa: F401

    doc = Doc(Vocab(), words="Publié le 3 décembre 2025 . Texte .".split())
    assert infer_published(doc)[0] == "2025-12-03"


# -- weekdays settle the day ------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    # a date written with its weekday is the article's own day or a day of its week
    ("Les ministres ont paraphé ce jeudi 6 mars 2025 un protocole à Genève.", "2025-03-06"),
    # no weekday: a full date in the text is only a lower bound
    ("Les ministres ont paraphé le 6 mars 2025 un protocole à Genève.", "2025"),
    # the weekday does not match the date: no anchor
    ("Les ministres ont paraphé ce vendredi 6 mars 2025 un protocole.", "2025"),
])
def test_a_date_written_with_its_weekday_is_recent(text, expected):
    assert infer_published(text)[0] == expected


def _tense(text, future_words=("entrera", "reprendront", "sera")):
    """A stand-in for the parse: a span is future when its sentence has a future verb."""
    import re

    def tense(start, end):
        sentence = re.split(r"(?<=[.!?])\s+", text[:end])[-1] + text[end:].split(".")[0]
        return "future" if any(w in sentence for w in future_words) else "past"
    return tense


@pytest.mark.parametrize("text, published, day", [
    # month from metadata; a future dated Sunday bounds the week, a past Wednesday fixes the day
    ("Les deux camps ont signé mercredi un accord. Le retrait entrera en vigueur dimanche 19 janvier 2025.",
     "2025-01", "2025-01-15"),
    # a past dated Tuesday: the day itself
    ("Les délégués se sont retrouvés ce mardi 4 février 2025 à Oslo.", "2025-02", "2025-02-04"),
    # a bare weekday alone in a month: several days fit, no day
    ("Les délégués se sont retrouvés mardi à Oslo.", "2025-02", None),
    # a day precision date is never refined
    ("Les délégués se sont retrouvés mardi à Oslo.", "2025-02-12", None),
])
def test_refine_a_month_to_the_day(text, published, day):
    from dossier.timex.infer import refine_published

    got = refine_published(text, published, "fr", _tense(text))
    assert (got.isoformat() if got else None) == day


@pytest.mark.slow
def test_mardi_resolves_through_the_dateline(nlp):
    """An article with no manifest: its dateline dates it, and its "mardi" follows."""
    from dossier.models import Article
    from dossier.pipeline import process_article
    from dossier.read.build import make_article

    raw = ("Les pourparlers reprennent à Oslo\n\nPublié le 3 décembre 2025 à 09h12\n\n"
           "Les deux délégations se sont retrouvées mardi dans la capitale norvégienne.\n")
    article = make_article(raw, "mem://oslo")
    assert isinstance(article, Article) and (article.published, article.published_basis) == ("2025-12-03", "dateline")
    records = process_article(article, nlp)
    assert [t.value for t in records.timexes if t.text == "mardi"] == ["2025-12-02"]


@pytest.mark.slow
def test_month_dateline_sharpened_by_its_weekdays(nlp):
    """No manifest, a month-only metadata line: the text's weekdays settle the day, which then
    dates its "mercredi"."""
    from dossier.pipeline import process_article
    from dossier.read.build import make_article

    raw = ("date 2025-01 Les deux camps ont signé mercredi un accord de retrait à Oslo. "
           "Le retrait entrera en vigueur dimanche 19 janvier 2025, selon les médiateurs.\n")
    records = process_article(make_article(raw, "mem://oslo"), nlp)
    art = records.article
    assert (art.published, art.published_precision, art.published_basis) == ("2025-01-15", "day", "inferred")
    assert [t.value for t in records.timexes if t.text == "mercredi"] == ["2025-01-15"]


# -- a weekday written with its date: which year -----------------------------------------------
def test_a_weekday_date_is_never_placed_after_today():
    """The latest dated reference bounds the year from below, today from above: with no year
    left between them, no day."""
    from datetime import date

    text = "Mardi 2 décembre, les délégués ont signé un protocole. La crise avait éclaté le 24 février 2022."
    assert infer_published(text, today=date(2026, 1, 1))[:2] == ("2025-12-02", "day")
    got = infer_published(text, today=date(2024, 1, 1))
    assert got is None or got[0] <= "2024-01-01"


def test_known_event_offsets_pointing_past_today_date_nothing():
    """'il y a près de dix ans' after the invasion points to the 2030s: no year before today fits."""
    from datetime import date

    text = "Jeudi 13 mars, les délégués se sont revus. L'invasion a commencé il y a près de dix ans."
    got = infer_published(text, today=date(2026, 1, 1))
    assert got is None or got[0] <= "2026-01-01"


@pytest.mark.parametrize("text", [
    "Mardi 2 décembre, les émissaires ont rencontré le président. Le conflit dure depuis 1991.",
    "Mardi 2 décembre, les émissaires ont rencontré le président. Le différend remonte à 1991.",
])
def test_a_bare_year_of_history_does_not_give_the_year_of_a_weekday_date(text):
    """'depuis 1991' only says the text is not older: the first 2 December on a Tuesday after it
    (1997) is no better a guess than any later one."""
    assert infer_published(text) is None


def test_the_terms_can_leave_one_year_for_a_weekday_date():
    """A text written during a term begun in 2018: of the years where 2 December is a Tuesday,
    only 2025 is inside the term and not after today."""
    from datetime import date

    text = "Mardi 2 décembre, les délégués ont signé un protocole à Genève."
    got = infer_published(text, during=[(date(2018, 5, 8), None)], today=date(2026, 6, 1))
    assert got[:2] == ("2025-12-02", "day")
    # a term begun in 2012 leaves 2014 and 2025: no year
    assert infer_published(text, during=[(date(2012, 5, 7), None)], today=date(2026, 6, 1)) is None


def test_a_full_date_before_the_terms_is_not_the_year_of_the_text():
    """'en février 2022' in a text whose persons hold offices begun in 2025 is history."""
    from datetime import date

    text = "Les pourparlers visent à clore le conflit ouvert en février 2022."
    assert infer_published(text) == ("2022", "year", 0.15)
    assert infer_published(text, during=[(date(2025, 5, 16), None)]) is None


# -- offsets from a dated event give the year ---------------------------------------------------
@pytest.mark.parametrize("text, value", [
    # 'N ans après' a date the sentence names
    ("Deux ans après l'attaque du 7 octobre 2023, les familles des otages défilent encore à Haïfa.", "2025"),
    ("Deux ans après l’attaque du 7 octobre 2023, les familles des otages défilent encore à Haïfa.", "2025"),
    ("Six mois après le cessez-le-feu du 10 octobre 2025, la reconstruction tarde à Rafah.", "2026"),
    # ... or a well-known event it names
    ("Un an après l'investiture de Donald Trump, les alliés européens doutent toujours.", "2026"),
    # 'il y a N ans' beside the date the sentence gives, before any well-known event
    ("La guerre au Soudan, qui a éclaté en avril 2023, il y a plus de deux ans, a ruiné Omdurman.", "2025"),
    # a short offset from a date leaves one month
    ("Les combats ont éclaté le 3 mars 2025, il y a trois semaines, près de la frontière.", "2025-03"),
    # an anniversary the extractor already dated
    ("À l'approche du troisième anniversaire de l'invasion russe, les alliés de Kiev se réunissent.", "2025"),
])
def test_offsets_from_a_dated_event(text, value):
    from datetime import date

    assert infer_published(text, today=date(2026, 12, 6))[0] == value


@pytest.mark.parametrize("text", [
    # 'après' followed by a comma counts from what was said before, not from the event named next
    "Le conflit dure depuis 2014. Deux ans après, les accords de Minsk ont été signés.",
    # a sentence dated by its own year tells the past
    "En 2016, deux ans après l'annexion de la Crimée, les sanctions ont été renforcées.",
])
def test_an_offset_in_a_told_past_does_not_date_the_text(text):
    assert infer_published(text) is None


@pytest.mark.parametrize("text, published, day", [
    # a weekday with a day of the month: the day of the metadata's month it names
    ("Les émissaires se sont revus ce lundi 13 à Charm el-Cheikh.", "2025-10", "2025-10-13"),
    # ... with its month but no year: the metadata's year gives it
    ("Les émissaires se sont revus ce lundi 13 octobre à Charm el-Cheikh.", "2025", "2025-10-13"),
    # a year holds two Mondays the 13th (January and October): no day
    ("Les émissaires se sont revus ce lundi 13 à Charm el-Cheikh.", "2025", None),
    # a clock time is not a day of the month
    ("Les émissaires se reverront mardi 14 h à Genève.", "2025-10", None),
    # the weekday does not agree with the month: no day
    ("Les émissaires se sont revus ce mardi 13 octobre à Charm el-Cheikh.", "2025", None),
])
def test_a_weekday_with_its_day_of_the_month_settles_a_month_dateline(text, published, day):
    from dossier.timex.infer import refine_published

    got = refine_published(text, published, "fr", lambda s, e: "past")
    assert (got.isoformat() if got else None) == day


def test_a_full_date_of_the_news_keeps_yearless_dates_near_it():
    """The latest date the text names in full is news of its time: its yearless dates and weekdays
    are read near it, not a year later where they fit a few days better."""
    from datetime import date

    from dossier.timex.infer import infer_published

    text = ("Le 10 mai 2025, les deux gouvernements ont annoncé une trêve. Elle est entrée en vigueur "
            "samedi à 17 heures, après les incidents qui avaient suivi l'attaque du 22 avril.")
    value, precision, _ = infer_published(text, during=[(date(2025, 1, 20), None)], today=date(2026, 12, 6))
    assert precision == "day" and value.startswith("2025-05"), value


def test_a_state_started_on_a_date_does_not_pull_the_text_to_it():
    from datetime import date

    from dossier.timex.infer import infer_published

    text = ("Les frappes ont repris mercredi 27 novembre, selon les secours. Le conflit dure depuis octobre 2023 "
            "et la trêve de mardi n'a pas tenu.")
    found = infer_published(text, during=[(date(2023, 1, 1), None)], today=date(2026, 12, 6))
    assert found is None or not found[0].startswith("2023"), found


@pytest.mark.parametrize("text, value", [
    # a press dateline opening the body, a place before the date and a full stop or dash after it
    ("Un titre\n\nPapeete, le 17 août 2025. Le ministre est attendu mardi à Nouméa.", "2025-08-17"),
    ("Un titre\n\nGenève (AFP), le 3 mars 2025 - Les délégations se sont retrouvées lundi.", "2025-03-03"),
    # an abbreviated month with a clock time
    ("Un titre\n20 Aoû. 2025 à 08h46 (TU)\nLe ministre a appelé au calme.", "2025-08-20"),
])
def test_datelines_opening_the_body(text, value):
    from dossier.timex.infer import infer_published

    assert infer_published(text)[:2] == (value, "day")


def test_a_full_date_opening_a_sentence_is_no_dateline():
    from dossier.timex.infer import infer_published

    found = infer_published("Un titre\n\nLe 3 mars 2025, les délégations des deux pays se sont retrouvées à Genève "
                            "pour un nouveau cycle.")
    assert found is None or found[1] != "day"


def test_a_weekday_date_outside_the_terms_window_leaves_the_choice_to_the_weekday():
    """'mercredi 27 novembre' falls on no day of the year the terms and a background 'depuis octobre
    2023' leave: the weekday picks the year (2024), not the first weeks of that window."""
    from datetime import date

    from dossier.timex.infer import infer_published

    text = ("Les frappes ont cessé mercredi 27 novembre à l'aube, après deux mois de combats. Le conflit dure "
            "depuis octobre 2023, et la trêve conclue le 26 novembre doit durer soixante jours.")
    value, precision, _ = infer_published(text, tense=lambda start, end: "past", during=[(date(2021, 1, 20), None)],
                                          today=date(2026, 12, 6))
    assert (value, precision) == ("2024-11-27", "day")


# -- what the inferred date rests on; a state's start; weekdays that fit several weeks --------------
def test_the_date_a_state_started_on_bounds_the_day_without_placing_it():
    """'depuis la rencontre du 3 février': the text is written after that day, not near it; its
    weekdays fit one day of every week after it, so no day is chosen."""
    from datetime import date

    from dossier.timex.infer import infer_published

    text = ("Les négociateurs se sont retrouvés jeudi à Genève. Mercredi, le ministre avait reçu les "
            "délégués. Rien n'a bougé depuis la rencontre du 3 février entre les deux camps.")
    found = infer_published(text, tense=lambda start, end: "past", during=[(date(2025, 1, 20), None)],
                            today=date(2026, 12, 6))
    assert found is None or found[1] != "day", found


def test_weekdays_that_fit_several_weeks_give_no_day():
    """A date ahead only bounds the day; a bare past weekday then fits every week before it."""
    from datetime import date

    from dossier.timex.infer import infer_published

    text = ("Les ministres se sont parlé mardi au téléphone. Le sommet prévu le 20 juin doit sceller "
            "l'accord.")
    tense = _tense(text, future_words=("doit",))
    found = infer_published(text, tense=tense, during=[(date(2025, 1, 20), None)], today=date(2026, 12, 6))
    assert found is None or found[1] != "day", found


@pytest.mark.parametrize("text, during, estimate", [
    ("Publié le 3 décembre 2025\nLes émissaires sont repartis.", None, False),
    ("Les délégués se sont retrouvés samedi 12 avril à Mascate, a annoncé le ministre.",
     [(date(2024, 8, 21), None)], True),
    ("L'armée ukrainienne était entrée dans la région de Koursk l'année dernière.", None, True),
])
def test_an_inferred_date_says_what_it_rests_on(text, during, estimate):
    from dossier.timex.infer import explain_published

    found = explain_published(text, during=during, today=date(2026, 12, 6))
    assert found is not None and found.basis
    assert found.basis.startswith("estimate") == estimate, found


@pytest.mark.slow
def test_an_article_records_the_evidence_of_its_date(nlp):
    """No manifest: the month of a metadata line stays a month when the weekdays fit several weeks
    (no day is made up), and the day sharpened by a dated weekday says it is an estimate."""
    from dossier.pipeline import process_article
    from dossier.read.build import make_article

    month_only = process_article(make_article(
        "date 2025-03 Les ministres se sont retrouvés mardi à Oslo pour un nouveau cycle.\n", "mem://a"), nlp)
    assert (month_only.article.published, month_only.article.published_precision) == ("2025-03", "month")
    assert "published_evidence" not in month_only.article.extra

    day = process_article(make_article(
        "date 2025-01 Les deux camps ont signé mercredi un accord à Oslo. "
        "Le retrait entrera en vigueur dimanche 19 janvier 2025, selon les médiateurs.\n", "mem://b"), nlp)
    assert day.article.published == "2025-01-15"
    assert day.article.extra["published_evidence"].startswith("estimate"), day.article.extra


# -- a day the text names as yesterday or today ---------------------------------------------------
@pytest.mark.parametrize("text, during, value", [
    # a full date apposed to "hier": the text is written the day after it
    ("Hier, le 3 mars 2025, les délégations se sont retrouvées à Genève.", None, "2025-03-04"),
    ("Les délégations se sont retrouvées hier, mardi 4 mars 2025, à Genève.", None, "2025-03-05"),
    # a yearless one inside the office terms of the text's persons
    ("Les ministres se sont réunis hier, lundi 1er décembre, à Rome.", [(date(2025, 1, 20), None)], "2025-12-02"),
])
def test_a_date_named_as_yesterday_gives_the_day_after_it(text, during, value):
    from dossier.timex.infer import infer_published

    found = infer_published(text, during=during, today=date(2026, 12, 6))
    assert found is not None and found[:2] == (value, "day"), found


@pytest.mark.parametrize("text, published, day", [
    # "hier, mardi 11" inside a month from metadata: written on Wednesday the 12th
    ("Les ministres se sont retrouvés hier, mardi 11, à Oslo.", "2025-03", "2025-03-12"),
    # "hier mardi" alone: a Wednesday, but four of them in the month
    ("Les ministres se sont retrouvés hier mardi à Oslo.", "2025-03", None),
])
def test_a_weekday_named_as_yesterday_in_a_month(text, published, day):
    from dossier.timex.infer import refine_published

    got = refine_published(text, published, "fr", _tense(text))
    assert (got.isoformat() if got else None) == day


@pytest.mark.parametrize("published", ["9999-12", "9999", "0001-01"])
def test_a_month_at_the_calendars_edge_is_not_refined(published):
    """Metadata naming the calendar's last or first month: no day, and no error."""
    from dossier.timex.infer import refine_published

    text = "Les ministres se sont vus hier, vendredi 31, à Rome. Ils se reverront demain, lundi 1er."
    assert refine_published(text, published, "fr") is None


@pytest.mark.parametrize("text", [
    # a date a state started on: the state may have lasted years, the text's year is not its year
    "Les patrouilles se sont multipliées à partir de janvier 2024 le long de la côte.",
    "Les exportations sont suspendues depuis le 3 mars 2024, selon la chambre de commerce.",
    # the outbreak of what goes on: "a éclaté en mai 2024" bounds the text as "depuis mai 2024" does
    "La grève se poursuit dans les ports, un mouvement qui a éclaté en mai 2024.",
    "The dockers are still on strike; the dispute broke out in May 2024.",
])
def test_a_date_a_state_started_on_is_not_the_year_of_the_text(text):
    assert infer_published(text) is None
