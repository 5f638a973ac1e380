"""The small sheets of the report, written from a finished MetricsReport."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from app.models.enums import Reason
from app.services.reports.case_figures import ZERO
from app.services.reports.cells import (
    CellMaker,
    Styles,
    keep_cached_values,
    print_fit_width,
    set_widths,
    table_ref,
)
from app.services.reports.labels import DIMENSION_NAMES, sheet_name, t, vocab
from app.services.reports.metric_defs import (
    DEF,
    DEFINITIONS,
    FREIGHT_RULE_EN,
    FREIGHT_RULE_ZH,
    KEY_FIGURES,
    LEDGER_KEYS,
    MONEY_KEYS,
    RATE_KEYS,
)
from app.services.reports.metrics import MetricsReport, Rate

MONEY_SHEET_KEYS = KEY_FIGURES
MONTHLY_KEYS = (*MONEY_SHEET_KEYS, "deadlines_met", "deadlines_lapsed")
DURATIONS = ("first_response_hours", "resolution_hours", "refund_hours")
GROUPS = ("all", "unshipped", "shipped")


def _value(cm: CellMaker, key: str, v: Decimal) -> Any:
    return cm.money(v) if key in MONEY_KEYS else int(v)


def _rate_cell(cm: CellMaker, rate: Rate, lang: str) -> Any:
    v = rate.value
    return cm.percent(v) if v is not None else rate.text(lang)


def _rate_calc(rate: Rate, lang: str) -> str:
    if rate.value is not None:
        return f"{int(rate.numerator)} ÷ {rate.denominator}"
    if rate.missing == "orders":
        head = "缺少支付订单数：" if lang != "en" else "paid orders missing for: "
        shown = list(rate.missing_detail[:6]) + (["…"] if len(rate.missing_detail) > 6 else [])
        return head + ("、".join(shown) if lang != "en" else ", ".join(shown))
    return f"{int(rate.numerator)} ÷ 0"


@dataclass(frozen=True)
class CaseSheets:
    """Where the 明细 rows went, for the formulas that add them up."""

    parts: Sequence[tuple[str, int]]  # (sheet title, last row) of 明细 and its continuations
    columns: Mapping[str, int]  # ledger key → its column (1-based)

    def total(self, key: str) -> str:
        """'=SUM(明细!X2:X9)', one SUM per part when 明细 continues on more sheets."""
        col = get_column_letter(self.columns[key])
        return "=" + "+".join(
            f"SUM({quote_sheetname(t)}!{col}2:{col}{max(2, last)})" for t, last in self.parts
        )

    def count(self) -> str:
        return "=" + "+".join(f"COUNT({quote_sheetname(t)}!A2:A{max(2, last)})" for t, last in self.parts)


def write_summary(
    ws: WriteOnlyWorksheet,
    styles: Styles,
    r: MetricsReport,
    lang: str,
    meta: Mapping[str, Any],
    cases: CaseSheets,
) -> None:
    cm = CellMaker(ws, styles)
    print_fit_width(ws)
    set_widths(ws, [30, 16, 60, 26, 30, 12, 12])
    header_row = 6
    ws.freeze_panes = f"A{header_row + 1}"
    keep_cached_values(ws)
    ws.append([cm.title(f"{t('title', lang)} · {sheet_name('summary', lang)}")])
    ws.append([t("period", lang), meta["period"]])
    ws.append([t("shops", lang), cm.text(str(meta["shops"]))])
    ws.append([t("generated", lang), cm.when(meta["generated"])])
    ws.append([])
    ws.append(
        cm.header(
            [t("metric", lang), t("value", lang), t("formula", lang), t("source_col", lang), "计算 / Calc"]
        )
    )
    rows = 0
    d = DEF["cases_in_report"]
    ws.append(
        [d.name(lang), cm.formula(cases.count(), r.cases_in_report), cm.wrap(d.formula(lang)), "行数 / rows"]
    )
    rows += 1
    for key in LEDGER_KEYS:
        d = DEF[key]
        v = r.total(key)
        figure = (
            cm.formula(cases.total(key), v, styles.money)
            if key in MONEY_KEYS
            else cm.formula(cases.total(key), int(v))
        )
        ws.append([d.name(lang), figure, cm.wrap(d.formula(lang)), d.name(lang)])
        rows += 1
    for key in RATE_KEYS:
        d = DEF[key]
        rate = r.rates[key]
        ws.append(
            [d.name(lang), _rate_cell(cm, rate, lang), cm.wrap(d.formula(lang)), None, _rate_calc(rate, lang)]
        )
        rows += 1
    for key in DURATIONS:
        d = DEF[key]
        for group in GROUPS:
            stats = r.durations.get((key, group))
            if stats is None or not stats.count:
                continue
            for stat in ("mean", "median", "p90"):
                label = f"{d.name(lang)} · {t(group, lang)} · {t(stat, lang)}"
                calc = f"{t('count', lang)} {stats.count}"
                ws.append([label, cm.hours(getattr(stats, stat)), d.formula(lang), None, calc])
                rows += 1
    ws.auto_filter.ref = table_ref(header_row, header_row + rows, 5)
    ws.append([])
    ws.append([cm.title(t("shop_rates", lang))])
    ws.append(cm.header([t("shops", lang)] + [DEF[k].name(lang) for k in RATE_KEYS]))
    for label, rates in r.shop_rates:
        ws.append([cm.text(label)] + [_rate_cell(cm, rates[k], lang) for k in RATE_KEYS])


def write_money(ws: WriteOnlyWorksheet, styles: Styles, r: MetricsReport, lang: str) -> None:
    """One table per dimension (type, reason, platform, shop, handler, stage at period end).

    Every case is in exactly one row of each table, so each table's 合计 is the summary's total;
    stacked in one column the six dimensions summed to six times it.
    """
    cm = CellMaker(ws, styles)
    print_fit_width(ws)
    keys = ("cases_in_report", *MONEY_SHEET_KEYS)
    set_widths(ws, [22] + [13.0] * len(keys))
    names = [DEF[k].name(lang) for k in keys]
    for i, (dim, (zh, en)) in enumerate(DIMENSION_NAMES.items()):
        if i:
            ws.append([])
        ws.append(cm.header([en if lang == "en" else zh, *names]))
        buckets = r.by.get(dim, {})
        for value in sorted(buckets, key=lambda v: (-buckets[v].get("cases_in_report", ZERO), v)):
            b = buckets[value]
            item = vocab(dim, value, lang) if value else "-"
            ws.append([cm.text(item)] + [_value(cm, k, b.get(k, ZERO)) for k in keys])
        ws.append(
            [t("total", lang), r.cases_in_report] + [_value(cm, k, r.total(k)) for k in MONEY_SHEET_KEYS]
        )


def write_skus(ws: WriteOnlyWorksheet, styles: Styles, r: MetricsReport, lang: str) -> None:
    cm = CellMaker(ws, styles)
    print_fit_width(ws)
    reasons = [x.value for x in Reason]
    set_widths(ws, [18, 30, 9, 9, 13] + [10.0] * len(reasons))
    ws.freeze_panes = "A2"
    ws.append(
        cm.header(
            [
                t("sku", lang),
                t("product", lang),
                t("cases", lang),
                t("returns", lang),
                DEF["refund_amount"].name(lang),
            ]
            + [vocab("reason", x, lang) for x in reasons]
        )
    )
    for s in r.top_skus:
        ws.append(
            [cm.text(s.sku), cm.text(s.product_title), s.cases, s.returns, cm.money(s.refund_amount)]
            + [s.reasons.get(x) for x in reasons]
        )
    ws.auto_filter.ref = table_ref(1, 1 + len(r.top_skus), 5 + len(reasons))
    ws.append([])
    ws.append([cm.title(t("buyers_title", lang))])
    ws.append(
        cm.header(
            [t("buyer", lang), t("cases", lang), DEF["refund_amount"].name(lang), t("aftersale_nos", lang)]
        )
    )
    for b in r.repeat_buyers:
        ws.append([cm.text(b.buyer), b.cases, cm.money(b.refund_amount), cm.text("、".join(b.aftersale_nos))])


def write_monthly(ws: WriteOnlyWorksheet, styles: Styles, r: MetricsReport, lang: str) -> None:
    cm = CellMaker(ws, styles)
    print_fit_width(ws)
    set_widths(ws, [10] + [13.0] * (len(MONTHLY_KEYS) + len(RATE_KEYS)))
    ws.freeze_panes = "B2"
    ws.append(
        cm.header(
            [t("month", lang)]
            + [DEF[k].name(lang) for k in MONTHLY_KEYS]
            + [DEF[k].name(lang) for k in RATE_KEYS]
        )
    )
    for month, values, rates in r.monthly:
        ws.append(
            [month]
            + [_value(cm, k, values.get(k, ZERO)) for k in MONTHLY_KEYS]
            + [_rate_cell(cm, rates[k], lang) for k in RATE_KEYS]
        )
    last = 1 + len(r.monthly)
    ws.auto_filter.ref = table_ref(1, last, 1 + len(MONTHLY_KEYS) + len(RATE_KEYS))
    months = Reference(ws, min_col=1, min_row=2, max_row=last)

    def col(key: str) -> int:
        return 2 + MONTHLY_KEYS.index(key)

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
    line.set_categories(months)
    line.width, line.height = 18, 8
    ws.add_chart(line, f"A{last + 20}")


def write_definitions(
    ws: WriteOnlyWorksheet, styles: Styles, lang: str, meta: Mapping[str, Any], continued: bool
) -> None:
    cm = CellMaker(ws, styles)
    print_fit_width(ws)
    set_widths(ws, [26, 28, 80, 30])
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
    for d in DEFINITIONS:
        ws.append([d.name(lang), d.name(other), cm.wrap(d.formula(lang)), cm.text(d.source)])
    ws.auto_filter.ref = table_ref(header_row, header_row + len(DEFINITIONS), 4)
    ws.append([])
    ws.append([t("freight_rule", lang), None, cm.wrap(FREIGHT_RULE_EN if lang == "en" else FREIGHT_RULE_ZH)])
    ws.append([None, None, cm.wrap(t("time_note", lang))])
    if continued:
        ws.append([None, None, cm.wrap(t("rows_note", lang))])
