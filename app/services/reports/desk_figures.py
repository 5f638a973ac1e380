"""The service desk's figures for a report period: targets, 回访, and each handler's.

Definitions (the report's 口径说明 repeats them):
- a **target** belongs to the period when it started in it (the request, the return's arrival,
  the case's end); its status is as of the report's generation: 达成 met by its due instant,
  未达成 met later, or the case ended without it, or past due and still open (已超时),
  进行中 still ahead. 达成率 = 达成 ÷ (达成 + 未达成 + 已超时): open ones are left out.
- a **回访** belongs to the period when it was recorded in it; 满意率 = 满意 ÷ 回访数.
- a case's **handler** is the one the case names, else whoever recorded its first step that
  named one; a handler's figures are those of their cases: the cases requested in the period,
  the median working time to their first response (met or late), their targets, the
  platform's auto-actions on them in the period, their 回访.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import Select, and_, exists, or_, select
from sqlalchemy.orm import Session, sessionmaker

from app.models.entities import Callback, Case, Event, ServiceTarget
from app.services.clock import Clock
from app.services.service_desk.service_calendar import ServiceCalendar
from app.services.service_desk.target_plan import TargetKind, TargetStatus, status_of
from app.services.service_desk.targets import TargetService

CHUNK = 500


@dataclass(frozen=True)
class TargetLine:
    case_id: int
    aftersale_no: str
    kind: TargetKind
    handler: str  # the case's handler
    starts_at: datetime
    due_at: datetime
    met_at: datetime | None
    status: TargetStatus
    working_hours: float | None  # working time from start to met (None while not met)


@dataclass(frozen=True)
class CallbackLine:
    case_id: int
    aftersale_no: str
    sku: str
    product: str
    reason: str
    result: str
    comment: str
    handler: str  # the case's handler
    recorded_by: str
    done_at: datetime


@dataclass(frozen=True)
class HandlerLine:
    handler: str
    cases: int
    first_response_median: float | None  # working hours
    targets_met: int
    targets_ended: int  # met + missed + overdue
    auto_actions: int
    callbacks: int
    satisfied: int

    @property
    def met_rate(self) -> Decimal | None:
        return Decimal(self.targets_met) / self.targets_ended if self.targets_ended else None

    @property
    def satisfaction(self) -> Decimal | None:
        return Decimal(self.satisfied) / self.callbacks if self.callbacks else None


@dataclass(frozen=True)
class DeskFigures:
    targets: list[TargetLine]
    callbacks: list[CallbackLine]
    handlers: list[HandlerLine]


def in_scope(start: datetime, end: datetime, shop_ids: Sequence[int] | None) -> object:
    """The report's cases: applied before the end, open during the period or active in it."""
    active = exists().where(Event.case_id == Case.id, Event.at >= start, Event.at < end)
    cond = and_(Case.requested_at < end, or_(Case.closed_at.is_(None), Case.closed_at >= start, active))
    if shop_ids is not None:
        cond = and_(cond, Case.shop_id.in_(list(shop_ids)))
    return cond


def _handlers(session: Session, ids: Sequence[int]) -> dict[int, str]:
    """Each case's handler: the one it names, else the first step's that named one."""
    out: dict[int, str] = {}
    for i in range(0, len(ids), CHUNK):
        part = ids[i : i + CHUNK]
        for cid, name in session.execute(select(Case.id, Case.handler).where(Case.id.in_(part))):
            if name:
                out[cid] = name
        rows = session.execute(
            select(Event.case_id, Event.handler)
            .where(Event.case_id.in_(part), Event.handler != "")
            .order_by(Event.case_id, Event.seq)
        )
        for cid, name in rows:
            out.setdefault(cid, name)
    return out


