"""`python -m app` with no command: the window.

Start-up is ordered for a fast first paint: the log file and the single-instance
lock (a second start on the same folder hands over and exits 0), Qt, the window, and
the first screen of cases read with plain sqlite3; then, on the background worker,
the database check (a damaged file gets a message and a restore offer, never a new
empty database), SQLAlchemy, the services and the full list (200,000 cases take
about a second). The app shell (`app_shell.py`) holds the tray, close/quit and alerts.
"""

from __future__ import annotations

import shutil
import signal
import sqlite3
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from app import APP_NAME
from app.models.schema_version import DB_FILE_NAME, is_current
from app.paths import default_data_dir
from app.services.clock import BEIJING
from app.services.listing.case_list import CaseListQuery
from app.services.storage.logs import setup_logging
from app.ui.common import i18n
from app.ui.common.tasks import TaskRunner
from app.ui.settings import keys as settings_decl
from app.ui.settings.dialog import add_settings_action
from app.ui.shell import first_run
from app.ui.shell.main_window import MainWindow, icon

FIRST_SCREEN_ROWS = 80


class SentinelApplication(QApplication):
    """Says when Qt itself is asked to quit (SIGTERM, logout, the dock's Quit): Qt then closes
    every visible window and gives up if one refuses, so the tray's close-to-hide must step
    aside. (An application-wide event filter would see every event of every widget: measured,
    it slowed the first paint by a sixth while the worker imports SQLAlchemy.)"""

    quitRequested = Signal()

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.Quit:
            self.quitRequested.emit()
        return super().event(e)


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = SentinelApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("售后哨兵")
    app.setOrganizationName(APP_NAME)
    app.setWindowIcon(icon("app"))
    return app


class Startup:
    """Builds the window, paints the first rows, then opens the services in the background."""

    def __init__(
        self, opts: Any, settings: Any = None, tasks: TaskRunner | None = None, prompter: Any = None
    ) -> None:
        """`prompter` answers the questions of a failed database check (default: message boxes)."""
        from app.bootstrap import make_clock

        self.opts = opts
        self.app = make_application()
        self.settings = settings or settings_decl.open_settings()
        self.translators = i18n.install(self.app, settings_decl.read(self.settings, settings_decl.LANGUAGE))
        self.clock = make_clock(opts, running=True)
        self.tz = BEIJING  # every platform time is shown in Beijing time, on every machine
        self.tasks = tasks or TaskRunner(self.app)
        self.demo_dir: Path | None = None
        self.ctx: Any = None
        self.prompter = prompter
        self.data_dir = opts.data_dir or default_data_dir()
        self.window = MainWindow(self.clock, self.settings, self.tasks, self.data_dir, self.tz)
        add_settings_action(self.window)
        db_path = self.data_dir / DB_FILE_NAME
        try:
            if not opts.demo and is_current(db_path):
                rows = CaseListQuery(db_path).first_screen(FIRST_SCREEN_ROWS)
                self.window.cases.set_rows(rows, complete=False)
        except sqlite3.Error:
            pass  # a damaged file: the check on the worker says so and offers a backup
        self.window.wall_clock.start()

    def open_services(self, checked: bool = False) -> None:
        """Check and open the database on the worker; the window attaches the services when ready."""
        self.window.statusBar().showMessage(QCoreApplication.translate("Startup", "Opening the database…"))
        self.tasks.run(lambda _: self._open(checked), done=self._opened, failed=self._failed)

    def _open(self, checked: bool) -> Any:
        from app.bootstrap import backups_for, open_context

        if not (checked or self.opts.demo):
            from app.services.storage.integrity import check_at_start

            report = check_at_start(self.data_dir / DB_FILE_NAME, backups_for(self.data_dir, self.clock))
            if not report.can_open:
                return report  # the questions are asked on the GUI thread
        ctx, demo_dir = open_context(self.opts, running=True, clock=self.clock, display_tz=self.tz, open_now=True)
        self.demo_dir = demo_dir
        return ctx

    def _opened(self, opened: Any) -> None:
        from app.bootstrap import AppContext

        if not isinstance(opened, AppContext):
            self._check_failed()
            return
        self.ctx = opened
        self.window.statusBar().clearMessage()
        if self.demo_dir is not None:
            self.window.data_dir = self.demo_dir
            self.window.data_label.setText(
                QCoreApplication.translate("Startup", "Data: {0} (demo, removed on exit)").format(
                    self.demo_dir
                )
            )
        self.window.attach(opened)
        if opened.read_only:
            from app.services.storage import messages as msg
            from app.ui.common.service_text import say

            self.window.show_read_only(say(msg.READ_ONLY_BANNER(path=self.data_dir)))

    def _check_failed(self) -> None:
        """Damaged, missing with backups, unreadable or too new: say so, offer the newest good backup."""
        from app.ui.backup.dialogs import QtPrompter
        from app.ui.backup.startup_checks import StartupOutcome, check_before_open

        self.window.statusBar().clearMessage()
        self.window.show()
        result = check_before_open(self.data_dir, self.clock, self.prompter or QtPrompter(self.window))
        if result.outcome is StartupOutcome.PROCEED:
            self.open_services(checked=True)
        else:
            self.app.exit(1)

    def _failed(self, error: Exception, details: str) -> None:
        from app.services.storage.integrity import classify_error
        from app.ui.common.service_text import error_text, say

        known = classify_error(error)  # too new, locked, read-only…: the one line to act on
        message = say(known.message) if known is not None else error_text(error)
        self.window.show()
        self.window.show_error(
            QCoreApplication.translate("Startup", "Cannot open the data folder"), message, details
        )

    def shutdown(self) -> None:
        self.tasks.wait()
        if self.ctx is not None:
            self.ctx.close()
        if self.demo_dir is not None:
            shutil.rmtree(self.demo_dir, ignore_errors=True)


