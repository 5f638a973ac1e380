"""Unexpected exceptions in the UI: logged, shown with "copy details", and the app keeps running."""

from __future__ import annotations

import logging
import sqlite3
import sys
import threading

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication

from app.ui.common.error_dialog import ErrorDialog, ExceptionHandler


def raise_and_handle(handler: ExceptionHandler, exc: BaseException) -> None:
    try:
        raise exc
    except BaseException as e:
        handler.handle(type(e), e, e.__traceback__)


def test_a_bug_is_logged_and_shown_with_copyable_details(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    handler = ExceptionHandler()
    with caplog.at_level(logging.ERROR), qtbot.waitSignal(handler.shown, timeout=3000) as shown:
        raise_and_handle(handler, ValueError("cannot parse 'x'"))
    dialog = shown.args[0]
    assert isinstance(dialog, ErrorDialog)
    assert dialog.isVisible()
    assert "unexpected error" in dialog.summary.text()
    assert "ValueError: cannot parse 'x'" in dialog.details.toPlainText()
    dialog.copy_button.click()
    assert "Traceback" in QGuiApplication.clipboard().text()
    assert any("cannot parse" in r.getMessage() and r.levelno == logging.ERROR for r in caplog.records)
    dialog.close()


def test_a_known_failure_shows_its_one_line_message(qtbot: QtBot) -> None:
    handler = ExceptionHandler()
    with qtbot.waitSignal(handler.shown, timeout=3000) as shown:
        raise_and_handle(handler, sqlite3.OperationalError("database or disk is full"))
    dialog = shown.args[0]
    assert dialog.summary.text().startswith("disk full: free space and retry")
    dialog.close()


def test_exceptions_in_slots_and_threads_reach_the_dialog_and_the_app_keeps_running(qtbot: QtBot) -> None:
    handler = ExceptionHandler()
    handler.install()
    try:
        assert sys.excepthook == handler.handle

        def slot() -> None:
            raise RuntimeError("boom in a slot")

        with qtbot.waitSignal(handler.shown, timeout=3000) as shown:
            QTimer.singleShot(0, slot)
        dialog = shown.args[0]
        assert "boom in a slot" in dialog.details.toPlainText()

        def worker() -> None:
            raise RuntimeError("boom in a thread")

        thread = threading.Thread(target=worker)
        thread.start()
        thread.join()
        # A second error while the dialog is open is added to it, not stacked in a new window.
        qtbot.waitUntil(lambda: "boom in a thread" in dialog.details.toPlainText(), timeout=3000)

        ticked: list[int] = []
        QTimer.singleShot(0, lambda: ticked.append(1))
        qtbot.waitUntil(lambda: ticked == [1], timeout=3000)  # the event loop still runs
        dialog.close()
    finally:
        handler.uninstall()
    assert sys.excepthook != handler.handle
