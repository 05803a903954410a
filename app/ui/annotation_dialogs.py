"""Small dialogs to enter a comment, a reply or a reservation; shared helpers of the panes."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.compare.labels import paragraph_labels
from app.i18n import N_, _, ui_language
from app.model import Draft
from app.model.annotations import Anchor, CommentStatus, ReservationKind, ReservationStatus
from app.model.parties import PartyRegistry

from .editor.formats import block_id_of
from .party_completer import PartyCompleter, attach_party_completer, attach_party_list_completer

STATUS_NAMES = {
    CommentStatus.OPEN: N_("open"),
    CommentStatus.TAKEN: N_("taken on board"),
    CommentStatus.NOT_TAKEN: N_("not taken"),
    CommentStatus.WITHDRAWN: N_("withdrawn"),
}
RESERVATION_STATUS_NAMES = {
    ReservationStatus.ENTERED: N_("entered"),
    ReservationStatus.MAINTAINED: N_("maintained"),
    ReservationStatus.LIFTED: N_("lifted"),
}
KIND_NAMES = {
    ReservationKind.SCRUTINY: N_("scrutiny reservation"),
    ReservationKind.PARLIAMENTARY_SCRUTINY: N_("parliamentary scrutiny reservation"),
    ReservationKind.LINGUISTIC: N_("linguistic reservation"),
    ReservationKind.GENERAL: N_("general reservation"),
    ReservationKind.SUBSTANTIVE: N_("substantive reservation"),
    ReservationKind.POSITION: N_("position statement"),
}


def status_label(status: CommentStatus) -> str:
    return _(STATUS_NAMES[status])


def selection_anchor(editor) -> Anchor:
    """The editor's selection as an anchor: a span inside one paragraph, else the paragraph.

    A selection running over several paragraphs is cut at the end of the first one.
    """
    cursor = editor.text_edit.textCursor()
    block = editor.text_edit.document().findBlock(cursor.selectionStart())
    block_id = block_id_of(block)
    if not cursor.hasSelection():
        return Anchor(block_id)
    base = block.position()
    start = cursor.selectionStart() - base
    end = min(cursor.selectionEnd(), base + block.length() - 1) - base
    return Anchor(block_id, start, end) if end > start else Anchor(block_id)


def select_anchor(editor, anchor: Anchor) -> None:
    """Show an anchor: select its span, or put the cursor at its paragraph."""
    if anchor.block_id is None:
        return
    qt_block = editor.bridge.qt_block(anchor.block_id)
    if qt_block is None:
        return
    cursor = QTextCursor(qt_block)
    if anchor.scope == "span" and not anchor.orphaned:
        length = qt_block.length() - 1
        cursor.setPosition(qt_block.position() + min(anchor.start or 0, length))
        cursor.setPosition(qt_block.position() + min(anchor.end or 0, length),
                           QTextCursor.MoveMode.KeepAnchor)
    editor.text_edit.setTextCursor(cursor)
    editor.text_edit.ensureCursorVisible()


def paragraph_names(draft: Draft) -> dict[str, str]:
    """Block id -> "§ 7  Reiterate our determination…" for group headings."""
    names = {}
    for block, label in zip(draft.blocks, paragraph_labels(draft.blocks), strict=True):
        text = block.text
        names[block.id] = f"{label}  {text[:60]}{'…' if len(text) > 60 else ''}"
    return names


def party_combo(registry: PartyRegistry, language: str = "en") -> QComboBox:
    combo = QComboBox()
    combo.setEditable(True)
    for code in registry.protocol_order([party.code for party in registry], language):
        combo.addItem(f"{code} — {registry.name(code, language)}", code)
    attach_party_completer(combo, registry, language)   # "Hung" finds HU — Hungary
    return combo


def combo_code(combo: QComboBox) -> str:
    text = combo.currentText().strip()
    data = combo.currentData()
    if data and text.startswith(str(data)):
        return str(data)
    line = combo.lineEdit()
    completer = line.completer() if line is not None else None
    if isinstance(completer, PartyCompleter):
        found = completer.resolve(text)      # "Hungary" or "hungría" typed, not chosen
        if found:
            return found
    return text.split("—")[0].strip().upper()


def form_above_ok_cancel(dialog: QDialog, form: QFormLayout) -> None:
    """Lay out `dialog`: the form, then OK (accepts) and Cancel (rejects)."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(buttons)


class CommentDialog(QDialog):
    """Delegation, comment, drafting suggestion, internal or for circulation."""

    def __init__(self, registry: PartyRegistry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Add comment"))
        self.party = party_combo(registry, ui_language())
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)          # Tab goes on to the next field, as in Word
        self.suggestion = QLineEdit()
        self.internal = QCheckBox(_("Internal to our side (never circulated)"))
        form = QFormLayout()
        form.addRow(_("Delegation:"), self.party)
        form.addRow(_("Comment:"), self.text)
        form.addRow(_("Drafting suggestion:"), self.suggestion)
        form.addRow("", self.internal)
        form_above_ok_cancel(self, form)


class ReservationDialog(QDialog):
    """Parties, kind, where (selection / paragraph / whole text), own wording EN/ES."""

    def __init__(self, has_selection: bool, parent: QWidget | None = None,
                 registry: PartyRegistry | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Enter reservation"))
        self.parties = QLineEdit()
        self.parties.setPlaceholderText(_("codes separated by commas, e.g. HU, PL"))
        # room for the whole example: the Spanish one was cut to "… p. ej…"
        self.parties.setMinimumWidth(
            self.parties.fontMetrics().horizontalAdvance(self.parties.placeholderText()) + 24)
        if registry is not None:              # "Hung" offers HU — Hungary, as for comments
            attach_party_list_completer(self.parties, registry, ui_language())
        self.kind = QComboBox()
        for kind, name in KIND_NAMES.items():
            self.kind.addItem(_(name), kind.value)
        self.on_selection = QRadioButton(_("the selected text"))
        self.on_paragraph = QRadioButton(_("the paragraph"))
        self.on_text = QRadioButton(_("the whole text"))
        self.on_selection.setEnabled(has_selection)
        (self.on_selection if has_selection else self.on_paragraph).setChecked(True)
        self.text_en = QLineEdit()
        self.text_es = QLineEdit()
        form = QFormLayout()
        form.addRow(_("Parties:"), self.parties)
        form.addRow(_("Kind:"), self.kind)
        form.addRow(_("On:"), self.on_selection)
        form.addRow("", self.on_paragraph)
        form.addRow("", self.on_text)
        form.addRow(_("Wording (English):"), self.text_en)
        form.addRow(_("Wording (Spanish):"), self.text_es)
        form_above_ok_cancel(self, form)

    def scope(self) -> str:
        if self.on_text.isChecked():
            return "text"
        return "selection" if self.on_selection.isChecked() else "paragraph"
