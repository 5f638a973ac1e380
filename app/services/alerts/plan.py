"""Alert planning, pure: when a deadline alerts, what is due now, what to pop and what to summarise.

Nothing here reads the clock or the database; `alerts.py` feeds it and applies the decision.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta, tzinfo
from decimal import Decimal
from enum import StrEnum

from app.models.enums import Party
from app.services.clock import BEIJING

DEFAULT_MERCHANT_LEADS = (
    timedelta(hours=24),
    timedelta(hours=6),
    timedelta(hours=1),
    timedelta(minutes=15),
)
DEFAULT_BUYER_LEAD = timedelta(hours=24)
# The merchant's own follow-ups: a promise is usually hours away, so no 24 h alert that would
# pop the moment it is agreed.
DEFAULT_FOLLOW_UP_LEADS = (timedelta(hours=1), timedelta(minutes=15))
DEFAULT_TARGET_LEADS = (timedelta(hours=1), timedelta(minutes=15))  # the shop's own targets (working hours)
FOLLOW_UP_RULE = "follow_up"  # the alert log's rule id of a follow-up: "follow_up:<id>"


@dataclass(frozen=True)
class QuietHours:
    """A nightly span in local time (start may be after end: 22:00–08:00 crosses midnight)."""

    start: time
    end: time

    def contains(self, instant: datetime, zone: tzinfo) -> bool:
        t = instant.astimezone(zone).time()
        if self.start == self.end:
            return False
        if self.start < self.end:
            return self.start <= t < self.end
        return t >= self.start or t < self.end

    def next_end(self, instant: datetime, zone: tzinfo) -> datetime:
        """The first end of quiet hours strictly after `instant` (aware UTC)."""
        local = instant.astimezone(zone)
        candidate = datetime.combine(local.date(), self.end, tzinfo=zone)
        if candidate <= local:
            candidate = datetime.combine(local.date() + timedelta(days=1), self.end, tzinfo=zone)
        return candidate.astimezone(UTC)


@dataclass(frozen=True)
class AlertSettings:
    merchant_leads: tuple[timedelta, ...] = DEFAULT_MERCHANT_LEADS
    buyer_alerts: bool = True
    buyer_lead: timedelta = DEFAULT_BUYER_LEAD
    follow_up_leads: tuple[timedelta, ...] = DEFAULT_FOLLOW_UP_LEADS
    # The shop's own targets and 回访 tasks: off unless the settings give lead times (the window's
    # settings default to DEFAULT_TARGET_LEADS and DEFAULT_FOLLOW_UP_LEADS).
    target_leads: tuple[timedelta, ...] = ()
    callback_leads: tuple[timedelta, ...] = ()
    quiet: QuietHours | None = None
    zone: tzinfo = BEIJING  # the zone quiet hours are read in
    # More fresh alerts than this at one instant are summarised instead of popped one by one.
    max_burst: int = 3
    # An alert whose instant is older than this when evaluated was held or missed: summarise it.
    fresh_grace: timedelta = timedelta(minutes=5)

    def leads_for(self, party: str) -> tuple[timedelta, ...]:
        """Lead times for a party, longest first; buyer-side alerts can be off."""
        if party == Party.MERCHANT:
            leads: Sequence[timedelta] = self.merchant_leads
        elif party == Party.BUYER and self.buyer_alerts:
            leads = (self.buyer_lead,)
        else:
            leads = ()
        return tuple(sorted({lead for lead in leads if lead > timedelta(0)}, reverse=True))

    @property
    def follow_up_leads_sorted(self) -> tuple[timedelta, ...]:
        """Lead times of follow-ups, longest first."""
        return tuple(sorted({lead for lead in self.follow_up_leads if lead > timedelta(0)}, reverse=True))

    @property
    def target_leads_sorted(self) -> tuple[timedelta, ...]:
        """Lead times of the shop's own service targets, longest first."""
        return tuple(sorted({lead for lead in self.target_leads if lead > timedelta(0)}, reverse=True))

    @property
    def callback_leads_sorted(self) -> tuple[timedelta, ...]:
        """Lead times of 回访 tasks, longest first."""
        return tuple(sorted({lead for lead in self.callback_leads if lead > timedelta(0)}, reverse=True))

    @property
    def max_lead(self) -> timedelta:
        return max((*self.leads_for(Party.MERCHANT), *self.leads_for(Party.BUYER)), default=timedelta(0))

    @property
    def alerted_parties(self) -> tuple[str, ...]:
        return tuple(p.value for p in (Party.MERCHANT, Party.BUYER) if self.leads_for(p))


@dataclass(frozen=True)
class DeadlineKey:
    """A deadline's identity for alerting: an extended deadline (new due_at) is a new identity."""

    case_id: int
    party: str
    rule_id: str
    due_at: datetime


@dataclass(frozen=True)
class PlannedAlert:
    key: DeadlineKey
    lead: timedelta

    @property
    def at(self) -> datetime:
        return self.key.due_at - self.lead


def plan_deadline(key: DeadlineKey, settings: AlertSettings) -> list[PlannedAlert]:
    """Every alert instant of one deadline, earliest first: exactly the configured lead times."""
    return [PlannedAlert(key, lead) for lead in settings.leads_for(key.party)]


