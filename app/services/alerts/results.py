"""What the alert service hands the window: notices, summaries, deliveries, wake-up plans,
and the tray's status. Plain values, no database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.services.alerts.log import SentAlert
from app.services.alerts.plan import SummaryReason
from app.services.cases.state import AppliedAuto


@dataclass(frozen=True)
class Notice:
    """One thing shown to the merchant; `log_id` marks it seen in the alert log.

    `title` and `text` are `messages.Text`s (the window shows them with `service_text.say`);
    a notice logged before alert texts were stored in both languages holds its Chinese."""

    log_id: int
    case_id: int
    kind: str  # "alert" | "auto_action"
    title: str
    text: str
    due_at: datetime | None = None  # an alert's deadline: the window counts the time left live


def notice_of(sent: SentAlert) -> Notice:
    return Notice(
        sent.id, sent.case_id, sent.kind, sent.title, sent.text, sent.due_at if sent.kind == "alert" else None
    )


@dataclass(frozen=True)
class Summary:
    reason: SummaryReason
    headline: str  # a `messages.Text`
    notices: tuple[Notice, ...]


@dataclass(frozen=True)
class Delivery:
    popups: tuple[Notice, ...] = ()
    summary: Summary | None = None
    held: int = 0  # alerts held back by quiet hours or snooze

    @property
    def notices(self) -> tuple[Notice, ...]:
        """Everything delivered now: the window lists all of it until seen."""
        return self.popups + (self.summary.notices if self.summary else ())

    def __bool__(self) -> bool:
        return bool(self.popups or self.summary)


@dataclass(frozen=True)
class WakeResult:
    applied: tuple[AppliedAuto, ...]
    delivery: Delivery


@dataclass(frozen=True)
class WakePlan:
    instant: datetime | None
    reason: str
    rows_read: int  # rows fetched to decide (a handful, never one per case)


@dataclass(frozen=True)
class UpcomingDeadline:
    case_id: int
    platform: str
    aftersale_no: str
    product_title: str
    party: str
    due_at: datetime
    auto_action: str


@dataclass(frozen=True)
class UpcomingOwn:
    """One of the merchant's own deadlines: kind "follow_up", "target:<kind>" or "callback"."""

    case_id: int
    platform: str
    aftersale_no: str
    kind: str
    due_at: datetime


@dataclass(frozen=True)
class TrayStatus:
    due_within_24h: int  # merchant-side, not yet overdue
    overdue: int  # merchant-side, due but not yet applied
    upcoming: tuple[UpcomingDeadline, ...]
    own: tuple[UpcomingOwn, ...] = ()  # the shop's own next deadlines (follow-ups, targets, 回访)


__all__ = [
    "Delivery",
    "Notice",
    "Summary",
    "TrayStatus",
    "UpcomingDeadline",
    "UpcomingOwn",
    "WakePlan",
    "WakeResult",
    "notice_of",
]
