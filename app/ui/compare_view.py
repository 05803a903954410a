"""View ▸ Compare Versions…: two versions of the draft, as an inline redline or side by side.

Everything shown is rendered from the core comparison (`app.compare`); this module only picks
the versions, shows the HTML, steps through the changes (F7 / Shift+F7) and offers the Word
export. File ▸ Save Version… lives here too, since versions exist to be compared.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.compare import Comparison, compare_drafts, summary_line
from app.compare.texts import language_name, language_text
from app.compare.to_html import FILTERS, change_anchors, inline_html, side_by_side_html
from app.i18n import N_, _, ngettext
from app.model import Draft
from app.model.changes import Changes
from app.store.errors import DraftFileError
from app.store.versions import CURRENT, save_version, text_of

from . import dialogs
from .save_places import safe_stem, suggested_file

#: Above this many blocks (both sides) the comparison runs in a worker with progress.
_BACKGROUND_BLOCKS = 2000
_FILTER_LABELS = {"all": N_("All paragraphs"), "changes": N_("Changes only"), "moves": N_("Moves"),
                  "footnotes": N_("Footnotes")}


class CompareView(QDialog):
    def __init__(self, draft: Draft, parent: QWidget | None = None,
                 old_name: str | None = None, new_name: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compare_view")
        self.setWindowTitle(_("Compare Versions"))
        self.resize(1000, 700)
        self.draft = draft
        self.comparison: Comparison | None = None
        self.anchors: list[str] = []
        self.current = -1
        self._side_stale = True

        self.from_box, self.to_box = QComboBox(), QComboBox()
        self.from_box.setObjectName("compare_from")
        self.to_box.setObjectName("compare_to")
        for version in draft.versions:
            self.from_box.addItem(version.name, version.name)
            self.to_box.addItem(version.name, version.name)
        self.to_box.addItem(_("Current text"), CURRENT)
        self.from_box.setCurrentIndex(max(0, self.from_box.findData(old_name)
                                          if old_name else self.from_box.count() - 1))
        self.to_box.setCurrentIndex(self.to_box.findData(new_name or CURRENT))
        self.language_box = QComboBox()
        self.language_box.setObjectName("compare_language")
        for code in _languages_of(draft):
            self.language_box.addItem(language_name(code), code)
        self.filter_box = QComboBox()
        self.filter_box.setObjectName("compare_filter")
        for key in FILTERS:
            self.filter_box.addItem(_(_FILTER_LABELS[key]), key)

        self.inline = QTextBrowser()
        self.inline.setObjectName("compare_inline")
        self.side = QTextBrowser()
        self.side.setObjectName("compare_side")
        self.tabs = QTabWidget()
        self.tabs.addTab(self.inline, _("Redline"))
        self.tabs.addTab(self.side, _("Side by Side"))
        self.summary = QLabel()
        self.summary.setObjectName("compare_summary")
        self.summary.setWordWrap(True)
        self.position = QLabel()
        self.export_status = QLabel()

        self.previous_button = QPushButton(_("◀ Previous Change"))
        self.next_button = QPushButton(_("Next Change ▶"))
        self.export_button = QPushButton(_("Export to Word…"))
        export_menu = QMenu(self.export_button)
        export_menu.addAction(_("Council marking…"), lambda: self.export_dialog("council"))
        export_menu.addAction(_("Tracked changes…"), lambda: self.export_dialog("tracked"))
        self.export_button.setMenu(export_menu)
        close = QPushButton(_("Close"))
        close.clicked.connect(self.accept)
        self._shortcut(_("Next Change"), QKeySequence("F7"), self.next_change)
        self._shortcut(_("Previous Change"), QKeySequence("Shift+F7"), self.previous_change)
        self.previous_button.clicked.connect(self.previous_change)
        self.next_button.clicked.connect(self.next_change)

        pickers = QHBoxLayout()
        for label, widget in ((_("From:"), self.from_box), (_("To:"), self.to_box),
                              (_("Language:"), self.language_box),
                              (_("Show:"), self.filter_box)):
            pickers.addWidget(QLabel(label))
            pickers.addWidget(widget, 1)
        buttons = QHBoxLayout()
        for widget in (self.previous_button, self.next_button, self.position):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.export_status)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(pickers)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)

        self.from_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.to_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.filter_box.currentIndexChanged.connect(lambda _i: self.render())
        self.language_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.tabs.currentChanged.connect(lambda _i: self._tab_changed())
        self.refresh()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        # F7 / Shift+F7 also when a shortcut cannot fire (no active window, e.g. embedded).
        if event.key() == Qt.Key_F7:
            shifted = bool(event.modifiers() & Qt.ShiftModifier)
            self.previous_change() if shifted else self.next_change()
            event.accept()
            return
        super().keyPressEvent(event)

    def _shortcut(self, text: str, keys: QKeySequence, slot) -> None:
        action = QAction(text, self)
        action.setShortcut(keys)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)

    # -- comparing ---------------------------------------------------------------------
    @property
    def language(self) -> str:
        return self.language_box.currentData() or self.draft.language

    @property
    def mode(self) -> str:
        return self.filter_box.currentData() or "all"

    def refresh(self) -> None:
        if not self.draft.versions:
            self.comparison = None
            self.summary.setText(_("No versions saved yet: use File ▸ Save Version… first."))
            self._set_html("", "")
            return
        old_name, new_name = self.from_box.currentData(), self.to_box.currentData()
        try:
            old, new = text_of(self.draft, old_name), text_of(self.draft, new_name)
            if self.language != new.language:
                # The texts of that language version, same block ids: as `compare --language`.
                old = language_text(old, self.language, old_name)
                new = language_text(new, self.language,
                                    "" if new_name == CURRENT else new_name)
        except DraftFileError as error:   # LanguageTextError too: one sentence
            self.comparison = None
            self.summary.setText(str(error))
            self._set_html("", "")
            self.anchors, self.current = [], -1
            self._update_position()
            return
        from app.compare.bracket_changes import negotiation_changes

        # brackets opened and closed, paragraphs agreed: told under the summary
        self._negotiation = [change.text for change in negotiation_changes(old, new)]
        old_label = old_name
        new_label = self.to_box.currentText()
        if len(old.blocks) + len(new.blocks) < _BACKGROUND_BLOCKS:
            self.show_comparison(compare_drafts(old, new, old_label, new_label))
            return
        from .worker import run_in_background

        run_in_background(
            self, lambda progress: compare_drafts(old, new, old_label, new_label, progress),
            title=_("Comparing"), on_done=self.show_comparison,
            on_error=lambda error: dialogs.show_error(self, str(error)),
        )

    def show_comparison(self, comparison: Comparison) -> None:
        self.comparison = comparison
        told = getattr(self, "_negotiation", [])
        self.summary.setText(summary_line(comparison) + (
            "\n" + _("Square brackets and paragraph status:") + " " + "; ".join(told)
            if told else ""))
        self.render()

    def render(self) -> None:
        if self.comparison is None:
            return
        # The side-by-side table is laid out only when shown: a 300-page table takes Qt a
        # second or more, which the inline redline alone should not pay.
        self._side_stale = True
        self._set_html(inline_html(self.comparison, self.mode), "")
        if self.tabs.currentWidget() is self.side:
            self._render_side()
        self.anchors = change_anchors(self.comparison, self.mode)
        self.current = -1
        self._update_position()

    def _render_side(self) -> None:
        if self._side_stale and self.comparison is not None:
            self._side_stale = False
            self.side.setHtml(side_by_side_html(self.comparison, self.mode))

    def _tab_changed(self) -> None:
        if self.tabs.currentWidget() is self.side:
            self._render_side()
        self._show_current()

    def _set_html(self, inline: str, side: str) -> None:
        self.inline.setHtml(inline)
        self.side.setHtml(side)

    # -- stepping through changes --------------------------------------------------------
    def next_change(self) -> None:
        if self.anchors:
            self.current = min(self.current + 1, len(self.anchors) - 1)
            self._show_current()

    def previous_change(self) -> None:
        if self.anchors:
            self.current = max(self.current - 1, 0)
            self._show_current()

    @property
    def current_anchor(self) -> str | None:
        return self.anchors[self.current] if 0 <= self.current < len(self.anchors) else None

    def _show_current(self) -> None:
        anchor = self.current_anchor
        if anchor is not None:
            browser = self.tabs.currentWidget()
            if not (anchor.startswith("r") or browser is self.inline):
                self.tabs.setCurrentWidget(self.inline)     # footnotes etc.: redline only
                browser = self.inline
            browser.scrollToAnchor(anchor)
            # Select the paragraph now at the top, so the eye finds the change.
            cursor = browser.cursorForPosition(QPoint(8, 8))
            cursor.select(QTextCursor.BlockUnderCursor)
            browser.setTextCursor(cursor)
        self._update_position()

    def _update_position(self) -> None:
        total = len(self.anchors)
        if not total:
            self.position.setText(_("No changes"))
        elif self.current < 0:
            self.position.setText(ngettext("{n} change: press F7", "{n} changes: press F7",
                                           total).format(n=total))
        else:
            self.position.setText(_("Change {i} of {n}").format(i=self.current + 1, n=total))
        self.previous_button.setEnabled(self.current > 0)
        self.next_button.setEnabled(self.current < total - 1)

    # -- Word export -------------------------------------------------------------------
    def export_dialog(self, style: str) -> None:
        if self.comparison is None:
            return
        files = getattr(self.parent(), "files", None)
        draft_path = files.session.path if files is not None else None
        old, new = (safe_stem(str(box.currentData() or "")) for box in (self.from_box, self.to_box))
        start = suggested_file(self.draft, draft_path, f" - {old} - {new}.docx", _("comparison"))
        name, _filter = QFileDialog.getSaveFileName(self, _("Export Comparison"), str(start),
                                                    _("Word documents (*.docx)"))
        if name:
            self.export(Path(name), style)

    def export(self, path: Path, style: str) -> None:
        from app.docx.redline import export_versions

        from .worker import run_in_background

        old_name, new_name = self.from_box.currentData(), self.to_box.currentData()
        older, newer = text_of(self.draft, old_name), text_of(self.draft, new_name)
        version = next((v for v in self.draft.versions if v.name == new_name), None)
        author = version.author if version and version.author else "Concordia"
        # Compared again as the Word file shows it: with reservations as footnotes.
        run_in_background(
            self, lambda progress: export_versions(
                older, newer, path, old_name, new_name, style=style, language=self.language,
                author=author, date=version.created if version else None, progress=progress),
            title=_("Exporting"),
            on_done=lambda _report: self.export_status.setText(
                _("Exported to {name}.").format(name=path.name)),
            on_error=lambda error: dialogs.show_error(self, str(error)),
        )


def _languages_of(draft: Draft) -> list[str]:
    """The draft's language first, then those of its language versions (current or saved)."""
    codes = [draft.language, *draft.translations]
    for version in draft.versions:
        try:
            codes.extend(version.draft().translations)
        except Exception:  # a damaged version is named when it is picked, not here
            continue
    return list(dict.fromkeys(codes))


