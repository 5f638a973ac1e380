"""The dashboard's figures: what is open, what lapses soon, what the platform did to us.

Definitions (the window shows them as tooltips):
- open cases: cases not in a final stage;
- merchant-side due in 24 h: merchant clocks that lapse within the next 24 hours;
- overdue: running clocks (any party) past their due time, not yet applied;
- auto-actions against us this month: platform auto-actions on a merchant clock
  (auto-approve, auto-refund, penalty) since the first of this month;
- refund amount this month: refunds granted on cases that reached "refunded" this month;
- handlers this month: the report's 处理人 figures for this month so far (`desk_figures`), all
  handlers together first.
"Month" and "day" are calendar units in the given time zone.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app.models.entities import Case, Deadline, Event
from app.models.enums import Actor, AutoAction, Party, Stage
from app.services.clock import Clock
from app.services.reports.desk_figures import DeskFigures, HandlerLine, total_line

FINAL = [s.value for s in Stage if s.is_final]
AUTO = [a.value for a in AutoAction]


@dataclass(frozen=True)
class UpcomingDeadline:
    case_id: int
    aftersale_no: str
    platform: str
    stage: str
    party: str
    due_at: datetime
    auto_action: str
    confidence: str


@dataclass(frozen=True)
class DayCount:
    day: date
    new: int
    closed: int


@dataclass(frozen=True)
class DashboardFigures:
    now: datetime
    open_cases: int
    merchant_due_24h: int
    overdue: int
    auto_actions_month: int
    refund_amount_month: Decimal
    next_24h: tuple[UpcomingDeadline, ...]
    by_reason_month: tuple[tuple[str, int], ...]  # most frequent first
    new_vs_closed: tuple[DayCount, ...]  # oldest day first
    handlers: tuple[HandlerLine, ...] = ()  # this month: all together (handler TOTAL) first


def month_start(now: datetime, tz: tzinfo) -> datetime:
    local = now.astimezone(tz)
    return local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def day_start(now: datetime, tz: tzinfo) -> datetime:
    return now.astimezone(tz).replace(hour=0, minute=0, second=0, microsecond=0)


class DashboardService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        clock: Clock,
        tz: tzinfo,
        desk: Callable[[datetime, datetime], DeskFigures] | None = None,
    ) -> None:
        self._sessions = sessions
        self._clock = clock
        self._tz = tz
        self._desk = desk  # the service desk's figures of a period (targets, 回访, handlers)

    def figures(self, days: int = 30, upcoming_limit: int = 50) -> DashboardFigures:
        now = self._clock.now()
        month = month_start(now, self._tz)
        first_day = day_start(now, self._tz) - timedelta(days=days - 1)
        with self._sessions() as s:
            open_cases = s.scalar(select(func.count()).select_from(Case).where(Case.stage.not_in(FINAL))) or 0
            due_24h = (
                s.scalar(
                    select(func.count())
                    .select_from(Deadline)
                    .where(
                        Deadline.party == Party.MERCHANT.value,
                        Deadline.due_at >= now,
                        Deadline.due_at < now + timedelta(hours=24),
                    )
                )
                or 0
            )
            overdue = s.scalar(select(func.count()).select_from(Deadline).where(Deadline.due_at < now)) or 0
            autos = (
                s.scalar(
                    select(func.count())
                    .select_from(Event)
                    .where(
                        Event.actor == Actor.PLATFORM.value,
                        Event.action.in_(AUTO),
                        func.json_extract(Event.payload, "$.party") == Party.MERCHANT.value,
                        Event.at >= month,
                    )
                )
                or 0
            )
            refunds = s.scalars(
                select(Case.refund_granted).where(
                    Case.stage == Stage.REFUNDED.value,
                    Case.closed_at >= month,
                    Case.refund_granted.is_not(None),
                )
            ).all()
            upcoming = s.execute(
                select(
                    Case.id,
                    Case.aftersale_no,
                    Case.platform,
                    Case.stage,
                    Deadline.party,
                    Deadline.due_at,
                    Deadline.auto_action,
                    Deadline.confidence,
                )
                .join(Case, Case.id == Deadline.case_id)
                .where(Deadline.due_at >= now, Deadline.due_at < now + timedelta(hours=24))
                .order_by(Deadline.due_at, Deadline.id)
                .limit(upcoming_limit)
            ).all()
            reasons = s.execute(
                select(Case.reason, func.count())
                .where(Case.requested_at >= month)
                .group_by(Case.reason)
                .order_by(func.count().desc(), Case.reason)
            ).all()
            opened = s.scalars(select(Case.requested_at).where(Case.requested_at >= first_day)).all()
            closed = s.scalars(select(Case.closed_at).where(Case.closed_at >= first_day)).all()
        handlers: tuple[HandlerLine, ...] = ()
        if self._desk is not None:
            desk = self._desk(month, now + timedelta(seconds=1))
            handlers = (total_line(desk), *desk.handlers)
        return DashboardFigures(
            now=now,
            open_cases=open_cases,
            merchant_due_24h=due_24h,
            overdue=overdue,
            auto_actions_month=autos,
            refund_amount_month=sum((r for r in refunds if r is not None), Decimal("0.00")),
            next_24h=tuple(UpcomingDeadline(*row) for row in upcoming),
            by_reason_month=tuple((reason, count) for reason, count in reasons),
            new_vs_closed=self._per_day(first_day.date(), days, opened, [c for c in closed if c is not None]),
            handlers=handlers,
        )

    def _per_day(
        self, first: date, days: int, opened: Sequence[datetime], closed: Sequence[datetime]
    ) -> tuple[DayCount, ...]:
        new = Counter(t.astimezone(self._tz).date() for t in opened)
        done = Counter(t.astimezone(self._tz).date() for t in closed)
        out = []
        for i in range(days):
            d = first + timedelta(days=i)
            out.append(DayCount(d, new.get(d, 0), done.get(d, 0)))
        return tuple(out)
