"""Where a save dialog starts, and the name it suggests: the draft's folder and name.

A Save As, an export or a comparison written from a saved draft starts in the draft's folder
with a name made from the draft's ("6914-24-EN.docx" beside "6914-24.concordia"); a draft
never saved is named after its document number ("6914/24" → "6914-24"), else `fallback`.
"""

from __future__ import annotations

from pathlib import Path

from app.model import Draft


def safe_stem(text: str) -> str:
    """A file-name-safe form of a document number or title ("6914/24 REV 1" → "6914-24 REV 1")."""
    return "".join(c if c.isalnum() or c in " .-_" else "-" for c in text).strip(" .")


def draft_stem(draft: Draft | None, draft_path: Path | None, fallback: str) -> str:
    if draft_path is not None:
        return draft_path.stem
    number = draft.note.full_number.strip() if draft is not None else ""
    return safe_stem(number) or fallback


def start_folder(draft_path: Path | None, last_folder: str = "") -> Path:
    """The saved draft's folder, else the last folder used, else the home folder."""
    if draft_path is not None:
        return draft_path.parent
    if last_folder and Path(last_folder).is_dir():
        return Path(last_folder)
    return Path.home()


def suggested_file(draft: Draft | None, draft_path: Path | None, tail: str, fallback: str,
                   last_folder: str = "") -> Path:
    """`tail` goes after the stem: "-EN.docx", "-comments.docx", ".concordia"."""
    return start_folder(draft_path, last_folder) / (draft_stem(draft, draft_path, fallback) + tail)
