"""CLI bodies of `report` and `orders` (paid-order counts, the denominators of the platform ratios)."""

from __future__ import annotations

import argparse

from app.bootstrap import AppContext
from app.cli.output import CliError, print_json
from app.services.reports.metric_defs import DEF, MONEY_LINES, Kind
from app.services.reports.metrics import parse_period
from app.services.reports.order_counts import OrderCountService, ShopRef
from app.services.reports.workbook import ReportRequest, ReportService


def _services(ctx: AppContext) -> tuple[OrderCountService, ReportService]:
    return ctx.order_counts, ctx.reports


def report(ctx: AppContext, args: argparse.Namespace) -> int:
    period = parse_period(args.date_from, args.date_to)
    orders, service = _services(ctx)
    shops: tuple[ShopRef, ...] | None = None
    if args.shop:
        shops = tuple(orders.resolve_shop(name) for name in args.shop)
    lang = getattr(args, "lang", None) or "zh"
    result = service.export(ReportRequest(period, shops, args.show_pii, lang), args.output)
    r = result.report
    print(result.path.resolve())
    print(f"period {period.label}, {r.cases_in_report} case(s) in report, {result.event_rows} event(s)")
    for key in MONEY_LINES:
        value = r.total(key)
        text = f"¥{value:,.2f}" if DEF[key].kind is Kind.MONEY else str(int(value))
        print(f"  {DEF[key].en}: {text}")
    for key, rate in r.rates.items():
        print(f"  {DEF[key].en}: {rate.text('en')}")
    return 0


def orders(ctx: AppContext, args: argparse.Namespace) -> int:
    service = ctx.order_counts
    if args.orders_command == "set":
        if args.count < 0:
            raise CliError("--count cannot be negative")
        shop = service.resolve_shop(args.shop, args.platform, create=True)
        row = service.set(shop, args.month, args.count)
        print(f"{row.shop.label} {row.month}: {row.paid_orders} paid order(s)")
        return 0
    rows = service.list()
    if args.json:
        print_json(
            [
                {
                    "shop": r.shop.name,
                    "platform": r.shop.platform,
                    "month": r.month,
                    "paid_orders": r.paid_orders,
                }
                for r in rows
            ]
        )
        return 0
    for r in rows:
        print(f"{r.month}  {r.shop.label:<30} {r.paid_orders:>10}")
    print(f"{len(rows)} entr{'y' if len(rows) == 1 else 'ies'}")
    return 0
