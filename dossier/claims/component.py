"""The ``dossier_claims`` spaCy component: claims, attributes and positions of one document."""
from __future__ import annotations

import logging

from spacy.language import Language
from spacy.tokens import Doc

import dossier.nlp  # noqa: F401  (registers the Doc extensions)
from dossier.claims.attributes import extract_attributes
from dossier.claims.extract import ClaimExtractor, release
from dossier.claims.lexicon import load_issues
from dossier.claims.positions import extract_positions
from dossier.nlp.extensions import doc_list

log = logging.getLogger(__name__)


class ClaimsComponent:
    """Writes ``doc._.claims``, ``doc._.attributes`` and ``doc._.positions``."""

    version = "dossier.claims.v3"  # v2: one claim per claimant, AGREED(parties,topic) and its denials, Claim.denies; v3: positions of coordinated actors, reported demands, issues of other negotiations

    def __init__(self, nlp: Language, name: str = "dossier_claims", issues_file: str | None = None):
        self.name = name
        self.issues_file = issues_file
        self.issues = load_issues(issues_file)

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP"):
            log.warning("dossier_claims needs a dependency parse; %s left without claims", self.name)
            return doc
        try:
            extractor = ClaimExtractor(doc)
            doc_list(doc, "claims").extend(extractor.run())
            # the speakers found by the claims help resolve "il" / "son pays" in positions
            doc_list(doc, "attributes").extend(extract_attributes(doc, extractor.ctx))
            doc_list(doc, "positions").extend(extract_positions(doc, self.issues, extractor.ctx))
        finally:
            release(doc)
        return doc


@Language.factory(
    "dossier_claims",
    default_config={"issues_file": None},
    requires=["doc.sents", "token.dep"],
    assigns=["doc._.claims", "doc._.attributes", "doc._.positions"],
)
def make_claims(nlp: Language, name: str, issues_file: str | None) -> ClaimsComponent:
    return ClaimsComponent(nlp, name, issues_file)
