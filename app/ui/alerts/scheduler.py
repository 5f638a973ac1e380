"""The Qt side of scheduling: APScheduler holds the next wake-up, jobs emit signals.

The database is the truth; the scheduler is a cache of it. One date job ("wake") sits at
the next instant anything must happen (`AlertService.next_wakeup`) and is re-planned after
every change, at start, every minute (safety net) and when the window's wall-clock ticker
(`app/ui/common/wall_clock.py`) reports a jump: the computer slept or the clock moved.
`misfire_grace_time=None` and `coalesce=True`: a job that fell due while the process was
suspended runs once on wake instead of being dropped. Jobs run on one worker thread and only emit signals; receivers live on the GUI
thread, so Qt queues the calls there. Tests call `wake`, `replan`, `catch_up` and the
ticker's `step` directly with a moved FixedClock: no sleeping, no real scheduler thread.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta

from apscheduler.executors.pool import BasePoolExecutor, ThreadPoolExecutor
from apscheduler.jobstores.base import JobLookupError
from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.schedulers.background import BackgroundScheduler

from PySide6.QtCore import QObject, Signal

from app.services.alerts.plan import SummaryReason
from app.services.alerts.service import AlertService, WakePlan, WakeResult
from app.services.clock import Clock
from app.ui.common.service_text import error_text
from app.ui.common.wall_clock import WallClockTicker

log = logging.getLogger(__name__)

SAFETY_NET_MINUTES = 1
WAKE_JOB = "wake"


def _wall_now() -> datetime:
    return datetime.now(UTC)


class _SharedPool(BasePoolExecutor):  # type: ignore[misc]  # APScheduler 3 ships no types
    """APScheduler's executor on a pool it does not own: shutting the scheduler down (at quit,
    or in a test) leaves the database lane running for the window's own last writes."""

    def __init__(self, pool: concurrent.futures.Executor) -> None:
        super().__init__(pool)

    def shutdown(self, wait: bool = True) -> None:
        pass


