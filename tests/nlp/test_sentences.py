"""dossier_sentence_cap: no sentence over MAX_SENTENCE_TOKENS tokens, news sentences untouched."""
import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from dossier.nlp.sentences import MAX_SENTENCE_TOKENS, cap_sentences


def _doc(words):
    return Doc(Vocab(), words=words)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["mot"] * 25, [10, 20]),  # no pause: every 10 tokens
        (["mot"] * 7 + [","] + ["mot"] * 10, [8]),  # after the last comma of the run's second half
        (["mot"] * 2 + [","] + ["mot"] * 15, [10]),  # a comma too early: at the limit
        ((["mot"] * 8 + ["."]) * 3, []),  # sentence ends reset the count
        (["mot"] * 8 + ["\n"] + ["mot"] * 8, []),  # so do line breaks
        (["mot"] * 5, []),
        ([], []),
    ],
)
def test_cap_marks_starts_in_long_runs_only(words, expected):
    doc = _doc(words)
    assert cap_sentences(doc, max_tokens=10) == expected
    assert all(doc[i].is_sent_start for i in expected)


def test_default_cap_leaves_news_sentences_alone():
    doc = _doc((["mot"] * (MAX_SENTENCE_TOKENS - 10) + ["."]) * 4)
    assert cap_sentences(doc) == []


@pytest.mark.slow
def test_parser_keeps_the_cap_on_text_without_punctuation(nlp):
    assert nlp.pipe_names.index("dossier_sentence_cap") < nlp.pipe_names.index("parser")
    words = "le ministre a rencontré son homologue et les deux délégations ont parlé de la trêve puis".split()
    doc = nlp.make_doc(" ".join(words * 120))  # 1,800 tokens, not one sentence end
    for name, proc in nlp.pipeline:
        if name.startswith("dossier_") and name != "dossier_sentence_cap":
            break
        doc = proc(doc)
    assert max(len(s) for s in doc.sents) <= MAX_SENTENCE_TOKENS + 1
