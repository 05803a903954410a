"""The negotiation pane: the dashboard (`negotiation_board`: open brackets, pending paragraphs,
reservations and open comments; clicking an item goes there) and what acts on it.

It enters and settles brackets (Bracket…, Ctrl+Alt+B, on the selected words; Resolve;
Remove), sets the current paragraph's status (also from the text's context menu), and shows
bracketed words in the text the Council way (bold, the alternatives and proponents in the
tooltip) unless View ▸ Clean View is on. Every change is one operation in the window's undo
history.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _, ui_language
from app.importer.brackets import describe
from app.model import new_id
from app.model.annotations import Anchor
from app.model.bracket_ops import (
    AddBracket,
    RemoveBracket,
    SetAlternatives,
    SetBlockStatus,
    SetSilence,
    resolve_bracket,
)
from app.model.brackets import (
    Alternative,
    Bracket,
    crossing_bracket,
    crossing_sentence,
    current_alternatives,
)
from app.model.changes import Changes
from app.model.parties import PartyRegistry
from app.model.party_input import parties_named, typed_codes, unknown_parties_sentence
from app.model.status import Silence, StatusKind

from .annotation_dialogs import selection_anchor
from .annotation_marks import AnnotationMarks
from .bracket_dialogs import BracketDialog, SilenceDialog
from .bracket_marks import BracketPainter, ProponentStrip, bold_brackets
from .editor.formats import block_id_of
from .negotiation_board import ALL, BLOCK_ROLE, ID_ROLE, PENDING_ROWS, NegotiationBoard

__all__ = ["ALL", "BLOCK_ROLE", "ID_ROLE", "PENDING_ROWS", "NegotiationPane", "install"]


class NegotiationPane(QWidget):
    def __init__(self, editor, marks: AnnotationMarks | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.marks = marks or AnnotationMarks.for_editor(editor)
        self.clean_view = False
        self.board = NegotiationBoard(editor)
        self.summary, self.party_filter, self.tree = (self.board.summary, self.board.party_filter,
                                                      self.board.tree)
        self.edit_button = QPushButton(_("&Alternatives…"))
        self.edit_button.clicked.connect(self._on_edit)
        self.resolve_button = QPushButton(_("&Resolve…"))
        self.remove_button = QPushButton(_("Remove &Bracket"))
        self.resolve_button.clicked.connect(self._on_resolve)
        self.remove_button.clicked.connect(self._on_remove)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.resolve_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.board)
        layout.addLayout(buttons)
        self.bracket_action = QAction(_("Square &Bracket…"), self)
        self.bracket_action.setShortcut(QKeySequence("Ctrl+Alt+B"))
        self.bracket_action.triggered.connect(self.add_from_dialog)
        self.clean_action = QAction(_("Clean &View (No Bracket Markup)"), self)
        self.clean_action.setCheckable(True)
        self.clean_action.toggled.connect(self.set_clean_view)
        self.silence_action = QAction(_("Si&lence Procedure…"), self)
        self.silence_action.triggered.connect(self.silence_from_dialog)
        self.status_actions: dict[str, QAction] = {}
        for kind, text in ((StatusKind.AGREED, _("Paragraph &Agreed")),
                           (StatusKind.AD_REFERENDUM, _("Paragraph Agreed Ad &Referendum…")),
                           (StatusKind.PENDING, _("Paragraph &Pending"))):
            action = QAction(text, self)
            action.triggered.connect(lambda _checked=False, k=kind: self.set_status_from_ui(k))
            self.status_actions[kind.value] = action
        self.party_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.painter = BracketPainter(editor, self)
        self.strip = ProponentStrip(editor, self.painter)
        editor.text_edit.context_menu_hooks.append(self._extend_menu)
        self._scrolled = QTimer(self)
        self._scrolled.setSingleShot(True)
        self._scrolled.setInterval(60)
        self._scrolled.timeout.connect(self.paint_brackets)
        editor.text_edit.verticalScrollBar().valueChanged.connect(lambda _v: self._scrolled.start())
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self.refresh)
        editor.changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, changes: Changes) -> None:
        if changes.everything:
            self.refresh()                  # another draft shown: never the last one's items
        elif changes.annotations or changes.structure or changes.cover or changes.block_ids:
            self._timer.start()

    # -- showing ------------------------------------------------------------------------------
    def refresh(self) -> None:
        draft = self.editor.draft()
        self.board.fill(draft)
        self.paint_brackets()
        self.painter.refresh()
        self.strip.set_needed(bool(draft.brackets))
        self.strip.update()

    def bracket_rows(self) -> list[str]:
        return self.board.bracket_rows()

    def set_clean_view(self, clean: bool) -> None:
        self.clean_view = clean
        self.paint_brackets()
        self.editor.text_edit.viewport().update()
        self.strip.update()

    def _extend_menu(self, menu, context=None) -> None:
        menu.addSeparator()
        menu.addAction(self.bracket_action)
        key = self._bracket_at(context.cursor) if context is not None else None
        if key is not None:           # a right-click on bracketed words settles that bracket
            resolve = menu.addAction(_("Resolve Square Bracket") + "…")
            resolve.triggered.connect(lambda _checked=False, k=key: self.resolve_from_dialog(k))
        status = menu.addMenu(_("Paragraph &Status"))
        for action in self.status_actions.values():
            status.addAction(action)

    def paint_brackets(self) -> None:
        """The bracketed words bold, unless the clean view is on (see `bold_brackets`)."""
        bold_brackets(self.editor.text_edit, self.editor.draft(), self.clean_view)

    def current_bracket_id(self) -> str | None:
        return self.board.current_bracket_id()

    # -- changes ------------------------------------------------------------------------------
    def add_bracket(self, parties: list[str], others: list[Alternative]) -> str | None:
        anchor = selection_anchor(self.editor)
        if anchor.scope != "span":
            self._complain(_("Select the words to put in square brackets first."))
            return None
        draft = self.editor.draft()
        registry = PartyRegistry.for_draft(draft)
        unknown = [c for c in parties + [p for a in others for p in a.parties] if c not in registry]
        if unknown:
            self._complain(_("Unknown party “{code}”.").format(code=unknown[0]))
            return None
        crossed = crossing_bracket(draft, anchor.block_id or "", anchor.start or 0, anchor.end or 0)
        if crossed is not None:
            self._complain(crossing_sentence(draft, crossed))
            return None
        block = draft.block(anchor.block_id or "")
        from app.model.annotations import span_words

        words = span_words(block.content, anchor.start or 0, anchor.end or 0)
        bracket = Bracket(new_id(), Anchor(anchor.block_id, anchor.start, anchor.end),
                          [Alternative(words, parties), *others])
        label = _("Add square bracket")
        stack = self.editor.undo_stack
        stack.beginMacro(label)
        try:
            self.editor.apply_operation(AddBracket(bracket.to_json()), label)
            self.marks.paint([anchor.block_id])
        finally:
            stack.endMacro()
        self.refresh()
        return bracket.id

    def add_from_dialog(self) -> None:
        anchor = selection_anchor(self.editor)
        if anchor.scope != "span":
            self._complain(_("Select the words to put in square brackets first."))
            return
        draft = self.editor.draft()
        crossed = crossing_bracket(draft, anchor.block_id or "", anchor.start or 0, anchor.end or 0)
        if crossed is not None:          # said before the dialog, not after it is filled in
            self._complain(crossing_sentence(draft, crossed))
            return
        cursor = self.editor.text_edit.textCursor()
        dialog = BracketDialog(cursor.selectedText(), self, **self._parties_known())
        if dialog.exec() == QDialog.Accepted:
            self.add_bracket(*dialog.alternatives())

    def resolve(self, bracket_id: str, choice: int | None) -> None:
        draft = self.editor.draft()
        block_id = draft.brackets[bracket_id].anchor.block_id
        label = _("Resolve square bracket")
        stack = self.editor.undo_stack
        stack.beginMacro(label)
        try:
            self.editor.apply_operation(resolve_bracket(draft, bracket_id, choice), label)
            self.marks.paint([block_id])
        finally:
            stack.endMacro()
        self.refresh()

    def _bracket_at(self, cursor: QTextCursor) -> str | None:
        block_id = block_id_of(cursor.block())
        offset = cursor.position() - cursor.block().position()
        for key, bracket in self.editor.draft().brackets.items():
            anchor = bracket.anchor
            if (anchor.block_id == block_id and not anchor.orphaned and anchor.start is not None
                    and anchor.start <= offset <= (anchor.end or anchor.start)):
                return key
        return None

    def _on_resolve(self) -> None:
        self.resolve_from_dialog(self.current_bracket_id())

    def resolve_from_dialog(self, key: str | None) -> None:
        draft = self.editor.draft()
        if key is None or key not in draft.brackets:
            self._complain(_("Choose a bracket in the list first."))
            return
        if draft.brackets[key].anchor.orphaned:
            self._complain(_("The words of this bracket were deleted: it can only be removed."))
            return
        options = [describe([alt]) for alt in current_alternatives(draft, draft.brackets[key])]
        options.append(_("Delete the passage"))
        chosen, ok = QInputDialog.getItem(self, _("Resolve Square Bracket"),
                                          _("Keep:"), options, 0, False)
        if ok:
            index = options.index(chosen)
            self.resolve(key, None if index == len(options) - 1 else index)

    def set_alternatives(self, bracket_id: str, parties: list[str],
                         others: list[Alternative]) -> None:
        """The first alternative's proponents and the other alternatives, as one step."""
        draft = self.editor.draft()
        bracket = draft.brackets[bracket_id]
        first = bracket.alternatives[0] if bracket.alternatives else Alternative("")
        data = [Alternative(first.text, parties).to_json(), *(a.to_json() for a in others)]
        self.editor.apply_operation(SetAlternatives(bracket_id, data), _("Edit alternatives"))
        self.refresh()

    def _on_edit(self) -> None:
        key = self.current_bracket_id()
        draft = self.editor.draft()
        if key is None or key not in draft.brackets:
            self._complain(_("Choose a bracket in the list first."))
            return
        alternatives = current_alternatives(draft, draft.brackets[key])
        dialog = BracketDialog(alternatives[0].text, self, alternatives, **self._parties_known())
        if dialog.exec() == QDialog.Accepted:
            self.set_alternatives(key, *dialog.alternatives())

    def _on_remove(self) -> None:
        key = self.current_bracket_id()
        if key is not None and key in self.editor.draft().brackets:
            self.editor.apply_operation(RemoveBracket(key), _("Remove square bracket"))
            self.refresh()

    def set_status(self, block_id: str, kind: StatusKind, parties: list[str] | None = None) -> None:
        data = None if kind is StatusKind.PENDING else {"kind": kind.value,
                                                         "parties": list(parties or [])}
        self.editor.apply_operation(SetBlockStatus(block_id, data), _("Set paragraph status"))
        self.refresh()

    def set_status_from_ui(self, kind: StatusKind) -> None:
        block_id = self.editor.current_block_id()
        if not block_id:
            return
        parties: list[str] = []
        if kind is StatusKind.AD_REFERENDUM:
            known = self._parties_known()
            prompt, text = _("Parties that must confirm (e.g. HU, PL):"), ""
            while True:     # asked again, with the sentence, until every code is known
                text, ok = QInputDialog.getText(self, _("Agreed Ad Referendum"), prompt,
                                                text=text)
                if not ok or not text.strip():
                    return
                parties, unknown = typed_codes(known["registry"], text)
                if not unknown:
                    break
                prompt = unknown_parties_sentence(known["registry"], unknown, known["in_use"],
                                                  ui_language()) + "\n" + _(
                    "Parties that must confirm (e.g. HU, PL):")
        self.set_status(block_id, kind, parties)

    def set_silence(self, silence: Silence | None) -> None:
        self.editor.apply_operation(SetSilence(silence.to_json() if silence else None),
                                    _("Silence procedure"))
        self.refresh()

    def silence_from_dialog(self) -> None:
        dialog = SilenceDialog(self.editor.draft().silence, self, **self._parties_known())
        if dialog.exec() == QDialog.Accepted:
            self.set_silence(dialog.silence())

    def _parties_known(self) -> dict:
        """What a dialog checks the parties typed against: the draft's registry, and the
        parties the draft names (listed first when one typed is unknown)."""
        draft = self.editor.draft()
        return {"registry": PartyRegistry.for_draft(draft), "in_use": parties_named(draft)}

    def _complain(self, message: str) -> None:
        if self.isVisible():
            QMessageBox.information(self, _("Square Brackets"), message)


def install(window) -> NegotiationPane:
    """Dock the dashboard (listed in the main window's EXTENSION_MODULES)."""
    editor = window.editor
    pane = NegotiationPane(editor, AnnotationMarks.for_editor(editor))
    window.add_dock(pane, _("Negotiation"), Qt.DockWidgetArea.RightDockWidgetArea,
                    key="negotiation")
    window.addAction(pane.bracket_action)
    window.actions_by_name["add_bracket"] = pane.bracket_action
    window.actions_by_name["clean_view"] = pane.clean_action
    for name, action in pane.status_actions.items():
        window.actions_by_name["status_" + name] = action
    if "insert" in window.menus:
        window.menus["insert"].addAction(pane.bracket_action)
    if "view" in window.menus:
        window.menus["view"].addAction(pane.clean_action)
    if "edit" in window.menus:
        status_menu = window.menus["edit"].addMenu(_("Paragraph &Status"))
        for action in pane.status_actions.values():
            status_menu.addAction(action)
        status_menu.addSeparator()
        status_menu.addAction(pane.silence_action)
    return pane
