"""Every dossier component on the parses the model produces on odd text, built by hand.

The parser makes an infinitive its own root, makes every token a root, finds no verb in a
headline, leaves one-token sentences, builds 400-token chains. Each case is a hand-built spaCy
``Doc`` (words, heads, deps, POS, morphology, lemmas, sometimes NER) fed to each registered
component of ``build_nlp`` directly: with nothing upstream, and after the upstream components.
No exception; every record's offsets inside the text; every sentence index valid.
"""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from dossier.pipeline import COMPONENTS

pytestmark = pytest.mark.slow

NAMES = [name for name, _ in COMPONENTS]
RECORD_LISTS = ("mentions", "timexes", "quotes", "events", "claims", "attributes", "positions")

# One token per line: word POS dep head-offset [morph [lemma [NER-IOB]]]. The head offset is
# relative (0 = the token is its own head); "_" leaves a column empty; "\n" is a line break.
INFINITIVE_ROOT_WITH_DATE = r"""
Négocier VERB ROOT 0 VerbForm=Inf négocier
la DET det 1 Definite=Def|Gender=Fem|Number=Sing le
paix NOUN obj -2 Gender=Fem|Number=Sing
mardi NOUN obl:mod -3
à ADP case 1
Genève PROPN obl:mod -5 _ _ B-LOC
. PUNCT punct -6
Aller VERB ROOT 0 VerbForm=Inf aller
voir VERB xcomp -1 VerbForm=Inf voir
Poutine PROPN obj -1 _ _ B-PER
le DET det 2
12 NUM nummod 1 NumType=Card
mars NOUN obl:mod -4
2025 NUM nmod -1
, PUNCT punct -7
selon ADP case 1
Moscou PROPN obl:mod -9 _ _ B-LOC
. PUNCT punct -10
"""

EVERY_TOKEN_ITS_OWN_ROOT = r"""
Vladimir PROPN ROOT 0 _ _ B-PER
Poutine PROPN ROOT 0 _ _ I-PER
a AUX ROOT 0 Mood=Ind|Tense=Pres|VerbForm=Fin avoir
déclaré VERB ROOT 0 Tense=Past|VerbForm=Part déclarer
: PUNCT ROOT 0
« PUNCT ROOT 0
Nous PRON ROOT 0
négocierons VERB ROOT 0 Mood=Ind|Tense=Fut|VerbForm=Fin négocier
le DET ROOT 0
3 NUM ROOT 0
mai NOUN ROOT 0
à ADP ROOT 0
Genève PROPN ROOT 0 _ _ B-LOC
» PUNCT ROOT 0
, PUNCT ROOT 0
a AUX ROOT 0 _ avoir
affirmé VERB ROOT 0 Tense=Past|VerbForm=Part affirmer
le DET ROOT 0
Kremlin PROPN ROOT 0 _ _ B-ORG
. PUNCT ROOT 0
"""

VERBLESS_HEADLINE = r"""
Ukraine PROPN ROOT 0 _ _ B-LOC
: PUNCT punct -1
Trump PROPN appos -2 _ _ B-PER
et CCONJ cc 1
Zelensky PROPN conj -2 _ _ B-PER
à ADP case 1
Washington PROPN nmod -4 _ _ B-LOC
le DET det 2
3 NUM nummod 1
mars NOUN nmod -7
\n SPACE dep -1
Cessez-le-feu NOUN ROOT 0 _ cessez-le-feu
, PUNCT punct 1
accord NOUN appos -2
« PUNCT punct 1
historique ADJ amod -2
» PUNCT punct -1
"""

ONE_TOKEN_DOC = r"""
Non INTJ ROOT 0
"""

ONE_TOKEN_SENTENCE_THEN_CLAUSE = r"""
Non INTJ ROOT 0
Le DET det 1
Kremlin PROPN nsubj 2 _ _ B-ORG
a AUX aux:tense 1 _ avoir
démenti VERB ROOT 0 Tense=Past|VerbForm=Part démentir
, PUNCT punct -1
mardi NOUN obl:mod -2
. PUNCT punct -3
Oui INTJ ROOT 0
"""

