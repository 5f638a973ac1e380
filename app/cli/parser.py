"""The argument parser of the CLI contract (DESIGN.md): global options, one sub-parser per command."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app import __version__
from app.models.enums import Action, CaseType, Party, Platform, Reason, Stage
from app.services.text.labels import vocab_value

GLOBAL_HELP = "python -m app [--data-dir DIR] [--now ISO8601] [--demo] [--new-database] [COMMAND ...]"


def word(kind: str) -> Callable[[str], str]:
    """An option that takes the vocabulary value or what a merchant calls it (快手, 退货退款, 质量问题):
    the value comes out; anything else is left for argparse to refuse with the list of choices."""

    def convert(text: str) -> str:
        return vocab_value(kind, text) or text

    convert.__name__ = kind  # argparse names the type in its messages
    return convert


def _global_options(parser: argparse.ArgumentParser, suppress: bool) -> None:
    default: Any = argparse.SUPPRESS if suppress else None
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=default,
        help="data folder (default: the one chosen in the window, else per-user)",
    )
    parser.add_argument("--now", default=default, help="behave as if it were this instant (ISO 8601)")
    parser.add_argument(
        "--demo",
        action="store_true",
        default=argparse.SUPPRESS if suppress else False,
        help="use a throw-away data folder filled with demo cases",
    )
    parser.add_argument(
        "--new-database",
        action="store_true",
        default=argparse.SUPPRESS if suppress else False,
        help="start an empty database where none is (or the file is empty), even beside backups",
    )


def _handler(parser: argparse.ArgumentParser) -> None:
    """Every writing command says who did it (a name on the handler list of Settings)."""
    parser.add_argument("--handler", metavar="NAME", help="who did it (a handler from Settings)")


def _expect_version(parser: argparse.ArgumentParser) -> None:
    """A write made against the version you read (`case show --json`): refused if it moved."""
    parser.add_argument(
        "--expect-version",
        metavar="N",
        type=int,
        help="refuse unless the case is still at this version (default: read and write at once)",
    )


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    _global_options(common, suppress=True)

    p = argparse.ArgumentParser(prog="python -m app", description="售后哨兵 · Aftersales Sentinel")
    _global_options(p, suppress=False)
    p.add_argument("--version", action="version", version=f"Aftersales Sentinel {__version__}")
    p.add_argument("--minimized", action="store_true", help="start in the tray (window hidden)")
    p.add_argument("--self-test", action="store_true", help="check this installation and exit (0 = ok)")
    sub = p.add_subparsers(dest="command")

    case = sub.add_parser("case", help="add, act on, show and list cases", parents=[common])
    csub = case.add_subparsers(dest="case_command", required=True)

    add = csub.add_parser("add", help="record a new after-sales case", parents=[common])
    add.add_argument("--platform", required=True, type=word("platform"), choices=[x.value for x in Platform])
    add.add_argument("--type", required=True, type=word("type"), choices=[x.value for x in CaseType])
    add.add_argument("--reason", required=True, type=word("reason"), choices=[x.value for x in Reason])
    add.add_argument("--order-no", required=True)
    add.add_argument("--aftersale-no", required=True)
    add.add_argument("--amount", required=True, help="refund amount requested, e.g. 99.00")
    add.add_argument("--requested-at", required=True, help="when the buyer applied (ISO 8601)")
    add.add_argument("--shipped", choices=["yes", "no"])
    add.add_argument("--shop")
    add.add_argument("--product", default="")
    add.add_argument("--sku", default="")
    add.add_argument("--buyer", default="")
    _handler(add)
    add.add_argument("--json", action="store_true")

    act = csub.add_parser("act", help="record what happened on a case", parents=[common])
    act.add_argument("case_id")
    act.add_argument(
        "action",
        choices=[a.value for a in Action if a is not Action.OPEN] + ["callback"],
        help="what happened; `callback`: the 回访 after the case ended (--result, --text)",
    )
    act.add_argument("--at", help="when it happened (default: now)")
    act.add_argument("--tracking", help="tracking number (buyer_ship, ship_replacement)")
    act.add_argument("--carrier", help="courier company")
    act.add_argument("--amount", help="amount refunded")
    act.add_argument("--reason", help="reason (reject, refuse_receipt, extend_deadline)")
    act.add_argument("--ruling", choices=["for_buyer", "for_merchant"], help="platform_ruling outcome")
    act.add_argument("--due-at", help="new due time (extend_deadline)")
    act.add_argument("--party", choices=[x.value for x in Party], help="whose clock (extend_deadline)")
    act.add_argument("--text", help="note text")
    act.add_argument(
        "--follow-up-by",
        metavar="ISO",
        help="note: what was agreed with the buyer is followed up by then (a merchant deadline)",
    )
    act.add_argument("--freight", help="freight amount for this leg")
    act.add_argument("--freight-payer", choices=["merchant", "buyer", "platform"])
    act.add_argument(
        "--compensation",
        metavar="AMOUNT",
        help="compensation (赔付) paid to the buyer, e.g. 20.00 (approve, refund, confirm_receipt, "
        "ship_replacement, buyer_confirm, platform_ruling, withdraw, note)",
    )
    act.add_argument(
        "--goods-value",
        metavar="AMOUNT",
        help="value of the goods sent out for a reship/exchange, e.g. 30.00 (ship_replacement)",
    )
    act.add_argument(
        "--repair-cost", metavar="AMOUNT", help="what the repair cost the merchant (ship_replacement)"
    )
    act.add_argument(
        "--result",
        type=word("callback_result"),
        choices=["satisfied", "neutral", "unsatisfied"],
        help="callback: the buyer's answer (满意 / 一般 / 不满意 accepted)",
    )
    act.add_argument("--actor", choices=["merchant", "buyer", "platform"], default=None)
    _expect_version(act)
    _handler(act)
    act.add_argument("--json", action="store_true")

    edit = csub.add_parser("edit", help="change fields no clock depends on", parents=[common])
    edit.add_argument("case_id")
    edit.add_argument(
        "--set",
        metavar="FIELD=VALUE",
        action="append",
        required=True,
        help="a field and its new value (order_no, buyer_nick, buyer_phone, buyer_address, product_title, "
        "sku, tags, reason_detail, shop, quantity, order_amount, refund_requested); repeatable",
    )
    _expect_version(edit)
    _handler(edit)
    edit.add_argument("--json", action="store_true")

    assign = csub.add_parser("assign", help="assign a case to a handler, or release it", parents=[common])
    assign.add_argument("case_id")
    whom = assign.add_mutually_exclusive_group(required=True)
    whom.add_argument("--to", metavar="NAME", help="the handler who works it from now on")
    whom.add_argument("--release", action="store_true", help="nobody: anyone may take it")
    _expect_version(assign)
    _handler(assign)
    assign.add_argument("--json", action="store_true")

    show = csub.add_parser("show", help="one case: stage, events, deadlines", parents=[common])
    show.add_argument("case_id")
    show.add_argument("--json", action="store_true")

    lst = csub.add_parser("list", help="cases, newest last", parents=[common])
    lst.add_argument("--stage", type=word("stage"), choices=[s.value for s in Stage])
    lst.add_argument("--platform", type=word("platform"), choices=[x.value for x in Platform])
    mine = lst.add_mutually_exclusive_group()
    mine.add_argument("--mine", action="store_true", help="only the cases assigned to --handler")
    mine.add_argument("--assignee", metavar="NAME", help="only the cases assigned to NAME")
    lst.add_argument("--handler", metavar="NAME", help="who you are (for --mine)")
    lst.add_argument("--json", action="store_true")

    due = sub.add_parser("due", help="pending deadlines, soonest first", parents=[common])
    due.add_argument("--within", help="only those due within this span, e.g. 72h, 3d")
    due.add_argument("--json", action="store_true")

    tick = sub.add_parser("tick", help="apply every auto-action that is due now", parents=[common])
    _handler(tick)
    tick.add_argument("--json", action="store_true")

    fup = sub.add_parser("follow-up", help="agreed follow-ups (notes with --follow-up-by)", parents=[common])
    fsub = fup.add_subparsers(dest="follow_up_command", required=True)
    fdone = fsub.add_parser("done", help="mark a follow-up done (kept if by its time)", parents=[common])
    fdone.add_argument("follow_up_id", type=int)
    fdone.add_argument("--at", help="when it was done (default: now)")
    _handler(fdone)
    fdone.add_argument("--json", action="store_true")

    tpl = sub.add_parser("templates", help="reply templates (话术库)", parents=[common])
    tsub = tpl.add_subparsers(dest="templates_command", required=True)
    tlist = tsub.add_parser("list", help="the templates, in the shop's order", parents=[common])
    tlist.add_argument("--json", action="store_true")
    tfill = tsub.add_parser("fill", help="print a template filled from a case", parents=[common])
    tfill.add_argument("template_id", type=int)
    tfill.add_argument("case_id")
    tfill.add_argument("--handler", metavar="NAME", help="fills {客服} (default: the case's handler)")
    texp = tsub.add_parser("export", help="write the templates to a file (to share)", parents=[common])
    texp.add_argument("file", type=Path)
    tset = tsub.add_parser("set-field", help="a shop value templates fill, e.g. 退货地址", parents=[common])
    tset.add_argument("name")
    tset.add_argument("value", help="empty: remove it")
    _handler(tset)
    timp = tsub.add_parser("import", help="add a file's templates after ours", parents=[common])
    timp.add_argument("file", type=Path)
    _handler(timp)

    imp = sub.add_parser("import", help="import a platform after-sales export", parents=[common])
    imp.add_argument("file", type=Path)
    imp.add_argument("--platform", type=word("platform"), choices=[x.value for x in Platform])
    imp.add_argument("--dry-run", action="store_true")
    imp.add_argument("--json", action="store_true")
    imp.add_argument("--encoding", help="CSV encoding when the guess is wrong, e.g. gb18030, utf-8-sig")
    imp.add_argument("--shop", help="the shop of rows without a shop column (asked when you have several)")
    _handler(imp)

    rep = sub.add_parser("report", help="Excel report of after-sales metrics", parents=[common])
    rep.add_argument("--from", dest="date_from", required=True)
    rep.add_argument("--to", dest="date_to", required=True)
    rep.add_argument("-o", "--output", required=True, type=Path)
    rep.add_argument("--shop", action="append", help="only this shop (repeat for several)")
    rep.add_argument("--show-pii", action="store_true", help="include buyer phone and address unmasked")
    rep.add_argument("--lang", choices=["zh", "en"], default="zh", help="sheet and column names")

    orders = sub.add_parser("orders", help="paid-order counts per shop and month", parents=[common])
    osub = orders.add_subparsers(dest="orders_command", required=True)
    oset = osub.add_parser("set", help="enter a shop's paid orders for a month", parents=[common])
    oset.add_argument("--shop", required=True)
    oset.add_argument("--month", required=True, help="YYYY-MM (Beijing time)")
    oset.add_argument("--count", required=True, type=int)
    oset.add_argument(
        "--platform", type=word("platform"), choices=[x.value for x in Platform], help="to create or pick the shop"
    )
    _handler(oset)
    olist = osub.add_parser("list", help="the entered counts", parents=[common])
    olist.add_argument("--json", action="store_true")

    bak = sub.add_parser("backup", help="online backup of the database", parents=[common])
    bak.add_argument("-o", "--output", type=Path)
    _handler(bak)
    sub.add_parser("check", help="full integrity check of the database", parents=[common])
    return p
