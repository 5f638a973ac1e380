"""The whole app around one window (fixture `running`): the app shell with a fake tray, an inline
worker, a moved clock.

The scheduler's jobs are driven by the tests (`live_scheduler=False`), questions are answered by
a FakePrompter, and quitting is recorded instead of ending the test's event loop.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from pytestqt.qtbot import QtBot

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialog

from app.bootstrap import AppContext
from app.services.clock import BEIJING, FixedClock
from app.ui.alerts.center import AlertCenter
from app.ui.common.tasks import TaskRunner
from app.ui.shell.app_shell import AppShell
from app.ui.shell.main_window import MainWindow
from tests.ui.fakes import FakeNotifier, FakePrompter


@dataclass
class App:
    shell: AppShell
    window: MainWindow
    tray: FakeNotifier
    prompter: FakePrompter
    exits: list[int] = field(default_factory=list)
    errors: list[QDialog] = field(default_factory=list)  # error dialogs shown

    @property
    def center(self) -> AlertCenter:
        assert self.shell.center is not None
        return self.shell.center


def make_app(
    qapp: QApplication,
    qtbot: QtBot,
    ctx: AppContext,
    settings: QSettings,
    clock: FixedClock,
    tray: FakeNotifier,
    minimized: bool = False,
) -> App:
    window = MainWindow(clock, settings, TaskRunner(inline=True), ctx.data_dir, tz=BEIJING)
    qtbot.addWidget(window)
    window.resize(1400, 800)
    prompter = FakePrompter()
    exits: list[int] = []
    shell = AppShell(
        qapp,
        window,
        settings,
        notifier=tray,
        minimized=minimized,
        live_scheduler=False,
        prompter=prompter,
        exit_app=lambda: exits.append(0),
    )
    app = App(shell, window, tray, prompter, exits)
    shell.errors.shown.connect(app.errors.append)
    shell.show_window()
    window.attach(ctx)
    return app


def close_app(app: App, qapp: QApplication) -> None:
    app.shell.quitting = True
    app.shell.shutdown()
    app.window.close()
    qapp.setQuitOnLastWindowClosed(True)


def wake_at(app: App, clock: FixedClock, instant: datetime) -> None:
    """What APScheduler does at a planned instant, with the fake clock moved there."""
    clock.set(instant)
    app.center.scheduler.wake()
