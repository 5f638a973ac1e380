"""The deadline engine: from a case's timeline and its preset, the clocks that run now.

Pure: the same events and preset always give the same deadlines, so the
materialised `deadlines` table can always be rebuilt from the timeline.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from app.models.enums import (
    Action,
    AutoAction,
    CaseType,
    ClockStart,
    Confidence,
    Party,
    Reason,
    Stage,
)
from app.services.clock import parse_instant
from app.services.rules.adjustments import adjusted_due
from app.services.rules.presets import RulePreset
from app.services.rules.workflow import auto_next_stage


@dataclass(frozen=True)
class EventFact:
    """What the engine needs to know of one timeline event."""

    seq: int
    at: datetime
    action: str
    from_stage: str | None
    to_stage: str
    rule_id: str | None = None
    payload: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class CaseFacts:
    case_type: CaseType
    shipped: bool
    reason: Reason


@dataclass(frozen=True)
class DeadlineSpec:
    party: Party
    stage: Stage
    starts_at: datetime | None
    due_at: datetime | None  # None: waiting for `waiting_for` to happen
    waiting_for: ClockStart | None
    auto_action: AutoAction
    next_stage: Stage
    rule_id: str
    confidence: Confidence


@dataclass
class Replay:
    """The state a timeline leads to."""

    stage: Stage
    stage_since: datetime
    buyer_ship_at: datetime | None = None
    delivered_at: datetime | None = None
    extensions: dict[Party, datetime] = field(default_factory=dict)
    consumed: set[str] = field(default_factory=set)


def replay(events: Iterable[EventFact]) -> Replay:
    state: Replay | None = None
    for ev in sorted(events, key=lambda e: e.seq):
        to_stage = Stage(ev.to_stage)
        if state is None:
            state = Replay(stage=to_stage, stage_since=ev.at)
            continue
        if to_stage is not state.stage:
            state = Replay(stage=to_stage, stage_since=ev.at, buyer_ship_at=state.buyer_ship_at)
        if ev.action == Action.BUYER_SHIP:
            state.buyer_ship_at = ev.at
        elif ev.action == Action.RETURN_DELIVERED:
            state.delivered_at = ev.at
        elif ev.action == Action.EXTEND_DEADLINE:
            party = Party(ev.payload.get("party", Party.MERCHANT))
            state.extensions[party] = parse_instant(str(ev.payload["due_at"]))
        elif ev.action == AutoAction.PENALTY and ev.rule_id:
            state.consumed.add(ev.rule_id)
    if state is None:
        raise ValueError("a case has at least its 'open' event")
    return state


def compute_deadlines(
    facts: CaseFacts, events: Iterable[EventFact], preset: RulePreset
) -> list[DeadlineSpec]:
    """Every clock running (or waiting for its start event) now, at most one per party."""
    state = replay(events)
    if state.stage.is_final:
        return []
    out: list[DeadlineSpec] = []
    taken: set[Party] = set()
    for rule in preset.rules:
        if rule.party in taken or not rule.matches(facts.case_type, state.stage, facts.shipped, facts.reason):
            continue
        taken.add(rule.party)
        if rule.id in state.consumed:
            continue
        start: datetime | None
        if rule.clock_start is ClockStart.STAGE:
            start = state.stage_since
        elif rule.clock_start is ClockStart.BUYER_SHIP:
            start = state.buyer_ship_at
        else:
            start = state.delivered_at
        due = rule.duration.add_to(start) if start is not None else None
        if start is not None and due is not None and preset.adjustments:
            due, _ = adjusted_due(preset.adjustments, preset.platform, rule.party, state.stage, start, due)
        due = state.extensions.get(rule.party, due)  # an explicit new due time wins
        target = auto_next_stage(facts.case_type, state.stage, rule.auto_action)
        assert target is not None, "presets are validated on load"
        out.append(
            DeadlineSpec(
                party=rule.party,
                stage=state.stage,
                starts_at=start,
                due_at=due,
                waiting_for=None if due is not None else rule.clock_start,
                auto_action=rule.auto_action,
                next_stage=target,
                rule_id=rule.id,
                confidence=rule.confidence,
            )
        )
    return out
