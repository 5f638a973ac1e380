"""Emitting from Python must not eat references to True (PySide6 6.12 returns it unowned)."""

from __future__ import annotations

import sys
from datetime import timedelta

from PySide6.QtCore import QObject, Signal

from app.services.clock import FixedClock
from app.services.context import AppContext
from app.ui.main_window import MainWindow
from app.ui.signals import emit
from tests.ui.helpers import add_cases, new_case


class _Source(QObject):
    happened = Signal(int)


def test_emit_keeps_the_reference_count_of_true(qapp) -> None:  # type: ignore[no-untyped-def]
    source = _Source()
    before = sys.getrefcount(True)
    for i in range(2000):
        emit(source.happened, i)
    assert abs(sys.getrefcount(True) - before) < 50


def test_a_minute_of_ticks_keeps_it_too(window: MainWindow, ctx: AppContext, clock: FixedClock) -> None:
    now = clock.now()
    add_cases(window, ctx, *(new_case(f"T-{i}", now - timedelta(minutes=i)) for i in range(40)))
    before = sys.getrefcount(True)
    for _ in range(60):
        clock.advance(timedelta(seconds=1))
        window.cases.tick()
    assert abs(sys.getrefcount(True) - before) < 50
