"""Finding a delegation by typing part of its code or name, in English or Spanish.

"Hung" finds "HU — Hungary", "hungria" and "Hungría" too, "peru" finds "PE — Perú": the
typed text and every party's code and names are compared lower-case and without accents,
anywhere in the text (not only at the start).
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit

from app.model.parties import PartyRegistry

#: The model role holding what a party is searched by.
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 10
CODE_ROLE = Qt.ItemDataRole.UserRole


def folded(text: str) -> str:
    """Lower case, without accents: "Hungría" → "hungria"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


class PartyCompleter(QCompleter):
    """Completes on code or name anywhere; puts the shown "CODE — Name" in the box."""

    def __init__(self, registry: PartyRegistry, codes: list[str], language: str,
                 parent=None) -> None:
        super().__init__(parent)
        model = QStandardItemModel(self)
        for code in codes:
            shown = f"{code} — {registry.name(code, language)}"
            item = QStandardItem(shown)
            item.setData(code, CODE_ROLE)
            names = {registry.name(code, "en"), registry.name(code, "es"), code}
            item.setData(" | ".join(folded(name) for name in sorted(names)), SEARCH_ROLE)
            model.appendRow(item)
        self.setModel(model)
        self.setCompletionRole(SEARCH_ROLE)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setMaxVisibleItems(12)

    def splitPath(self, path: str) -> list[str]:  # noqa: N802 - Qt API
        return [folded(path.split("—")[0].strip()) if "—" in path else folded(path)]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:  # noqa: N802
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")


    def resolve(self, typed: str) -> str | None:
        """The party meant by text typed without choosing from the list: its code or full
        name (EN/ES), else the only party whose code or name contains it; None if unclear."""
        wanted = folded(typed.split("—")[0].strip()) if "—" in typed else folded(typed.strip())
        if not wanted:
            return None
        model = self.model()
        rows = [(str(model.index(row, 0).data(CODE_ROLE)),
                 str(model.index(row, 0).data(SEARCH_ROLE)).split(" | "))
                for row in range(model.rowCount())]
        for code, names in rows:
            if wanted == folded(code) or wanted in names:
                return code
        close = [code for code, names in rows if any(wanted in name for name in names)]
        return close[0] if len(close) == 1 else None


class PartyListCompleter(PartyCompleter):
    """For a box of codes separated by commas ("HU, PL"): completes the last one typed and
    puts its code in its place ("HU, Pol" → "HU, PL")."""

    def splitPath(self, path: str) -> list[str]:  # noqa: N802 - Qt API
        return [folded(path.rsplit(",", 1)[-1].strip())]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:  # noqa: N802
        widget = self.widget()
        typed = widget.text() if isinstance(widget, QLineEdit) else ""
        before = typed.rsplit(",", 1)[0] + ", " if "," in typed else ""
        return before + str(index.data(CODE_ROLE) or "")


def attach_party_list_completer(line: QLineEdit, registry: PartyRegistry,
                                language: str) -> PartyListCompleter:
    codes = registry.protocol_order([party.code for party in registry], language)
    completer = PartyListCompleter(registry, codes, language, line)
    line.setCompleter(completer)
    # the whole list, with the chosen code in place of what was typed of it
    completer.activated[str].connect(line.setText)
    return completer


def attach_party_completer(combo: QComboBox, registry: PartyRegistry, language: str) -> PartyCompleter:
    """Give an editable party combo (items "CODE — Name" with the code as data) the search."""
    codes = [combo.itemData(row) for row in range(combo.count())]
    completer = PartyCompleter(registry, [str(code) for code in codes if code], language, combo)
    # On the line edit, not the combo: the combo would map the chosen row to one of its own.
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)   # typed text never becomes a party
    line = combo.lineEdit()
    if line is not None:
        line.setCompleter(completer)

    def chosen(index: QModelIndex) -> None:
        row = combo.findData(index.data(CODE_ROLE))
        if row >= 0:
            combo.setCurrentIndex(row)

    completer.activated[QModelIndex].connect(chosen)
    return completer
