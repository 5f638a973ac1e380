"""What the cases screen does: open a case, run its dialogs, write through the TaskRunner.

Every write runs on the background worker; on success a change set (case ids)
is published on the window's ChangeHub and each screen refreshes what changed.
Dialogs are opened with `open()` (never a nested event loop), so tests can
fill them in through `active_dialog`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QMessageBox

from app.models.enums import Action, CaseType
from app.services.cases.bulk import BulkResult, apply_bulk
from app.services.listing.filter import prepare_list
from app.ui.cases.action_dialog import ActionContext, ActionDialog, ActionInput
from app.ui.cases.bulk_dialog import BulkDialog
from app.ui.cases.dialogs import EditCaseDialog, NewCaseDialog
from app.ui.common.changes import ChangeSet
from app.ui.common.failures import describe
from app.ui.common.service_text import say
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
        self.detail.closeRequested.connect(lambda: self.cases.show_detail(False))
        self.detail.actionRequested.connect(self.request_action)
        self.detail.editRequested.connect(self.edit_case)
        self.detail.filesDropped.connect(self.add_files)
        self.detail.muteToggled.connect(self.set_muted)
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

    # ---- reading ----------------------------------------------------------------------------

    def load_all(self) -> None:
        """Read and index every case on the worker; swap the list in when done."""
        query = self.ctx.case_list
        self.tasks.run(
            lambda _: prepare_list(query.all_rows()), done=self.cases.set_prepared, failed=self._failed
        )

    def open_case(self, case_id: int) -> None:
        detail = self.ctx.queries.detail(case_id)
        if detail is None:
            return
        self.detail.show_case(detail, self.ctx.attachments.of_case(case_id), self.cases.model.now)
        self.cases.show_detail(True)
        self.cases.select_case(case_id)

    def on_changes(self, change: ChangeSet) -> None:
        if change.everything:
            self.load_all()
        elif change.changed or change.deleted:
            fresh = self.ctx.case_list.rows_for(change.changed)
            self.cases.apply_rows(fresh, sorted(change.deleted))
        shown = self.detail.case_id
        if shown is not None and (change.everything or shown in change.changed):
            self.open_case(shown)
        elif shown is not None and shown in change.deleted:
            self.detail.clear()
            self.cases.show_detail(False)

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

    def new_case(self) -> None:
        dialog = NewCaseDialog(
            self.ctx.clock.now(),
            self.ctx.queries.shops(),
            self.window,
            my_platforms=my_platforms(self.window.settings),
        )
        dialog.accepted.connect(lambda: self._add_case(dialog))
        self._open(dialog)

    def _add_case(self, dialog: NewCaseDialog) -> None:
        new = dialog.result_case
        assert new is not None

        def shown(case_id: int) -> None:
            self.cases.select_case(case_id)
            self.open_case(case_id)

        self._write(lambda: self.ctx.cases.add_case(new), lambda cid: ChangeSet.cases([cid]), shown)

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
        dialog.accepted.connect(lambda: self._act(case_id, dialog.result_input))
        self._open(dialog)

    def _act(self, case_id: int, data: ActionInput | None) -> None:
        assert data is not None
        attachments = self.ctx.attachments

        def work() -> int:
            result = self.ctx.cases.act(case_id, data.request)
            for path in data.files:
                attachments.add(case_id, path, event_id=result.event_id)
            return case_id

        self._write(work, lambda cid: ChangeSet.cases([cid]))

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
        dialog.accepted.connect(lambda: self._edit(case_id, dialog.result_changes))
        self._open(dialog)

    def _edit(self, case_id: int, raw: dict[str, str]) -> None:
        if raw:
            self._write(lambda: self.ctx.edits.edit(case_id, raw), lambda _: ChangeSet.cases([case_id]))

    def delete_selected(self) -> None:
        ids = self.cases.selected_ids()
        if not ids:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Delete cases"),
            self.tr("Delete {0} case(s) with their timeline and attachments? This cannot be undone.").format(
                len(ids)
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self.window,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setObjectName("confirmDelete")
        box.accepted.connect(lambda: self._delete(ids))
        self._open(box)

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
        cases = self.ctx.cases
        self._write(
            lambda: apply_bulk(cases, ids, request),
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
