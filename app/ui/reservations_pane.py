"""The reservations overview: every outstanding reservation by paragraph and party.

    pane = ReservationsPane(editor)      # shares the editor's AnnotationMarks
    install(window)                      # called by the main window

Enter (on the selection, the paragraph or the whole text), maintain, lift and delete; each
change is an operation in the window's one undo history. Clicking a row shows its place.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QCheckBox, QTreeWidgetItem, QVBoxLayout, QWidget

from app.i18n import N_, _
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
    selection_anchor,
)
from .annotation_marks import AnnotationMarks
from .annotation_pane import AnnotationPane, bring_forward_on_addition


class ReservationsPane(AnnotationPane):
    orphan_heading = N_("Text deleted (orphaned reservations)")
    complaint_title = N_("Reservations")

    def __init__(self, editor, marks: AnnotationMarks | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(editor, marks, [_("Paragraph / parties"), _("Reservation"), _("Status")],
                         parent)
        self.orphan_heading = _(ReservationsPane.orphan_heading)
        self.complaint_title = _(ReservationsPane.complaint_title)
        self.show_lifted = QCheckBox(_("Show &lifted reservations"))
        self.tree.setColumnWidth(0, 150)
        self.tree.setColumnWidth(1, 150)
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
        self.add_reservation_action = QAction(_("&Reservation…"), self)
        self.add_reservation_action.setObjectName("action_add_reservation")
        self.add_reservation_action.setShortcut(QKeySequence("Ctrl+Alt+R"))
        self.add_reservation_action.triggered.connect(self.add_from_dialog)

        self.show_lifted.toggled.connect(self.refresh)
        self.refresh()

    # -- the overview -------------------------------------------------------------------------
    def annotations(self, draft) -> dict[str, Reservation]:
        return draft.reservations

    def shown(self, reservation: Reservation) -> bool:
        return reservation.outstanding or self.show_lifted.isChecked()

    def position_in_block(self, anchor: Anchor) -> int:
        # A reservation on a span is listed where the span ends (where its footnote goes).
        return anchor.end if anchor.end is not None else 1 << 30

    def add_row(self, group: QTreeWidgetItem, item: Reservation,
                registry: PartyRegistry) -> QTreeWidgetItem:
        parties = ", ".join(registry.protocol_order(item.parties))
        what = _(KIND_NAMES[item.kind])
        if item.kind == ReservationKind.POSITION and item.text_en:
            what = f"{what}: {item.text_en}"
        row = QTreeWidgetItem(group, [parties, what, _(RESERVATION_STATUS_NAMES[item.status])])
        row.setToolTip(1, what)
        return row

    def visible_reservation_ids(self) -> list[str]:
        return self.visible_ids()

    def outstanding_by_party(self) -> dict[str, list[str]]:
        """Party code -> ids of its outstanding reservations (for a summary line)."""
        result: dict[str, list[str]] = {}
        for item in self.editor.draft().reservations.values():
            if item.outstanding:
                for code in item.parties:
                    result.setdefault(code, []).append(item.id)
        return result

    def current_reservation_id(self) -> str | None:
        return self.current_id()

    # -- changes ------------------------------------------------------------------------------
    def add_reservation(self, parties: list[str], kind: ReservationKind, scope: str = "selection",
                        text_en: str = "", text_es: str = "") -> str | None:
        """Enter a reservation on the selection, the cursor's paragraph or the whole text."""
        registry = self.registry()
        unknown = [code for code in parties if code not in registry]
        if not parties or unknown:
            self.complain(_("Unknown or missing party: {codes}.").format(codes=", ".join(unknown)))
            return None
        if kind == ReservationKind.POSITION and not text_en.strip():
            self.complain(_("A position statement needs its wording."))
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
        self.apply_addition(AddReservation(reservation.to_json()), anchor,
                            _("Enter reservation"), reservation.id)
        return reservation.id

    def add_from_dialog(self) -> None:
        has_selection = self.editor.text_edit.textCursor().hasSelection()
        dialog = ReservationDialog(has_selection, self, self.registry())
        if dialog.exec():
            codes = [code.strip().upper() for code in dialog.parties.text().split(",") if code.strip()]
            self.add_reservation(codes, ReservationKind(dialog.kind.currentData()), dialog.scope(),
                                 dialog.text_en.text(), dialog.text_es.text())

    def set_status(self, reservation_id: str, status: ReservationStatus) -> None:
        label = _("Lift reservation") if status == ReservationStatus.LIFTED else _("Maintain reservation")
        self.apply_to(reservation_id, SetReservationStatus(reservation_id, status.value), label)

    def _set_current_status(self, status: ReservationStatus) -> None:
        key = self.current_reservation_id()
        if key:
            self.set_status(key, status)

    def _on_delete(self) -> None:
        key = self.current_reservation_id()
        if key:
            self.apply_to(key, RemoveReservation(key), _("Delete reservation"))


def install(window) -> ReservationsPane:
    """Dock the overview in the main window, tabbed with the comments (MainWindow._install_panels)."""
    editor = window.editor
    pane = ReservationsPane(editor, AnnotationMarks.for_editor(editor))
    dock = window.add_dock(pane, _("Reservations"), Qt.DockWidgetArea.RightDockWidgetArea,
                           key="reservations")
    bring_forward_on_addition(pane, dock)
    window.addAction(pane.add_reservation_action)     # the shortcut works anywhere
    window.actions_by_name["add_reservation"] = pane.add_reservation_action
    comments = window.docks.get("comments")
    if comments is not None:
        window.tabifyDockWidget(comments, dock)
        comments.raise_()
    if "insert" in window.menus:
        window.menus["insert"].addAction(pane.add_reservation_action)
    return pane