# -- the main window's menus ----------------------------------------------------------

def show_compare_view(window) -> CompareView:
    view = CompareView(window.current_draft(), window)
    view.open()
    return view


def save_version_dialog(window) -> bool:
    name, accepted = QInputDialog.getText(window, _("Save Version"), _("Name of the version:"))
    if not accepted or not name.strip():
        return False
    try:
        save_version(window.current_draft(), name)
    except DraftFileError as error:
        dialogs.show_error(window, str(error))
        return False
    window.report_changes(Changes(versions=True))
    saved = window.files.save()
    if saved:
        # Say which version was kept, not only that the file was saved.
        window.statusBar().showMessage(
            _("Version “{name}” saved.").format(name=name.strip()), 8000)
    return saved


def install(window) -> None:
    compare = QAction(_("&Compare Versions…"), window)
    compare.setObjectName("action_compare_versions")
    compare.triggered.connect(lambda _checked=False: show_compare_view(window))
    compare.setShortcut(QKeySequence("Ctrl+Alt+C"))
    window.actions_by_name["compare_versions"] = compare
    view = window.menus["view"]
    # At the top of View, above the panel toggles, not lost among them.
    first = view.actions()[0] if view.actions() else None
    view.insertAction(first, compare)
    view.insertSeparator(first)
    save = QAction(_("Save &Version…"), window)
    save.setObjectName("action_save_version")
    save.triggered.connect(lambda _checked=False: save_version_dialog(window))
    save.setShortcut(QKeySequence("Ctrl+Alt+S"))
    window.actions_by_name["save_version"] = save
    before = window.actions_by_name.get("close")
    if before is not None:
        window.menus["file"].insertAction(before, save)
    else:
        window.menus["file"].addAction(save)
