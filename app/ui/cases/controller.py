"""What the cases screen does: open a case, run its dialogs, write through the TaskRunner.

Every write runs on the background worker; on success a change set (case ids)
is published on the window's ChangeHub and each screen refreshes what changed.
Dialogs are opened with `open()` (never a nested event loop), so tests can
fill them in through `active_dialog`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

from app.models.enums import Action, CaseType
from app.services.cases.bulk import BulkResult, apply_bulk
from app.services.errors import DuplicateCase, StaleCase
from app.services.listing.filter import prepare_list
from app.services.service_desk.callbacks import CallbackResult
from app.ui.cases.action_dialog import ActionContext, ActionDialog, ActionInput
from app.ui.cases.bulk_dialog import BulkDialog
from app.ui.cases.dialogs import EditCaseDialog, NewCaseDialog
from app.ui.common import vocab
from app.ui.common.changes import ChangeSet
from app.ui.common.failures import describe
from app.ui.common.form_dialog import FormDialog
from app.ui.common.service_text import say
from app.ui.desk.handler_choice import current_handler
from app.ui.desk.templates_dialog import TemplatesDialog
from app.ui.detail.panel import CaseDetailPanel
from app.ui.settings.platform_choice import my_platforms

if TYPE_CHECKING:
    from app.bootstrap import AppContext
    from app.ui.cases.view import CasesView
    from app.ui.common.host import WindowHost

log = logging.getLogger(__name__)


class CaseController(QObject):
    def __init__(self, window: WindowHost, cases: CasesView, ctx: AppContext) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.tasks = window.tasks
        self.cases = cases
        self.actions = actions = window.case_actions()
        self.active_dialog: QDialog | None = None
        self.last_bulk: BulkResult | None = None
        self.detail = CaseDetailPanel()
        self.cases.set_detail_widget(self.detail)
        self.cases.model.own_left = self.ctx.targets.own_left  # our targets count working time
        self.detail.closeRequested.connect(lambda: self.cases.show_detail(False))
        self.detail.actionRequested.connect(self.request_action)
        self.detail.editRequested.connect(self.edit_case)
        self.detail.filesDropped.connect(self.add_files)
        self.detail.muteToggled.connect(self.set_muted)
        self.detail.follow_ups.doneRequested.connect(self.settle_follow_up)
        self.detail.callbackRecorded.connect(self.record_callback)
        self.detail.replies.manageRequested.connect(self.manage_templates)
        self.detail.replies.copied.connect(
            lambda _id, _text: window.statusBar().showMessage(
                self.tr("Reply copied: paste it into the chat."), 5000
            )
        )
        self.cases.openCase.connect(self.open_case)
        self.cases.ticked.connect(self.detail.tick)
        self.cases.newCaseRequested.connect(self.new_case)
        self.cases.bulkRequested.connect(self.bulk)
        self.cases.selectionChanged.connect(self._selection_changed)
        window.changes.changed.connect(self.on_changes)
        actions.new.triggered.connect(self.new_case)
        actions.new.setEnabled(True)
        actions.open.triggered.connect(lambda: self._with_current(self.open_case))
        actions.edit.triggered.connect(lambda: self._with_current(self.edit_case))
        actions.bulk.triggered.connect(lambda: self.bulk(self.cases.selected_ids()))
        actions.delete.triggered.connect(self.delete_selected)
        actions.refresh.triggered.connect(self.load_all)
        self.claim_action = self._case_action(
            self.tr("&Claim"), self.tr("Assign to me (Ctrl+M)"), "Ctrl+M", "claimAction", self.claim
        )
        self.assign_action = self._case_action(
            self.tr("&Assign to…"), self.tr("Assign to a colleague (Ctrl+Shift+M)"), "Ctrl+Shift+M",
            "assignAction", self.assign,
        )
        self.release_action = self._case_action(
            self.tr("&Release"), self.tr("Unassigned: anyone may take it (Ctrl+Shift+U)"), "Ctrl+Shift+U",
            "releaseAction", self.release,
        )
        self.detail.set_assign_actions([self.claim_action, self.assign_action, self.release_action])

    # ---- reading ----------------------------------------------------------------------------

    def load_all(self) -> None:
        """Read and index every case on the worker; swap the list in when done."""
        query = self.ctx.case_list
        self.tasks.run(
            lambda _: prepare_list(query.all_rows()), done=self.cases.set_prepared, failed=self._failed
        )

    def open_case(self, case_id: int, select: bool = True) -> None:
        detail = self.ctx.queries.detail(case_id)
        if detail is None:
            return
        self.detail.show_case(
            detail,
            self.ctx.attachments.of_case(case_id),
            self.cases.model.now,
            replies=self.ctx.templates.for_case(case_id, self.handler()),
            follow_ups=self.ctx.follow_ups.for_case(case_id),
            targets=self.ctx.targets.for_case(case_id),
            callback=self.ctx.callbacks.for_case(case_id),
            target_clock=self.ctx.targets,
        )
        self.cases.show_detail(True)
        if select:
            self.cases.select_case(case_id)

    def on_changes(self, change: ChangeSet) -> None:
        if change.everything:
            self.load_all()
        elif change.changed or change.deleted:
            fresh = self.ctx.case_list.rows_for(change.changed)
            self.cases.apply_rows(fresh, sorted(change.deleted))
        shown = self.detail.case_id
        if shown is not None and (change.everything or shown in change.changed):
            self.open_case(shown, select=False)  # refreshed; the list keeps its place (and selection)
        elif shown is not None and shown in change.deleted:
            self.detail.clear()
            self.cases.show_detail(False)

    def handler(self) -> str:
        """Who is working here (the status bar's choice): recorded on every step written."""
        return current_handler(self.window.settings)

    def _with_current(self, fn: Callable[[int], None]) -> None:
        cid = self.cases.current_id()
        if cid is not None:
            fn(cid)

    def _selection_changed(self, ids: list[int]) -> None:
        a = self.actions
        a.open.setEnabled(len(ids) == 1)
        a.edit.setEnabled(len(ids) == 1)
        a.bulk.setEnabled(len(ids) > 1)
        a.delete.setEnabled(bool(ids))
        # The open detail panel always shows the selected case: the buttons there act on what the
        # list highlights (after an action the list selects the next case, and the panel follows).
        if (
            len(ids) == 1
            and self.cases.detail_holder.isVisibleTo(self.cases)
            and self.detail.case_id != ids[0]
        ):
            self.open_case(ids[0], select=False)

    def _case_action(self, text: str, tip: str, keys: str, name: str, run: Callable[[], None]) -> QAction:
        action = QAction(text, self.window)
        action.setToolTip(tip)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(run)
        self.window.addAction(action)
        self.cases.add_case_action(action)
        return action

    def shown_version(self, case_id: int) -> int | None:
        """The version of the case as this window shows it (the detail panel, else its list row):
        what a write from here is made against, so one made on an outdated view is refused."""
        if self.detail.case_id == case_id and self.detail.version is not None:
            return self.detail.version
        model = self.cases.proxy.source()
        pos = model.position_of(case_id)
        return model.row_at(pos).version if pos is not None else None

    def _assign_targets(self) -> list[int]:
        ids = self.cases.selected_ids()
        if not ids and self.detail.case_id is not None:
            ids = [self.detail.case_id]
        return ids

    # ---- assignment -------------------------------------------------------------------------

    def claim(self) -> None:
        me = self.handler()
        if not me:
            self.window.statusBar().showMessage(self.tr("Choose who you are in the status bar first."), 5000)
            return
        self._assign(self._assign_targets(), me)

    def release(self) -> None:
        self._assign(self._assign_targets(), None)

    def assign(self) -> None:
        ids = self._assign_targets()
        names = self.ctx.handlers.names()
        if not ids:
            return
        if not names:
            self.window.statusBar().showMessage(self.tr("Add the shop's handlers in Settings first."), 5000)
            return
        dialog = QInputDialog(self.window)
        dialog.setObjectName("assignTo")
        dialog.setWindowTitle(self.tr("Assign to"))
        many = len(ids) > 1
        dialog.setLabelText(
            self.tr("Who works these cases from now on?") if many else self.tr("Who works this case from now on?")
        )
        dialog.setComboBoxItems(names)
        dialog.setComboBoxEditable(False)
        dialog.textValueSelected.connect(lambda name: self._assign(ids, name))
        self._open(dialog)

    def _assign(self, ids: list[int], to: str | None) -> None:
        if not ids:
            return
        assignments, me = self.ctx.assignments, self.handler()
        versions = {cid: v for cid in ids if (v := self.shown_version(cid)) is not None}
        self._write(
            lambda: assignments.assign_many(ids, to, me, versions),
            lambda result: ChangeSet.cases(result.touched),
            self._assign_report,
        )

    def _assign_report(self, result: Any) -> None:
        if not result.failed:
            return
        names = {r.id: r.aftersale_no for r in self.cases.model.rows}
        lines = "\n".join(f"{names.get(f.case_id, f.case_id)}: {say(f.message)}" for f in result.failed[:20])
        self.window.show_error(self.tr("Not done"), lines)

    # ---- writing ----------------------------------------------------------------------------

    def _write(
        self,
        work: Callable[[], Any],
        changed: Callable[[Any], ChangeSet],
        then: Callable[[Any], None] | None = None,
    ) -> None:
        self.tasks.write(lambda _: work(), self.window.changes, changed, done=then, failed=self._failed)

    def _failed(self, error: Exception, details: str) -> None:
        failure = describe(error, self.ctx.data_dir)  # a bug is logged with its traceback by the runner
        self.window.show_error(self.tr("Not done"), failure.message, "" if failure.expected else details)

    def _write_from(
        self,
        dialog: FormDialog,
        work: Callable[[], Any],
        changed: Callable[[Any], ChangeSet],
        then: Callable[[Any], None] | None = None,
        on_stale: Callable[[StaleCase], None] | None = None,
    ) -> None:
        """The write behind a dialog's OK: the dialog closes when it is done; a refusal stays in
        the dialog, beside its field, with everything the merchant typed. A case written
        elsewhere meanwhile (StaleCase) is shown afresh behind the dialog; `on_stale` hears it
        (the next OK is made against what is shown now)."""

        def done(result: Any) -> None:
            dialog.accept()
            if then is not None:
                then(result)

        def refused(error: Exception, details: str) -> None:
            failure = describe(error)
            if not failure.expected:
                dialog.refuse(self.tr("Not done: see the error message."))
                self._failed(error, details)
                return
            offer = None
            if isinstance(error, StaleCase):
                if on_stale is not None:
                    on_stale(error)
                self.window.changes.publish(ChangeSet.cases([error.case_id]))
            if isinstance(error, DuplicateCase):
                existing = error.case_id

                def open_existing() -> None:
                    dialog.reject()
                    self.open_case(existing)

                offer = (self.tr("Open the existing case"), open_existing)
            dialog.refuse(failure.message, getattr(error, "field", None), offer)

        self.tasks.write(lambda _: work(), self.window.changes, changed, done=done, failed=refused)

    def new_case(self) -> None:
        dialog = NewCaseDialog(
            self.ctx.clock.now(),
            self.ctx.queries.shops(),
            self.window,
            my_platforms=my_platforms(self.window.settings),
        )
        dialog.on_submit = lambda: self._add_case(dialog)
        self._open(dialog)

    def _add_case(self, dialog: NewCaseDialog) -> None:
        new = dialog.result_case
        assert new is not None
        new = replace(new, handler=new.handler or self.handler())

        def shown(case_id: int) -> None:
            self.cases.select_case(case_id)
            self.open_case(case_id)

        cases = self.ctx.cases
        self._write_from(dialog, lambda: cases.add_case(new), lambda cid: ChangeSet.cases([cid]), shown)

    def request_action(self, case_id: int, action_value: str) -> None:
        detail = self.ctx.queries.detail(case_id)
        if detail is None:
            return
        running = tuple(d.party for d in detail.row.deadlines)
        context = ActionContext(
            case_id,
            CaseType(detail.row.case_type),
            detail.fields["refund_requested"],
            running,
            self.ctx.clock.now(),
        )
        dialog = ActionDialog(Action(action_value), context, self.window)
        seen = _Seen(self.shown_version(case_id) or int(detail.fields["version"]))
        dialog.on_submit = lambda: self._act(case_id, dialog.result_input, dialog, seen)
        self._open(dialog)

    def _act(self, case_id: int, data: ActionInput | None, dialog: ActionDialog, seen: _Seen) -> None:
        assert data is not None
        attachments = self.ctx.attachments
        request = replace(data.request, handler=self.handler())
        expected = seen.version

        def work() -> int:
            result = self.ctx.cases.act(case_id, request, expect_version=expected)
            for path in data.files:
                attachments.add(case_id, path, event_id=result.event_id)
            return case_id

        self._write_from(dialog, work, lambda cid: ChangeSet.cases([cid]), on_stale=seen.update)

    def settle_follow_up(self, follow_up_id: int) -> None:
        follow_ups, handler = self.ctx.follow_ups, self.handler()
        self._write(
            lambda: follow_ups.settle(follow_up_id, handler).case_id, lambda cid: ChangeSet.cases([cid])
        )

    def record_callback(self, case_id: int, result: str, comment: str) -> None:
        callbacks, handler = self.ctx.callbacks, self.handler()
        outcome = CallbackResult(result)
        self._write(
            lambda: callbacks.record(case_id, outcome, comment, handler).case_id,
            lambda cid: ChangeSet.cases([cid]),
        )

    def manage_templates(self) -> None:
        dialog = TemplatesDialog(self.ctx.templates, self.tasks, self.window)
        dialog.changed.connect(self._refresh_detail)
        self._open(dialog)

    def _refresh_detail(self) -> None:
        if self.detail.case_id is not None:
            self.open_case(self.detail.case_id)

    def set_muted(self, case_id: int, muted: bool) -> None:
        alerts = self.ctx.alerts
        self._write(lambda: alerts.set_muted(case_id, muted), lambda _: ChangeSet.cases([case_id]))

    def add_files(self, case_id: int, paths: Sequence[Path]) -> None:
        attachments = self.ctx.attachments

        def work() -> int:
            for p in paths:
                attachments.add(case_id, Path(p))
            return case_id

        self._write(work, lambda cid: ChangeSet.cases([cid]))

    def edit_case(self, case_id: int) -> None:
        detail = self.ctx.queries.detail(case_id)
        if detail is None:
            return
        dialog = EditCaseDialog(detail.fields, self.window)
        seen = _Seen(int(detail.fields["version"]))  # the values the dialog shows
        dialog.on_submit = lambda: self._edit(case_id, dialog.result_changes, dialog, seen)
        self._open(dialog)

    def _edit(self, case_id: int, raw: dict[str, str], dialog: EditCaseDialog, seen: _Seen) -> None:
        if not raw:
            dialog.accept()
            return
        edits, expected, me = self.ctx.edits, seen.version, self.handler()
        self._write_from(
            dialog,
            lambda: edits.edit(case_id, raw, expect_version=expected, handler=me),
            lambda _: ChangeSet.cases([case_id]),
            on_stale=seen.update,
        )

    def delete_selected(self) -> None:
        ids = self.cases.selected_ids()
        if not ids:
            return
        names = self._case_names(ids)
        if len(ids) == 1:
            question = self.tr(
                "Delete the case {0} with its timeline and attachments? This cannot be undone."
            )
            question = question.format(names[0])
        else:
            shown = "、".join(names[:5]) + ("…" if len(names) > 5 else "")
            question = self.tr(
                "Delete these {0} cases ({1}) with their timelines and attachments? This cannot be undone."
            ).format(len(ids), shown)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Delete cases"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self.window,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setObjectName("confirmDelete")
        box.accepted.connect(lambda: self._delete(ids))
        self._open(box)

    def _case_names(self, ids: list[int]) -> list[str]:
        """Each case as the merchant knows it: platform, after-sales no. and product."""
        model = self.cases.proxy.source()
        names = []
        for case_id in ids:
            pos = model.position_of(case_id)
            if pos is None:
                names.append(f"#{case_id}")
                continue
            row = model.row_at(pos)
            name = f"{vocab.label(vocab.platforms(), row.platform)} {row.aftersale_no}"
            if row.product and len(ids) == 1:
                name = self.tr("{0} ({1})").format(name, row.product)
            names.append(name)
        return names

    def _delete(self, ids: list[int]) -> None:
        edits, attachments = self.ctx.edits, self.ctx.attachments

        def work() -> list[int]:
            names = attachments.stored_names(ids)
            deleted = edits.delete(ids)
            attachments.remove_files(names)
            return deleted

        self._write(work, lambda gone: ChangeSet(deleted=frozenset(gone)))

    def bulk(self, ids: list[int]) -> None:
        if len(ids) < 2:
            return
        dialog = BulkDialog(len(ids), self.window)
        dialog.accepted.connect(lambda: self._bulk(ids, dialog))
        self._open(dialog)

    def _bulk(self, ids: list[int], dialog: BulkDialog) -> None:
        request = dialog.result_request
        assert request is not None
        request = replace(request, handler=self.handler())
        cases = self.ctx.cases
        versions = {cid: v for cid in ids if (v := self.shown_version(cid)) is not None}
        self._write(
            lambda: apply_bulk(cases, ids, request, versions=versions),
            lambda result: ChangeSet.cases(result.touched),
            self._bulk_report,
        )

    def _bulk_report(self, result: BulkResult) -> None:
        self.last_bulk = result
        names = {r.id: r.aftersale_no for r in self.cases.model.rows}
        text = self.tr("{0} done, {1} not done.").format(len(result.done), len(result.failed))
        box = QMessageBox(
            QMessageBox.Icon.Information if not result.failed else QMessageBox.Icon.Warning,
            self.tr("Bulk action"),
            text,
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        box.setObjectName("bulkReport")
        if result.failed:
            box.setInformativeText(
                "\n".join(f"{names.get(f.case_id, f.case_id)}: {say(f.message)}" for f in result.failed[:20])
            )
            box.setDetailedText(
                "\n".join(f"{names.get(f.case_id, f.case_id)}: {say(f.message)}" for f in result.failed)
            )
        self._open(box)

    def _open(self, dialog: QDialog) -> None:
        self.active_dialog = dialog
        dialog.finished.connect(lambda _: dialog.deleteLater())
        dialog.open()


class _Seen:
    """The version of a case a dialog's write is made against; after a refusal, the one shown now."""

    def __init__(self, version: int) -> None:
        self.version = version

    def update(self, stale: StaleCase) -> None:
        self.version = stale.version
