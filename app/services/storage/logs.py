"""Rotating log files in `<data dir>/logs/`, set up once by the CLI and by the window."""

from __future__ import annotations

import logging
import logging.handlers
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

_handler: logging.handlers.RotatingFileHandler | None = None


def setup_logging(data_dir: Path, level: int = logging.INFO) -> Path:
    """Send the root logger to `<data_dir>/logs/sentinel.log`. Calling it again for another
    folder moves the log there (tests and `--data-dir` switch folders within one process)."""
    global _handler
    path = data_dir / LOG_DIR_NAME / LOG_FILE_NAME
    root = logging.getLogger()
    if _handler is not None:
        if Path(_handler.baseFilename) == path.resolve():
            return path
        root.removeHandler(_handler)
        _handler.close()
        _handler = None
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
    )
    handler.setFormatter(BeijingFormatter(FORMAT))
    handler.setLevel(level)
    root.addHandler(handler)
    # Alembic lists its plugins at INFO on every upgrade: noise, not history.
    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    _handler = handler
    return path


def stop_logging() -> None:
    """Close the log file (end of a test, or before the data folder is moved)."""
    global _handler
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None
