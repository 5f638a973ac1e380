"""The service desk's sheets: 服务目标 (targets), 回访 (callbacks), 处理人 (handlers).

服务目标 and 回访 each carry their own detail table below the summary, and every count above it
is a live COUNTIFS over that table (with the service's value cached), so an accountant traces
each figure to its rows; rates are one cell over another. 处理人's figures are the service's
values (a median is not a count), its rates again one cell over another. Numbers are numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from app.services.reports.cells import (
    CellMaker,
    Styles,
    keep_cached_values,
    print_fit_width,
    set_widths,
    table_ref,
)
from app.services.reports.desk_figures import CallbackLine, DeskFigures, TargetLine
from app.services.reports.formulas import criterion, literal, ratio
from app.services.reports.labels import vocab
from app.services.reports.summary_sheet import na
from app.services.service_desk.target_plan import TargetKind, TargetStatus
from app.services.text.labels import CALLBACK_RESULT_ZH, REASON_ZH, TARGET_STATUS_ZH, TARGET_ZH

_W = {
    "targets_title": (
        "服务目标达成（按目标开始时间计入本期）",
        "Service targets (counted in the period they started)",
    ),
    "target": ("目标", "Target"),
    "met": ("达成", "Met"),
    "missed": ("未达成", "Missed"),
    "open": ("进行中", "Open"),
    "met_rate": ("达成率", "Met rate"),
    "total": ("合计", "Total"),
    "detail": ("明细", "Detail"),
    "case_id": ("案件ID", "Case id"),
    "aftersale_no": ("售后单号", "After-sales no."),
    "handler": ("处理人", "Handler"),
    "start": ("开始时间", "Started"),
    "due": ("目标时间", "Due"),
    "met_at": ("完成时间", "Done"),
    "status": ("状态", "Status"),
    "hours": ("用时（工作小时）", "Working hours taken"),
    "cb_title": ("回访满意度（按回访时间计入本期）", "Callback satisfaction (counted when recorded)"),
    "scope": ("范围", "Scope"),
    "all": ("全部", "All"),
    "callbacks": ("回访数", "Callbacks"),
    "satisfaction": ("满意率", "Satisfied rate"),
    "by_sku": ("按商品 SKU", "By SKU"),
    "by_reason": ("按售后原因", "By reason"),
    "quality_title": (
        "品质反馈（质量问题的回访，按 SKU）",
        "Quality feedback (callbacks on quality cases, by SKU)",
    ),
    "sku": ("SKU", "SKU"),
    "product": ("商品", "Product"),
    "reason": ("原因", "Reason"),
    "result": ("回访结果", "Result"),
    "comment": ("买家意见", "Comment"),
    "recorded_by": ("回访人", "Called by"),
    "done_at": ("回访时间", "Recorded"),
    "comments": ("意见摘录", "Comments"),
    "handlers_title": ("处理人考核（按售后单的处理人）", "Handlers (by the case's handler)"),
    "cases": ("售后单数（本期申请）", "Cases (requested in the period)"),
    "median": ("首次响应中位数（工作小时）", "First response, median (working hours)"),
    "targets_met": ("目标达成", "Targets met"),
    "targets_ended": ("目标已判定", "Targets decided"),
    "autos": ("平台自动处理次数", "Platform auto-actions"),
    "satisfied": ("满意", "Satisfied"),
    "nobody": ("（未指定）", "(none)"),
}


def w(key: str, lang: str) -> str:
    zh, en = _W[key]
    return en if lang == "en" else zh


def target_label(kind: str, lang: str) -> str:
    return kind.replace("_", " ") if lang == "en" else TARGET_ZH[kind]


def status_label(status: TargetStatus, lang: str) -> str:
    return status.value if lang == "en" else TARGET_STATUS_ZH[status.value]


def result_label(result: str, lang: str) -> str:
    return result if lang == "en" else CALLBACK_RESULT_ZH.get(result, result)


def _col(n: int) -> str:
    return str(get_column_letter(n))


def _rng(col: int, first: int, last: int) -> str:
    c = _col(col)
    return f"${c}${first}:${c}${max(first, last)}"


def _countifs(conditions: Sequence[tuple[str, str]]) -> str:
    return "COUNTIFS(" + ",".join(f"{r},{c}" for r, c in conditions) + ")"


def _rate(cm: CellMaker, num_cell: str, den_cell: str, value: Decimal | None, lang: str) -> Any:
    no_base = na(lang)[0]
    formula = "=" + ratio(num_cell, den_cell, no_base)
    return cm.formula(formula, value, cm.s.percent) if value is not None else cm.formula(formula, no_base)


def _start(ws: WriteOnlyWorksheet, widths: list[float]) -> None:
    print_fit_width(ws)
    set_widths(ws, widths)
    keep_cached_values(ws)


# ---- 服务目标 ------------------------------------------------------------------------------------


def write_targets(
    ws: WriteOnlyWorksheet, styles: Styles, d: DeskFigures, lang: str, terms: dict[str, str]
) -> None:
    """`terms`: each target's setting as words (首次响应: 2 工作小时 …), shown beside it."""
    cm = CellMaker(ws, styles)
    _start(ws, [12.0, 20.0, 14.0, 10.0, 18.0, 18.0, 18.0, 10.0, 14.0])
    kinds = [k for k in TargetKind]
    first_detail = 2 + len(kinds) + 1 + 3 + 1  # title, header, kinds, total, blank, detail title, header
    last_detail = first_detail + len(d.targets) - 1
    kind_r, status_r = _rng(3, first_detail, last_detail), _rng(8, first_detail, last_detail)

    def count(kind: str | None, statuses: Sequence[TargetStatus]) -> str:
        parts = []
        for s in statuses:
            cond = [(status_r, criterion(status_label(s, lang)) or literal("="))]
            if kind is not None:
                cond.insert(0, (kind_r, criterion(target_label(kind, lang)) or literal("=")))
            parts.append(_countifs(cond))
        return "+".join(parts)

    ws.append([cm.title(w("targets_title", lang))])
    ws.append(
        cm.header(
            [
                w("target", lang),
                w("due", lang),
                w("met", lang),
                w("missed", lang),
                w("open", lang),
                w("met_rate", lang),
            ]
        )
    )
    missed = (TargetStatus.MISSED, TargetStatus.OVERDUE)
    for n, kind in enumerate([*kinds, None], 3):
        lines = [t for t in d.targets if kind is None or t.kind is kind]
        met = sum(1 for t in lines if t.status is TargetStatus.MET)
        miss = sum(1 for t in lines if t.status.counts_as_missed)
        still = sum(1 for t in lines if t.status is TargetStatus.OPEN)
        label = w("total", lang) if kind is None else target_label(kind.value, lang)
        ws.append(
            [
                label,
                cm.text(terms.get(kind.value, "")) if kind is not None else None,
                cm.formula("=" + count(kind and kind.value, (TargetStatus.MET,)), met),
                cm.formula("=" + count(kind and kind.value, missed), miss),
                cm.formula("=" + count(kind and kind.value, (TargetStatus.OPEN,)), still),
                _rate(cm, f"C{n}", f"C{n}+D{n}", Decimal(met) / (met + miss) if met + miss else None, lang),
            ]
        )
    ws.append([])
    ws.append([cm.title(w("detail", lang))])
    heads = ["case_id", "aftersale_no", "target", "handler", "start", "due", "met_at", "status", "hours"]
    ws.append(cm.header([w(h, lang) for h in heads]))
    for t in d.targets:
        ws.append(_target_row(cm, t, lang))
    ws.auto_filter.ref = table_ref(first_detail - 1, max(first_detail, last_detail), len(heads))