BULLET_FRAGMENTS = r"""
- PUNCT punct 1
Zelensky PROPN ROOT 0 _ _ B-PER
à ADP case 1
Kiev PROPN nmod -2 _ _ B-LOC
\n SPACE dep -1
- PUNCT punct 1
Poutine PROPN nsubj 1 _ _ B-PER
refuse VERB ROOT 0 Mood=Ind|Tense=Pres|VerbForm=Fin refuser
\n SPACE dep -1
- PUNCT punct 3
le DET det 2
4 NUM nummod 1
juin NOUN ROOT 0
2025 NUM nmod -1
\n SPACE dep -1
- PUNCT punct 2
« PUNCT punct 1
Jamais ADV ROOT 0
» PUNCT punct -1
, PUNCT punct -2
selon ADP case 1
Kiev PROPN nmod -4 _ _ B-LOC
\n SPACE dep -1
• PUNCT ROOT 0
"""

# a cycle of words with plausible tags, repeated to build 400-token sentences
_LONG_WORDS = [
    ("Poutine", "PROPN", "_", "_", "B-PER"), ("a", "AUX", "Tense=Pres|VerbForm=Fin", "avoir", "O"),
    ("déclaré", "VERB", "Tense=Past|VerbForm=Part", "déclarer", "O"), ("que", "SCONJ", "_", "_", "O"),
    ("Zelensky", "PROPN", "_", "_", "B-PER"), ("négociera", "VERB", "Tense=Fut|VerbForm=Fin", "négocier", "O"),
    ("le", "DET", "_", "_", "O"), ("12", "NUM", "_", "_", "O"), ("mars", "NOUN", "_", "_", "O"),
    ("à", "ADP", "_", "_", "O"), ("Genève", "PROPN", "_", "_", "B-LOC"), (",", "PUNCT", "_", "_", "O"),
    ("«", "PUNCT", "_", "_", "O"), ("signer", "VERB", "VerbForm=Inf", "signer", "O"),
    ("la", "DET", "_", "_", "O"), ("paix", "NOUN", "_", "_", "O"), ("»", "PUNCT", "_", "_", "O"),
    ("selon", "ADP", "_", "_", "O"), ("Moscou", "PROPN", "_", "_", "B-LOC"),
]


def _long(n: int, shape: str) -> str:
    lines = []
    for i in range(n):
        word, pos, morph, lemma, ner = _LONG_WORDS[i % len(_LONG_WORDS)]
        last = i == n - 1
        if shape == "chain":  # every token heads... the next one: a 400-deep tree
            dep, head = ("ROOT", 0) if last else ("dep", 1)
        else:  # flat: every token hangs on the first
            dep, head = ("ROOT", 0) if i == 0 else ("dep", -i)
        lines.append(f"{word} {pos} {dep} {head} {morph} {lemma} {ner}")
    return "\n".join(lines)


CASES = {
    "infinitive-root-with-date": INFINITIVE_ROOT_WITH_DATE,
    "every-token-its-own-root": EVERY_TOKEN_ITS_OWN_ROOT,
    "verbless-headline": VERBLESS_HEADLINE,
    "one-token-doc": ONE_TOKEN_DOC,
    "one-token-sentence": ONE_TOKEN_SENTENCE_THEN_CLAUSE,
    "bullet-fragments": BULLET_FRAGMENTS,
    "400-token-chain": _long(400, "chain"),
    "400-token-flat": _long(400, "flat"),
}


