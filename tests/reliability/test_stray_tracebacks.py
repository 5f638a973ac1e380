"""Issue 17, item 7: after a correct message, nothing more (no stray traceback).

- A full disk while an Excel file is written: "cannot write … No space left on device", and no
  `Exception ignored in: <function ZipFile.__del__>` when the half-written archive is collected.
- `python -m app case list | head -1`: no BrokenPipeError traceback.
"""

from __future__ import annotations

import errno
import gc
import io
import os
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.bootstrap import AppContext
from app.services.reports.metrics import Period
from app.services.reports.workbook import ReportError, ReportRequest

REPO = Path(__file__).resolve().parents[2]


class _FullFile(io.FileIO):
    """A file on a disk that fills up after a few kilobytes (and stays full)."""

    room = 4096

    def write(self, data: Any) -> int:
        if _FullFile.room <= 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        _FullFile.room -= len(data)
        return super().write(data)


class _IoOnAFullDisk:
    """`zipfile`'s view of `io`: its files are opened on the full disk."""

    def __getattr__(self, name: str) -> Any:
        return getattr(io, name)

    @staticmethod
    def open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if "w" in mode or "a" in mode or "+" in mode:
            return io.BufferedRandom(_FullFile(file, mode.replace("b", "").replace("+", "") + "+"))
        return open(file, mode, *args, **kwargs)


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    unraisable: list[Any] = []
    monkeypatch.setattr(zipfile, "io", _IoOnAFullDisk())
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    _FullFile.room = 4096
    return unraisable


def test_a_report_on_a_full_disk_says_so_and_nothing_after(
    ctx: AppContext, tmp_path: Path, full_disk: list[Any]
) -> None:
    request = ReportRequest(Period(date(2026, 11, 1), date(2026, 11, 30)))
    with pytest.raises(ReportError, match="No space left on device"):
        ctx.reports.export(request, tmp_path / "r.xlsx")
    gc.collect()
    assert [repr(u.exc_value) for u in full_disk] == []
    assert not list(tmp_path.glob("*.tmp"))


def test_a_case_list_export_on_a_full_disk_says_so_and_nothing_after(
    ctx: AppContext, tmp_path: Path, full_disk: list[Any]
) -> None:
    with pytest.raises(OSError, match="No space left on device"):
        ctx.exporter.export([], tmp_path / "cases.xlsx")
    gc.collect()
    assert [repr(u.exc_value) for u in full_disk] == []


@pytest.mark.skipif(sys.platform == "win32", reason="a shell pipe")
def test_a_closed_pipe_ends_the_command_quietly(tmp_path: Path) -> None:
    data = tmp_path / "data"
    # More output than a pipe holds (64 KB): the writer meets the closed pipe, whatever the timing.
    add = (
        "import sys\nfrom datetime import datetime, UTC\nfrom decimal import Decimal\nfrom pathlib import Path\n"
        "from app.bootstrap import AppContext\nfrom app.services.clock import FixedClock\n"
        "from app.models.enums import CaseType, Platform, Reason\nfrom app.services.cases.service import NewCase\n"
        "clock = FixedClock(datetime(2026, 11, 2, 2, tzinfo=UTC))\n"
        "ctx = AppContext.open(Path(sys.argv[1]), clock)\n"
        "with ctx.cases.batch() as b:\n"
        "    for i in range(2000):\n"
        "        b.add_case(NewCase(Platform.JD, CaseType.REFUND_ONLY, Reason.QUALITY, f'O{i}', f'A{i}',"
        " Decimal('1.00'), clock.now()))\n"
        "ctx.close()\n"
    )
    subprocess.run([sys.executable, "-c", add, str(data)], check=True, cwd=REPO, capture_output=True)
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    done = subprocess.run(
        f"{sys.executable} -m app --data-dir {data} case list | head -1",
        shell=True,
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
    )
    assert done.stdout.count("\n") == 1
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr, done.stderr
