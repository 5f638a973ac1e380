"""`case add|act|show|list`: record cases and what happened to them, show one, list them."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from app.bootstrap import AppContext
from app.cli.output import (
    CliError,
    auto_json,
    callback_json,
    follow_up_json,
    instant,
    print_json,
    target_json,
)
from app.models.enums import Action, Actor, CaseType, Platform, Reason, Stage
from app.services.alerts.log import in_language
from app.services.cases.service import ActionRequest, NewCase, parse_money
from app.services.clock import iso_beijing
from app.services.listing.queries import CaseRow, DeadlineView
from app.services.rules.actions import FIELDS as ACT_FIELDS
from app.services.rules.actions import default_actor
from app.services.text.labels import AUTO_ZH, STAGE_ZH, format_left


def case_add(ctx: AppContext, args: argparse.Namespace) -> int:
    new = NewCase(
        platform=Platform(args.platform),
        case_type=CaseType(args.type),
        reason=Reason(args.reason),
        order_no=args.order_no,
        aftersale_no=args.aftersale_no,
        amount=parse_money(args.amount),
        requested_at=instant(args.requested_at, "--requested-at"),
        shipped=None if args.shipped is None else args.shipped == "yes",
        shop=args.shop,
        product_title=args.product,
        sku=args.sku,
        buyer_nick=args.buyer,
        handler=args.handler or "",
    )
    case_id = ctx.cases.add_case(new)
    if args.json:
        print_json({"id": case_id, "case_id": case_id})
    else:
        print(case_id)
    return 0


def case_act(ctx: AppContext, args: argparse.Namespace) -> int:
    case_id = ctx.cases.resolve_case_id(args.case_id)
    if args.action == "callback":
        return _callback(ctx, case_id, args)
    payload = {k: getattr(args, k) for k in ACT_FIELDS if getattr(args, k, None)}
    at = instant(args.at, "--at") if args.at else None
    action = Action(args.action)
    actor = Actor(args.actor) if args.actor else default_actor(action)
    request = ActionRequest(action, at=at, actor=actor, payload=payload, handler=args.handler or "")
    result = ctx.cases.act(case_id, request, expect_version=args.expect_version)
    if args.json:
        print_json(
            {
                "case_id": result.case_id,
                "event_id": result.event_id,
                "stage": result.stage.value,
                "version": result.version,
                "auto_applied": [auto_json(a) for a in result.auto_applied],
            }
        )
    else:
        for a in result.auto_applied:
            print(f"note: the platform acted first: {a.auto_action.value} at {iso_beijing(a.at)}")
        print(f"case {result.case_id}: {result.stage.value} ({STAGE_ZH[result.stage.value]})")
    return 0


def case_edit(ctx: AppContext, args: argparse.Namespace) -> int:
    case_id = ctx.cases.resolve_case_id(args.case_id)
    raw: dict[str, str] = {}
    for item in args.set:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise CliError(f"--set {item!r}: write FIELD=VALUE")
        raw[name.strip()] = value
    changes = ctx.edits.edit(case_id, raw, expect_version=args.expect_version, handler=args.handler or "")
    detail = ctx.queries.detail(case_id)
    assert detail is not None
    if args.json:
        print_json(
            {
                "case_id": case_id,
                "changed": [c.field for c in changes],
                "version": detail.fields["version"],
            }
        )
    else:
        print(f"case {case_id}: " + (", ".join(c.field for c in changes) or "nothing changed"))
    return 0


def case_assign(ctx: AppContext, args: argparse.Namespace) -> int:
    case_id = ctx.cases.resolve_case_id(args.case_id)
    to = None if args.release else args.to
    done = ctx.assignments.assign(case_id, to, args.handler or "", expect_version=args.expect_version)
    if args.json:
        print_json({"case_id": case_id, "assignee": done.assignee, "version": done.version, "changed": done.changed})
    else:
        print(f"case {case_id}: " + (f"assigned to {done.assignee}" if done.assignee else "unassigned"))
    return 0


def _callback(ctx: AppContext, case_id: int, args: argparse.Namespace) -> int:
    """`case act ID callback --result satisfied --text T`: the 回访 recorded."""
    from app.services.service_desk.callbacks import parse_result

    if not args.result:
        raise CliError("callback needs --result satisfied|neutral|unsatisfied (满意/一般/不满意)")
    at = instant(args.at, "--at") if args.at else None
    done = ctx.callbacks.record(case_id, parse_result(args.result), args.text or "", args.handler or "", at)
    if args.json:
        print_json(callback_json(done, ctx.clock.now()))
    else:
        assert done.result is not None and done.done_at is not None
        print(f"case {case_id}: 回访 {done.result.value} at {iso_beijing(done.done_at)}")
    return 0


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
        "estimate": str(d.estimate) if d.estimate is not None else None,
        "adjustment": str(d.adjustment) if d.adjustment is not None else None,
        "platform_deadline": d.platform_deadline,
        "preset_due": d.preset_due,
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
                "handler": e.handler,
            }
            for e in detail.events
        ],
        "follow_ups": [follow_up_json(f, now) for f in ctx.follow_ups.for_case(case_id)],
        "targets": [target_json(t, now) for t in ctx.targets.for_case(case_id)],
        "callback": callback_json(callback, now) if (callback := ctx.callbacks.for_case(case_id)) else None,
        "deadlines": [_deadline_json(d, now) for d in detail.row.deadlines],
        "alerts_sent": [asdict(in_language(a, "zh_CN")) for a in ctx.alerts.log.sent_for_case(case_id)],
    }
    if args.json:
        print_json(data)
        return 0
    f = detail.fields
    print(f"case {case_id}  {f['platform']} {f['aftersale_no']}  order {f['order_no']}")
    parts = [f["case_type"], f["reason"], f"¥{f['refund_requested']}", f["product_title"]]
    print("  " + " · ".join(str(p) for p in parts if p))
    print(f"  stage: {f['stage']} ({STAGE_ZH[f['stage']]}) since {iso_beijing(f['stage_since'])}")
    for d in detail.row.deadlines:
        print("  clock: " + _clock_text(d, now))
    print("  timeline:")
    for e in detail.events:
        extra = " ".join(f"{k}={v}" for k, v in e.payload.items())
        print(f"    {iso_beijing(e.at)}  {e.actor:<8} {e.action:<17} → {e.to_stage}  {extra}".rstrip())
    for fu in ctx.follow_ups.for_case(case_id):
        done = f", done {iso_beijing(fu.done_at)}" if fu.done_at else ""
        print(f"  follow-up {fu.id}: by {iso_beijing(fu.due_at)} [{fu.status.value}{done}]  {fu.text}")
    for t in ctx.targets.for_case(case_id):
        met = f", met {iso_beijing(t.met_at)}" if t.met_at else ""
        print(f"  target {t.kind.value}: by {iso_beijing(t.due_at)} [{t.status.value}{met}]")
    cb = ctx.callbacks.for_case(case_id)
    if cb is not None:
        if cb.done_at is not None and cb.result is not None:
            state = f"{cb.result.value} {iso_beijing(cb.done_at)}"
        else:
            state = f"due {iso_beijing(cb.due_at)}" if cb.due_at else "open"
        print(f"  callback: {state}  {cb.comment}".rstrip())
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
        "assignee": row.assignee,
        "version": row.version,
        "next_deadline": _deadline_json(nd, now) if nd else None,
    }


def case_list(ctx: AppContext, args: argparse.Namespace) -> int:
    assignee = args.assignee
    if args.mine:
        if not args.handler:
            raise CliError("--mine: say who you are with --handler NAME")
        assignee = ctx.handlers.resolve(args.handler)
    rows = ctx.queries.list_cases(
        stage=Stage(args.stage) if args.stage else None, platform=args.platform, assignee=assignee
    )
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
