"""Both Word exports refuse a language Concordia cannot export in, with one sentence, and
write nothing (the check lives in localise, which both go through)."""

from __future__ import annotations

import pytest

from app.docx import ExportError, export_note
from app.docx.compilation import export_compilation
from app.docx.localise import localise

from .drafts import sample_draft


@pytest.mark.parametrize("export", [export_note, export_compilation])
def test_unsupported_language_is_one_sentence_and_no_file(tmp_path, export):
    target = tmp_path / "out.docx"
    with pytest.raises(ExportError) as error:
        export(sample_draft(), target, language="fr")
    message = str(error.value)
    assert "“fr”" in message and "en, es" in message and "\n" not in message
    assert list(tmp_path.iterdir()) == []


def test_the_draft_language_itself_must_be_exportable():
    draft = sample_draft()
    draft.language = "fr"
    with pytest.raises(ExportError):
        localise(draft, "fr")
