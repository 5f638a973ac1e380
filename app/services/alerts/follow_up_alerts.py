"""The alerts of the merchant's own follow-ups (notes with "follow up by"): the same alert log,
popups and summaries as the platform's clocks, with their own lead times and words.

A follow-up is identified in the alert log as (case, merchant, "follow_up:<id>", due_at): an
alert is never shown twice, and a follow-up settled before a lead time gets no more alerts.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from app.models.entities import Case, FollowUp
from app.models.enums import Party
from app.services.alerts.log import AlertLogStore
from app.services.alerts.plan import FOLLOW_UP_RULE, AlertSettings, DeadlineKey, PendingAlert, current_lead


def follow_up_alerts(
    session: Session,
    log: AlertLogStore,
    settings: AlertSettings,
    now: datetime,
    viewer: str = "",
    scope: Sequence[ColumnElement[bool]] = (),
) -> list[PendingAlert]:
    """Crossed lead times of open follow-ups not shown yet (muted cases left out). Their alert
    window is short (an hour by default) and read whole each time: one range on due_at."""
    leads = settings.follow_up_leads_sorted
    if not leads:
        return []
    rows = session.execute(
        select(
            FollowUp.id,
            FollowUp.case_id,
            FollowUp.due_at,
            FollowUp.text,
            Case.platform,
            Case.aftersale_no,
            Case.product_title,
            Case.refund_requested,
        )
        .join(Case, Case.id == FollowUp.case_id)
        .where(
            FollowUp.done_at.is_(None),
            FollowUp.due_at > now,
            FollowUp.due_at <= now + leads[0],
            Case.muted.is_(False),
            *scope,
        )
    ).all()
    if not rows:
        return []
    logged = log.alert_keys_for(session, sorted({r.case_id for r in rows}), viewer)
    pending: list[PendingAlert] = []
    for r in sorted(rows, key=lambda r: (r.due_at, r.id)):
        lead = current_lead(r.due_at, now, leads)
        if lead is None:
            continue
        key = DeadlineKey(r.case_id, Party.MERCHANT.value, f"{FOLLOW_UP_RULE}:{r.id}", r.due_at)
        if (key.case_id, key.party, key.rule_id, key.due_at, int(lead.total_seconds())) in logged:
            continue
        pending.append(
            PendingAlert(
                key,
                lead,
                r.platform,
                r.aftersale_no,
                r.product_title,
                "",
                "",
                r.refund_requested,
                kind="follow_up",
                note=r.text,
            )
        )
    return pending


def next_follow_up_alerts(session: Session, settings: AlertSettings, now: datetime) -> dict[str, datetime]:
    """The next alert instant per follow-up lead time ("follow_up 1:00:00" → instant): one seek each."""
    out: dict[str, datetime] = {}
    for lead in settings.follow_up_leads_sorted:
        due = session.scalars(
            select(FollowUp.due_at)
            .join(Case, Case.id == FollowUp.case_id)
            .where(FollowUp.done_at.is_(None), FollowUp.due_at > now + lead, Case.muted.is_(False))
            .order_by(FollowUp.due_at)
            .limit(1)
        ).first()
        if due is not None:
            out[f"follow_up {lead}"] = due - lead
    return out
