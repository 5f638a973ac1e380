"""The shop's own targets on a case, derived from its timeline (pure: no database here).

- **first response** (首次响应): from the request to the merchant's first step on it — an action,
  a note, a reply recorded; imported steps the merchant took in the platform's back end count
  too. Counted in working time. A buyer who withdrew before it was due leaves no target; a
  platform auto-action before any answer is a miss.
- **refund** (收货后退款): from the return's arrival (退货签收, `return_delivered`) to the refund,
  for cases with a return. 48 h by default, wall-clock (seed 002; see `desk_settings`). A
  refused or disputed return leaves no target (refusing is the merchant's right, not a delay).
- **回访** (callback): from the case's end to the callback recorded, in working days, for the
  outcomes the merchant chose. The callback *task* is due earlier (`callback_after_days`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from app.models.enums import Action, Actor, Stage
from app.services.service_desk.desk_settings import DeskSettings
from app.services.service_desk.service_calendar import ServiceCalendar


class TargetKind(StrEnum):
    FIRST_RESPONSE = "first_response"
    REFUND = "refund"
    CALLBACK = "callback"


class TargetStatus(StrEnum):
    OPEN = "open"  # not met, still ahead
    OVERDUE = "overdue"  # not met, past due, case still running: missed unless… it is missed
    MET = "met"
    MISSED = "missed"

    @property
    def counts_as_missed(self) -> bool:
        return self in (TargetStatus.OVERDUE, TargetStatus.MISSED)


# What the merchant does on a case: recorded here, or imported (the platform's export says the
# shop did it in the back end). Auto-actions have names of their own and never count.
RESPONSES = frozenset(
    {
        Action.APPROVE.value,
        Action.REJECT.value,
        Action.REFUND.value,
        Action.CONFIRM_RECEIPT.value,
        Action.REFUSE_RECEIPT.value,
        Action.SHIP_REPLACEMENT.value,
    }
)
AUTO_PREFIX = "auto_"


@dataclass(frozen=True)
class TimelineEvent:
    at: datetime
    actor: str
    action: str
    to_stage: str
    handler: str = ""


@dataclass(frozen=True)
class CaseTimeline:
    case_id: int
    stage: str
    requested_at: datetime
    closed_at: datetime | None
    events: Sequence[TimelineEvent]


@dataclass(frozen=True)
class TargetSpec:
    kind: TargetKind
    starts_at: datetime
    due_at: datetime
    met_at: datetime | None = None
    stopped_at: datetime | None = None
    handler: str = ""

    def status(self, now: datetime) -> TargetStatus:
        return status_of(self.due_at, self.met_at, self.stopped_at, now)


def status_of(
    due_at: datetime, met_at: datetime | None, stopped_at: datetime | None, now: datetime
) -> TargetStatus:
    if met_at is not None:
        return TargetStatus.MET if met_at <= due_at else TargetStatus.MISSED
    if stopped_at is not None:
        return TargetStatus.MISSED
    return TargetStatus.OPEN if now <= due_at else TargetStatus.OVERDUE


@dataclass(frozen=True)
class CallbackPlan:
    outcome: str
    ended_at: datetime
    due_at: datetime


def is_response(e: TimelineEvent) -> bool:
    if e.action == Action.OPEN.value or e.action.startswith(AUTO_PREFIX):
        return False
    if e.actor == Actor.MERCHANT.value:
        return True
    return e.actor == Actor.PLATFORM.value and e.action in RESPONSES  # imported from the back end


def first_response(t: CaseTimeline, s: DeskSettings, cal: ServiceCalendar) -> TargetSpec | None:
    due = cal.add(t.requested_at, s.first_response)
    for e in t.events:
        if is_response(e):
            return TargetSpec(TargetKind.FIRST_RESPONSE, t.requested_at, due, met_at=e.at, handler=e.handler)
        if e.action != Action.OPEN.value and e.to_stage != Stage.AWAITING_MERCHANT.value:
            # out of the merchant's hands without an answer
            if e.action.startswith(AUTO_PREFIX) or e.at > due:
                return TargetSpec(TargetKind.FIRST_RESPONSE, t.requested_at, due, stopped_at=e.at)
            return None  # withdrawn (or ruled) before an answer was due: no target
    if t.events and t.events[0].to_stage != Stage.AWAITING_MERCHANT.value:
        return None  # opened past the request (an import of a case already handled)
    return TargetSpec(TargetKind.FIRST_RESPONSE, t.requested_at, due)


def refund_after_return(t: CaseTimeline, s: DeskSettings, cal: ServiceCalendar) -> TargetSpec | None:
    arrived = next((e for e in t.events if e.action == Action.RETURN_DELIVERED.value), None)
    if arrived is None:
        return None
    start = arrived.at
    due = cal.add(start, s.refund) if s.refund_working else start + s.refund
    for e in t.events:
        if e.at < start and e is not arrived:
            continue
        if e.to_stage == Stage.REFUNDED.value:
            return TargetSpec(TargetKind.REFUND, start, due, met_at=e.at, handler=e.handler)
        if e.action in (Action.REFUSE_RECEIPT.value, Action.ESCALATE.value):
            return None
        if e.to_stage in (Stage.COMPLETED.value, Stage.CLOSED.value):
            return None if e.at <= due else TargetSpec(TargetKind.REFUND, start, due, stopped_at=e.at)
    return TargetSpec(TargetKind.REFUND, start, due)


def callback_plan(t: CaseTimeline, s: DeskSettings, cal: ServiceCalendar) -> CallbackPlan | None:
    """The 回访 task of an ended case whose outcome the merchant chose, else None."""
    if t.closed_at is None or t.stage not in s.callback_outcomes:
        return None
    return CallbackPlan(t.stage, t.closed_at, cal.add_days(t.closed_at, s.callback_after_days))


def callback_target(
    ended_at: datetime, done_at: datetime | None, handler: str, s: DeskSettings, cal: ServiceCalendar
) -> TargetSpec:
    due = cal.add_days(ended_at, s.callback_within_days)
    return TargetSpec(TargetKind.CALLBACK, ended_at, due, met_at=done_at, handler=handler if done_at else "")


def plan_targets(t: CaseTimeline, s: DeskSettings, cal: ServiceCalendar) -> list[TargetSpec]:
    """First response and refund (the callback target goes with its task: `callback_target`)."""
    return [x for x in (first_response(t, s, cal), refund_after_return(t, s, cal)) if x is not None]


__all__ = [
    "CallbackPlan",
    "CaseTimeline",
    "TargetKind",
    "TargetSpec",
    "TargetStatus",
    "TimelineEvent",
    "callback_plan",
    "callback_target",
    "plan_targets",
    "status_of",
]
