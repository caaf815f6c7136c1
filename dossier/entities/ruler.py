"""Knowledge-base ruler: every alias and every role alias matched over the tokens, longest first.

Matching runs on folded words (case, accents, apostrophes and hyphens ignored), so ``Maison-Blanche``
matches ``Maison Blanche`` and ``l’armée`` matches ``l'armée``. An alias written with a capital
needs a capital in the text (``Truth`` the network, not ``truth``); lower-case descriptions
(``armée russe``) match in any case and may take one extra adjective inside
(``la nouvelle administration américaine``).
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass

from spacy.tokens import Doc

from dossier.entities.kb import KnowledgeBase
from dossier.entities.normalize import fold, norm_alias
from dossier.nlp import access, tokens

_WORD = re.compile(r"[a-z0-9]+")
_END = "\x00"
_BREAK = "\x01"


@dataclass
class Match:
    start: int  # token offsets
    end: int
    kind: str  # entity | role
    ids: tuple[str, ...]  # entity ids (entity) or role ids (role)
    alias: str
    skipped: bool = False  # an adjective was skipped inside

    @property
    def length(self) -> int:
        return self.end - self.start


def _words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


_TOKEN_WORDS: dict[str, tuple[str, ...]] = {}  # memo of _token_words: token texts repeat endlessly
_TOKEN_WORDS_MAX = 200_000  # entries before the memo is emptied (bounded memory on long runs)


def _token_words(text: str) -> tuple[str, ...]:
    """The folded words of one token's text; punctuation other than "-", "'", "’", "." is a
    break (it ends a name: "(Volodymyr) Zelensky")."""
    found = _TOKEN_WORDS.get(text)
    if found is None:
        found = tuple(_words(text))
        if not found and text not in {"-", "'", "’", "."}:
            found = (_BREAK,)
        if len(_TOKEN_WORDS) >= _TOKEN_WORDS_MAX:
            _TOKEN_WORDS.clear()
        _TOKEN_WORDS[text] = found
    return found


class AliasRuler:
    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self.trie: dict = {}
        key = getattr(kb, "source_key", None)
        if key is None:
            self._build()
        else:  # 23,000 aliases normalised and cut into words: 0.3 CPU-s per process, kept on disk
            from dossier import cache

            # (a few kept: with and without the user's files, the roles learned by the last ingest)
            self.trie = cache.cached("alias-trie", cache.fingerprint(modules=[sys.modules[__name__]], extra=[key]),
                                     self._build, keep=4)

    def _build(self) -> dict:
        """The trie of every alias and role alias of the KB (plain data: words, then ``_END`` ->
        {(kind, cased): [ids]})."""
        self.trie = {}
        for alias, entry in self.kb.alias_pairs():
            self._add(alias, "entity", entry.id)
        for role in self.kb.roles().values():
            for names in role.aliases.values():
                for alias in names:
                    self._add(alias, "role", role.id)
        return self.trie

    def _add(self, alias: str, kind: str, ident: str) -> None:
        key = norm_alias(alias)
        words = _words(key)
        if not words:
            return
        stripped = alias.strip()
        if stripped.isupper() and len(stripped) > 1 and " " not in stripped:
            cased = "upper"  # an acronym: "UN" is not "Un"
        else:  # the case of the name itself, after an article ("La Réunion" is cased, "l'armée" is not)
            bare = re.sub(r"^(?:l['’]\s*|(?:le|la|les)\s+)", "", stripped, flags=re.IGNORECASE)
            cased = bare[:1].isupper()
        node = self.trie
        for word in words:
            node = node.setdefault(word, {})
        bucket = node.setdefault(_END, {})
        ids = bucket.setdefault((kind, cased), [])
        if ident not in ids:
            ids.append(ident)

    def _doc_words(self, doc: Doc) -> list[tuple[str, int, bool, bool]]:
        """(word, token index, first word of its token, last word of its token)."""
        out = []
        append = out.append
        for i, text in enumerate(tokens.table(doc).text):
            words = _token_words(text)
            if len(words) == 1:  # (most tokens: one word, first and last)
                append((words[0], i, True, True))
                continue
            last = len(words) - 1
            for j, word in enumerate(words):
                append((word, i, j == 0, j == last))
        return out

    def find(self, doc: Doc) -> list[Match]:
        words = self._doc_words(doc)
        tab = tokens.table(doc)
        found: list[Match] = []
        trie = self.trie
        for i, (word, tok_i, first, _) in enumerate(words):
            # (a walk from a word the trie does not start with finds nothing: not called)
            if not first or word == _BREAK or word not in trie:
                continue
            self._walk(doc, tab, words, i, i, trie, False, found)
        return found

    def _walk(self, doc, tab, words, begin, pos, node, skipped, found, last_skipped=False) -> None:
        if _END in node and pos > begin and words[pos - 1][3] and not last_skipped:
            start_tok, end_tok = words[begin][1], words[pos - 1][1] + 1
            text_start_upper = tab.text[start_tok][:1].isupper()
            a, b = tab.chars(start_tok, end_tok)
            text = access.doc_text(doc)[a:b]  # doc[start_tok:end_tok].text
            for (kind, cased), ids in node[_END].items():
                if cased == "upper" and not text.isupper():
                    continue
                if cased and not text_start_upper:
                    continue
                if skipped and cased:
                    continue
                found.append(Match(start_tok, end_tok, kind, tuple(ids), text, skipped))
        if pos >= len(words):
            return
        word = words[pos][0]
        if word in node:
            self._walk(doc, tab, words, begin, pos + 1, node[word], skipped, found)
        # one adjective may sit inside a lower-case description; inside a name capitalised in the
        # middle of a sentence it is part of that name ("les Forces démocratiques syriennes" are
        # not "les forces syriennes")
        k = words[pos][1]
        if (not skipped and pos > begin and words[pos][2] and words[pos][3] and tab.pos[k] == "ADJ"
                and tab.text[k][:1].islower() and not _capitalised_name(doc, tab, words[begin][1])):
            self._walk(doc, tab, words, begin, pos + 1, node, True, found, True)


def _capitalised_name(doc: Doc, tab, i: int) -> bool:
    """The token opens a capitalised name: a capital that neither a sentence start nor a line
    start explains."""
    if not tab.text[i][:1].isupper() or i == 0 or doc[i].is_sent_start:
        return False
    return "\n" not in doc[i - 1].text_with_ws


def select(matches: list[Match]) -> list[Match]:
    """Non-overlapping matches, longest first (then the earliest, then without skipped words)."""
    chosen: list[Match] = []
    taken: set[int] = set()
    for m in sorted(matches, key=lambda m: (-m.length, m.skipped, m.start)):
        if any(i in taken for i in range(m.start, m.end)):
            continue
        chosen.append(m)
        taken.update(range(m.start, m.end))
    return sorted(chosen, key=lambda m: m.start)
