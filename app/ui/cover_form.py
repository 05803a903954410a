"""The cover of the note (number, date, From/To/Subject …) as a form.

Every change goes to the draft as a `SetMeta` operation through the editor, so it shares the
one undo history with the annex text. Typing in a text field is gathered into one step: the
value is committed when the user pauses, leaves the field, or before Save/Undo (the window
calls `commit_pending`). `show_note` refreshes the widgets from the model (after an undo,
say) without emitting edits.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.i18n import N_, _, translator, ui_language
from app.model import DocumentType, NoteMeta
from app.model.ops import Operation, SetMeta

#: How long a pause in typing ends one undo step.
TYPING_PAUSE_MS = 800
#: QDateEdit's minimum stands for "no date yet".
NO_DATE = QDate(1990, 1, 1)
SUFFIX_KINDS = ("", "REV", "ADD", "COR")
#: Dates as the note prints them: "28 February 2024", "28 de febrero de 2024".
DATE_FORMATS = {"en": "d MMMM yyyy", "es": "d 'de' MMMM 'de' yyyy"}

ApplyOperation = Callable[[Operation, str], None]


@dataclass
class _Field:
    name: str                       # NoteMeta attribute
    label: str                      # untranslated, marked with N_
    widget: QWidget
    read: Callable[[], Any]         # widget -> JSON value
    write: Callable[[Any], None]    # JSON value -> widget
    typed: bool                     # gather typing into one step


def _note_value(note: NoteMeta, name: str) -> Any:
    value = getattr(note, name)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return list(value)
    return value


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.replace(",", "\n").splitlines() if line.strip()]


def _show_start(edit: QLineEdit, text: str) -> None:
    """Set the text showing its beginning (setText alone scrolls a long value to its end)."""
    edit.setText(text)
    edit.setCursorPosition(0)


class _PlainText(QPlainTextEdit):
    """A few lines of plain text whose height follows `lines`."""

    def __init__(self, lines: int) -> None:
        super().__init__()
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.WidgetWidth)
        height = self.fontMetrics().lineSpacing() * lines + 14
        self.setFixedHeight(height)


class CoverForm(QScrollArea):
    """Edits a note's cover; call `show_note` to display, edits go to `apply`."""

    edited = Signal(str)   # field name, after its SetMeta was applied
    pending_changed = Signal()  # typing started, or was committed (the window's * follows)

    def __init__(self, apply: ApplyOperation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._apply = apply
        self._fields: dict[str, _Field] = {}
        self._labels: list[QWidget] = []
        self._pending: set[str] = set()
        self._shown: dict[str, Any] = {}    # what the model held when last shown/committed
        self._refreshing = False
        self._read_only = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.commit_pending)
        self._build()
        app = QApplication.instance()
        if app is not None:
            app.focusChanged.connect(self._focus_changed)

    # -- construction -----------------------------------------------------------------------
    def _build(self) -> None:
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.NoFrame)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(8, 8, 8, 8)
        column.setSpacing(10)

        document = self._group(column, _("Document"))
        self._line(document, "number", N_("Number:"), "6914/24")
        self._suffix(document)
        self._date(document)
        self._line(document, "place", N_("Place:"),          # the seat as exports print it
                   translator(ui_language()).pgettext("export", "Brussels"))
        self._list_line(document, "languages", N_("Original languages:"), "en, es")
        self._marking(document)
        self._codes(document)
        self._doc_type(document)
        self._line(document, "interinstitutional_file", N_("Interinstitutional file:"), _("e.g. {example}").format(example="2023/0123 (COD)"))

        cover = self._group(column, _("From, To and Subject"))
        self._line(cover, "sender", N_("From:"), _("General Secretariat of the Council"))
        self._line(cover, "recipient", N_("To:"), _("Delegations"))
        self._text(cover, "subject", N_("Subject:"), 3)
        self._text(cover, "intro", N_("Introduction:"), 7)

        footer = self._group(column, _("Footer"))
        self._line(footer, "initials", N_("Drafter's initials:"), _("e.g. {example}").format(example="MR/mdc"))
        self._line(footer, "directorate", N_("Directorate:"), _("e.g. {example}").format(example="JAI.B"))
        # Named on versions and tracked changes (not the computer's login name).
        self._line(footer, "drafter", N_("Drafted by:"), _("e.g. {example}").format(example=_("Presidency")))
        column.addStretch(1)
        self.setWidget(body)
        # One label column for all groups, so the fields line up down the whole form.
        width = max(label.sizeHint().width() for label in self._labels if label is not None)
        for label in self._labels:
            if label is not None:
                label.setMinimumWidth(width)
        # Never narrower than the form: in a 340 px dock the fields ran off the right edge
        # behind a horizontal scroll bar (the LIMITE box, the suffix number, a Spanish date).
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(max(340, body.minimumSizeHint().width()
                                 + self.verticalScrollBar().sizeHint().width()))

    def _group(self, column: QVBoxLayout, title: str) -> QFormLayout:
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.DontWrapRows)
        form.setLabelAlignment(form.labelAlignment())
        column.addWidget(box)
        return form

    def _add(self, form: QFormLayout, field: _Field) -> None:
        field.widget.setObjectName("cover_" + field.name)
        field.widget.setAccessibleName(_(field.label).rstrip(":"))
        form.addRow(_(field.label), field.widget)
        self._fields[field.name] = field
        self._labels.append(form.labelForField(field.widget))

    def _line(self, form: QFormLayout, name: str, label: str, example: str) -> None:
        edit = QLineEdit()
        edit.setPlaceholderText(example)
        edit.setClearButtonEnabled(False)
        self._add(form, _Field(name, label, edit, edit.text, lambda v: _show_start(edit, v or ""), True))
        edit.textEdited.connect(lambda _text, n=name: self._typed(n))
        edit.editingFinished.connect(self.commit_pending)

    def _list_line(self, form: QFormLayout, name: str, label: str, example: str) -> None:
        edit = QLineEdit()
        edit.setPlaceholderText(example)
        self._add(form, _Field(name, label, edit, lambda: _lines(edit.text()),
                               lambda v: _show_start(edit, ", ".join(v or [])), True))
        edit.textEdited.connect(lambda _text, n=name: self._typed(n))
        edit.editingFinished.connect(self.commit_pending)

    def _text(self, form: QFormLayout, name: str, label: str, lines: int) -> None:
        edit = _PlainText(lines)
        self._add(form, _Field(name, label, edit, lambda: edit.toPlainText().strip("\n"),
                               lambda v: edit.setPlainText(v or ""), True))
        edit.textChanged.connect(lambda n=name: self._typed(n))

    def _codes(self, form: QFormLayout) -> None:
        edit = _PlainText(4)
        edit.setPlaceholderText(_("One per line, e.g.\nCORDROGUE 26\nCOLAC 27"))
        self._add(form, _Field("codes", N_("Subject codes:"), edit,
                               lambda: [line.strip() for line in edit.toPlainText().splitlines() if line.strip()],
                               lambda v: edit.setPlainText("\n".join(v or [])), True))
        edit.textChanged.connect(lambda: self._typed("codes"))

    def _suffix(self, form: QFormLayout) -> None:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        kind = QComboBox()
        kind.setObjectName("cover_suffix_kind")
        for code in SUFFIX_KINDS:
            kind.addItem(code or _("none"), code)
        count = QSpinBox()
        count.setObjectName("cover_suffix_count")
        count.setRange(1, 99)
        count.setEnabled(False)
        count.setPrefix(" ")
        layout.addWidget(kind, 1)
        layout.addWidget(count)

        def read() -> str:
            code = kind.currentData()
            return f"{code} {count.value()}" if code else ""

        def write(value: str) -> None:
            word, _sep, number = (value or "").partition(" ")
            index = kind.findData(word if word in SUFFIX_KINDS else "")
            kind.setCurrentIndex(max(index, 0))
            count.setValue(int(number) if number.isdigit() else 1)
            count.setEnabled(bool(word) and not self._read_only)

        self._add(form, _Field("suffix", N_("Suffix:"), row, read, write, False))
        kind.activated.connect(lambda _i: self._changed_now("suffix"))
        count.valueChanged.connect(lambda _v: self._changed_now("suffix"))
        self._suffix_widgets = (kind, count)

    def _date(self, form: QFormLayout) -> None:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(DATE_FORMATS.get(ui_language(), DATE_FORMATS["en"]))
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(_("no date"))

        def read() -> str | None:
            value = edit.date()
            return None if value == NO_DATE else value.toPython().isoformat()

        def write(value: str | None) -> None:
            edit.setDate(QDate.fromString(value, "yyyy-MM-dd") if value else NO_DATE)

        self._add(form, _Field("date", N_("Date:"), edit, read, write, True))
        edit.dateChanged.connect(lambda _d: self._typed("date"))
        edit.editingFinished.connect(self.commit_pending)
        edit.calendarWidget().clicked.connect(lambda _d: self.commit_pending())

    def _marking(self, form: QFormLayout) -> None:
        box = QCheckBox(_("LIMITE (restricted distribution)"))
        self._add(form, _Field("marking", N_("Distribution:"), box,
                               lambda: "LIMITE" if box.isChecked() else None,
                               lambda v: box.setChecked(bool(v)), False))
        box.toggled.connect(lambda _on: self._changed_now("marking"))

    def _doc_type(self, form: QFormLayout) -> None:
        combo = QComboBox()
        labels = translator(ui_language())   # the Council's name of the type, as notes print it
        for kind in DocumentType:
            combo.addItem(labels.pgettext("export", kind.value), kind.value)

        def write(value: str) -> None:
            index = combo.findData(value)
            if index < 0 and value:  # a type from a newer draft: show it rather than lose it
                combo.addItem(value, value)
                index = combo.findData(value)
            combo.setCurrentIndex(max(index, 0))

        self._add(form, _Field("doc_type", N_("Document type:"), combo, combo.currentData, write, False))
        combo.activated.connect(lambda _i: self._changed_now("doc_type"))
        combo.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)

    # -- public -----------------------------------------------------------------------------
    def field_widget(self, name: str) -> QWidget:
        return self._fields[name].widget

    def show_note(self, note: NoteMeta) -> None:
        """Show the model's values; fields the user is typing in keep their text."""
        self._refreshing = True
        try:
            for name, field in self._fields.items():
                value = _note_value(note, name)
                self._shown[name] = value
                if name in self._pending or field.read() == value:
                    continue
                blockers = [QSignalBlocker(w) for w in [field.widget, *field.widget.findChildren(QWidget)]]
                field.write(value)
                del blockers
        finally:
            self._refreshing = False
        kind, count = self._suffix_widgets
        count.setEnabled(bool(kind.currentData()) and not self._read_only)

    def set_read_only(self, flag: bool) -> None:
        self._read_only = flag
        for field in self._fields.values():
            widget = field.widget
            if isinstance(widget, (QLineEdit, QPlainTextEdit)):
                widget.setReadOnly(flag)
            elif isinstance(widget, QDateEdit):
                widget.setReadOnly(flag)
                widget.setCalendarPopup(not flag)
            else:
                widget.setEnabled(not flag)

    def commit_pending(self) -> None:
        """Send what the user typed to the draft now (one undo step per field)."""
        self._timer.stop()
        pending, self._pending = self._pending, set()
        for name in [n for n in self._fields if n in pending]:
            self._commit(name)
        if pending:
            self.pending_changed.emit()

    @property
    def has_pending(self) -> bool:
        return bool(self._pending)

    # -- edits ------------------------------------------------------------------------------
    def _typed(self, name: str) -> None:
        if self._refreshing or self._read_only:
            return
        current = self._fields[name].read()
        before = self._shown.get(name, "" if isinstance(current, str) else [])
        if name not in self._pending and current == before:
            return            # not typing: a format-only change (the spelling underline)
        first = not self._pending
        self._pending.add(name)
        self._timer.start()
        if first:
            self.pending_changed.emit()

    def _changed_now(self, name: str) -> None:
        if self._refreshing or self._read_only:
            return
        if name == "suffix":
            kind, count = self._suffix_widgets
            count.setEnabled(bool(kind.currentData()))
        self.commit_pending()
        self._commit(name)

    def _commit(self, name: str) -> None:
        value = self._fields[name].read()
        if value == self._shown.get(name):
            return
        self._shown[name] = value
        label = _("Edit {field}").format(field=_(self._fields[name].label).rstrip(":"))
        self._apply(SetMeta(name, value), label)
        self.edited.emit(name)

    def _focus_changed(self, old: QWidget | None, _new: QWidget | None) -> None:
        if old is None or not self._pending:
            return
        for name in list(self._pending):
            widget = self._fields[name].widget
            if old is widget or widget.isAncestorOf(old):
                self.commit_pending()
                return
