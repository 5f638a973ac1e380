"""The notice of an auto-action, written in the transaction that applies it.

`CaseService` calls `record_auto_notices` (handed to it by the composition root) before its
tick or action commits, so an auto-action and its held notice are stored together or not at
all: a crash between them cannot lose the notice. The next evaluation (the next wake-up, or
the catch-up of the next start) shows every held notice; `alert_log` says which were shown.
In a team each person has their own held notice (`audience`), shown and seen by them alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.models.entities import AlertLog, Case, Handler
from app.services.alerts.log import DELIVERY_HELD, IN_CHUNK, KIND_AUTO, AlertLogStore
from app.services.alerts.plan import DeadlineKey
from app.services.alerts.text import auto_text, auto_title
from app.services.cases.state import AppliedAuto
from app.services.clock import BEIJING

AutoKey = tuple[int, str, str, datetime, str]  # case, party, rule, due_at, whom it is for


def _logged_autos(session: Session, case_ids: Sequence[int]) -> set[AutoKey]:
    keys: set[AutoKey] = set()
    for i in range(0, len(case_ids), IN_CHUNK):
        rows = session.execute(
            select(AlertLog.case_id, AlertLog.party, AlertLog.rule_id, AlertLog.due_at, AlertLog.handler).where(
                AlertLog.kind == KIND_AUTO, AlertLog.case_id.in_(case_ids[i : i + IN_CHUNK])
            )
        )
        keys.update((r[0], r[1], r[2], r[3], r[4]) for r in rows)
    return keys


def audience(assignee: str | None, handlers: Sequence[str]) -> tuple[str, ...]:
    """Whose log a notice of this case goes into: "" (the single merchant, or whoever works here
    without having chosen a name) and, in a team, the case's assignee, or everyone while it is
    unassigned (pure)."""
    if not handlers:
        return ("",)
    return ("", assignee) if assignee else ("", *handlers)


def record_auto_notices(session: Session, applied: Sequence[AppliedAuto], now: datetime) -> None:
    """A held notice for each auto-action not logged yet (in the caller's transaction).

    Texts are in Beijing time, as every platform time is shown (DESIGN.md). A few queries per
    500 cases: a start that applies thousands of auto-actions stays one transaction.
    """
    if not applied:
        return
    ids = sorted({a.case_id for a in applied})
    titles: dict[int, str] = {}
    assignees: dict[int, str | None] = {}
    for i in range(0, len(ids), IN_CHUNK):
        chunk = ids[i : i + IN_CHUNK]
        rows = session.execute(select(Case.id, Case.product_title, Case.assignee).where(Case.id.in_(chunk)))
        for case_id, title, assignee in rows:
            titles[case_id] = title
            assignees[case_id] = assignee
    handlers = list(session.scalars(select(Handler.name).order_by(Handler.position, Handler.id)))
    logged = _logged_autos(session, ids)
    notices: list[dict[str, Any]] = []
    for a in applied:
        title = auto_title(a.platform, a.aftersale_no, a.auto_action, a.from_stage, a.amount)
        text = auto_text(titles.get(a.case_id, ""), a.at, BEIJING)
        for whom in audience(assignees.get(a.case_id), handlers):
            key = (a.case_id, a.party, a.rule_id, a.at, whom)
            if key in logged:
                continue
            logged.add(key)
            notices.append(
                AlertLogStore.row(
                    kind=KIND_AUTO,
                    key=DeadlineKey(a.case_id, a.party, a.rule_id, a.at),
                    lead_seconds=0,
                    auto_action=a.auto_action.value,
                    title=title,
                    text=text,
                    delivery=DELIVERY_HELD,
                    now=now,
                    handler=whom,
                )
            )
    if notices:  # one executemany, not an ORM object per notice (half a tick's time at 10,000)
        session.execute(insert(AlertLog), notices)
