"""The reservations overview: every outstanding reservation by paragraph and party.

    pane = ReservationsPane(editor)      # shares the editor's AnnotationMarks
    install(window)                      # the main window's extension hook

Enter (on the selection, the paragraph or the whole text), maintain, lift and delete; each
change is an operation in the window's one undo history. Clicking a row shows its place.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QMessageBox,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.model import new_id
from app.model.annotation_ops import (
    AddReservation,
    RemoveReservation,
    SetReservationStatus,
)
from app.model.annotations import Anchor, Reservation, ReservationKind, ReservationStatus
from app.model.parties import PartyRegistry

from .annotation_dialogs import (
    KIND_NAMES,
    RESERVATION_STATUS_NAMES,
    ReservationDialog,
    paragraph_names,
    select_anchor,
    selection_anchor,
)
from .annotation_marks import AnnotationMarks

ID_ROLE = Qt.ItemDataRole.UserRole


class ReservationsPane(QWidget):
    def __init__(self, editor, marks: AnnotationMarks | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.marks = marks or AnnotationMarks.for_editor(editor)
        self.show_lifted = QCheckBox(_("Show lifted reservations"))
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([_("Paragraph / parties"), _("Reservation"), _("Status")])
        self.tree.setColumnWidth(0, 220)
        # A tool bar, not a row of buttons: it folds into a » menu when the dock is narrow.
        self.toolbar = QToolBar()
        self.toolbar.addAction(_("Enter…"), self.add_from_dialog)
        self.toolbar.addAction(_("Maintained"),
                               lambda: self._set_current_status(ReservationStatus.MAINTAINED))
        self.toolbar.addAction(_("Lift"), lambda: self._set_current_status(ReservationStatus.LIFTED))
        self.toolbar.addAction(_("Delete"), self._on_delete)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.show_lifted)
        layout.addWidget(self.tree)
        layout.addWidget(self.toolbar)

        #: Insert ▸ Reservation; the window puts it in its menu.
        self.add_reservation_action = QAction(_("Reservation…"), self)
        self.add_reservation_action.triggered.connect(self.add_from_dialog)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(250)
        self._refresh_timer.timeout.connect(self.refresh)
        editor.modified.connect(self._refresh_timer.start)
        self.marks.anchors_changed.connect(self._refresh_timer.start)
        self.show_lifted.toggled.connect(self.refresh)
        self.tree.itemClicked.connect(self._on_clicked)
        self.refresh()

    def registry(self) -> PartyRegistry:
        return PartyRegistry.for_draft(self.editor.draft())

    # -- the overview -------------------------------------------------------------------------
    def refresh(self) -> None:
        draft = self.editor.draft()
        names = paragraph_names(draft)
        order = {block.id: index for index, block in enumerate(draft.blocks)}
        registry = self.registry()
        selected = self.current_reservation_id()
        self.tree.setUpdatesEnabled(False)
        # taking the items out is ~40x faster than clear() on a large expanded tree
        self.tree.invisibleRootItem().takeChildren()
        groups: dict[str, QTreeWidgetItem] = {}
        current: QTreeWidgetItem | None = None

        def key(item: Reservation) -> tuple:
            anchor = item.anchor
            if anchor.block_id is None:
                return (-1, 0)
            if anchor.orphaned or anchor.block_id not in order:
                return (len(order), 0)
            return (order[anchor.block_id], anchor.end if anchor.end is not None else 1 << 30)

        for item in sorted(draft.reservations.values(), key=key):
            if not item.outstanding and not self.show_lifted.isChecked():
                continue
            anchor = item.anchor
            if anchor.block_id is None:
                heading = _("Whole text")
            elif anchor.orphaned or anchor.block_id not in order:
                heading = _("Text deleted (orphaned reservations)")
            else:
                heading = names.get(anchor.block_id, anchor.block_id)
            group = groups.get(heading)
            if group is None:
                group = QTreeWidgetItem([heading])       # detached: adding one by one is slow
                group.setToolTip(0, heading)
                groups[heading] = group
            parties = ", ".join(registry.protocol_order(item.parties))
            what = _(KIND_NAMES[item.kind])
            if item.kind == ReservationKind.POSITION and item.text_en:
                what = f"{what}: {item.text_en}"
            row = QTreeWidgetItem(group, [parties, what, _(RESERVATION_STATUS_NAMES[item.status])])
            row.setData(0, ID_ROLE, item.id)
            if item.id == selected:
                current = row
        self.tree.addTopLevelItems(list(groups.values()))
        self.tree.expandAll()
        if current is not None:
            self.tree.setCurrentItem(current)
        self.tree.setUpdatesEnabled(True)

    def visible_reservation_ids(self) -> list[str]:
        ids = []
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            ids.extend(group.child(row).data(0, ID_ROLE) for row in range(group.childCount()))
        return ids

    def outstanding_by_party(self) -> dict[str, list[str]]:
        """Party code -> ids of its outstanding reservations (for a summary line)."""
        result: dict[str, list[str]] = {}
        for item in self.editor.draft().reservations.values():
            if item.outstanding:
                for code in item.parties:
                    result.setdefault(code, []).append(item.id)
        return result

    def current_reservation_id(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, ID_ROLE) if item is not None else None

    def _on_clicked(self, item: QTreeWidgetItem) -> None:
        key = item.data(0, ID_ROLE)
        reservation = self.editor.draft().reservations.get(key) if key else None
        if reservation is not None:
            select_anchor(self.editor, reservation.anchor)

    # -- changes ------------------------------------------------------------------------------
    def add_reservation(self, parties: list[str], kind: ReservationKind, scope: str = "selection",
                        text_en: str = "", text_es: str = "") -> str | None:
        """Enter a reservation on the selection, the cursor's paragraph or the whole text."""
        registry = self.registry()
        unknown = [code for code in parties if code not in registry]
        if not parties or unknown:
            self._complain(_("Unknown or missing party: {codes}.").format(codes=", ".join(unknown)))
            return None
        if kind == ReservationKind.POSITION and not text_en.strip():
            self._complain(_("A position statement needs its wording."))
            return None
        if scope == "text":
            anchor = Anchor(None)
        else:
            anchor = selection_anchor(self.editor)
            if scope == "paragraph":
                anchor = Anchor(anchor.block_id)
        reservation = Reservation(new_id(), anchor,
                                  registry.protocol_order([registry.get(c).code for c in parties]),
                                  kind, text_en=text_en.strip(), text_es=text_es.strip(),
                                  date=date.today())
        label = _("Enter reservation")
        stack = self.editor.undo_stack
        stack.beginMacro(label)
        try:
            self.editor.apply_operation(AddReservation(reservation.to_json()), label)
            if anchor.scope == "span":
                self.marks.paint([anchor.block_id])
        finally:
            stack.endMacro()
        self.refresh()
        return reservation.id

    def add_from_dialog(self) -> None:
        has_selection = self.editor.text_edit.textCursor().hasSelection()
        dialog = ReservationDialog(has_selection, self)
        if dialog.exec():
            codes = [code.strip().upper() for code in dialog.parties.text().split(",") if code.strip()]
            self.add_reservation(codes, ReservationKind(dialog.kind.currentData()), dialog.scope(),
                                 dialog.text_en.text(), dialog.text_es.text())

    def set_status(self, reservation_id: str, status: ReservationStatus) -> None:
        label = _("Lift reservation") if status == ReservationStatus.LIFTED else _("Maintain reservation")
        self.editor.apply_operation(SetReservationStatus(reservation_id, status.value), label)
        self.refresh()

    def _set_current_status(self, status: ReservationStatus) -> None:
        key = self.current_reservation_id()
        if key:
            self.set_status(key, status)

    def _on_delete(self) -> None:
        key = self.current_reservation_id()
        if key:
            self.editor.apply_operation(RemoveReservation(key), _("Delete reservation"))
            self.refresh()

    def _complain(self, message: str) -> None:
        if self.isVisible():
            QMessageBox.information(self, _("Reservations"), message)


def install(window) -> ReservationsPane:
    """Dock the overview in the main window, tabbed with the comments (EXTENSION_MODULES)."""
    editor = window.editor
    pane = ReservationsPane(editor, AnnotationMarks.for_editor(editor))
    dock = window.add_dock(pane, _("Reservations"), Qt.DockWidgetArea.RightDockWidgetArea,
                           key="reservations")
    comments = window.docks.get("comments")
    if comments is not None:
        window.tabifyDockWidget(comments, dock)
        comments.raise_()
    if "insert" in window.menus:
        window.menus["insert"].addAction(pane.add_reservation_action)
    return pane
