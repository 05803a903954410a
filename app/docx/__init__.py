"""DOCX: the Council note writer (cover, annex, real footnotes, footers) in EN and ES."""

from .localise import ExportError, MissingTranslationError
from .writer import ExportReport, TargetNotWritableError, export_note

__all__ = ["ExportError", "ExportReport", "MissingTranslationError", "TargetNotWritableError",
           "export_note"]
