"""The small sheets of the report, written from a finished MetricsReport (汇总 is summary_sheet.py,
订单数 order_sheet.py)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.chart.marker import Marker
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from app.models.enums import Reason
from app.services.reports.case_figures import ZERO
from app.services.reports.cells import (
    CellMaker,
    Styles,
    clean_text,
    fit_rows,
    keep_cached_values,
    print_fit_width,
    set_widths,
    table_ref,
)
from app.services.reports.formulas import CaseSheets, Condition, ambiguous, criterion
from app.services.reports.labels import DIMENSION_NAMES, t, vocab
from app.services.reports.metric_defs import (
    DEF,
    DEFINITIONS,
    FREIGHT_RULE_EN,
    FREIGHT_RULE_ZH,
    KEY_FIGURES,
    MONEY_KEYS,
    MONEY_LINES,
    RATE_KEYS,
)
from app.services.reports.metrics import MetricsReport
from app.services.reports.order_sheet import OrderSheet
from app.services.reports.summary_sheet import rate_cell, rate_formula

MONEY_SHEET_KEYS = MONEY_LINES
MONTHLY_KEYS = (*KEY_FIGURES, "deadlines_met", "deadlines_lapsed")
# Monthly figures 明细 can give: entries stamped at the application or at the refund, whose 明细
# columns are 申请时间 and 退款时间. The others (freight, compensation, net cost, auto-actions,
# deadlines) are stamped at events 明细 does not date: they are the service's values.
DATED_BY = {
    "cases_new": "requested_at",
    "quality_applications": "requested_at",
    "escalated_new": "requested_at",
    "refunds": "refund_at",
    "refund_amount": "refund_at",
    "goods_not_recovered": "refund_at",
    "auto_amount": "refund_at",
    "dispute_refunds": "refund_at",
    "merchant_fault_refunds": "refund_at",
}


def _value(cm: CellMaker, key: str, v: Decimal) -> Any:
    return cm.money(v) if key in MONEY_KEYS else int(v)


def _figure(cm: CellMaker, key: str, formula: str, v: Decimal) -> Any:
    return cm.formula(formula, v, cm.s.money) if key in MONEY_KEYS else cm.formula(formula, int(v))


def case_text(dim: str, value: str, lang: str) -> str:
    """What 明细 shows for a dimension value: names as typed (made safe), vocabulary as labels."""
    if dim in ("shop", "handler"):
        return clean_text(value) if value else ""
    return vocab(dim, value, lang) if value else ""


def write_money(
    ws: WriteOnlyWorksheet, styles: Styles, r: MetricsReport, lang: str, cases: CaseSheets
) -> None:
    """One table per dimension (type, reason, platform, shop, handler, stage at period end).

    Every case is in exactly one row of each table, so each table's 合计 is the summary's total;
    stacked in one column the six dimensions summed to six times it. A row is COUNTIFS/SUMIFS
    over 明细 by the dimension's column; its 合计 is the sum of the table's rows.
    """
    cm = CellMaker(ws, styles)
    print_fit_width(ws)
    keys = ("cases_in_report", *MONEY_SHEET_KEYS)
    set_widths(ws, [22] + [13.0] * len(keys))
    keep_cached_values(ws)
    names = [DEF[k].name(lang) for k in keys]
    row = 0
    for i, (dim, (zh, en)) in enumerate(DIMENSION_NAMES.items()):
        if i:
            ws.append([])
            row += 1
        row += 1
        fit_rows(ws, row, [(n, 13.0) for n in names])
        ws.append(cm.header([en if lang == "en" else zh, *names]))
        buckets = r.by.get(dim, {})
        texts = {v: case_text(dim, v, lang) for v in buckets}
        mixed = ambiguous(x for x in texts.values() if x)
        first = row + 1
        for value in sorted(buckets, key=lambda v: (-buckets[v].get("cases_in_report", ZERO), v)):
            b = buckets[value]
            text = texts[value]
            crit = criterion(text) if text not in mixed else None
            cells: list[Any] = [
                cm.text(vocab(dim, value, lang) if dim not in ("shop", "handler") else text) or "-"
            ]
            if crit is None:
                cells += [_value(cm, k, b.get(k, ZERO)) for k in keys]
            else:
                where: list[Condition] = [(dim, crit)]
                cells.append(cm.formula("=" + cases.countifs(where), int(b.get("cases_in_report", ZERO))))
                cells += [
                    _figure(cm, k, "=" + cases.sumifs(k, where), b.get(k, ZERO)) for k in MONEY_SHEET_KEYS
                ]
            ws.append(cells)
            row += 1
        last = row
        total: list[Any] = [t("total", lang)]
        for n, k in enumerate(keys):
            col = get_column_letter(2 + n)
            v = Decimal(r.cases_in_report) if k == "cases_in_report" else r.total(k)
            if last < first:  # no cases: nothing to add up (and no circular SUM of itself)
                total.append(_value(cm, k, v))
            else:
                total.append(_figure(cm, k, f"=SUM({col}{first}:{col}{last})", v))
        ws.append(total)
        row += 1


def write_skus(ws: WriteOnlyWorksheet, styles: Styles, r: MetricsReport, lang: str) -> None:
    cm = CellMaker(ws, styles)
    print_fit_width(ws)
    reasons = [x.value for x in Reason]
    widths = [18.0, 30.0, 9.0, 9.0, 13.0] + [10.0] * len(reasons)
    set_widths(ws, widths)
    ws.freeze_panes = "A3"
    ws.append([cm.title(t("sku_title", lang))])
    heads = [t("sku", lang), t("product", lang), t("cases", lang), t("returns", lang)]
    heads += [DEF["refund_amount"].name(lang)] + [vocab("reason", x, lang) for x in reasons]
    fit_rows(ws, 2, list(zip(heads, widths, strict=True)))
    ws.append(cm.header(heads))
    for s in r.top_skus:
        ws.append(
            [cm.text(s.sku), cm.text(s.product_title), s.cases, s.returns, cm.money(s.refund_amount)]
            + [s.reasons.get(x) for x in reasons]
        )
    ws.auto_filter.ref = table_ref(2, 2 + len(r.top_skus), 5 + len(reasons))
    ws.append([])
    ws.append([cm.title(t("buyers_title", lang))])
    ws.append(
        cm.header(
            [t("buyer", lang), t("cases", lang), DEF["refund_amount"].name(lang), t("aftersale_nos", lang)]
        )
    )
    for b in r.repeat_buyers:
        ws.append([cm.text(b.buyer), b.cases, cm.money(b.refund_amount), cm.text("、".join(b.aftersale_nos))])


def write_monthly(
    ws: WriteOnlyWorksheet, styles: Styles, r: MetricsReport, lang: str, cases: CaseSheets, orders: OrderSheet
) -> None:
    """Per month: the figures 明细 dates (DATED_BY) as SUMIFS over it by month, the rates one cell
    over another (the month's 订单数 subtotal); the rest are the service's values."""
    cm = CellMaker(ws, styles)
    print_fit_width(ws)
    set_widths(ws, [10] + [13.0] * (len(MONTHLY_KEYS) + len(RATE_KEYS)))
    ws.freeze_panes = "B2"
    keep_cached_values(ws)
    heads = (
        [t("month", lang)]
        + [DEF[k].name(lang) for k in MONTHLY_KEYS]
        + [DEF[k].name(lang) for k in RATE_KEYS]
    )
    fit_rows(ws, 1, [(h, 13.0) for h in heads[1:]])
    ws.append(cm.header(heads))

    def col(key: str) -> int:
        return 2 + MONTHLY_KEYS.index(key)

    for n, (month, values, rates) in enumerate(r.monthly, 2):

        def dated(k: str, month: str = month) -> str:
            return f"({cases.sumifs(k, cases.in_month(DATED_BY[k], month))})"

        def of(k: str, n: int = n, dated: Any = dated) -> str:
            return f"{get_column_letter(col(k))}{n}" if k in MONTHLY_KEYS else dated(k)

        cells: list[Any] = [month]
        for k in MONTHLY_KEYS:
            v = values.get(k, ZERO)
            cells.append(_figure(cm, k, "=" + dated(k)[1:-1], v) if k in DATED_BY else _value(cm, k, v))
        for k in RATE_KEYS:
            cells.append(
                rate_cell(cm, rate_formula(k, of, of, orders.by_month.get(month), lang), rates[k], lang)
            )
        ws.append(cells)
    last = 1 + len(r.monthly)
    ws.auto_filter.ref = table_ref(1, last, 1 + len(MONTHLY_KEYS) + len(RATE_KEYS))
    months = Reference(ws, min_col=1, min_row=2, max_row=last)

    bar = BarChart()
    bar.title = t("chart_counts", lang)
    bar.y_axis.title = t("cases", lang)
    for key in ("cases_new", "refunds"):
        bar.add_data(Reference(ws, min_col=col(key), min_row=1, max_row=last), titles_from_data=True)
    bar.set_categories(months)
    bar.width, bar.height = 18, 8
    ws.add_chart(bar, f"A{last + 3}")

    line = LineChart()
    line.title = t("chart_money", lang)
    line.y_axis.title = "¥"
    line.y_axis.number_format = "#,##0"
    for key in ("refund_amount", "net_cost"):
        line.add_data(Reference(ws, min_col=col(key), min_row=1, max_row=last), titles_from_data=True)
    for series in line.series:
        series.smooth = False  # straight segments: these are monthly totals, not a curve
        # A line needs two points: one month would be an empty axis. A marker shows each point.
        series.marker = Marker(symbol="circle", size=7)
    line.set_categories(months)
    line.width, line.height = 18, 8
    ws.add_chart(line, f"A{last + 20}")


def write_definitions(
    ws: WriteOnlyWorksheet, styles: Styles, lang: str, meta: Mapping[str, Any], continued: bool
) -> None:
    cm = CellMaker(ws, styles)
    print_fit_width(ws)
    widths = [26, 28, 80, 30]
    set_widths(ws, widths)
    header_row = 8
    ws.freeze_panes = f"A{header_row + 1}"
    ws.append([cm.title(t("title", lang))])
    ws.append([t("period", lang), meta["period"]])
    ws.append([t("shops", lang), cm.text(str(meta["shops"]))])
    ws.append([t("generated", lang), cm.when(meta["generated"])])
    ws.append([t("version", lang), meta["version"]])
    ws.append([t("pii", lang), meta["pii"]])
    ws.append([])
    other = "en" if lang != "en" else "zh"
    ws.append(cm.header([t("metric", lang), t("english", lang), t("formula", lang), t("source", lang)]))
    row = header_row
    for d in DEFINITIONS:
        row += 1
        fit_rows(ws, row, [(d.formula(lang), widths[2]), (d.name(other), widths[1])])
        ws.append([d.name(lang), d.name(other), cm.wrap(d.formula(lang)), cm.text(d.source)])
    ws.auto_filter.ref = table_ref(header_row, header_row + len(DEFINITIONS), 4)
    ws.append([])
    row += 1
    notes = [
        (t("freight_rule", lang), FREIGHT_RULE_EN if lang == "en" else FREIGHT_RULE_ZH),
        (t("platform_rates", lang), t("platform_rates_note", lang)),
        (t("previous_period", lang), t("previous_note", lang)),
        (t("desk_rule", lang), t("desk_note", lang)),
        (None, t("time_note", lang)),
    ]
    if continued:
        notes.append((None, t("rows_note", lang)))
    for head, text in notes:
        row += 1
        fit_rows(ws, row, [(text, widths[2])])
        ws.append([head, None, cm.wrap(text)])
