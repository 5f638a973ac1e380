"""Qt calls that return void or emit must not drain None/True.

PySide6 6.12.0 on CPython 3.11 lowers None's reference count on every void call and True's
on every emit, so the interpreter aborts after enough of them (the countdown would kill the
window within hours); 6.8-6.11 do not. pyproject.toml keeps PySide6 below 6.12 for that.
"""

from __future__ import annotations

import sys
from datetime import timedelta

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel

from app.bootstrap import AppContext
from app.services.clock import FixedClock
from app.ui.shell.main_window import MainWindow
from tests.ui.helpers import add_cases, new_case


class _Source(QObject):
    happened = Signal(int)


def test_void_calls_and_emits_leave_none_and_true_alone(qapp) -> None:  # type: ignore[no-untyped-def]
    label, source = QLabel(), _Source()
    label.setText("warm")
    source.happened.emit(0)
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for i in range(2000):
        label.setText(str(i))
        source.happened.emit(i)
        label.setVisible(True)
    # Other code may hold a few more or fewer references; a leak per call would show thousands.
    assert abs(sys.getrefcount(None) - none_before) < 100
    assert abs(sys.getrefcount(True) - true_before) < 100


def test_an_hour_of_ticks_runs(window: MainWindow, ctx: AppContext, clock: FixedClock) -> None:
    """With PySide6 6.12.0, an hour of one-second ticks on a full screen aborted the interpreter."""
    now = clock.now()
    add_cases(window, ctx, *(new_case(f"T-{i}", now - timedelta(minutes=i)) for i in range(40)))
    for _ in range(3600):
        clock.advance(timedelta(seconds=1))
        window.cases.tick()
    assert window.cases.proxy.rowCount() == 40
