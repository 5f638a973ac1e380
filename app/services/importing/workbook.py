"""Read the first sheet of a workbook (.xlsx, .xlsm, .xls) through python-calamine.

calamine (Rust) reads a 50,000-row export about ten times faster than openpyxl's
read-only reader (bench/importer.py prints both). It loads a sheet as one dense
rectangle, from its top-left to its bottom-right filled cell, and a Rust allocation
that fails aborts the whole process — no exception, no message. So an .xlsx is
checked first (workbook_guard.py): a sheet whose filled cells span more than
MAX_CELLS, or whose parts unpack to more than their share, is refused with a
message before calamine sees it.
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from app.services.importing.parsing import Cell
from app.services.importing.progress import READ_STEP, READING, Progress
from app.services.importing.sheets import ImportFileError, RawSheet
from app.services.importing.workbook_guard import NOT_A_WORKBOOK, check_workbook
from app.services.text.messages import Template

log = logging.getLogger(__name__)

NO_SHEET = Template(en="{name} has no sheet", zh="{name} 中没有工作表")

# What calamine gives that our cells do not hold: read as the text Excel shows.
_ODD = (bool, time, timedelta)
_PLAIN = frozenset({str, float, int, datetime, date, type(None)})


def _odd(value: object) -> Cell:
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"  # parse_money would take True for 1
    return str(value)


def read_workbook(path: Path, kind: str, progress: Progress | None = None) -> RawSheet:
    """Every non-empty row of the first worksheet, numbered as Excel numbers them.

    `kind` is "xlsx" or "xls" (from the file's first bytes, not its name). ImportFileError
    for a file calamine cannot read or that would not fit in memory.
    """
    check_workbook(path, kind)
    from python_calamine import CalamineWorkbook, SheetTypeEnum

    try:
        with _panic_output_kept_back():
            return _read(path, kind, progress, CalamineWorkbook, SheetTypeEnum)
    except ImportFileError:
        raise
    except BaseException as e:  # calamine's errors, and a Rust panic (pyo3's PanicException is a BaseException)
        if isinstance(e, KeyboardInterrupt | SystemExit | MemoryError):
            raise
        raise ImportFileError(NOT_A_WORKBOOK(name=path.name, error=_short(e))) from None


@contextmanager
def _panic_output_kept_back() -> Iterator[None]:
    """A damaged cell can make calamine panic (a duration out of chrono's range, seen by the fuzz
    test); pyo3 turns the panic into an exception we report, but Rust's panic hook first writes
    the panic and a backtrace to file descriptor 2, after which the CLI's one-line message is
    no longer one line. So fd 2 goes to a temporary file while calamine works: what was written
    there is logged on a panic and passed on to the real stderr otherwise."""
    try:
        saved = os.dup(2)
    except OSError:  # no stderr at all (a windowed app on Windows)
        yield
        return
    panicked = False
    with tempfile.TemporaryFile() as held:
        os.dup2(held.fileno(), 2)
        try:
            yield
        except BaseException as e:
            panicked = type(e).__name__ == "PanicException"
            raise
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            held.seek(0)
            written = held.read()
            if panicked:
                log.info("calamine panicked: %s", written.decode("utf-8", "replace")[:2000])
            elif written:
                os.write(2, written)


def _read(path: Path, kind: str, progress: Progress | None, workbook: Any, worksheet: Any) -> RawSheet:
    wb = workbook.from_path(str(path))
    try:
        index = next((i for i, m in enumerate(wb.sheets_metadata) if m.typ == worksheet.WorkSheet), None)
        if index is None:
            raise ImportFileError(NO_SHEET(name=path.name))
        sheet = wb.get_sheet_by_index(index)
        first = sheet.start[0] + 1 if sheet.start else 1
        total = sheet.height
        rows: list[tuple[int, list[Cell]]] = []
        for i, raw in enumerate(sheet.iter_rows()):
            while raw and (raw[-1] == "" or raw[-1] is None):
                raw.pop()
            if raw:
                cells: list[Any] = [None if c == "" else c for c in raw]
                if not _PLAIN.issuperset(map(type, cells)):  # 5× faster than isinstance per cell
                    cells = [_odd(c) if isinstance(c, _ODD) else c for c in cells]
                rows.append((first + i, cells))
            if progress is not None and (i + 1) % READ_STEP == 0:
                progress(i + 1, total, READING)
    finally:
        wb.close()
    return RawSheet(path.name, kind, None, rows)


def _short(error: BaseException) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return text[:200]


__all__ = ["NOT_A_WORKBOOK", "read_workbook"]
