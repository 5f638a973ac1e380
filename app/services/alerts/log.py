"""The alert log: what was shown (or is held), so nothing is shown twice across restarts.

Titles and texts are stored through `stored_text`: read back, they are `Text`s again, shown
in the language of the moment (rows written before that read back as the Chinese they hold).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from app.models.entities import AlertLog, Case, Deadline
from app.services.alerts.plan import DeadlineKey, HeldAuto
from app.services.text.messages import say
from app.services.text.stored import dump, load

KIND_ALERT = "alert"
KIND_AUTO = "auto_action"
DELIVERY_MESSAGE = "message"
DELIVERY_SUMMARY = "summary"
DELIVERY_MUTED = "muted"
DELIVERY_HELD = "held"

IN_CHUNK = 500
LoggedKey = tuple[int, str, str, datetime, int]  # case, party, rule, due_at, lead seconds


@dataclass(frozen=True)
class SentAlert:
    """One log row as the CLI (`case show --json` → `alerts_sent`) and the banner see it.

    `title` and `text` are `messages.Text`s (English as str) unless the row predates that."""

    id: int
    case_id: int
    kind: str
    party: str
    rule_id: str
    due_at: datetime
    lead_seconds: int
    auto_action: str
    title: str
    text: str
    delivery: str
    sent_at: datetime | None
    seen_at: datetime | None


def in_language(sent: SentAlert, lang: str) -> SentAlert:
    """The row with its title and text as plain strings in `lang` ('zh_CN' for the CLI's JSON)."""
    return replace(sent, title=say(sent.title, lang), text=say(sent.text, lang))


def _sent(row: AlertLog) -> SentAlert:
    return SentAlert(
        row.id,
        row.case_id,
        row.kind,
        row.party,
        row.rule_id,
        row.due_at,
        row.lead_seconds,
        row.auto_action,
        load(row.title),
        load(row.text),
        row.delivery,
        row.sent_at,
        row.seen_at,
    )


class AlertLogStore:
    """Reads and writes `alert_log`. Methods taking a session join the caller's transaction."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    # ---- inside the evaluating transaction ------------------------------------------

    def alert_keys_between(
        self, session: Session, after: datetime, until: datetime, handler: str = ""
    ) -> set[LoggedKey]:
        """Alerts already logged for `handler` ("" the single merchant) for deadlines due in (after, until]."""
        rows = session.execute(
            select(
                AlertLog.case_id, AlertLog.party, AlertLog.rule_id, AlertLog.due_at, AlertLog.lead_seconds
            ).where(
                AlertLog.kind == KIND_ALERT,
                AlertLog.due_at > after,
                AlertLog.due_at <= until,
                AlertLog.handler == handler,
            )
        ).all()
        return {(r[0], r[1], r[2], r[3], r[4]) for r in rows}

    def alert_keys_for(self, session: Session, case_ids: Sequence[int], handler: str = "") -> set[LoggedKey]:
        """Alerts already logged for `handler` for these cases (a few, between two wake-ups)."""
        keys: set[LoggedKey] = set()
        for i in range(0, len(case_ids), IN_CHUNK):
            rows = session.execute(
                select(
                    AlertLog.case_id, AlertLog.party, AlertLog.rule_id, AlertLog.due_at, AlertLog.lead_seconds
                ).where(
                    AlertLog.kind == KIND_ALERT,
                    AlertLog.case_id.in_(case_ids[i : i + IN_CHUNK]),
                    AlertLog.handler == handler,
                )
            ).all()
            keys.update((r[0], r[1], r[2], r[3], r[4]) for r in rows)
        return keys

    @staticmethod
    def row(
        *,
        kind: str,
        key: DeadlineKey,
        lead_seconds: int,
        auto_action: str,
        title: str,
        text: str,
        delivery: str,
        now: datetime,
        handler: str = "",
    ) -> dict[str, Any]:
        """The columns of one entry of `handler`'s log (for an insert of many at once)."""
        return {
            "case_id": key.case_id,
            "kind": kind,
            "party": key.party,
            "rule_id": key.rule_id,
            "due_at": key.due_at,
            "lead_seconds": lead_seconds,
            "auto_action": auto_action,
            "title": dump(title),
            "text": dump(text),
            "delivery": delivery,
            "created_at": now,
            "sent_at": None if delivery == DELIVERY_HELD else now,
            "seen_at": now if delivery == DELIVERY_MUTED else None,
            "handler": handler,
        }

    @staticmethod
    def add(
        session: Session,
        *,
        kind: str,
        key: DeadlineKey,
        lead_seconds: int,
        auto_action: str,
        title: str,
        text: str,
        delivery: str,
        now: datetime,
        handler: str = "",
    ) -> AlertLog:
        """One row of `handler`'s log ("" the single merchant's)."""
        fields = AlertLogStore.row(
            kind=kind,
            key=key,
            lead_seconds=lead_seconds,
            auto_action=auto_action,
            title=title,
            text=text,
            delivery=delivery,
            now=now,
            handler=handler,
        )
        row = AlertLog(**fields)
        session.add(row)
        return row

    def has_auto(self, session: Session, key: DeadlineKey, handler: str = "") -> bool:
        return (
            session.scalars(
                select(AlertLog.id).where(
                    AlertLog.kind == KIND_AUTO,
                    AlertLog.case_id == key.case_id,
                    AlertLog.party == key.party,
                    AlertLog.rule_id == key.rule_id,
                    AlertLog.due_at == key.due_at,
                    AlertLog.handler == handler,
                )
            ).first()
            is not None
        )

    def held_autos(self, session: Session, handler: str = "") -> tuple[list[HeldAuto], dict[int, SentAlert]]:
        """`handler`'s auto-action notices not shown yet, with their rows (for title and text)."""
        rows = session.execute(
            select(AlertLog, Case.muted)
            .join(Case, Case.id == AlertLog.case_id)
            .where(AlertLog.kind == KIND_AUTO, AlertLog.sent_at.is_(None), AlertLog.handler == handler)
            .order_by(AlertLog.due_at, AlertLog.id)
        ).all()
        held = [HeldAuto(r[0].id, r[0].case_id, r[0].due_at, r[0].auto_action, bool(r[1])) for r in rows]
        return held, {r[0].id: _sent(r[0]) for r in rows}

    def mark_sent(self, session: Session, ids: Iterable[int], delivery: str, now: datetime) -> None:
        ids = list(ids)
        if not ids:
            return
        values: dict[str, object] = {"sent_at": now, "delivery": delivery}
        if delivery == DELIVERY_MUTED:
            values["seen_at"] = now
        session.execute(update(AlertLog).where(AlertLog.id.in_(ids)).values(**values))

    # ---- own transactions -------------------------------------------------------------

    def sent_for_case(self, case_id: int) -> list[SentAlert]:
        with self._sessions() as session:
            rows = session.scalars(
                select(AlertLog).where(AlertLog.case_id == case_id).order_by(AlertLog.created_at, AlertLog.id)
            ).all()
            return [_sent(r) for r in rows]

    def unseen(self, limit: int = 200, handler: str = "") -> list[SentAlert]:
        """Shown (or summarised) to `handler` but not yet marked seen by them: newest delivery
        first, each in due order."""
        with self._sessions() as session:
            rows = session.scalars(
                select(AlertLog)
                .where(AlertLog.seen_at.is_(None), AlertLog.sent_at.is_not(None), AlertLog.handler == handler)
                .order_by(AlertLog.sent_at.desc(), AlertLog.id)
                .limit(limit)
            ).all()
            return [_sent(r) for r in rows]

    def settle(self, case_ids: Sequence[int], now: datetime) -> list[int]:
        """Mark seen the unseen alerts of these cases whose deadline no longer runs (the merchant
        acted, the case moved on, the clock was extended): returns their ids."""
        if not case_ids:
            return []
        with self._sessions.begin() as session:
            running = {
                (d.case_id, d.party, d.rule_id, d.due_at)
                for d in session.scalars(select(Deadline).where(Deadline.case_id.in_(list(case_ids))))
            }
            rows = session.scalars(
                select(AlertLog).where(
                    AlertLog.case_id.in_(list(case_ids)),
                    AlertLog.kind == KIND_ALERT,
                    AlertLog.seen_at.is_(None),
                )
            ).all()
            settled = [r.id for r in rows if (r.case_id, r.party, r.rule_id, r.due_at) not in running]
            if settled:
                session.execute(update(AlertLog).where(AlertLog.id.in_(settled)).values(seen_at=now))
            return settled

    def mark_seen(self, ids: Sequence[int], now: datetime) -> None:
        if not ids:
            return
        with self._sessions.begin() as session:
            session.execute(
                update(AlertLog)
                .where(AlertLog.id.in_(list(ids)), AlertLog.seen_at.is_(None))
                .values(seen_at=now)
            )
