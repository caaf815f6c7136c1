"""Hard-wrapped text (wire copy, e-mail, text extracted from PDF): every line of a paragraph
broken at a fixed width. The cleaner reads such a paragraph as one line and writes a space for
each wrapping newline, so the rest of the pipeline reads it as any other article."""
from __future__ import annotations

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from dossier.clean import clean_text
from dossier.clean.wrap import hard_wrap, hyphen_drops, wrapped_breaks

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
                          "trêve", "X", "-", "négociations", "mardi", "\u00a0", "é", "l'", "Hamas",
                          "reconstruction", "porte-parole", "humanitaires", "a-", "-b"])
_LINE = st.lists(_WORDS, min_size=0, max_size=25).map(" ".join)


@hsettings(max_examples=150, deadline=None, derandomize=True)
@given(lines=st.lists(_LINE, min_size=0, max_size=30), width=st.integers(min_value=20, max_value=120),
       crlf=st.booleans(), wrapped=st.booleans(), hyphenate=st.booleans())
def test_cleaning_any_text_keeps_the_offset_map(lines, width, crlf, wrapped, hyphenate):
    text = "\n".join(lines)
    if wrapped:
        text = hard_wrap(text, width, hyphenate)
    if crlf:
        text = text.replace("\n", "\r\n")
    c = clean_text(text, known=lambda w: "-" not in w)  # every joined word "known": the most cutting
    assert len(c.source(0, len(text))) == len(text) - len(c.dropped)
    for i, ch in enumerate(c.text):
        o = c.to_original(i)
        assert c.original[o] == ch or (ch == " " and c.original[o] in "\r\n"), (i, ch)


# -- words cut with a hyphen at a line's end (typeset text extracted from a PDF) ---------------
CUT = ("Les délégations se sont retrouvées mardi à Genève pour une nou-\n"
       "velle journée de discussions techniques sous l'égide des Nations unies, a indi-\n"
       "qué un porte-parole de l'organisation, avant la reprise des négocia-\n"
       "tions sur l'échange des prisonniers et l'accès des convois humanitai-\n"
       "res aux villes assiégées du nord, selon le vice-\n"
       "président du comité, qui parlait jeudi soir devant la presse étrangère.\n")


def test_a_word_cut_at_the_line_end_reads_whole(nlp):
    from dossier.pipeline import known_word

    c = clean_text(CUT, known=known_word(nlp))
    for word in ("nouvelle", "indiqué", "négociations", "humanitaires", "porte-parole", "vice-président"):
        assert word in c.text.split(), word
    assert "-\n" not in c.text and "nou-" not in c.text
    for i, ch in enumerate(c.text):  # the rest of the text is still a copy of the original
        assert c.original[c.to_original(i)] == ch or (ch == " " and c.original[c.to_original(i)] == "\n"), i
    start = CUT.index("négocia-")
    assert c.source(start, CUT.index(" sur l'échange")) == "négociations"
    # the span of the joined word maps back onto the whole cut word of the original
    k = c.text.index("négociations")
    assert c.span_to_original(k, k + len("négociations")) == (start, start + len("négocia-\ntions"))


def test_without_a_lexicon_every_hyphen_stays():
    c = clean_text(CUT)
    assert "négocia-tions" in c.text and "vice-président" in c.text
    assert hyphen_drops(CUT, frozenset()) == frozenset()


def test_a_hyphenated_wrapped_article_reads_as_the_plain_one(nlp):
    """The test article above, typeset at 45 characters with long words cut: the same quotes
    (speaker, words) and events as the plain text."""
    from dossier.eval.matching import norm
    from dossier.models import Article
    from dossier.pipeline import process_article

    def summary(text):
        r = process_article(Article(raw_text=text, published="2025-03-04", published_precision="day"), nlp)
        return (sorted((norm(q.text), q.speaker_id) for q in r.quotes),
                sorted((e.type, e.date, tuple(sorted(p.entity_id or "" for p in e.participants))) for e in r.events))

    cut = hard_wrap(PLAIN, 45, hyphenate=True)
    assert cut.count("-\n") >= 3
    assert summary(cut) == summary(PLAIN)


def test_the_scorer_finds_gold_strings_across_cut_words():
    from dossier.eval.matching import find_all

    text = "Le porte-parole a parlé des négocia-\ntions humanitai-\nres en cours ce matin."
    assert find_all(text, "négociations humanitaires") == [(28, 57)]
    assert find_all(text, "porte-parole") == [(3, 15)]
