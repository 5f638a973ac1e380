"""Case workflow service: create cases, apply actions, run the platform's auto-actions.

Every write is one transaction: the event is appended, the stage moves and the
case's deadlines are recomputed together, or nothing changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime

from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from app.models.db import write_transaction
from app.models.entities import Case, Deadline, RuleSet, Shop
from app.models.enums import (
    Action,
    Party,
    Platform,
    Stage,
)
from app.services.cases.assignment import shop_assignee
from app.services.cases.inputs import (
    ActionRequest,
    ActionResult,
    CaseNotFound,
    InvalidInput,
    NewCase,
    check_refund_amount,
    default_shipped,
    opened_case,
    parse_money,
)
from app.services.cases.messages import (
    ACTION_IN_FUTURE,
    ALREADY_EXISTS,
    ALREADY_EXISTS_AS,
    AUTO_AT,
    BAD_FREIGHT_PAYER,
    BAD_PARTY,
    BATCH_CLASH,
    BEFORE_LAST_EVENT,
    CLOCKS_INTO_FUTURE,
    DUE_NOT_AFTER,
    FOLLOW_UP_NOT_AFTER,
    NO_CASE,
    NO_CLOCK_TO_EXTEND,
    NOT_A_TIME,
    NUMBERS_REQUIRED,
    ON_SEVERAL_PLATFORMS,
    PLATFORM_ACTED_FIRST,
    REQUESTED_IN_FUTURE,
    TIME_OUT_OF_RANGE,
)
from app.services.cases.state import (
    CASES,
    AppliedAuto,
    CaseState,
    case_fields,
    load_states,
    record,
    run_due,
    save,
)
from app.services.cases.versions import check, stale_case
from app.services.clock import FIRST_YEAR, LAST_YEAR, Clock, OutOfRange, parse_instant
from app.services.errors import DuplicateCase
from app.services.rules.deadlines import DeadlineSpec, compute_deadlines, replay
from app.services.rules.presets import RuleBook, RulePreset, preset_from_content
from app.services.rules.workflow import ActionNotAllowed, check_action
from app.services.text.messages import message_of

TICK_BATCH = 500

# Called inside the transaction that applies auto-actions, before it commits: the alerts
# feature writes their notices there (`alerts.notices.record_auto_notices`, wired by the
# composition root), so an auto-action is never stored without its notice.
AutoHook = Callable[[Session, Sequence[AppliedAuto], datetime], None]
# Called in the transaction of every write with the ids of the cases it wrote (the shop's
# targets and 回访 tasks are kept in line with the timeline there: service_desk/targets.py).
SavedHook = Callable[[Session, Sequence[int]], None]


class CaseService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        clock: Clock,
        rules: RuleBook,
        on_autos: AutoHook | None = None,
        on_saved: SavedHook | None = None,
    ) -> None:
        self._sessions = sessions
        self._clock = clock
        self.rules = rules
        self._on_autos = on_autos
        self._on_saved = on_saved
        self._presets: dict[int, RulePreset] = {}
        self._rule_set_ids: dict[tuple[str, str], int] = {}

    def _saved(self, session: Session, case_ids: Sequence[int]) -> None:
        if self._on_saved is not None and case_ids:
            self._on_saved(session, case_ids)

    def forget_cached(self) -> None:
        """The database file was replaced (restore): rule-set rows may differ; read them again."""
        self._presets.clear()
        self._rule_set_ids.clear()

    # ---- reading the rules a case lives under -------------------------------------

    def preset_for(self, session: Session, rule_set_id: int) -> RulePreset:
        preset = self._presets.get(rule_set_id)
        if preset is None:
            rs = session.get(RuleSet, rule_set_id)
            assert rs is not None
            preset = preset_from_content(rs.content)
            self._presets[rule_set_id] = preset
        # The platform's holiday adjustments apply to every open case, whatever its preset version.
        found = self.rules.adjustments_for(preset.platform)
        return replace(preset, adjustments=found) if found else preset

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
        now = self._clock.now()
        with write_transaction(self._sessions) as session:
            state = self._add(session, new, now)
            save(session, [state], now)
            self._saved(session, [state.id])
            return state.id

    def _add(self, session: Session, new: NewCase, now: datetime, case_id: int | None = None) -> CaseState:
        """Record a new case's opening (not yet saved).

        Alone, the row is checked and inserted at once. In a batch (`case_id` given) it is
        inserted with the others when the batch is saved; the unique key still refuses a
        duplicate then, and the whole batch with it.
        """
        if new.requested_at > now:
            raise InvalidInput(REQUESTED_IN_FUTURE(), field="requested_at")
        if not new.aftersale_no.strip() or not new.order_no.strip():
            raise InvalidInput(NUMBERS_REQUIRED())
        preset = self.rules.active(new.platform)
        shop_id = self._shop_id(session, new.platform, new.shop) if new.shop else None
        exists = (
            None
            if case_id is not None
            else session.scalars(
                select(Case.id).where(
                    Case.platform == new.platform.value, Case.aftersale_no == new.aftersale_no.strip()
                )
            ).first()
        )
        if exists is not None:
            raise DuplicateCase(
                ALREADY_EXISTS_AS(platform=new.platform, no=new.aftersale_no, case_id=exists), case_id=exists
            )
        rule_set_id = self._rule_set_id(session, preset)
        state = opened_case(new, preset, case_id or 0, rule_set_id, shop_id, now)
        if case_id is None:
            assert state.new_row is not None
            try:
                # At version 0: the save that follows (its events, its clocks) makes it 1.
                row = {**state.new_row, **case_fields(state, now), "version": 0}
                state.version = 0
                state.id = session.execute(insert(CASES).returning(CASES.c.id), row).scalar_one()
            except IntegrityError:
                raise InvalidInput(ALREADY_EXISTS(no=new.aftersale_no)) from None
            state.new_row = None
        return state

    def reference_ids(
        self, session: Session, preset: RulePreset, platform: Platform, shop: str | None
    ) -> tuple[int, int | None]:
        """(rule set id, shop id) a new case under `preset`, in `shop` on `platform`, is stored with;
        both are created when missing (for a write planned elsewhere: importing/staging.py)."""
        shop_id = self._shop_id(session, platform, shop) if shop else None
        return self._rule_set_id(session, preset), shop_id

    def _shop_id(self, session: Session, platform: Platform, name: str) -> int:
        cache: dict[tuple[str, str], int] = session.info.setdefault("shop_ids", {})
        if (platform.value, name) in cache:
            return cache[(platform.value, name)]
        shop = session.scalars(select(Shop).where(Shop.platform == platform.value, Shop.name == name)).first()
        if shop is None:
            shop = Shop(platform=platform.value, name=name)
            session.add(shop)
            session.flush()
        cache[(platform.value, name)] = shop.id
        return shop.id

    # ---- act ------------------------------------------------------------------------

    def resolve_case_id(self, ref: str) -> int:
        """A case id, or an after-sales no. (unique across platforms)."""
        with self._sessions() as session:
            if ref.isdigit() and len(ref) < 16 and session.get(Case, int(ref)) is not None:
                return int(ref)
            ids = session.scalars(select(Case.id).where(Case.aftersale_no == ref)).all()
        if len(ids) == 1:
            return ids[0]
        if len(ids) > 1:
            raise CaseNotFound(ON_SEVERAL_PLATFORMS(ref=ref))
        raise CaseNotFound(NO_CASE(ref=ref))

    def act(self, case_id: int, request: ActionRequest, expect_version: int | None = None) -> ActionResult:
        """Record the action. `expect_version`: the version the merchant saw; the case written
        since (by anyone) refuses it with StaleCase. None: read and written in this transaction."""
        now = self._clock.now()
        with write_transaction(self._sessions) as session:
            state = load_states(session, [case_id], lock=True).get(case_id)
            if state is None:
                raise CaseNotFound(NO_CASE(ref=case_id))
            if expect_version is not None and state.version != expect_version:
                raise stale_case(session, case_id, now)
            autos, refusal = self._act(session, state, request, now)
            event_ids = save(session, [state], now)
            self._saved(session, [case_id])
            if autos and self._on_autos is not None:
                self._on_autos(session, autos, now)
        if refusal is not None:
            raise refusal
        return ActionResult(case_id, event_ids[-1], state.stage, tuple(autos), state.version)

    def _act(
        self, session: Session, state: CaseState, request: ActionRequest, now: datetime
    ) -> tuple[list[AppliedAuto], ActionNotAllowed | None]:
        """Record the action on the loaded case (unsaved); a refusal is returned, not raised."""
        at = request.at or now
        if at > now:
            return [], InvalidInput(ACTION_IN_FUTURE(), field="at")
        try:
            payload = self._clean_payload(request.payload)
        except ActionNotAllowed as e:
            return [], e
        preset = self.preset_for(session, state.rule_set_id)
        # The platform acted first if a clock ran out before this action. What it did is
        # kept (tick would record the same), even when the merchant's action is then refused.
        autos = run_due(state, preset, at, now)
        try:
            target = self._validate(state, request.action, payload, at)
        except ActionNotAllowed as e:
            if autos:
                done = tuple(AUTO_AT(auto=a.auto_action, at=a.at) for a in autos)
                return autos, type(e)(PLATFORM_ACTED_FIRST(refusal=message_of(e), done=done))
            return autos, e
        record(
            state, preset, request.action.value, request.actor, at, target, payload, now, handler=request.handler
        )
        return autos, None

    @contextmanager
    def batch(self) -> Iterator[CaseBatch]:
        """Several adds and acts in ONE transaction: all are written, or (on an escaping error) none."""
        with write_transaction(self._sessions) as session:
            batch = CaseBatch(self, session, self._clock.now())
            yield batch
            batch.flush()

    def _validate(self, state: CaseState, action: Action, payload: dict[str, str], at: datetime) -> Stage:
        last = state.last_event_at
        if last is not None and at < last:
            raise InvalidInput(BEFORE_LAST_EVENT(last=last), field="at")
        target = check_action(state.case_type, state.stage, action, payload)
        check_refund_amount(state.refund_requested, payload)
        if action is Action.EXTEND_DEADLINE:
            party = payload.get("party", Party.MERCHANT.value)
            if not any(d.party.value == party for d in state.deadlines):
                raise ActionNotAllowed(NO_CLOCK_TO_EXTEND(party=Party(party), stage=state.stage))
            if datetime.fromisoformat(payload["due_at"]) <= at:
                raise InvalidInput(DUE_NOT_AFTER(), field="due_at")
        if "follow_up_by" in payload and datetime.fromisoformat(payload["follow_up_by"]) <= at:
            raise InvalidInput(FOLLOW_UP_NOT_AFTER(), field="follow_up_by")
        return target

    def _clean_payload(self, raw: dict[str, str]) -> dict[str, str]:
        payload = {k: str(v).strip() for k, v in raw.items() if v is not None and str(v).strip()}
        for key in ("amount", "freight", "compensation", "goods_value", "repair_cost"):
            if key in payload:
                payload[key] = str(parse_money(payload[key]))
        for key in ("due_at", "follow_up_by"):
            if key in payload:
                try:
                    payload[key] = parse_instant(payload[key]).isoformat()
                except OutOfRange:
                    raise InvalidInput(
                        TIME_OUT_OF_RANGE(text=payload[key], first=FIRST_YEAR, last=LAST_YEAR)
                    ) from None
                except ValueError:
                    raise InvalidInput(NOT_A_TIME(text=payload[key])) from None
        if "party" in payload and payload["party"] not in {p.value for p in Party}:
            raise InvalidInput(BAD_PARTY(party=payload["party"]))
        if "freight_payer" in payload and payload["freight_payer"] not in ("merchant", "buyer", "platform"):
            raise InvalidInput(BAD_FREIGHT_PAYER())
        return payload

    # ---- auto-actions -----------------------------------------------------------------

    def tick(self) -> list[AppliedAuto]:
        """Apply every auto-action due now, in due order, each stamped at its due instant.

        Running it late gives the same history as running it at every due instant. Each batch
        commits with its notices (`on_autos`): a kill between two batches loses neither.
        """
        now = self._clock.now()
        applied: list[AppliedAuto] = []
        while True:
            with write_transaction(self._sessions) as session:
                due = session.execute(
                    select(Deadline.case_id)
                    .where(Deadline.due_at.is_not(None), Deadline.due_at <= now)
                    .order_by(Deadline.due_at, Deadline.id)
                    .limit(TICK_BATCH)
                ).scalars()
                order = list(dict.fromkeys(due))
                if not order:
                    return applied
                states = load_states(session, order, lock=True)
                batch: list[AppliedAuto] = []
                for cid in order:
                    state = states[cid]
                    batch.extend(run_due(state, self.preset_for(session, state.rule_set_id), now, now))
                save(session, states.values(), now)
                self._saved(session, order)
                if self._on_autos is not None:
                    self._on_autos(session, batch, now)
                applied.extend(batch)

    # ---- consistency ------------------------------------------------------------------

    def refresh_working_day_clocks(self) -> list[int]:
        """Recompute the running working-day clocks (`2wd`): the calendar they were counted with
        may have learnt a year since (a newer chinesecalendar, the merchant's own schedule),
        which moves their due instants. Returns the cases whose deadlines changed. Reads first
        and takes the write lock only when a clock moved (a read-only folder still opens)."""
        with self._sessions() as session:
            working_day_rules = {
                str(rule.get("id"))
                for content in session.scalars(select(RuleSet.content))
                for rule in content.get("rules", [])
                if str(rule.get("duration", "")).strip().endswith("wd")
            }
            if not working_day_rules:
                return []
            ids = session.scalars(
                select(Deadline.case_id)
                .where(Deadline.rule_id.in_(sorted(working_day_rules)), Deadline.due_at.is_not(None))
                .distinct()
            ).all()
        return self.recount(list(ids))

    def recount_platform(self, platform: Platform) -> list[int]:
        """Recompute the running clocks of a platform's open cases (its holiday adjustments
        changed); returns the cases whose deadlines moved."""
        with self._sessions() as session:
            ids = session.scalars(
                select(Deadline.case_id)
                .join(Case, Case.id == Deadline.case_id)
                .where(Case.platform == platform.value)
                .distinct()
            ).all()
        return self.recount(list(ids))

    def recount(self, case_ids: Sequence[int]) -> list[int]:
        """Rewrite the deadlines of these cases that differ from a recomputation with today's
        rules (calendar, adjustments); read first, the write lock only when one moved."""
        with self._sessions() as session:
            moved = self._moved_clocks(session, list(case_ids))
        if not moved:
            return []
        with write_transaction(self._sessions) as session:
            states = load_states(session, moved, lock=True)
            for state in states.values():
                state.deadlines = self._expected(session, state)
                state.dirty = True
            save(session, states.values(), self._clock.now())
            self._saved(session, moved)
        return moved

    def _expected(self, session: Session, state: CaseState) -> list[DeadlineSpec]:
        return compute_deadlines(state.facts, state.events, self.preset_for(session, state.rule_set_id))

    def _moved_clocks(self, session: Session, ids: list[int]) -> list[int]:
        key = lambda s: s.party.value  # noqa: E731
        return [
            state.id
            for state in load_states(session, ids).values()
            if sorted(self._expected(session, state), key=key) != sorted(state.deadlines, key=key)
        ]

    def recompute_check(self, case_ids: Sequence[int] | None = None) -> list[int]:
        """Case ids whose stored deadlines or stage differ from a recomputation (should be none)."""
        bad: list[int] = []
        with self._sessions() as session:
            ids = list(case_ids) if case_ids is not None else list(session.scalars(select(Case.id)))
            for state in load_states(session, ids).values():
                expected = compute_deadlines(
                    state.facts, state.events, self.preset_for(session, state.rule_set_id)
                )
                key = lambda s: s.party.value  # noqa: E731
                if sorted(state.deadlines, key=key) != sorted(expected, key=key) or (
                    replay(state.events).stage is not state.stage
                ):
                    bad.append(state.id)
        return bad


class CaseBatch:
    """`add_case` and `act` inside one open transaction (see `CaseService.batch`).

    Cases touched stay loaded and are written together when the batch ends, so a file of
    fifty thousand rows costs a few statements per five hundred cases, not per row.
    A refused action raises at once and leaves the case as it was (but for what the
    platform had already done by then, as `CaseService.act`).
    """

    def __init__(self, service: CaseService, session: Session, now: datetime) -> None:
        self._service = service
        self._session = session
        self._now = now
        self._states: dict[int, CaseState] = {}
        self._next_id: int | None = None

    SAVE_EVERY = 1000  # cases touched between writes, to bound memory on large files

    def add_case(self, new: NewCase) -> int:
        if self._next_id is None:
            self._next_id = self._session.scalar(select(func.max(Case.id))) or 0
        self._next_id += 1
        state = self._service._add(self._session, new, self._now, case_id=self._next_id)
        self._keep(state)
        return state.id

    def act(self, case_id: int, request: ActionRequest, expect_version: int | None = None) -> ActionResult:
        """As `CaseService.act`; `expect_version` is checked against the case as first read here."""
        state = self._state(case_id)
        if expect_version is not None and state.version != expect_version:
            raise stale_case(self._session, case_id, self._now)
        autos, refusal = self._service._act(self._session, state, request, self._now)
        if refusal is not None:
            raise refusal
        return ActionResult(case_id, None, state.stage, tuple(autos))

    def run_due(self, case_id: int, until: datetime) -> list[AppliedAuto]:
        """Apply this case's auto-actions due at or before `until` (what `act` does first)."""
        if until > self._now:
            raise InvalidInput(CLOCKS_INTO_FUTURE())
        state = self._state(case_id)
        preset = self._service.preset_for(self._session, state.rule_set_id)
        return run_due(state, preset, until, self._now)

    def adopt_new(self, state: CaseState, preset: RulePreset, shop: str | None) -> int:
        """Write a new case planned elsewhere (`opened_case` and what followed); returns its id."""
        assert state.new_row is not None
        if self._next_id is None:
            self._next_id = self._session.scalar(select(func.max(Case.id))) or 0
        self._next_id += 1
        state.id = self._next_id
        state.rule_set_id = self._service._rule_set_id(self._session, preset)
        state.new_row["rule_set_id"] = state.rule_set_id
        state.new_row["shop_id"] = (
            self._service._shop_id(self._session, Platform(state.platform), shop) if shop else None
        )
        if state.new_row.get("assignee") is None:  # the shop rule (Settings): its handler, or nobody
            state.new_row["assignee"] = shop_assignee(self._session, state.new_row["shop_id"])
        self._keep(state)
        return state.id

    def adopt(self, state: CaseState) -> None:
        """Write what was recorded on a case loaded elsewhere (an import's preview): StaleCase,
        and nothing kept, when the case was written since it was loaded."""
        check(self._session, state.id, state.version, self._now)
        self._keep(state)

    def stage(self, case_id: int) -> Stage:
        return self._state(case_id).stage

    def flush(self) -> None:
        try:
            save(self._session, self._states.values(), self._now)
        except IntegrityError as e:
            raise InvalidInput(BATCH_CLASH(error=e.orig)) from None
        self._service._saved(self._session, list(self._states))

    def _state(self, case_id: int) -> CaseState:
        state = self._states.get(case_id)
        if state is None:
            state = load_states(self._session, [case_id], lock=True).get(case_id)
            if state is None:
                raise CaseNotFound(NO_CASE(ref=case_id))
            self._keep(state)
        return state

    def _keep(self, state: CaseState) -> None:
        if len(self._states) >= self.SAVE_EVERY:
            self.flush()
            self._states.clear()
        self._states[state.id] = state


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
    "check_refund_amount",
    "default_shipped",
    "opened_case",
    "parse_money",
]
