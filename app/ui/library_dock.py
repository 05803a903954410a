"""The Library dock: search agreed language as you type, insert it, see precedents.

    dock = LibraryDock(library, language="en")
    dock.insertRequested.connect(lambda insertion: editor.apply_operation(
        insertion.operation(index_at_cursor), _("Insert agreed language")))
    dock.show_precedents(current_block_text)

Searching and precedent look-ups run in a worker thread (results from a stale query are
dropped), so typing never waits for the database. Enter or a double-click on a hit emits
`insertRequested` with a `ClauseInsertion` (the block, its origin, and the paired wording in
the other language); dragging a hit carries its text and clause id. `add_documents_action`
(Library ▸ Add documents…) imports files with a progress dialog that can cancel.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _, ngettext
from app.library import ClauseInsertion, Hit, Library, LibraryError, Precedent
from app.library.search import snippet_html, split_filters
from app.model import Block

from .editor.agreed import difference_html
from .library_widgets import CLAUSE_MIME, HIT_ROLE, HitList, Lookup, LookupRelay, SearchField  # noqa: F401 (CLAUSE_MIME re-exported)
from .precedent_view import passages_html, precedent_html  # noqa: F401 (re-exported)
from .worker import describe_error, run_in_background
from .wrapped_placeholder import WrappedPlaceholderBrowser


class LibraryDock(QDockWidget):
    insertRequested = Signal(object)        # ClauseInsertion: block + paired translations
    blockInsertRequested = Signal(object)   # the same insertion's Block, for simple consumers
    resultsShown = Signal(int)              # number of hits now listed
    precedentsShown = Signal(int)

    def __init__(
        self,
        library: Library | None,
        parent: QWidget | None = None,
        *,
        insert: Callable[[ClauseInsertion], None] | None = None,
        language: str = "en",
        debounce_ms: int = 200,
        opener: Callable[[], Library] | None = None,
    ) -> None:
        """`opener`, when given, opens the library on first use (typing, adding documents),
        so a window can offer the dock without touching the user's data folder at start."""
        super().__init__(_("Library"), parent)
        self.setObjectName("LibraryDock")
        self.library = library
        self.language = language
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)     # one look-up at a time; stale ones are dropped
        self._relay = LookupRelay(self)
        self._relay.done.connect(self._lookup_done)
        self._generation = 0
        self._kinds: dict[int, str] = {}
        self._latest = {"search": 0, "precedents": 0}   # results of older look-ups are dropped
        self._pending_precedent = ""
        self._precedent_language: str | None = None
        self._agreed_html = ""
        self._opener = opener
        #: () -> (the open draft's file or None, its number): left out of its precedents
        self.own_draft: Callable[[], tuple[str | None, str]] | None = None
        if insert is not None:
            self.insertRequested.connect(insert)
        self._build(debounce_ms)
        self.set_library(library)

    # -- layout --------------------------------------------------------------------------
    def _build(self, debounce_ms: int) -> None:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        row = QHBoxLayout()
        self.search_field = SearchField(body)
        self.search_field.setPlaceholderText(_('Search agreed language: words, "phrases", coop*, year:2023, source:6914/24'))
        self.search_field.setClearButtonEnabled(True)
        self.language_filter = QComboBox(body)
        for code, label in (("", _("All languages")), ("en", "EN"), ("es", "ES")):
            self.language_filter.addItem(label, code)
        row.addWidget(self.search_field, 1)
        row.addWidget(self.language_filter)
        layout.addLayout(row)
        self.status = QLabel(body)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        splitter = QSplitter(Qt.Vertical, body)
        self.hits = HitList(splitter)
        self.hits.setDragEnabled(True)
        self.hits.setWordWrap(True)
        self.hits.setAccessibleName(_("Library search results"))
        self.precedents = WrappedPlaceholderBrowser(splitter)
        self.precedents.setAccessibleName(_("Precedents for the current paragraph"))
        self.precedents.setPlaceholderText(_("Precedents for the paragraph at the cursor appear here."))
        layout.addWidget(splitter, 1)
        self.location = QLabel(body)
        self.location.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.location.setStyleSheet("color:#555; font-size:small")
        layout.addWidget(self.location)
        self.setWidget(body)

        self.add_documents_action = QAction(_("Add documents…"), self)
        self.add_documents_action.triggered.connect(self.choose_documents)
        self.add_folder_action = QAction(_("Add a folder of documents…"), self)
        self.add_folder_action.triggered.connect(self.choose_folder)

        self._search_timer = QTimer(self, singleShot=True, interval=debounce_ms)
        self._search_timer.timeout.connect(self.search_now)
        self._precedent_timer = QTimer(self, singleShot=True, interval=debounce_ms)
        self._precedent_timer.timeout.connect(self._precedents_now)
        self.search_field.textChanged.connect(lambda _text: self._search_timer.start())
        self.language_filter.currentIndexChanged.connect(lambda _i: self._search_timer.start())
        self.search_field.down.connect(self._focus_hits)
        self.search_field.enter.connect(self._insert_current_or_first)
        self.hits.activatedByKey.connect(self._insert_current_or_first)
        self.hits.itemDoubleClicked.connect(lambda item: self.insert_hit(item.data(HIT_ROLE)))

    # -- public API ----------------------------------------------------------------------
    def set_library(self, library: Library | None) -> None:
        self.library = library
        self.hits.clear()
        self.precedents.clear()
        self._set_status("" if library else _("No library is open."))
        self.location.setText(_("Library: {where}").format(where=library.location) if library else "")
        usable = library is not None or self._opener is not None
        self.add_documents_action.setEnabled(usable)
        self.add_folder_action.setEnabled(usable)

    def ensure_library(self) -> Library | None:
        """The library, opened now through the opener if it is not open yet."""
        if self.library is None and self._opener is not None:
            try:
                library = self._opener()
            except LibraryError as error:
                self._set_status(str(error))
                return None
            self.set_library(library)
        return self.library

    def set_language(self, language: str) -> None:
        """The draft's language: an inserted clause comes in it when the library pairs it."""
        self.language = language

    def hit_count(self) -> int:
        return self.hits.count()

    def hit_at(self, row: int) -> Hit:
        return self.hits.item(row).data(HIT_ROLE)

    @Slot()
    def search_now(self) -> None:
        query = self.search_field.text().strip()
        if query:
            self.ensure_library()
        if not query or self.library is None:
            self._latest["search"] = -1     # drop a search still in flight
            self.hits.clear()
            self.resultsShown.emit(0)
            return
        words, options = split_filters(query)
        if not words:
            return
        options.setdefault("language", self.language_filter.currentData() or None)
        library = self.library
        self._start("search", lambda: library.search(words, limit=30, **options))

    def show_precedents(self, paragraph: str, agreed_html: str = "", immediately: bool = False,
                        language: str | None = None) -> None:
        """Look up precedents for the paragraph at the editor's cursor (debounced unless
        `immediately`); `agreed_html`, the paragraph's own agreed-language difference, heads them.
        `language`: only precedents in that language (the side-by-side view's Spanish cell)."""
        self._pending_precedent = paragraph
        self._precedent_language = language
        self._agreed_html = agreed_html
        if immediately:
            self._precedent_timer.stop()
            self._precedents_now()
        else:
            self._precedent_timer.start()

    def insert_hit(self, hit: Hit | None) -> None:
        if hit is None or self.library is None:
            return
        try:
            insertion = self.library.insertion(hit.clause_id, self.language)
        except LibraryError as error:
            self._set_status(str(error))
            return
        self.insertRequested.emit(insertion)
        self.blockInsertRequested.emit(insertion.block)

    # -- look-ups off the GUI thread -----------------------------------------------------
    def _start(self, kind: str, work: Callable[[], Any]) -> None:
        self._generation += 1
        self._kinds[self._generation] = kind
        self._latest[kind] = self._generation
        self._pool.start(Lookup(self._generation, work, self._relay))

    @Slot()
    def _precedents_now(self) -> None:
        text = self._pending_precedent.strip()
        if not text or self.library is None:
            self.precedents.setHtml(self._agreed_html)
            self.precedentsShown.emit(0)
            return
        library = self.library
        language = self._precedent_language
        origin, number = self.own_draft() if self.own_draft is not None else (None, "")
        self._start("precedents", lambda: library.precedents(
            text, limit=5, language=language, exclude_origin=origin, exclude_number=number))

    @Slot(int, object)
    def _lookup_done(self, generation: int, result: Any) -> None:
        kind = self._kinds.pop(generation, "")
        if generation != self._latest.get(kind):
            return                      # the user typed on: a newer look-up is coming
        if isinstance(result, Exception):
            self._set_status(describe_library_error(result))
        elif kind == "search":
            self._show_hits(result)
        else:
            self._show_precedents(result)

    def _show_hits(self, hits: list[Hit]) -> None:
        self.hits.clear()
        for hit in hits:
            item = QListWidgetItem()
            item.setData(HIT_ROLE, hit)
            item.setToolTip(hit.text)
            label = QLabel(self._hit_html(hit))
            label.setWordWrap(True)
            label.setTextFormat(Qt.RichText)
            label.setAttribute(Qt.WA_TransparentForMouseEvents)
            item.setSizeHint(label.sizeHint())
            self.hits.addItem(item)
            self.hits.setItemWidget(item, label)
        if hits:
            self.hits.setCurrentRow(0)
        query = self.search_field.text().strip()
        self._set_status(ngettext("{count} clause", "{count} clauses", len(hits))
                         .format(count=len(hits)) if hits
                         else _("No clause matches “{query}”.").format(query=query))
        self.resultsShown.emit(len(hits))

    @staticmethod
    def _hit_html(hit: Hit) -> str:
        where = "; ".join(html.escape(source.label) for source in hit.sources[:3])
        more = len(hit.sources) - 3
        if more > 0:
            where += " " + html.escape(_("and {count} more").format(count=more))
        return (f"<div>{snippet_html(hit.snippet)}</div>"
                f"<div style='color:#555; font-size:small'>{hit.language.upper()} · {where}</div>")

    def _show_precedents(self, found: list[Precedent]) -> None:
        head = self._agreed_html + ("<hr>" if self._agreed_html else "")
        if not found:
            self.precedents.setHtml(head + f"<p>{html.escape(_('No precedent in the library.'))}</p>")
        else:
            self.precedents.setHtml(head + "".join(precedent_html(item) for item in found))
        self.precedentsShown.emit(len(found))

    # -- keyboard ------------------------------------------------------------------------
    def _focus_hits(self) -> None:
        if self.hits.count():
            self.hits.setFocus()
            if self.hits.currentRow() < 0:
                self.hits.setCurrentRow(0)

    def _insert_current_or_first(self) -> None:
        item = self.hits.currentItem() or (self.hits.item(0) if self.hits.count() else None)
        if item is not None:
            self.insert_hit(item.data(HIT_ROLE))

    # -- adding documents ----------------------------------------------------------------
    def choose_documents(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self, _("Add documents to the library"), "",
            _("Declarations (*.docx *.md *.txt *.concordia);;All files (*)"),
        )
        if paths:
            self.add_documents(paths)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _("Add a folder of documents to the library"))
        if folder:
            self.add_documents([folder])

    def add_documents(self, paths: list[str]):
        """Import in the background with a progress dialog; returns the running task."""
        library = self.ensure_library()
        if library is None:
            return None
        from pathlib import Path

        return run_in_background(
            self, lambda progress: library.add([Path(p) for p in paths], progress),
            title=_("Adding documents to the library"),
            on_done=self._documents_added,
            on_error=lambda error: self._set_status(describe_library_error(error)),
            on_cancelled=lambda: self._set_status(_("Adding documents was cancelled.")),
        )

    def _documents_added(self, report) -> None:
        added, skipped = report.count("added"), report.skipped
        message = _("{added} documents added, {unchanged} already there, {skipped} skipped.").format(
            added=added, unchanged=report.count("unchanged"), skipped=len(skipped))
        self._set_status(message)
        self.status.setToolTip("\n".join(f"{o.path}: {o.reason}" for o in skipped))
        if self.search_field.text().strip():
            self.search_now()

    def _set_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))


def departure_html(block: Block) -> str:
    """For the editor: how an inserted block now departs from its agreed language ("" if not)."""
    return difference_html(block) if block.departs_from_origin else ""


def describe_library_error(error: BaseException) -> str:
    if isinstance(error, LibraryError):
        return str(error)
    return describe_error(error)
