"""回访: the merchant calls the buyer back after a case ended and records the answer.

The task is created when a case ends with an outcome the merchant chose (`targets.sync`); it
is listed and alerted like a follow-up, and done when the answer is recorded here. A case
that got no task (another outcome) can still have its 回访 recorded: it counts in the
feedback, not in the 回访 target. The feedback per SKU and reason feeds the report (回访 sheet).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from app.models.db import write_transaction
from app.models.entities import Callback, Case
from app.models.enums import Stage
from app.services.clock import Clock
from app.services.errors import CaseNotFound, InvalidInput
from app.services.service_desk.messages import BAD_CALLBACK_RESULT, CALLBACK_DONE, CALLBACK_NOT_ENDED
from app.services.service_desk.targets import TargetService
from app.services.text.messages import Template

NO_CASE = Template(en="no case {ref}", zh="找不到售后单 {ref}")


class CallbackResult(StrEnum):
    SATISFIED = "satisfied"
    NEUTRAL = "neutral"
    UNSATISFIED = "unsatisfied"


def parse_result(value: str) -> CallbackResult:
    try:
        return CallbackResult(value)
    except ValueError:
        raise InvalidInput(BAD_CALLBACK_RESULT(value=value), field="result") from None


@dataclass(frozen=True)
class CallbackView:
    id: int
    case_id: int
    outcome: str
    ended_at: datetime
    due_at: datetime | None
    done_at: datetime | None
    result: CallbackResult | None
    comment: str
    handler: str

    @property
    def is_open(self) -> bool:
        return self.done_at is None


def view_of(c: Callback) -> CallbackView:
    return CallbackView(
        c.id,
        c.case_id,
        c.outcome,
        c.ended_at,
        c.due_at,
        c.done_at,
        CallbackResult(c.result) if c.result else None,
        c.comment,
        c.handler,
    )


class CallbackService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock, targets: TargetService) -> None:
        self._sessions = sessions
        self._clock = clock
        self._targets = targets

    def for_case(self, case_id: int) -> CallbackView | None:
        with self._sessions() as session:
            c = session.scalars(select(Callback).where(Callback.case_id == case_id)).first()
            return view_of(c) if c is not None else None

    def record(
        self,
        case_id: int,
        result: CallbackResult,
        comment: str = "",
        handler: str = "",
        at: datetime | None = None,
    ) -> CallbackView:
        """The buyer's answer (now, or when the call was made); the case counts as changed."""
        now = self._clock.now()
        with write_transaction(self._sessions) as session:
            case = session.get(Case, case_id)
            if case is None:
                raise CaseNotFound(NO_CASE(ref=case_id))
            if not Stage(case.stage).is_final or case.closed_at is None:
                raise InvalidInput(CALLBACK_NOT_ENDED(ref=case.aftersale_no))
            c = session.scalars(select(Callback).where(Callback.case_id == case_id)).first()
            if c is None:
                c = Callback(case_id=case_id, outcome=case.stage, ended_at=case.closed_at, due_at=None)
                session.add(c)
            elif c.done_at is not None:
                raise InvalidInput(CALLBACK_DONE(ref=case.aftersale_no, at=c.done_at))
            c.done_at = min(at or now, now)
            c.result = result.value
            c.comment = comment.strip()
            c.handler = handler
            session.execute(update(Case).where(Case.id == case_id).values(updated_at=now))
            session.flush()
            self._targets.sync(session, [case_id])
            return view_of(c)
