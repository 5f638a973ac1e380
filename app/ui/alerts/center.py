"""Alerts assembled for the window: scheduler, tray, banner and the away summary, wired once.

The app shell (`app/ui/shell/app_shell.py`) creates one `AlertCenter`, puts `center.banner` in the
window, connects `open_case_requested` / `open_window_requested` / `quit_requested` /
`cases_changed`, calls `case_changed()` after every write the window makes, and `start()` once
the window is shown (or hidden with --minimized). All slots here run on the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime, time, timedelta

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QWidget

from app.services.alerts.service import AlertService, Delivery, Summary
from app.services.cases.service import AppliedAuto
from app.services.clock import BEIJING, Clock
from app.services.preferences.schema import BY_KEY
from app.ui.alerts.away_summary import AwaySummaryDialog
from app.ui.alerts.banner import AlertBanner
from app.ui.alerts.scheduler import AlertScheduler
from app.ui.alerts.tray import Notifier, TrayController
from app.ui.common.changes import ChangeSet
from app.ui.common.tasks import TaskRunner
from app.ui.common.wall_clock import WallClockTicker
from app.ui.settings import keys as settings_decl

log = logging.getLogger(__name__)

# A stored snooze reaching further than the longest one the tray offers: the clock was moved back.
LONGEST_SNOOZE = timedelta(minutes=BY_KEY["alerts/snooze_minutes"].maximum or 24 * 60)


class AlertCenter(QObject):
    open_case_requested = Signal(int)
    open_window_requested = Signal()
    quit_requested = Signal()
    cases_changed = Signal(object)  # frozenset[int]: cases the platform acted on
    status_message = Signal(str)  # one line for the status bar

    def __init__(
        self,
        alerts: AlertService,
        clock: Clock,
        notifier: Notifier | None,
        *,
        window: QWidget | None = None,
        runner: TaskRunner | None = None,
        backup: Callable[[], object] | None = None,
        backup_at: time = time(12, 30),
        monthly_export: Callable[[], object] | None = None,
        snooze_minutes: int = 60,
        settings: QSettings | None = None,
        ticker: WallClockTicker | None = None,
        parent: QObject | None = None,
    ) -> None:
        """`settings`: where the snooze is kept across a restart (None: in memory only);
        `ticker`: the window's wall-clock ticker (None: the scheduler keeps its own)."""
        super().__init__(parent)
        self.alerts = alerts
        self.clock = clock
        self.settings = settings
        self.window = window
        self.runner = runner or TaskRunner(self)
        self.snooze_minutes = snooze_minutes
        self.scheduler = AlertScheduler(
            alerts,
            clock,
            backup=backup,
            backup_at=backup_at,
            monthly_export=monthly_export,
            ticker=ticker,
            pool=self.runner.lane.pool,  # the jobs run on the database lane, one at a time with its writes
            parent=self,
        )
        self.banner = AlertBanner(window)
        if ticker is not None:
            ticker.tick.connect(self.banner.tick)
        self.tray_available = notifier is not None and notifier.is_available()
        self.tray: TrayController | None = None
        if notifier is not None and self.tray_available:
            self.tray = TrayController(notifier, alerts.tray_status, clock.now, snooze_minutes, parent=self)
            self.tray.open_case_requested.connect(self.open_case_requested)
            self.tray.open_window_requested.connect(self.open_window_requested)
            self.tray.quit_requested.connect(self.quit_requested)
            self.tray.summary_clicked.connect(lambda: self.show_summary())
            self.tray.snooze_requested.connect(self.snooze)
            self.tray.resume_requested.connect(self.resume)
        else:
            log.warning("no system tray on this desktop: alerts are shown in the window's banner")
        self.banner.set_tray_available(self.tray_available)
        self.banner.open_case_requested.connect(self.open_case_requested)
        self.banner.seen.connect(self._mark_seen)
        self.scheduler.alerts_due.connect(self._on_alerts)
        self.scheduler.away_summary.connect(self._on_away)
        self.scheduler.autos_applied.connect(self._on_autos)
        self.scheduler.planned.connect(self._refresh_tray)
        self.scheduler.job_failed.connect(self.status_message)
        self.last_summary: Summary | None = None
        self.summary_dialog: AwaySummaryDialog | None = None
        self.restored_snooze = self._restore_snooze()

    # ---- life cycle -----------------------------------------------------------------------

    def start(self, schedule: bool = True) -> None:
        """Show what is still unseen from earlier runs, the tray, then catch up and schedule
        (`schedule=False`: tests drive the scheduler's jobs themselves with a moved clock)."""
        self.banner.add_notices(self.alerts.unseen())
        if self.tray is not None:
            self.tray.show()
        if self.restored_snooze is not None:
            local = self.restored_snooze.astimezone(BEIJING)
            self.status_message.emit(self.tr("Alerts are still snoozed until {0}").format(f"{local:%H:%M}"))
        if schedule:
            self.scheduler.start()

    def hold_jobs(self) -> None:
        """The database file is about to be replaced (restore): no job may touch it."""
        self.scheduler.pause()

    def reload(self) -> None:
        """The database was replaced (restore): list the restored log's unseen alerts, then re-plan."""
        self.banner.model.remove([n.log_id for n in self.banner.model.notices()])
        self.banner.add_notices(self.alerts.unseen())
        self.scheduler.resume()
        self._refresh_tray()

    def follow(self, handler: str) -> None:
        """Another person works here now: their alerts (their cases and unassigned ones), their
        unseen list, their tray counts."""
        self.alerts.viewer = handler
        self.banner.model.remove([n.log_id for n in self.banner.model.notices()])
        self.banner.add_notices(self.alerts.unseen())
        self.scheduler.request_replan()
        self._refresh_tray()

    def say(self, title: str, text: str) -> None:
        """A one-off note from the app (not an alert): a tray message, else the status bar."""
        if self.tray is not None:
            self.tray.show_note(title, text)
        else:
            self.status_message.emit(f"{title}: {text}")

    def shutdown(self) -> None:
        self.scheduler.shutdown()
        if self.tray is not None:
            self.tray.notifier.set_visible(False)

    def case_changed(self, change: ChangeSet | None = None) -> None:
        """After any write to a case (action, import, mute, extension): the plan may move, and the
        alerts about clocks that stopped (the merchant acted) are settled."""
        self.scheduler.request_replan()
        self._refresh_tray()
        ids = [] if change is None else sorted(change.changed)
        unread = {n.case_id for n in self.banner.model.notices()}
        ids = [cid for cid in ids if cid in unread]
        if ids:
            alerts = self.alerts
            self.runner.run(lambda _report: alerts.settle(ids), done=self._settled)

    def _settled(self, log_ids: list[int]) -> None:
        self.banner.settled(log_ids)
        self._refresh_tray()

    # ---- snooze -----------------------------------------------------------------------------

    def snooze(self) -> None:
        until = self.alerts.snooze_for(timedelta(minutes=self.snooze_minutes))
        if self.tray is not None:
            self.tray.snoozed_until = until
        self._keep_snooze(until)
        self.status_message.emit(self.tr("Alerts snoozed for {0} min").format(self.snooze_minutes))
        self.scheduler.request_replan()

    def resume(self) -> None:
        self.alerts.snooze_until(None)
        if self.tray is not None:
            self.tray.snoozed_until = None
        self._keep_snooze(None)
        self.scheduler.request_replan()

    def _keep_snooze(self, until: datetime | None) -> None:
        if self.settings is not None:
            settings_decl.write_instant(self.settings, settings_decl.SNOOZED_UNTIL, until)

    def _restore_snooze(self) -> datetime | None:
        """A snooze still running from before a restart holds alerts (and the start's summary)
        until it ends by the clock; an ended (or implausibly long) one is forgotten."""
        if self.settings is None:
            return None
        until = settings_decl.read_instant(self.settings, settings_decl.SNOOZED_UNTIL)
        now = self.clock.now()
        if until is None or not now < until <= now + LONGEST_SNOOZE:
            if self.settings.contains(settings_decl.SNOOZED_UNTIL.key):
                self._keep_snooze(None)
            return None
        self.alerts.snooze_until(until)
        if self.tray is not None:
            self.tray.snoozed_until = until
        return until

    # ---- what the scheduler reports ---------------------------------------------------------

    def _on_alerts(self, delivery: Delivery) -> None:
        if self.tray is not None:
            self.tray.show_delivery(delivery)
        self.banner.add_notices(delivery.notices)
        if delivery.summary is not None:
            self.last_summary = delivery.summary
        self._refresh_tray()

    def _on_away(self, summary: Summary) -> None:
        self.banner.add_notices(summary.notices)
        self.last_summary = summary
        window_shown = self.window is not None and self.window.isVisible()
        if self.tray is not None and not window_shown:
            self.tray.show_delivery(Delivery(summary=summary))  # started minimised: one message
        else:
            self.show_summary(summary)

    def show_summary(self, summary: Summary | None = None) -> None:
        summary = summary or self.last_summary
        if summary is None:
            self.open_window_requested.emit()
            return
        dialog = AwaySummaryDialog(summary, self.window)
        dialog.open_case_requested.connect(self.open_case_requested)
        self.summary_dialog = dialog
        dialog.show()

    def _on_autos(self, applied: Sequence[AppliedAuto]) -> None:
        self.cases_changed.emit(frozenset(a.case_id for a in applied))
        self._refresh_tray()

    def _refresh_tray(self, *_: object) -> None:
        if self.tray is not None:
            self.tray.refresh()

    def _mark_seen(self, log_ids: list[int]) -> None:
        ids = list(log_ids)
        self.runner.run(lambda _report: self.alerts.mark_seen(ids))