def desk_figures(
    session: Session,
    start: datetime,
    end: datetime,
    shop_ids: Sequence[int] | None,
    calendar: ServiceCalendar,
    now: datetime,
) -> DeskFigures:
    scope = in_scope(start, end, shop_ids)
    case_q: Select[tuple[int, str, datetime]] = select(Case.id, Case.aftersale_no, Case.requested_at).where(
        scope  # type: ignore[arg-type]
    )
    cases = {cid: (no, requested) for cid, no, requested in session.execute(case_q)}
    ids = sorted(cases)
    handler_of = _handlers(session, ids)

    targets: list[TargetLine] = []
    autos: dict[int, int] = {}
    callbacks: list[CallbackLine] = []
    for i in range(0, len(ids), CHUNK):
        part = ids[i : i + CHUNK]
        for r in session.scalars(
            select(ServiceTarget).where(
                ServiceTarget.case_id.in_(part),
                ServiceTarget.starts_at >= start,
                ServiceTarget.starts_at < end,
            )
        ):
            status = status_of(r.due_at, r.met_at, r.stopped_at, now)
            used = calendar.elapsed(r.starts_at, r.met_at).total_seconds() / 3600 if r.met_at else None
            targets.append(
                TargetLine(
                    r.case_id,
                    cases[r.case_id][0],
                    TargetKind(r.kind),
                    handler_of.get(r.case_id, ""),
                    r.starts_at,
                    r.due_at,
                    r.met_at,
                    status,
                    used,
                )
            )
        for (cid,) in session.execute(
            select(Event.case_id).where(
                Event.case_id.in_(part),
                Event.action.like("auto\\_%", escape="\\"),
                Event.at >= start,
                Event.at < end,
            )
        ):
            autos[cid] = autos.get(cid, 0) + 1
    cb_q = (
        select(Callback, Case.aftersale_no, Case.sku, Case.product_title, Case.reason)
        .join(Case, Case.id == Callback.case_id)
        .where(Callback.done_at.is_not(None), Callback.done_at >= start, Callback.done_at < end)
        .order_by(Callback.done_at, Callback.id)
    )
    if shop_ids is not None:
        cb_q = cb_q.where(Case.shop_id.in_(list(shop_ids)))
    cb_rows = session.execute(cb_q).all()
    extra = _handlers(session, sorted({c.case_id for c, *_ in cb_rows} - set(handler_of)))
    for c, no, sku, product, reason in cb_rows:
        assert c.done_at is not None
        handler = handler_of.get(c.case_id, extra.get(c.case_id, ""))
        callbacks.append(
            CallbackLine(
                c.case_id, no, sku, product, reason, c.result, c.comment, handler, c.handler, c.done_at
            )
        )
    targets.sort(key=lambda t: (t.starts_at, t.case_id, t.kind.value))
    return DeskFigures(
        targets, callbacks, _per_handler(cases, handler_of, targets, autos, callbacks, start, end)
    )


def _per_handler(
    cases: dict[int, tuple[str, datetime]],
    handler_of: dict[int, str],
    targets: list[TargetLine],
    autos: dict[int, int],
    callbacks: list[CallbackLine],
    start: datetime,
    end: datetime,
) -> list[HandlerLine]:
    names = sorted({handler_of.get(cid, "") for cid in cases} | {c.handler for c in callbacks})
    out = []
    for name in names:
        mine = {cid for cid in cases if handler_of.get(cid, "") == name}
        new = sum(1 for cid in mine if start <= cases[cid][1] < end)
        theirs = [t for t in targets if t.handler == name]
        responses = [
            t.working_hours
            for t in theirs
            if t.kind is TargetKind.FIRST_RESPONSE and t.working_hours is not None
        ]
        ended = [t for t in theirs if t.status is not TargetStatus.OPEN]
        cbs = [c for c in callbacks if c.handler == name]
        out.append(
            HandlerLine(
                name,
                new,
                statistics.median(responses) if responses else None,
                sum(1 for t in ended if t.status is TargetStatus.MET),
                len(ended),
                sum(autos.get(cid, 0) for cid in mine),
                len(cbs),
                sum(1 for c in cbs if c.result == "satisfied"),
            )
        )
    return [h for h in out if h.cases or h.targets_ended or h.callbacks or h.auto_actions or h.handler]


TOTAL = "*"  # the handler name of the all-handlers line (`total_line`)


def total_line(d: DeskFigures) -> HandlerLine:
    """Every handler's figures together (the dashboard's first line)."""
    responses = [
        t.working_hours
        for t in d.targets
        if t.kind is TargetKind.FIRST_RESPONSE and t.working_hours is not None
    ]
    ended = [t for t in d.targets if t.status is not TargetStatus.OPEN]
    return HandlerLine(
        TOTAL,
        sum(h.cases for h in d.handlers),
        statistics.median(responses) if responses else None,
        sum(1 for t in ended if t.status is TargetStatus.MET),
        len(ended),
        sum(h.auto_actions for h in d.handlers),
        len(d.callbacks),
        sum(1 for c in d.callbacks if c.result == "satisfied"),
    )


class DeskReport:
    """The desk figures of a report period, and the targets' settings in words."""

    def __init__(self, sessions: sessionmaker[Session], clock: Clock, targets: TargetService) -> None:
        self._sessions = sessions
        self._clock = clock
        self._targets = targets

    def figures(self, start: datetime, end: datetime, shop_ids: Sequence[int] | None) -> DeskFigures:
        with self._sessions() as session:
            return desk_figures(session, start, end, shop_ids, self._targets.calendar(), self._clock.now())

    def terms(self, lang: str) -> dict[str, str]:
        s = self._targets.settings()
        en = lang == "en"

        def hours(span: timedelta, working: bool) -> str:
            h = f"{span.total_seconds() / 3600:g}"
            if en:
                return f"{h} {'working ' if working else ''}hours"
            return f"{h} {'工作' if working else ''}小时"

        days = s.callback_within_days
        return {
            TargetKind.FIRST_RESPONSE.value: hours(s.first_response, True),
            TargetKind.REFUND.value: hours(s.refund, s.refund_working),
            TargetKind.CALLBACK.value: f"{days} working day(s)" if en else f"{days} 个工作日",
        }


__all__ = [
    "TOTAL",
    "CallbackLine",
    "DeskFigures",
    "DeskReport",
    "HandlerLine",
    "TargetLine",
    "desk_figures",
    "in_scope",
    "total_line",
]
