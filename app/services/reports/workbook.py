"""The Excel report an accountant can audit: one pass over the cases, write-only openpyxl.

The cases stream once from the metrics service: each case's row goes to 明细,
its timeline to 时间线, its ledger into the accumulator. The summary sheets are
filled at the end (write-only sheets each stream to their own temp file, so
the sheet order is fixed up front). The file is written under a temp name in
the target folder and renamed, so a crash never leaves half a workbook.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from app.services.clock import Clock
from app.services.errors import InvalidInput
from app.services.reports.case_figures import CaseFigures, EventRecord, money
from app.services.reports.cells import (
    EXCEL_MAX_ROWS,
    CellMaker,
    Styles,
    make_styles,
    print_header_rows,
    set_widths,
    table_ref,
)
from app.services.reports.desk_figures import DeskReport
from app.services.reports.desk_sheets import write_callbacks, write_handlers, write_targets
from app.services.reports.formulas import CaseSheets
from app.services.reports.labels import (
    CASE_COLUMNS,
    CASE_TAIL_COLUMNS,
    EVENT_COLUMNS,
    sheet_name,
    t,
    vocab,
)
from app.services.reports.metric_defs import DEF, LEDGER_KEYS, MONEY_KEYS
from app.services.reports.metrics import MetricsAccumulator, MetricsReport, MetricsService, Period, shops_text
from app.services.reports.order_counts import ShopRef
from app.services.reports.order_sheet import plan_orders, write_orders
from app.services.reports.saving import save_workbook
from app.services.reports.sheets import write_definitions, write_money, write_monthly, write_skus
from app.services.reports.summary_sheet import write_summary
from app.services.text.pii import mask_address, mask_phone

Progress = Callable[[int, int, str], None]
PROGRESS_EVERY = 1000


class ReportError(InvalidInput):
    """The report could not be written (a message the merchant can act on)."""


@dataclass(frozen=True)
class ReportRequest:
    period: Period
    shops: tuple[ShopRef, ...] | None = None  # None: every shop
    show_pii: bool = False
    lang: str = "zh"


@dataclass(frozen=True)
class ReportResult:
    path: Path
    report: MetricsReport
    case_rows: int
    event_rows: int


def case_headers(lang: str) -> list[str]:
    i = 2 if lang == "en" else 1
    return (
        [str(c[i]) for c in CASE_COLUMNS]
        + [DEF[k].name(lang) for k in LEDGER_KEYS]
        + [str(c[i]) for c in CASE_TAIL_COLUMNS]
    )


def case_column_numbers() -> dict[str, int]:
    """明细's columns (1-based) by key: CASE_COLUMNS, the ledger keys, CASE_TAIL_COLUMNS."""
    keys = [c[0] for c in CASE_COLUMNS] + list(LEDGER_KEYS) + [c[0] for c in CASE_TAIL_COLUMNS]
    return {k: i for i, k in enumerate(keys, 1)}


class _Stream:
    """A write-only sheet that continues on a new sheet at Excel's row limit."""

    def __init__(
        self, wb: Workbook, title: str, headers: list[str], widths: list[float], styles: Styles
    ) -> None:
        self._wb, self._title, self._headers, self._widths, self._styles = wb, title, headers, widths, styles
        self.parts = 0
        self.rows = 0
        self.part_rows: list[tuple[str, int]] = []  # (sheet title, last row) of each part, for formulas
        self._new_sheet()

    def _new_sheet(self) -> None:
        self.parts += 1
        title = self._title if self.parts == 1 else f"{self._title} {self.parts}"
        self.ws: WriteOnlyWorksheet = self._wb.create_sheet(title)
        self.part_rows.append((title, 1))
        self.cells = CellMaker(self.ws, self._styles)
        set_widths(self.ws, self._widths)
        self.ws.freeze_panes = "A2"
        print_header_rows(self.ws)
        self.ws.append(self.cells.header(self._headers))
        self._in_sheet = 1

    def append(self, row: list[Any]) -> None:
        if self._in_sheet >= EXCEL_MAX_ROWS:
            self._close_filter()
            self._new_sheet()
        self.ws.append(row)
        self._in_sheet += 1
        self.rows += 1

    def _close_filter(self) -> None:
        self.part_rows[-1] = (self.part_rows[-1][0], self._in_sheet)
        self.ws.auto_filter.ref = table_ref(1, self._in_sheet, len(self._headers))

    def finish(self) -> None:
        self._close_filter()


