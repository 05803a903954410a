"""Paragraph labels for the comparison: they live in app.model.numbering (kept importable here)."""

from app.model.numbering import paragraph_labels, paragraph_numbers

__all__ = ["paragraph_labels", "paragraph_numbers"]
