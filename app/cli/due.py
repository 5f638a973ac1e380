"""`due` and `tick`: what is due next, and the platform's auto-actions that are due now."""

from __future__ import annotations

import argparse
from typing import Any

from app.bootstrap import AppContext
from app.cli.output import CliError, auto_json, print_json
from app.services.clock import iso_beijing, parse_span
from app.services.listing.due import KIND_CALLBACK, KIND_FOLLOW_UP, KIND_TARGET, DueRow
from app.services.text.labels import format_left


def _due_json(r: DueRow, now: Any) -> dict[str, Any]:
    return {
        "case_id": r.case_id,
        "aftersale_no": r.aftersale_no,
        "platform": r.platform,
        "type": r.case_type,
        "stage": r.stage,
        "party": r.party,
        "due_at": r.due_at,
        "seconds_left": int((r.due_at - now).total_seconds()),
        "auto_action": r.auto_action,
        "next_stage": r.next_stage,
        "rule_id": r.rule_id,
        "confidence": r.confidence,
        "amount": r.amount,
        "product": r.product_title,
        "kind": r.kind,
        "text": r.text,
        "follow_up_id": r.follow_up_id,
        "target": r.target,
    }


def due(ctx: AppContext, args: argparse.Namespace) -> int:
    within = None
    if args.within:
        try:
            within = parse_span(args.within)
        except ValueError as e:
            raise CliError(f"--within: {e}") from None
    rows = ctx.due_list.due(within=within)
    now = ctx.clock.now()
    if args.json:
        print_json([_due_json(r, now) for r in rows])
        return 0
    for r in rows:
        mark = " (未核实)" if r.confidence == "C" else ""
        if r.kind == KIND_FOLLOW_UP:
            what = f"follow-up {r.follow_up_id}: {r.text}"
        elif r.kind == KIND_TARGET:
            what = f"target {r.target}"
        elif r.kind == KIND_CALLBACK:
            what = "callback (回访)"
        else:
            what = f"{r.auto_action}{mark}"
        print(
            f"{iso_beijing(r.due_at)}  {format_left(r.due_at - now):>14}  {r.platform:<11} "
            f"{r.aftersale_no:<20} {r.stage:<26} {r.party:<8} {what}  case {r.case_id}"
            + (f"  {r.product_title}" if r.product_title else "")
        )
    print(f"{len(rows)} deadline(s)")
    return 0


def tick(ctx: AppContext, args: argparse.Namespace) -> int:
    applied = ctx.cases.tick()
    if args.json:
        print_json([auto_json(a) for a in applied])
        return 0
    for a in applied:
        amount = f" ¥{a.amount}" if a.amount is not None else ""
        print(
            f"{iso_beijing(a.at)}  {a.platform} {a.aftersale_no}: {a.auto_action.value}"
            f"{amount}  {a.from_stage.value} → {a.to_stage.value}"
        )
    print(f"{len(applied)} auto-action(s) applied")
    return 0
