"""The negotiation dashboard's list: open brackets, pending paragraphs, reservations and open
comments per paragraph (app.model.dashboard), with what is left before the text is clean and a
filter by party. Clicking an item goes there. The pane that holds it (negotiation_pane) adds
the buttons, menus and dialogs.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from app.i18n import _, ui_language
from app.importer.brackets import describe
from app.model.brackets import current_alternatives, lost_brackets
from app.model.dashboard import build_dashboard
from app.model.numbering import paragraph_labels

from .annotation_dialogs import select_anchor

ID_ROLE = Qt.ItemDataRole.UserRole
BLOCK_ROLE = Qt.ItemDataRole.UserRole + 1
ALL = ""
#: Pending paragraphs listed (a 300-page draft has thousands; the count says how many).
PENDING_ROWS = 200


class NegotiationBoard(QWidget):
    """The summary, the party filter and the tree of what is still open in the draft shown."""

    def __init__(self, editor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("negotiation_summary")
        self.party_filter = QComboBox()
        self.party_filter.addItem(_("All parties"), ALL)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([_("Paragraph"), _("What")])
        self.tree.setColumnWidth(0, 95)
        self.tree.setIndentation(12)
        self.tree.itemClicked.connect(self._on_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.party_filter)
        layout.addWidget(self.tree)

    def fill(self, draft) -> None:
        """List what is open in `draft`, for the party chosen in the filter."""
        board = build_dashboard(draft, ui_language())   # kinds of reservation in the UI's words
        self.summary.setText(board.summary + (("\n" + board.silence) if board.silence else ""))
        wanted = self.party_filter.currentData() or ALL
        self._refresh_parties(draft)
        self.tree.clear()
        brackets = QTreeWidgetItem(self.tree, [_("Open brackets"), str(len(board.brackets))])
        for item in board.brackets:
            if wanted and wanted not in item.parties:
                continue
            self._row(brackets, item.label, item.text, item.block_id, item.key)
        pending = QTreeWidgetItem(self.tree, [_("Paragraphs pending"), str(len(board.pending))])
        for item in board.pending[:PENDING_ROWS]:
            self._row(pending, item.label, item.text, item.block_id, "")
        if len(board.pending) > PENDING_ROWS:
            QTreeWidgetItem(pending, ["…", _("and {n} more").format(
                n=len(board.pending) - PENDING_ROWS)])
        reserved = QTreeWidgetItem(self.tree, [_("Reservations"), ""])
        for party, items in board.reservations.items():
            if wanted and wanted != party:
                continue
            for item in items:
                self._row(reserved, item.label, f"{party}: {item.text}", item.block_id, "")
        comments = QTreeWidgetItem(self.tree, [_("Open comments"), ""])
        for party, count in board.comments.items():
            if not wanted or wanted == party:
                QTreeWidgetItem(comments, [party, str(count)])
        self._lost(draft, wanted)
        for index in range(self.tree.topLevelItemCount()):
            heading = self.tree.topLevelItem(index)
            heading.setText(0, f"{heading.text(0)} ({heading.childCount()})")
            heading.setText(1, "")
            heading.setFirstColumnSpanned(True)
        self.tree.expandAll()

    def _lost(self, draft, wanted: str) -> None:
        """Brackets whose words were deleted, last and only when there are any: their
        alternatives stay readable, and Remove Bracket takes one away."""
        lost = lost_brackets(draft)
        if not lost:
            return
        labels = dict(zip((b.id for b in draft.blocks), paragraph_labels(draft.blocks),
                          strict=True))
        group = QTreeWidgetItem(self.tree, [_("Brackets whose words were deleted"), ""])
        for bracket in lost:
            if not wanted or wanted in bracket.parties:
                self._row(group, labels.get(bracket.anchor.block_id or "", "—"),
                          describe(current_alternatives(draft, bracket)), None, bracket.id)

    def _refresh_parties(self, draft) -> None:
        codes = sorted({code for b in draft.brackets.values() for code in b.parties}
                       | {code for r in draft.reservations.values() for code in r.parties})
        present = [self.party_filter.itemData(i) for i in range(1, self.party_filter.count())]
        if present == codes:
            return
        current = self.party_filter.currentData()
        self.party_filter.blockSignals(True)
        self.party_filter.clear()
        self.party_filter.addItem(_("All parties"), ALL)
        for code in codes:
            self.party_filter.addItem(code, code)
        index = self.party_filter.findData(current)
        self.party_filter.setCurrentIndex(max(index, 0))
        self.party_filter.blockSignals(False)

    def _row(self, parent, label: str, text: str, block_id: str | None, key: str) -> None:
        row = QTreeWidgetItem(parent, [label, text])
        row.setToolTip(1, text)
        row.setData(0, ID_ROLE, key)
        row.setData(0, BLOCK_ROLE, block_id)

    def bracket_rows(self) -> list[str]:
        top = self.tree.topLevelItem(0)
        return [top.child(i).data(0, ID_ROLE) for i in range(top.childCount())]

    def current_bracket_id(self) -> str | None:
        item = self.tree.currentItem()
        key = item.data(0, ID_ROLE) if item is not None else None
        return key or None

    # -- going there --------------------------------------------------------------------------
    def _on_clicked(self, item: QTreeWidgetItem) -> None:
        key, block_id = item.data(0, ID_ROLE), item.data(0, BLOCK_ROLE)
        draft = self.editor.draft()
        if key and key in draft.brackets:
            select_anchor(self.editor, draft.brackets[key].anchor)
        elif block_id:
            self.editor.go_to_block(block_id)
