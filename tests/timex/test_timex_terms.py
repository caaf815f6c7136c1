"""Publication dates from the terms of the offices a text's persons hold (invented texts)."""
from __future__ import annotations

from datetime import date

import pytest

from dossier.models import Mention
from dossier.timex import infer_published
from dossier.timex.infer import consistent_day
from dossier.timex.extract import find
from dossier.timex.terms import role_terms, written_during


def _mention(text, phrase, entity_id, resolution, occurrence=0):
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    return Mention(start, start + len(phrase), phrase, "PER", entity_id, entity_id, "person", resolution=resolution)


def test_a_role_next_to_its_holder_bounds_the_text():
    text = "Le président américain Donald Trump et le chef de la diplomatie iranienne, Abbas Araghchi, ont parlé."
    mentions = [_mention(text, "président américain", "donald_trump", "kb-role"),
                _mention(text, "Donald Trump", "donald_trump", "kb-alias"),
                _mention(text, "chef de la diplomatie iranienne", "abbas_araghchi", "kb-role"),
                _mention(text, "Abbas Araghchi", "abbas_araghchi", "kb-alias")]
    assert len(role_terms(text, mentions)) == 2
    # two presidential terms, one ministry: only the second term remains
    assert written_during(text, mentions) == [(date(2025, 1, 20), None)]


@pytest.mark.parametrize("text, role, name", [
    # a former office says nothing about when the text was written
    ("L'ancien président américain Donald Trump a parlé.", "président américain", "Donald Trump"),
    # a role far from the name is not an apposition
    ("Le président américain a salué l'accord, a dit plus tard Donald Trump.", "président américain", "Donald Trump"),
])
def test_no_bound_without_a_current_role_beside_the_name(text, role, name):
    mentions = [_mention(text, role, "donald_trump", "kb-role"), _mention(text, name, "donald_trump", "kb-alias")]
    assert written_during(text, mentions) == []


def test_yearless_dates_take_the_year_the_terms_allow():
    text = ("Les bombardements ont repris dans la nuit du 17 au 18 mars, deux mois après la trêve conclue "
            "le 19 janvier dernier. La Maison Blanche a réagi lundi soir.")
    got = consistent_day(text, find(text, None, "fr"), "fr", lambda s, e: "past", [(date(2025, 1, 20), None)])
    assert got == date(2025, 3, 18)


def test_a_future_date_only_bounds_the_day():
    text = "Les délégations se sont vues samedi 12 avril à Mascate. Elles se reverront samedi 19 avril."
    tense = lambda s, e: "future" if s > text.index("reverront") else "past"  # noqa: E731
    got = consistent_day(text, find(text, None, "fr"), "fr", tense, [(date(2024, 8, 21), None)])
    assert got == date(2025, 4, 12)  # 12 April is a Saturday in 2025, not in 2024


def test_a_period_reaching_far_back_tells_nothing():
    text = "Les délégations se sont vues le 12 avril à Mascate."
    assert consistent_day(text, find(text, None, "fr"), "fr", None, [(date(2012, 5, 7), None)]) is None


def test_infer_published_uses_the_terms_only_for_dates_without_year():
    text = "Les délégations se sont vues le 12 avril à Mascate."
    assert infer_published(text) is None or infer_published(text)[1] != "day"
    value, precision, _ = infer_published(text, during=[(date(2025, 1, 20), None)])
    assert (value, precision) == ("2025-04-12", "day")


@pytest.mark.slow
def test_an_article_without_a_year_is_dated_through_its_minister(nlp):
    """No manifest, no year anywhere: the minister's term gives the year, the dates the day."""
    from dossier.pipeline import process_article
    from dossier.read.build import make_article

    raw = ("Nouvelles discussions à Mascate\n\n"
           "Le ministre iranien des Affaires étrangères Abbas Araghchi a rencontré samedi 12 avril "
           "un médiateur omanais. Les deux hommes ont convenu de se revoir samedi 19 avril.\n")
    records = process_article(make_article(raw, "mem://mascate"), nlp)
    art = records.article
    assert (art.published, art.published_precision, art.published_basis) == ("2025-04-12", "day", "inferred")


def test_a_former_office_the_holder_has_left_bounds_the_text_from_below():
    """'l'ancien président américain Joe Biden': written after his term ended (2025-01-20); a
    former office the base says is still held (Trump's second term) says nothing."""
    text = "L'ancien président américain Joe Biden a reçu des diplomates samedi 12 avril à Wilmington."
    mentions = [_mention(text, "président américain", "joe_biden", "kb-role"),
                _mention(text, "Joe Biden", "joe_biden", "kb-alias")]
    assert written_during(text, mentions) == [(date(2025, 1, 20), None)]
    current = text.replace("L'ancien président", "Le président")
    mentions = [_mention(current, "président américain", "joe_biden", "kb-role"),
                _mention(current, "Joe Biden", "joe_biden", "kb-alias")]
    assert written_during(current, mentions) == [(date(2021, 1, 20), date(2025, 1, 20))]


def test_a_date_no_day_of_the_period_places_does_not_date_the_text():
    """'vendredi 12 avril' in a text written during a term begun in January 2025: 12 April is a
    Friday in 2024, before the term, and in 2030, long after: the term's first day must not be
    taken for the publication date."""
    text = "Les délégués se sont vus vendredi 12 avril à Mascate."
    during = [(date(2025, 1, 20), None)]
    assert consistent_day(text, find(text, None, "fr"), "fr", None, during, today=date(2026, 6, 1)) is None
    got = infer_published(text, during=during, today=date(2026, 6, 1))
    assert got is None or got[0] != "2025-01-20"
    # a date the term does place still dates it
    text = "Les délégués se sont vus samedi 12 avril à Mascate."
    assert consistent_day(text, find(text, None, "fr"), "fr", None, during, today=date(2026, 6, 1)) == date(2025, 4, 12)


def test_a_date_recalled_as_past_only_does_not_date_the_text():
    """'le 3 février dernier' says the text was written after 3 February, not on it: alone, it
    places the day nowhere (the same date told as the text's news still dates it)."""
    during = [(date(2025, 1, 20), None)]
    text = "La commission examinera l'accord conclu le 3 février dernier entre les deux camps."
    assert consistent_day(text, find(text, None, "fr"), "fr", None, during, today=date(2026, 6, 1)) is None
    text = "La commission a examiné le 3 février l'accord conclu entre les deux camps."
    assert consistent_day(text, find(text, None, "fr"), "fr", None, during, today=date(2026, 6, 1)) == date(2025, 2, 3)


def test_a_time_limit_does_not_date_the_text():
    """'jusqu'au 20 septembre' is a limit the text may write before or after: the day comes from
    the date of the text's news ('mardi 2 septembre')."""
    during = [(date(2025, 1, 20), None)]
    text = ("Les négociateurs se sont quittés mardi 2 septembre sans accord ; la trêve court jusqu'au "
            "20 septembre.")
    assert consistent_day(text, find(text, None, "fr"), "fr", None, during, today=date(2026, 6, 1)) == date(2025, 9, 2)
