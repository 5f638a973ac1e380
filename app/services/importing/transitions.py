"""How a case gets from the stage we hold to the stage the platform reports (pure).

`find_path` searches the workflow of DESIGN.md for the shortest run of forward
actions (a return tracking no. in the file asks for a path through `buyer_ship`).
`simulate` records that run on the case the way `CaseService.act` would: before
each action the platform's own clocks that ran out first fire (auto-actions at
their due instant), then the path is searched again from where they left the case.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache

from app.models.enums import Action, Actor, CaseType, Stage
from app.services.cases.inputs import check_refund_amount
from app.services.cases.state import AppliedAuto, CaseState, record, run_due
from app.services.rules.presets import RulePreset
from app.services.rules.workflow import ActionNotAllowed, check_action, next_stage
from app.services.text.messages import Template, message_of

TIME_IN_FUTURE = Template(en="time {at} is in the future", zh="时间 {at} 晚于现在")
BEFORE_LAST_EVENT = Template(
    en="the file's time {at} is before the case's last event ({last})",
    zh="文件中的时间 {at} 早于该案件的最后一条记录（{last}）",
)
CLOCK_RAN_OUT = Template(
    en="the platform's clock ran out first ({auto} at {at} → {to_stage}); cannot reach {target}",
    zh="平台时限先到期（{at} 已{auto} → {to_stage}），无法变为「{target}」",
)
CANNOT_GO = Template(en="cannot go from {stage} to {target}", zh="无法从「{stage}」变为「{target}」")
OLDER = Template(
    en="the file is older: the case is already {stage}, the file says {target}",
    zh="文件较旧：案件已是「{stage}」，文件中为「{target}」",
)
OFF_PATH = Template(
    en="the platform reports {target} (from {stage}), a path our workflow does not take: recorded as the platform's step",
    zh="平台显示为「{target}」（原为「{stage}」），不是我们流程中的路径：已按平台记录",
)

# The event a platform step records: the stage the platform reports, off our usual path.
PLATFORM_STATUS = "platform_status"


@dataclass(frozen=True)
class Move:
    action: Action
    ruling: str | None = None


# Forward moves in the order a tie between equally short paths is broken.
MOVES: tuple[Move, ...] = (
    Move(Action.APPROVE),
    Move(Action.BUYER_SHIP),
    Move(Action.RETURN_DELIVERED),
    Move(Action.CONFIRM_RECEIPT),
    Move(Action.SHIP_REPLACEMENT),
    Move(Action.BUYER_CONFIRM),
    Move(Action.REFUND),
    Move(Action.REJECT),
    Move(Action.REFUSE_RECEIPT),
    Move(Action.REAPPLY),
    Move(Action.ESCALATE),
    Move(Action.PLATFORM_RULING, "for_buyer"),
    Move(Action.PLATFORM_RULING, "for_merchant"),
    Move(Action.WITHDRAW),
)


@dataclass(frozen=True)
class Needs:
    """What the file says happened on the way, beyond the stage."""

    return_shipped: bool = False  # a return tracking no.: the path goes through buyer_ship
    replacement_shipped: bool = False  # a reship tracking no.: through ship_replacement
    delivered: bool = False  # a sign-for time of the return: through return_delivered
    decided: bool = False  # a decision time (审核时间): through approve, reject or refund


def find_path(case_type: CaseType, start: Stage, target: Stage, needs: Needs) -> list[Move] | None:
    """Shortest run of forward moves from `start` to `target` doing what `needs` asks; None if none."""
    path = _find_path(case_type, start, target, needs)
    return list(path) if path is not None else None


@lru_cache(maxsize=4096)  # pure, and a file repeats the same few (type, from, to) a thousand times
def _find_path(case_type: CaseType, start: Stage, target: Stage, needs: Needs) -> tuple[Move, ...] | None:
    for want in (needs, Needs()):
        path = _search(case_type, start, target, want)
        if path is not None:
            return tuple(path)
    return None


def _search(case_type: CaseType, start: Stage, target: Stage, needs: Needs) -> list[Move] | None:
    State = tuple[Stage, frozenset[Action]]
    wanted = {
        a
        for a, want in (
            (Action.BUYER_SHIP, needs.return_shipped),
            (Action.SHIP_REPLACEMENT, needs.replacement_shipped),
            (Action.RETURN_DELIVERED, needs.delivered),
        )
        if want
    }
    decisions = frozenset({Action.APPROVE, Action.REJECT, Action.REFUND}) if needs.decided else frozenset()
    first: State = (start, frozenset())
    came: dict[State, tuple[State, Move] | None] = {first: None}
    queue: deque[State] = deque([first])
    while queue:
        state = queue.popleft()
        stage, done = state
        if stage is target and done >= wanted and (not decisions or done & decisions):
            path: list[Move] = []
            link = came[state]
            while link is not None:
                state, move = link
                path.append(move)
                link = came[state]
            return path[::-1]
        for move in MOVES:
            nxt = next_stage(case_type, stage, move.action, move.ruling)
            if nxt is None or (nxt is stage and move.action not in wanted - done):
                continue  # a move that stays put only counts when the file asks for it
            if move.action is Action.REAPPLY and state != first:
                continue  # re-applying goes back: only from a rejection we already hold
            key = (nxt, done | ({move.action} & (wanted | decisions)))
            if key not in came:
                came[key] = (state, move)
                queue.append(key)
    return None


# ---- replaying a plan the way CaseService applies it -----------------------------------


@dataclass(frozen=True)
class Step:
    """One thing the import does to a case: an action, or (action None) let the clocks run until `at`."""

    action: Action | None
    at: datetime
    payload: dict[str, str] = field(default_factory=dict)
    platform_stage: Stage | None = None  # a platform step: the stage the platform reports


@dataclass(frozen=True)
class Simulation:
    steps: tuple[Step, ...]
    stage: Stage
    autos: tuple[AppliedAuto, ...]
    refusal: str | None = None  # why the target cannot be reached
    off_path: bool = False  # reached by a platform step (see OFF_PATH)


TimeOf = Callable[[Move, bool, datetime], datetime]  # (move, is_last_move, previous event time) → when
PayloadOf = Callable[[Move, Stage], dict[str, str]]  # (move, stage it leads to) → payload


def simulate(
    state: CaseState,
    preset: RulePreset,
    target: Stage,
    needs: Needs,
    time_of: TimeOf,
    payload_of: PayloadOf,
    now: datetime,
) -> Simulation:
    """Move `state` towards `target` the way `CaseService.act` would, recording every step on it.

    The same `record()` and `run_due()` the service uses do the work, so a planned case is
    exactly what the service would have stored. On a refusal the state is half-moved:
    the caller discards it.
    """
    steps: list[Step] = []
    autos: list[AppliedAuto] = []
    needs_left = needs
    while True:
        path = find_path(state.case_type, state.stage, target, needs_left)
        if path is None:
            if autos or state.stage.is_final or _is_older(state.stage, target):
                why = OLDER(stage=state.stage, target=target) if not autos else None
                return Simulation(
                    tuple(steps), state.stage, tuple(autos), why or _unreachable(state.stage, target, autos)
                )
            return _platform_step(state, preset, target, time_of, payload_of, steps, now)
        if not path:
            return Simulation(tuple(steps), state.stage, tuple(autos))
        move = path[0]
        last_at = state.events[-1].at
        at = time_of(move, len(path) == 1, last_at)
        if at > now:
            return Simulation(tuple(steps), state.stage, tuple(autos), TIME_IN_FUTURE(at=at))
        fired = run_due(state, preset, at, now)
        if fired:
            autos.extend(fired)
            steps.append(Step(None, at))
            continue
        if at < last_at:
            return Simulation(
                tuple(steps),
                state.stage,
                tuple(autos),
                BEFORE_LAST_EVENT(at=at, last=last_at),
            )
        nxt = next_stage(state.case_type, state.stage, move.action, move.ruling)
        assert nxt is not None
        payload = payload_of(move, nxt)
        try:
            checked = check_action(state.case_type, state.stage, move.action, payload)
            check_refund_amount(state.refund_requested, payload)
        except ActionNotAllowed as e:
            return Simulation(tuple(steps), state.stage, tuple(autos), message_of(e))
        assert checked is nxt
        record(state, preset, move.action.value, Actor.PLATFORM, at, nxt, payload, now)
        steps.append(Step(move.action, at, payload))
        needs_left = Needs(
            needs_left.return_shipped and move.action is not Action.BUYER_SHIP,
            needs_left.replacement_shipped and move.action is not Action.SHIP_REPLACEMENT,
            needs_left.delivered and move.action is not Action.RETURN_DELIVERED,
            needs_left.decided and move.action not in (Action.APPROVE, Action.REJECT, Action.REFUND),
        )


# How far along a case is at each stage (a file saying an earlier stage is older than the case).
_PROGRESS: dict[Stage, int] = {
    Stage.AWAITING_MERCHANT: 0,
    Stage.REJECTED: 1,
    Stage.AWAITING_BUYER_RETURN: 2,
    Stage.AWAITING_MERCHANT_RECEIPT: 3,
    Stage.AWAITING_MERCHANT_SHIP: 4,
    Stage.AWAITING_BUYER_RECEIPT: 5,
    Stage.IN_DISPUTE: 6,
}


def _is_older(stage: Stage, target: Stage) -> bool:
    """The file reports a stage the case has already left behind."""
    if target.is_final:
        return False
    return _PROGRESS[target] < _PROGRESS[stage]


def _platform_step(
    state: CaseState,
    preset: RulePreset,
    target: Stage,
    time_of: TimeOf,
    payload_of: PayloadOf,
    steps: list[Step],
    now: datetime,
) -> Simulation:
    """The platform's word is a fact: record the stage it reports, with a note, when no path leads there."""
    last_at = state.events[-1].at
    at = max(time_of(Move(Action.NOTE), True, last_at), last_at)
    if at > now:
        return Simulation(tuple(steps), state.stage, (), TIME_IN_FUTURE(at=at))
    from_stage = state.stage
    payload = {**payload_of(Move(Action.NOTE), target), "note": OFF_PATH(target=target, stage=from_stage)}
    if target is Stage.REFUNDED and "amount" not in payload:
        payload["amount"] = str(state.refund_requested)
    record(state, preset, PLATFORM_STATUS, Actor.PLATFORM, at, target, payload, now)
    steps.append(Step(None, at, payload, platform_stage=target))
    return Simulation(tuple(steps), state.stage, (), off_path=True)


def _unreachable(stage: Stage, target: Stage, autos: Sequence[AppliedAuto]) -> str:
    if autos:
        a = autos[-1]
        return CLOCK_RAN_OUT(auto=a.auto_action, at=a.at, to_stage=a.to_stage, target=target)
    return CANNOT_GO(stage=stage, target=target)


__all__ = ["MOVES", "OFF_PATH", "PLATFORM_STATUS", "Move", "Needs", "Simulation", "Step", "find_path", "simulate"]
