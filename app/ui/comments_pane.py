"""The comments pane: delegations' comments by paragraph, with status, replies and filters.

    pane = CommentsPane(editor)          # a DraftEditor
    install(window)                      # called by the main window: dock, Insert ▸
                                         # Comment (Ctrl+Alt+M), File ▸ Export Compilation…

Every change is an operation applied through `editor.apply_operation`, so it sits in the
window's one undo history with the text edits. Clicking a comment selects its span. The list
follows the editor's change notice (see AnnotationPane); a reply, status change or deletion
on a comment that is no longer in the draft is refused with one sentence.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QMenu,
    QPlainTextEdit,
    QToolBar,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import N_, _, ui_language
from app.i18n.ui_dates import ui_date
from app.model import new_id
from app.model.annotation_ops import (
    AddComment,
    AddParty,
    AddReply,
    RemoveComment,
    SetCommentStatus,
)
from app.model.annotations import Comment, CommentStatus, Reply, Visibility
from app.model.parties import Party, PartyKind, PartyRegistry, normalise_code
from app.model.suggestion_ops import SuggestionError, accept_steps, reject_suggestion

from .annotation_dialogs import CommentDialog, combo_code, selection_anchor, status_label
from .annotation_marks import AnnotationMarks
from .annotation_pane import ID_ROLE, AnnotationPane, bring_forward_on_addition

ALL = ""


class CommentsPane(AnnotationPane):
    orphan_heading = N_("Text deleted (orphaned comments)")
    complaint_title = N_("Comments")

    def __init__(self, editor, marks: AnnotationMarks | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(editor, marks, [_("Paragraph / delegation"), _("Comment"), _("Status"),
                                         _("Visibility")], parent)
        self.orphan_heading = _(CommentsPane.orphan_heading)
        self.complaint_title = _(CommentsPane.complaint_title)
        self.party_filter = QComboBox()
        self.party_filter.setToolTip(_("Show the comments of one delegation"))
        self.status_filter = QComboBox()
        self.status_filter.setToolTip(_("Show the comments with one status"))
        self.status_filter.addItem(_("All statuses"), ALL)
        for status in CommentStatus:
            self.status_filter.addItem(status_label(status), status.value)
        self.tree.setColumnWidth(0, 170)
        self.tree.setColumnWidth(1, 220)
        for combo in (self.party_filter, self.status_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)     # a narrow dock must not widen the window
        self.toolbar.addAction(_("Add…"), self.add_from_dialog)
        self.toolbar.addAction(_("Reply…"), self.reply_from_dialog)
        status_menu = QMenu(_("Status"), self)
        for status in CommentStatus:
            status_menu.addAction(status_label(status),
                                  lambda s=status: self._on_status_chosen(s))
        self.toolbar.addAction(status_menu.menuAction())
        self.toolbar.addAction(_("Accept"), self._on_accept).setToolTip(
            _("Apply the suggested wording to the text (taken on board)"))
        self.toolbar.addAction(_("Reject"), self._on_reject).setToolTip(
            _("Mark the suggestion as not taken"))
        # A second row: in one, Delete and New party… went behind the toolbar's » at the
        # pane's usual width (EN and ES), where nobody looks for them.
        self.second_toolbar = QToolBar()
        self.second_toolbar.setObjectName("comments_second_toolbar")
        self.second_toolbar.addAction(_("Delete"), self._on_delete)
        self.second_toolbar.addAction(_("New party…"), self.add_party_from_dialog)
        # the row must not make the pane, and so a small window, taller than it was
        self.tree.setMinimumHeight(max(40, self.tree.minimumSizeHint().height()
                                       - self.second_toolbar.minimumSizeHint().height()))

        filters = QHBoxLayout()
        filters.addWidget(self.party_filter)
        filters.addWidget(self.status_filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.tree)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.second_toolbar)

        #: Insert ▸ Comment; the window puts it in its menu.
        self.add_comment_action = QAction(_("&Comment…"), self)
        self.add_comment_action.setObjectName("action_add_comment")
        self.add_comment_action.setShortcut(QKeySequence("Ctrl+Alt+M"))
        self.add_comment_action.triggered.connect(self.add_from_dialog)
        editor.addAction(self.add_comment_action)

        self.party_filter.currentIndexChanged.connect(self.refresh)
        self.status_filter.currentIndexChanged.connect(self.refresh)
        self.refresh()

    # -- the list -----------------------------------------------------------------------------
    def annotations(self, draft) -> dict[str, Comment]:
        return draft.comments

    def shown(self, comment: Comment) -> bool:
        party = self.party_filter.currentData() or ALL
        status = self.status_filter.currentData() or ALL
        return (not party or comment.party == party) and (not status or comment.status.value == status)

    def add_row(self, group: QTreeWidgetItem, comment: Comment,
                registry: PartyRegistry) -> QTreeWidgetItem:
        visibility = _("internal") if comment.visibility == Visibility.INTERNAL else _("for circulation")
        item = QTreeWidgetItem(group, [
            f"{comment.party} — {registry.name(comment.party, ui_language())}",
            comment.text, status_label(comment.status), visibility,
        ])
        item.setToolTip(1, comment.text + (f"\n{_('Suggestion:')} {comment.suggestion}"
                                           if comment.suggestion else ""))
        for reply in comment.replies:
            child = QTreeWidgetItem(item, [f"↳ {reply.party}", reply.text, "",
                                           ui_date(reply.date)])
            child.setData(0, ID_ROLE, comment.id)
        return item

    def refresh(self) -> None:
        self._refresh_party_filter()
        super().refresh()

    def _refresh_party_filter(self) -> None:
        wanted = [ALL] + self.registry().protocol_order(
            {c.party for c in self.editor.draft().comments.values()})
        present = [self.party_filter.itemData(i) or ALL for i in range(self.party_filter.count())]
        if present == wanted:
            return
        current = self.party_filter.currentData() or ALL
        self.party_filter.blockSignals(True)
        self.party_filter.clear()
        for code in wanted:
            self.party_filter.addItem(_("All delegations") if code == ALL else code, code)
        index = self.party_filter.findData(current)
        self.party_filter.setCurrentIndex(max(index, 0))
        self.party_filter.blockSignals(False)

    def visible_comment_ids(self) -> list[str]:
        return self.visible_ids()

    def current_comment_id(self) -> str | None:
        return self.current_id()

    def set_filters(self, party: str = ALL, status: str = ALL) -> None:
        self._refresh_party_filter()
        self.party_filter.setCurrentIndex(max(self.party_filter.findData(party), 0))
        self.status_filter.setCurrentIndex(max(self.status_filter.findData(status), 0))
        self.refresh()

    # -- actions ------------------------------------------------------------------------------
    def select_comment(self, comment_id: str) -> None:
        self.select(comment_id)

    def add_comment(self, party: str, text: str, *, internal: bool = False,
                    suggestion: str = "") -> str | None:
        """Add a comment on the editor's selection (or its paragraph); returns its id."""
        registry = self.registry()
        if party not in registry:
            self.complain(_("Unknown delegation “{code}”.").format(code=party))
            return None
        if not text.strip():
            self.complain(_("A comment needs some text."))
            return None
        anchor = selection_anchor(self.editor)
        comment = Comment(new_id(), anchor, registry.get(party).code, text.strip(),
                          suggestion=suggestion.strip(),
                          visibility=Visibility.INTERNAL if internal else Visibility.CIRCULATION,
                          date=date.today())
        self.apply_addition(AddComment(comment.to_json()), anchor, _("Add comment"), comment.id)
        return comment.id

    def add_from_dialog(self) -> None:
        dialog = CommentDialog(self.registry(), self)
        if dialog.exec():
            self.add_comment(combo_code(dialog.party), dialog.text.toPlainText(),
                             internal=dialog.internal.isChecked(),
                             suggestion=dialog.suggestion.text())

    def set_status(self, comment_id: str, status: CommentStatus) -> None:
        self.apply_to(comment_id, SetCommentStatus(comment_id, status.value),
                      _("Set comment status"))

    def _on_status_chosen(self, status: CommentStatus) -> None:
        comment_id = self.current_comment_id()
        if comment_id:
            self.set_status(comment_id, status)

    def accept_suggestion(self, comment_id: str) -> bool:
        """Put a suggestion's wording in the text and mark it taken on board: one undo step."""
        try:
            steps = accept_steps(self.editor.draft(), comment_id)
        except SuggestionError as error:
            self.complain(str(error))
            return False
        block_id = self.editor.draft().comments[comment_id].anchor.block_id
        label = _("Accept suggestion")
        stack = self.editor.undo_stack
        stack.beginMacro(label)
        try:
            self.editor.apply_operation(steps, label)
            self.marks.paint([block_id])
        finally:
            stack.endMacro()
        self.refresh()
        return True

    def reject_suggestion(self, comment_id: str) -> None:
        comment = self.editor.draft().comments.get(comment_id)
        if comment is None or comment.change is None:
            self.complain(_("This comment is not a suggestion of wording."))
            return
        self.editor.apply_operation(reject_suggestion(comment_id), _("Reject suggestion"))
        self.refresh()

    def _on_accept(self) -> None:
        comment_id = self.current_comment_id()
        if comment_id:
            self.accept_suggestion(comment_id)

    def _on_reject(self) -> None:
        comment_id = self.current_comment_id()
        if comment_id:
            self.reject_suggestion(comment_id)

    def reply(self, comment_id: str, party: str, text: str) -> bool:
        """Add a reply to a comment of the draft shown; True when it landed. Otherwise the
        user is told why in one sentence (never a reply silently lost)."""
        if not text.strip():
            self.complain(_("A reply needs some text."))
            return False
        if comment_id not in self.editor.draft().comments:
            self.refresh()
            self.complain(_("That comment is no longer in this draft; the reply was not added."))
            return False
        if self.editor.read_only:
            self.complain(_("This draft is read-only; the reply was not added."))
            return False
        reply = Reply(party, text.strip(), date.today(), new_id())
        try:
            self.editor.apply_operation(AddReply(comment_id, reply.to_json()), _("Reply to comment"))
        except (KeyError, ValueError) as error:
            self.complain(_("The reply could not be added: {reason}").format(reason=error))
            return False
        self.refresh()
        return True

    def reply_from_dialog(self) -> None:
        comment_id = self.current_comment_id()
        if not comment_id:
            self.complain(_("Choose the comment to reply to first."))
            return
        text, ok = ask_reply_text(self)
        if ok:
            self.reply(comment_id, "PRES", text)

    def remove(self, comment_id: str) -> None:
        self.apply_to(comment_id, RemoveComment(comment_id), _("Delete comment"))

    def _on_delete(self) -> None:
        comment_id = self.current_comment_id()
        if comment_id:
            self.remove(comment_id)

    def add_party(self, code: str, name_en: str, name_es: str = "",
                  kind: PartyKind = PartyKind.STATE) -> bool:
        """Add a delegation or group the registry lacks; it is saved with the draft."""
        code = normalise_code(code)
        if not code or not code.replace("-", "").isalnum():
            self.complain(_("A party code is letters and digits, e.g. UA."))
            return False
        if code in self.registry():
            self.complain(_("“{code}” is already a party.").format(code=code))
            return False
        if not name_en.strip():
            self.complain(_("A party needs a name."))
            return False
        party = Party(code, kind, None, name_en.strip(), name_es.strip(), True)
        self.editor.apply_operation(AddParty(party.to_json()), _("Add party"))
        return True

    def add_party_from_dialog(self) -> None:
        code, ok = QInputDialog.getText(self, _("New party"), _("Code (e.g. UA):"))
        if not ok:
            return
        name_en, ok = QInputDialog.getText(self, _("New party"), _("Name in English:"))
        if not ok:
            return
        name_es, ok = QInputDialog.getText(self, _("New party"), _("Name in Spanish:"))
        if ok:
            self.add_party(code, name_en, name_es)


