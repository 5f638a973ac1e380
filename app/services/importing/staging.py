"""A big import written in chunks that let other writers in, and still all or nothing.

One transaction for 150,000 rows held SQLite's write lock for over 5 s, so a `case add`
beside it waited out its busy timeout and failed. Here the new cases, their events and
deadlines are first written, chunk by chunk, into TEMP tables of the same columns on one
connection of our own: SQLite keeps TEMP tables in a database of that connection alone, so
those writes take no lock on the real file and anyone may write meanwhile. Then one short
transaction (BEGIN IMMEDIATE) copies them in with INSERT … SELECT, ids moved past whatever
others added meanwhile, and writes the updates to known cases as the one-transaction path
does. A kill before that commit leaves nothing (TEMP tables die with the connection); a
clash at the end rolls the whole copy back.

What may outlive a failed import: the rule-set snapshot and the shop rows its cases would
point at, written first in their own short transaction (both are reference data the next
import or `case add` would create the same way).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Column, MetaData, Table, func, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session, sessionmaker

from app.models.db import write_transaction
from app.models.enums import Platform
from app.services.cases.assignment import shop_assignee
from app.services.cases.service import CaseBatch, CaseService
from app.services.cases.state import CASES, DEADLINES, EVENTS, save
from app.services.errors import StaleCase
from app.services.importing.planning import Outcome, RowPlan
from app.services.importing.progress import WRITING, Progress
from app.services.text.messages import message_of

STAGE_FROM = 5000  # new cases from which an import is staged (below: one transaction, < 0.3 s)
CHUNK = 5000  # new cases per staging transaction


def between_chunks() -> None:
    """Called after each staged chunk (tests look at the lock there)."""


def _staged(table: Table, metadata: MetaData) -> Table:
    return Table(
        f"stage_{table.name}",
        metadata,
        *[Column(c.name, c.type, default=c.default) for c in table.c],
        schema="temp",
    )


def _names(table: Table, skip: Sequence[str] = ()) -> list[str]:
    return [c.name for c in table.c if c.name not in skip]


def apply_staged(
    cases: CaseService,
    sessions: sessionmaker[Session],
    plans: Sequence[RowPlan],
    now: datetime,
    progress: Progress | None = None,
    refused: dict[int, str] | None = None,
) -> dict[int, int]:
    """Write the NEW and UPDATE rows of `plans` (already checked, sources stamped); {line: case id}.

    Raises what the one-transaction path raises at its end (ActionNotAllowed for a case that
    changed meanwhile, IntegrityError): nothing of the import is then in the database.
    """
    fresh = [p for p in plans if p.outcome is Outcome.NEW]
    known = [p for p in plans if p.outcome is Outcome.UPDATE]
    metadata = MetaData()
    staged = (_staged(CASES, metadata), _staged(EVENTS, metadata), _staged(DEADLINES, metadata))
    with write_transaction(sessions) as session:  # short: a rule-set snapshot, a shop, at most
        refs: dict[tuple[Platform, str, str, str | None], tuple[int, int | None]] = {}
        for plan in fresh:
            assert plan.state is not None and plan.preset is not None and plan.new_case is not None
            key = (plan.preset.platform, plan.preset.version, plan.state.platform, plan.new_case.shop)
            if key not in refs:
                refs[key] = cases.reference_ids(
                    session, plan.preset, Platform(plan.state.platform), plan.new_case.shop
                )
        assignees = {shop_id: shop_assignee(session, shop_id) for _, shop_id in refs.values() if shop_id}
    engine = sessions.kw["bind"]
    with engine.connect() as conn:
        try:
            _create(conn, staged)
            own = Session(bind=conn)
            for start in range(0, len(fresh), CHUNK):
                chunk = fresh[start : start + CHUNK]
                states = []
                for i, plan in enumerate(chunk, start + 1):
                    state = plan.state
                    assert state is not None and state.new_row is not None
                    assert plan.preset is not None and plan.new_case is not None
                    rule_set_id, shop_id = refs[
                        (plan.preset.platform, plan.preset.version, state.platform, plan.new_case.shop)
                    ]
                    state.id = i  # where it stands in the staging table; moved at the end
                    state.rule_set_id = rule_set_id
                    state.new_row["rule_set_id"] = rule_set_id
                    state.new_row["shop_id"] = shop_id
                    if state.new_row.get("assignee") is None:  # the shop rule (Settings)
                        state.new_row["assignee"] = assignees.get(shop_id) if shop_id else None
                    states.append(state)
                save(own, states, now, staged)
                own.commit()  # TEMP tables only: no lock on the database file
                between_chunks()
                if progress is not None:
                    progress(start + len(chunk), len(fresh) + len(known), WRITING)
            own.close()
            stale: dict[int, str] = {}
            offset = _swap(cases, conn, staged, known, now, stale)
            if refused is not None:
                refused.update(stale)
        finally:
            _drop(conn, staged)
    for plan in fresh:
        assert plan.state is not None
        plan.state.id += offset
    if progress is not None:
        progress(len(fresh) + len(known), len(fresh) + len(known), WRITING)
    return {p.line: p.state.id for p in (*fresh, *known) if p.state is not None and p.line not in stale}


def _create(conn: Connection, staged: tuple[Table, Table, Table]) -> None:
    _drop(conn, staged)
    for table, source in zip(staged, (CASES, EVENTS, DEADLINES), strict=True):
        conn.exec_driver_sql(f'CREATE TEMP TABLE "{table.name}" AS SELECT * FROM main."{source.name}" WHERE 0')
    conn.commit()


def _drop(conn: Connection, staged: tuple[Table, Table, Table]) -> None:
    if conn.in_transaction():
        conn.rollback()
    for table in staged:
        conn.exec_driver_sql(f'DROP TABLE IF EXISTS temp."{table.name}"')
    conn.commit()


def _swap(
    cases: CaseService,
    conn: Connection,
    staged: tuple[Table, Table, Table],
    known: Sequence[RowPlan],
    now: datetime,
    stale: dict[int, str],
) -> int:
    """The one transaction that holds the write lock: copy the staged rows in, write the updates."""
    stage_cases, stage_events, stage_deadlines = staged
    with write_transaction(sessionmaker(bind=conn)) as session:
        case_offset = session.scalar(select(func.max(CASES.c.id))) or 0
        event_offset = session.scalar(select(func.max(EVENTS.c.id))) or 0
        cols = _names(CASES, ("id",))
        session.execute(
            text(
                f"INSERT INTO main.cases (id, {', '.join(cols)}) "
                f"SELECT id + :cases, {', '.join(cols)} FROM temp.{stage_cases.name}"
            ),
            {"cases": case_offset},
        )
        cols = _names(EVENTS, ("id", "case_id"))
        session.execute(
            text(
                f"INSERT INTO main.events (id, case_id, {', '.join(cols)}) "
                f"SELECT id + :events, case_id + :cases, {', '.join(cols)} FROM temp.{stage_events.name}"
            ),
            {"events": event_offset, "cases": case_offset},
        )
        cols = _names(DEADLINES, ("id", "case_id"))
        session.execute(
            text(
                f"INSERT INTO main.deadlines (case_id, {', '.join(cols)}) "
                f"SELECT case_id + :cases, {', '.join(cols)} FROM temp.{stage_deadlines.name}"
            ),
            {"cases": case_offset},
        )
        if known:
            batch = CaseBatch(cases, session, now)
            for plan in known:
                assert plan.state is not None
                try:
                    batch.adopt(plan.state)
                except StaleCase as e:  # written since the preview: refused, the rest goes in
                    stale[plan.line] = message_of(e)
            batch.flush()
    return case_offset


__all__ = ["CHUNK", "STAGE_FROM", "apply_staged", "between_chunks"]