def _target_row(cm: CellMaker, t: TargetLine, lang: str) -> list[Any]:
    return [
        t.case_id,
        cm.text(t.aftersale_no),
        target_label(t.kind.value, lang),
        cm.text(t.handler),
        cm.when(t.starts_at),
        cm.when(t.due_at),
        cm.when(t.met_at),
        status_label(t.status, lang),
        cm.hours(t.working_hours),
    ]


# ---- 回访 -----------------------------------------------------------------------------------------


def write_callbacks(ws: WriteOnlyWorksheet, styles: Styles, d: DeskFigures, lang: str) -> None:
    cm = CellMaker(ws, styles)
    _start(ws, [22.0, 10.0, 10.0, 10.0, 10.0, 10.0, 30.0, 10.0, 18.0, 10.0])
    cbs = d.callbacks
    skus = sorted({c.sku for c in cbs})
    reasons = sorted({c.reason for c in cbs})
    quality = [c for c in cbs if c.reason == "quality"]
    q_skus = sorted({c.sku for c in quality})
    # rows: title, header, 全部, [by_sku title row, skus], [by_reason title row, reasons], blank,
    # quality title, header, q_skus, blank, detail title, header, details
    first_detail = 3 + 1 + 1 + len(skus) + 1 + len(reasons) + 1 + 2 + len(q_skus) + 1 + 2
    last_detail = first_detail + len(cbs) - 1
    rng = {
        "sku": _rng(3, first_detail, last_detail),
        "reason": _rng(5, first_detail, last_detail),
        "result": _rng(6, first_detail, last_detail),
    }

    def count(conds: Sequence[tuple[str, str]], result: str | None) -> str:
        cond = [(rng[k], criterion(v) or literal("=")) for k, v in conds]
        if result is not None:
            cond.append((rng["result"], criterion(result_label(result, lang)) or literal("=")))
        if not cond:
            return f'COUNTIFS({rng["result"]},"<>")'
        return _countifs(cond)

    def summary(
        label: Any, conds: Sequence[tuple[str, str]], lines: Sequence[CallbackLine], n: int
    ) -> list[Any]:
        got = {r: sum(1 for c in lines if c.result == r) for r in CALLBACK_RESULT_ZH}
        total = len(lines)
        all_cond = conds or []
        return [
            label,
            cm.formula("=" + (count(all_cond, None) if all_cond else count([], None)), total),
            *(cm.formula("=" + count(all_cond, r), got[r]) for r in CALLBACK_RESULT_ZH),
            _rate(cm, f"C{n}", f"B{n}", Decimal(got["satisfied"]) / total if total else None, lang),
        ]

    ws.append([cm.title(w("cb_title", lang))])
    ws.append(
        cm.header(
            [w("scope", lang), w("callbacks", lang)]
            + [result_label(r, lang) for r in CALLBACK_RESULT_ZH]
            + [w("satisfaction", lang)]
        )
    )
    n = 3
    ws.append(summary(w("all", lang), [], cbs, n))
    n += 1
    ws.append([cm.title(w("by_sku", lang))])
    n += 1
    for sku in skus:
        ws.append(
            summary(cm.text(sku) or w("nobody", lang), [("sku", sku)], [c for c in cbs if c.sku == sku], n)
        )
        n += 1
    ws.append([cm.title(w("by_reason", lang))])
    n += 1
    for reason in reasons:
        ws.append(
            summary(
                vocab("reason", reason, lang),
                [("reason", _reason(reason, lang))],
                [c for c in cbs if c.reason == reason],
                n,
            )
        )
        n += 1
    ws.append([])
    ws.append([cm.title(w("quality_title", lang))])
    ws.append(
        cm.header(
            [w("sku", lang), w("callbacks", lang)]
            + [result_label(r, lang) for r in CALLBACK_RESULT_ZH]
            + [w("satisfaction", lang), w("comments", lang)]
        )
    )
    n += 3
    for sku in q_skus:
        lines = [c for c in quality if c.sku == sku]
        row = summary(
            cm.text(sku) or w("nobody", lang), [("sku", sku), ("reason", _reason("quality", lang))], lines, n
        )
        row.append(cm.text("；".join(c.comment for c in lines if c.comment)))
        ws.append(row)
        n += 1
    ws.append([])
    ws.append([cm.title(w("detail", lang))])
    heads = [
        "case_id",
        "aftersale_no",
        "sku",
        "product",
        "reason",
        "result",
        "comment",
        "handler",
        "done_at",
        "recorded_by",
    ]
    ws.append(cm.header([w(h, lang) for h in heads]))
    for c in cbs:
        ws.append(
            [
                c.case_id,
                cm.text(c.aftersale_no),
                cm.text(c.sku),
                cm.text(c.product),
                _reason(c.reason, lang),
                result_label(c.result, lang),
                cm.text(c.comment),
                cm.text(c.handler),
                cm.when(c.done_at),
                cm.text(c.recorded_by),
            ]
        )
    ws.auto_filter.ref = table_ref(first_detail - 1, max(first_detail, last_detail), len(heads))


