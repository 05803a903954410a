"""Find (Ctrl+F) and Replace (Ctrl+H): a bar above the text, searching the whole draft.

The search itself is `app.model.find` (cover fields, annex text, footnotes, in reading order).
This bar shows "n of m", highlights every match in the text and the current one more
strongly, and goes to the current match: in the text it selects it; in a footnote it puts the
cursor at the footnote's reference (so the Footnotes pane shows it) and selects the words
there; on the cover it selects them in the field. F3 / Shift+F3 (or Enter / Shift+Enter in
the bar) go to the next / previous match. Replace All is ONE undo step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QColor, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

from app.i18n import _, ngettext
from app.model.find import (
    BLOCK,
    COVER,
    COVER_FIELDS,
    FOOTNOTE,
    FindOptions,
    Match,
    find_all,
    footnote_order,
    replacement_operation,
    still_matches,
)

from .editor.extra_selections import set_layer
from .find_targets import select_in_text, selection, show_in_footnote, show_on_cover

if TYPE_CHECKING:
    from .main_window import MainWindow

ALL_COLOUR = QColor(255, 236, 139)        # every match: a soft yellow
CURRENT_COLOUR = QColor(255, 150, 50)     # the current one: orange, as in most editors


class _FindField(QLineEdit):
    """Enter: next; Shift+Enter: previous; Escape: close the bar."""

    def __init__(self, bar: FindBar) -> None:
        super().__init__(bar)
        self._bar = bar

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            backwards = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            if self is self._bar.replace_field and not backwards:
                self._bar.replace_current()
            else:
                self._bar.go(-1 if backwards else 1)
            return
        if event.key() == Qt.Key.Key_Escape:
            self._bar.close_bar()
            return
        super().keyPressEvent(event)


class FindBar(QWidget):
    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.setObjectName("find_bar")
        self.window_ = window
        self.editor = window.editor
        self.matches: list[Match] = []
        self.current = -1
        self._positioned = False          # the current match was chosen from the cursor already

        self.find_field = _FindField(self)
        self.find_field.setObjectName("find_field")
        self.find_field.setPlaceholderText(_("Find in the text, footnotes and cover"))
        self.find_field.setClearButtonEnabled(True)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("find_count")
        self.count_label.setMinimumWidth(90)
        self.previous_button = self._button("find_previous_button", "▲", _("Previous match (Shift+F3)"), lambda: self.go(-1))
        self.next_button = self._button("find_next_button", "▼", _("Next match (F3)"), lambda: self.go(1))
        self.match_case = QCheckBox(_("Match case"), self)
        self.match_case.setObjectName("find_match_case")
        self.whole_word = QCheckBox(_("Whole word"), self)
        self.whole_word.setObjectName("find_whole_word")
        self.ignore_accents = QCheckBox(_("Ignore accents"), self)
        self.ignore_accents.setObjectName("find_ignore_accents")
        self.close_button = self._button("find_close_button", "✕", _("Close (Esc)"), self.close_bar)
        self.replace_label = QLabel(_("Replace with:"), self)
        self.replace_field = _FindField(self)
        self.replace_field.setObjectName("replace_field")
        self.replace_button = self._button("replace_button", _("Replace"), _("Replace this match and find the next"), self.replace_current)
        self.replace_all_button = self._button("replace_all_button", _("Replace All"), _("Replace every match (one undo step)"), self.replace_all)

        grid = QGridLayout(self)
        grid.setContentsMargins(6, 4, 6, 4)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)
        grid.addWidget(QLabel(_("Find:"), self), 0, 0)
        grid.addWidget(self.find_field, 0, 1)
        grid.addWidget(self.count_label, 0, 2)
        grid.addWidget(self.previous_button, 0, 3)
        grid.addWidget(self.next_button, 0, 4)
        grid.addWidget(self.close_button, 0, 9)
        grid.addWidget(self.replace_label, 1, 0)
        grid.addWidget(self.replace_field, 1, 1)
        replace_buttons = QHBoxLayout()
        replace_buttons.setSpacing(6)
        replace_buttons.addWidget(self.replace_button)
        replace_buttons.addWidget(self.replace_all_button)
        grid.addLayout(replace_buttons, 1, 2, 1, 3)
        # The options on a row of their own, the bar's full width: beside the fields (one row,
        # or two columns stacked) the Spanish labels were cut to "Coincidir m" and "Sin dis"
        # in the text area of a 1440 px window, and one row of everything widened the window.
        options = QHBoxLayout()
        options.setSpacing(12)
        for box in (self.match_case, self.whole_word, self.ignore_accents):
            box.setToolTip(box.text())
            box.setMinimumWidth(60)          # may be cut in a narrow window, never widen it
            options.addWidget(box)
        options.addStretch(1)
        grid.addLayout(options, 2, 0, 1, 10)
        grid.setColumnStretch(7, 1)          # Close at the far right
        for field in (self.find_field, self.replace_field):
            field.setMinimumWidth(160)
            field.setMaximumWidth(460)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(120)
        self._refresh_timer.timeout.connect(self.refresh)
        self.find_field.textChanged.connect(lambda _text: self._search_again())
        self.match_case.toggled.connect(lambda _on: self._search_again())
        self.whole_word.toggled.connect(lambda _on: self._search_again())
        self.ignore_accents.toggled.connect(lambda _on: self._search_again())
        # The editor's change notice: what Find searches (annex, footnotes, cover), or a draft
        # opened (everything).
        self.editor.changed.connect(
            lambda changes: self.on_draft_changed()
            if changes.touches(blocks=True, footnotes=True, cover=True, structure=True) else None)
        self.set_replace_visible(False)
        self.hide()

    def _button(self, name: str, text: str, tip: str, slot) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # -- opening and closing ------------------------------------------------------------------
    def set_replace_visible(self, flag: bool) -> None:
        for widget in (self.replace_label, self.replace_field, self.replace_button, self.replace_all_button):
            widget.setVisible(flag)
        self._update_buttons()

    def open_find(self, replace: bool = False) -> None:
        """Ctrl+F / Ctrl+H: the selected words (if short, one line) become the query."""
        self.set_replace_visible(replace)
        selected = self.editor.text_edit.textCursor().selectedText()
        if selected and "\u2029" not in selected and len(selected) <= 100:
            self.find_field.setText(selected)
        self.show()
        self._positioned = False
        self.refresh()
        field = self.replace_field if replace and self.find_field.text() else self.find_field
        field.setFocus()
        field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self._clear_highlights()
        self.editor.text_edit.setFocus()

    # -- searching -----------------------------------------------------------------------------
    def options(self) -> FindOptions:
        return FindOptions(self.match_case.isChecked(), self.whole_word.isChecked(),
                           self.ignore_accents.isChecked())

    def _search_again(self) -> None:
        self._positioned = False
        self.refresh()

    def on_draft_changed(self) -> None:
        """The draft changed: search again soon (one method, so change notices can call it)."""
        if self.isVisible() and self.find_field.text():
            self._refresh_timer.start()

    def refresh(self) -> None:
        """Search the draft as it is now, keeping the current match where it was."""
        self._refresh_timer.stop()
        previous = self.matches[self.current] if 0 <= self.current < len(self.matches) else None
        self.window_.cover_form.commit_pending()
        draft = self.editor.draft()
        self.matches = find_all(draft, self.find_field.text(), self.options())
        if not self.matches:
            self.current = -1
        elif not self._positioned:
            self.current = self._first_from_cursor()
            self._positioned = True
            self._show_current(move=bool(self.find_field.text()))
        else:
            self.current = self._first_at_or_after(previous) if previous else 0
        self._paint()
        self._update_count()
        self._update_buttons()

    def _order(self) -> dict[tuple[str, str], int]:
        draft = self.editor.draft()
        keys = [(COVER, name) for name in COVER_FIELDS] + [(BLOCK, b.id) for b in draft.blocks]
        keys += [(FOOTNOTE, fid) for fid in footnote_order(draft)]
        return {key: index for index, key in enumerate(keys)}

    def _first_at_or_after(self, where: Match) -> int:
        order = self._order()
        target = (order.get(where.place, -1), where.start)
        for index, match in enumerate(self.matches):
            if (order.get(match.place, -1), match.start) >= target:
                return index
        return 0

    def _first_from_cursor(self) -> int:
        """Word's habit: the search starts where the cursor is in the text."""
        block_id = self.editor.current_block_id()
        if block_id is None:
            return 0
        cursor = self.editor.text_edit.textCursor()
        return self._first_at_or_after(Match(BLOCK, block_id, cursor.selectionStart() - cursor.block().position(), 0))

    def go(self, step: int) -> None:
        """Next (+1) or previous (-1) match, wrapping round; F3 opens the bar if needed."""
        if not self.find_field.text():
            self.open_find(self.replace_field.isVisible())
            return
        if not self.isVisible():
            self.show()
        if self._refresh_timer.isActive() or not self.matches:
            self.refresh()
        if not self.matches:
            return
        if self.current < 0:
            self.current = 0
        else:
            self.current = (self.current + step) % len(self.matches)
        self._show_current(move=True)
        self._paint()
        self._update_count()

    # -- showing the current match -------------------------------------------------------------
    def current_match(self) -> Match | None:
        return self.matches[self.current] if 0 <= self.current < len(self.matches) else None

    def _show_current(self, move: bool) -> None:
        match = self.current_match()
        if match is None or not move:
            return
        if match.where == BLOCK:
            select_in_text(self.editor, match.key, match.start, match.end)
        elif match.where == FOOTNOTE:
            show_in_footnote(self.window_, match)
        else:
            show_on_cover(self.window_, match)

    def _paint(self) -> None:
        """Every match in the text in yellow, the current one (text or footnote) in orange."""
        edit = self.editor.text_edit
        current = self.current_match()
        selections = []
        if self.isVisible():
            for match in self.matches:
                if match.where != BLOCK:
                    continue
                qt_block = self.editor.bridge.qt_block(match.key)
                if qt_block is None:
                    continue
                selections.append(selection(edit, qt_block.position() + match.start,
                                             qt_block.position() + match.end,
                                             CURRENT_COLOUR if match == current else ALL_COLOUR))
        set_layer(edit, "find", selections)
        pane = self.editor.footnote_pane.editor
        if current is not None and current.where == FOOTNOTE and self.isVisible():
            set_layer(pane, "find", [selection(pane, current.start, current.end, CURRENT_COLOUR)])
        else:
            set_layer(pane, "find", [])

    def _clear_highlights(self) -> None:
        set_layer(self.editor.text_edit, "find", [])
        set_layer(self.editor.footnote_pane.editor, "find", [])

    def _update_count(self) -> None:
        if not self.find_field.text():
            self.count_label.clear()
        elif not self.matches:
            self.count_label.setText(_("No matches"))
        else:
            self.count_label.setText(_("{current} of {total}").format(
                current=self.current + 1 if self.current >= 0 else 0, total=len(self.matches)))

    def _update_buttons(self) -> None:
        editable = not self.editor.read_only
        self.replace_button.setEnabled(editable and bool(self.matches))
        self.replace_all_button.setEnabled(editable and bool(self.matches))
        self.replace_field.setReadOnly(not editable)

    # -- replacing -----------------------------------------------------------------------------
    def replace_current(self) -> None:
        """Replace the current match (if it is still there) and go to the next."""
        if self.editor.read_only:
            return
        self.refresh()
        match = self.current_match()
        if match is None:
            return
        draft = self.editor.draft()
        if not still_matches(draft, match, self.find_field.text(), self.options()):
            self.go(1)
            return
        replacement = self.replace_field.text()
        self.editor.apply_operation(replacement_operation(draft, [match], replacement), _("Replace"))
        self.refresh()
        after = Match(match.where, match.key, match.start + len(replacement), match.start + len(replacement))
        if self.matches:
            self.current = self._first_at_or_after(after)
            self._show_current(move=True)
        self._paint()
        self._update_count()
        self._update_buttons()

    def replace_all(self) -> int:
        """Replace every match as ONE undo step; the status bar says how many."""
        if self.editor.read_only:
            return 0
        self.refresh()
        if not self.matches:
            return 0
        count = len(self.matches)
        operation = replacement_operation(self.editor.draft(), self.matches, self.replace_field.text())
        self.editor.apply_operation(operation, _("Replace All"))
        self.refresh()
        self.window_.statusBar().showMessage(
            ngettext("Replaced {count} occurrence.", "Replaced {count} occurrences.", count).format(count=count), 8000)
        return count


