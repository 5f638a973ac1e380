"""The monthly auto-export: last month's report into the folder the merchant chose.

The folder is the truth: a month is due when its file is not there, whatever ran before
(a missed 1st, a crash, a restart). An existing file is never replaced: the merchant may
have edited it or sent it on. `plan_export` is pure; `MonthlyExportService.run` writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.services.clock import Clock
from app.services.reports.metrics import Period, period_preset
from app.services.reports.workbook import Progress, ReportError, ReportRequest, ReportResult, ReportService

FILE_PREFIX = "售后报表"


def file_name(month: str) -> str:
    """'2026-10' → '售后报表-2026-10.xlsx' (the same name whatever the UI language, so a
    language switch never exports the same month twice)."""
    return f"{FILE_PREFIX}-{month}.xlsx"


@dataclass(frozen=True)
class ExportPlan:
    month: str  # 'YYYY-MM', Beijing time
    period: Period
    path: Path
    already_there: bool

    @property
    def due(self) -> bool:
        return not self.already_there


def plan_export(folder: Path, now: datetime) -> ExportPlan:
    """The month before `now` (Beijing time), its file in `folder`, and whether it exists."""
    period = period_preset("last_month", now)
    month = period.months()[0]
    path = folder / file_name(month)
    return ExportPlan(month, period, path, path.exists())


@dataclass(frozen=True)
class ExportOutcome:
    plan: ExportPlan
    result: ReportResult | None  # None: skipped, the file was already there

    @property
    def written(self) -> bool:
        return self.result is not None


class MonthlyExportService:
    def __init__(self, reports: ReportService, clock: Clock) -> None:
        self._reports = reports
        self._clock = clock

    def plan(self, folder: Path) -> ExportPlan:
        return plan_export(folder, self._clock.now())

    def run(self, folder: Path, lang: str = "zh", progress: Progress | None = None) -> ExportOutcome:
        """Write last month's report unless its file exists (every shop, contacts masked)."""
        plan = self.plan(folder)
        if plan.already_there:
            return ExportOutcome(plan, None)
        if not folder.is_dir():
            raise ReportError(f"the monthly export folder does not exist: {folder}")
        result = self._reports.export(ReportRequest(plan.period, None, False, lang), plan.path, progress)
        return ExportOutcome(plan, result)
