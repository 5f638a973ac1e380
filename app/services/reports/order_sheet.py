"""The 订单数 sheet: the paid-order counts behind every rate, shop × month, and where each came from.

The rates on 汇总 and 月度趋势 divide by cells of this sheet, so an accountant who clicks a rate
lands here. A count that was not entered is the text 未录入, never 0: SUM and COUNT skip it, the
subtotal that needs it says 未录入完整, and the rate that divides by that subtotal says why it is
not computed. Typing the number in makes every formula that needs it recalculate.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl.utils import quote_sheetname
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from app.services.reports.cells import (
    CellMaker,
    Styles,
    keep_cached_values,
    print_fit_width,
    set_widths,
    table_ref,
)
from app.services.reports.formulas import literal
from app.services.reports.labels import DIMENSION_NAMES, sheet_name, t, vocab
from app.services.reports.order_counts import OrderInput

HEADER_ROW = 4
COUNT_COL = "D"


@dataclass(frozen=True)
class OrderSheet:
    """Where the counts went: the cells the rate formulas divide by (absolute, with the sheet)."""

    title: str
    inputs: Sequence[OrderInput]
    total: str  # all shops, all months
    by_shop: Mapping[int | None, str]  # shop id → its months
    by_month: Mapping[str, str]  # month → its shops

    @property
    def first_row(self) -> int:
        return HEADER_ROW + 1


def _ref(title: str, row: int) -> str:
    return f"{quote_sheetname(title)}!${COUNT_COL}${row}"


def plan_orders(inputs: Sequence[OrderInput], lang: str) -> OrderSheet:
    """The layout: one row per shop-month (shop, then month), then a subtotal per shop, one per
    month, and the total."""
    title = sheet_name("orders", lang)
    last = HEADER_ROW + len(inputs)
    row = last + 2
    by_shop: dict[int | None, str] = {}
    for i in inputs:
        if i.shop_id not in by_shop:
            by_shop[i.shop_id] = _ref(title, row)
            row += 1
    by_month: dict[str, str] = {}
    for i in inputs:
        if i.month not in by_month:
            by_month[i.month] = _ref(title, row)
            row += 1
    return OrderSheet(title, inputs, _ref(title, row), by_shop, by_month)


def _sum_of(rows: Sequence[int], lang: str) -> tuple[str, str]:
    """(formula, no-count text) of the rows' counts: their sum once every one is a number."""
    if not rows:
        return "", t("no_shop", lang)
    contiguous = list(rows) == list(range(rows[0], rows[0] + len(rows)))
    cells = (
        f"{COUNT_COL}{rows[0]}:{COUNT_COL}{rows[-1]}"
        if contiguous
        else ",".join(f"{COUNT_COL}{r}" for r in rows)
    )
    return f"=IF(COUNT({cells})<{len(rows)},{literal(t('incomplete', lang))},SUM({cells}))", ""


def _subtotal(cm: CellMaker, rows: Sequence[int], counts: Sequence[int | None], lang: str) -> Any:
    formula, text = _sum_of(rows, lang)
    if not formula:
        return text
    cached: int | str = (
        t("incomplete", lang) if any(c is None for c in counts) else sum(c or 0 for c in counts)
    )
    return cm.formula(formula, cached, cm.s.integer if isinstance(cached, int) else None)


def _shop_label(i: OrderInput, lang: str) -> str:
    return i.shop if i.shop_id is not None and i.shop else t("no_shop", lang)


def write_orders(ws: WriteOnlyWorksheet, styles: Styles, plan: OrderSheet, lang: str) -> None:
    cm = CellMaker(ws, styles)
    print_fit_width(ws)
    set_widths(ws, [22, 12, 12, 14, 60])
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    ws.row_dimensions[2].height = 48  # the wrapped note: three lines
    keep_cached_values(ws)
    ws.append([cm.title(t("orders_title", lang))])
    ws.append([cm.wrap(t("orders_note", lang)), None, None, None, None])
    ws.append([])
    platform_head = DIMENSION_NAMES["platform"][lang == "en"]
    ws.append(
        cm.header(
            [
                t("shops", lang),
                platform_head,
                t("month", lang),
                t("paid_orders", lang),
                t("orders_source", lang),
            ]
        )
    )
    rows: dict[int | None, list[int]] = {}
    months: dict[str, list[int]] = {}
    counts: dict[int, int | None] = {}
    for n, i in enumerate(plan.inputs, plan.first_row):
        rows.setdefault(i.shop_id, []).append(n)
        months.setdefault(i.month, []).append(n)
        counts[n] = i.paid_orders
        if i.shop_id is None:
            count: Any = t("not_entered", lang)
            source = t("no_shop_orders", lang)
        elif i.paid_orders is None:
            count, source = t("not_entered", lang), t("enter_it", lang)
        else:
            count = cm.styled(i.paid_orders, styles.integer)
            when = cm.when(i.entered_at)
            source = t("entered_at", lang).format(at=f"{when:%Y-%m-%d %H:%M}") if when else ""
        platform = vocab("platform", i.platform, lang) if i.platform else ""
        ws.append([cm.text(_shop_label(i, lang)), platform, i.month, count, cm.text(source)])
    last = HEADER_ROW + len(plan.inputs)
    ws.auto_filter.ref = table_ref(HEADER_ROW, last, 5)
    ws.append([])
    sub = t("subtotal", lang)
    for shop_rows in rows.values():
        first = plan.inputs[shop_rows[0] - plan.first_row]
        ws.append(
            [
                cm.text(f"{sub}：{_shop_label(first, lang)}"),
                vocab("platform", first.platform, lang) if first.platform else "",
                t("all_months", lang),
                _subtotal(cm, shop_rows, [counts[r] for r in shop_rows], lang),
            ]
        )
    for month, month_rows in months.items():
        ws.append(
            [
                f"{sub}：{month}",
                None,
                month,
                _subtotal(cm, month_rows, [counts[r] for r in month_rows], lang),
            ]
        )
    everything = list(range(plan.first_row, last + 1))
    ws.append(
        [
            t("total", lang),
            t("all_shops", lang),
            t("all_months", lang),
            _subtotal(cm, everything, [counts[r] for r in everything], lang),
            cm.wrap(t("orders_total_note", lang)),
        ]
    )
