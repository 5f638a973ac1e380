"""Case workflow service: create cases, apply actions, run the platform's auto-actions.

Every write is one transaction: the event is appended, the stage moves and the
case's deadlines are recomputed together, or nothing changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload, sessionmaker

from app.models.entities import Case, Deadline, Event, RuleSet, Shop
from app.models.enums import (
    Action,
    Actor,
    AutoAction,
    CaseType,
    ClockStart,
    Confidence,
    Party,
    Platform,
    Reason,
    Stage,
)
from app.services.clock import Clock, parse_instant
from app.services.deadlines import CaseFacts, DeadlineSpec, EventFact, compute_deadlines, replay
from app.services.rules import RuleBook, RulePreset, preset_from_content
from app.services.workflow import ActionNotAllowed, auto_next_stage, check_action

TICK_BATCH = 500


class CaseNotFound(ActionNotAllowed):
    pass


class InvalidInput(ActionNotAllowed):
    """Bad values from the user (amount, time, …): a domain error with a clear message."""


@dataclass(frozen=True)
class NewCase:
    platform: Platform
    case_type: CaseType
    reason: Reason
    order_no: str
    aftersale_no: str
    amount: Decimal
    requested_at: datetime
    shipped: bool | None = None
    shop: str | None = None
    product_title: str = ""
    sku: str = ""
    buyer_nick: str = ""
    buyer_phone: str = ""
    buyer_address: str = ""
    quantity: int = 1
    order_amount: Decimal | None = None
    reason_detail: str = ""
    handler: str = ""


@dataclass(frozen=True)
class ActionRequest:
    action: Action
    at: datetime | None = None  # None: now
    actor: Actor = Actor.MERCHANT
    payload: dict[str, str] = field(default_factory=dict)


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


@dataclass(frozen=True)
class ActionResult:
    case_id: int
    event_id: int
    stage: Stage
    auto_applied: tuple[AppliedAuto, ...] = ()


def parse_money(text: str) -> Decimal:
    cleaned = text.strip().replace("¥", "").replace(",", "").replace("元", "")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise InvalidInput(f"not an amount: {text!r} (use e.g. 99.00)") from None
    if not value.is_finite() or value < 0:
        raise InvalidInput(f"not an amount: {text!r} (use e.g. 99.00)")
    if value != value.quantize(Decimal("0.01")):
        raise InvalidInput(f"amount has more than two decimals: {text!r}")
    return value.quantize(Decimal("0.01"))


def default_shipped(case_type: CaseType) -> bool:
    """Return types imply the goods were shipped; refund-only defaults to not shipped."""
    return case_type is not CaseType.REFUND_ONLY


def facts_of(case: Case) -> CaseFacts:
    return CaseFacts(CaseType(case.case_type), case.shipped, Reason(case.reason))


def event_facts(events: Iterable[Event]) -> list[EventFact]:
    return [
        EventFact(e.seq, e.at, e.action, e.from_stage, e.to_stage, e.rule_id, e.payload or {}) for e in events
    ]


class CaseService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock, rules: RuleBook) -> None:
        self._sessions = sessions
        self._clock = clock
        self.rules = rules
        self._presets: dict[int, RulePreset] = {}
        self._rule_set_ids: dict[tuple[str, str], int] = {}

    # ---- reading the rules a case lives under -------------------------------------

    def preset_for(self, session: Session, rule_set_id: int) -> RulePreset:
        preset = self._presets.get(rule_set_id)
        if preset is None:
            rs = session.get(RuleSet, rule_set_id)
            assert rs is not None
            preset = preset_from_content(rs.content)
            self._presets[rule_set_id] = preset
        return preset

    def _rule_set_id(self, session: Session, preset: RulePreset) -> int:
        key = (preset.platform.value, preset.version)
        cached = self._rule_set_ids.get(key)
        if cached is not None:
            return cached
        rs = session.scalars(
            select(RuleSet).where(RuleSet.platform == key[0], RuleSet.version == key[1])
        ).first()
        if rs is None:
            rs = RuleSet(
                platform=key[0],
                version=key[1],
                label=preset.label,
                content=preset.content(),
                created_at=self._clock.now(),
            )
            session.add(rs)
            session.flush()
        self._rule_set_ids[key] = rs.id
        self._presets[rs.id] = preset
        return rs.id

    # ---- create ---------------------------------------------------------------------

    def add_case(self, new: NewCase) -> int:
        with self._sessions.begin() as session:
            return self._add(session, new, self._clock.now()).id

    def _add(self, session: Session, new: NewCase, now: datetime) -> Case:
        if new.requested_at > now:
            raise InvalidInput("requested-at is in the future")
        if not new.aftersale_no.strip() or not new.order_no.strip():
            raise InvalidInput("after-sales no. and order no. are required")
        return self._new_case(session, new, now)

    def _new_case(self, session: Session, new: NewCase, now: datetime, case_id: int | None = None) -> Case:
        """A new case; with `case_id` (a batch) it is neither checked nor flushed one by one:
        the unique key still refuses a duplicate when the batch is flushed."""
        preset = self.rules.active(new.platform)
        shop_id = self._shop_id(session, new.platform, new.shop) if new.shop else None
        if case_id is None:
            exists = session.scalars(
                select(Case.id).where(
                    Case.platform == new.platform.value, Case.aftersale_no == new.aftersale_no.strip()
                )
            ).first()
            if exists is not None:
                raise InvalidInput(
                    f"{new.platform.value} after-sales no. {new.aftersale_no} already exists (case {exists})"
                )
        case = Case(
            id=case_id,
            platform=new.platform.value,
            shop_id=shop_id,
            aftersale_no=new.aftersale_no.strip(),
            order_no=new.order_no.strip(),
            case_type=new.case_type.value,
            reason=new.reason.value,
            reason_detail=new.reason_detail,
            shipped=default_shipped(new.case_type) if new.shipped is None else new.shipped,
            stage=Stage.AWAITING_MERCHANT.value,
            stage_since=new.requested_at,
            requested_at=new.requested_at,
            buyer_nick=new.buyer_nick,
            buyer_phone=new.buyer_phone,
            buyer_address=new.buyer_address,
            product_title=new.product_title,
            sku=new.sku,
            quantity=new.quantity,
            order_amount=new.order_amount,
            refund_requested=new.amount,
            handler=new.handler,
            rule_set_id=self._rule_set_id(session, preset),
            created_at=now,
            updated_at=now,
        )
        case.events = [
            Event(
                seq=1,
                at=new.requested_at,
                recorded_at=now,
                actor=Actor.BUYER.value,
                action=Action.OPEN.value,
                from_stage=None,
                to_stage=Stage.AWAITING_MERCHANT.value,
                payload={"amount": str(new.amount)},
            )
        ]
        case.deadlines = []
        session.add(case)
        self._sync_deadlines(session, case)
        if case_id is not None:
            return case
        try:
            session.flush()
        except IntegrityError:
            raise InvalidInput(f"after-sales no. {new.aftersale_no} already exists") from None
        return case

    def _shop_id(self, session: Session, platform: Platform, name: str) -> int:
        key = (platform.value, name)
        cache: dict[tuple[str, str], int] = session.info.setdefault("shop_ids", {})
        if key in cache:
            return cache[key]
        shop = session.scalars(select(Shop).where(Shop.platform == platform.value, Shop.name == name)).first()
        if shop is None:
            shop = Shop(platform=platform.value, name=name)
            session.add(shop)
            session.flush()
        cache[key] = shop.id
        return shop.id

    # ---- act ------------------------------------------------------------------------

    def resolve_case_id(self, ref: str) -> int:
        """A case id, or an after-sales no. (unique across platforms)."""
        with self._sessions() as session:
            if ref.isdigit() and session.get(Case, int(ref)) is not None:
                return int(ref)
            ids = session.scalars(select(Case.id).where(Case.aftersale_no == ref)).all()
        if len(ids) == 1:
            return ids[0]
        if len(ids) > 1:
            raise CaseNotFound(f"after-sales no. {ref} exists on several platforms: use the case id")
        raise CaseNotFound(f"no case {ref}")

    def act(self, case_id: int, request: ActionRequest) -> ActionResult:
        with self._sessions.begin() as session:
            case = self._load_cases(session, [case_id]).get(case_id)
            if case is None:
                raise CaseNotFound(f"no case {case_id}")
            return self._act(session, case, request, self._clock.now())

    def _act(
        self, session: Session, case: Case, request: ActionRequest, now: datetime, flush: bool = True
    ) -> ActionResult:
        at = request.at or now
        if at > now:
            raise InvalidInput("the action's time is in the future")
        payload = self._clean_payload(request.action, request.payload)
        # The platform acted first if a clock ran out before this action.
        autos = self._run_due(session, case, at, now)
        if case.events and at < case.events[-1].at:
            raise InvalidInput(
                f"the action's time is before the case's last event ({case.events[-1].at.isoformat()})"
            )
        target = check_action(CaseType(case.case_type), Stage(case.stage), request.action, payload)
        if request.action is Action.EXTEND_DEADLINE:
            self._check_extension(case, payload, at)
        event = self._append(session, case, request.action.value, request.actor, at, now, target, payload)
        if not flush:  # a batch: the event's id is known once the batch is flushed
            return ActionResult(case.id, 0, Stage(case.stage), tuple(autos))
        session.flush()
        return ActionResult(case.id, event.id, Stage(case.stage), tuple(autos))

    @contextmanager
    def batch(self) -> Iterator[CaseBatch]:
        """Several adds and acts in ONE transaction: all are written, or (on any error) none."""
        with self._sessions.begin() as session:
            batch = CaseBatch(self, session, self._clock.now())
            yield batch
            batch.flush()

    def _clean_payload(self, action: Action, raw: dict[str, str]) -> dict[str, str]:
        payload = {k: str(v).strip() for k, v in raw.items() if v is not None and str(v).strip()}
        for key in ("amount", "freight"):
            if key in payload:
                payload[key] = str(parse_money(payload[key]))
        if "due_at" in payload:
            try:
                payload["due_at"] = parse_instant(payload["due_at"]).isoformat()
            except ValueError:
                raise InvalidInput(f"not a time: {payload['due_at']!r}") from None
        if "party" in payload and payload["party"] not in {p.value for p in Party}:
            raise InvalidInput(f"party must be merchant, buyer or platform, not {payload['party']!r}")
        if "freight_payer" in payload and payload["freight_payer"] not in ("merchant", "buyer", "platform"):
            raise InvalidInput("freight payer must be merchant, buyer or platform")
        return payload

    def _check_extension(self, case: Case, payload: dict[str, str], at: datetime) -> None:
        party = payload.get("party", Party.MERCHANT.value)
        if not any(d.party == party for d in case.deadlines):
            raise ActionNotAllowed(f"no {party} clock runs in stage {case.stage}: nothing to extend")
        if datetime.fromisoformat(payload["due_at"]) <= at:
            raise InvalidInput("the new due time must be after the time of the extension")

    def _append(
        self,
        session: Session,
        case: Case,
        action: str,
        actor: Actor,
        at: datetime,
        now: datetime,
        target: Stage,
        payload: dict[str, Any],
        rule_id: str | None = None,
    ) -> Event:
        from_stage = case.stage
        event = Event(
            seq=len(case.events) + 1,
            at=at,
            recorded_at=now,
            actor=actor.value,
            action=action,
            from_stage=from_stage,
            to_stage=target.value,
            rule_id=rule_id,
            payload=payload,
        )
        case.events.append(event)
        if target.value != from_stage:
            case.stage = target.value
            case.stage_since = at
            if target.is_final:
                case.closed_at = at
        if target is Stage.REFUNDED:
            case.refund_granted = Decimal(payload["amount"]) if "amount" in payload else case.refund_requested
        if action == Action.BUYER_SHIP:
            case.return_tracking_no = payload["tracking"]
        elif action == Action.SHIP_REPLACEMENT:
            case.reship_tracking_no = payload["tracking"]
        elif action == AutoAction.PENALTY:
            case.penalized = True
        case.updated_at = now
        self._sync_deadlines(session, case)
        return event

    def _sync_deadlines(self, session: Session, case: Case) -> None:
        """Make the case's stored deadlines equal to a recomputation from its timeline."""
        preset = self.preset_for(session, case.rule_set_id)
        specs = {
            s.party.value: s for s in compute_deadlines(facts_of(case), event_facts(case.events), preset)
        }
        for row in list(case.deadlines):
            spec = specs.pop(row.party, None)
            if spec is None:
                case.deadlines.remove(row)
            else:
                _fill(row, spec)
        for spec in specs.values():
            row = Deadline(party=spec.party.value)
            _fill(row, spec)
            case.deadlines.append(row)

    # ---- auto-actions -----------------------------------------------------------------

    def _run_due(self, session: Session, case: Case, until: datetime, now: datetime) -> list[AppliedAuto]:
        """Apply this case's auto-actions due at or before `until`, each at its due instant."""
        applied: list[AppliedAuto] = []
        while True:
            due = [d for d in case.deadlines if d.due_at is not None and d.due_at <= until]
            if not due:
                return applied
            d = min(due, key=lambda x: (x.due_at, x.party))
            assert d.due_at is not None
            auto = AutoAction(d.auto_action)
            from_stage = Stage(case.stage)
            target = auto_next_stage(CaseType(case.case_type), from_stage, auto)
            assert target is not None
            payload: dict[str, Any] = {"party": d.party}
            if target is Stage.REFUNDED:
                payload["amount"] = str(case.refund_requested)
            self._append(session, case, auto.value, Actor.PLATFORM, d.due_at, now, target, payload, d.rule_id)
            applied.append(
                AppliedAuto(
                    case.id,
                    case.aftersale_no,
                    case.platform,
                    auto,
                    d.due_at,
                    from_stage,
                    target,
                    case.refund_granted if target is Stage.REFUNDED else None,
                    d.rule_id,
                )
            )

    def tick(self) -> list[AppliedAuto]:
        """Apply every auto-action due now, in due order, each stamped at its due instant.

        Running it late gives the same history as running it at every due instant.
        """
        now = self._clock.now()
        applied: list[AppliedAuto] = []
        while True:
            with self._sessions.begin() as session:
                ids = session.execute(
                    select(Deadline.case_id, Deadline.due_at)
                    .where(Deadline.due_at.is_not(None), Deadline.due_at <= now)
                    .order_by(Deadline.due_at, Deadline.id)
                    .limit(TICK_BATCH)
                ).all()
                if not ids:
                    return applied
                order = list(dict.fromkeys(row.case_id for row in ids))
                cases = self._load_cases(session, order)
                for cid in order:
                    applied.extend(self._run_due(session, cases[cid], now, now))

    def _load_cases(self, session: Session, ids: Sequence[int]) -> dict[int, Case]:
        rows = session.scalars(
            select(Case)
            .where(Case.id.in_(ids))
            .options(selectinload(Case.events), selectinload(Case.deadlines))
        ).all()
        return {c.id: c for c in rows}

    # ---- consistency ------------------------------------------------------------------

    def recompute_check(self, case_ids: Sequence[int] | None = None) -> list[int]:
        """Case ids whose stored deadlines or stage differ from a recomputation (should be none)."""
        bad: list[int] = []
        with self._sessions() as session:
            q = select(Case).options(selectinload(Case.events), selectinload(Case.deadlines))
            if case_ids is not None:
                q = q.where(Case.id.in_(case_ids))
            for case in session.scalars(q):
                facts = event_facts(case.events)
                expected = compute_deadlines(
                    facts_of(case), facts, self.preset_for(session, case.rule_set_id)
                )
                stored = sorted((stored_spec(d) for d in case.deadlines), key=lambda s: s.party)
                if stored != sorted(expected, key=lambda s: s.party) or replay(facts).stage != case.stage:
                    bad.append(case.id)
        return bad


