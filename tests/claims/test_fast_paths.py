"""The shortcuts that make ``dossier_claims`` fast must give exactly what the plain code gives:
memoised folding, the document folded once and sliced per sentence, the literal pre-filter of
the issue patterns, the bisected mention look-up and the per-token pre-screen of claim cues."""
from __future__ import annotations

import unicodedata

import pytest
import spacy
from spacy.tokens import Doc

import dossier.nlp  # noqa: F401  (registers the Doc extensions)
from dossier.claims.actors import ActorContext
from dossier.claims.lexicon import fold, load_issues
from dossier.claims.positions import _FoldedDoc, _required_literals, fold_with_map
from dossier.models import Mention
from dossier.nlp import access

TEXTS = [
    "Le Kremlin a démenti mardi.",
    "Zelensky rejette l’idée d’un cessez-le-feu",
    "ÉTÉ À L'ÎLE, Œuvre complète",
    "la ﬁn des négociations",  # a ligature folds to two chars
    "e\u0301te\u0301 sans accent composé",  # combining accents fold to nothing
    "plain ascii text only",
    "",
]


def _plain_fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'").replace("\u2018", "'").lower())
    return "".join(c for c in text if not unicodedata.combining(c))


def _plain_fold_with_map(text: str) -> tuple[str, list[int]]:
    out, offsets = [], []
    for i, c in enumerate(text):
        f = _plain_fold(c)
        out.append(f)
        offsets.extend([i] * len(f))
    return "".join(out), offsets


@pytest.mark.parametrize("text", TEXTS + ["Ǆ", "ß", "‘x’", "İstanbul"])
def test_fold_memo_matches_plain_fold(text):
    assert fold(text) == _plain_fold(text)
    assert fold(text) == _plain_fold(text)  # second call: from the memo


@pytest.mark.parametrize("text", TEXTS)
def test_fold_with_map_matches_per_char_fold(text):
    assert fold_with_map(text) == _plain_fold_with_map(text)


@pytest.mark.parametrize("text", TEXTS)
def test_folded_doc_slices_are_the_folded_sentences(text):
    folded_doc = _FoldedDoc(text)
    for start in range(0, len(text) + 1, 3):
        for end in range(start, len(text) + 1, 4):
            a, b = folded_doc.bounds(start, end)
            folded, offsets = _plain_fold_with_map(text[start:end])
            assert folded_doc.folded[a:b] == folded
            assert [o - start for o in folded_doc.offsets[a:b]] == offsets


def _sample(keyword: str) -> str:
    """A text the keyword's pattern matches: "~" becomes two words, "*" a suffix."""
    words = []
    for w in fold(keyword).split():
        words.append("de la" if w == "~" else (w[:-1] + "s" if w.endswith("*") else w))
    return "hier, " + " ".join(words) + " ici"


@pytest.mark.parametrize("issue", load_issues(), ids=lambda i: i.id)
def test_required_literal_is_in_every_match(issue):
    literals = _required_literals(issue.keywords)
    assert len(literals) == len(issue.patterns)
    for keyword, pattern, literal in zip(issue.keywords, issue.patterns, literals):
        text = _sample(keyword)
        found = list(pattern.finditer(text))
        assert found, (keyword, text)
        for m in found:
            assert literal in m.group(0), (keyword, literal, m.group(0))


@pytest.fixture(scope="module")
def doc_with_mentions():
    words = ["Poutine", "a", "parlé", "à", "Kiev", ".", "Le", "Kremlin", "et", "Zelensky", "ont", "répondu", "."]
    doc = Doc(spacy.blank("fr").vocab, words=words, sent_starts=[True] + [False] * 5 + [True] + [False] * 6)
    spans = [(0, 1, "PER"), (4, 5, "LOC"), (6, 8, "ORG"), (7, 8, "ORG"), (9, 10, "PER")]
    doc._.mentions = [
        Mention(start=doc[s].idx, end=doc[e - 1].idx + len(doc[e - 1]), text=doc[s:e].text, label=label,
                entity_id=f"local:{doc[s:e].text.lower()}", entity_name=doc[s:e].text, entity_type="other")
        for s, e, label in spans
    ]
    return doc


