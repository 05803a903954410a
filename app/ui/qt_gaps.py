"""Qt's own strings that its Spanish catalog (qtbase_es) lacks, in Concordia's catalog.

Qt 6 changed some labels of its file dialog ("&Look in:", "Files of &type:") after its
Spanish translation was made, so they would stay English under a Spanish interface. A
translator installed after Qt's answers just those from `app.i18n`; anything else falls
through to Qt's catalog.
"""

from __future__ import annotations

from PySide6.QtCore import QTranslator

from app.i18n import N_, _

#: (Qt context, Qt's source text) → the same text in Concordia's catalog
GAPS = {
    ("QFileDialog", "&Look in:"): N_("&Look in:"),
    ("QFileDialog", "Files of &type:"): N_("Files of &type:"),
}


class QtGapTranslator(QTranslator):
    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        message = GAPS.get((context, source))
        if message is None:
            return None                   # not ours: Qt asks the next catalog
        translated = _(message)
        return None if translated == message else translated

    def isEmpty(self) -> bool:  # noqa: N802 - Qt API
        return False
