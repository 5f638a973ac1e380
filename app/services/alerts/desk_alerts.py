"""The alerts of the shop's own deadlines beyond follow-ups: its service targets (first response,
refund after the return arrived, 回访) and its 回访 tasks — the same alert log, popups and
summaries as the platform's clocks, with their own lead times and words.

Targets alert only while the shop works (`ServiceHours`): a lead time crossed at night is shown
when the shop opens, if the target is still open (the planner wakes up then). 回访 tasks are
alerted like follow-ups, with lead times of their own. Identities in the alert log: (case,
merchant, "target:<kind>", due_at) and (case, merchant, "callback:<id>", due_at).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models.entities import Callback, Case, FollowUp, ServiceTarget
from app.models.enums import Party
from app.services.alerts.log import AlertLogStore
from app.services.alerts.plan import AlertSettings, DeadlineKey, PendingAlert, current_lead
from app.services.alerts.results import UpcomingOwn

TARGET_RULE = "target"
CALLBACK_RULE = "callback"


class ServiceHours(Protocol):
    def is_working(self, at: datetime) -> bool: ...
    def next_opening(self, at: datetime) -> datetime: ...


def desk_alerts(
    session: Session, log: AlertLogStore, settings: AlertSettings, now: datetime, hours: ServiceHours | None
) -> list[PendingAlert]:
    """Crossed lead times of open targets (only while the shop works) and 回访 tasks, not shown yet."""
    pending: list[PendingAlert] = []
    target_leads = settings.target_leads_sorted
    if target_leads and (hours is None or hours.is_working(now)):
        targets: Sequence[Any] = session.execute(
            select(
                ServiceTarget.case_id,
                ServiceTarget.kind,
                ServiceTarget.due_at,
                Case.platform,
                Case.aftersale_no,
                Case.product_title,
                Case.refund_requested,
            )
            .join(Case, Case.id == ServiceTarget.case_id)
            .where(
                ServiceTarget.met_at.is_(None),
                ServiceTarget.stopped_at.is_(None),
                ServiceTarget.due_at > now,
                ServiceTarget.due_at <= now + target_leads[0],
                Case.muted.is_(False),
            )
        ).all()
        pending += _pending(log, session, targets, target_leads, now, "target")
    cb_leads = settings.callback_leads_sorted
    if cb_leads:
        callbacks: Sequence[Any] = session.execute(
            select(
                Callback.case_id,
                Callback.id,
                Callback.due_at,
                Case.platform,
                Case.aftersale_no,
                Case.product_title,
                Case.refund_requested,
            )
            .join(Case, Case.id == Callback.case_id)
            .where(
                Callback.done_at.is_(None),
                Callback.due_at.is_not(None),
                Callback.due_at > now,
                Callback.due_at <= now + cb_leads[0],
                Case.muted.is_(False),
            )
        ).all()
        pending += _pending(log, session, callbacks, cb_leads, now, "callback")
    return pending


def _pending(
    log: AlertLogStore,
    session: Session,
    rows: Sequence[Any],
    leads: tuple[timedelta, ...],
    now: datetime,
    kind: str,
) -> list[PendingAlert]:
    if not rows:
        return []
    logged = log.alert_keys_for(session, sorted({r[0] for r in rows}))
    out = []
    for case_id, ref, due_at, platform, aftersale_no, product, amount in sorted(
        rows, key=lambda r: (r[2], r[0])
    ):
        lead = current_lead(due_at, now, leads)
        if lead is None:
            continue
        rule = f"{TARGET_RULE if kind == 'target' else CALLBACK_RULE}:{ref}"
        key = DeadlineKey(case_id, Party.MERCHANT.value, rule, due_at)
        if (key.case_id, key.party, key.rule_id, key.due_at, int(lead.total_seconds())) in logged:
            continue
        note = str(ref) if kind == "target" else ""
        out.append(
            PendingAlert(key, lead, platform, aftersale_no, product, "", "", amount, kind=kind, note=note)
        )
    return out


def next_desk_alerts(
    session: Session, settings: AlertSettings, now: datetime, hours: ServiceHours | None
) -> dict[str, datetime]:
    """The next alert instant per lead time of targets (moved to the shop's next opening when it
    falls outside working hours) and of 回访 tasks; one seek each."""
    out: dict[str, datetime] = {}
    for lead in settings.target_leads_sorted:
        due = session.scalars(
            select(ServiceTarget.due_at)
            .join(Case, Case.id == ServiceTarget.case_id)
            .where(
                ServiceTarget.met_at.is_(None),
                ServiceTarget.stopped_at.is_(None),
                ServiceTarget.due_at > now + lead,
                Case.muted.is_(False),
            )
            .order_by(ServiceTarget.due_at)
            .limit(1)
        ).first()
        if due is not None:
            at = due - lead
            out[f"target {lead}"] = (
                hours.next_opening(at) if hours is not None and not hours.is_working(at) else at
            )
    if hours is not None and settings.target_leads_sorted and not hours.is_working(now):
        # a lead time crossed while the shop was closed is shown when it opens
        soon = session.scalars(
            select(ServiceTarget.due_at)
            .where(
                ServiceTarget.met_at.is_(None), ServiceTarget.stopped_at.is_(None), ServiceTarget.due_at > now
            )
            .order_by(ServiceTarget.due_at)
            .limit(1)
        ).first()
        if soon is not None:
            out["target opening"] = hours.next_opening(now)
    for lead in settings.callback_leads_sorted:
        due = session.scalars(
            select(Callback.due_at)
            .join(Case, Case.id == Callback.case_id)
            .where(Callback.done_at.is_(None), Callback.due_at > now + lead, Case.muted.is_(False))
            .order_by(Callback.due_at)
            .limit(1)
        ).first()
        if due is not None:
            out[f"callback {lead}"] = due - lead
    return out


def next_own(session: Session, now: datetime, limit: int) -> list[UpcomingOwn]:
    """The merchant's own next open deadlines, overdue ones first (the tray's menu): one range
    on each table's due_at index."""
    out: list[UpcomingOwn] = []
    head = (Case.id, Case.platform, Case.aftersale_no)
    for kind, due, query in (
        (
            None,
            ServiceTarget.due_at,
            select(*head, ServiceTarget.kind, ServiceTarget.due_at)
            .join(Case, Case.id == ServiceTarget.case_id)
            .where(ServiceTarget.met_at.is_(None), ServiceTarget.stopped_at.is_(None)),
        ),
        (
            "follow_up",
            FollowUp.due_at,
            select(*head, FollowUp.id, FollowUp.due_at)
            .join(Case, Case.id == FollowUp.case_id)
            .where(FollowUp.done_at.is_(None)),
        ),
        (
            "callback",
            Callback.due_at,
            select(*head, Callback.id, Callback.due_at)
            .join(Case, Case.id == Callback.case_id)
            .where(Callback.done_at.is_(None), Callback.due_at.is_not(None)),
        ),
    ):
        for cid, platform, no, ref, at in session.execute(query.order_by(due).limit(limit)):
            out.append(UpcomingOwn(cid, platform, no, kind or f"target:{ref}", at))
    return sorted(out, key=lambda u: (u.due_at, u.case_id))[:limit]