class CaseBatch:
    """`add_case` and `act` inside one open transaction (see `CaseService.batch`).

    Built for imports of thousands of rows: new cases get their ids up front and
    are not flushed one at a time; the batch writes every `FLUSH_EVERY` new cases
    and at the end (a duplicate key then aborts the whole batch). Changes to stored
    cases are flushed as `act` does. Cases touched stay loaded, so a run of acts on
    one case costs no re-query. `ActionResult.event_id` is 0 for an action on a
    case added in this batch: its event has no id before the flush.
    """

    FLUSH_EVERY = 1000

    def __init__(self, service: CaseService, session: Session, now: datetime) -> None:
        self._service = service
        self._session = session
        self._now = now
        self._cases: dict[int, Case] = {}
        self._next_id: int | None = None
        self._pending = 0

    def add_case(self, new: NewCase) -> int:
        if new.requested_at > self._now:
            raise InvalidInput("requested-at is in the future")
        if not new.aftersale_no.strip() or not new.order_no.strip():
            raise InvalidInput("after-sales no. and order no. are required")
        if self._pending >= self.FLUSH_EVERY:
            self.flush()
        if self._next_id is None:
            self._next_id = self._session.scalar(select(func.max(Case.id))) or 0
        self._next_id += 1
        case = self._service._new_case(self._session, new, self._now, case_id=self._next_id)
        self._cases[case.id] = case
        self._pending += 1
        return case.id

    def act(self, case_id: int, request: ActionRequest) -> ActionResult:
        case = self._case(case_id)
        stored = case not in self._session.new
        result = self._service._act(self._session, case, request, self._now, flush=stored)
        return result

    def run_due(self, case_id: int, until: datetime) -> list[AppliedAuto]:
        """Apply this case's auto-actions due at or before `until` (what `act` does first)."""
        if until > self._now:
            raise InvalidInput("cannot run the clocks into the future")
        case = self._case(case_id)
        stored = case not in self._session.new
        applied = self._service._run_due(self._session, case, until, self._now)
        if stored:
            # A stored case's replaced clock rows must be written before the next change
            # re-creates them (the (case, party) key would clash in one flush).
            self.flush()
        return applied

    def stage(self, case_id: int) -> Stage:
        return Stage(self._case(case_id).stage)

    def flush(self) -> None:
        try:
            self._session.flush()
        except IntegrityError as e:
            raise InvalidInput(f"a case in this batch already exists ({e.orig})") from None
        self._pending = 0

    def _case(self, case_id: int) -> Case:
        case = self._cases.get(case_id)
        if case is None:
            case = self._service._load_cases(self._session, [case_id]).get(case_id)
            if case is None:
                raise CaseNotFound(f"no case {case_id}")
            self._cases[case_id] = case
        return case


def _fill(row: Deadline, spec: DeadlineSpec) -> None:
    row.stage = spec.stage.value
    row.starts_at = spec.starts_at
    row.due_at = spec.due_at
    row.waiting_for = spec.waiting_for.value if spec.waiting_for else None
    row.auto_action = spec.auto_action.value
    row.next_stage = spec.next_stage.value
    row.rule_id = spec.rule_id
    row.confidence = spec.confidence.value


def stored_spec(row: Deadline) -> DeadlineSpec:
    return DeadlineSpec(
        party=Party(row.party),
        stage=Stage(row.stage),
        starts_at=row.starts_at,
        due_at=row.due_at,
        waiting_for=ClockStart(row.waiting_for) if row.waiting_for else None,
        auto_action=AutoAction(row.auto_action),
        next_stage=Stage(row.next_stage),
        rule_id=row.rule_id,
        confidence=Confidence(row.confidence),
    )


__all__ = [
    "ActionNotAllowed",
    "ActionRequest",
    "ActionResult",
    "AppliedAuto",
    "CaseBatch",
    "CaseNotFound",
    "CaseService",
    "InvalidInput",
    "NewCase",
    "parse_money",
]
