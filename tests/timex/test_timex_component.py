"""The dossier_time component on invented sentences: tense-driven weekdays, sentence times, fallback."""

from __future__ import annotations

import pytest

import dossier.timex.component  # noqa: F401  (registers the factory)
from dossier.models import SentenceTime, Timex

PUB = "2025-12-03"  # a Wednesday

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def time_nlp(base_nlp):
    """The shared bare model plus our component, applied by hand (the session model is not changed)."""
    return base_nlp, base_nlp.create_pipe("dossier_time")


def run(pipeline, text, published=PUB, language="fr"):
    nlp, component = pipeline
    doc = nlp.make_doc(text)
    doc._.published = published
    doc._.language = language
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return component(doc)


def values(doc, expression):
    return [t.value for t in doc._.timexes if t.text == expression]


@pytest.mark.parametrize(
    "text,expression,value",
    [
        # future tense or a planning word points forward
        ("Le négociateur américain rencontrera Vladimir Poutine jeudi à Moscou.", "jeudi", "2025-12-04"),
        ("Les deux délégations se retrouveront vendredi à Genève.", "vendredi", "2025-12-05"),
        ("Le sommet est prévu vendredi à Istanbul.", "vendredi", "2025-12-05"),
        ("Zelensky doit se rendre à Bruxelles lundi pour voir ses alliés.", "lundi", "2025-12-08"),
        ("Les ministres se parleraient samedi, selon un diplomate.", "samedi", "2025-12-06"),
        ("Zelensky va se rendre à Washington lundi prochain.", "lundi prochain", "2025-12-08"),
        ("Le Kremlin a annoncé que Poutine recevra l'émissaire le 15 janvier.", "le 15 janvier", "2026-01-15"),
        # past and present tense point back (on or before publication)
        ("Poutine a reçu l'émissaire américain jeudi au Kremlin.", "jeudi", "2025-11-27"),
        ("Les combats se poursuivaient lundi dans le Donbass.", "lundi", "2025-12-01"),
        ("Les combats continuent mercredi sur le front sud.", "mercredi", "2025-12-03"),
        # present tense: the nearer of last and next such day
        ("Emmanuel Macron reçoit vendredi les dirigeants européens à Paris.", "vendredi", "2025-12-05"),
        ("Le Parlement examine lundi le texte sur les sanctions.", "lundi", "2025-12-01"),
        ("Le ministre a rappelé la rencontre du 28 février.", "28 février", "2025-02-28"),
        # durations are not clock times; clock times take the day named before
        ("Les pourparlers ont duré cinq heures mardi soir.", "cinq heures", "PT5H"),
        ("Mardi, la réunion a commencé à 18 heures.", "à 18 heures", "2025-12-02T18:00"),
        ("Une trêve de 45 jours a été proposée aux belligérants.", "45 jours", "P45D"),
    ],
)
def test_direction_and_types(time_nlp, text, expression, value):
    doc = run(time_nlp, text)
    assert value in values(doc, expression), [(t.text, t.value) for t in doc._.timexes]


def test_records_are_timex_with_offsets_and_sentences(time_nlp):
    text = "Aucune avancée hier. Les émissaires repartiront demain matin vers Washington."
    doc = run(time_nlp, text)
    assert all(isinstance(t, Timex) for t in doc._.timexes)
    for t in doc._.timexes:
        assert doc.text[t.start : t.end] == t.text
        assert t.anchor == PUB
    by_text = {t.text: t for t in doc._.timexes}
    assert by_text["hier"].sentence == 0 and by_text["hier"].value == "2025-12-02"
    assert by_text["demain matin"].sentence == 1 and by_text["demain matin"].value == "2025-12-04"