def _reason(reason: str, lang: str) -> str:
    return reason.replace("_", " ") if lang == "en" else REASON_ZH.get(reason, reason)


# ---- 处理人 ---------------------------------------------------------------------------------------


def write_handlers(ws: WriteOnlyWorksheet, styles: Styles, d: DeskFigures, lang: str) -> None:
    cm = CellMaker(ws, styles)
    _start(ws, [14.0, 14.0, 16.0, 10.0, 10.0, 10.0, 14.0, 10.0, 10.0, 10.0])
    ws.append([cm.title(w("handlers_title", lang))])
    ws.append(
        cm.header(
            [
                w("handler", lang),
                w("cases", lang),
                w("median", lang),
                w("targets_met", lang),
                w("targets_ended", lang),
                w("met_rate", lang),
                w("autos", lang),
                w("callbacks", lang),
                w("satisfied", lang),
                w("satisfaction", lang),
            ]
        )
    )
    for n, h in enumerate(d.handlers, 3):
        ws.append(
            [
                cm.text(h.handler) or w("nobody", lang),
                h.cases,
                cm.hours(h.first_response_median),
                h.targets_met,
                h.targets_ended,
                _rate(cm, f"D{n}", f"E{n}", h.met_rate, lang),
                h.auto_actions,
                h.callbacks,
                h.satisfied,
                _rate(cm, f"I{n}", f"H{n}", h.satisfaction, lang),
            ]
        )
    ws.auto_filter.ref = table_ref(2, 2 + max(1, len(d.handlers)), 10)


__all__ = ["write_callbacks", "write_handlers", "write_targets"]
