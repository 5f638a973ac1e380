"""The 汇总 sheet: every figure a live formula an accountant can click through.

Ledger figures are sums over 明细; a rate is one cell over another — its numerator on this sheet,
its denominator the 订单数 cell of the paid orders it divides by (or a figure here).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from openpyxl.worksheet._write_only import WriteOnlyWorksheet

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
from app.services.reports.formulas import (
    CaseSheets,
    Condition,
    ambiguous,
    criterion,
    literal,
    ratio,
    ratio_of_orders,
)
from app.services.reports.labels import sheet_name, t, vocab
from app.services.reports.metric_defs import (
    DEF,
    LEDGER_KEYS,
    MONEY_KEYS,
    NA_NO_BASE,
    NA_ORDERS,
    ORDER_RATES,
    RATE_KEYS,
)
from app.services.reports.metrics import MetricsReport, Rate
from app.services.reports.order_counts import OrderInput
from app.services.reports.order_sheet import OrderSheet

DURATIONS = ("first_response_hours", "resolution_hours", "refund_hours")
HEADER_ROW = 7
FIRST_FIGURE_ROW = HEADER_ROW + 1  # cases_in_report, then LEDGER_KEYS in order


def figure_rows() -> dict[str, int]:
    """Where each figure stands on 汇总 (the rate formulas point at these)."""
    keys = ("cases_in_report", *LEDGER_KEYS)
    return {k: FIRST_FIGURE_ROW + i for i, k in enumerate(keys)}


def na(lang: str) -> tuple[str, str]:
    """(nothing to divide by, order counts missing) in the report's language."""
    key = "en" if lang == "en" else "zh"
    return NA_NO_BASE[key], NA_ORDERS[key]


def rate_formula(key: str, numerator: Any, of: Any, denominator: str | None, lang: str) -> str | None:
    """A rate's formula from its parts: `numerator(k)` an expression of figure k; `denominator`
    the 订单数 cell for the order rates (None: no cell to divide by, no formula)."""
    no_base, no_orders = na(lang)
    if key in ORDER_RATES:
        if denominator is None:
            return None
        return "=" + ratio_of_orders(numerator(ORDER_RATES[key]), denominator, no_base, no_orders)
    if key == "intervention_rate":
        return "=" + ratio(numerator("escalated_new"), of("cases_new"), no_base)
    met = numerator("deadlines_met")
    return "=" + ratio(met, f"{of('deadlines_met')}+{of('deadlines_lapsed')}", no_base)


def rate_cell(cm: CellMaker, formula: str | None, rate: Rate, lang: str) -> Any:
    if formula is None:
        return _plain_rate(cm, rate, lang)
    v = rate.value
    if v is None:
        return cm.formula(formula, rate.text(lang))
    return cm.formula(formula, v, cm.s.percent)


def rate_calc(rate: Rate, lang: str) -> str:
    if rate.value is not None:
        return f"{int(rate.numerator)} ÷ {rate.denominator}"
    if rate.missing == "orders":
        head = "缺少支付订单数：" if lang != "en" else "paid orders missing for: "
        shown = list(rate.missing_detail[:6]) + (["…"] if len(rate.missing_detail) > 6 else [])
        return head + ("、".join(shown) if lang != "en" else ", ".join(shown))
    return f"{int(rate.numerator)} ÷ 0"


def write_summary(
    ws: WriteOnlyWorksheet,
    styles: Styles,
    r: MetricsReport,
    lang: str,
    meta: Mapping[str, Any],
    cases: CaseSheets,
    orders: OrderSheet,
    previous: MetricsReport | None = None,
) -> None:
    cm = CellMaker(ws, styles)
    print_fit_width(ws)
    widths = [34, 20, 60, 26, 34, 22, 16]
    set_widths(ws, widths)  # B: the generated time needs 19 characters, or it shows ###
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    keep_cached_values(ws)
    ws.append([cm.title(f"{t('title', lang)} · {sheet_name('summary', lang)}")])
    ws.append([t("period", lang), meta["period"]])
    ws.append([t("shops", lang), cm.text(str(meta["shops"]))])
    ws.append([t("generated", lang), cm.when(meta["generated"])])
    ws.append([t("version", lang), cm.text(str(meta["version"]))])
    ws.append([])
    head = [t("metric", lang), t("value", lang), t("formula", lang), t("source_col", lang), "计算 / Calc"]
    if previous is not None:
        head += [t("previous_head", lang).format(label=previous.period.label), t("change_head", lang)]
    fit_rows(ws, HEADER_ROW, list(zip(head, widths, strict=False)))
    ws.append(cm.header(head))
    rows = 0

    def fit(text: str) -> None:  # the definition wraps in C: give its row the lines it needs
        fit_rows(ws, HEADER_ROW + rows + 1, [(text, widths[2])])

    d = DEF["cases_in_report"]
    fit(d.formula(lang))
    ws.append(
        [
            d.name(lang),
            cm.formula("=" + cases.count(), r.cases_in_report),
            cm.wrap(d.formula(lang)),
            "行数 / rows",
            None,
            *_versus(cm, HEADER_ROW + 1, "cases_in_report", r, previous),
        ]
    )
    rows += 1
    for key in LEDGER_KEYS:
        d = DEF[key]
        v = r.total(key)
        figure = (
            cm.formula("=" + cases.total(key), v, styles.money)
            if key in MONEY_KEYS
            else cm.formula("=" + cases.total(key), int(v))
        )
        fit(d.formula(lang))
        ws.append(
            [
                d.name(lang),
                figure,
                cm.wrap(d.formula(lang)),
                d.name(lang),
                None,
                *_versus(cm, HEADER_ROW + rows + 1, key, r, previous),
            ]
        )
        rows += 1
    at = figure_rows()

    def here(k: str) -> str:
        return f"B{at[k]}"

    for key in RATE_KEYS:
        d = DEF[key]
        rate = r.rates[key]
        formula = rate_formula(key, here, here, orders.total, lang)
        fit(d.formula(lang))
        ws.append(
            [
                d.name(lang),
                rate_cell(cm, formula, rate, lang),
                cm.wrap(d.formula(lang)),
                None,
                rate_calc(rate, lang),
                *_rate_versus(
                    cm, HEADER_ROW + rows + 1, rate, previous.rates[key] if previous else None, lang
                ),
            ]
        )
        rows += 1
    for key in DURATIONS:
        d = DEF[key]
        for group in duration_groups(key):
            stats = r.durations.get((key, group))
            if stats is None or not stats.count:
                continue
            for stat in ("mean", "median", "p90"):
                label = f"{d.name(lang)} · {t(group, lang)} · {t(stat, lang)}"
                calc = f"{t('count', lang)} {stats.count}"
                fit(d.formula(lang))
                ws.append([label, cm.hours(getattr(stats, stat)), cm.wrap(d.formula(lang)), None, calc])
                rows += 1
    ws.auto_filter.ref = table_ref(HEADER_ROW, HEADER_ROW + rows, 5)
    ws.append([])
    ws.append([cm.title(t("shop_rates", lang))])
    ws.append(cm.header([t("shops", lang)] + [DEF[k].name(lang) for k in RATE_KEYS]))
    write_shop_rates(ws, cm, r, lang, cases, orders)


