"""While an import writes, a note in the data folder says so.

Another writer that finds the database locked (a `case add` from the command line beside the
window's import, or the other way round) then reads the note and says "an import is running"
instead of "locked by another program: close the other copy of the app" — which sent the
merchant to look for a program that did not exist.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from app.services.text.messages import Template

MARKER = "import-running.json"
# Where a process cannot be asked whether it still runs (Windows), a note this old is stale.
STALE_AFTER = timedelta(hours=6)

IMPORT_RUNNING = Template(
    en="an import is running ({file}, {rows} rows, started {at}): try again when it has finished",
    zh="正在导入（{file}，{rows} 行，{at} 开始）：请等导入完成后重试",
)


@dataclass(frozen=True)
class RunningImport:
    file: str
    rows: int
    started_at: datetime
    pid: int


@contextmanager
def announced(folder: Path | None, file: str, rows: int, now: datetime) -> Iterator[None]:
    """The note exists while the body runs (an import's write); a note that cannot be written is
    no reason to refuse the import."""
    path = folder / MARKER if folder is not None else None
    if path is not None:
        note = {"file": file, "rows": rows, "started_at": now.isoformat(), "pid": os.getpid()}
        try:
            path.write_text(json.dumps(note, ensure_ascii=False), encoding="utf-8")
        except OSError:
            path = None
    try:
        yield
    finally:
        if path is not None:
            path.unlink(missing_ok=True)


def running_import(folder: Path, now: datetime) -> RunningImport | None:
    """The import whose note is in `folder`, if its process still runs."""
    try:
        note = json.loads((folder / MARKER).read_text(encoding="utf-8"))
        running = RunningImport(
            str(note["file"]), int(note["rows"]), datetime.fromisoformat(note["started_at"]), int(note["pid"])
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if sys.platform == "win32":  # os.kill(pid, 0) would send Ctrl+C there
        return running if now - running.started_at < STALE_AFTER else None
    try:
        os.kill(running.pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        pass  # alive, someone else's
    return running


__all__ = ["IMPORT_RUNNING", "MARKER", "RunningImport", "announced", "running_import"]
