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

import concurrent.futures
import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from app.ui.common.changes import ChangeHub, ChangeSet

log = logging.getLogger(__name__)

Report = Callable[[int, int, str], None]  # (done, total, message)
ErrorSink = Callable[[Exception, str], None]  # (error, traceback): the default `failed`


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object, str)
    progress = Signal(int, int, str)


def _job(fn: Callable[[Report], Any], signals: _Signals) -> Callable[[], None]:
    def run() -> None:
        try:
            result = fn(signals.progress.emit)
        except Exception as e:  # delivered to the caller's `failed`; never lost
            signals.failed.emit(e, traceback.format_exc())
        else:
            signals.finished.emit(result)

    return run


class Lane:
    """One worker thread: what is submitted runs one at a time, in order. The database lane is
    shared by the window's reads and writes and the scheduler's jobs (APScheduler runs its jobs
    on `pool`), so an auto-action never waits on a merchant's write, or the other way round."""

    def __init__(self, name: str) -> None:
        self.pool = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self._pending: set[concurrent.futures.Future[Any]] = set()
        self._lock = threading.Lock()

    def submit(self, fn: Callable[[], None]) -> None:
        future = self.pool.submit(fn)
        with self._lock:
            self._pending.add(future)
        future.add_done_callback(self._finished)

    def _finished(self, future: concurrent.futures.Future[Any]) -> None:
        with self._lock:
            self._pending.discard(future)

    def wait(self, seconds: float) -> bool:
        """Block until what was submitted so far has run (shutdown, restore); False on time-out."""
        with self._lock:
            pending = list(self._pending)
        _, not_done = concurrent.futures.wait(pending, timeout=seconds)
        return not not_done


class TaskRunner(QObject):
    def __init__(
        self,
        parent: QObject | None = None,
        inline: bool = False,
        on_error: ErrorSink | None = None,
        lane: Lane | None = None,
    ) -> None:
        """`lane`: the worker thread to run on (default: one of its own)."""
        super().__init__(parent)
        self.inline = inline
        self.on_error = on_error
        self.lane = lane or Lane("lane")
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
        self.lane.submit(_job(fn, signals))

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
        return self.lane.wait(msecs / 1000)
