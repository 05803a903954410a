"""Spelling in the editor: red wavy underlines as you type, suggestions on right-click.

The underline is a layout format laid by the editor's KindHighlighter (its `overlays` hook),
never a char format of the document: reading a block back, saving and the undo history never
see it. To stay fast on a 300-page draft only two kinds of block are checked: the one being
edited (at once) and the blocks on screen (a moment after the view settles or scrolls);
results are kept per paragraph text, so scrolling back costs nothing. Each paragraph is
checked in the draft's language unless it plainly reads as the other one.

View ▸ Check Spelling turns it on and off (remembered). Without a dictionary or the Enchant
library the status bar says so in one sentence and nothing is underlined.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, QTimer
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QMenu

from app.i18n import _
from app.model.changes import FILE
from app.spelling import Misspelling, SpellChecker, block_language
from app.spelling.terms import draft_words

from .editor import DraftEditor
from .editor.context_menu import MenuContext

if TYPE_CHECKING:
    from .main_window import MainWindow

#: Wait this long after typing or scrolling before checking the blocks on screen.
SETTLE_MS = 150
#: Check blocks on screen for at most this long at a time.
SLICE_SECONDS = 0.02
#: Forget cached paragraphs past this many (a long session of edits).
CACHE_LIMIT = 20_000


def underline_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
    fmt.setUnderlineColor(QColor(220, 30, 30))
    return fmt


class SpellUnderline(QObject):
    """Underlines misspelt words of one editor; `enabled` switches it."""

    def __init__(self, editor: DraftEditor, checker: SpellChecker | None = None) -> None:
        super().__init__(editor)
        self.editor = editor
        self.checker = checker or SpellChecker()
        self._enabled = False
        self._cache: dict[str, tuple[str, tuple[Misspelling, ...]]] = {}
        self._format = underline_format()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MS)
        self._timer.timeout.connect(self.check_visible)
        self._draft: tuple[int, int] | None = None
        self._held: tuple[QTextBlock, int] | None = None
        self._plain: list[PlainSpelling] = []     # the footnote pane, the cover's prose
        self.watch_plain(PlainSpelling(self, editor.footnote_pane.editor.document()))
        editor._highlighter.overlays.append(self._overlay)
        edit = editor.text_edit
        edit.verticalScrollBar().valueChanged.connect(lambda _value: self._timer.start())
        edit.cursorPositionChanged.connect(self._cursor_moved)
        edit.context_menu_hooks.append(self._add_to_menu)
        edit.spell_underline = self

    # -- switching --------------------------------------------------------------------------
    @property
    def enabled(self) -> bool:
        return self._enabled

    def set_enabled(self, flag: bool) -> None:
        if flag == self._enabled:
            return
        self._enabled = flag
        self._cache.clear()
        self.editor._highlighter.rehighlight()   # clears old underlines; on: checks on screen
        self._rehighlight_plain()
        if flag:
            self._timer.start()

    def missing_sentence(self) -> str | None:
        """One sentence when a language has no dictionary here, else None."""
        missing = self.checker.missing((self._default_language(), "en", "es"))
        if not missing:
            return None
        if len(set(missing)) >= 2:
            return _("Spelling is not checked: no English or Spanish dictionary is installed "
                     "(install hunspell-en-gb and hunspell-es).")
        if missing[0] == "es":
            return _("Spanish spelling is not checked: no Spanish dictionary is installed "
                     "(install hunspell-es).")
        return _("English spelling is not checked: no English dictionary is installed "
                 "(install hunspell-en-gb).")

    def refresh(self) -> None:
        """Check again everything on screen (after Add to Dictionary, Ignore, a new draft)."""
        self._cache.clear()
        self._timer.start()
        self._rehighlight_plain()

    def watch_plain(self, highlighter: PlainSpelling) -> None:
        """Underline in another plain text field too (switched and refreshed with the rest)."""
        self._plain.append(highlighter)

    def _rehighlight_plain(self) -> None:
        for highlighter in self._plain:
            highlighter.rehighlight()

    # -- checking -----------------------------------------------------------------------------
    def _default_language(self) -> str:
        return getattr(self.editor.draft(), "language", "en") or "en"

    def _sync_draft(self) -> None:
        draft = self.editor.draft()
        key = (id(draft), len(getattr(draft, "parties", {})))
        if key != self._draft:              # another draft, or a party added: its words
            self._draft = key
            self._cache.clear()
            self.checker.extra_words = draft_words(draft)

    def _results(self, text: str) -> tuple[str, tuple[Misspelling, ...]]:
        self._sync_draft()
        found = self._cache.get(text)
        if found is None:
            language = block_language(text, self._default_language())
            found = (language, tuple(self.checker.misspellings(text, language)))
            if len(self._cache) >= CACHE_LIMIT:
                self._cache.clear()
            self._cache[text] = found
        return found

    def _overlay(self, block: QTextBlock, text: str) -> list[tuple[int, int, QTextCharFormat]]:
        if not self._enabled or not text.strip():
            return []
        self._sync_draft()
        cursor = self.editor.text_edit.textCursor()
        editing = block == cursor.block()
        found = self._cache.get(text)
        if found is None:
            if not editing:
                self._timer.start()      # not the block being edited: wait until it is on screen
                return []
            found = self._results(text)
        ranges = []
        for item in found[1]:
            if editing and item.end == cursor.position() - block.position():
                self._held = (block, item.end)   # the word being typed: underlined once left
                continue
            ranges.append((item.start, item.end - item.start, self._format))
        return ranges

    def _cursor_moved(self) -> None:
        if self._held is None:
            return
        block, end = self._held
        cursor = self.editor.text_edit.textCursor()
        if cursor.block() == block and cursor.position() - block.position() == end:
            return                                   # still at the end of the word typed
        self._held = None
        if block.isValid():
            self.editor._highlighter.rehighlightBlock(block)

    def visible_blocks(self) -> list[QTextBlock]:
        edit = self.editor.text_edit
        viewport = edit.viewport()
        first = edit.cursorForPosition(QPoint(0, 0)).block()
        last = edit.cursorForPosition(QPoint(viewport.width() - 1, viewport.height() - 1)).block()
        blocks, block = [], first
        while block.isValid() and block.blockNumber() <= last.blockNumber():
            blocks.append(block)
            block = block.next()
        return blocks

    def check_visible(self, budget: float = SLICE_SECONDS) -> int:
        """Check the blocks on screen not checked yet, for about `budget` seconds (then again
        at the next turn of the event loop, so scrolling stays smooth); how many were.
        Only blocks whose underlines change are laid out again: most have none."""
        if not self._enabled:
            return 0
        self._timer.setInterval(SETTLE_MS)
        highlighter = self.editor._highlighter
        checked, start = 0, time.perf_counter()
        for block in self.visible_blocks():
            text = block.text()
            if text.strip() and text not in self._cache:
                if checked and time.perf_counter() - start > budget:
                    self._timer.start(0)
                    break
                found = self._results(text)[1]
                if found or _shows_underline(block):
                    highlighter.rehighlightBlock(block)
                checked += 1
        return checked

    def _add_to_menu(self, menu: QMenu, context: MenuContext) -> None:
        """The right-click hook (app.ui.editor.context_menu): suggestions go on top."""
        actions = spelling_menu_actions(self.editor, context.position, menu)
        if actions:
            first = menu.actions()[0] if menu.actions() else None
            menu.insertActions(first, actions)
            menu.insertSeparator(first)

    def word_at(self, cursor: QTextCursor) -> tuple[QTextBlock, Misspelling, str] | None:
        """The misspelt word under a text cursor, with its block and language."""
        if not self._enabled:
            return None
        block = cursor.block()
        language, found = self._results(block.text())
        offset = cursor.position() - block.position()
        for item in found:
            if item.start <= offset <= item.end:
                return block, item, language
        return None


class PlainSpelling(QSyntaxHighlighter):
    """The same underline in a small plain editor of the draft's text (the footnote pane);
    its paragraphs are short, so they are checked as they are laid out."""

    def __init__(self, underline: SpellUnderline, document: QTextDocument) -> None:
        super().__init__(document)
        self._underline = underline

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        underline = self._underline
        if underline.enabled and text.strip():
            for item in underline._results(text)[1]:
                self.setFormat(item.start, item.end - item.start, underline._format)


def _shows_underline(block: QTextBlock) -> bool:
    style = QTextCharFormat.UnderlineStyle.SpellCheckUnderline
    return any(item.format.underlineStyle() == style for item in block.layout().formats())


# -- right-click -------------------------------------------------------------------------------
def spelling_menu_actions(editor: DraftEditor, point: QPoint, parent: QObject) -> list[QAction]:
    """Suggestions, Add to Dictionary and Ignore for the misspelt word at a viewport point
    (empty when the word there is fine or spelling is off)."""
    underline: SpellUnderline | None = getattr(editor.text_edit, "spell_underline", None)
    if underline is None or editor.read_only:
        return []
    hit = underline.word_at(editor.text_edit.cursorForPosition(point))
    if hit is None:
        return []
    block, item, language = hit
    actions: list[QAction] = []
    suggestions = underline.checker.suggestions(item.word, language)
    for suggestion in suggestions:
        action = QAction(suggestion, parent)
        bold = QFont(action.font())
        bold.setBold(True)
        action.setFont(bold)
        action.setObjectName("spelling_suggestion")
        action.triggered.connect(
            lambda _checked=False, s=suggestion: replace_word(editor, block, item, s))
        actions.append(action)
    if not suggestions:
        none = QAction(_("(No Spelling Suggestions)"), parent)
        none.setEnabled(False)
        actions.append(none)
    separator = QAction(parent)
    separator.setSeparator(True)
    actions.append(separator)
    add = QAction(_("Add to Dictionary"), parent)
    add.setObjectName("spelling_add")
    add.triggered.connect(lambda _checked=False: _add_word(editor, underline, item.word))
    ignore = QAction(_("Ignore"), parent)
    ignore.setObjectName("spelling_ignore")
    ignore.triggered.connect(lambda _checked=False: _ignore(underline, item.word))
    return actions + [add, ignore]


def replace_word(editor: DraftEditor, block: QTextBlock, item: Misspelling, replacement: str) -> None:
    """Put a suggestion in place of the word: one undo step ("Correct Spelling")."""
    if block.text()[item.start:item.end] != item.word:
        return                        # the text moved on since the menu opened
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + item.start)
    cursor.setPosition(block.position() + item.end, QTextCursor.MoveMode.KeepAnchor)
    editor.qt_barrier()
    with editor.labelled_edit(_("Correct Spelling")):
        cursor.beginEditBlock()
        cursor.insertText(replacement)
        cursor.endEditBlock()
    editor.qt_barrier()


def _add_word(editor: DraftEditor, underline: SpellUnderline, word: str) -> None:
    if not underline.checker.add_word(word):
        window = editor.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(
                _("“{word}” is accepted for now, but the personal word list could not be "
                  "saved.").format(word=word), 8000)
    underline.refresh()


def _ignore(underline: SpellUnderline, word: str) -> None:
    underline.checker.ignore(word)
    underline.refresh()


# -- the window -------------------------------------------------------------------------------
def install(window: MainWindow) -> SpellUnderline:
    """View ▸ Check Spelling (remembered) and the underline of the window's editor."""
    underline = SpellUnderline(window.editor)
    window.spell_underline = underline
    action = QAction(_("Check &Spelling"), window)
    action.setObjectName("action_check_spelling")
    action.setCheckable(True)
    window.actions_by_name["check_spelling"] = action
    window.addAction(action)
    window.menus["view"].addAction(action)

    def toggled(flag: bool) -> None:
        window.settings.set_check_spelling(flag)
        underline.set_enabled(flag)
        sentence = underline.missing_sentence() if flag else None
        if sentence:
            window.statusBar().showMessage(sentence, 10000)

    action.toggled.connect(toggled)
    action.setChecked(window.settings.check_spelling())   # toggled() runs when it is on
    # a draft opened, reverted or replaced (the change notice "everything, by file")
    window.changed.connect(
        lambda changes: underline.refresh() if changes.everything and changes.initiator == FILE
        else None)
    return underline
