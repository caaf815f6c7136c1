"""dossier_paragraphs keeps sentences inside their paragraph."""
import pytest

pytestmark = pytest.mark.slow


def test_no_sentence_runs_across_a_blank_line():
    from dossier.pipeline import build_nlp

    nlp = build_nlp(components=[], paragraphs=True)
    assert nlp.pipe_names.index("dossier_paragraphs") < nlp.pipe_names.index("dossier_line_parser")
    text = "Le ministre est arrivé à Lyon\n\nIl a ensuite rencontré la maire de la ville."
    doc = nlp(text)
    starts = [s.start_char for s in doc.sents]
    assert text.index("Il a ensuite") in starts
