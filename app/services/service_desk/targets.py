"""The shop's targets and 回访 tasks, kept in line with each case's timeline.

`sync(session, case_ids)` rewrites the `service_targets` rows of those cases and creates or
moves their open callback tasks; `CaseService` calls it in the transaction of every write
(`on_saved`), so `due` and the window read them as one indexed range, like the platform's
deadlines. What other paths wrote (a big import's staged copy) is caught up by `sync_changed`
(cases whose `updated_at` passed the last mark). Saving the settings recounts every case.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, sessionmaker

from app.models.bulk import insert_many
from app.models.db import write_transaction
from app.models.entities import Callback, Case, DeskSetting, Event, ServiceTarget
from app.services.clock import Clock
from app.services.rules.calendar import WorkCalendar
from app.services.service_desk.desk_settings import DeskSettings
from app.services.service_desk.service_calendar import ServiceCalendar
from app.services.service_desk.target_plan import (
    CaseTimeline,
    TargetKind,
    TargetSpec,
    TargetStatus,
    TimelineEvent,
    callback_plan,
    callback_target,
    plan_targets,
)

CHUNK = 500
SYNC_MARK = "targets_synced_at"  # desk_settings key: the `updated_at` the last catch-up reached
_TARGETS = ServiceTarget.__table__


@dataclass(frozen=True)
class TargetView:
    case_id: int
    kind: TargetKind
    starts_at: datetime
    due_at: datetime
    met_at: datetime | None
    stopped_at: datetime | None
    handler: str
    status: TargetStatus
    working_left: timedelta  # time to due_at on the target's clock (zero once past); the quieter countdown
    working: bool = True  # its clock counts working time only (the refund target: wall-clock by default)


class TargetService:
    def __init__(
        self, sessions: sessionmaker[Session], clock: Clock, work: Callable[[], WorkCalendar]
    ) -> None:
        self._sessions = sessions
        self._clock = clock
        self._work = work
        self._settings: DeskSettings | None = None
        self._calendar: ServiceCalendar | None = None

    # ---- settings ----------------------------------------------------------------------

    def settings(self) -> DeskSettings:
        if self._settings is None:
            with self._sessions() as session:
                self._settings = self._read(session)
        return self._settings

    def _read(self, session: Session) -> DeskSettings:
        rows = session.execute(select(DeskSetting.key, DeskSetting.value)).all()
        return DeskSettings.from_store({k: v for k, v in rows if k != SYNC_MARK})

    def calendar(self) -> ServiceCalendar:
        if self._calendar is None:
            self._calendar = self.settings().calendar(self._work())
        return self._calendar

    def forget_cached(self) -> None:
        """Another PC (or a restore) may have changed the settings: read them again."""
        self._settings = None
        self._calendar = None

    def save_settings(self, settings: DeskSettings) -> list[int]:
        """Store the settings and recount every case's targets with them; returns the case ids."""
        settings.checked()
        with write_transaction(self._sessions) as session:
            for key, value in settings.to_store().items():
                row = session.get(DeskSetting, key)
                if row is None:
                    session.add(DeskSetting(key=key, value=value))
                else:
                    row.value = value
            self._settings = settings
            self._calendar = settings.calendar(self._work())
            ids = list(session.scalars(select(Case.id)))
            self.sync(session, ids)
            return ids

    # ---- keeping them in line ------------------------------------------------------------

    def sync(self, session: Session, case_ids: Iterable[int]) -> None:
        """Rewrite the targets (and open callback tasks) of these cases from their timelines."""
        ids = sorted(set(case_ids))
        if not ids:
            return
        s, cal = self.settings(), self.calendar()
        for part in (ids[i : i + CHUNK] for i in range(0, len(ids), CHUNK)):
            timelines = _timelines(session, part)
            callbacks = {
                c.case_id: c for c in session.scalars(select(Callback).where(Callback.case_id.in_(part)))
            }
            session.execute(delete(ServiceTarget).where(ServiceTarget.case_id.in_(part)))
            rows: list[dict[str, object]] = []
            for cid in part:
                t = timelines.get(cid)
                if t is None:
                    continue
                specs = plan_targets(t, s, cal)
                plan = callback_plan(t, s, cal)
                cb = callbacks.get(cid)
                if cb is None and plan is not None:
                    cb = Callback(
                        case_id=cid,
                        outcome=plan.outcome,
                        ended_at=plan.ended_at,
                        due_at=plan.due_at,
                        result="",
                        comment="",
                        handler="",
                    )
                    session.add(cb)
                elif cb is not None and cb.done_at is None:
                    if plan is None:
                        session.delete(cb)
                        cb = None
                    else:
                        cb.outcome, cb.ended_at, cb.due_at = plan.outcome, plan.ended_at, plan.due_at
                if cb is not None and cb.outcome in s.callback_outcomes:
                    specs.append(callback_target(cb.ended_at, cb.done_at, cb.handler, s, cal))
                rows.extend(_row(cid, x) for x in specs)
            session.flush()
            if rows:
                insert_many(session, _TARGETS, rows)  # type: ignore[arg-type]

    def sync_changed(self) -> int:
        """Catch up the cases written by paths that do not call `sync` (a staged import):
        those updated since the last mark. Returns how many were recounted."""
        with write_transaction(self._sessions) as session:
            mark_row = session.get(DeskSetting, SYNC_MARK)
            newest = session.scalar(select(func.max(Case.updated_at)))
            if newest is None:
                return 0
            query = select(Case.id)
            if mark_row is not None:
                mark = datetime.fromisoformat(mark_row.value)
                if newest <= mark:
                    return 0
                query = query.where(Case.updated_at >= mark)
            ids = list(session.scalars(query))
            self.sync(session, ids)
            text = newest.astimezone(UTC).isoformat()
            if mark_row is None:
                session.add(DeskSetting(key=SYNC_MARK, value=text))
            else:
                mark_row.value = text
            return len(ids)

    # ---- reading ---------------------------------------------------------------------------

    def for_case(self, case_id: int) -> list[TargetView]:
        now = self._clock.now()
        with self._sessions() as session:
            rows = session.scalars(
                select(ServiceTarget)
                .where(ServiceTarget.case_id == case_id)
                .order_by(ServiceTarget.starts_at)
            ).all()
            return [self.view(r, now) for r in rows]

    def view(self, r: ServiceTarget, now: datetime) -> TargetView:
        spec = TargetSpec(TargetKind(r.kind), r.starts_at, r.due_at, r.met_at, r.stopped_at, r.handler)
        status = spec.status(now)
        left = self.target_left(spec.kind, r.due_at, now) if status is TargetStatus.OPEN else timedelta(0)
        return TargetView(
            r.case_id,
            spec.kind,
            r.starts_at,
            r.due_at,
            r.met_at,
            r.stopped_at,
            r.handler,
            status,
            left,
            self.counts_working(spec.kind),
        )

    def counts_working(self, kind: TargetKind) -> bool:
        """Does this target's clock follow working hours? All do but the refund, unless set so."""
        return kind is not TargetKind.REFUND or self.settings().refund_working

    def target_left(self, kind: TargetKind, due_at: datetime, now: datetime) -> timedelta:
        """Time left to a target on its own clock: working time, or the wall clock's."""
        if not self.counts_working(kind):
            return max(due_at - now, timedelta(0))
        return self.working_left(due_at, now)

    def working_left(self, due_at: datetime, now: datetime) -> timedelta:
        """Working time from now to a target: it does not run at night or on days off."""
        return self.calendar().elapsed(now, due_at)

    def own_left(self, kind: str, due: int, now: int) -> int:
        """Seconds left of the merchant's own deadline in the case list: a target's in working
        time (negative once past), a follow-up's or 回访 task's on the wall clock."""
        if not kind.startswith("target:") or due <= now:
            return due - now
        at = datetime.fromtimestamp(now, UTC)
        left = self.target_left(TargetKind(kind.split(":", 1)[1]), datetime.fromtimestamp(due, UTC), at)
        return int(left.total_seconds())

    def next_opening(self, at: datetime) -> datetime:
        """`at` if the shop works then, else when it next opens."""
        return self.calendar().add(at, timedelta(0))

    def is_working(self, at: datetime) -> bool:
        """Is the shop open now (its targets run)?"""
        return self.calendar().is_working(at)

    def open_targets(self, case_ids: Sequence[int]) -> dict[int, TargetView]:
        """The soonest open target of each of these cases (the case list's quieter countdown)."""
        now = self._clock.now()
        out: dict[int, TargetView] = {}
        with self._sessions() as session:
            for part in (list(case_ids)[i : i + CHUNK] for i in range(0, len(case_ids), CHUNK)):
                rows = session.scalars(
                    select(ServiceTarget)
                    .where(
                        ServiceTarget.case_id.in_(part),
                        ServiceTarget.met_at.is_(None),
                        ServiceTarget.stopped_at.is_(None),
                    )
                    .order_by(ServiceTarget.due_at)
                ).all()
                for r in rows:
                    out.setdefault(r.case_id, self.view(r, now))
        return out


def _row(case_id: int, x: TargetSpec) -> dict[str, object]:
    return {
        "case_id": case_id,
        "kind": x.kind.value,
        "starts_at": x.starts_at,
        "due_at": x.due_at,
        "met_at": x.met_at,
        "stopped_at": x.stopped_at,
        "handler": x.handler,
    }


def _timelines(session: Session, ids: Sequence[int]) -> dict[int, CaseTimeline]:
    cases = session.execute(
        select(Case.id, Case.stage, Case.requested_at, Case.closed_at).where(Case.id.in_(ids))
    ).all()
    events: dict[int, list[TimelineEvent]] = {c.id: [] for c in cases}
    for e in session.execute(
        select(Event.case_id, Event.at, Event.actor, Event.action, Event.to_stage, Event.handler)
        .where(Event.case_id.in_(ids))
        .order_by(Event.case_id, Event.seq)
    ):
        events[e.case_id].append(TimelineEvent(e.at, e.actor, e.action, e.to_stage, e.handler))
    return {c.id: CaseTimeline(c.id, c.stage, c.requested_at, c.closed_at, events[c.id]) for c in cases}


__all__ = ["TargetService", "TargetView"]
