"""Long texts in windows (dossier.nlp.windows): cuts, merged records, no spaCy length limit."""
from __future__ import annotations

import dataclasses

import pytest

from dossier.bench.long import PARAGRAPHS
from dossier.models import Article
from dossier.nlp.windows import split_windows


@pytest.mark.parametrize(
    ("text", "max_chars", "expected_cuts"),
    [
        ("court", 10, []),
        ("", 10, []),
        ("aaaa bbbb.\n\ncccc dddd.\n\neeee", 14, [12, 24]),  # after the paragraph break
        ("Un mot. Deux mots. Trois mots.", 20, [19]),  # no paragraph: after a sentence end
        ("un deux trois quatre cinq six", 12, [8, 20]),  # no sentence end: after a space
        ("x" * 25, 10, [10, 20]),  # nothing to cut at: anywhere
        ("« Oui. » Non.\n" * 3, 20, [14, 28]),
    ],
)
def test_split_windows_cuts(text, max_chars, expected_cuts):
    pieces = split_windows(text, max_chars)
    assert [end for _, end in pieces[:-1]] == expected_cuts
    # contiguous, covering the text, none over the limit
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:]))
    assert all(end - start <= max_chars for start, end in pieces)


def test_split_windows_is_linear_on_a_long_line():
    pieces = split_windows("mot " * 500_000, 50_000)
    assert len(pieces) == 40
    assert all(text_end - start <= 50_000 for start, text_end in pieces)


@pytest.fixture(scope="module")
def long_article():
    # about 12,000 characters of whole paragraphs, each copy told apart (a paragraph a page repeats
    # word for word is told once, which the windows of one article cannot see across each other)
    text = "\n\n".join(f"Jour {k + 1} : {p}" for k, p in enumerate(PARAGRAPHS * 6))
    return Article(source="long", raw_text=text, published="2025-03-10", published_precision="day",
                   language="fr")


def _shifted(records, offset: int, n_sents: int):
    return [dataclasses.replace(r, start=r.start + offset, end=r.end + offset,
                                sentence=None if r.sentence is None else r.sentence + n_sents) for r in records]


@pytest.mark.slow
def test_windowed_article_gives_the_records_of_its_pieces(nlp, long_article):
    from dossier.clean import clean_text
    from dossier.pipeline import process_article

    assert clean_text(long_article.raw_text).text == long_article.raw_text  # no furniture: offsets agree
    whole = process_article(long_article, nlp, window_chars=4_000)
    pieces = split_windows(long_article.raw_text, 4_000)
    assert len(pieces) >= 3
    expected = {name: [] for name in ("mentions", "timexes", "quotes", "events", "claims", "positions")}
    sentences = []
    for start, end in pieces:
        part = process_article(dataclasses.replace(long_article, raw_text=long_article.raw_text[start:end]), nlp)
        for name in expected:
            expected[name] += _shifted(getattr(part, name), start, len(sentences))
        sentences += [(s.start + start, s.text.rstrip()) for s in part.sentences]
    # a window keeps its trailing paragraph break in its last sentence; an article alone does not
    assert [(s.start, s.text.rstrip()) for s in whole.sentences] == sentences
    for name, records in expected.items():
        got = getattr(whole, name)
        assert got == records, name
        for r in got:
            assert long_article.raw_text[r.start:r.end] == r.text
            assert r.sentence is None or 0 <= r.sentence < len(whole.sentences)
    assert whole.mentions and whole.timexes and whole.quotes
    n = len(whole.sentences)
    assert [st.sentence for st in whole.sentence_times] == list(range(n))
    for st in whole.sentence_times:
        if st.timex_index is not None:
            tx = whole.timexes[st.timex_index]
            assert tx.sentence == st.sentence
    assert {"volodymyr_zelensky", "dmitry_peskov"} <= set(whole.entities)


@pytest.mark.slow
def test_text_over_spacy_length_limit_goes_through(nlp):
    """1.2M characters (spaCy's limit is 1M, error E088): processed in windows, in seconds."""
    from dossier.pipeline import process_article

    head = "Les négociateurs se sont retrouvés à Genève le 3 mars 2025.\n\n"
    tail = "\n\nVolodymyr Zelensky a déclaré que les discussions reprendraient lundi."
    text = head + "x" * 1_200_000 + tail
    records = process_article(Article(source="huge", raw_text=text, published="2025-03-10",
                                      published_precision="day", language="fr"), nlp)
    assert len(text) > nlp.max_length
    assert records.sentences[0].start == 0 and records.sentences[-1].end <= len(text)
    for r in records.mentions + records.timexes + records.quotes + records.events + records.claims:
        assert text[r.start:r.end] == r.text
        assert 0 <= r.sentence < len(records.sentences)
    names = {m.entity_id for m in records.mentions}
    assert {"geneva", "volodymyr_zelensky"} <= names
    assert any(t.value == "2025-03-03" for t in records.timexes)
    assert records.mentions[-1].start > 1_200_000  # the tail was read, after the windows


@pytest.mark.slow
def test_process_many_keeps_order_around_a_long_article(nlp):
    from dossier.pipeline import process_many

    short = "Emmanuel Macron a reçu Keir Starmer à Paris mardi."
    long = "Le Kremlin a démenti.\n\n" + "y" * 60_000
    articles = [Article(source=str(i), raw_text=t, published="2025-03-10", published_precision="day")
                for i, t in enumerate([short, long, short])]
    records = list(process_many(articles, nlp, batch_size=2))
    assert [r.article.source for r in records] == ["0", "1", "2"]
    assert records[0].mentions == records[2].mentions and records[0].mentions
