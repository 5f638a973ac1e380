"""Which rows of a file change what (pure): every row becomes new / update / unchanged / error.

The upsert key is (platform, after-sales no.). A new row becomes a case opened at
the platform's application time plus the actions that bring it to the platform's
status, stamped with the file's times. A known case only moves forward; a file
that is behind the database is a conflict and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum

from app.models.enums import Action, CaseType, Platform, Stage
from app.services.cases.inputs import NewCase, opened_case
from app.services.cases.state import AppliedAuto, CaseState
from app.services.importing.merging import MergedLine, merge_goods_lines
from app.services.importing.platform_deadline import take_platform_deadline
from app.services.importing.records import (
    MISSING_TRACKING,
    BadRow,
    ImportRow,
    ProblemKind,
    RowProblem,
)
from app.services.importing.transitions import Move, Needs, Step, simulate
from app.services.rules.presets import RulePreset
from app.services.text.messages import Template, Text, is_chinese, say

DUPLICATE = Template(
    en="after-sales no. {no} already appears in row {first}", zh="售后单号 {no} 已在第 {first} 行出现过"
)
APPLIED_IN_FUTURE = Template(en="application time {at} is in the future", zh="申请时间 {at} 晚于现在")
REFUSED = Template(en="status {word!r}: {why}", zh="售后状态「{word}」：{why}")
CONFLICT = Template(
    en="case {case_id} is {stage} in the database, the file says {word!r}: {why}",
    zh="案件 {case_id} 在本地记录中为「{stage}」，文件中为「{word}」：{why}",
)
OTHER_TYPE = Template(
    en="the file says {file_type}, the case is {held_type}: kept as {held_type}, the platform's status recorded",
    zh="文件中的售后类型为「{file_type}」，本地记录为「{held_type}」：类型不变，按平台状态记录",
)
GOODS_LINE = Template(en="goods line of the case in row {first}", zh="第 {first} 行案件的商品行")
CLOCK_RAN_OUT = Template(
    en="the platform's clock ran out first: {auto} at {at}", zh="平台时限先到期：{at} 已{auto}"
)
# A cell that could not be read, named by its column (the problem text says what is wrong with it).
IN_COLUMN = Template(en="{column}: {problem}", zh="{column}：{problem}")


class Outcome(StrEnum):
    NEW = "new"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    ERROR = "error"
    MERGED = "merged"  # a goods line folded into the case of an earlier row


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
    notes: tuple[Text, ...] = ()
    # New and update rows: the case as the import leaves it, ready to save; its rules.
    state: CaseState | None = field(default=None, compare=False, repr=False)
    preset: RulePreset | None = field(default=None, compare=False, repr=False)

    @property
    def message(self) -> str:
        """One line for the CLI (English)."""
        texts = [p.message for p in self.problems] + list(self.notes)
        return "; ".join(texts)

    def render(self, lang: str) -> str:
        """One line for a table cell in `lang`; a cell that could not be read is named by its column."""
        texts = [
            IN_COLUMN(column=p.column, problem=p.message)
            if p.kind is ProblemKind.VALUE and p.column
            else p.message
            for p in self.problems
        ]
        texts.extend(self.notes)
        return ("；" if is_chinese(lang) else "; ").join(say(t, lang) for t in texts)


Key = tuple[str, str]


def plan_rows(
    rows: Sequence[ImportRow | BadRow],
    known: Mapping[Key, KnownCase],
    preset_for: Callable[[Platform], RulePreset],
    now: datetime,
    planned: Callable[[int], None] | None = None,
) -> list[RowPlan]:
    """Every row's plan, in file order; `planned(n)` hears after each row (for progress)."""
    merged, duplicates = merge_goods_lines(rows)
    plans: list[RowPlan] = []
    for row in merged:
        if planned is not None:
            planned(len(plans))
        if isinstance(row, BadRow):
            plans.append(_error(row.line, row.platform, row.aftersale_no, row.status_word, row.problems))
            continue
        if isinstance(row, MergedLine):
            r = row.row
            note = GOODS_LINE(first=row.into)
            plans.append(RowPlan(r.line, r.platform, r.aftersale_no, r.status_word, Outcome.MERGED, notes=(note,)))
            continue
        first = duplicates.get(row.line)
        if first is not None:
            problem = RowProblem(ProblemKind.DUPLICATE, DUPLICATE(no=row.aftersale_no, first=first))
            plans.append(_error(row.line, row.platform, row.aftersale_no, row.status_word, (problem,)))
            continue
        row = _settled(row)
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
        return _refused(row, APPLIED_IN_FUTURE(at=row.requested_at))
    new = new_case_of(row)
    state = opened_case(new, preset, 0, 0, None, now)  # ids are handed out when it is written
    needs = Needs(
        bool(row.return_tracking_no) or row.goods_returned,
        bool(row.reship_tracking_no),
        row.delivered_at is not None,
        row.approved_at is not None,  # a decision the file dates is replayed at that time
    )
    sim = simulate(state, preset, row.stage, needs, _time_of(row), _payload_of(row), now)
    if sim.refusal:
        return _refused(row, sim.refusal)
    off_path = _off_path_notes(sim.steps)
    taken, deadline_notes = take_platform_deadline(row.deadline_at, state, preset, now)
    return RowPlan(
        row.line,
        row.platform,
        row.aftersale_no,
        row.status_word,
        Outcome.NEW,
        None,
        sim.stage,
        new_case=new,
        steps=sim.steps + taken,
        notes=row.notes + off_path + _auto_notes(sim.autos) + deadline_notes,
        state=state,
        preset=preset,
    )


