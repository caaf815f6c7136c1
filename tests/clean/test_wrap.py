"""Hard-wrapped text (wire copy, e-mail, text extracted from PDF): every line of a paragraph
broken at a fixed width. The cleaner reads such a paragraph as one line and writes a space for
each wrapping newline, so the rest of the pipeline reads it as any other article."""
from __future__ import annotations

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from dossier.clean import clean_text
from dossier.clean.wrap import hard_wrap, wrapped_breaks

HEAD = "Les médiateurs annoncent une trêve de trois jours dans le nord"
PARAS = [
    "Les délégations des deux pays se sont retrouvées mardi à Genève pour une nouvelle journée de "
    "discussions techniques, sous l'égide des Nations unies, a indiqué un porte-parole de l'organisation.",
    "« Nous avons trouvé un terrain d'entente sur l'échange des prisonniers et sur l'accès des convois "
    "humanitaires aux villes assiégées », a déclaré le chef de la délégation grecque à la sortie de la réunion.",
    "Selon un diplomate présent, les échanges ont également porté sur la sécurité des installations "
    "portuaires, sans qu'aucune déclaration commune ne soit publiée à l'issue de la rencontre.",
    "Les deux parties doivent se retrouver la semaine prochaine, cette fois à Vienne, pour tenter de "
    "finaliser un texte que les médiateurs espèrent voir signé avant la fin du mois.",
]


def wrap(text: str, width: int) -> str:
    wrapped = hard_wrap(text, width)
    assert len(wrapped) == len(text)
    return wrapped


PLAIN = HEAD + "\n\n" + "\n\n".join(PARAS) + "\n"


@pytest.mark.parametrize("width", [50, 64, 72, 100])
def test_a_wrapped_article_cleans_to_the_plain_one(width):
    wrapped = wrap(PLAIN, width)
    assert wrapped.count("\n") >= PLAIN.count("\n") + 4
    assert wrapped_breaks(wrapped)
    plain, c = clean_text(PLAIN), clean_text(wrapped)
    assert c.text == plain.text
    assert c.title == plain.title == HEAD
    for i, ch in enumerate(c.text):  # every char a copy of the original, or a space for a wrapping newline
        assert c.original[c.to_original(i)] == ch or (ch == " " and c.original[c.to_original(i)] == "\n"), i


def test_crlf_wrapping():
    wrapped = wrap(PLAIN, 64).replace("\n", "\r\n")
    assert clean_text(wrapped).text.split() == clean_text(PLAIN).text.split()
    assert "\r" not in clean_text(wrapped).text.split("\n\n")[1]


@pytest.mark.parametrize("text", [
    PLAIN,  # a web page: one paragraph per line
    "\n".join(["Accueil", "International", "Europe", "Afrique", "Moyen-Orient", "Économie", "Sport", "Culture"]),
    "\n".join(["Les ministres se retrouvent à Genève", "Une trêve de trois jours est annoncée dans le nord",
               "Le chef de la délégation grecque salue un accord", "Les convois humanitaires attendus jeudi",
               "Vienne accueillera la prochaine réunion"]),
    "une seule ligne",
    "",
])
def test_texts_that_are_not_hard_wrapped(text):
    assert wrapped_breaks(text) == frozenset()
    c = clean_text(text)
    assert all(c.original[c.to_original(i)] == ch for i, ch in enumerate(c.text))


def test_wrapped_seeds_read_as_the_plain_seeds(nlp, seeds_dir):
    """The real seeds, hard-wrapped at 70 characters, give the quotes (speakers) and events
    (kinds, participants) of the plain seeds."""
    from dossier.models import Article
    from dossier.pipeline import process_article

    def summary(text):
        r = process_article(Article(raw_text=text, published="2025-12-03", published_precision="day"), nlp)
        quotes = sorted((q.start, q.speaker_id) for q in r.quotes)
        events = sorted((e.start, e.type, tuple(sorted(p.entity_id or "" for p in e.participants))) for e in r.events)
        return quotes, events

    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        wrapped = wrap(text, 70)
        assert wrapped != text
        plain_q, plain_e = summary(text)
        wrapped_q, wrapped_e = summary(wrapped)
        assert wrapped_q == plain_q, path.name
        assert wrapped_e == plain_e, path.name


_WORDS = st.sampled_from(["le", "ministre", "a", "déclaré", "«", "»", "accord", "Genève", "2025", ".", ",",
                          "trêve", "X", "-", "négociations", "mardi", "\u00a0", "é", "l'", "Hamas"])
_LINE = st.lists(_WORDS, min_size=0, max_size=25).map(" ".join)


@hsettings(max_examples=150, deadline=None, derandomize=True)
@given(lines=st.lists(_LINE, min_size=0, max_size=30), width=st.integers(min_value=20, max_value=120),
       crlf=st.booleans(), wrapped=st.booleans())
def test_cleaning_any_text_keeps_the_offset_map(lines, width, crlf, wrapped):
    text = "\n".join(lines)
    if wrapped:
        text = hard_wrap(text, width)
    if crlf:
        text = text.replace("\n", "\r\n")
    c = clean_text(text)
    for i, ch in enumerate(c.text):
        o = c.to_original(i)
        assert c.original[o] == ch or (ch == " " and c.original[o] in "\r\n"), (i, ch)
