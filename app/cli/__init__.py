"""The command line of DESIGN.md. Exit codes: 0 ok, 1 domain error, 2 usage error.

`parser.py` declares the commands, one module per group does them (`cases.py`, `due.py`,
`importing.py`, `reports.py`, `maintenance.py`), `output.py` holds the error and JSON
forms. Everything starts from `app.bootstrap`; the window is imported only when no
command is given (`python -m app` opens it), so a command never loads PySide6.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from app.bootstrap import AppContext, Options, configured_data_dir, make_clock, open_context, refusal_at_start
from app.cli.output import CliError, print_json
from app.cli.parser import build_parser

__all__ = ["CliError", "Options", "build_parser", "main", "print_json"]


def options_of(args: argparse.Namespace) -> Options:
    from app.services.clock import OutOfRange, parse_instant

    now = None
    if getattr(args, "now", None):
        try:
            now = parse_instant(args.now)
        except OutOfRange as e:
            raise UsageError(f"--now: {e}") from None
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
        from app.ui.shell.main import run_self_test  # the GUI entry point: the window is drawn

        return run_self_test()
    if args.command is None:
        from app.ui.shell.main import run_gui

        return int(run_gui(opts, minimized=args.minimized))
    return run_command(args, opts)


def run_command(args: argparse.Namespace, opts: Options) -> int:
    demo_dir: Path | None = None
    if opts.data_dir is None and not opts.demo:
        opts = replace(opts, data_dir=configured_data_dir())
    try:
        if not opts.demo:
            # The window's start check, before anything opens (or creates) the file.
            from app.services.storage.logs import setup_logging

            assert opts.data_dir is not None
            setup_logging(opts.data_dir)
            refusal = refusal_at_start(
                opts.data_dir, make_clock(opts, running=False), bool(getattr(args, "new_database", False))
            )
            if refusal is None:
                refusal = read_only_refusal(args, opts.data_dir)
            if refusal is not None:
                logging.getLogger(__name__).error("start check refused %s: %s", args.command, refusal)
                print(f"error: {refusal}", file=sys.stderr)
                return 1
        ctx, demo_dir = open_context(opts, running=False)
        try:
            for warning in ctx.rule_warnings():  # once per command, before its output
                print(f"warning: {warning}", file=sys.stderr)
            return dispatch(ctx, args)
        finally:
            ctx.close()
    except BrokenPipeError:
        return _reader_went_away()
    except Exception as e:
        if _is_refusal(e):
            print(f"error: {e}", file=sys.stderr)
            return 1
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


# The commands that change the data folder (refused, before anything opens, in a read-only one).
WRITING: set[tuple[str, str | None]] = {
    ("case", "add"),
    ("case", "act"),
    ("tick", None),
    ("import", None),
    ("follow-up", "done"),
    ("templates", "import"),
    ("templates", "set-field"),
}


def writes(args: argparse.Namespace) -> bool:
    """Does this command change the data folder? (`backup` into its backups folder, `orders set`.)"""
    sub = getattr(args, SUB_COMMAND[args.command]) if args.command in SUB_COMMAND else None
    if args.command == "backup":
        return not getattr(args, "output", None)
    if args.command == "orders":
        return getattr(args, "orders_command", None) == "set"
    return (args.command, sub) in WRITING


def read_only_refusal(args: argparse.Namespace, data_dir: Path) -> str | None:
    """The one line for a writing command in a read-only data folder (reads go ahead)."""
    from app.models.read_only import is_read_only
    from app.models.schema_version import DB_FILE_NAME
    from app.services.storage import messages as msg

    if not writes(args) or not is_read_only(data_dir / DB_FILE_NAME):
        return None
    sub = getattr(args, SUB_COMMAND[args.command]) if args.command in SUB_COMMAND else None
    command = f"{args.command} {sub}" if sub else args.command
    if args.command == "orders":
        command = "orders set"
    return msg.READ_ONLY_COMMAND(path=data_dir, command=command)


def _reader_went_away() -> int:
    """The output's reader closed it (`| head -1`): stop quietly, as `cat` would. Python would
    fail again flushing stdout at exit, so stdout goes to the null device first (Python docs,
    "Note on SIGPIPE")."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return 1


def _is_refusal(error: Exception) -> bool:
    """A domain refusal or a file the merchant must fix: one line, exit 1. (Imported here, on the
    error path only: a `due` that succeeds loads neither SQLAlchemy nor the rule presets.)"""
    from app.models.schema_version import SchemaTooNewError
    from app.services.errors import ActionNotAllowed
    from app.services.rules.presets import RuleFileError

    return isinstance(error, CliError | ActionNotAllowed | SchemaTooNewError | RuleFileError)


# Which module does each command: (command, sub-command) -> (module in app.cli, function).
COMMANDS: dict[tuple[str, str | None], tuple[str, str]] = {
    ("case", "add"): ("cases", "case_add"),
    ("case", "act"): ("cases", "case_act"),
    ("case", "show"): ("cases", "case_show"),
    ("case", "list"): ("cases", "case_list"),
    ("case", "edit"): ("cases", "case_edit"),
    ("case", "assign"): ("cases", "case_assign"),
    ("due", None): ("due", "due"),
    ("tick", None): ("due", "tick"),
    ("import", None): ("importing", "run_import"),
    ("report", None): ("reports", "report"),
    ("orders", None): ("reports", "orders"),
    ("backup", None): ("maintenance", "backup"),
    ("check", None): ("maintenance", "check"),
    ("follow-up", "done"): ("desk", "follow_up_done"),
    ("templates", "list"): ("desk", "templates_list"),
    ("templates", "fill"): ("desk", "templates_fill"),
    ("templates", "export"): ("desk", "templates_export"),
    ("templates", "import"): ("desk", "templates_import"),
    ("templates", "set-field"): ("desk", "templates_set_field"),
}
SUB_COMMAND = {"case": "case_command", "follow-up": "follow_up_command", "templates": "templates_command"}


def dispatch(ctx: AppContext, args: argparse.Namespace) -> int:
    """Run the command's function; only its own module is imported (a `due` loads no openpyxl)."""
    import importlib

    sub = getattr(args, SUB_COMMAND[args.command]) if args.command in SUB_COMMAND else None
    if getattr(args, "handler", None):
        args.handler = ctx.handlers.resolve(args.handler)  # who did it: a name on the list
    module_name, function = COMMANDS[(args.command, sub)]
    module = importlib.import_module(f"app.cli.{module_name}")
    result: int = getattr(module, function)(ctx, args)
    return result
