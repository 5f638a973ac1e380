"""Optimistic writes: every write to a case bumps its version, made against the one it read.

`bump()` is the statement every writer runs (UPDATE … SET version = version + 1 WHERE id = ?
AND version = ?): no row updated means someone else wrote first, and the write is refused
with a `StaleCase` that says who, when and what the case is now. Plain SQLAlchemy Core, the
same on SQLite and PostgreSQL. Inside a write transaction the case is also read `FOR UPDATE`
(nothing on SQLite, whose write lock is already held), so what was read stays current until
the commit.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.orm import Session

from app.models.entities import Case, Event
from app.models.enums import Action, Actor, AutoAction, Stage
from app.services.cases.messages import NO_CASE, STALE_BY, STALE_BY_PLATFORM, STALE_BY_SOMEONE
from app.services.clock import BEIJING
from app.services.errors import CaseNotFound, StaleCase
from app.services.text.messages import Template, Text

CASES: Table = Case.__table__  # type: ignore[assignment]
ASSIGNED = Template(en="assigned", zh="分派")


def current_version(session: Session, case_id: int, lock: bool = True) -> int:
    """The case's version now (read FOR UPDATE in a write: it stays so until the commit)."""
    query = select(CASES.c.version).where(CASES.c.id == case_id)
    version = session.scalar(query.with_for_update() if lock else query)
    if version is None:
        raise CaseNotFound(NO_CASE(ref=case_id))
    return int(version)


def check(session: Session, case_id: int, expected: int | None, now: datetime) -> int:
    """The case's version, refused as stale when it is not `expected` (None: whatever it is)."""
    version = current_version(session, case_id)
    if expected is not None and version != expected:
        raise stale_case(session, case_id, now)
    return version


def bump(
    session: Session,
    versions: Mapping[int, int],
    now: datetime,
    values: Mapping[int, Mapping[str, object]] | None = None,
) -> None:
    """Move each case from the version it was read at to the next one, setting its `values`
    (column → value) in the same statement; StaleCase if one moved meanwhile (the caller's
    transaction then writes nothing). The one UPDATE of a case row every writer runs."""
    if not versions:
        return
    rows = [{"b_id": cid, "b_version": v, **((values or {}).get(cid) or {})} for cid, v in versions.items()]
    statement = (
        update(CASES)
        .where(CASES.c.id == bindparam("b_id"), CASES.c.version == bindparam("b_version"))
        .values(version=CASES.c.version + 1)
    )
    if len(rows) == 1 or not session.get_bind().dialect.supports_sane_multi_rowcount:
        for row in rows:
            if session.execute(statement, row).rowcount != 1:  # type: ignore[attr-defined]
                raise stale_case(session, int(row["b_id"]), now)  # type: ignore[call-overload]
        return
    if session.execute(statement, rows).rowcount != len(rows):  # type: ignore[attr-defined]
        query = select(CASES.c.id, CASES.c.version).where(CASES.c.id.in_(list(versions)))
        found: dict[int, int] = {int(r.id): int(r.version) for r in session.execute(query)}
        moved = [cid for cid, v in versions.items() if found.get(cid) != v + 1]
        raise stale_case(session, moved[0] if moved else next(iter(versions)), now)


def touch(session: Session, case_id: int, now: datetime) -> int:
    """A write that needs no expectation (an attachment, mute): the case's version moves on; the new one."""
    version = current_version(session, case_id)
    bump(session, {case_id: version}, now)
    return version + 1


def stale_case(session: Session, case_id: int, now: datetime) -> StaleCase:
    """The refusal for a write against an old version: the case as it is now and its latest step."""
    row = session.execute(select(CASES.c.version, CASES.c.stage).where(CASES.c.id == case_id)).first()
    if row is None:
        return StaleCase(NO_CASE(ref=case_id), case_id=case_id, version=0, stage="")
    last = session.execute(
        select(Event.handler, Event.actor, Event.action, Event.recorded_at, Event.payload)
        .where(Event.case_id == case_id)
        .order_by(Event.seq.desc())
        .limit(1)
    ).first()
    handler, actor, action, at, payload = last if last is not None else ("", "", "", now, {})
    message = stale_message(Stage(row.stage), handler, actor, _what(action, payload or {}), at, now)
    return StaleCase(
        message,
        case_id=case_id,
        version=row.version,
        stage=row.stage,
        handler=handler,
        actor=actor,
        action=action,
        at=at,
    )


def stale_message(stage: Stage, handler: str, actor: str, what: object, at: datetime, now: datetime) -> Text:
    """'已被 小王 在 14:02 处理：待买家退货（同意）' (Beijing time; the date too when not today)."""
    when = at.astimezone(BEIJING)
    shown = when.strftime("%H:%M") if when.date() == now.astimezone(BEIJING).date() else when.strftime(
        "%Y-%m-%d %H:%M"
    )
    if handler:
        return STALE_BY(who=handler, at=shown, stage=stage, action=what)
    if actor == Actor.PLATFORM.value:
        return STALE_BY_PLATFORM(at=shown, stage=stage, action=what)
    return STALE_BY_SOMEONE(at=shown, stage=stage, action=what)


def _what(action: str, payload: Mapping[str, object]) -> object:
    if "assigned" in payload:
        return ASSIGNED()
    if action in Action._value2member_map_:
        return Action(action)
    if action in AutoAction._value2member_map_:
        return AutoAction(action)
    return action


__all__ = ["bump", "check", "current_version", "stale_case", "stale_message", "touch"]
