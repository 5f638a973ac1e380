"""Issue 17 item 8: the window, locked out by an import (the CLI's, beside it), says so."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from app.services.clock import BEIJING
from app.services.importing.running import IMPORT_RUNNING, announced
from app.services.storage.messages import LOCKED
from app.ui.common.failures import describe
from app.ui.common.service_text import say


def test_the_window_says_an_import_is_running(tmp_path: Path) -> None:
    locked = sqlite3.OperationalError("database is locked")
    assert describe(locked, tmp_path).message == say(LOCKED())  # no import running: the old words
    started = datetime(2026, 11, 2, 9, 58, tzinfo=BEIJING)
    with announced(tmp_path, "售后单.xlsx", 150_000, started):
        failure = describe(locked, tmp_path)
    assert failure.expected
    assert failure.message == say(IMPORT_RUNNING(file="售后单.xlsx", rows=150_000, at=started))
    assert "售后单.xlsx" in failure.message and "150000" in failure.message
