"""The rows of the side-by-side view: one per block of the draft, its text and its translation.

`PairRows` is a table model over the draft the editor holds. It never changes the draft
itself: an edit of a cell becomes an operation (`ReplaceContent` for the draft's side,
`SetTranslationContent` for the translation) that `apply` hands to the editor, so it lands in
the window's one undo history and the main editor shows it at once.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.compare.words import word_diff
from app.i18n import _
from app.model import ANCHOR, Block, Draft, Operation, TextRun
from app.model.footnote_step import FootnotePairState, footnote_numbers, footnote_states
from app.model.in_step import PairState, pair_state
from app.model.inline import anchored_text, normalise, slice_content, split_at
from app.model.numbering import paragraph_numbers
from app.model.ops import ReplaceContent
from app.model.translation_ops import SetTranslationContent

from ..editor.agreed import summary as agreed_summary
from .footnote_marks import footnote_why, needs_translator

MAIN, OTHER = 0, 1
#: Role: the PairState of the row.
STATE_ROLE = Qt.ItemDataRole.UserRole + 1
#: Role: HTML of the word diff a cell shows under its text (the other side's change), or "".
DIFF_ROLE = Qt.ItemDataRole.UserRole + 2
#: Role: the cell's content as model inlines (runs with their marks, footnote references);
#: setData takes it back, as it takes plain text.
CONTENT_ROLE = Qt.ItemDataRole.UserRole + 4
#: Role: one line saying which library clause the cell's wording came from, or "".
ORIGIN_ROLE = Qt.ItemDataRole.UserRole + 3
OUT_OF_STEP_COLOUR = QColor("#c62828")

Index = QModelIndex | QPersistentModelIndex


def changed_span(old: str, new: str) -> tuple[int, int, str]:
    """The one span of `old` that typing turned into `new`: (start, end in old, new text)."""
    start, end_old, end_new = changed_positions(old, new)
    return start, end_old, new[start:end_new]


def spliced(content: list, start: int, end: int, text: str) -> list:
    """`content` with [start, end) replaced by plain `text` (footnote references kept)."""
    left, rest = split_at(content, start)
    _, right = split_at(rest, end - start)
    middle = [TextRun(text)] if text else []
    return normalise(left + middle + right)


def position_keys(content: list) -> list:
    """One key per content position: a character with its marks, or a footnote reference."""
    keys: list = []
    for item in content:
        if isinstance(item, TextRun):
            marks = (item.bold, item.italic, item.underline, item.superscript)
            keys.extend((char, marks) for char in item.text)
        else:
            keys.append((ANCHOR, item.footnote_id))
    return keys


def changed_positions(old: Sequence, new: Sequence) -> tuple[int, int, int]:
    """(start, end in old, end in new) of the one span that differs (texts or key lists)."""
    limit = min(len(old), len(new))
    start = 0
    while start < limit and old[start] == new[start]:
        start += 1
    end_old, end_new = len(old), len(new)
    while end_old > start and end_new > start and old[end_old - 1] == new[end_new - 1]:
        end_old -= 1
        end_new -= 1
    return start, end_old, end_new


def diff_html(old: str, new: str) -> str:
    parts = []
    for op, text in word_diff(old, new):
        escaped = html.escape(text)
        if op < 0:
            parts.append(f"<s style='color:#b00020'>{escaped}</s>")
        elif op > 0:
            parts.append(f"<u style='color:#1b7f2a'>{escaped}</u>")
        else:
            parts.append(escaped)
    return "".join(parts)


class PairRows(QAbstractTableModel):
    def __init__(self, language: str, apply: Callable[[Operation, str], None]) -> None:
        super().__init__()
        self.language = language
        self._apply = apply
        self._draft = Draft()
        self._states: list[PairState] = []
        self._labels: list[str] = []
        self._kinds: list[tuple] = []
        #: block id → (its content, its translation, its record, the state made of them)
        self._cache: dict[str, tuple] = {}
        self._flagged: set[int] = set()
        self._rows: dict[str, int] = {}
        self._pairs = 0
        #: row → the footnotes of its block that need the translator: out of step, without
        #: a translation, or not referred to by the translated paragraph (footnote_step)
        self._notes: dict[int, list[FootnotePairState]] = {}

    # -- contents ---------------------------------------------------------------------------
    def reset(self, draft: Draft) -> None:
        self.beginResetModel()
        self._draft = draft
        self._cache, self._kinds = {}, []
        self._recompute()
        self.endResetModel()

    def _recompute(self) -> None:
        """The states again; a row whose contents and record are the very objects seen last
        time keeps its state (an edit replaces a block's content list), so a refresh of a
        5,000-block draft costs a pass of identity checks, not 5,000 plain texts."""
        draft = self._draft
        version = draft.translations.get(self.language)
        blocks = version.blocks if version is not None else {}
        main, other_side, when = ((version.confirmed, version.confirmed_other,
                                   version.confirmed_at) if version is not None else ({}, {}, {}))
        cache, fresh = self._cache, {}
        states = []
        for index, block in enumerate(draft.blocks):
            bid = block.id
            other = blocks.get(bid)
            record = (main.get(bid), other_side.get(bid), when.get(bid))
            seen = cache.get(bid)
            if (seen is not None and seen[0] is block.content and seen[1] is other
                    and seen[2] == record and seen[3].index == index):
                state = seen[3]
            else:
                state = pair_state(draft, index, version)
            fresh[bid] = (block.content, other, record, state)
            states.append(state)
        self._cache, self._states = fresh, states
        self._rows = {state.block_id: row for row, state in enumerate(states)}
        self._flagged = {row for row, state in enumerate(states) if state.out_of_step}
        self._pairs = sum(1 for state in states if state.other_text is not None)
        self._recompute_footnotes()
        kinds = [(b.kind, b.level, b.number) for b in draft.blocks]
        if kinds != self._kinds or not self._labels:
            self._kinds = kinds
            self._labels = paragraph_numbers(draft.blocks)

    def _recompute_footnotes(self) -> None:
        """Footnote pairs are few: they are judged afresh on every refresh (a draft without
        footnotes costs nothing)."""
        notes: dict[int, list[FootnotePairState]] = {}
        if self._draft.footnotes and self.language in self._draft.translations:
            for state in footnote_states(self._draft, self.language):
                if needs_translator(state):
                    notes.setdefault(self._rows[state.block_id], []).append(state)
        self._notes = notes

    def _same_blocks(self) -> bool:
        blocks = self._draft.blocks
        return len(blocks) == len(self._states) and all(
            block.id == state.block_id for block, state in zip(blocks, self._states, strict=True))

    def refresh(self, block_ids: list[str] | None = None) -> list[int]:
        """Read the draft again after an edit; return the rows that changed. Given the ids of
        the only blocks an edit touched (an edit made in this view), only those are read."""
        if not self._same_blocks():
            self.reset(self._draft)
            return list(range(len(self._states)))
        if block_ids is None:
            old = self._states
            self._recompute()
            changed = [row for row, (a, b) in enumerate(zip(old, self._states, strict=True))
                       if a is not b]
        else:
            changed = sorted(self._rows[bid] for bid in set(block_ids) if bid in self._rows)
            self._reread(changed)
        for row in changed:
            # The row header (its mark) is repainted by the view: headerDataChanged would make
            # the header ask every one of 5,000 rows for its label again.
            self.dataChanged.emit(self.index(row, MAIN), self.index(row, OTHER))
        return changed

    def _reread(self, rows: list[int]) -> None:
        version = self._draft.translations.get(self.language)
        for row in rows:
            old = self._states[row]
            state = self._states[row] = pair_state(self._draft, row, version)
            block = self._draft.blocks[row]
            record = ((version.confirmed.get(block.id), version.confirmed_other.get(block.id),
                       version.confirmed_at.get(block.id)) if version is not None
                      else (None, None, None))
            other = version.blocks.get(block.id) if version is not None else None
            self._cache[block.id] = (block.content, other, record, state)
            self._pairs += (state.other_text is not None) - (old.other_text is not None)
            if state.out_of_step:
                self._flagged.add(row)
            else:
                self._flagged.discard(row)
        self._recompute_footnotes()

    def draft(self) -> Draft:
        return self._draft

    def state(self, row: int) -> PairState:
        return self._states[row]

    def out_of_step_rows(self) -> list[int]:
        return sorted(self._flagged)

    def pair_count(self) -> int:
        return self._pairs

    def footnote_marks(self, row: int) -> list[FootnotePairState]:
        """The footnotes of the row's block that need the translator."""
        return self._notes.get(row, [])

    def footnote_rows(self) -> list[int]:
        return sorted(self._notes)

    def flagged_footnotes(self) -> list[FootnotePairState]:
        return [state for row in sorted(self._notes) for state in self._notes[row]]

    def marked(self, row: int) -> bool:
        """The row shows the out-of-step mark: its pair or one of its footnotes."""
        return row in self._flagged or row in self._notes

    def row_of(self, block_id: str) -> int | None:
        return self._rows.get(block_id)

    # -- Qt model ---------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._states)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 2

    def flags(self, index: Index) -> Qt.ItemFlag:
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsEditable)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return self._draft.language.upper() if section == MAIN else self.language.upper()
            return None
        if section >= len(self._states):
            return None
        state = self._states[section]
        if role == Qt.ItemDataRole.DisplayRole:
            label = f"¶{self._labels[section]}" if self._labels[section] else ""
            return ("● " if self.marked(section) else "") + label
        if role == Qt.ItemDataRole.ForegroundRole and self.marked(section):
            return OUT_OF_STEP_COLOUR
        if role == Qt.ItemDataRole.ToolTipRole and self.marked(section):
            lines = [self._why(state)] if state.out_of_step else []
            if section in self._notes:
                numbers = footnote_numbers(self._draft)
                lines += [footnote_why(note, numbers.get(note.footnote_id), self._draft.language,
                                       self.language) for note in self._notes[section]]
            return "\n".join(lines)
        return None

    @staticmethod
    def _why(state: PairState) -> str:
        if state.never_confirmed:
            return _("Out of step: this pair was never confirmed in step.")
        if state.main_changed and state.other_changed:
            return _("Out of step: both sides changed since they were confirmed in step.")
        if state.main_changed:
            return _("Out of step: the draft's text changed since the pair was confirmed.")
        return _("Out of step: the translation changed since the pair was confirmed.")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._states):
            return None
        state = self._states[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.cell_text(index.row(), index.column())
        if role == STATE_ROLE:
            return state
        if role == DIFF_ROLE:
            return self._diff(state, index.column())
        if role == ORIGIN_ROLE:
            return self.origin_line(index.row(), index.column())
        if role == CONTENT_ROLE:
            return self.content(index.row(), index.column())
        if role == Qt.ItemDataRole.ToolTipRole and state.out_of_step:
            return self._why(state)
        return None

    def cell_text(self, row: int, column: int) -> str:
        """The cell's text, one ANCHOR character per footnote reference (editor offsets)."""
        block = self._draft.blocks[row]
        if column == MAIN:
            return anchored_text(block.content)
        version = self._draft.translations.get(self.language)
        content = version.blocks.get(block.id) if version is not None else None
        return anchored_text(content) if content is not None else ""

    def origin_line(self, row: int, column: int) -> str:
        """“Agreed language from 6914/24, para. 3 — 2 words changed” for a cell whose wording
        was inserted from the library (the Spanish cell: from the Spanish twin)."""
        block = self._draft.blocks[row]
        if column == MAIN:
            return agreed_summary(block)
        version = self._draft.translations.get(self.language)
        if version is None or block.id not in version.origins or block.id not in version.blocks:
            return ""
        return agreed_summary(Block(block.kind, version.blocks[block.id], block.level,
                                    id=block.id, origin=version.origins[block.id]))

    @staticmethod
    def _diff(state: PairState, column: int) -> str:
        """Under one side: what changed on the OTHER side since the confirmation."""
        if not state.out_of_step or state.never_confirmed:
            return ""
        if column == OTHER and state.main_changed:
            return diff_html(state.confirmed_main or "", state.main_text)
        if column == MAIN and state.other_changed:
            return diff_html(state.confirmed_other or "", state.other_text or "")
        return ""

    def content(self, row: int, column: int) -> list | None:
        """The cell's inlines (None: no translation yet)."""
        block = self._draft.blocks[row]
        if column == MAIN:
            return block.content
        version = self._draft.translations.get(self.language)
        return version.blocks.get(block.id) if version is not None else None

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role not in (Qt.ItemDataRole.EditRole, CONTENT_ROLE) or not index.isValid():
            return False
        if isinstance(value, list):
            operation = self.content_operation(index.row(), index.column(), value)
        else:
            operation = self.edit_operation(index.row(), index.column(), str(value))
        if operation is None:
            return False
        side = (_("Edit {language} text").format(language=self._draft.language.upper())
                if index.column() == MAIN else
                _("Edit {language} text").format(language=self.language.upper()))
        self._apply(operation, side)       # the editor's `modified` refreshes the rows
        return True

    def content_operation(self, row: int, column: int, new: list) -> Operation | None:
        """The operation that gives the cell the content `new` (marks and references as the
        rich cell editor read them); None when nothing changed. On the draft's side only the
        changed span is replaced, so comments and reservations elsewhere keep their words."""
        block = self._draft.blocks[row]
        new = normalise(list(new))
        old = self.content(row, column)
        if column != MAIN:
            if old is not None and normalise(list(old)) == new:
                return None
            if old is None and not new:
                return None
            return SetTranslationContent(self.language, block.id, new)
        old_keys, new_keys = position_keys(block.content), position_keys(new)
        start, end_old, end_new = changed_positions(old_keys, new_keys)
        if start == end_old == end_new:
            return None
        return ReplaceContent(block.id, start, end_old, slice_content(new, start, end_new))

    def edit_operation(self, row: int, column: int, text: str) -> Operation | None:
        """The operation that turns the cell's text into `text`; None when nothing changed."""
        old = self.cell_text(row, column)
        block = self._draft.blocks[row]
        start, end, inserted = changed_span(old, text)
        inserted = inserted.replace(ANCHOR, "")        # a reference is never typed in
        if start == end and not inserted:
            return None
        if column == MAIN:
            return ReplaceContent(block.id, start, end, [TextRun(inserted)] if inserted else [])
        version = self._draft.translations.get(self.language)
        content = version.blocks.get(block.id) if version is not None else None
        if content is None:
            return SetTranslationContent(self.language, block.id, [TextRun(inserted)])
        new = spliced(content, start, end, inserted)
        return SetTranslationContent(self.language, block.id, new if new or text else [])
