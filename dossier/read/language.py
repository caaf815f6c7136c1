"""Offline language identification (lingua), restricted to a handful of languages."""
from __future__ import annotations

from functools import lru_cache

LANGUAGES = ("FRENCH", "ENGLISH", "GERMAN", "SPANISH", "ITALIAN", "RUSSIAN", "UKRAINIAN")
MIN_CONFIDENCE = 0.6
_SAMPLE = 2000  # characters looked at: enough to decide, cheap on long articles


@lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    return (
        LanguageDetectorBuilder.from_languages(*(getattr(Language, name) for name in LANGUAGES))
        .with_minimum_relative_distance(0.1)
        .build()
    )


def detect_language(text: str) -> str | None:
    """ISO 639-1 code ("fr", "en", ...) or None when the text is too short or ambiguous."""
    sample = " ".join(text[:_SAMPLE].split())
    if len(sample) < 20:
        return None
    values = _detector().compute_language_confidence_values(sample)
    if not values or values[0].value < MIN_CONFIDENCE:
        return None
    return values[0].language.iso_code_639_1.name.lower()
