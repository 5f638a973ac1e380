"""A case as the workflow sees it, loaded and saved with Core statements in batches.

`record()` is the one place where an event changes a case: it appends the event,
moves the stage, updates the fields the event implies and recomputes the deadlines.
Manual actions, auto-actions and case creation all go through it, one case or
ten thousand at a time.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Table, delete, func, select
from sqlalchemy.orm import Session

from app.models.bulk import insert_many
from app.models.entities import Case, Deadline, Event, FollowUp
from app.models.enums import Action, Actor, AutoAction, CaseType, ClockStart, Confidence, Party, Reason, Stage
from app.services.cases.versions import bump
from app.services.rules.deadlines import CaseFacts, DeadlineSpec, EventFact, compute_deadlines
from app.services.rules.presets import RulePreset
from app.services.rules.workflow import auto_next_stage

CASES: Table = Case.__table__  # type: ignore[assignment]
EVENTS: Table = Event.__table__  # type: ignore[assignment]
DEADLINES: Table = Deadline.__table__  # type: ignore[assignment]
FOLLOW_UPS: Table = FollowUp.__table__  # type: ignore[assignment]
CHUNK = 500  # ids per IN (...) clause

_STATE_COLUMNS = (
    CASES.c.id,
    CASES.c.platform,
    CASES.c.aftersale_no,
    CASES.c.case_type,
    CASES.c.reason,
    CASES.c.shipped,
    CASES.c.stage,
    CASES.c.stage_since,
    CASES.c.closed_at,
    CASES.c.refund_requested,
    CASES.c.refund_granted,
    CASES.c.return_tracking_no,
    CASES.c.reship_tracking_no,
    CASES.c.penalized,
    CASES.c.rule_set_id,
    CASES.c.version,
)


@dataclass
class CaseState:
    id: int
    platform: str
    aftersale_no: str
    case_type: CaseType
    reason: Reason
    shipped: bool
    stage: Stage
    stage_since: datetime
    closed_at: datetime | None
    refund_requested: Decimal
    refund_granted: Decimal | None
    return_tracking_no: str
    reship_tracking_no: str
    penalized: bool
    rule_set_id: int
    version: int = 1  # as read; a write is made against it (cases/versions.py)
    events: list[EventFact] = field(default_factory=list)
    deadlines: list[DeadlineSpec] = field(default_factory=list)
    # Written by save(): events recorded since loading, as insert rows.
    pending: list[dict[str, Any]] = field(default_factory=list)
    dirty: bool = False
    new_row: dict[str, Any] | None = None  # a case row not inserted yet (batches)
    # Follow-ups agreed in notes recorded since loading, as insert rows (written by save()).
    new_follow_ups: list[dict[str, Any]] = field(default_factory=list)

    @property
    def facts(self) -> CaseFacts:
        return CaseFacts(self.case_type, self.shipped, self.reason)

    @property
    def last_event_at(self) -> datetime | None:
        return self.events[-1].at if self.events else None


def record(
    state: CaseState,
    preset: RulePreset,
    action: str,
    actor: Actor,
    at: datetime,
    target: Stage,
    payload: dict[str, Any],
    recorded_at: datetime,
    rule_id: str | None = None,
    handler: str = "",
) -> None:
    """Append one event to the case and bring every derived field in line with it.

    A note that carries `follow_up_by` also becomes a follow-up (the merchant's own deadline).

    The event that refunds carries the amount refunded: the one it names, else the one agreed
    on approval (`agreed_refund`), so the timeline, the case row and the report say the same.
    """
    from_stage = state.stage if state.events else None
    refunds = target is Stage.REFUNDED and from_stage is not Stage.REFUNDED
    if refunds and "amount" not in payload:
        payload = {**payload, "amount": str(agreed_refund(state))}
    fact = EventFact(
        len(state.events) + 1,
        at,
        action,
        from_stage.value if from_stage else None,
        target.value,
        rule_id,
        payload,
    )
    state.events.append(fact)
    state.pending.append(
        {
            "seq": fact.seq,
            "at": at,
            "recorded_at": recorded_at,
            "actor": actor.value,
            "action": action,
            "from_stage": fact.from_stage,
            "to_stage": target.value,
            "rule_id": rule_id,
            "payload": payload,
            "handler": handler,
        }
    )
    if action == Action.NOTE and payload.get("follow_up_by"):
        state.new_follow_ups.append(
            {
                "event_seq": fact.seq,
                "text": str(payload.get("text", "")),
                "due_at": datetime.fromisoformat(str(payload["follow_up_by"])),
                "created_at": recorded_at,
                "handler": handler,
                "done_by": "",
            }
        )
    if target is not from_stage:
        state.stage = target
        state.stage_since = at
        if target.is_final:
            state.closed_at = at
    if refunds:
        state.refund_granted = Decimal(payload["amount"])
    if action == Action.BUYER_SHIP:
        state.return_tracking_no = str(payload["tracking"])
    elif action == Action.SHIP_REPLACEMENT:
        state.reship_tracking_no = str(payload["tracking"])
    elif action == AutoAction.PENALTY:
        state.penalized = True
    state.deadlines = compute_deadlines(state.facts, state.events, preset)
    state.dirty = True


def agreed_refund(state: CaseState) -> Decimal:
    """What the case refunds when the refunding step names no amount.

    The amount the merchant agreed on the latest approval of this application (`approve
    --amount 60` on a ¥100 return: confirm_receipt, the auto-refund and a ruling for the buyer
    refund ¥60), else the request; never more than the request, which an edit may have lowered
    since. A re-application starts afresh: its approval agrees anew.
    """
    for ev in reversed(state.events):
        if ev.action in (Action.OPEN, Action.REAPPLY):
            break
        if ev.action == Action.APPROVE and "amount" in ev.payload:
            return min(Decimal(ev.payload["amount"]), state.refund_requested)
    return state.refund_requested


@dataclass(frozen=True)
class AppliedAuto:
    """One auto-action the platform took (mirrored into our store)."""

    case_id: int
    aftersale_no: str
    platform: str
    auto_action: AutoAction
    at: datetime
    from_stage: Stage
    to_stage: Stage
    amount: Decimal | None
    rule_id: str
    party: str = "merchant"  # whose clock ran out


def run_due(
    state: CaseState, preset: RulePreset, until: datetime, recorded_at: datetime
) -> list[AppliedAuto]:
    """Record this case's auto-actions due at or before `until`, each at its due instant, in due order."""
    applied: list[AppliedAuto] = []
    while True:
        due = [d for d in state.deadlines if d.due_at is not None and d.due_at <= until]
        if not due:
            return applied
        d = min(due, key=lambda x: (x.due_at, x.party.value))
        assert d.due_at is not None
        from_stage = state.stage
        target = auto_next_stage(state.case_type, from_stage, d.auto_action)
        assert target is not None, "presets are validated on load"
        payload: dict[str, Any] = {"party": d.party.value}  # record() adds the amount it refunds
        record(
            state,
            preset,
            d.auto_action.value,
            Actor.PLATFORM,
            d.due_at,
            target,
            payload,
            recorded_at,
            d.rule_id,
        )
        applied.append(
            AppliedAuto(
                state.id,
                state.aftersale_no,
                state.platform,
                d.auto_action,
                d.due_at,
                from_stage,
                target,
                state.refund_granted if target is Stage.REFUNDED else None,
                d.rule_id,
                d.party,
            )
        )


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for i in range(0, len(ids), CHUNK):
        yield ids[i : i + CHUNK]


def load_states(session: Session, ids: Sequence[int], lock: bool = False) -> dict[int, CaseState]:
    """The cases with their full timelines and stored deadlines (three queries per 500 cases).

    `lock` (in a write transaction): the case rows are read FOR UPDATE, so the versions read
    stay current until the commit (SQLite renders nothing: its write lock is already held)."""
    states: dict[int, CaseState] = {}
    for part in _chunks(list(ids)):
        query = select(*_STATE_COLUMNS).where(CASES.c.id.in_(part))
        for row in session.execute(query.with_for_update() if lock else query):
            states[row.id] = CaseState(
                row.id,
                row.platform,
                row.aftersale_no,
                CaseType(row.case_type),
                Reason(row.reason),
                row.shipped,
                Stage(row.stage),
                row.stage_since,
                row.closed_at,
                row.refund_requested,
                row.refund_granted,
                row.return_tracking_no,
                row.reship_tracking_no,
                row.penalized,
                row.rule_set_id,
                row.version,
            )
        events = (
            select(
                EVENTS.c.case_id,
                EVENTS.c.seq,
                EVENTS.c.at,
                EVENTS.c.action,
                EVENTS.c.from_stage,
                EVENTS.c.to_stage,
                EVENTS.c.rule_id,
                EVENTS.c.payload,
            )
            .where(EVENTS.c.case_id.in_(part))
            .order_by(EVENTS.c.case_id, EVENTS.c.seq)
        )
        for e in session.execute(events):
            states[e.case_id].events.append(
                EventFact(e.seq, e.at, e.action, e.from_stage, e.to_stage, e.rule_id, e.payload or {})
            )
        for d in session.execute(select(DEADLINES).where(DEADLINES.c.case_id.in_(part))):
            states[d.case_id].deadlines.append(spec_of_row(d))
    return states


def spec_of_row(d: Any) -> DeadlineSpec:
    return DeadlineSpec(
        party=Party(d.party),
        stage=Stage(d.stage),
        starts_at=d.starts_at,
        due_at=d.due_at,
        waiting_for=ClockStart(d.waiting_for) if d.waiting_for else None,
        auto_action=AutoAction(d.auto_action),
        next_stage=Stage(d.next_stage),
        rule_id=d.rule_id,
        confidence=Confidence(d.confidence),
    )


def _deadline_row(case_id: int, s: DeadlineSpec) -> dict[str, Any]:
    return {
        "case_id": case_id,
        "party": s.party.value,
        "stage": s.stage.value,
        "starts_at": s.starts_at,
        "due_at": s.due_at,
        "waiting_for": s.waiting_for.value if s.waiting_for else None,
        "auto_action": s.auto_action.value,
        "next_stage": s.next_stage.value,
        "rule_id": s.rule_id,
        "confidence": s.confidence.value,
    }


def save(
    session: Session,
    states: Iterable[CaseState],
    now: datetime,
    tables: tuple[Table, Table, Table] = (CASES, EVENTS, DEADLINES),
) -> list[int]:
    """Write what `record()` changed: new events, case fields, the replaced deadlines.

    A case not inserted yet goes in with its final fields (no update, no deadlines to
    delete); event ids are handed out here, after the largest stored one (as SQLite
    would), so the events go in with one plain executemany. Returns the ids of the
    inserted events, in the order they were recorded.

    `tables` (cases, events, deadlines) lets a big import write its new cases into staging
    tables of the same columns first (importing/staging.py).
    """
    cases_t, events_t, deadlines_t = tables
    dirty = [s for s in states if s.dirty]
    if not dirty:
        return []
    fresh = [s for s in dirty if s.new_row is not None]
    known = [s for s in dirty if s.new_row is None]
    if fresh:
        insert_many(session, cases_t, [{"id": s.id, **s.new_row, **case_fields(s, now)} for s in fresh])  # type: ignore[dict-item]
    if known:
        # Against the version each was read at: a case written meanwhile is refused (StaleCase).
        bump(session, {s.id: s.version for s in known}, now, {s.id: case_fields(s, now) for s in known})
        for s in known:
            s.version += 1
        for part in _chunks([s.id for s in known]):
            session.execute(delete(DEADLINES).where(DEADLINES.c.case_id.in_(part)))
    # After a write in this transaction, so no other writer can take these ids meanwhile.
    rows = [{"case_id": s.id, **row} for s in dirty for row in s.pending]
    first_id = (session.scalar(select(func.max(events_t.c.id))) or 0) + 1
    event_ids = list(range(first_id, first_id + len(rows)))
    if rows:
        insert_many(session, events_t, [{"id": i, **row} for i, row in zip(event_ids, rows, strict=True)])
    new_deadlines = [_deadline_row(s.id, d) for s in dirty for d in s.deadlines]
    if new_deadlines:
        insert_many(session, deadlines_t, new_deadlines)
    follow_ups = [{"case_id": s.id, **row} for s in dirty for row in s.new_follow_ups]
    if follow_ups:  # (an import creates none: they never go to its staging tables)
        insert_many(session, FOLLOW_UPS, follow_ups)
    for s in dirty:
        s.new_follow_ups.clear()
        s.pending.clear()
        s.dirty = False
        s.new_row = None
    return event_ids


def case_fields(s: CaseState, now: datetime) -> dict[str, Any]:
    """The case columns `record()` keeps in line with the timeline."""
    return {
        "stage": s.stage.value,
        "stage_since": s.stage_since,
        "closed_at": s.closed_at,
        "refund_granted": s.refund_granted,
        "return_tracking_no": s.return_tracking_no,
        "reship_tracking_no": s.reship_tracking_no,
        "penalized": s.penalized,
        "updated_at": now,
    }
