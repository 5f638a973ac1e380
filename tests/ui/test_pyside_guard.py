"""Qt calls that return void or emit must not drain None/True (PySide6 6.12 on CPython 3.11)."""

from __future__ import annotations

import sys
from datetime import timedelta

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel

from app.services.clock import FixedClock
from app.services.context import AppContext
from app.ui.main_window import MainWindow
from app.ui.pyside_guard import UNDRAINABLE
from tests.ui.helpers import add_cases, new_case


class _Source(QObject):
    happened = Signal(int)


def test_void_calls_and_emits_cannot_free_none_or_true(qapp) -> None:  # type: ignore[no-untyped-def]
    label, source = QLabel(), _Source()
    for i in range(5000):
        label.setText(str(i))
        source.happened.emit(i)
    if sys.version_info < (3, 12):
        assert sys.getrefcount(None) > UNDRAINABLE // 2 and sys.getrefcount(True) > UNDRAINABLE // 2


def test_an_hour_of_ticks_runs(window: MainWindow, ctx: AppContext, clock: FixedClock) -> None:
    """Before the guard, an hour of one-second ticks on a full screen aborted the interpreter."""
    now = clock.now()
    add_cases(window, ctx, *(new_case(f"T-{i}", now - timedelta(minutes=i)) for i in range(40)))
    for _ in range(3600):
        clock.advance(timedelta(seconds=1))
        window.cases.tick()
    assert window.cases.proxy.rowCount() == 40
