"""Alerts before auto-actions, notices after them, and the catch-up summary on start.

Planned from the deadline table (the truth): `next_wakeup` answers "when must something
happen next" with a handful of indexed queries, whatever the number of open cases; `wake`
applies due auto-actions (CaseService.tick) and decides what to show (`alert_plan.decide`),
logging every alert so that nothing is shown twice, across restarts.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Row, func, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from app.models.entities import Case, Deadline
from app.models.enums import Party
from app.services.alerts.desk_alerts import ServiceHours, desk_alerts, next_desk_alerts, next_own
from app.services.alerts.follow_up_alerts import follow_up_alerts, next_follow_up_alerts
from app.services.alerts.log import (
    DELIVERY_MESSAGE,
    DELIVERY_MUTED,
    DELIVERY_SUMMARY,
    IN_CHUNK,
    KIND_ALERT,
    KIND_AUTO,
    AlertLogStore,
    SentAlert,
)
from app.services.alerts.notices import record_auto_notices
from app.services.alerts.plan import (
    AlertSettings,
    DeadlineKey,
    Decision,
    HeldAuto,
    PendingAlert,
    PlannedAlert,
    SummaryReason,
    WakeCandidates,
    current_lead,
    decide,
    next_wakeup,
    plan_deadline,
)
from app.services.alerts.results import (
    Delivery,
    Notice,
    Summary,
    TrayStatus,
    UpcomingDeadline,
    WakePlan,
    WakeResult,
    notice_of,
)
from app.services.alerts.run_marker import RunMarker
from app.services.alerts.text import alert_text, alert_title, summary_headline
from app.services.cases.service import AppliedAuto, CaseService
from app.services.cases.versions import touch
from app.services.clock import Clock

CHANGED_LIMIT = 2000  # more cases written between two checks: read the whole alert window


class AlertService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        clock: Clock,
        cases: CaseService,
        last_run: RunMarker,
        settings: AlertSettings | None = None,
        hours: ServiceHours | None = None,
    ) -> None:
        self._sessions = sessions
        self._hours = hours  # the shop's working hours: its own targets alert only within them
        self._clock = clock
        self._cases = cases
        self._last_run = last_run
        self._settings = settings or AlertSettings()
        self.log = AlertLogStore(sessions)
        self._snoozed_until: datetime | None = None
        self._evaluated_until: datetime | None = None  # alerts crossed up to here were decided
        self._checked_at: datetime | None = None  # last evaluation, silenced or not
        self._held_by: SummaryReason | None = None  # what silenced the last evaluation(s)
        self._viewer = ""  # who is looking ("" the single merchant: every case, the shared log)

    @property
    def viewer(self) -> str:
        return self._viewer

    @viewer.setter
    def viewer(self, name: str) -> None:
        """The handler working here: they see the alerts of the cases assigned to them and of
        unassigned ones, and their own log (what they saw or dismissed is theirs alone). ""
        (nobody chosen, a shop without handlers): every case, as a single merchant."""
        if name != self._viewer:
            self._viewer = name
            self.forget_progress()

    def _scope(self) -> list[ColumnElement[bool]]:
        """The cases whose alerts the viewer gets (a filter on the joined cases)."""
        if not self._viewer:
            return []
        return [or_(Case.assignee == self._viewer, Case.assignee.is_(None))]

    @property
    def settings(self) -> AlertSettings:
        return self._settings

    @settings.setter
    def settings(self, value: AlertSettings) -> None:
        """New lead times or quiet hours: the next evaluation reads the whole alert window."""
        self._settings = value
        self._evaluated_until = None

    def forget_progress(self) -> None:
        """The database file was replaced (restore): evaluate the whole alert window again
        (the restored alert log says what was already shown)."""
        self._evaluated_until = None
        self._checked_at = None

    # ---- snooze and mute --------------------------------------------------------------

    @property
    def snoozed_until(self) -> datetime | None:
        until = self._snoozed_until
        return until if until is not None and until > self._clock.now() else None

    def snooze_for(self, span: timedelta) -> datetime:
        until = self._clock.now() + span
        self._snoozed_until = until
        return until

    def snooze_until(self, until: datetime | None) -> None:
        self._snoozed_until = until

    def silenced(self, now: datetime) -> bool:
        return self._silenced_by(now) is not None

    def _silenced_by(self, now: datetime, away: bool = False) -> SummaryReason | None:
        """SNOOZED or QUIET while that holds alerts back. Quiet hours do not hold the summary
        of a start (the merchant just opened the app); a snooze, asked for minutes ago
        perhaps, holds it until it ends."""
        if self._snoozed_until is not None and now < self._snoozed_until:
            return SummaryReason.SNOOZED
        quiet = self.settings.quiet
        if not away and quiet is not None and quiet.contains(now, self.settings.zone):
            return SummaryReason.QUIET
        return None

    def unseen(self, limit: int = 200) -> list[Notice]:
        """Shown to the viewer but not yet marked seen by them (newest first): the window lists
        these until seen."""
        return [notice_of(s) for s in self.log.unseen(limit, self._viewer)]

    def mark_seen(self, log_ids: Sequence[int]) -> None:
        self.log.mark_seen(log_ids, self._clock.now())

    def settle(self, case_ids: Sequence[int]) -> list[int]:
        """After a write to these cases: their alerts about clocks that stopped are settled (seen)."""
        return self.log.settle(case_ids, self._clock.now())

    def set_muted(self, case_id: int, muted: bool) -> None:
        now = self._clock.now()
        with self._sessions.begin() as session:
            session.execute(update(Case).where(Case.id == case_id).values(muted=muted, updated_at=now))
            touch(session, case_id, now)

    # ---- planning ---------------------------------------------------------------------

    def plan_for_case(self, case_id: int) -> list[PlannedAlert]:
        """Every alert instant of the case's running deadlines (none when muted)."""
        with self._sessions() as session:
            case = session.get(Case, case_id)
            if case is None or case.muted:
                return []
            rows = session.execute(
                select(Deadline.party, Deadline.rule_id, Deadline.due_at).where(
                    Deadline.case_id == case_id, Deadline.due_at.is_not(None)
                )
            ).all()
        planned: list[PlannedAlert] = []
        for party, rule_id, due_at in rows:
            planned.extend(plan_deadline(DeadlineKey(case_id, party, rule_id, due_at), self.settings))
        return sorted(planned, key=lambda p: (p.at, p.key.party))

    def next_wakeup(self) -> WakePlan:
        """The earliest of: the next due_at, the next alert instant, the end of quiet hours or snooze.

        One `ORDER BY due_at LIMIT 1` per lead time on the (party, due_at) index, and one seek on
        cases.updated_at ("was a case written since the last check? then now"): the cost does
        not grow with the number of open cases (bench/scheduler.py).
        """
        now = self._clock.now()
        settings = self.settings
        rows = 0
        alerts: dict[str, datetime] = {}
        with self._sessions() as session:
            next_due = session.scalars(
                select(Deadline.due_at).where(Deadline.due_at.is_not(None)).order_by(Deadline.due_at).limit(1)
            ).first()
            rows += next_due is not None
            checked = self._checked_at
            changed = checked is not None and (
                session.scalars(select(Case.id).where(Case.updated_at > checked).limit(1)).first() is not None
            )
            rows += changed
            for party in settings.alerted_parties:
                for lead in settings.leads_for(party):
                    due = session.scalars(
                        select(Deadline.due_at)
                        .join(Case, Case.id == Deadline.case_id)
                        .where(
                            Deadline.due_at > now + lead,
                            Deadline.party == party,
                            Case.muted.is_(False),
                            *self._scope(),
                        )
                        .order_by(Deadline.due_at)
                        .limit(1)
                    ).first()
                    if due is not None:
                        rows += 1
                        alerts[f"{party} {lead}"] = due - lead
            follow_ups = next_follow_up_alerts(session, settings, now)
            rows += len(follow_ups)
            alerts.update(follow_ups)
            desk = next_desk_alerts(session, settings, now, self._hours)
            rows += len(desk)
            alerts.update(desk)
        quiet = settings.quiet
        in_quiet = quiet is not None and quiet.contains(now, settings.zone)
        candidates = WakeCandidates(
            next_due=next_due,
            next_alerts=alerts,
            quiet_end=quiet.next_end(now, settings.zone) if quiet is not None and in_quiet else None,
            snooze_end=self.snoozed_until,
        )
        instant, reason = next_wakeup(candidates, now)
        if changed:
            instant, reason = now, "cases changed"
        return WakePlan(instant, reason, rows)

    # ---- what happens at a wake-up ------------------------------------------------------

    def wake(self) -> WakeResult:
        """Apply the auto-actions due now, then show what is due (or hold it)."""
        applied = tuple(self._cases.tick())
        result = WakeResult(applied, self.evaluate(applied))
        self._last_run.write(self._clock.now())
        return result

    def catch_up(self) -> WakeResult:
        """On start: apply what fell due while the app was closed, then ONE summary of it all.

        Only after an earlier run: a first start (no run recorded on this data folder) has no
        "while you were away"; what is due then is shown like any wake-up's news.
        """
        away = self._last_run.read() is not None
        applied = tuple(self._cases.tick())
        result = WakeResult(applied, self.evaluate(applied, away=away))
        self._last_run.write(self._clock.now())
        return result

    def evaluate(self, applied: Sequence[AppliedAuto] = (), away: bool = False) -> Delivery:
        """Decide and log what to show now.

        Between two evaluations only the lead times crossed since the last one are read (a few
        rows); the whole alert window is read on the first evaluation, on catch-up, and after
        the clock went backwards. While silenced the mark stays put, so what was held is read
        again (and summarised) when quiet hours or the snooze end.
        """
        now = self._clock.now()
        silenced_by = self._silenced_by(now, away)
        if silenced_by is not None:
            self._held_by = silenced_by
        since = self._evaluated_until
        if away or since is None or since > now:
            since = None
        with self._sessions.begin() as session:
            self._record_autos(session, applied, now)
            held, held_rows = self.log.held_autos(session, self._viewer)
            pending = self._pending_alerts(session, now, since)
            pending += follow_up_alerts(session, self.log, self.settings, now, self._viewer, self._scope())
            pending += desk_alerts(session, self.log, self.settings, now, self._hours)
            created = {} if away or self._held_by else self._created_at(session, pending, held, now)
            decision = decide(
                pending,
                held,
                now,
                self.settings,
                silenced=silenced_by is not None,
                away=away and silenced_by is None,
                since=since,
                held_by=self._held_by,
                created=created,
            )
            delivery = self._apply(session, decision, held_rows, now)
        self._checked_at = now
        if silenced_by is None:
            self._evaluated_until = now
            self._held_by = None
        return delivery

    def _created_at(
        self, session: Session, pending: Sequence[PendingAlert], held: Sequence[HeldAuto], now: datetime
    ) -> dict[int, datetime]:
        """When the cases of late items were created (were they entered after their instant?)."""
        cutoff = now - self.settings.fresh_grace
        ids = sorted(
            {a.key.case_id for a in pending if a.at < cutoff} | {a.case_id for a in held if a.at < cutoff}
        )
        created: dict[int, datetime] = {}
        for i in range(0, len(ids), IN_CHUNK):
            chunk = ids[i : i + IN_CHUNK]
            rows = session.execute(select(Case.id, Case.created_at).where(Case.id.in_(chunk)))
            created.update((case_id, at) for case_id, at in rows)
        return created

    def _record_autos(self, session: Session, applied: Sequence[AppliedAuto], now: datetime) -> None:
        """Each auto-action becomes a held notice; `decide` says when it is shown. (The
        context's CaseService has already written them with the auto-actions: this covers
        one built without that hook.)"""
        record_auto_notices(session, applied, now)

    def _pending_alerts(self, session: Session, now: datetime, since: datetime | None) -> list[PendingAlert]:
        """Crossed lead times of running deadlines not shown yet (muted cases excluded).

        With `since`, only deadlines with a lead time crossed in (since, now] (for lead L, due_at
        in (since + L, now + L], one range per lead on the (party, due_at) index) and those of
        cases written since then (on the updated_at index).
        """
        settings = self.settings
        changed: list[int] = []
        if since is not None:
            changed = list(
                session.scalars(select(Case.id).where(Case.updated_at >= since).limit(CHANGED_LIMIT + 1))
            )
            if len(changed) > CHANGED_LIMIT:  # a big import: read the whole window once
                since, changed = None, []
        filters: list[list[ColumnElement[bool]]] = []
        for party in settings.alerted_parties:
            leads = settings.leads_for(party)
            in_party = Deadline.party == party
            if since is None:
                filters.append([in_party, Deadline.due_at > now, Deadline.due_at <= now + leads[0]])
                continue
            for ahead in leads:
                low, high = max(since + ahead, now), now + ahead
                if low < high:
                    filters.append([in_party, Deadline.due_at > low, Deadline.due_at <= high])
            # Cases written since (added, acted on, extended, unmuted): their whole window.
            for i in range(0, len(changed), IN_CHUNK):
                filters.append(
                    [
                        Deadline.case_id.in_(changed[i : i + IN_CHUNK]),
                        in_party,
                        Deadline.due_at > now,
                        Deadline.due_at <= now + leads[0],
                    ]
                )
        rows: dict[tuple[int, str], Row[Any]] = {}
        for where in filters:
            for r in session.execute(
                select(
                    Deadline.case_id,
                    Deadline.party,
                    Deadline.rule_id,
                    Deadline.due_at,
                    Deadline.auto_action,
                    Deadline.next_stage,
                    Case.platform,
                    Case.aftersale_no,
                    Case.product_title,
                    Case.refund_requested,
                )
                .join(Case, Case.id == Deadline.case_id)
                .where(*where, Case.muted.is_(False), *self._scope())
            ):
                rows[(r.case_id, r.party)] = r
        if not rows:
            return []
        if since is None:
            logged = self.log.alert_keys_between(session, now, now + settings.max_lead, self._viewer)
        else:
            logged = self.log.alert_keys_for(session, sorted({cid for cid, _ in rows}), self._viewer)
        pending: list[PendingAlert] = []
        for r in sorted(rows.values(), key=lambda r: (r.due_at, r.case_id, r.party)):
            lead = current_lead(r.due_at, now, settings.leads_for(r.party))
            if lead is None:
                continue
            key = DeadlineKey(r.case_id, r.party, r.rule_id, r.due_at)
            if (r.case_id, r.party, r.rule_id, r.due_at, int(lead.total_seconds())) in logged:
                continue
            pending.append(
                PendingAlert(
                    key,
                    lead,
                    r.platform,
                    r.aftersale_no,
                    r.product_title,
                    r.auto_action,
                    r.next_stage,
                    r.refund_requested,
                )
            )
        return pending

    def _apply(
        self, session: Session, decision: Decision, held_rows: dict[int, SentAlert], now: datetime
    ) -> Delivery:
        """The effect step: log what is shown now and turn it into notices."""
        self.log.mark_sent(session, (a.log_id for a in decision.muted_autos), DELIVERY_MUTED, now)

        def autos(items: Sequence[HeldAuto], delivery: str) -> list[Notice]:
            ids = [a.log_id for a in items]
            self.log.mark_sent(session, ids, delivery, now)
            return [
                Notice(i, held_rows[i].case_id, KIND_AUTO, held_rows[i].title, held_rows[i].text) for i in ids
            ]

        def alerts(items: Sequence[PendingAlert], delivery: str) -> list[Notice]:
            words = [(alert_title(a, now), alert_text(a, self.settings.zone)) for a in items]
            rows = [
                self.log.add(
                    session,
                    kind=KIND_ALERT,
                    key=a.key,
                    lead_seconds=int(a.lead.total_seconds()),
                    auto_action=a.auto_action,
                    title=title,
                    text=text,
                    delivery=delivery,
                    now=now,
                    handler=self._viewer,
                )
                for a, (title, text) in zip(items, words, strict=True)
            ]
            session.flush()
            return [
                Notice(r.id, r.case_id, KIND_ALERT, title, text, a.key.due_at)
                for r, a, (title, text) in zip(rows, items, words, strict=True)
            ]

        popups = autos(decision.popup_autos, DELIVERY_MESSAGE)
        popups += alerts(decision.popup_alerts, DELIVERY_MESSAGE)
        summary = None
        if decision.summary_reason is not None:
            notices = autos(decision.summary_autos, DELIVERY_SUMMARY)
            notices += alerts(decision.summary_alerts, DELIVERY_SUMMARY)
            headline = summary_headline(
                decision.summary_reason,
                [a.auto_action for a in decision.summary_autos],
                [a.lead for a in decision.summary_alerts],
            )
            summary = Summary(decision.summary_reason, headline, tuple(notices))
        return Delivery(tuple(popups), summary, decision.held)

    # ---- what the tray shows ------------------------------------------------------------

    def tray_status(self, limit: int = 5) -> TrayStatus:
        """Counts for the tray icon and the next deadlines for its menu (indexed range queries)."""
        now = self._clock.now()
        merchant = Deadline.party == Party.MERCHANT.value
        scope = self._scope()
        with self._sessions() as session:
            counted = select(func.count()).select_from(Deadline)
            if scope:  # the viewer's cases and the unassigned ones
                counted = counted.join(Case, Case.id == Deadline.case_id).where(*scope)
            overdue = session.scalar(counted.where(merchant, Deadline.due_at <= now))
            within = session.scalar(
                counted.where(merchant, Deadline.due_at > now, Deadline.due_at <= now + timedelta(hours=24))
            )
            rows = session.execute(
                select(
                    Deadline.case_id,
                    Case.platform,
                    Case.aftersale_no,
                    Case.product_title,
                    Deadline.party,
                    Deadline.due_at,
                    Deadline.auto_action,
                )
                .join(Case, Case.id == Deadline.case_id)
                .where(Deadline.due_at.is_not(None), *scope)
                .order_by(Deadline.due_at, Deadline.id)
                .limit(limit)
            ).all()
            own = next_own(session, now, limit)
        return TrayStatus(
            int(within or 0), int(overdue or 0), tuple(UpcomingDeadline(*r) for r in rows), tuple(own)
        )


__all__ = [
    "AlertService",
    "Delivery",
    "Notice",
    "Summary",
    "TrayStatus",
    "UpcomingDeadline",
    "WakePlan",
    "WakeResult",
]
