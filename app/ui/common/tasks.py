"""The one background-work primitive: run a service call off the UI thread.

`TaskRunner.run(fn, done=..., failed=..., progress=...)` calls `fn(report)` on a
single worker thread (so database writes are serialised) and delivers the
result, the error or progress on the GUI thread. Widgets never create threads.
With `inline=True` (tests) the work runs at once on the calling thread.

The window has two lanes: `window.tasks`, the database lane (reads, writes, the alert
jobs: one worker, so writes never race), and `window.io`, the I/O lane (report and list
exports, backups), so a long export never holds up an action. `write(...)` publishes the
change set of what it changed. The failure policy is the same for every caller
(`failures.describe`): a bug is always logged with its traceback, whatever `failed` does
with it; without `failed`, the runner's `on_error` (the window's error dialog) shows it.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from app.ui.common.changes import ChangeHub, ChangeSet

log = logging.getLogger(__name__)

Report = Callable[[int, int, str], None]  # (done, total, message)
ErrorSink = Callable[[Exception, str], None]  # (error, traceback): the default `failed`


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object, str)
    progress = Signal(int, int, str)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[Report], Any], signals: _Signals) -> None:
        super().__init__()
        self._fn = fn
        self._signals = signals

    def run(self) -> None:
        try:
            result = self._fn(self._signals.progress.emit)
        except Exception as e:  # delivered to the caller's `failed`; never lost
            self._signals.failed.emit(e, traceback.format_exc())
        else:
            self._signals.finished.emit(result)


class TaskRunner(QObject):
    def __init__(
        self, parent: QObject | None = None, inline: bool = False, on_error: ErrorSink | None = None
    ) -> None:
        super().__init__(parent)
        self.inline = inline
        self.on_error = on_error
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._live: set[_Signals] = set()

    def run(
        self,
        fn: Callable[[Report], Any],
        done: Callable[[Any], None] | None = None,
        failed: Callable[[Exception, str], None] | None = None,
        progress: Callable[[int, int, str], None] | None = None,
    ) -> None:
        if self.inline:
            try:
                result = fn(progress or (lambda *_: None))
            except Exception as e:
                if failed is None and self.on_error is None:
                    raise
                self._fail(e, traceback.format_exc(), failed)
            else:
                if done is not None:
                    done(result)
            return
        signals = _Signals()
        self._live.add(signals)

        @Slot(object)
        def on_done(result: Any) -> None:
            self._live.discard(signals)
            if done is not None:
                done(result)

        @Slot(object, str)
        def on_failed(error: Exception, tb: str) -> None:
            self._live.discard(signals)
            self._fail(error, tb, failed)

        signals.finished.connect(on_done)
        signals.failed.connect(on_failed)
        if progress is not None:
            signals.progress.connect(progress)
        self._pool.start(_Job(fn, signals))

    def write(
        self,
        fn: Callable[[Report], Any],
        changes: ChangeHub,
        changed: Callable[[Any], ChangeSet],
        done: Callable[[Any], None] | None = None,
        failed: Callable[[Exception, str], None] | None = None,
        progress: Callable[[int, int, str], None] | None = None,
    ) -> None:
        """A write: on success publish `changed(result)` (the cases it touched) on `changes`,
        then call `done`; every screen redraws what changed, nothing more."""

        def published(result: Any) -> None:
            changes.publish(changed(result))
            if done is not None:
                done(result)

        self.run(fn, done=published, failed=failed, progress=progress)

    def _fail(self, error: Exception, tb: str, failed: Callable[[Exception, str], None] | None) -> None:
        from app.ui.common.failures import describe

        if not describe(error).expected:
            log.error("background task failed: %s\n%s", error, tb)
        handler = failed or self.on_error
        if handler is not None:
            handler(error, tb)

    def wait(self, msecs: int = 30000) -> bool:
        """Block until queued work finished (for shutdown)."""
        return self._pool.waitForDone(msecs)
