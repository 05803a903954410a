"""File ▸ Import Delegations' Comments…: take in delegations' marked-up Word copies.

    import_copies(pane, ["HU.docx", "ES.docx"], ask_party=ask_party_dialog)

Each copy's comments, replies and tracked-change suggestions are added as one undo step (one
per file). When a copy's authors name no known delegation, `ask_party` is asked which
delegation sent it (None: that copy is skipped and the report says so). The report lists, per
file, the figures and every comment that did not land on its exact words.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from app.docx.copy_import import UnknownDelegationError, plan_copy_import
from app.docx.word_markup import read_markup
from app.errors import ConcordiaError
from app.i18n import _, ui_language
from app.model.ops import Batch
from app.model.parties import PartyKind, PartyRegistry

AskParty = Callable[[QWidget, str, PartyRegistry], "str | None"]


def ask_party_dialog(parent: QWidget, file_name: str, registry: PartyRegistry) -> str | None:
    """Which delegation sent this copy, chosen from the registry's Member States first."""
    parties = registry.of_kind(PartyKind.MEMBER_STATE) + [
        p for p in registry if p.kind != PartyKind.MEMBER_STATE]
    labels = [f"{p.code} — {registry.name(p.code, ui_language())}" for p in parties]
    choice, ok = QInputDialog.getItem(
        parent, _("Import Delegations' Comments"),
        _("Which delegation sent “{file}”?").format(file=file_name), labels, 0, False)
    return parties[labels.index(choice)].code if ok and choice in labels else None


def import_copies(pane, paths: list[Path | str], ask_party: AskParty = ask_party_dialog) -> list[str]:
    """Import each copy into the pane's draft; returns the report lines (also shown by the
    menu action)."""
    from app.commands.comment_import import figures_line

    editor = pane.editor
    report: list[str] = []
    for path in paths:
        try:
            markup = read_markup(path)
            try:
                plan = plan_copy_import(editor.draft(), markup)
            except UnknownDelegationError:
                party = ask_party(pane, markup.file_name, pane.registry())
                if party is None:
                    report.append(_("{file}: not imported (no delegation was chosen).").format(
                        file=markup.file_name))
                    continue
                plan = plan_copy_import(editor.draft(), markup, party)
        except ConcordiaError as error:
            report.append(str(error))
            continue
        if plan.operations:
            label = _("Import comments from {file}").format(file=markup.file_name)
            spans = {op.data["anchor"]["block_id"] for op in plan.operations
                     if "anchor" in getattr(op, "data", {}) and op.data["anchor"]["start"] is not None}
            editor.undo_stack.beginMacro(label)     # the comments and their marks: one step
            try:
                editor.apply_operation(Batch(plan.operations), label)
                pane.marks.paint(sorted(spans))
            finally:
                editor.undo_stack.endMacro()
        report.append(figures_line(markup.file_name, plan))
        report.extend("  " + line for line in plan.lines)
    pane.refresh()
    return report


def import_action(window, pane) -> QAction:
    action = QAction(_("Import &Delegations' Comments…"), window)
    action.setObjectName("action_import_delegation_comments")

    def run() -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            window, _("Import Delegations' Comments"), "", _("Word documents (*.docx *.docm)"))
        if not names:
            return
        lines = import_copies(pane, names)
        QMessageBox.information(window, _("Import Delegations' Comments"), "\n".join(lines))

    action.triggered.connect(run)
    return action
