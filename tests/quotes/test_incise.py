"""An incise ("…, a affirmé la Maison Blanche lundi.") names its speaker after the cue, whatever
the parser hung the cue on. Hand-built parses (no model): the parse the model gives such a
sentence on a line of its own, the cue as a conjunct of the reported verb."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from dossier.models import Mention
from dossier.nlp import access
from dossier.quotes.speakers import SpeakerResolver

# "Israël a consulté Washington avant de frapper, a affirmé la Maison Blanche lundi."
INCISE = dict(
    words=["Israël", "a", "consulté", "Washington", "avant", "de", "frapper", ",", "a", "affirmé", "la",
           "Maison", "Blanche", "lundi", "."],
    heads=[2, 2, 2, 2, 6, 6, 2, 9, 9, 2, 11, 9, 11, 9, 2],
    deps=["nsubj", "aux:tense", "ROOT", "obj", "mark", "mark", "advcl", "punct", "aux:tense", "conj", "det",
          "obj", "flat:name", "obl:mod", "punct"],
    pos=["PROPN", "AUX", "VERB", "PROPN", "ADP", "ADP", "VERB", "PUNCT", "AUX", "VERB", "DET", "PROPN",
         "PROPN", "NOUN", "PUNCT"],
    morphs=["", "", "VerbForm=Part", "", "", "", "VerbForm=Inf", "", "VerbForm=Fin", "VerbForm=Part", "", "",
            "", "", ""],
)


def _resolver(parse: dict) -> tuple[SpeakerResolver, Doc]:
    doc = Doc(Vocab(), **parse)
    text = doc.text
    access.set_doc_text(doc, text)

    def mention(surface: str, entity: str) -> Mention:
        start = text.index(surface)
        return Mention(start, start + len(surface), surface, "ORG", entity, entity, "organization")

    mentions = [mention("Israël", "israeli_government"), mention("Washington", "us_government")]
    if "Maison" in parse["words"]:
        mentions.append(mention("la Maison Blanche", "us_government"))
    return SpeakerResolver(doc, mentions, []), doc


def test_the_subject_after_an_incise_speaks_not_the_reported_clause_s():
    r, doc = _resolver(INCISE)
    cue = doc[INCISE["words"].index("affirmé")]
    assert r.subject_of(cue).text == "Israël"  # what climbing the conjunct gives
    sp = r.incise_subject(cue)
    assert sp is not None and sp.id == "us_government" and sp.text == "la Maison Blanche"


@pytest.mark.parametrize("change", ["et", "affirmant"])
def test_a_coordinated_verb_or_a_participle_is_no_incise(change):
    parse = {k: list(v) for k, v in INCISE.items()}
    if change == "et":  # "…, et a affirmé …": a verb coordinated with its own conjunction
        parse["words"][7], parse["deps"][7], parse["pos"][7] = "et", "cc", "CCONJ"
    else:  # "…, affirmant …": a participle
        parse["words"][8:10] = ["affirmant"]
        parse["heads"][8:10] = [2]
        parse["deps"][8:10] = ["advcl"]
        parse["pos"][8:10] = ["VERB"]
        parse["morphs"][8:10] = ["VerbForm=Part|Tense=Pres"]
        parse["heads"] = [h if h < 9 else h - 1 for h in parse["heads"]]
        parse["heads"][7] = 8
    r, doc = _resolver(parse)
    cue = next(t for t in doc if t.text.startswith("affirm"))
    assert r.incise_subject(cue) is None
