"""Issue 17, item 6, the window: a read-only data folder opens with a banner saying so, writes
are not offered or refused with "the data folder is read-only", nothing runs that would write;
a start that cannot go on shows its error in a dialog, not only on stderr."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from app.bootstrap import AppContext, Options
from app.models.schema_version import DB_FILE_NAME
from app.services.clock import FixedClock
from app.services.storage.logs import stop_logging
from app.ui.common.failures import describe
from app.ui.common.tasks import TaskRunner
from app.ui.shell import main as shell_main
from app.ui.shell.main import Startup
from app.ui.shell.single_instance import SingleInstance
from tests.reliability.read_only_folder import make_read_only
from tests.ui.helpers import new_case

__all__ = ["make_read_only"]


def folder_with_cases(tmp_path: Path, clock: FixedClock) -> Path:
    data = tmp_path / "data"
    ctx = AppContext.open(data, clock)
    for i in range(3):
        ctx.cases.add_case(new_case(f"R-{i}", clock.now()))
    ctx.close()
    stop_logging()
    for side in ("-wal", "-shm"):
        (data / (DB_FILE_NAME + side)).unlink(missing_ok=True)
    return data


def test_the_window_opens_a_read_only_folder_with_a_banner_and_refuses_writes(
    qtbot, tmp_path: Path, clock: FixedClock, make_read_only
) -> None:  # type: ignore[no-untyped-def]
    data = folder_with_cases(tmp_path, clock)
    make_read_only(data)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("ui/language", "en")
    start = Startup(Options(data, clock.now(), False), settings, TaskRunner(inline=True))
    qtbot.addWidget(start.window)
    start.open_services()
    window = start.window
    assert start.ctx is not None and start.ctx.read_only
    assert window.cases.model.rowCount() == 3
    banner = window.read_only_banner
    assert "read-only" in banner.text() and str(data) in banner.text()
    assert not window.new_case_action.isEnabled()
    with pytest.raises(Exception) as refused:
        start.ctx.cases.add_case(new_case("R-new", clock.now()))
    assert describe(refused.value).message.startswith("the data folder is read-only:")
    window.close()
    start.shutdown()


def test_one_window_per_read_only_folder_without_a_lock_file_in_it(
    qtbot, tmp_path: Path, clock: FixedClock, make_read_only
) -> None:  # type: ignore[no-untyped-def]
    data = folder_with_cases(tmp_path, clock)
    make_read_only(data)
    first = SingleInstance(data)
    assert first.acquire() and first.failure == ""
    second = SingleInstance(data)
    assert not second.acquire() and second.failure == ""  # the first one was asked to come forward
    first.release()


def test_a_start_that_cannot_go_on_shows_its_error_in_a_dialog(
    qapp, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    shown: list[tuple[Any, ...]] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: shown.append(a))
    shell_main.fatal_error("cannot create the lock file in /x (PermissionError)")
    assert shown and shown[0][2] == "cannot create the lock file in /x (PermissionError)"
    assert "error: cannot create the lock file" in capsys.readouterr().err
