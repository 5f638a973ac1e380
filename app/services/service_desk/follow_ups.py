"""Agreed follow-ups: what the merchant promised the buyer to do by an instant, and whether it was kept.

A note carrying `follow_up_by` creates one (`cases.state.record`); it is listed with the
platform's deadlines (`listing.due`), alerted with its own lead times (`alerts`), and settled
here when marked done. Kept = done by its instant.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from app.models.db import write_transaction
from app.models.entities import Case, FollowUp
from app.services.cases.versions import touch
from app.services.clock import Clock
from app.services.errors import CaseNotFound, InvalidInput
from app.services.service_desk.messages import ALREADY_DONE, NO_FOLLOW_UP


class FollowUpStatus(StrEnum):
    OPEN = "open"  # not done, its instant still ahead
    OVERDUE = "overdue"  # not done, its instant passed: not kept (yet)
    KEPT = "kept"  # done by its instant
    LATE = "late"  # done, after its instant: not kept


def status_of(due_at: datetime, done_at: datetime | None, now: datetime) -> FollowUpStatus:
    if done_at is not None:
        return FollowUpStatus.KEPT if done_at <= due_at else FollowUpStatus.LATE
    return FollowUpStatus.OPEN if now <= due_at else FollowUpStatus.OVERDUE


@dataclass(frozen=True)
class FollowUpView:
    id: int
    case_id: int
    event_seq: int  # the note that agreed it
    text: str
    due_at: datetime
    created_at: datetime
    handler: str
    done_at: datetime | None
    done_by: str
    status: FollowUpStatus

    @property
    def is_open(self) -> bool:
        return self.done_at is None


def view_of(f: FollowUp, now: datetime) -> FollowUpView:
    return FollowUpView(
        f.id,
        f.case_id,
        f.event_seq,
        f.text,
        f.due_at,
        f.created_at,
        f.handler,
        f.done_at,
        f.done_by,
        status_of(f.due_at, f.done_at, now),
    )


class FollowUpService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock) -> None:
        self._sessions = sessions
        self._clock = clock

    def for_case(self, case_id: int) -> list[FollowUpView]:
        """The case's follow-ups, soonest first."""
        now = self._clock.now()
        with self._sessions() as session:
            rows = session.scalars(
                select(FollowUp).where(FollowUp.case_id == case_id).order_by(FollowUp.due_at, FollowUp.id)
            ).all()
            return [view_of(f, now) for f in rows]

    def get(self, follow_up_id: int) -> FollowUpView:
        with self._sessions() as session:
            f = session.get(FollowUp, follow_up_id)
            if f is None:
                raise CaseNotFound(NO_FOLLOW_UP(ref=follow_up_id))
            return view_of(f, self._clock.now())

    def settle(self, follow_up_id: int, handler: str = "", at: datetime | None = None) -> FollowUpView:
        """Mark it done (now, or when it was done); its case counts as changed (alerts, the window)."""
        now = self._clock.now()
        done_at = at or now
        with write_transaction(self._sessions) as session:
            f = session.get(FollowUp, follow_up_id)
            if f is None:
                raise CaseNotFound(NO_FOLLOW_UP(ref=follow_up_id))
            if f.done_at is not None:
                raise InvalidInput(ALREADY_DONE(ref=follow_up_id, at=f.done_at))
            f.done_at = min(done_at, now)
            f.done_by = handler
            session.execute(update(Case).where(Case.id == f.case_id).values(updated_at=now))
            touch(session, f.case_id, now)
            session.flush()
            return view_of(f, now)
