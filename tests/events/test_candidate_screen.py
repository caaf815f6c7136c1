"""``events.extract.candidates`` skips a verb whose lemma no lexicon or sense rule knows (without
building its Token or asking ``_verb_family``): the candidates must be exactly those of the
unscreened scan, on hand-written sentences of every sensed verb and on the real articles."""
from __future__ import annotations

import pytest

from dossier.events import extract, senses
from dossier.nlp.tokens import table


class _Everything:
    """A set that holds every word: the screen lets every verb through."""

    def __contains__(self, word: object) -> bool:
        return True


SENTENCES = [
    "L'armée a repoussé une attaque près de Kharkiv.",
    "Les deux camps ont échangé des prisonniers samedi.",
    "Israël et le Hamas se sont engagés à respecter la trêve.",
    "La France a soutenu l'Ukraine avec des armes.",
    "Les rebelles ont pris le contrôle de la ville.",
    "L'armée a ordonné aux habitants d'évacuer la zone.",
    "La guerre opposant la Russie à l'Ukraine dure depuis trois ans.",
    "La guerre a éclaté en 2022.",
    "Le président s'est entretenu avec son homologue au téléphone.",
    "Le ministre s'est rendu à Kiev mardi.",
    "Il a appelé à un cessez-le-feu immédiat.",
    "Le Hamas a libéré trois otages, indique un communiqué.",
    "Les frappes vont cesser, estiment-ils.",
    "Washington a levé les sanctions contre Damas.",
]


def _both(doc, monkeypatch):
    screened = [(c.token.i, c.family, c.rank) for sent in table(doc).sents for c in extract.candidates(sent)]
    with monkeypatch.context() as m:
        m.setattr(extract, "_verb_words", lambda: _Everything())
        plain = [(c.token.i, c.family, c.rank) for sent in table(doc).sents for c in extract.candidates(sent)]
    return screened, plain


def test_sensed_verbs_pass_the_screen():
    assert senses.SENSED_VERBS <= extract._verb_words()
    assert {"parler", "entretenir", "rendre", "appeler"} <= extract._verb_words()


@pytest.mark.slow
def test_screen_keeps_every_candidate_of_hand_written_sentences(annotate, monkeypatch):
    found = 0
    for text in SENTENCES:
        screened, plain = _both(annotate(text), monkeypatch)
        assert screened == plain, text
        found += bool(plain)
    assert found >= len(SENTENCES) - 2  # (the sentences do hold events: the comparison is not empty)


@pytest.mark.slow
def test_screen_keeps_every_candidate_of_the_seed_articles(nlp, seeds_dir, monkeypatch):
    texts = sorted(seeds_dir.glob("*.txt"))
    assert texts
    for path in texts:
        doc = nlp(path.read_text(encoding="utf-8"))
        screened, plain = _both(doc, monkeypatch)
        assert screened == plain, path.name
