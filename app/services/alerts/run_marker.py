"""When the app last ran its alerts on a data folder: a start without one has no 'away' period.

A small text file next to the database (`last_run`, one ISO 8601 UTC instant). The window's
catch-up reads it to tell a start after an earlier run (summarise what happened meanwhile)
from a first start (a new folder, a fresh `--demo`): nothing happened "while you were away".
The marker is a hint, never the truth: a missing or unreadable file means "no earlier run",
and failing to write it only costs one away summary on the next start.
"""

from __future__ import annotations

import logging
import os
from datetime import UTC, datetime
from pathlib import Path

log = logging.getLogger(__name__)

FILE_NAME = "last_run"


class RunMarker:
    def __init__(self, path: Path) -> None:
        self.path = path

    def read(self) -> datetime | None:
        try:
            text = self.path.read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        except OSError as e:
            log.warning("cannot read %s: %s", self.path, e)
            return None
        try:
            at = datetime.fromisoformat(text)
        except ValueError:
            log.warning("%s holds %r, not a time: treated as a first start", self.path, text[:40])
            return None
        return at.astimezone(UTC) if at.tzinfo is not None else None

    def write(self, at: datetime) -> None:
        """Replace the marker atomically (a crash never leaves half a time behind)."""
        if at.tzinfo is None:
            raise ValueError("the last run must be an aware time")
        tmp = self.path.with_name(self.path.name + ".tmp")
        try:
            tmp.write_text(at.astimezone(UTC).isoformat(), encoding="utf-8")
            os.replace(tmp, self.path)
        except OSError as e:  # e.g. the disk is full: the alerts themselves must go on
            log.warning("cannot record the last run in %s: %s", self.path, e)