def _figure(key: str, r: MetricsReport) -> Decimal:
    return Decimal(r.cases_in_report) if key == "cases_in_report" else r.total(key)


def _versus(cm: CellMaker, row: int, key: str, r: MetricsReport, previous: MetricsReport | None) -> list[Any]:
    """The previous period's figure (a value) and the change, (this − previous) ÷ previous."""
    if previous is None:
        return []
    now, before = _figure(key, r), _figure(key, previous)
    shown = cm.money(before) if key in MONEY_KEYS else int(before)
    change: Decimal | str = "—" if not before else now / before - 1
    formula = f'=IF(F{row}=0,"—",B{row}/F{row}-1)'
    return [shown, cm.formula(formula, change, cm.s.percent if isinstance(change, Decimal) else None)]


def _rate_versus(cm: CellMaker, row: int, rate: Rate, before: Rate | None, lang: str) -> list[Any]:
    """The previous period's rate and the change in percentage points."""
    if before is None:
        return []
    now, then = rate.value, before.value
    change: Decimal | str = "—" if now is None or then is None else now - then
    formula = f'=IF(AND(ISNUMBER(B{row}),ISNUMBER(F{row})),B{row}-F{row},"—")'
    return [
        _plain_rate(cm, before, lang),
        cm.formula(formula, change, cm.s.percent if isinstance(change, Decimal) else None),
    ]


def duration_groups(key: str) -> tuple[str, ...]:
    """平均退款时长 splits before/after receipt of the return (platform-rules.md, 抖音); the
    other durations before/after shipping."""
    if key == "refund_hours":
        return ("all", "before_receipt", "after_receipt")
    return ("all", "unshipped", "shipped")


def _shops(inputs: Sequence[OrderInput]) -> list[OrderInput]:
    seen: dict[int | None, OrderInput] = {}
    for i in inputs:
        seen.setdefault(i.shop_id, i)
    return list(seen.values())


def write_shop_rates(
    ws: WriteOnlyWorksheet, cm: CellMaker, r: MetricsReport, lang: str, cases: CaseSheets, orders: OrderSheet
) -> None:
    """Per shop: its figures are SUMIFS over 明细 by shop and platform, its orders 订单数's subtotal."""
    shops = _shops(r.order_inputs)
    if len(shops) != len(r.shop_rates):  # not from one report: no formulas rather than wrong ones
        shops = []
    names = [clean_text(s.shop) for s in shops]
    mixed = ambiguous(names)
    for n, (label, rates) in enumerate(r.shop_rates):
        conditions = _shop_conditions(shops[n], names[n], mixed, lang) if shops else None
        if conditions is None:
            ws.append([cm.text(label)] + [_plain_rate(cm, rates[k], lang) for k in RATE_KEYS])
            continue

        def of(k: str, conds: list[Condition] = conditions) -> str:
            return f"({cases.sumifs(k, conds)})"

        denominator = orders.by_shop.get(shops[n].shop_id)
        ws.append(
            [cm.text(label)]
            + [rate_cell(cm, rate_formula(k, of, of, denominator, lang), rates[k], lang) for k in RATE_KEYS]
        )


def _shop_conditions(shop: OrderInput, name: str, mixed: set[str], lang: str) -> list[Condition] | None:
    """The 明细 criteria that pick the shop's cases (by name and platform), or None when a
    criterion cannot tell it from another shop."""
    if shop.shop_id is None:
        return [("shop", literal("="))]
    by_name = criterion(name) if name not in mixed else None
    by_platform = criterion(vocab("platform", shop.platform, lang))
    if by_name is None or by_platform is None:
        return None
    return [("shop", by_name), ("platform", by_platform)]


def _plain_rate(cm: CellMaker, rate: Rate, lang: str) -> Any:
    v: Decimal | None = rate.value
    return cm.percent(v) if v is not None else rate.text(lang)