def ask_reply_text(parent: QWidget) -> tuple[str, bool]:
    """The reply box; Tab moves on to the buttons (a reply never needs a tab character)."""
    dialog = QInputDialog(parent)
    dialog.setObjectName("reply_dialog")
    dialog.setWindowTitle(_("Reply"))
    dialog.setLabelText(_("Presidency reply:"))
    dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput, True)
    for box in dialog.findChildren(QPlainTextEdit):
        box.setTabChangesFocus(True)
    accepted = bool(dialog.exec())
    return dialog.textValue(), accepted


def install(window) -> CommentsPane:
    """Dock the pane in the main window (called by MainWindow._install_panels)."""
    from .compilation_dialog import compilation_action

    editor = window.editor
    pane = CommentsPane(editor, AnnotationMarks.for_editor(editor))
    dock = window.add_dock(pane, _("Comments"), Qt.DockWidgetArea.RightDockWidgetArea,
                           key="comments")
    bring_forward_on_addition(pane, dock)
    window.addAction(pane.add_comment_action)     # the shortcut works anywhere in the window
    window.actions_by_name["add_comment"] = pane.add_comment_action
    if "insert" in window.menus:
        window.menus["insert"].addSeparator()
        window.menus["insert"].addAction(pane.add_comment_action)
    from .copy_import_dialog import import_action

    action = compilation_action(window)
    window.actions_by_name["export_compilation"] = action
    take_in = import_action(window, pane)
    window.actions_by_name["import_delegation_comments"] = take_in
    if "file" in window.menus:
        # Beside the other exports, not after Quit.
        before = window.actions_by_name.get("import_spanish")
        for item in (take_in, action):
            window.menus["file"].insertAction(before, item) if before is not None \
                else window.menus["file"].addAction(item)
    return pane
