"""The app's life cycle around the main window: tray and alerts, close-to-tray, explicit quit,
backups, a second start handing over, unexpected errors.

- Closing the window keeps the app in the tray (said once, the first time); quitting is
  explicit: File → Quit (Ctrl+Q) or the tray's "quit". Where there is no system tray,
  closing the window quits, and the alert banner says that alerts show in the window.
- `--minimized` starts hidden in the tray (when there is one).
- When the database services arrive (`MainWindow.attached`) it builds the `AlertCenter`
  (banner above the cases list, tray icon, scheduler with the daily backup hook; the alert
  settings as stored, and a snooze kept in the settings across a restart) and the
  backup menu, and the monthly report export (`app/ui/reports/monthly_export.py`: on the 1st, and
  at start when last month's file is missing), and starts them; every write the window
  publishes re-plans the alerts.
- `shutdown()` stops the scheduler and the workers in order, then releases the
  single-instance lock.

Heavy modules (SQLAlchemy, APScheduler) are imported only when the services arrive,
after the first paint.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from app.ui.common.changes import ChangeSet
from app.ui.common.error_dialog import ExceptionHandler
from app.ui.settings import keys as settings_decl
from app.ui.shell.main_window import MainWindow

if TYPE_CHECKING:
    from app.bootstrap import AppContext
    from app.ui.alerts.center import AlertCenter
    from app.ui.alerts.tray import Notifier
    from app.ui.backup.control import BackupControl
    from app.ui.backup.dialogs import Prompter
    from app.ui.reports.monthly_export import MonthlyExport
    from app.ui.shell.single_instance import SingleInstance

log = logging.getLogger(__name__)

START_BACKUP_DELAY_MS = 5000  # let the full case list load first (two cores are not many)
START_EXPORT_DELAY_MS = 20000  # after the start backup: last month's report if it is missing
STATUS_MS = 10000


class AppShell(QObject):
    def __init__(
        self,
        app: QApplication,
        window: MainWindow,
        settings: QSettings,
        *,
        notifier: Notifier | None = None,
        minimized: bool = False,
        instance: SingleInstance | None = None,
        live_scheduler: bool = True,
        prompter: Prompter | None = None,
        exit_app: Callable[[], None] | None = None,
    ) -> None:
        """`notifier`: the tray (default: a QSystemTrayIcon, made when the services arrive).
        `live_scheduler=False`, `prompter`, `exit_app`: for tests, which drive the scheduler's
        jobs with a moved clock, answer questions, and must not end the test's event loop."""
        super().__init__(window)
        self.app = app
        self.window = window
        self.settings = settings
        self.minimized = minimized
        self.instance = instance
        self.live_scheduler = live_scheduler
        self._notifier = notifier
        self._prompter = prompter
        self._exit = exit_app or app.quit
        self.center: AlertCenter | None = None
        self.backups: BackupControl | None = None
        self.exports: MonthlyExport | None = None
        self.quitting = False
        self._shut_down = False
        self.tray_expected = (
            notifier.is_available() if notifier is not None else QSystemTrayIcon.isSystemTrayAvailable()
        )
        # Dialogs may close while the window sits in the tray: only `quit()` ends the app.
        app.setQuitOnLastWindowClosed(False)
        self.errors = ExceptionHandler(lambda: window if window.isVisible() else None)
        self.errors.install()
        window.installEventFilter(self)
        quit_requested = getattr(app, "quitRequested", None)  # SentinelApplication (not in tests)
        if quit_requested is not None:
            quit_requested.connect(self.quit_requested_of_qt)
        window.attached.connect(self._attach)
        window.quit_action.triggered.disconnect(window.close)
        window.quit_action.triggered.connect(self.quit)
        if instance is not None:
            instance.activation_requested.connect(window.bring_to_front)

    def show_window(self) -> None:
        """At start: the window, unless --minimized and a tray can hold the app."""
        if not (self.minimized and self.tray_expected):
            self.window.show()

    @property
    def in_tray(self) -> bool:
        """The tray icon is up: closing the window keeps the app running."""
        return self.center is not None and self.center.tray is not None

    # ---- the services arrived ---------------------------------------------------------------

    def _attach(self, ctx: AppContext) -> None:
        from app.services.preferences.schema import alert_settings
        from app.ui.alerts.center import AlertCenter
        from app.ui.alerts.tray import QtTrayNotifier
        from app.ui.backup.control import BackupControl
        from app.ui.desk.handler_choice import current_handler
        from app.ui.reports.monthly_export import monthly_export_for
        from app.ui.settings import store as settings_store

        window = self.window
        values = settings_store.load(self.settings)  # lead times, quiet hours, snooze length
        ctx.alerts.settings = alert_settings(values, ctx.alerts.settings)
        ctx.attachments.max_bytes = int(values["attachments/max_mb"]) * 1024 * 1024
        ctx.alerts.viewer = current_handler(self.settings)  # each person sees their own alerts
        self.backups = BackupControl(window, ctx, self._prompter)
        notifier = self._notifier or QtTrayNotifier(self.app)
        self.exports = exports = monthly_export_for(
            ctx, self.settings, self._say, runner=window.io, parent=self
        )
        center = AlertCenter(
            ctx.alerts,
            ctx.clock,
            notifier,
            window=window,
            runner=window.tasks,
            backup=self.backups.daily_hook,
            monthly_export=exports.hook,
            snooze_minutes=values["alerts/snooze_minutes"],
            settings=self.settings,  # keeps a snooze across a restart
            ticker=window.wall_clock,  # the countdowns' ticker: a clock jump re-plans
        )
        self.center = center
        window.cases.add_banner(center.banner)
        if window.handler_choice is not None:
            window.handler_choice.changed.connect(center.follow)
        center.open_case_requested.connect(self.open_case)
        center.open_window_requested.connect(window.bring_to_front)
        center.quit_requested.connect(self.quit)
        center.cases_changed.connect(lambda ids: window.changes.publish(ChangeSet.cases(ids)))
        center.status_message.connect(lambda text: window.statusBar().showMessage(text, STATUS_MS))
        exports.failed.connect(lambda text: window.statusBar().showMessage(text, STATUS_MS))
        # Every write of the window (actions, edits, imports, mutes, restores) goes through here once.
        window.changes.changed.connect(center.case_changed)
        self.backups.database_closing.connect(center.hold_jobs)
        self.backups.database_closing.connect(exports.wait)  # a running export reads the old file
        self.backups.database_reopened.connect(center.reload)
        # A read-only folder: no auto-actions, no backups or exports into it (each would be a write).
        live = self.live_scheduler and not ctx.read_only
        center.start(schedule=live)
        if live:
            QTimer.singleShot(START_BACKUP_DELAY_MS, self.backups.back_up_if_due)
            QTimer.singleShot(START_EXPORT_DELAY_MS, exports.export_if_due)
        if not self.in_tray and not self.window.isVisible():
            self.window.show()  # started --minimized, but the tray did not come up

    def _say(self, title: str, text: str) -> None:
        if self.center is not None:
            self.center.say(title, text)

    def open_case(self, case_id: int) -> None:
        """From a tray message, the tray menu, the banner or the away summary."""
        self.window.bring_to_front()
        self.window.show_screen("cases")
        if self.window.controller is not None:
            self.window.controller.open_case(case_id)

    # ---- close and quit ---------------------------------------------------------------------

    def quit_requested_of_qt(self) -> None:
        """SIGTERM, logout or the dock: Qt closes every window next and gives up if one refuses."""
        self.quitting = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close and not self.quitting:
            if self.in_tray:
                event.ignore()
                self.hide_to_tray()
                return True
            QTimer.singleShot(0, self.quit)  # no tray: closing the window ends the app
        return False

    def hide_to_tray(self) -> None:
        self.window.save_layout()
        self.window.hide()
        if not settings_decl.read(self.settings, settings_decl.CLOSE_HINT_SHOWN):
            settings_decl.write(self.settings, settings_decl.CLOSE_HINT_SHOWN, True)
            assert self.center is not None
            self.center.say(
                self.tr("Aftersales Sentinel is still running"),
                self.tr(
                    "Alerts keep coming while the window is closed. Quit from this icon's menu "
                    "or with File → Quit (Ctrl+Q)."
                ),
            )

    def quit(self) -> None:
        if self.quitting:
            return
        self.quitting = True
        self.window.close()  # saves the layout
        self._exit()

    def shutdown(self) -> None:
        """After the event loop: scheduler, then the workers, then the lock (idempotent)."""
        if self._shut_down:
            return
        self._shut_down = True
        if self.center is not None:
            self.center.shutdown()
        if self.backups is not None:
            self.backups.shutdown()
        if self.exports is not None:
            self.exports.shutdown()
        for worker in (self.window.list_export,):
            if worker is not None:
                worker.runner.wait()
        self.window.tasks.wait()
        self.errors.uninstall()
        if self.instance is not None:
            self.instance.release()