def test_mentions_in_matches_linear_scan(doc_with_mentions):
    ctx = ActorContext(doc_with_mentions)
    n = len(doc_with_mentions.text)
    for start in range(0, n + 1):
        for end in range(start, n + 1):
            expected = access.mentions_in(doc_with_mentions, start, end, ctx.mentions)
            assert ctx.mentions_in(start, end) == expected, (start, end)


def test_context_caches_sentences(doc_with_mentions):
    ctx = ActorContext(doc_with_mentions)
    assert ctx.sent_starts == access.sentence_starts(doc_with_mentions)
    assert ctx.text == doc_with_mentions.text
    for char in range(len(ctx.text)):
        assert ctx.sentence_index(char) == access.sentence_index(doc_with_mentions, char)


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Le Kremlin a démenti ces informations, selon lesquelles Moscou aurait cédé.",
    "Selon Kiev, les combats se poursuivent à Pokrovsk, a déclaré le porte-parole.",
    "D'après Washington, la rencontre a été productive ; Moscou conteste cette version.",
    "Zelensky dément toute discussion sur les territoires, a fait savoir son bureau.",
])
def test_token_prescreen_finds_every_cue(annotate, text):
    """The array pre-screen must not skip a token the per-token checks would have taken."""
    from dossier.claims.extract import _CLAIM_NOUN, _MAYBE_CUE, _MAYBE_PREP, ClaimExtractor, _lex, reporting_cue

    doc = annotate(text)
    kinds = ClaimExtractor(doc)._token_kinds()
    lex = _lex()
    assert any(kinds)
    for tok, kind in zip(doc, kinds):
        if reporting_cue(tok) is not None:
            assert kind & _MAYBE_CUE, tok.text
        if tok.dep_ == "case" and (fold(tok.text) in lex.source_preps or fold(tok.text) == "d'"):
            assert kind & _MAYBE_PREP, tok.text
        if tok.pos_ == "NOUN" and fold(tok.lemma_) in lex.claim_nouns:
            assert kind & _CLAIM_NOUN, tok.text


def test_the_stance_of_a_token_is_read_once_per_form_tag_and_lemma(annotate, monkeypatch):
    """positions: the per-token stance test of the relative-clause scan is remembered per
    distinct (form, tag, lemma), across the documents of the process, with the plain test's
    answers."""
    from dossier.claims import positions

    monkeypatch.setattr(positions, "_STANCE_MEMO", {})
    doc = annotate("La Russie rejette une option que l'Ukraine refuse. L'Ukraine refuse et refuse encore.")
    ex = positions._Extractor(doc, load_issues(), None)
    assert [ex._stance_at(t.i) for t in doc] == [positions._cue_stance(t) for t in doc]
    assert any(s is not None for s in (ex._stance_at(t.i) for t in doc))
    assert len(positions._STANCE_MEMO) < len(doc)  # "refuse" (and the punctuation) computed once
    seen = len(positions._STANCE_MEMO)
    again = annotate("L'Ukraine refuse.")  # another document, the same words: nothing computed again
    other = positions._Extractor(again, load_issues(), None)
    assert [other._stance_at(t.i) for t in again] == [positions._cue_stance(t) for t in again]
    assert len(positions._STANCE_MEMO) == seen


def test_token_prescreen_drops_verbs_no_cue_can_take(annotate):
    """A verb whose lemma (or listed form) reporting_cue can never accept is not handed to it:
    'a rencontré' is screened out, 'a démenti' kept."""
    from dossier.claims.extract import _MAYBE_CUE, ClaimExtractor, reporting_cue

    doc = annotate("Le ministre a rencontré son homologue mardi. Le Kremlin a démenti ces informations.")
    kinds = ClaimExtractor(doc)._token_kinds()
    by_text = {t.text: k for t, k in zip(doc, kinds)}
    assert not by_text["rencontré"] & _MAYBE_CUE
    assert by_text["démenti"] & _MAYBE_CUE
    assert all(k & _MAYBE_CUE for t, k in zip(doc, kinds) if reporting_cue(t) is not None)
