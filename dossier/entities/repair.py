"""Repair of the statistical NER's spans: trim, split, drop furniture.

``Emmanuel Macron lundi`` -> ``Emmanuel Macron``; ``M. Zelensky`` -> ``Zelensky``;
``Washington de Donetsk`` -> ``Washington`` + ``Donetsk`` when a side is a known place;
``Poutine et Zelensky`` -> two spans; ``Légende image`` -> dropped.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Doc, Span

from dossier.entities.normalize import fold
from dossier.nlp import tokens


@lru_cache(maxsize=1)
def lexicon() -> dict[str, frozenset[str]]:
    text = resources.files("dossier.entities").joinpath("data", "lexicon.yaml").read_text(encoding="utf-8")
    raw = yaml.safe_load(text)
    return {name: frozenset(fold(str(w)) for w in words) for name, words in raw.items()}


def _word(tok) -> str:
    return fold(tok.text)


def _is_time(tok) -> bool:
    lex = lexicon()
    w = _word(tok)
    return w in lex["weekdays"] or w in lex["months"] or w in lex["time_words"] or tok.like_num


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    lex = lexicon()
    while start < end:
        tok = doc[start]
        w = _word(tok)
        if (tok.is_punct or tok.is_space or w in lex["articles"] or w in lex["titles"]
                or (tok.text[:1].islower() and w not in lex["particles"]) or _is_time(tok)):
            start += 1
        else:
            break
    while end > start:
        tok = doc[end - 1]
        w = _word(tok)
        if (tok.is_punct or tok.is_space or _is_time(tok) or w in lex["articles"] or w in lex["joiners"]
                or w in lex["titles"] or tok.text[:1].islower()):
            end -= 1
        else:
            break
    return start, end


def _is_known(doc: Doc, start: int, end: int, known) -> bool:
    return start < end and known(doc[start:end].text)


def _split(doc: Doc, start: int, end: int, label: str, known) -> list[tuple[int, int]]:
    """Split at joiners (et, de, ...) and commas when the pieces stand alone (a loop over a
    stack of pieces, left piece first: a long list of names needs no deep recursion)."""
    lex = lexicon()
    out: list[tuple[int, int]] = []
    todo = [(start, end)]
    while todo:
        start, end = todo.pop()
        cut = None
        for i in range(start + 1, end - 1):
            tok = doc[i]
            w = _word(tok)
            if tok.text in {",", ";", "/", "–", "—"} or w in {"et", "ou", "and", "&"}:
                cut = i
                break
            if w in lex["joiners"] and (_is_known(doc, start, i, known) or _is_known(doc, i + 1, end, known)):
                if w in lex["particles"] and label == "PER" and not _is_known(doc, i + 1, end, known):
                    continue  # "Charles de Gaulle"
                cut = i
                break
        if cut is None:
            out.append((start, end))
        else:
            todo += [(cut + 1, end), (start, cut)]
    return out


def is_junk(span: Span) -> bool:
    lex = lexicon()
    text = fold(span.text)
    if not text or text in lex["junk"] or len(text) < 2:
        return True
    if not any(c.isupper() for c in span.text):
        return True
    if all(_word(t) in lex["junk"] or t.is_punct or t.is_stop for t in span):
        return True
    if len(span) == 1 and (_plural_demonym(span[0]) or text in demonym_words()):
        return True  # "les Palestiniens", "le Thaïlandais": people named by their nationality
    return bool(span[0].is_digit)


@lru_cache(maxsize=1)
def demonym_words() -> frozenset[str]:
    """Every demonym form the knowledge base generates (French masculine, feminine, singular,
    plural, and the English adjective), normalised: "Cambodgien", "Thaïlandaise", "Turkish" name
    people of a nation, never a place or an organisation. Forms that are also a name of the
    knowledge base ("Argentine", "Suisse") are left out."""
    from dossier.entities.kb import load_kb

    kb = load_kb()
    names = {fold(k) for k in kb.alias_keys()}
    return frozenset(kb.adjective_forms()) - names


def _plural_demonym(tok) -> bool:
    """``les Palestiniens`` / ``100 000 Arméniens``: a people named by a plural demonym."""
    lex = lexicon()
    word = _word(tok)
    if not tok.text[:1].isupper() or not any(word.endswith(e) for e in lex["demonym_plural_endings"]):
        return False
    if not word.endswith("s"):
        return False
    i = tok.i - 1
    if i < 0:
        return False
    prev = tok.doc[i]
    return _word(prev) in lex["demonym_determiners"] or prev.like_num


class NamedSpan:
    """An NER span, possibly widened or relabelled (``start``, ``end``, ``label_`` like a Span's)."""

    __slots__ = ("start", "end", "label_")

    def __init__(self, start: int, end: int, label: str):
        self.start, self.end, self.label_ = start, end, label


def named_spans(doc: Doc, known, ents=None) -> list[NamedSpan]:
    """The NER spans, with two repairs of names that hold a particle and two of names read from
    their context:

    - a one-word span, lower-case particles and a capitalised word ("Staffan" + "de Mistura",
      which the NER cuts apart and mislabels) make one person's name, when neither the first word
      nor the last is a known name (``known(text)``: a KB alias or a gazetteer place), so
      "Washington de Donetsk" stays two;
    - a one-word span repeating the last word of a several-word person's name of the same article
      ("Le Drian" after "Jean-Yves Le Drian", taken for a place) is that person's surname;
    an unknown one-word name taken for a person after "l'accord de", "le sommet de"…
    (``place_naming_nouns``) is the place the thing is named after; and a name led by a
    nationality noun ("le Cambodgien Tea Seiha") is a person's, without that noun."""
    lex = lexicon()
    ents = list(doc.ents if ents is None else ents)  # (``ents``: doc.ents, when already read)
    texts = tokens.table(doc).text
    out: list[NamedSpan] = []
    k = 0
    while k < len(ents):
        e = ents[k]
        start, end, label = e.start, e.end, e.label_
        j = end
        while j < len(doc) and j - end < 2 and texts[j].islower() and fold(texts[j]) in lex["inner_particles"]:
            j += 1
        before = doc[start - 1] if start and j > end else None  # (only read when j > end)
        if (j > end and j < len(doc) and end - start == 1 and label in ("PER", "ORG", "MISC", "LOC")
                and (before is None or not (before.pos_ in ("DET", "NOUN") and before.text.islower())
                     or _word(before) in lex["titles"] or _word(before) in lex["role_nouns"])
                and doc[start].text[:1].isupper() and doc[start].is_alpha and doc[j].text[:1].isupper()
                and doc[j].is_alpha and not doc[j].is_sent_start and not known(doc[start].text)
                and not known(doc[j].text) and _word(doc[start]) not in lex["titles"]):
            end, label = j + 1, "PER"
            while k + 1 < len(ents) and ents[k + 1].start < end:
                k += 1
                end = max(end, ents[k].end)
        out.append(NamedSpan(start, end, label))
        k += 1
    for x in out:  # "l'accord de Bougival": the place an agreement or a summit is named after
        if x.label_ == "PER" and x.end - x.start == 1 and x.start >= 2 and _word(doc[x.start - 1]) in ("de", "d'", "d’", "of") \
                and _word(doc[x.start - 2]) in lex["place_naming_nouns"] and not known(doc[x.start].text):
            x.label_ = "LOC"
    people = demonym_words()
    for x in out:  # "le Cambodgien Tea Seiha": a person introduced by the noun of his nationality
        if (x.end - x.start >= 2 and doc[x.start].text[:1].isupper() and _word(doc[x.start]) in people
                and doc[x.start + 1].text[:1].isupper() and doc[x.start + 1].is_alpha):
            x.start, x.label_ = x.start + 1, "PER"
    surnames = {_word(doc[x.end - 1]) for x in out if x.label_ == "PER" and x.end - x.start >= 2}
    for x in out:
        if x.label_ != "PER" and x.end - x.start == 1 and _word(doc[x.start]) in surnames and not known(doc[x.start].text):
            x.label_ = "PER"
    return out


def repair(doc: Doc, start: int, end: int, label: str, known) -> list[tuple[int, int]]:
    """Token ranges left of an NER span after trimming and splitting; junk removed.

    ``known(text) -> bool`` tells whether a piece is a known name (KB alias or gazetteer place)."""
    start, end = _trim(doc, start, end)
    if start >= end:
        return []
    out = []
    for s, e in _split(doc, start, end, label, known):
        s, e = _trim(doc, s, e)
        while s < e and portfolio(doc, s):  # "le secrétaire au Commerce Howard Lutnick"
            s += 1
        if s < e and not is_junk(doc[s:e]) and not (e - s == 1 and _capital_of_position(doc[s]) and not known(doc[s].text)) \
                and not (_code_name(doc, s) and not known(doc[s:e].text)):
            out.append((s, e))
    return out


def portfolio(doc: Doc, i: int) -> bool:
    """The capitalised portfolio of an office ("Trésor" in "le secrétaire américain au Trésor"):
    a portfolio word after a role noun, one adjective at most and "au" / "de la"…"""
    lex = lexicon()
    if not doc[i].text[:1].isupper() or _word(doc[i]) not in lex["portfolios"]:
        return False
    j = i - 1
    while j >= 0 and i - j <= 3 and _word(doc[j]) in lex["portfolio_links"]:
        j -= 1
    if j == i - 1 or j < 0:
        return False
    if doc[j].pos_ == "ADJ" and doc[j].text[:1].islower() and j > 0:
        j -= 1
    return _word(doc[j]) in lex["role_nouns"]


def _portfolio_ministry(doc: Doc, i: int) -> tuple[int, int] | None:
    """"ministère du Commerce chinois", "ministère chinois de l'Économie": a lower-case ministry
    head, at most one adjective, "du"/"de la"…, a capitalised portfolio word, and an adjective
    after it when there was none before."""
    lex = lexicon()
    j = i + 1
    adjective = j < len(doc) and doc[j].pos_ == "ADJ" and doc[j].text[:1].islower()
    if adjective:
        j += 1
    k = j
    while k < len(doc) and k - j < 2 and _word(doc[k]) in lex["portfolio_links"]:
        k += 1
    if k == j or k >= len(doc) or not doc[k].text[:1].isupper() or _word(doc[k]) not in lex["portfolios"]:
        return None
    e = k + 1
    if not adjective and e < len(doc) and doc[e].pos_ == "ADJ" and doc[e].text[:1].islower():
        e += 1
    return i, e


def _code_name(doc: Doc, start: int) -> bool:
    """"l'opération « Sindoor »", "baptisée Bouclier": the name of an operation, not of a place."""
    i = start - 1
    while i >= 0 and (doc[i].is_space or doc[i].text in ("«", "\"", "“", "'")):
        i -= 1
    return i >= 0 and _word(doc[i]) in lexicon()["code_name_nouns"]


_OPENERS = frozenset("«\"“(—–-")


def _capital_of_position(tok) -> bool:
    """A common noun capitalised only because it opens a sentence, a line or a quotation
    ("« Félicitations aux deux pays »"): the tagger reads it as a noun, and no name is known so."""
    if tok.pos_ != "NOUN" or not tok.text[:1].isupper() or tok.text.isupper():
        return False
    if tok.is_sent_start or tok.i == 0:
        return True
    prev = tok.doc[tok.i - 1]
    return prev.text in _OPENERS or "\n" in prev.text_with_ws


def institution_span(doc: Doc, start: int, end: int, label: str) -> tuple[int, int] | None:
    """The full name of an institution when an NER span opens with an institution head noun.

    ``Forum des familles d'otages`` / ``ministère de la Santé de Gaza`` / ``Défense civile
    palestinienne`` (often labelled MISC): the lower-case complements belong to the name, so the
    span runs over the head's noun-phrase dependents instead of being trimmed to its capitals."""
    if label not in ("ORG", "MISC"):
        return None
    lex = lexicon()
    s = start
    while s < end and (doc[s].is_punct or _word(doc[s]) in lex["articles"]):
        s += 1
    if s >= end:
        return None
    head = doc[s]
    if _word(head) not in lex["institution_heads"] or head.pos_ not in ("NOUN", "PROPN"):
        return None
    if label == "MISC" and not head.text[:1].isupper():
        return None
    e = s + 1
    while e < end:  # complements hanging (directly or not) on the head, inside the NER span
        tok = doc[e]
        t = tok
        for _ in range(6):
            if t.i == head.i or t.head.i == t.i or not (s <= t.head.i < end):
                break
            t = t.head
        if t.i != head.i or tok.pos_ in ("VERB", "AUX", "PRON", "ADV") or tok.text in (",", ";", "(", ")"):
            break
        e += 1
    if e == end:  # the NER may stop early: "ministère de la Santé du gouvernement | du Hamas"
        subtree = {t.i for t in head.subtree}
        while e < min(len(doc), end + 6) and e in subtree and not doc[e].is_punct and doc[e].pos_ not in ("VERB", "AUX", "PRON", "ADV"):
            e += 1
    while e > s + 1 and (doc[e - 1].is_punct or doc[e - 1].pos_ in ("ADP", "DET", "CCONJ") or _is_time(doc[e - 1])):
        e -= 1
    if e - s < 2:
        return None  # a lone head noun is not a name
    return s, e


_ACRONYM_MAX = 8


def acronym_after(doc: Doc, end: int) -> int | None:
    """Token index of an acronym in parentheses right after a name ("… du Nord (FLN)"), else None."""
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
        tok = doc[end + 1]
        letters = [c for c in tok.text if c.isalpha()]
        if 2 <= len(letters) <= _ACRONYM_MAX and all(c.isupper() for c in letters):
            return end + 1
    return None


@lru_cache(maxsize=100_000)
def may_head_institution(text: str) -> bool:
    """Whether a token of this text can head a :func:`pattern_institution` name (the cheap test
    first: the scan runs over every token; remembered per text, token texts repeat)."""
    lex = lexicon()
    word = fold(text)
    return word in lex["institution_heads"] or word in lex["lowercase_institution_heads"]


def pattern_institution(doc: Doc, i: int, covered: set[int]) -> tuple[int, int] | None:
    """An institution named by a capitalised head noun and its complements, which the statistical
    NER missed: "les Forces de libération du Nord (FLN)", "le Groupe de Minsk", "la Garde
    nationale". The head must not open its sentence (a capital there tells nothing) unless an
    acronym in parentheses follows the name; the name runs over the head's dependents to its
    right (nouns, adjectives, prepositions, articles, names), never over a verb, an adverb ("le
    Comité des frontières déjà établi") or punctuation."""
    lex = lexicon()
    head = doc[i]
    if (head.text[:1].islower() and _word(head) in lex["lowercase_institution_heads"] and i not in covered
            and i + 2 < len(doc) and _word(doc[i + 1]) in ("de", "du") and doc[i + 2].text[:1].isupper()
            and (i + 3 >= len(doc) or not doc[i + 3].text[:1].isupper()) and doc[i + 2].pos_ == "PROPN"):
        return i, i + 3  # "le groupe de Minsk": a lower-case head and a place make a name
    if head.text[:1].islower() and _word(head) in lex["portfolio_heads"] and i not in covered:
        found = _portfolio_ministry(doc, i)
        if found is not None:
            return found  # "le ministère du Commerce chinois": the ministry, not a place "Commerce"
    if i in covered or not head.text[:1].isupper() or head.text.isupper() or _word(head) not in lex["institution_heads"]:
        return None
    if head.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return None
    subtree = {t.i for t in head.subtree}
    e = i + 1
    while e < len(doc) and e - i <= 10 and (e in subtree or doc[e].dep_ in ("flat:name", "amod") and doc[e].head.i in subtree):
        tok = doc[e]
        if tok.is_punct or tok.is_space or tok.pos_ in ("VERB", "AUX", "PRON", "CCONJ", "SCONJ", "NUM", "ADV") or _is_time(tok):
            break
        e += 1
    while e > i + 1 and (doc[e - 1].pos_ in ("ADP", "DET") or _word(doc[e - 1]) in lex["articles"]):
        e -= 1
    if e - i < 2:
        return None
    acronym = acronym_after(doc, e) is not None
    if head.is_sent_start and not acronym:
        return None
    if not acronym and not any(t.text[:1].isupper() for t in doc[i + 1:e]) and e - i < 3:
        return None  # "Forces spéciales": two words and nothing proper about them
    return i, e