def _plan_known(row: ImportRow, case: KnownCase, now: datetime) -> RowPlan:
    state = case.state
    stage = state.stage
    needs = Needs(
        (bool(row.return_tracking_no) or row.goods_returned) and not state.return_tracking_no,
        bool(row.reship_tracking_no) and not state.reship_tracking_no,
        row.delivered_at is not None and not any(e.action == Action.RETURN_DELIVERED for e in state.events),
        row.approved_at is not None and not any(e.action in DECISIONS for e in state.events),
    )
    type_notes: tuple[Text, ...] = ()
    if state.case_type is not row.case_type:
        # The platform changed the type (a refund-only that became a return): its status still counts.
        type_notes = (OTHER_TYPE(file_type=row.case_type, held_type=state.case_type),)
    target = _stage_for(state.case_type, row.stage)
    sim = simulate(state, case.preset, target, needs, _time_of(row), _payload_of(row), now)
    if sim.refusal:
        return _conflict(row, state, sim.refusal, stage)
    taken, deadline_notes = take_platform_deadline(row.deadline_at, state, case.preset, now)
    steps = sim.steps + taken
    outcome = Outcome.UPDATE if steps else Outcome.UNCHANGED
    return RowPlan(
        row.line,
        row.platform,
        row.aftersale_no,
        row.status_word,
        outcome,
        stage,
        sim.stage,
        case_id=state.id,
        steps=steps,
        notes=(type_notes if sim.steps else ())
        + _off_path_notes(sim.steps)
        + _auto_notes(sim.autos)
        + deadline_notes,
        state=state if steps else None,
        preset=case.preset,
    )


def _refused(row: ImportRow, why: str) -> RowPlan:
    problem = RowProblem(ProblemKind.REFUSED, REFUSED(word=row.status_word, why=why))
    return _error(row.line, row.platform, row.aftersale_no, row.status_word, (problem,))


def _conflict(row: ImportRow, state: CaseState, why: str, stage: Stage | None = None) -> RowPlan:
    """`stage`: where the case stood in the database (the simulation may have moved `state` on)."""
    held = stage or state.stage
    problem = RowProblem(
        ProblemKind.CONFLICT, CONFLICT(case_id=state.id, stage=held, word=row.status_word, why=why)
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


def _stage_for(case_type: CaseType, stage: Stage) -> Stage:
    """售后成功 / 退款成功 of an exchange is its completion; 已完成 of a refund its refund."""
    if stage is Stage.REFUNDED and not case_type.is_refund:
        return Stage.COMPLETED
    if stage is Stage.COMPLETED and case_type.is_refund:
        return Stage.REFUNDED
    return stage


def _settled(row: ImportRow) -> ImportRow:
    target = _stage_for(row.case_type, row.stage)
    return row if target is row.stage else replace(row, stage=target)


def _off_path_notes(steps: Sequence[Step]) -> tuple[Text, ...]:
    notes = (s.payload.get("note") for s in steps if s.platform_stage is not None)
    return tuple(n for n in notes if isinstance(n, Text))


def _auto_notes(autos: Sequence[AppliedAuto]) -> tuple[Text, ...]:
    return tuple(CLOCK_RAN_OUT(auto=a.auto_action, at=a.at) for a in autos)


# ---- the file's times and details for each action ---------------------------------------

DECISIONS = (Action.APPROVE, Action.REJECT, Action.REFUND)


def _time_of(row: ImportRow) -> Callable[[Move, bool, datetime], datetime]:
    """The file's own time for an action, else (last action) the status time, else the previous event's."""

    def time_of(move: Move, is_last: bool, previous: datetime) -> datetime:
        own: datetime | None = None
        if is_last:
            own = row.final_time()  # 退款完结时间, 商家退款时间 …: closed_at and durations are true
        if own is not None:
            pass
        elif move.action in DECISIONS:
            own = row.approved_at  # 同意售后申请时间 / 审核时间: the buyer's clock starts here
        elif move.action is Action.BUYER_SHIP:
            own = row.returned_at
        elif move.action is Action.RETURN_DELIVERED:
            own = row.delivered_at
        elif move.action is Action.CONFIRM_RECEIPT:
            own = row.received_at
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
