"""`python -m app import FILE`: preview or import a platform export, as text or --json."""

from __future__ import annotations

import argparse
from typing import Any

from app.bootstrap import AppContext
from app.cli.output import CliError, print_json
from app.models.enums import Platform
from app.services.importing import ImportFileError, ImportPlan, ImportResult, ProblemKind, RowPlan
from app.services.importing.transitions import PLATFORM_STATUS, Step


def run_import(ctx: AppContext, args: argparse.Namespace) -> int:
    importer = ctx.importer
    platform = Platform(args.platform) if args.platform else None
    if not args.file.exists():
        raise CliError(f"no such file: {args.file}")
    try:
        result = importer.import_file(
            args.file,
            platform=platform,
            encoding=getattr(args, "encoding", None),
            dry_run=args.dry_run,
            shop=getattr(args, "shop", None),
        )
    except ImportFileError as e:
        raise CliError(str(e)) from None
    if args.json:
        print_json(result_json(result))
    else:
        print_text(result)
    return 0


def _action_name(step: Step) -> str:
    if step.action is not None:
        return step.action.value
    return PLATFORM_STATUS if step.platform_stage is not None else "clocks_until"


def _row_json(row: RowPlan, case_ids: dict[int, int]) -> dict[str, Any]:
    return {
        "row": row.line,
        "platform": row.platform.value if row.platform else None,
        "aftersale_no": row.aftersale_no,
        "status": row.status_word,
        "outcome": row.outcome.value,
        "case_id": case_ids.get(row.line, row.case_id),
        "from_stage": row.from_stage.value if row.from_stage else None,
        "to_stage": row.to_stage.value if row.to_stage else None,
        "actions": [
            {"action": _action_name(s), "at": s.at, "payload": s.payload}
            for s in row.steps
        ],
        "problems": [
            {"kind": p.kind.value, "column": p.column, "value": p.value, "message": p.message}
            for p in row.problems
        ],
        "notes": list(row.notes),
    }


def result_json(result: ImportResult) -> dict[str, Any]:
    plan = result.plan
    return {
        "file": plan.source,
        "format": plan.kind,
        "encoding": plan.encoding,
        "platform": plan.platform.value,
        "platform_guessed": plan.platform_guessed,
        "header_row": plan.header_line,
        "dry_run": result.dry_run,
        "columns": dict(plan.columns.by_field),
        "column_confidence": dict(plan.columns.confidence),
        "missing_columns": {f: list(plan.columns.closest.get(f, ())) for f in plan.missing_columns},
        "unmapped_columns": list(plan.columns.unmapped),
        "counts": plan.counts(),
        "skipped_rows": list(plan.skipped_lines),
        "unknown_statuses": plan.unknown_words(ProblemKind.UNKNOWN_STATUS),
        "unknown_types": plan.unknown_words(ProblemKind.UNKNOWN_TYPE),
        "user_mapping": plan.user_mapping,
        "shop": plan.shop,
        "case_ids": result.imported_case_ids,
        "rows": [_row_json(r, result.case_ids) for r in plan.rows],
    }


def print_text(result: ImportResult) -> None:
    plan = result.plan
    how = "guessed" if plan.platform_guessed else "given"
    enc = f" {plan.encoding}" if plan.encoding else ""
    print(
        f"{plan.source}: {plan.preset_label} ({plan.platform.value}, {how})"
        f" · header on row {plan.header_line} · {plan.kind}{enc}"
    )
    for row in plan.rows:
        if row.problems:
            for p in row.problems:
                where = f" [{p.column}]" if p.column else ""
                print(f"row {row.line} {row.aftersale_no}{where}: {p.kind.value}: {p.message}")
    _print_unknown(plan)
    c = plan.counts()
    tail = " (dry run: nothing written)" if result.dry_run else ""
    print(f"new {c['new']} · updated {c['update']} · unchanged {c['unchanged']} · errors {c['error']}{tail}")


def _print_unknown(plan: ImportPlan) -> None:
    for kind, section in ((ProblemKind.UNKNOWN_STATUS, "statuses"), (ProblemKind.UNKNOWN_TYPE, "types")):
        words = plan.unknown_words(kind)
        if words:
            listed = ", ".join(f"{w} (rows {', '.join(map(str, lines))})" for w, lines in words.items())
            print(f"unknown {section}: {listed}; map them under [{section}] in {plan.user_mapping}")
