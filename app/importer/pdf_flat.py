"""Text of a PDF flattened onto one line → lines again, at the places its structure shows."""

from __future__ import annotations

from .report import ImportReport


def unflatten(text: str, report: ImportReport) -> list[str]:
    return text.split("\n")