def build_doc(vocab, table: str) -> Doc:
    rows = [line.split(" ") for line in table.strip("\n").split("\n") if line]
    # "\n" rows: the table's own line split eats them, so they are written as the two characters
    words, pos, deps, heads, morphs, lemmas, ents = [], [], [], [], [], [], []
    for i, row in enumerate(rows):
        row = row + ["_"] * (7 - len(row))
        word = "\n" if row[0] == "\\n" else row[0]
        words.append(word)
        pos.append(row[1])
        deps.append(row[2])
        heads.append(i + int(row[3]))
        morphs.append("" if row[4] == "_" else row[4])
        lemmas.append(word.lower() if row[5] == "_" else row[5])
        ents.append("O" if row[6] == "_" else row[6])
    spaces = [i + 1 < len(words) and words[i + 1] not in ("\n", ".", ",") and words[i] != "\n"
              for i in range(len(words))]
    return Doc(vocab, words=words, spaces=spaces, pos=pos, deps=deps, heads=heads, morphs=morphs,
               lemmas=lemmas, ents=ents)


def _fresh(nlp, table: str) -> Doc:
    doc = build_doc(nlp.vocab, table)
    doc._.published = "2025-03-10"
    doc._.published_precision = "day"
    doc._.published_basis = "manifest"
    doc._.language = "fr"
    return doc


def check_records(doc: Doc) -> None:
    n_chars, n_sents = len(doc.text), len(list(doc.sents))
    for name in RECORD_LISTS:
        for r in getattr(doc._, name) or []:
            assert 0 <= r.start <= r.end <= n_chars, (name, r)
            assert r.sentence is None or 0 <= r.sentence < n_sents, (name, r)
    timexes = doc._.timexes or []
    for st in doc._.sentence_times or []:
        assert 0 <= st.sentence < n_sents, st
        assert st.timex_index is None or 0 <= st.timex_index < len(timexes), st
    for ent in doc.ents:
        assert 0 <= ent.start_char <= ent.end_char <= n_chars


def test_the_tables_build_the_parses_they_describe(nlp):
    chain = build_doc(nlp.vocab, CASES["400-token-chain"])
    assert len(chain) == 400 and len(list(chain.sents)) == 1
    assert len(list(chain[0].ancestors)) == 399
    own = build_doc(nlp.vocab, CASES["every-token-its-own-root"])
    assert len(list(own.sents)) == len(own)
    inf = build_doc(nlp.vocab, CASES["infinitive-root-with-date"])
    assert inf[0].head.i == 0 and "Inf" in inf[0].morph.get("VerbForm")
    bullets = build_doc(nlp.vocab, CASES["bullet-fragments"])
    assert bullets.text.count("\n") == 4


@pytest.mark.parametrize("upstream", [False, True], ids=["alone", "after-upstream"])
@pytest.mark.parametrize("component", NAMES)
@pytest.mark.parametrize("case", list(CASES))
def test_component_survives_odd_parse(nlp, case, component, upstream):
    doc = _fresh(nlp, CASES[case])
    if upstream:
        for name in NAMES[: NAMES.index(component)]:
            doc = nlp.get_pipe(name)(doc)
    doc = nlp.get_pipe(component)(doc)
    check_records(doc)


@pytest.mark.parametrize("case", list(CASES))
def test_whole_chain_finds_something_where_there_is_something(nlp, case):
    """Not only no exception: the components still work on these parses."""
    doc = _fresh(nlp, CASES[case])
    for name in NAMES:
        doc = nlp.get_pipe(name)(doc)
    check_records(doc)
    if case in ("infinitive-root-with-date", "verbless-headline", "bullet-fragments", "400-token-chain"):
        assert doc._.mentions, case
        assert doc._.timexes, case
    assert len(doc._.sentence_times or []) == len(list(doc.sents))


def test_infinitive_root_has_no_tense_and_does_not_recurse(nlp):
    """The RecursionError of issue 12: an infinitive that is its own root, under a date."""
    from dossier.timex.syntax import tense_at, verb_tense

    doc = _fresh(nlp, CASES["infinitive-root-with-date"])
    assert verb_tense(doc[0]) is None
    assert verb_tense(doc[8]) == "future"  # "Aller voir": aller + infinitive, under a root infinitive
    start = doc.text.index("mardi")
    assert tense_at(doc, start, start + len("mardi")) is None
    times = nlp.get_pipe("dossier_time")(doc)._.timexes
    assert "mardi" in [t.text for t in times]
