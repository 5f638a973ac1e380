"""Saving an openpyxl workbook so that a failed save leaves nothing behind to complain.

`Workbook.save` opens a `ZipFile` and, when a write fails (the disk is full), leaves it open:
when it is collected, `ZipFile.__del__` tries to finish the archive on the same full disk and
Python prints "Exception ignored in: <function ZipFile.__del__>" with a traceback, after the
merchant was already told "cannot write …: No space left on device". Here the archive is
closed on failure (its errors swallowed: the first one is the one to tell) before re-raising.
"""

from __future__ import annotations

import contextlib
import datetime
from pathlib import Path
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl.workbook import Workbook
from openpyxl.writer.excel import ExcelWriter


def save_workbook(wb: Workbook, path: Path) -> None:
    """`wb.save(path)`, but a failure closes the half-written archive at once."""
    archive = ZipFile(path, "w", ZIP_DEFLATED, allowZip64=True)
    try:
        wb.properties.modified = datetime.datetime.now(tz=datetime.UTC).replace(tzinfo=None)
        ExcelWriter(wb, archive).save()  # (closes the archive when it succeeds)
    except BaseException:
        with contextlib.suppress(OSError, ValueError):
            archive.close()  # sets its file to None whatever happens: __del__ has nothing left to do
        raise
