"""The command line of DESIGN.md. Exit codes: 0 ok, 1 domain error, 2 usage error."""

from __future__ import annotations

import argparse
import json
import logging
import shutil
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from app import __version__
from app.models.enums import Action, CaseType, Party, Platform, Reason, Stage

GLOBAL_HELP = "python -m app [--data-dir DIR] [--now ISO8601] [--demo] [COMMAND ...]"


class CliError(Exception):
    """A one-line message for the user; exit code 1."""


@dataclass
class Options:
    data_dir: Path | None
    now: datetime | None
    demo: bool


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
    add.add_argument("--platform", required=True, choices=[x.value for x in Platform])
    add.add_argument("--type", required=True, choices=[x.value for x in CaseType])
    add.add_argument("--reason", required=True, choices=[x.value for x in Reason])
    add.add_argument("--order-no", required=True)
    add.add_argument("--aftersale-no", required=True)
    add.add_argument("--amount", required=True, help="refund amount requested, e.g. 99.00")
    add.add_argument("--requested-at", required=True, help="when the buyer applied (ISO 8601)")
    add.add_argument("--shipped", choices=["yes", "no"])
    add.add_argument("--shop")
    add.add_argument("--product", default="")
    add.add_argument("--sku", default="")
    add.add_argument("--buyer", default="")
    add.add_argument("--json", action="store_true")

    act = csub.add_parser("act", help="record what happened on a case", parents=[common])
    act.add_argument("case_id")
    act.add_argument("action", choices=[a.value for a in Action if a is not Action.OPEN])
    act.add_argument("--at", help="when it happened (default: now)")
    act.add_argument("--tracking", help="tracking number (buyer_ship, ship_replacement)")
    act.add_argument("--carrier", help="courier company")
    act.add_argument("--amount", help="amount refunded")
    act.add_argument("--reason", help="reason (reject, refuse_receipt, extend_deadline)")
    act.add_argument("--ruling", choices=["for_buyer", "for_merchant"], help="platform_ruling outcome")
    act.add_argument("--due-at", help="new due time (extend_deadline)")
    act.add_argument("--party", choices=[x.value for x in Party], help="whose clock (extend_deadline)")
    act.add_argument("--text", help="note text")
    act.add_argument("--freight", help="freight amount for this leg")
    act.add_argument("--freight-payer", choices=["merchant", "buyer", "platform"])
    act.add_argument(
        "--compensation",
        metavar="AMOUNT",
        help="compensation (赔付) paid to the buyer, e.g. 20.00 (approve, refund, confirm_receipt, "
        "ship_replacement, buyer_confirm, platform_ruling, withdraw, note)",
    )
    act.add_argument("--actor", choices=["merchant", "buyer", "platform"], default=None)
    act.add_argument("--json", action="store_true")

    show = csub.add_parser("show", help="one case: stage, events, deadlines", parents=[common])
    show.add_argument("case_id")
    show.add_argument("--json", action="store_true")

    lst = csub.add_parser("list", help="cases, newest last", parents=[common])
    lst.add_argument("--stage", choices=[s.value for s in Stage])
    lst.add_argument("--platform", choices=[x.value for x in Platform])
    lst.add_argument("--json", action="store_true")

    due = sub.add_parser("due", help="pending deadlines, soonest first", parents=[common])
    due.add_argument("--within", help="only those due within this span, e.g. 72h, 3d")
    due.add_argument("--json", action="store_true")

    tick = sub.add_parser("tick", help="apply every auto-action that is due now", parents=[common])
    tick.add_argument("--json", action="store_true")

    imp = sub.add_parser("import", help="import a platform after-sales export", parents=[common])
    imp.add_argument("file", type=Path)
    imp.add_argument("--platform", choices=[x.value for x in Platform])
    imp.add_argument("--dry-run", action="store_true")
    imp.add_argument("--json", action="store_true")
    imp.add_argument("--encoding", help="CSV encoding when the guess is wrong, e.g. gb18030, utf-8-sig")

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
    oset.add_argument("--platform", choices=[x.value for x in Platform], help="to create or pick the shop")
    olist = osub.add_parser("list", help="the entered counts", parents=[common])
    olist.add_argument("--json", action="store_true")

    bak = sub.add_parser("backup", help="online backup of the database", parents=[common])
    bak.add_argument("-o", "--output", type=Path)
    sub.add_parser("check", help="full integrity check of the database", parents=[common])
    return p


