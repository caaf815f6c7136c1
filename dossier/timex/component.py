"""The ``dossier_time`` spaCy component: timexes, sentence times, inferred publication date."""

from __future__ import annotations

import bisect
import logging

from spacy.language import Language
from spacy.tokens import Doc

import dossier.nlp  # noqa: F401  (registers the Doc extensions)
from dossier.nlp.extensions import doc_list
from dossier.timex.calendar import Anchor
from dossier.timex.extract import detect_language, find, to_timex
from dossier.timex.infer import explain_published, refine_published
from dossier.timex.syntax import sentence_times, tense_at
from dossier.timex.terms import written_during
from dossier.nlp import access, tokens

log = logging.getLogger(__name__)


_NAMED_NOT_DATES = frozenset({"organization", "group", "person"})


class TimeComponent:
    """Finds temporal expressions in ``doc.text`` and resolves them against ``doc._.published``."""

    version = "dossier.time.v2"  # v2: Timex.counted (a date counted back by a duration); date hints of other reports

    def __init__(self, infer: bool = True):
        self.infer = infer

    @staticmethod
    def _publication_date(doc: Doc, text: str, lang: str, tense, bounds) -> None:
        """Infer a missing publication date from the text; sharpen a month or year one (from a
        dateline or metadata, never a manifest) to the day its weekdays settle. Hints from other
        articles reporting the same events (``doc._.date_hints``) come first."""
        if doc._.date_hints and _pin_from_hints(doc, text, lang, tense, bounds):
            return
        if not doc._.published:
            during = written_during(text, doc._.mentions or [])
            guess = explain_published(text, lang=lang, tense=tense, during=during)
            if guess:
                _set_published(doc, *guess)
            return
        if doc._.published_basis != "manifest" and doc._.published_precision in ("month", "year"):
            day = refine_published(text, doc._.published, lang, tense)
            if day is not None:
                _set_published(doc, day.isoformat(), "day", 0.6,
                               f"estimate: the {doc._.published_precision} of the {doc._.published_basis} "
                               "and the weekdays of the text")

    def __call__(self, doc: Doc) -> Doc:
        text = access.doc_text(doc)
        lang = (doc._.language or detect_language(text)).lower()
        lang = "en" if lang.startswith("en") else "fr"
        has_sents = doc.has_annotation("SENT_START") or doc.has_annotation("DEP")
        has_parse = doc.has_annotation("DEP")
        tense = (lambda s, e: tense_at(doc, s, e, lang)) if has_parse else None
        sents = list(tokens.table(doc).sents) if has_sents else []
        bounds = [(s.start_char, s.end_char) for s in sents] or None
        if self.infer:
            self._publication_date(doc, text, lang, tense, bounds)
        anchor = Anchor.parse(doc._.published)
        found = find(text, anchor, lang, tense, bounds)
        starts = [b[0] for b in bounds] if bounds else []
        names = [(m.start, m.end) for m in doc._.mentions or [] if m.entity_type in _NAMED_NOT_DATES]
        if names:  # "le Mouvement du 23 mars (M23)": a date inside a name dates nothing
            found = [f for f in found if not any(s <= f.start and f.end <= e for s, e in names)]
        timexes = doc_list(doc, "timexes")
        for f in found:
            sentence = bisect.bisect_right(starts, f.start) - 1 if starts else None
            timexes.append(to_timex(f, text, anchor, sentence if sentence is None or sentence >= 0 else 0))
        if sents:
            doc._.sentence_times = sentence_times(doc, timexes)
        return doc


def _pin_from_hints(doc: Doc, text: str, lang: str, tense, bounds) -> bool:
    """Set the publication day the hints give (:func:`dossier.timex.hints.pin_published`) when
    the article has none, or only a month or year (from a dateline or metadata: the day stays
    inside it), or an estimate of its own; never over a manifest, a metadata or dateline day."""
    from datetime import date, timedelta

    from dossier.timex.calendar import add_months, value_to_date
    from dossier.timex.hints import clean_hints, pin_published

    published, basis, precision = doc._.published, doc._.published_basis, doc._.published_precision
    if published and (basis == "manifest" or (precision == "day" and basis != "inferred")):
        return False
    window = None
    if published and basis != "inferred":  # a dateline's or metadata's month or year
        parsed = value_to_date(published)
        if parsed is None or parsed[1] not in ("month", "year"):
            return False
        first = parsed[0]
        last = add_months(first, 1) - timedelta(days=1) if parsed[1] == "month" else date(first.year, 12, 31)
        window = (first, last)
    hints = clean_hints(doc._.date_hints)
    if not hints:
        return False
    during = written_during(text, doc._.mentions or [])
    found = pin_published(text, lang, tense, bounds, hints, window, during, date.today())
    if found is None:
        return False
    _set_published(doc, found[0].isoformat(), "day", 0.5, found[1])
    return True


def _set_published(doc: Doc, value: str, precision: str, confidence: float, evidence: str) -> None:
    doc._.published = value
    doc._.published_precision = precision
    doc._.published_basis = "inferred"
    doc._.published_confidence = confidence
    doc._.published_evidence = evidence
    log.debug("inferred publication date %s (%s, %.2f: %s)", value, precision, confidence, evidence)


@Language.factory(
    "dossier_time",
    requires=["token.dep", "token.morph"],
    assigns=["doc._.timexes", "doc._.sentence_times", "doc._.published"],
    default_config={"infer": True},
)
def make_time_component(nlp: Language, name: str, infer: bool) -> TimeComponent:
    return TimeComponent(infer=infer)
