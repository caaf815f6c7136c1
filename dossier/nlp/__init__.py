"""spaCy glue: Doc/Span extensions shared by the dossier components, and the pipeline builder."""
from dossier.nlp.extensions import register_extensions

register_extensions()