def options_of(args: argparse.Namespace) -> Options:
    from app.services.clock import parse_instant

    now = None
    if getattr(args, "now", None):
        try:
            now = parse_instant(args.now)
        except ValueError:
            raise UsageError(f"--now: not an ISO 8601 time: {args.now!r}") from None
    return Options(getattr(args, "data_dir", None), now, bool(getattr(args, "demo", False)))


class UsageError(Exception):
    pass


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        opts = options_of(args)
    except UsageError as e:
        parser.print_usage(sys.stderr)
        print(f"python -m app: error: {e}", file=sys.stderr)
        return 2
    if args.self_test:
        from app.ui.shell.self_test import run_self_test

        return run_self_test()
    if args.command is None:
        from app.ui.shell.main import run_gui

        return int(run_gui(opts, minimized=args.minimized))
    return run_command(args, opts)


def run_command(args: argparse.Namespace, opts: Options) -> int:
    from app.models.db import SchemaTooNewError
    from app.services.rules.presets import RuleFileError
    from app.services.rules.workflow import ActionNotAllowed

    demo_dir: Path | None = None
    if opts.data_dir is None and not opts.demo:
        opts = replace(opts, data_dir=configured_data_dir())
    try:
        ctx, demo_dir = open_context(opts, running=False)
        try:
            return dispatch(ctx, args)
        finally:
            ctx.close()
    except (CliError, ActionNotAllowed, SchemaTooNewError, RuleFileError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    except Exception as e:
        from app.cli.maintenance import database_error_message
        from app.paths import default_data_dir

        message = database_error_message(e, opts.data_dir or default_data_dir())
        if message is None:
            logging.getLogger(__name__).exception("unexpected error in %s", args.command)
            raise
        print(f"error: {message}", file=sys.stderr)
        return 1
    finally:
        if demo_dir is not None:
            shutil.rmtree(demo_dir, ignore_errors=True)


def configured_data_dir() -> Path:
    """The data folder the window uses (its setting, from the welcome or Settings), else the default.

    A merchant who moved the data folder in the window scripts the same data without
    repeating `--data-dir`. Reads the window's QSettings (QtCore only, no GUI).
    """
    from app.ui.settings import keys as window_settings
    from app.ui.settings import store as settings_store

    return settings_store.data_dir(window_settings.open_settings())


def make_clock(opts: Options, running: bool) -> Any:
    """SystemClock; with --now a clock that starts there (running on in the window)."""
    from app.services.clock import FixedClock, RunningClock, SystemClock

    if opts.now is None:
        return SystemClock()
    return RunningClock(opts.now) if running else FixedClock(opts.now)


def open_context(opts: Options, running: bool, clock: Any = None) -> tuple[Any, Path | None]:
    """The services for the chosen data folder; with --demo a throw-away folder with demo cases."""
    from app.bootstrap import AppContext
    from app.paths import default_data_dir

    clock = clock or make_clock(opts, running)
    demo_dir = None
    data_dir = opts.data_dir
    if opts.demo:
        demo_dir = Path(tempfile.mkdtemp(prefix="aftersales-demo-"))
        data_dir = demo_dir
    from app.services.storage.logs import setup_logging

    data_dir = data_dir or default_data_dir()
    setup_logging(data_dir)
    ctx = AppContext.open(data_dir, clock)
    if opts.demo:
        from app.services.cases.demo import seed_demo

        seed_demo(ctx.cases, clock)
    return ctx, demo_dir


def dispatch(ctx: Any, args: argparse.Namespace) -> int:
    from app.cli import commands as cmd

    if args.command == "case":
        handler = {
            "add": cmd.case_add,
            "act": cmd.case_act,
            "show": cmd.case_show,
            "list": cmd.case_list,
        }[args.case_command]
        return handler(ctx, args)
    handlers = {
        "due": cmd.due,
        "tick": cmd.tick,
        "import": cmd.import_file,
        "report": cmd.report,
        "orders": cmd.orders,
        "backup": cmd.backup,
        "check": cmd.check,
    }
    return handlers[args.command](ctx, args)


def to_jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        from app.services.clock import iso_beijing

        return iso_beijing(value)
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {k: to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    return value


def print_json(value: Any) -> None:
    print(json.dumps(to_jsonable(value), ensure_ascii=False, indent=2))
