"""`python -m app` with no command: the window.

Start-up is ordered for a fast first paint: Qt, the window, and the first
screen of cases read with plain sqlite3; SQLAlchemy, the services and the full
list (200,000 cases take about a second) load after the first paint, on the
background worker.
"""

from __future__ import annotations

import shutil
import signal
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from app import APP_NAME
from app.models.schema_version import DB_FILE_NAME, is_current
from app.paths import default_data_dir
from app.services.case_list import CaseListQuery
from app.ui import first_run, i18n
from app.ui import settings as settings_decl
from app.ui.main_window import MainWindow, icon
from app.ui.settings_dialog import add_settings_action
from app.ui.tasks import TaskRunner

FIRST_SCREEN_ROWS = 80


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("售后哨兵")
    app.setOrganizationName(APP_NAME)
    app.setWindowIcon(icon("app"))
    return app


class Startup:
    """Builds the window, paints the first rows, then opens the services in the background."""

    def __init__(self, opts: Any, settings: Any = None, tasks: TaskRunner | None = None) -> None:
        from app.cli import make_clock

        self.opts = opts
        self.app = make_application()
        self.settings = settings or settings_decl.open_settings()
        self.translators = i18n.install(self.app, settings_decl.read(self.settings, settings_decl.LANGUAGE))
        self.clock = make_clock(opts, running=True)
        self.tz = datetime.now(UTC).astimezone().tzinfo or UTC
        self.tasks = tasks or TaskRunner(self.app)
        self.demo_dir: Path | None = None
        self.ctx: Any = None
        data_dir = opts.data_dir or default_data_dir()
        self.window = MainWindow(self.clock, self.settings, self.tasks, data_dir, self.tz)
        add_settings_action(self.window)
        db_path = data_dir / DB_FILE_NAME
        if not opts.demo and is_current(db_path):
            rows = CaseListQuery(db_path).first_screen(FIRST_SCREEN_ROWS)
            self.window.cases.set_rows(rows, complete=False)
        self.window.cases.start()

    def open_services(self) -> None:
        """Open the database services on the worker; the window attaches them when ready."""
        self.window.statusBar().showMessage(QCoreApplication.translate("Startup", "Opening the database…"))
        self.tasks.run(lambda _: self._open(), done=self._opened, failed=self._failed)

    def _open(self) -> Any:
        from app.cli import open_context
        from app.ui.window_services import WindowServices

        ctx, demo_dir = open_context(self.opts, running=True, clock=self.clock)
        self.demo_dir = demo_dir
        return WindowServices.of(ctx, self.tz)

    def _opened(self, services: Any) -> None:
        self.ctx = services.ctx
        self.window.statusBar().clearMessage()
        if self.demo_dir is not None:
            self.window.data_dir = self.demo_dir
            self.window.data_label.setText(
                QCoreApplication.translate("Startup", "Data: {0} (demo, removed on exit)").format(
                    self.demo_dir
                )
            )
        self.window.attach(services)

    def _failed(self, error: Exception, details: str) -> None:
        self.window.show_error(
            QCoreApplication.translate("Startup", "Cannot open the data folder"), str(error), details
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


def run_gui(opts: Any, minimized: bool = False) -> int:
    opts = first_run.prepare(opts)  # the data folder, after the welcome on a first start
    if opts is None:
        return 0
    start = Startup(opts)
    _quit_on_signals(start.app)
    if not minimized:
        start.window.show()
    QTimer.singleShot(0, start.open_services)
    try:
        return start.app.exec()
    finally:
        start.shutdown()