def current_lead(due_at: datetime, now: datetime, leads: Sequence[timedelta]) -> timedelta | None:
    """The tightest lead time already crossed at `now` (the alert that is due), if any.

    Crossing 24 h and 6 h while away gives one alert (6 h), not two.
    """
    if due_at <= now:
        return None
    crossed = [lead for lead in leads if due_at - lead <= now]
    return min(crossed) if crossed else None


@dataclass(frozen=True)
class PendingAlert:
    """A crossed lead time of a running deadline that was not yet shown."""

    key: DeadlineKey
    lead: timedelta
    platform: str
    aftersale_no: str
    product_title: str
    auto_action: str
    next_stage: str
    amount: Decimal
    kind: str = "platform"  # or "follow_up", "target", "callback": the merchant's own (nothing fires)
    note: str = ""  # a follow-up's text

    @property
    def at(self) -> datetime:
        return self.key.due_at - self.lead


@dataclass(frozen=True)
class HeldAuto:
    """An auto-action notice recorded in the log but not shown yet."""

    log_id: int
    case_id: int
    at: datetime
    auto_action: str
    muted: bool = False


class SummaryReason(StrEnum):
    AWAY = "away"  # the app was not running (catch-up on a start after an earlier run)
    SNOOZED = "snoozed"  # held by the tray's snooze
    QUIET = "quiet"  # held by quiet hours
    LATE = "late"  # the cases were entered (added, imported) after their alert or auto-action
    HELD = "held"  # late for another reason: the computer slept, the clock moved
    BURST = "burst"  # too many at once


@dataclass(frozen=True)
class Decision:
    popup_alerts: tuple[PendingAlert, ...] = ()
    popup_autos: tuple[HeldAuto, ...] = ()
    summary_alerts: tuple[PendingAlert, ...] = ()
    summary_autos: tuple[HeldAuto, ...] = ()
    muted_autos: tuple[HeldAuto, ...] = ()
    summary_reason: SummaryReason | None = None
    held: int = 0


def decide(
    alerts: Sequence[PendingAlert],
    autos: Sequence[HeldAuto],
    now: datetime,
    settings: AlertSettings,
    *,
    silenced: bool,
    away: bool = False,
    since: datetime | None = None,
    held_by: SummaryReason | None = None,
    created: Mapping[int, datetime] | None = None,
) -> Decision:
    """What to show now: single popups for fresh news, ONE summary for anything held or missed.

    `silenced` (quiet hours or snooze) holds everything; held items come back as a summary.
    `away` (catch-up on start) puts everything in the summary. An alert is held or missed
    when its instant fell between the last evaluation (`since`) and a moment ago; one that
    is older than `since` is news about a case changed meanwhile (added, extended): fresh.

    The summary says why it came late: `held_by` (SNOOZED or QUIET: what held it), else
    LATE when every late item's case was created (`created`: case id → created_at) after
    its instant (an import of old cases), else HELD (the computer slept, the clock moved).
    """
    muted = tuple(a for a in autos if a.muted)
    autos = [a for a in autos if not a.muted]
    if silenced and not away:
        return Decision(muted_autos=muted, held=len(alerts) + len(autos))
    if not alerts and not autos:
        return Decision(muted_autos=muted)
    cutoff = now - settings.fresh_grace
    late = [(a.key.case_id, a.at) for a in alerts if a.at < cutoff and (since is None or a.at > since)]
    late += [(a.case_id, a.at) for a in autos if a.at < cutoff]
    reason: SummaryReason | None = None
    if away:
        reason = SummaryReason.AWAY
    elif late:
        reason = held_by or late_reason(late, created or {})
    elif len(alerts) + len(autos) > settings.max_burst:
        reason = SummaryReason.BURST
    by_time = sorted(alerts, key=lambda a: (a.key.due_at, a.key.case_id, a.key.party))
    autos_by_time = sorted(autos, key=lambda a: (a.at, a.case_id))
    if reason is None:
        return Decision(popup_alerts=tuple(by_time), popup_autos=tuple(autos_by_time), muted_autos=muted)
    return Decision(
        summary_alerts=tuple(by_time),
        summary_autos=tuple(autos_by_time),
        muted_autos=muted,
        summary_reason=reason,
    )


def late_reason(late: Sequence[tuple[int, datetime]], created: Mapping[int, datetime]) -> SummaryReason:
    """LATE when each late item's case did not exist yet at its instant, else HELD."""
    entered_late = all((c := created.get(case_id)) is not None and c > at for case_id, at in late)
    return SummaryReason.LATE if entered_late else SummaryReason.HELD


@dataclass(frozen=True)
class WakeCandidates:
    """The instants the next wake-up is chosen from (each None when there is none)."""

    next_due: datetime | None = None
    next_alerts: dict[str, datetime] = field(default_factory=dict)  # "merchant 1h" → instant
    quiet_end: datetime | None = None
    snooze_end: datetime | None = None


def next_wakeup(c: WakeCandidates, now: datetime) -> tuple[datetime | None, str]:
    """The earliest instant anything must happen, and why (an overdue deadline means: now)."""
    options: list[tuple[datetime, str]] = []
    if c.next_due is not None:
        options.append((max(c.next_due, now), "due"))
    options.extend((at, f"alert {what}") for what, at in c.next_alerts.items())
    if c.quiet_end is not None:
        options.append((c.quiet_end, "quiet hours end"))
    if c.snooze_end is not None:
        options.append((c.snooze_end, "snooze ends"))
    if not options:
        return None, "nothing pending"
    at, why = min(options, key=lambda o: o[0])
    return at, why
