"""Rotating log files in `<data dir>/logs/`, set up once by the CLI and by the window."""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import os
import sys
from datetime import datetime
from pathlib import Path

from app.services.clock import BEIJING

LOG_DIR_NAME = "logs"
LOG_FILE_NAME = "sentinel.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5  # sentinel.log.1 … .5: about 6 MB of history at most
FORMAT = "%(asctime)s %(levelname)-7s %(name)s [%(threadName)s] %(message)s"


class BeijingFormatter(logging.Formatter):
    """Log times in Beijing time with their offset (`2026-11-02 10:00:00,123+0800`), on every
    machine: the times in a merchant's log read like the platform's and the app's."""

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:
        at = datetime.fromtimestamp(record.created, BEIJING)
        return at.strftime(datefmt) if datefmt else f"{at:%Y-%m-%d %H:%M:%S},{int(record.msecs):03d}{at:%z}"


class LogFile(logging.handlers.RotatingFileHandler):
    """The rotating log file. A write that fails after it opened (the disk filled, the folder
    became read-only) is said once, on stderr, and the file is left alone from then on: never
    the standard handler's `--- Logging error ---` traceback on every record."""

    failed = False

    def handleError(self, record: logging.LogRecord) -> None:
        if self.failed:
            return
        self.failed = True
        error = sys.exc_info()[1]
        with contextlib.suppress(OSError, ValueError, AttributeError):  # no stderr (a windowed app)
            sys.stderr.write(f"warning: logging stopped, cannot write {self.baseFilename}: {error}\n")
        logging.getLogger().removeHandler(self)


_handler: logging.Handler | None = None
_folder: Path | None = None  # the data folder `_handler` logs for


def _can_write(path: Path) -> bool:
    """Could the log file be opened for appending (without creating anything to find out)?"""
    if path.exists():
        return os.access(path, os.W_OK)
    return path.parent.is_dir() and os.access(path.parent, os.W_OK)


def setup_logging(data_dir: Path, level: int = logging.INFO, stderr_fallback: bool = False) -> Path | None:
    """Send the root logger to `<data_dir>/logs/sentinel.log`. Calling it again for another
    folder moves the log there (tests and `--data-dir` switch folders within one process).

    A folder where the log cannot be written (read-only) logs nowhere, or with
    `stderr_fallback` (the window) its warnings to stderr; it returns None. Decided here, once:
    no record ever fails on its way to a file that cannot be opened."""
    global _handler, _folder
    path = data_dir / LOG_DIR_NAME / LOG_FILE_NAME
    root = logging.getLogger()
    folder = data_dir.resolve()
    if _handler is not None:
        same_kind = isinstance(_handler, LogFile) == _can_write(path)  # (the folder became read-only)
        if _folder == folder and _handler in root.handlers and same_kind:
            return Path(_handler.baseFilename) if isinstance(_handler, LogFile) else None
        stop_logging()
    with contextlib.suppress(OSError):  # (a read-only folder: _can_write says no)
        path.parent.mkdir(parents=True, exist_ok=True)
    handler: logging.Handler
    opened: Path | None = path
    if _can_write(path):
        handler = LogFile(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True)
        handler.setLevel(level)
    elif stderr_fallback:
        handler = logging.StreamHandler(sys.stderr)
        handler.setLevel(logging.WARNING)
        opened = None
    else:
        handler = logging.NullHandler()  # (and not Python's last resort, which prints warnings)
        opened = None
    handler.setFormatter(BeijingFormatter(FORMAT))
    root.addHandler(handler)
    # Alembic lists its plugins at INFO on every upgrade: noise, not history.
    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    _handler = handler
    _folder = folder
    return opened


def stop_logging() -> None:
    """Close the log file (end of a test, or before the data folder is moved)."""
    global _handler, _folder
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None
        _folder = None