def test_sentence_times_governing_nearest_and_fallback(time_nlp):
    text = (
        "Le Kremlin a annoncé hier que Poutine se rendrait en Inde le 4 décembre. "
        "Aucun accord n'a été trouvé sur les territoires. "
        "Les frappes, selon Kiev, auraient visé des dépôts vendredi."
    )
    doc = run(time_nlp, text)
    st = doc._.sentence_times
    assert len(st) == len(list(doc.sents)) == 3
    assert all(isinstance(s, SentenceTime) for s in st)
    assert st[0].basis == "governing" and st[0].value == "2025-12-02"
    assert doc._.timexes[st[0].timex_index].text == "hier"
    assert st[1].basis == "publication-fallback" and st[1].value == PUB and st[1].precision == "day"
    assert st[2].basis in ("governing", "nearest") and st[2].value == "2025-11-28"


def test_sentence_time_none_without_publication(time_nlp):
    doc = run(time_nlp, "Aucun accord n'a été trouvé sur les territoires.", published=None)
    assert [s.basis for s in doc._.sentence_times] == ["none"]
    assert doc._.published is None


def test_month_precision_anchor(time_nlp):
    doc = run(time_nlp, "Les négociateurs se sont vus mardi à Riyad.", published="2025-12")
    assert values(doc, "mardi") == ["2025-12"]


def test_english_document(time_nlp):
    doc = run(
        time_nlp,
        "Trump will meet Putin on Friday. Officials met last week, three years ago the war began. "
        "Envoys are due to see the Russian delegation on Saturday. Putin received them on Monday. "
        "Zelensky will travel to Berlin and then to London in early January.",
        language="en",
    )
    found = {t.text: t.value for t in doc._.timexes}
    assert found["on Friday"] == "2025-12-05"
    assert found["last week"] == "2025-W48"
    assert found["three years ago"] == "2022-12"
    assert found["on Saturday"] == "2025-12-06"
    assert found["on Monday"] == "2025-12-01"
    assert found["in early January"] == "2026-01"


def test_publication_is_inferred_when_missing(time_nlp):
    text = "Publié le mardi 2 décembre 2025. Les discussions de lundi ont échoué, a-t-on appris."
    doc = run(time_nlp, text, published=None)
    assert doc._.published == "2025-12-02"
    assert doc._.published_basis == "inferred"
    assert doc._.published_precision == "day"
    assert "2025-12-01" in values(doc, "lundi")


def test_component_version_and_factory(time_nlp):
    assert time_nlp[1].version == "dossier.time.v2"


def test_a_verb_that_is_its_own_head_does_not_loop(nlp):
    # a token at the root of its parse is its own head; the tense lookup must stop there (it
    # compared Token objects with "is", never true for two lookups, and recursed until
    # RecursionError on this invented article)
    from dossier.models import Article
    from dossier.pipeline import process_article

    text = ("Emmanuel Macron a rencontré Olaf Scholz lundi à Berlin pour préparer le sommet européen. Mardi, "
            "Emmanuel Macron a de nouveau rencontré Olaf Scholz à Berlin, cette fois pour conclure un accord "
            "sur l'énergie. En 2015, la Russie avait annexé la Crimée.")
    records = process_article(Article(raw_text=text, published="2025-06-12", published_precision="day"), nlp)
    assert {t.value for t in records.timexes if t.text in ("lundi", "Mardi")} == {"2025-06-09", "2025-06-10"}


def test_a_date_inside_a_name_dates_nothing(nlp):
    # the Mouvement du 23 mars (a KB organisation) is named after a day: no date of the text
    from dossier.models import Article
    from dossier.pipeline import process_article

    text = ("Les délégués du Mouvement du 23 mars ont rencontré mardi les médiateurs. "
            "Le Mouvement du 23 mars a salué des discussions franches.")
    rec = process_article(Article(raw_text=text, published="2025-12-03"), nlp)
    assert any(m.entity_type in ("organization", "group") and "23 mars" in m.text for m in rec.mentions), rec.mentions
    assert [t.text for t in rec.timexes] == ["mardi"], [(t.text, t.value) for t in rec.timexes]
