"""A real main window over a fresh data folder: inline TaskRunner, injected clock, temp settings;
`running`: the whole app (shell, fake tray) around it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QApplication

from app.bootstrap import AppContext
from app.services.clock import BEIJING, FixedClock
from app.ui.common import i18n, vocab
from app.ui.common.tasks import TaskRunner
from app.ui.shell.main_window import MainWindow
from tests.ui.fakes import FakeNotifier
from tests.ui.shell_fixtures import App, close_app, make_app


@pytest.fixture(autouse=True)
def english_locale(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Source strings (English), service messages in English and en_US number/date formats,
    whatever the machine's locale (a C locale would otherwise make `i18n.current()` Chinese)."""
    monkeypatch.setattr(i18n, "_installed", ["en"])
    QLocale.setDefault(QLocale("en_US"))
    vocab.reset()
    yield
    vocab.reset()


@pytest.fixture
def use_language(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    """Install the translators of a language for this test only (the chosen language included)."""
    monkeypatch.setattr(i18n, "_installed", list(i18n._installed))
    installed = []

    def use(language: str) -> None:
        installed.extend(i18n.install(qapp, language))
        vocab.reset()

    yield use
    i18n.uninstall(qapp, installed)
    QLocale.setDefault(QLocale("en_US"))
    vocab.reset()


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, ctx: AppContext, settings: QSettings, clock: FixedClock) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    w = MainWindow(clock, settings, TaskRunner(inline=True), ctx.data_dir, tz=BEIJING)
    qtbot.addWidget(w)
    w.attach(ctx)
    w.resize(1400, 800)
    w.show()
    yield w
    w.close()


@pytest.fixture
def tray() -> FakeNotifier:
    return FakeNotifier()


@pytest.fixture
def running(
    qapp: QApplication,
    qtbot: QtBot,
    ctx: AppContext,
    settings: QSettings,
    clock: FixedClock,
    tray: FakeNotifier,
) -> Iterator[App]:
    app = make_app(qapp, qtbot, ctx, settings, clock, tray)
    yield app
    qapp.processEvents()
    unexpected = [d.details.toPlainText() for d in app.errors]  # type: ignore[attr-defined]
    close_app(app, qapp)
    # The shell turns exceptions into dialogs: here they must still fail the test.
    assert not unexpected, unexpected[0]
