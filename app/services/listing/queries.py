"""Read side: what is due, the case list, one case in full. Plain dataclasses out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from app.models.entities import Case, Deadline, Shop
from app.models.enums import Action, CaseType, Party, Platform, Stage
from app.services.clock import Clock, parse_instant
from app.services.listing.clock_choice import pick_clock
from app.services.listing.due import DueRow, read_due
from app.services.rules.adjustments import adjusted_due
from app.services.rules.holidays import estimate_notice
from app.services.rules.presets import Duration, RuleBook
from app.services.rules.workflow import allowed_actions
from app.services.text.messages import Text


@dataclass(frozen=True)
class DeadlineView:
    party: str
    stage: str
    starts_at: datetime | None
    due_at: datetime | None
    waiting_for: str | None
    auto_action: str
    next_stage: str
    rule_id: str
    confidence: str
    # A working-day clock counted across a year whose holiday schedule is unknown (detail only).
    estimate: Text | None = None
    # The platform's holiday adjustment that moved this clock, said in words (detail only).
    adjustment: Text | None = None
    # The platform's own deadline, taken from an export (平台时限), and what our preset said.
    platform_deadline: bool = False
    preset_due: datetime | None = None


@dataclass(frozen=True)
class EventView:
    seq: int
    at: datetime
    recorded_at: datetime
    actor: str
    action: str
    from_stage: str | None
    to_stage: str
    rule_id: str | None
    payload: dict[str, Any]
    handler: str = ""  # who of the shop's staff recorded it


@dataclass(frozen=True)
class CaseRow:
    id: int
    platform: str
    shop: str
    aftersale_no: str
    order_no: str
    case_type: str
    reason: str
    stage: str
    amount: Decimal
    requested_at: datetime
    buyer_nick: str
    product_title: str
    sku: str
    handler: str
    return_tracking_no: str
    reship_tracking_no: str
    deadlines: tuple[DeadlineView, ...]
    assignee: str | None = None  # the handler it is assigned to (None: unassigned)
    version: int = 1  # what a write from this reading is made against

    @property
    def next_deadline(self) -> DeadlineView | None:
        """The clock this case shows (the one rule in `clock_choice`, as the list row)."""
        return pick_clock(self.deadlines, _party_due)


def _party_due(d: DeadlineView) -> tuple[str, int | None]:
    return d.party, int(d.due_at.timestamp()) if d.due_at is not None else None


@dataclass(frozen=True)
class CaseDetail:
    row: CaseRow
    fields: dict[str, Any]
    events: tuple[EventView, ...]
    allowed: tuple[Action, ...]
    rule_set_version: str
    rule_set_label: str
    # rule id → the rule as stored with the case's rule set (source, confidence, duration, note)
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)


def _deadline_view(d: Deadline) -> DeadlineView:
    return DeadlineView(
        d.party,
        d.stage,
        d.starts_at,
        d.due_at,
        d.waiting_for,
        d.auto_action,
        d.next_stage,
        d.rule_id,
        d.confidence,
    )


def _case_row(c: Case) -> CaseRow:
    return CaseRow(
        id=c.id,
        platform=c.platform,
        shop=c.shop.name if c.shop else "",
        aftersale_no=c.aftersale_no,
        order_no=c.order_no,
        case_type=c.case_type,
        reason=c.reason,
        stage=c.stage,
        amount=c.refund_requested,
        requested_at=c.requested_at,
        buyer_nick=c.buyer_nick,
        product_title=c.product_title,
        sku=c.sku,
        handler=c.handler,
        return_tracking_no=c.return_tracking_no,
        reship_tracking_no=c.reship_tracking_no,
        deadlines=tuple(sorted((_deadline_view(d) for d in c.deadlines), key=lambda d: d.party)),
        assignee=c.assignee,
        version=c.version,
    )


CASE_FIELDS = (
    "platform",
    "aftersale_no",
    "order_no",
    "case_type",
    "reason",
    "reason_detail",
    "shipped",
    "stage",
    "stage_since",
    "requested_at",
    "closed_at",
    "buyer_nick",
    "buyer_phone",
    "buyer_address",
    "product_title",
    "sku",
    "quantity",
    "order_amount",
    "refund_requested",
    "refund_granted",
    "handler",
    "tags",
    "return_tracking_no",
    "reship_tracking_no",
    "penalized",
    "muted",
    "created_at",
    "updated_at",
    "version",
    "assignee",
)


class CaseQueries:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock, rules: RuleBook | None = None) -> None:
        """`rules`: to say which platform holiday adjustment moved a clock (the detail)."""
        self._sessions = sessions
        self._clock = clock
        self._rules = rules
        bind = sessions.kw["bind"]
        assert isinstance(bind, Engine)
        self._engine = bind

    def due(self, within: timedelta | None = None, limit: int | None = None) -> list[DueRow]:
        """Pending deadlines soonest first (overdue ones, not yet ticked, included)."""
        until = self._clock.now() + within if within is not None else None
        with self._engine.connect() as conn:
            return read_due(conn.connection, until, limit)

    def list_cases(
        self,
        stage: Stage | None = None,
        platform: str | None = None,
        open_only: bool = False,
        assignee: str | None = None,
    ) -> list[CaseRow]:
        """`assignee`: only the cases assigned to that handler (on the assignee index)."""
        q = select(Case).options(selectinload(Case.deadlines)).order_by(Case.id)
        if assignee is not None:
            q = q.where(Case.assignee == assignee)
        if stage is not None:
            q = q.where(Case.stage == stage.value)
        if platform is not None:
            q = q.where(Case.platform == platform)
        if open_only:
            q = q.where(Case.stage.not_in([s.value for s in Stage if s.is_final]))
        with self._sessions() as session:
            return [_case_row(c) for c in session.scalars(q)]

    def detail(self, case_id: int) -> CaseDetail | None:
        with self._sessions() as session:
            c = session.scalars(
                select(Case)
                .where(Case.id == case_id)
                .options(selectinload(Case.events), selectinload(Case.deadlines), selectinload(Case.rule_set))
            ).first()
            if c is None:
                return None
            events = tuple(
                EventView(
                    e.seq,
                    e.at,
                    e.recorded_at,
                    e.actor,
                    e.action,
                    e.from_stage,
                    e.to_stage,
                    e.rule_id,
                    dict(e.payload or {}),
                    e.handler,
                )
                for e in c.events
            )
            fields = {name: getattr(c, name) for name in CASE_FIELDS}
            fields["shop"] = c.shop.name if c.shop else ""
            rules = {r["id"]: dict(r) for r in c.rule_set.content.get("rules", [])}
            self._fill_source_zh(rules)
            row = _case_row(c)
            marked = tuple(self._marked(d, row.platform, rules, events) for d in row.deadlines)
            return CaseDetail(
                row=replace(row, deadlines=marked),
                fields=fields,
                events=events,
                allowed=tuple(allowed_actions(CaseType(c.case_type), Stage(c.stage))),
                rule_set_version=c.rule_set.version,
                rule_set_label=c.rule_set.label,
                rules=rules,
            )

    def _fill_source_zh(self, rules: dict[str, dict[str, Any]]) -> None:
        """A rule set stored before presets had a Chinese source text borrows the built-in one."""
        if self._rules is None:
            return
        for rule_id, rule in rules.items():
            if not rule.get("source_zh"):
                for preset in self._rules.builtin.values():
                    known = preset.rule(rule_id)
                    if known is not None and known.source_zh:
                        rule["source_zh"] = known.source_zh
                        break

    def _marked(
        self, d: DeadlineView, platform: str, rules: dict[str, dict[str, Any]], events: Sequence[EventView]
    ) -> DeadlineView:
        """The deadline with what the merchant should know of how it was counted."""
        duration = str(rules.get(d.rule_id, {}).get("duration", ""))
        adjustment = None
        if self._rules is not None and d.starts_at is not None and d.due_at is not None and duration:
            found = self._rules.adjustments_for(Platform(platform))
            base = Duration.parse(duration).add_to(d.starts_at)
            moved, applied = adjusted_due(found, Platform(platform), Party(d.party), Stage(d.stage), d.starts_at, base)
            if applied and moved == d.due_at:
                adjustment = applied[-1].notice()
        taken = _platform_deadline_event(d, events)
        preset_due = None
        if taken is not None and taken.payload.get("preset_due"):
            preset_due = parse_instant(str(taken.payload["preset_due"]))
        return replace(
            d,
            estimate=estimate_notice(duration, d.starts_at, d.due_at),
            adjustment=adjustment,
            platform_deadline=taken is not None,
            preset_due=preset_due,
        )



    def shops(self) -> list[tuple[str, str]]:
        """(platform, name) in the order the merchant made them (the welcome's first shop first)."""
        with self._sessions() as session:
            return [(s.platform, s.name) for s in session.scalars(select(Shop).order_by(Shop.id))]


def _platform_deadline_event(d: DeadlineView, events: Sequence[EventView]) -> EventView | None:
    """The platform step that set this clock's due instant (an export's 超时时间), if it did."""
    for e in reversed(events):
        if e.to_stage != d.stage:
            return None  # earlier stages' clocks are not this one
        if e.action == Action.EXTEND_DEADLINE and e.actor == "platform" and e.payload.get("party") == d.party:
            due = str(e.payload.get("due_at", ""))
            return e if due and d.due_at is not None and parse_instant(due) == d.due_at else None
    return None
