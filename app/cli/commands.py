"""What each CLI command does: parse its options, call a service, print text or JSON."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from app.bootstrap import AppContext
from app.cli import CliError, print_json
from app.cli import maintenance as cli_maintenance
from app.models.enums import Action, Actor, CaseType, Platform, Reason, Stage
from app.services.alerts.log import in_language
from app.services.cases.service import ActionRequest, NewCase, parse_money
from app.services.clock import iso_beijing, parse_instant, parse_span
from app.services.listing.queries import CaseRow, DeadlineView, DueRow
from app.services.text.labels import AUTO_ZH, STAGE_ZH, format_left


def _instant(text: str, flag: str) -> Any:
    try:
        return parse_instant(text)
    except ValueError:
        raise CliError(f"{flag}: not an ISO 8601 time: {text!r}") from None


def case_add(ctx: AppContext, args: argparse.Namespace) -> int:
    new = NewCase(
        platform=Platform(args.platform),
        case_type=CaseType(args.type),
        reason=Reason(args.reason),
        order_no=args.order_no,
        aftersale_no=args.aftersale_no,
        amount=parse_money(args.amount),
        requested_at=_instant(args.requested_at, "--requested-at"),
        shipped=None if args.shipped is None else args.shipped == "yes",
        shop=args.shop,
        product_title=args.product,
        sku=args.sku,
        buyer_nick=args.buyer,
    )
    case_id = ctx.cases.add_case(new)
    if args.json:
        print_json({"id": case_id, "case_id": case_id})
    else:
        print(case_id)
    return 0


ACT_FIELDS = (
    "tracking",
    "carrier",
    "amount",
    "reason",
    "ruling",
    "due_at",
    "party",
    "text",
    "freight",
    "freight_payer",
    "compensation",
)


def case_act(ctx: AppContext, args: argparse.Namespace) -> int:
    case_id = ctx.cases.resolve_case_id(args.case_id)
    payload = {k: getattr(args, k) for k in ACT_FIELDS if getattr(args, k, None)}
    at = _instant(args.at, "--at") if args.at else None
    action = Action(args.action)
    actor = Actor(args.actor) if args.actor else _default_actor(action)
    result = ctx.cases.act(case_id, ActionRequest(action, at=at, actor=actor, payload=payload))
    if args.json:
        print_json(
            {
                "case_id": result.case_id,
                "event_id": result.event_id,
                "stage": result.stage.value,
                "auto_applied": [_auto_json(a) for a in result.auto_applied],
            }
        )
    else:
        for a in result.auto_applied:
            print(f"note: the platform acted first: {a.auto_action.value} at {iso_beijing(a.at)}")
        print(f"case {result.case_id}: {result.stage.value} ({STAGE_ZH[result.stage.value]})")
    return 0


def _default_actor(action: Action) -> Actor:
    if action in (Action.BUYER_SHIP, Action.BUYER_CONFIRM, Action.WITHDRAW, Action.REAPPLY):
        return Actor.BUYER
    if action is Action.PLATFORM_RULING:
        return Actor.PLATFORM
    return Actor.MERCHANT


def _deadline_json(d: DeadlineView, now: Any) -> dict[str, Any]:
    return {
        "party": d.party,
        "stage": d.stage,
        "starts_at": d.starts_at,
        "due_at": d.due_at,
        "waiting_for": d.waiting_for,
        "auto_action": d.auto_action,
        "next_stage": d.next_stage,
        "rule_id": d.rule_id,
        "confidence": d.confidence,
        "seconds_left": int((d.due_at - now).total_seconds()) if d.due_at else None,
    }


def case_show(ctx: AppContext, args: argparse.Namespace) -> int:
    case_id = ctx.cases.resolve_case_id(args.case_id)
    detail = ctx.queries.detail(case_id)
    if detail is None:
        raise CliError(f"no case {args.case_id}")
    now = ctx.clock.now()
    data = {
        "id": case_id,
        "case_id": case_id,
        **detail.fields,
        "type": detail.fields["case_type"],
        "rule_set": {"label": detail.rule_set_label, "version": detail.rule_set_version},
        "allowed_actions": [a.value for a in detail.allowed],
        "events": [
            {
                "seq": e.seq,
                "at": e.at,
                "recorded_at": e.recorded_at,
                "actor": e.actor,
                "action": e.action,
                "from_stage": e.from_stage,
                "to_stage": e.to_stage,
                "rule_id": e.rule_id,
                "payload": e.payload,
            }
            for e in detail.events
        ],
        "deadlines": [_deadline_json(d, now) for d in detail.row.deadlines],
        "alerts_sent": [asdict(in_language(a, "zh_CN")) for a in ctx.alerts.log.sent_for_case(case_id)],
    }
    if args.json:
        print_json(data)
        return 0
    f = detail.fields
    print(f"case {case_id}  {f['platform']} {f['aftersale_no']}  order {f['order_no']}")
    print(f"  {f['case_type']} · {f['reason']} · ¥{f['refund_requested']} · {f['product_title']}")
    print(f"  stage: {f['stage']} ({STAGE_ZH[f['stage']]}) since {iso_beijing(f['stage_since'])}")
    for d in detail.row.deadlines:
        print("  clock: " + _clock_text(d, now))
    print("  timeline:")
    for e in detail.events:
        extra = " ".join(f"{k}={v}" for k, v in e.payload.items())
        print(f"    {iso_beijing(e.at)}  {e.actor:<8} {e.action:<17} → {e.to_stage}  {extra}".rstrip())
    print("  allowed: " + (", ".join(a.value for a in detail.allowed) or "-"))
    return 0


def _clock_text(d: DeadlineView, now: Any) -> str:
    unverified = " [unverified preset]" if d.confidence == "C" else ""
    if d.due_at is None:
        return f"{d.party}: waiting for {d.waiting_for} → then {d.auto_action}{unverified}"
    return (
        f"{d.party}: {d.auto_action} ({AUTO_ZH[d.auto_action]}) at {iso_beijing(d.due_at)}, "
        f"{format_left(d.due_at - now)}{unverified}"
    )


def _case_json(row: CaseRow, now: Any) -> dict[str, Any]:
    nd = row.next_deadline
    return {
        "id": row.id,
        "case_id": row.id,
        "platform": row.platform,
        "shop": row.shop,
        "aftersale_no": row.aftersale_no,
        "order_no": row.order_no,
        "type": row.case_type,
        "reason": row.reason,
        "stage": row.stage,
        "amount": row.amount,
        "requested_at": row.requested_at,
        "buyer": row.buyer_nick,
        "product": row.product_title,
        "handler": row.handler,
        "next_deadline": _deadline_json(nd, now) if nd else None,
    }


def case_list(ctx: AppContext, args: argparse.Namespace) -> int:
    rows = ctx.queries.list_cases(stage=Stage(args.stage) if args.stage else None, platform=args.platform)
    now = ctx.clock.now()
    if args.json:
        print_json([_case_json(r, now) for r in rows])
        return 0
    for r in rows:
        nd = r.next_deadline
        clock = _clock_text(nd, now) if nd else "-"
        print(f"{r.id:>6}  {r.platform:<11} {r.aftersale_no:<20} {r.case_type:<13} {r.stage:<26} {clock}")
    print(f"{len(rows)} case(s)")
    return 0


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
    }


def due(ctx: AppContext, args: argparse.Namespace) -> int:
    within = None
    if args.within:
        try:
            within = parse_span(args.within)
        except ValueError as e:
            raise CliError(f"--within: {e}") from None
    rows = ctx.queries.due(within=within)
    now = ctx.clock.now()
    if args.json:
        print_json([_due_json(r, now) for r in rows])
        return 0
    for r in rows:
        mark = " (未核实)" if r.confidence == "C" else ""
        print(
            f"{iso_beijing(r.due_at)}  {format_left(r.due_at - now):>14}  {r.platform:<11} "
            f"{r.aftersale_no:<20} {r.stage:<26} {r.party:<8} {r.auto_action}{mark}  case {r.case_id}"
        )
    print(f"{len(rows)} deadline(s)")
    return 0


def _auto_json(a: Any) -> dict[str, Any]:
    return {
        "case_id": a.case_id,
        "aftersale_no": a.aftersale_no,
        "platform": a.platform,
        "auto_action": a.auto_action.value,
        "at": a.at,
        "from_stage": a.from_stage.value,
        "to_stage": a.to_stage.value,
        "amount": a.amount,
        "rule_id": a.rule_id,
    }


def tick(ctx: AppContext, args: argparse.Namespace) -> int:
    applied = ctx.cases.tick()
    if args.json:
        print_json([_auto_json(a) for a in applied])
        return 0
    for a in applied:
        amount = f" ¥{a.amount}" if a.amount is not None else ""
        print(
            f"{iso_beijing(a.at)}  {a.platform} {a.aftersale_no}: {a.auto_action.value}"
            f"{amount}  {a.from_stage.value} → {a.to_stage.value}"
        )
    print(f"{len(applied)} auto-action(s) applied")
    return 0


def _not_yet(name: str) -> int:
    raise CliError(f"'{name}' is not yet available in this version")


def import_file(ctx: AppContext, args: argparse.Namespace) -> int:
    from app.cli.importing import run_import

    return run_import(ctx, args)


def report(ctx: AppContext, args: argparse.Namespace) -> int:
    from app.cli.reports import report as run

    return run(ctx, args)


def orders(ctx: AppContext, args: argparse.Namespace) -> int:
    from app.cli.reports import orders as run

    return run(ctx, args)


def backup(ctx: AppContext, args: argparse.Namespace) -> int:
    return cli_maintenance.backup(ctx, args)


def check(ctx: AppContext, args: argparse.Namespace) -> int:
    return cli_maintenance.check(ctx, args)
