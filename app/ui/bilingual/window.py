"""View ▸ Languages side by side: the draft and its translation in two aligned columns.

One table, a row per block and its translation, so the two columns scroll together by
construction. Both columns are editable; every edit goes through the main editor
(`DraftEditor.apply_operation`), so it is one step of the window's undo history and the main
text shows it at once. The row header carries the paragraph number and, for a pair out of
step, a red mark; the status bar counts them; "Only out of step" hides the rest; "Confirm in
step" confirms the selected pairs, "Confirm all" every pair out of step (one undo step).
Footnotes are pairs too (app.model.footnote_step): a row whose footnotes are out of step or
missing from the translation carries the mark, its tooltip and the footnote pane say which,
and confirming a row confirms its footnotes (the pane shows them under it: the translator
checks a paragraph with its notes); from the pane, only the footnotes selected there.
The translation cells mark the square brackets' counterparts; "Square Bracket (Spanish)…" in
a translation cell's right-click menu pairs the selected words with one of the paragraph's
brackets (app.ui.bilingual.bracket_cells), one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMainWindow,
    QSplitter,
    QTableView,
    QToolBar,
    QWidget,
)

from app.i18n import _, ngettext
from app.model import plain_text
from app.model.annotations import span_words
from app.model.brackets import brackets_in_block
from app.model.changes import Changes
from app.model.counterparts import Counterpart
from app.model.in_step import ConfirmPairs, confirm_in_step, translation_language
from app.model.ops import ReplaceContent
from app.model.translation_ops import SetCounterpart, SetTranslationContent

from ..editor.widget import DraftEditor
from .bracket_cells import CounterpartDialog
from .cells import CellDelegate
from .footnotes import FootnotePairs
from .rows import MAIN, OTHER, PairRows


def touched_blocks(operation) -> list[str] | None:
    """The blocks an edit of this view touches; None: it could be any."""
    if isinstance(operation, ConfirmPairs):
        return list(operation.records)     # footnote marks are judged afresh in any case
    if isinstance(operation, (ReplaceContent, SetTranslationContent)):
        return [operation.block_id]
    if isinstance(operation, SetCounterpart) and operation.data:
        return [operation.data["block_id"]]
    return None


#: How long typing in the main editor pauses before this view catches up.
REFRESH_PAUSE_MS = 150


class BilingualWindow(QMainWindow):
    def __init__(self, editor: DraftEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("bilingual_window")
        self.setWindowTitle(_("Languages side by side"))
        self.editor = editor
        draft = editor.draft()
        self.rows = PairRows(translation_language(draft), self._apply)
        self.table = QTableView(self)
        self.table.setObjectName("bilingual_table")
        self.table.setModel(self.rows)
        delegate = CellDelegate(self.table, editor.bridge.number_at)
        self.table.setItemDelegate(delegate)
        delegate.counterpart_requested.connect(self.pair_bracket)
        self.table.setWordWrap(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignRight
                                                        | Qt.AlignmentFlag.AlignTop)
        self.footnotes = FootnotePairs(self._apply, self)
        # The pane is not refilled under an open editor; once it closes, its marks catch up.
        self.footnotes.itemDelegate().closeEditor.connect(
            lambda *_args: QTimer.singleShot(0, self._show_footnotes))
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.footnotes)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 1)
        self.setCentralWidget(splitter)
        self._sized: set[int] = set()
        self._editing_here = False
        self._filtered = False
        self._build_toolbar()
        self.count_label = QLabel()
        self.count_label.setObjectName("bilingual_out_of_step_count")
        self.statusBar().addPermanentWidget(self.count_label)
        self._resize_timer = QTimer(self, singleShot=True, interval=0)
        self._resize_timer.timeout.connect(self._size_visible_rows)
        self.table.verticalScrollBar().valueChanged.connect(lambda _v: self._resize_timer.start())
        self.table.horizontalHeader().sectionResized.connect(self._forget_sizes)
        # Double-click on a row's number: the main editor goes to that paragraph.
        self.table.verticalHeader().sectionDoubleClicked.connect(
            lambda row: editor.go_to_block(self.rows.state(row).block_id))
        # Typing in the main editor reaches this view after a short pause, so a keystroke
        # there never waits for 5,000 rows; an edit made here refreshes at once.
        self._refresh_timer = QTimer(self, singleShot=True, interval=REFRESH_PAUSE_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        editor.changed.connect(self._on_editor_changed)
        self.table.selectionModel().currentChanged.connect(
            lambda current, _previous: self._follow_cell(current))
        self.table.selectionModel().currentChanged.connect(
            lambda _current, _previous: self._show_footnotes())
        self.rows.reset(draft)
        self.resize(1100, 760)
        self._after_change()

    # -- toolbar ----------------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        bar = QToolBar(_("Side by side"), self)
        bar.setObjectName("bilingual_toolbar")
        self.addToolBar(bar)
        self.only_out_of_step = QAction(_("Only out of step"), self, checkable=True)
        self.only_out_of_step.setObjectName("bilingual_filter")
        self.only_out_of_step.toggled.connect(lambda _on: self._apply_filter())
        self.confirm_action = QAction(_("Confirm in step"), self)
        self.confirm_action.setObjectName("bilingual_confirm")
        self.confirm_action.setShortcut(QKeySequence("Ctrl+Shift+K"))
        self.confirm_action.triggered.connect(self.confirm_selected)
        self.confirm_all_action = QAction(_("Confirm all in step"), self)
        self.confirm_all_action.setObjectName("bilingual_confirm_all")
        self.confirm_all_action.triggered.connect(self.confirm_all)
        for action in (self.editor.text_edit.undo_action, self.editor.text_edit.redo_action):
            if action is not None:
                self.addAction(action)          # Ctrl+Z / Ctrl+Y here too: the one history
        for action in (self.only_out_of_step, self.confirm_action, self.confirm_all_action):
            bar.addAction(action)

    # -- following the draft ----------------------------------------------------------------
    def _on_editor_changed(self, changes: Changes) -> None:
        if self._editing_here:
            return
        if changes.everything:
            self.refresh()                  # another draft shown: never a stale row
        else:
            self._refresh_timer.start()

    def refresh(self, block_ids: list[str] | None = None) -> None:
        """Follow the draft (given the ids an edit made here touched, only those rows)."""
        self._refresh_timer.stop()
        if self.rows.draft() is not self.editor.draft():
            self.rows.language = translation_language(self.editor.draft())
            self.rows.reset(self.editor.draft())
            self._sized.clear()
        else:
            for row in self.rows.refresh(block_ids):
                self._sized.discard(row)
        self._after_change()

    def _show_footnotes(self) -> None:
        current = self.table.currentIndex()
        block_id = self.rows.state(current.row()).block_id if current.isValid() else None
        marks = self.rows.footnote_marks(current.row()) if current.isValid() else []
        self.footnotes.show_block(self.rows.draft(), self.rows.language, block_id,
                                  self.editor.bridge.footnote_number, marks)

    def _after_change(self) -> None:
        self.table.verticalHeader().viewport().update()
        self.table.viewport().update()      # counterpart marks move without a row changing
        if not self.footnotes.state() == QAbstractItemView.State.EditingState:
            self._show_footnotes()
        self._apply_filter()
        count = len(self.rows.out_of_step_rows())
        pairs = self.rows.pair_count()
        notes = self.rows.flagged_footnotes()
        stepped = sum(1 for state in notes if state.out_of_step)
        missing = len(notes) - stepped
        self.count_label.setText(" · ".join(
            [ngettext("{count} pair out of step", "{count} pairs out of step", count)
             .format(count=count)]
            + ([ngettext("{count} footnote out of step", "{count} footnotes out of step",
                         stepped).format(count=stepped)] if stepped else [])
            + ([ngettext("{count} footnote not in the translation",
                         "{count} footnotes not in the translation", missing)
                .format(count=missing)] if missing else [])
            + [ngettext("{count} pair", "{count} pairs", pairs).format(count=pairs)]))
        self.confirm_all_action.setEnabled(count > 0 or stepped > 0)
        self._resize_timer.start()

    def _apply_filter(self) -> None:
        only = self.only_out_of_step.isChecked()
        if not only and not self._filtered:
            return
        flagged = set(self.rows.out_of_step_rows()) | set(self.rows.footnote_rows())
        for row in range(self.rows.rowCount()):
            hidden = only and row not in flagged
            if self.table.isRowHidden(row) != hidden:
                self.table.setRowHidden(row, hidden)
        self._filtered = only
        self._resize_timer.start()

    def _forget_sizes(self, *_args) -> None:
        self._sized.clear()
        self._resize_timer.start()

    def _size_visible_rows(self) -> None:
        """Fit the rows in view (and a screen beyond) to their text: sizing all 3,000 rows
        of a 300-page draft at once would make opening slow."""
        viewport = self.table.viewport()
        first = self.table.rowAt(0)
        first = 0 if first < 0 else first
        count = self.rows.rowCount()
        row, seen, limit = first, 0, viewport.height() * 2
        while row < count and seen < limit:
            if not self.table.isRowHidden(row):
                if row not in self._sized:
                    self.table.resizeRowToContents(row)
                    self._sized.add(row)
                seen += self.table.rowHeight(row)
            row += 1

    def _follow_cell(self, index) -> None:
        """The library dock (when shown) looks up precedents for the cell's text, in the
        cell's language: from the Spanish cell, Spanish precedents."""
        dock = getattr(self.parent(), "docks", {}).get("library")
        if dock is None or not index.isValid() or not hasattr(dock, "show_precedents"):
            return
        if getattr(dock, "library", None) is None or not dock.isVisible():
            return
        content = self.rows.content(index.row(), index.column()) or []
        language = self.rows.draft().language if index.column() == MAIN else self.rows.language
        dock.show_precedents(plain_text(content), language=language)

    # -- edits --------------------------------------------------------------------------------
    def _apply(self, operation, label: str) -> None:
        self._editing_here = True
        try:
            self.editor.apply_operation(operation, label)
        finally:
            self._editing_here = False
        self.refresh(touched_blocks(operation))

    def selected_rows(self) -> list[int]:
        rows = {index.row() for index in self.table.selectionModel().selectedIndexes()}
        current = self.table.currentIndex()
        if not rows and current.isValid():
            rows.add(current.row())
        return sorted(rows)

    def confirm_selected(self) -> None:
        """Confirm the selected pairs with their footnotes; from the footnote pane (it has
        the focus), only the footnotes selected there."""
        if self.footnotes.hasFocus() or self.footnotes.isAncestorOf(self.focusWidget()):
            notes = [fid for fid in self.footnotes.selected_footnote_ids()
                     if fid in self._translated_footnotes()]
            if notes:
                self._confirm([], ngettext("Confirm {count} footnote in step",
                                           "Confirm {count} footnotes in step", len(notes))
                              .format(count=len(notes)), notes)
            return
        ids = [self.rows.state(row).block_id for row in self.selected_rows()
               if self.rows.state(row).paired]
        if ids:
            self._confirm(ids, ngettext("Confirm {count} pair in step",
                                        "Confirm {count} pairs in step", len(ids))
                          .format(count=len(ids)))

    def _translated_footnotes(self) -> set[str]:
        version = self.editor.draft().translations.get(self.rows.language)
        return {fid for fid, text in (version.footnotes.items() if version else ())
                if text.strip()}

    def confirm_all(self) -> None:
        """Every pair out of step and every footnote pair out of step, in one step."""
        if self.rows.out_of_step_rows() or any(
                state.out_of_step for state in self.rows.flagged_footnotes()):
            self._confirm(None, _("Confirm all pairs in step"))

    def _confirm(self, ids: list[str] | None, label: str,
                 footnote_ids: list[str] | None = None) -> None:
        self._apply(confirm_in_step(self.editor.draft(), self.rows.language, ids,
                                    footnote_ids=footnote_ids), label)

    def pair_bracket(self, row: int, start: int, end: int) -> CounterpartDialog | None:
        """Ask which of the row's brackets the translation's words [start, end) are, and
        the wording of its alternatives; the answer is one undo step. Returns the dialog."""
        draft, language = self.editor.draft(), self.rows.language
        block_id = self.rows.state(row).block_id
        brackets = brackets_in_block(draft, block_id)
        content = draft.translations[language].blocks.get(block_id) \
            if language in draft.translations else None
        if not brackets or content is None or start >= end:
            self.statusBar().showMessage(_(
                "This paragraph has no square brackets to pair the selected words with."), 8000)
            return None
        words = span_words(content, start, end)
        dialog = CounterpartDialog(draft, language, words, brackets, self)

        def accepted() -> None:
            bracket = dialog.bracket()
            data = Counterpart(block_id, start, end, dialog.wordings(), words).to_json()
            self._apply(SetCounterpart(language, bracket.id, data),
                        dialog.windowTitle())

        dialog.accepted.connect(accepted)
        dialog.open()
        return dialog

    def edit_cell(self, row: int, column: int) -> None:
        """Open the editor on a cell (tests and "go to")."""
        index = self.rows.index(row, column)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        self.table.edit(index)

    def select_row(self, row: int, column: int = MAIN) -> None:
        index = self.rows.index(row, column)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.table.scrollTo(index)


__all__ = ["BilingualWindow", "MAIN", "OTHER"]