def install(window: MainWindow) -> FindBar:
    """The bar above the text, and Edit ▸ Find…, Replace…, Find Next, Find Previous."""
    bar = FindBar(window)
    window.editor.layout().insertWidget(0, bar)
    window.find_bar = bar
    menu = window.menus["edit"]
    menu.addSeparator()
    entries = (
        ("find", _("&Find…"), [QKeySequence(QKeySequence.StandardKey.Find), QKeySequence("Ctrl+F")],
         lambda: bar.open_find(False)),
        ("replace", _("R&eplace…"), [QKeySequence("Ctrl+H")], lambda: bar.open_find(True)),
        ("find_next", _("Find &Next"), [QKeySequence("F3")], lambda: bar.go(1)),
        ("find_previous", _("Find Pre&vious"), [QKeySequence("Shift+F3")], lambda: bar.go(-1)),
    )
    for key, label, shortcuts, slot in entries:
        action = QAction(label, window)
        action.setObjectName("action_" + key)
        unique: list[QKeySequence] = []
        for sequence in shortcuts:
            if not sequence.isEmpty() and sequence not in unique:
                unique.append(sequence)
        action.setShortcuts(unique)
        action.triggered.connect(lambda _checked=False, s=slot: s())
        window.addAction(action)
        window.actions_by_name[key] = action
        menu.addAction(action)
    return bar