class ReportService:
    def __init__(
        self, metrics: MetricsService, clock: Clock, app_version: str, desk: DeskReport | None = None
    ) -> None:
        self.metrics = metrics
        self._clock = clock
        self._version = app_version
        self.desk = desk  # the service desk's sheets (服务目标, 回访, 处理人); None: left out

    def preview(self, period: Period, shops: tuple[ShopRef, ...] | None = None) -> MetricsReport:
        return self.metrics.compute(period, shops)

    def export(self, request: ReportRequest, path: Path, progress: Progress | None = None) -> ReportResult:
        report = progress or (lambda *_: None)
        path = Path(path)
        if path.suffix.lower() != ".xlsx":
            raise ReportError(f"the report is an Excel file: name it *.xlsx, not {path.name}")
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            tmp.write_bytes(b"")  # fail now, not after minutes of work, if the folder is not writable
        except OSError as e:
            raise ReportError(f"cannot write to {path.parent}: {e.strerror or e}") from None
        try:
            result = self._write(request, path, tmp, report)
            os.replace(tmp, path)
        except OSError as e:
            raise ReportError(f"cannot write {path}: {e.strerror or e}") from None
        finally:
            if tmp.exists():
                tmp.unlink()
        report(1, 1, "done")
        return result

    def _write(self, request: ReportRequest, path: Path, tmp: Path, report: Progress) -> ReportResult:
        wb = Workbook(write_only=True)
        try:
            result, case_rows, event_rows = self._fill(wb, request, report)
            save_workbook(wb, tmp)
        except BaseException:
            _discard(wb)
            raise
        return ReportResult(path, result, case_rows, event_rows)

    def _fill(self, wb: Workbook, request: ReportRequest, report: Progress) -> tuple[MetricsReport, int, int]:
        lang = request.lang
        total = self.metrics.count(request.period, request.shops)
        report(0, total, "")
        first = wb.create_sheet(sheet_name("summary", lang))
        styles = make_styles(first)
        sheets = {"summary": first}
        desk_keys = ("targets", "callbacks", "handlers") if self.desk is not None else ()
        for key in ("money", "skus", "monthly", "orders", *desk_keys):
            sheets[key] = wb.create_sheet(sheet_name(key, lang))
        ci = 2 if lang == "en" else 1
        case_widths = (
            [c[3] for c in CASE_COLUMNS]
            + [12.0 if k in MONEY_KEYS else 9.0 for k in LEDGER_KEYS]
            + [c[3] for c in CASE_TAIL_COLUMNS]
        )
        cases = _Stream(wb, sheet_name("cases", lang), case_headers(lang), case_widths, styles)
        events = _Stream(
            wb,
            sheet_name("events", lang),
            [str(c[ci]) for c in EVENT_COLUMNS],
            [c[3] for c in EVENT_COLUMNS],
            styles,
        )
        sheets["definitions"] = wb.create_sheet(sheet_name("definitions", lang))

        labels: dict[tuple[str, str, str | None, str], _Labels] = {}  # a few dozen distinct steps
        acc = MetricsAccumulator(request.period)
        start, end = request.period.start, request.period.end
        for i, (figures, timeline) in enumerate(self.metrics.iter_figures(request.period, request.shops), 1):
            acc.add(figures)
            cases.append(_case_row(figures, cases.cells, lang, request.show_pii))
            no = figures.case.aftersale_no
            safe_no = events.cells.text(no)
            for ev in timeline:
                if not isinstance(safe_no, str | None):  # a cell object is written once: a new one per row
                    safe_no = events.cells.text(no)
                step = (ev.actor, ev.action, ev.from_stage, ev.to_stage)
                named = labels.get(step)
                if named is None:
                    named = labels[step] = _event_labels(ev, lang)
                events.append(_event_row(figures, safe_no, named, ev, events.cells, lang, start, end))
            if i % PROGRESS_EVERY == 0:
                report(i, total, "")
        cases.finish()
        events.finish()
        result = self.metrics.finish(acc, request.shops)
        report(total, total, "summary")
        # 环比: the same figures for the period before (a second pass, over that period's cases only)
        previous = self.metrics.compute(request.period.previous(), request.shops)

        meta = {
            "period": request.period.label,
            "shops": shops_text(request.shops, lang),
            "generated": self._clock.now(),
            "version": self._version,
            "pii": t("pii_shown" if request.show_pii else "pii_masked", lang),
        }
        at = CaseSheets(cases.part_rows, case_column_numbers())
        orders = plan_orders(result.order_inputs, lang)
        write_summary(sheets["summary"], styles, result, lang, meta, at, orders, previous)
        write_money(sheets["money"], styles, result, lang, at)
        write_skus(sheets["skus"], styles, result, lang)
        write_monthly(sheets["monthly"], styles, result, lang, at, orders)
        write_orders(sheets["orders"], styles, orders, lang)
        if self.desk is not None:
            shop_ids = [s.id for s in request.shops] if request.shops is not None else None
            desk = self.desk.figures(start, end, shop_ids)
            write_targets(sheets["targets"], styles, desk, lang, self.desk.terms(lang))
            write_callbacks(sheets["callbacks"], styles, desk, lang)
            write_handlers(sheets["handlers"], styles, desk, lang)
        write_definitions(sheets["definitions"], styles, lang, meta, events.parts > 1)
        return result, cases.rows, events.rows