def _quit_on_signals(app: QApplication) -> QTimer:
    """Ctrl+C / SIGTERM close the app normally (so a --demo folder is removed). Python runs
    signal handlers only between bytecodes, hence the idle timer that hands it control."""
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: app.quit())
    timer = QTimer(app)
    timer.start(500)
    timer.timeout.connect(lambda: None)
    return timer


def fatal_error(message: str) -> None:
    """A windowed start that cannot go on: the message on stderr and in a dialog (a bundled app
    has no console, so stderr alone would show nothing)."""
    print(f"error: {message}", file=sys.stderr)
    from PySide6.QtWidgets import QMessageBox

    make_application()
    QMessageBox.critical(None, QCoreApplication.translate("Startup", "Cannot open the data folder"), message)


def launch(opts: Any, minimized: bool = False, settings: Any = None) -> tuple[Startup, Any] | int:
    """Everything before the event loop (bench/ui.py times this path to the first paint).
    Returns the exit code instead when this start hands over to a running one."""
    from app.ui.shell.app_shell import AppShell
    from app.ui.shell.single_instance import SingleInstance

    app = make_application()
    opts = first_run.prepare(opts, settings)  # the data folder, after the welcome on a first start
    if opts is None:
        return 0
    instance = None
    if not opts.demo:  # a demo folder is new every time: nothing to share
        data_dir = opts.data_dir or default_data_dir()
        setup_logging(data_dir, stderr_fallback=True)
        instance = SingleInstance(data_dir)
        if not instance.acquire():
            if instance.failure:
                fatal_error(instance.failure)
                return 1
            return 0  # the running window was asked to come forward
    start = Startup(opts, settings)
    shell = AppShell(app, start.window, start.settings, minimized=minimized, instance=instance)
    _quit_on_signals(app)
    shell.show_window()
    QTimer.singleShot(0, start.open_services)
    return start, shell


def run_gui(opts: Any, minimized: bool = False) -> int:
    launched = launch(opts, minimized)
    if isinstance(launched, int):
        return launched
    start, shell = launched
    try:
        return start.app.exec()
    finally:
        shell.shutdown()
        start.shutdown()


def run_self_test() -> int:
    """`--self-test`: draws the main window offscreen, so it starts here, at the GUI entry point."""
    from app.ui.shell.self_test import run_self_test as run

    return run()
