"""Shared fixtures: a fresh data folder per test and an injectable clock (never sleep)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.bootstrap import AppContext
from app.services.clock import BEIJING, FixedClock

T0 = datetime(2026, 11, 2, 10, 0, 0, tzinfo=BEIJING)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(T0)


@pytest.fixture
def ctx(tmp_path: Path, clock: FixedClock) -> Iterator[AppContext]:
    context = AppContext.open(tmp_path / "data", clock)
    yield context
    context.close()
