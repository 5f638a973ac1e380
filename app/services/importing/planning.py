"""Which rows of a file change what (pure): every row becomes new / update / unchanged / error.

The upsert key is (platform, after-sales no.). A new row becomes a case opened at
the platform's application time plus the actions that bring it to the platform's
status, stamped with the file's times. A known case only moves forward; a file
that is behind the database is a conflict and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from app.models.enums import Action, Platform, Stage
from app.services.case_state import AppliedAuto, CaseState
from app.services.cases import NewCase, opened_case
from app.services.importing.records import (
    MISSING_TRACKING,
    BadRow,
    ImportRow,
    ProblemKind,
    RowProblem,
)
from app.services.importing.transitions import Move, Needs, Step, simulate
from app.services.rules import RulePreset


class Outcome(StrEnum):
    NEW = "new"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    ERROR = "error"


@dataclass(frozen=True)
class KnownCase:
    """A case already in the database, loaded for this plan (the plan moves `state` on)."""

    state: CaseState
    preset: RulePreset


@dataclass(frozen=True)
class RowPlan:
    line: int
    platform: Platform | None
    aftersale_no: str
    status_word: str
    outcome: Outcome
    from_stage: Stage | None = None  # None: a new case
    to_stage: Stage | None = None
    case_id: int | None = None
    new_case: NewCase | None = None
    steps: tuple[Step, ...] = ()
    problems: tuple[RowProblem, ...] = ()
    notes: tuple[str, ...] = ()
    # New and update rows: the case as the import leaves it, ready to save; its rules.
    state: CaseState | None = field(default=None, compare=False, repr=False)
    preset: RulePreset | None = field(default=None, compare=False, repr=False)

    @property
    def message(self) -> str:
        """One line for a table cell or the CLI."""
        texts = [p.message for p in self.problems] + list(self.notes)
        return "; ".join(texts)


Key = tuple[str, str]


def plan_rows(
    rows: Sequence[ImportRow | BadRow],
    known: Mapping[Key, KnownCase],
    preset_for: Callable[[Platform], RulePreset],
    now: datetime,
) -> list[RowPlan]:
    seen: dict[Key, int] = {}
    plans: list[RowPlan] = []
    for row in rows:
        if isinstance(row, BadRow):
            plans.append(_error(row.line, row.platform, row.aftersale_no, row.status_word, row.problems))
            continue
        first = seen.get(row.key)
        if first is not None:
            problem = RowProblem(
                ProblemKind.DUPLICATE, f"after-sales no. {row.aftersale_no} already appears in row {first}"
            )
            plans.append(_error(row.line, row.platform, row.aftersale_no, row.status_word, (problem,)))
            continue
        seen[row.key] = row.line
        case = known.get(row.key)
        plans.append(_plan_known(row, case, now) if case else _plan_new(row, preset_for(row.platform), now))
    return plans


def _error(
    line: int, platform: Platform | None, no: str, status: str, problems: tuple[RowProblem, ...]
) -> RowPlan:
    return RowPlan(line, platform, no, status, Outcome.ERROR, problems=problems)


def new_case_of(row: ImportRow) -> NewCase:
    return NewCase(
        platform=row.platform,
        case_type=row.case_type,
        reason=row.reason,
        order_no=row.order_no,
        aftersale_no=row.aftersale_no,
        amount=row.amount,
        requested_at=row.requested_at,
        shipped=row.shipped,
        shop=row.shop or None,
        product_title=row.product_title,
        sku=row.sku,
        buyer_nick=row.buyer_nick,
        buyer_phone=row.buyer_phone,
        buyer_address=row.buyer_address,
        quantity=row.quantity,
        order_amount=row.order_amount,
        reason_detail=row.reason_detail or row.reason_word,
        handler=row.handler,
    )


def _plan_new(row: ImportRow, preset: RulePreset, now: datetime) -> RowPlan:
    if row.requested_at > now:
        return _refused(row, f"application time {row.requested_at.isoformat()} is in the future")
    new = new_case_of(row)
    state = opened_case(new, preset, 0, 0, None, now)  # ids are handed out when it is written
    needs = Needs(
        bool(row.return_tracking_no),
        bool(row.reship_tracking_no),
        row.delivered_at is not None,
        row.approved_at is not None,  # a decision the file dates is replayed at that time
    )
    sim = simulate(state, preset, row.stage, needs, _time_of(row), _payload_of(row), now)
    if sim.refusal:
        return _refused(row, sim.refusal)
    return RowPlan(
        row.line,
        row.platform,
        row.aftersale_no,
        row.status_word,
        Outcome.NEW,
        None,
        sim.stage,
        new_case=new,
        steps=sim.steps,
        notes=_auto_notes(sim.autos) + _deadline_notes(row, state),
        state=state,
        preset=preset,
    )


def _plan_known(row: ImportRow, case: KnownCase, now: datetime) -> RowPlan:
    state = case.state
    stage = state.stage
    needs = Needs(
        bool(row.return_tracking_no) and not state.return_tracking_no,
        bool(row.reship_tracking_no) and not state.reship_tracking_no,
        row.delivered_at is not None and not any(e.action == Action.RETURN_DELIVERED for e in state.events),
        row.approved_at is not None and not any(e.action in DECISIONS for e in state.events),
    )
    if state.case_type is not row.case_type:
        return _conflict(
            row, state, f"the file says {row.case_type.value}, the database {state.case_type.value}"
        )
    sim = simulate(state, case.preset, row.stage, needs, _time_of(row), _payload_of(row), now)
    if sim.refusal:
        return _conflict(row, state, sim.refusal, stage)
    outcome = Outcome.UPDATE if sim.steps else Outcome.UNCHANGED
    return RowPlan(
        row.line,
        row.platform,
        row.aftersale_no,
        row.status_word,
        outcome,
        stage,
        sim.stage,
        case_id=state.id,
        steps=sim.steps,
        notes=_auto_notes(sim.autos) + _deadline_notes(row, state),
        state=state if sim.steps else None,
        preset=case.preset,
    )


def _refused(row: ImportRow, why: str) -> RowPlan:
    problem = RowProblem(ProblemKind.REFUSED, f"status {row.status_word!r}: {why}")
    return _error(row.line, row.platform, row.aftersale_no, row.status_word, (problem,))


def _conflict(row: ImportRow, state: CaseState, why: str, stage: Stage | None = None) -> RowPlan:
    """`stage`: where the case stood in the database (the simulation may have moved `state` on)."""
    held = stage or state.stage
    problem = RowProblem(
        ProblemKind.CONFLICT,
        f"case {state.id} is {held.value} in the database, the file says {row.status_word!r}: {why}",
    )
    return RowPlan(
        row.line,
        row.platform,
        row.aftersale_no,
        row.status_word,
        Outcome.ERROR,
        held,
        None,
        case_id=state.id,
        problems=(problem,),
    )


def _auto_notes(autos: Sequence[AppliedAuto]) -> tuple[str, ...]:
    return tuple(
        f"the platform's clock ran out first: {a.auto_action.value} at {a.at.isoformat()}" for a in autos
    )


# The platform's own deadline (超时时间) may differ from ours by its rounding, not by more.
DEADLINE_TOLERANCE = timedelta(hours=1)


def _deadline_notes(row: ImportRow, state: CaseState) -> tuple[str, ...]:
    """A note when the file's deadline is not one of the clocks we run for the case.

    The file's deadline belongs to the platform's current clock; ours come from the rule
    preset. A mismatch means the preset (or the platform's rules) changed: the merchant
    should check it before trusting our countdown.
    """
    if row.deadline_at is None or state.stage.is_final:
        return ()
    running = [d for d in state.deadlines if d.due_at is not None]
    if not running:
        return ()
    file_due = row.deadline_at
    closest = min(running, key=lambda d: abs(d.due_at - file_due))  # type: ignore[operator]
    assert closest.due_at is not None
    if abs(closest.due_at - file_due) <= DEADLINE_TOLERANCE:
        return ()
    return (
        f"the file's deadline {file_due.isoformat()} differs from our {closest.party.value} clock "
        f"({closest.due_at.isoformat()}, rule {closest.rule_id}): check the rule preset",
    )


# ---- the file's times and details for each action ---------------------------------------

DECISIONS = (Action.APPROVE, Action.REJECT, Action.REFUND)


def _time_of(row: ImportRow) -> Callable[[Move, bool, datetime], datetime]:
    """The file's own time for an action, else (last action) the status time, else the previous event's."""

    def time_of(move: Move, is_last: bool, previous: datetime) -> datetime:
        own: datetime | None = None
        if move.action in DECISIONS:
            own = row.approved_at
        elif move.action is Action.BUYER_SHIP:
            own = row.returned_at
        elif move.action is Action.RETURN_DELIVERED:
            own = row.delivered_at
        if own is None and is_last:
            own = row.updated_at
        return own if own is not None else previous

    return time_of


def _payload_of(row: ImportRow) -> Callable[[Move, Stage], dict[str, str]]:
    def payload_of(move: Move, to_stage: Stage) -> dict[str, str]:
        payload: dict[str, str] = {}
        match move.action:
            case Action.REJECT | Action.REFUSE_RECEIPT:
                payload["reason"] = f"平台状态: {row.status_word}"
            case Action.BUYER_SHIP:
                payload["tracking"] = row.return_tracking_no or MISSING_TRACKING
                if row.return_carrier:
                    payload["carrier"] = row.return_carrier
            case Action.SHIP_REPLACEMENT:
                payload["tracking"] = row.reship_tracking_no or MISSING_TRACKING
            case Action.PLATFORM_RULING:
                assert move.ruling is not None
                payload["ruling"] = move.ruling
        if to_stage is Stage.REFUNDED and row.refunded_amount is not None:
            payload["amount"] = str(row.refunded_amount)
        return payload

    return payload_of


__all__ = ["KnownCase", "Outcome", "RowPlan", "new_case_of", "plan_rows"]
