"""Strip page furniture while keeping an offset map back to the original text."""
from dossier.clean.offsets import Cleaned, clean_text

__all__ = ["Cleaned", "clean_text"]
