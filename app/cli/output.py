"""What every command shares for its output: the one-line domain error, JSON in the stable form."""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal
from typing import Any


class CliError(Exception):
    """A one-line message for the user; exit code 1."""


def instant(text: str, flag: str) -> datetime:
    """An ISO 8601 option value (no offset: Beijing time), or a CliError naming the option."""
    from app.services.clock import OutOfRange, parse_instant

    try:
        return parse_instant(text)
    except OutOfRange as e:
        raise CliError(f"{flag}: {e}") from None
    except ValueError:
        raise CliError(f"{flag}: not an ISO 8601 time: {text!r}") from None


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


def auto_json(a: Any) -> dict[str, Any]:
    """An applied auto-action (`tick`, or the platform acting first in `case act`), as JSON."""
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


def follow_up_json(f: Any, now: datetime) -> dict[str, Any]:
    """A follow-up (`service_desk.follow_ups.FollowUpView`) as `case show --json` gives it."""
    return {
        "id": f.id,
        "case_id": f.case_id,
        "event_seq": f.event_seq,
        "text": f.text,
        "due_at": f.due_at,
        "created_at": f.created_at,
        "handler": f.handler,
        "done_at": f.done_at,
        "done_by": f.done_by,
        "status": f.status.value,
        "kept": f.status.value == "kept" if f.done_at is not None else None,
        "seconds_left": int((f.due_at - now).total_seconds()),
    }


def target_json(t: Any, now: datetime) -> dict[str, Any]:
    """A service target (`service_desk.targets.TargetView`) as `case show --json` gives it."""
    return {
        "kind": t.kind.value,
        "starts_at": t.starts_at,
        "due_at": t.due_at,
        "met_at": t.met_at,
        "stopped_at": t.stopped_at,
        "handler": t.handler,
        "status": t.status.value,
        "working_seconds_left": int(t.working_left.total_seconds()),
        "seconds_left": int((t.due_at - now).total_seconds()),
    }


def callback_json(c: Any, now: datetime) -> dict[str, Any]:
    """A 回访 (`service_desk.callbacks.CallbackView`) as `case show --json` gives it."""
    return {
        "id": c.id,
        "case_id": c.case_id,
        "outcome": c.outcome,
        "ended_at": c.ended_at,
        "due_at": c.due_at,
        "done_at": c.done_at,
        "result": c.result.value if c.result else None,
        "comment": c.comment,
        "handler": c.handler,
        "seconds_left": int((c.due_at - now).total_seconds()) if c.due_at else None,
    }