class AlertScheduler(QObject):
    alerts_due = Signal(object)  # Delivery: popups and/or one summary
    autos_applied = Signal(object)  # tuple[AppliedAuto, ...]: the case list should refresh these
    away_summary = Signal(object)  # Summary of the catch-up on a start after an earlier run
    planned = Signal(object)  # WakePlan after every re-plan
    job_failed = Signal(str)  # one line for the status bar; the traceback is logged

    def __init__(
        self,
        alerts: AlertService,
        clock: Clock,
        *,
        backup: Callable[[], object] | None = None,
        backup_at: time = time(12, 30),
        monthly_export: Callable[[], object] | None = None,
        wall: Callable[[], datetime] = _wall_now,
        ticker: WallClockTicker | None = None,
        pool: concurrent.futures.Executor | None = None,
        parent: QObject | None = None,
    ) -> None:
        """`ticker`: the window's wall-clock ticker, whose `jumped` re-plans (None: one of our own,
        started and stopped with the scheduler). `pool`: the one-thread pool the jobs run on (the
        window's database lane; None: one of its own)."""
        super().__init__(parent)
        self._alerts = alerts
        self._clock = clock
        self._backup = backup
        self._backup_at = backup_at
        self._monthly_export = monthly_export
        self._wall = wall
        self.next_plan: WakePlan | None = None
        self._own_ticker = ticker is None
        self.ticker = WallClockTicker(clock, parent=self) if ticker is None else ticker
        self.ticker.jumped.connect(self.clock_jumped)
        self._held = False  # pause() .. resume(): the database file is being replaced
        self._scheduler = BackgroundScheduler(
            jobstores={"default": MemoryJobStore()},
            # Jobs never overlap; on the database lane they never overlap the window's writes either.
            executors={"default": _SharedPool(pool) if pool is not None else ThreadPoolExecutor(max_workers=1)},
            job_defaults={"coalesce": True, "misfire_grace_time": None, "max_instances": 1},
        )
        # Held by every job that reads the database; pause() takes it to wait for a running one.
        self._jobs = threading.RLock()

    # ---- life cycle ---------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return bool(self._scheduler.running)

    def start(self) -> None:
        """Catch up at once (on the worker), then keep the wake-up job and the recurring jobs."""
        self._scheduler.start()
        self._scheduler.add_job(self.replan, "interval", minutes=SAFETY_NET_MINUTES, id="safety_net")
        if self._backup is not None:
            self._scheduler.add_job(
                self._run_hook,
                "cron",
                args=["daily backup", self._backup],
                hour=self._backup_at.hour,
                minute=self._backup_at.minute,
                id="daily_backup",
            )
        if self._monthly_export is not None:
            self._scheduler.add_job(
                self._run_hook,
                "cron",
                args=["monthly export", self._monthly_export],
                day=1,
                hour=9,
                minute=0,
                id="monthly_export",
            )
        self._scheduler.add_job(self.catch_up, id="catch_up")  # no trigger: runs now
        self.ticker.start()  # the window's one is running already: then this changes nothing

    def shutdown(self) -> None:
        if self._own_ticker:
            self.ticker.stop()
        if self.running:
            self._scheduler.shutdown(wait=True)

    def pause(self) -> None:
        """Hold every job (the database file is about to be replaced): no new one starts, and
        this returns once a running one has finished. Same thread as `resume`."""
        self._held = True  # a clock jump meanwhile: resume() re-plans anyway
        if self.running:
            self._scheduler.pause()
        self._jobs.acquire()

    def resume(self) -> None:
        self._jobs.release()
        self._held = False
        if self.running:
            self._scheduler.resume()
        self.request_replan()

    def job_ids(self) -> list[str]:
        return sorted(job.id for job in self._scheduler.get_jobs())

    # ---- re-planning ----------------------------------------------------------------------

    def request_replan(self) -> None:
        """After a change (any thread): re-plan on the worker, after whatever job is running."""
        if self.running:
            self._scheduler.add_job(self.replan, id="replan_now", replace_existing=True)
        else:
            self.replan()

    def replan(self) -> WakePlan:
        """Job: read the next instant from the database and move the wake-up job there."""
        try:
            with self._jobs:
                plan = self._alerts.next_wakeup()
        except Exception as e:
            self._failed("re-plan", e)
            raise
        self.next_plan = plan
        if self.running:
            if plan.instant is None:
                with contextlib.suppress(JobLookupError):
                    self._scheduler.remove_job(WAKE_JOB)
            else:
                # APScheduler counts in wall time; our clock may be offset (--now): keep the delay.
                delay = max(plan.instant - self._clock.now(), timedelta(0))
                # max_instances=2: wake() re-plans itself while it runs; the next wake-up may be
                # due at once and must queue (one worker) rather than be skipped as a duplicate.
                self._scheduler.add_job(
                    self.wake,
                    "date",
                    run_date=self._wall() + delay,
                    id=WAKE_JOB,
                    replace_existing=True,
                    max_instances=2,
                )
        self.planned.emit(plan)
        return plan

    # ---- jobs -------------------------------------------------------------------------------

    def wake(self) -> WakeResult | None:
        """Job: apply due auto-actions, deliver due alerts, plan the next wake-up."""
        try:
            with self._jobs:
                result = self._alerts.wake()
        except Exception as e:  # e.g. the database is locked: the safety net retries in a minute
            self._failed("wake-up", e)
            return None
        self._emit(result, away=False)
        self.replan()
        return result

    def catch_up(self) -> WakeResult | None:
        """Job at start: what fell due while the app was closed, summarised once."""
        try:
            with self._jobs:
                result = self._alerts.catch_up()
        except Exception as e:
            self._failed("catch-up", e)
            return None
        self._emit(result, away=True)
        self.replan()
        return result

    def _emit(self, result: WakeResult, away: bool) -> None:
        if result.applied:
            self.autos_applied.emit(result.applied)
        delivery = result.delivery
        if away and delivery.summary is not None and delivery.summary.reason is SummaryReason.AWAY:
            self.away_summary.emit(delivery.summary)
        elif delivery:
            self.alerts_due.emit(delivery)

    def _run_hook(self, name: str, hook: Callable[[], object]) -> None:
        try:
            hook()
        except Exception as e:
            self._failed(name, e)

    def _failed(self, what: str, error: Exception) -> None:
        log.exception("%s failed", what)
        self.job_failed.emit(self.tr("{0} failed: {1}").format(self._job_label(what), error_text(error)))

    def _job_label(self, what: str) -> str:
        """The job's name as the merchant reads it in the status bar."""
        return {
            "re-plan": self.tr("Planning the alerts"),
            "wake-up": self.tr("Checking the deadlines"),
            "catch-up": self.tr("Catching up on the deadlines"),
            "daily backup": self.tr("The daily backup"),
            "monthly export": self.tr("The monthly report export"),
        }.get(what, what)

    # ---- the wall-clock ticker ---------------------------------------------------------------

    def clock_jumped(self, _seconds: float) -> None:
        """The ticker saw a wall-clock gap (sleep/resume or a clock change): re-plan at once."""
        if not self._held:
            self.request_replan()
