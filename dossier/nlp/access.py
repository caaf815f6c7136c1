"""Read helpers shared by the downstream components (quotes, events, claims).

They read what the upstream components wrote and degrade gracefully when a component is absent
(e.g. in a test pipeline without ``dossier_entities``: mentions then come from the bare NER).
"""
from __future__ import annotations

import bisect
import re
import unicodedata

from spacy.tokens import Doc, Span

from dossier.models import Mention, SentenceTime, Timex

_TYPE_OF_LABEL = {"PER": "person", "LOC": "place", "ORG": "organization", "GRP": "group", "MISC": "other"}


def _fallback_key(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return "local:" + re.sub(r"[^a-z0-9]+", "_", text).strip("_")


_TEXT_KEY = "dossier.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc: spaCy re-joins every token on each access, so reading it
    once per record costs the square of the document's length."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def set_doc_text(doc: Doc, text: str) -> None:
    """Record the text a Doc was made from (``nlp.make_doc(text)`` keeps it exactly), so that
    :func:`doc_text` need not join the tokens at all."""
    doc.user_data[_TEXT_KEY] = text


def span_text(span: Span) -> str:
    """``span.text``, sliced from the Doc's text instead of joined from its tokens."""
    return doc_text(span.doc)[span.start_char:span.end_char]


def sentence_starts(doc: Doc) -> list[int]:
    from dossier.nlp.tokens import table  # (tokens imports nothing of this module; kept local all the same)

    return [s.start_char for s in table(doc).sents]


def sentence_index(doc: Doc, char: int, starts: list[int] | None = None) -> int:
    starts = starts if starts is not None else sentence_starts(doc)
    return max(0, bisect.bisect_right(starts, char) - 1)


def mentions(doc: Doc) -> list[Mention]:
    """Entity mentions, sorted by start: from dossier_entities, else from the bare NER."""
    found = doc._.mentions
    if found:
        return sorted(found, key=lambda m: (m.start, -m.end))
    starts = sentence_starts(doc) if doc.has_annotation("SENT_START") else [0]
    out = []
    for ent in doc.ents:
        out.append(
            Mention(
                start=ent.start_char,
                end=ent.end_char,
                text=ent.text,
                label=ent.label_,
                entity_id=_fallback_key(ent.text),
                entity_name=ent.text,
                entity_type=_TYPE_OF_LABEL.get(ent.label_, "other"),
                confidence=0.5,
                resolution="ner",
                sentence=sentence_index(doc, ent.start_char, starts),
            )
        )
    return out


def mentions_in(doc: Doc, start: int, end: int, all_mentions: list[Mention] | None = None) -> list[Mention]:
    """Mentions lying inside [start, end)."""
    return [m for m in (all_mentions if all_mentions is not None else mentions(doc)) if m.start >= start and m.end <= end]


def timexes(doc: Doc) -> list[Timex]:
    return list(doc._.timexes or [])


def sentence_time(doc: Doc, sentence: int) -> SentenceTime | None:
    times = doc._.sentence_times or []
    if 0 <= sentence < len(times) and times[sentence].sentence == sentence:
        return times[sentence]  # dossier_time writes one per sentence, in order
    for st in times:
        if st.sentence == sentence:
            return st
    return None