def _discard(wb: Workbook) -> None:
    """Close and delete the sheets' temp files after a failed save (else they leak until GC)."""
    for ws in wb.worksheets:
        try:
            if isinstance(ws, WriteOnlyWorksheet) and not ws.closed:
                ws.close()
            if ws._writer is not None:
                ws._writer.cleanup()
        except (OSError, ValueError):
            pass


def _yes(flag: bool, lang: str) -> str:
    return t("yes" if flag else "no", lang)


def _legs_text(f: CaseFigures, lang: str) -> str:
    parts = []
    for leg in f.freight_legs:
        amount = (
            f"¥{leg.amount}" if leg.amount is not None else ("未录入金额" if lang != "en" else "no amount")
        )
        basis = ("按规则" if lang != "en" else "by rule") if leg.by_rule else ""
        parts.append(
            f"{vocab('leg', leg.kind, lang)} {amount} {vocab('party', leg.payer, lang)} {basis}".rstrip()
        )
    return "；".join(parts)


def _case_row(f: CaseFigures, cm: CellMaker, lang: str, show_pii: bool) -> list[Any]:
    c = f.case
    phone = c.buyer_phone if show_pii else mask_phone(c.buyer_phone)
    address = c.buyer_address if show_pii else mask_address(c.buyer_address)
    row: list[Any] = [
        c.id,
        vocab("platform", c.platform, lang),
        cm.text(c.shop),
        cm.text(c.aftersale_no),
        cm.text(c.order_no),
        vocab("type", c.case_type, lang),
        vocab("reason", c.reason, lang),
        cm.text(c.reason_detail),
        _yes(c.shipped, lang),
        cm.when(c.requested_at),
        cm.when(c.closed_at),
        vocab("stage", f.stage_at_end, lang),
        vocab("stage", c.stage, lang),
        cm.text(c.buyer_nick),
        cm.text(phone),
        cm.text(address),
        cm.text(c.product_title),
        cm.text(c.sku),
        c.quantity,
        cm.money(c.order_amount),
        cm.money(c.refund_requested),
        cm.when(f.refund_at),
        vocab("route", f.refund_route, lang),
    ]
    totals = f.in_period
    for key in LEDGER_KEYS:
        v = totals.get(key)
        if not v:
            row.append(None)
        elif key in MONEY_KEYS:
            row.append(cm.money(v))
        else:
            row.append(int(v))
    row += [
        cm.text(_legs_text(f, lang)),
        cm.hours(f.first_response_hours),
        cm.hours(f.resolution_hours),
        _yes(f.escalated, lang),
        cm.text(c.handler),
        cm.text(c.tags),
    ]
    return row


_SHOWN_KEYS = ("amount", "freight", "freight_payer", "compensation")
YES, NO = ("是", "yes"), ("否", "no")


_Labels = tuple[str, str, str | None, str]


def _event_labels(ev: EventRecord, lang: str) -> _Labels:
    """Actor, action, from and to stage as the reader sees them (memoised per step by the caller)."""
    return (
        vocab("party", ev.actor, lang),
        vocab("action", ev.action, lang),
        vocab("stage", ev.from_stage, lang) if ev.from_stage else None,
        vocab("stage", ev.to_stage, lang),
    )


def _event_row(
    f: CaseFigures,
    no: Any,
    labels: _Labels,
    ev: EventRecord,
    cm: CellMaker,
    lang: str,
    start: datetime,
    end: datetime,
) -> list[Any]:
    """`no`: the case's after-sales no. as `cm.text` made it, `labels`: `_event_labels(ev, lang)`."""
    p = ev.payload
    detail = amount = freight = payer = compensation = None
    if p:
        detail = cm.text("；".join(f"{k}={v}" for k, v in p.items() if k not in _SHOWN_KEYS and k != "party"))
        if "amount" in p:
            amount = cm.money(money(p["amount"]))
        if "freight" in p:
            freight = cm.money(money(p["freight"]))
        if p.get("freight_payer"):
            payer = vocab("party", str(p["freight_payer"]), lang)
        if "compensation" in p:
            compensation = cm.money(money(p["compensation"]))
    return [
        f.case.id,
        no,
        ev.seq,
        cm.when(ev.at),
        *labels,
        ev.rule_id,
        amount,
        freight,
        payer,
        compensation,
        detail,
        (YES if start <= ev.at < end else NO)[lang == "en"],
    ]


__all__ = ["ReportError", "ReportRequest", "ReportResult", "ReportService", "case_headers"]
