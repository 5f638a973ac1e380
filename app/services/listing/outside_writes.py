"""Notice writes made elsewhere (the CLI, a second tool, a cron job) so the window can redraw them.

SQLite's `PRAGMA data_version` changes on a connection whenever *another* connection commits;
reading it costs microseconds, so the window polls it on its 1 s tick through one connection
of its own. Only when it moved are the case ids and the events since the last reading read (on the worker,
two indexed queries and a count): that gives the cases added, changed and deleted, whoever wrote them.
(Team mode has PostgreSQL's NOTIFY instead; there `moved()` is always False.)
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app.models.entities import Case, Event
from app.models.read_only import connect_read_only


@dataclass(frozen=True)
class Reading:
    """What the stamps say: the case ids, and the last event recorded (every write records one:
    a new case its opening, an action, an auto-action, an edit its note)."""

    cases: frozenset[int]
    last_event: int


@dataclass(frozen=True)
class CaseDiff:
    changed: frozenset[int]
    deleted: frozenset[int]

    def __bool__(self) -> bool:
        return bool(self.changed or self.deleted)


def diff_readings(before: Reading, after: Reading, touched: frozenset[int]) -> CaseDiff:
    """Cases new or with events after `before` (`touched`), and cases gone (pure)."""
    changed = (after.cases - before.cases) | (touched & after.cases)
    return CaseDiff(frozenset(changed), frozenset(before.cases - after.cases))


class OutsideWrites:
    def __init__(self, db_path: Path | None, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions
        self._conn: sqlite3.Connection | None = None
        if db_path is not None:
            # Read-only, its own connection: the version seen here moves on every other commit.
            self._conn = connect_read_only(db_path, check_same_thread=False)
        self._version = self._read()
        self._last: Reading | None = None

    def _read(self) -> int:
        if self._conn is None:
            return 0
        try:
            return int(self._conn.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error:
            return self._version  # a damaged or replaced file: the integrity check says so

    def moved(self) -> bool:
        """Did any other connection commit since the last call? (Cheap: call it every second.)"""
        version = self._read()
        if version == self._version:
            return False
        self._version = version
        return True

    def reading(self) -> Reading:
        with self._sessions() as session:
            ids = frozenset(session.scalars(select(Case.id)))
            last = session.scalar(select(func.max(Event.id))) or 0
        return Reading(ids, last)

    def _touched(self, after_event: int) -> frozenset[int]:
        with self._sessions() as session:
            return frozenset(session.scalars(select(Event.case_id).where(Event.id > after_event).distinct()))

    def remember(self) -> None:
        """Take the first reading (on the worker, when the list is first loaded)."""
        self._last = self.reading()

    def what_changed(self) -> CaseDiff:
        """The cases changed since the last reading (the first call only takes the reading).

        Every write records an event, so the cases touched are those with events since the last
        reading, and the case ids are the last ones plus those: two indexed queries and a count,
        whatever the number of cases. Only when the count says a case went (a delete) are all
        the ids read again.
        """
        before = self._last
        if before is None:
            self._last = self.reading()
            return CaseDiff(frozenset(), frozenset())
        with self._sessions() as session:
            last = session.scalar(select(func.max(Event.id))) or 0
            count = session.scalar(select(func.count(Case.id))) or 0
        touched = self._touched(before.last_event) if last != before.last_event else frozenset()
        cases = before.cases | touched
        after = Reading(cases, last) if count == len(cases) else self.reading()
        self._last = after
        return diff_readings(before, after, touched)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
