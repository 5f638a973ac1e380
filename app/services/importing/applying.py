"""Write a planned import: one transaction, every new and updated row, or nothing at all."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from app.services.cases.service import CaseService
from app.services.errors import StaleCase
from app.services.importing import staging
from app.services.importing.gc_pause import gc_paused
from app.services.importing.planning import Outcome, RowPlan
from app.services.importing.progress import WRITING, Progress, every
from app.services.importing.reading import ImportFileError
from app.services.rules.workflow import ActionNotAllowed
from app.services.text.messages import Template, message_of


class ImportAborted(ImportFileError):
    """A row could not be written as planned; the whole import was rolled back."""


NOTHING_IMPORTED = Template(en="{why}; nothing was imported", zh="{why}；未导入任何内容")
ALREADY_USED = Template(
    en="this preview was already imported (or tried); preview the file again",
    zh="这次预览已经导入过（或尝试过）；请重新预览文件",
)
DATABASE_CHANGED = Template(
    en="the database changed during the import ({error}); nothing was imported",
    zh="导入期间数据库被改动（{error}）；未导入任何内容",
)


def apply_rows(
    cases: CaseService,
    plans: Sequence[RowPlan],
    progress: Progress | None = None,
    source: str = "",
    sessions: sessionmaker[Session] | None = None,
    now: datetime | None = None,
    refused: dict[int, str] | None = None,
) -> dict[int, int]:
    """Write the new and update rows in one transaction; returns {line: case id} of the rows written.

    `source` (the file's name) is kept on every event the import records, so a case's
    timeline says which export each step came from.

    The plan already holds each case as the import leaves it (recorded by the same steps
    the service takes), so writing is handing out ids and saving. A known case written in
    the database since it was planned (its version moved) is not written: its line goes into
    `refused` with the reason (who changed it, when, what it is now), the other rows are
    written. A new case added meanwhile clashes on the unique key: the whole import is
    rolled back.

    With `sessions` (and `now`), an import of STAGE_FROM new cases or more is staged
    (staging.py): written in chunks other writers can come in between, copied in at the end.
    """
    todo = [p for p in plans if p.outcome in (Outcome.NEW, Outcome.UPDATE)]
    if any(_used(p) for p in todo):
        raise ImportAborted(ALREADY_USED())
    written: dict[int, int] = {}
    staged = sessions is not None and now is not None
    staged = staged and sum(1 for p in todo if p.outcome is Outcome.NEW) >= staging.STAGE_FROM
    try:
        if staged:
            assert sessions is not None and now is not None
            if source:
                _stamp(todo, source)
            with gc_paused():
                return staging.apply_staged(cases, sessions, todo, now, progress, refused)
        with gc_paused(), cases.batch() as batch:
            for i, plan in enumerate(todo, 1):
                assert plan.state is not None and plan.preset is not None
                if source:
                    _stamp([plan], source)
                if plan.outcome is Outcome.NEW:
                    assert plan.new_case is not None
                    batch.adopt_new(plan.state, plan.preset, plan.new_case.shop)
                else:
                    try:
                        batch.adopt(plan.state)
                    except StaleCase as e:
                        if refused is not None:
                            refused[plan.line] = message_of(e)
                        continue
                written[plan.line] = plan.state.id
                if progress is not None and (i % every(len(todo)) == 0 or i == len(todo)):
                    progress(i, len(todo), WRITING)
    except ActionNotAllowed as e:  # the batch's final write found a clash: nothing was written
        raise ImportAborted(NOTHING_IMPORTED(why=message_of(e))) from e
    except IntegrityError as e:
        raise ImportAborted(DATABASE_CHANGED(error=e.orig)) from e
    return written


def _stamp(plans: Sequence[RowPlan], source: str) -> None:
    for plan in plans:
        assert plan.state is not None
        for event in plan.state.pending:  # a copy: the plan's steps keep their payload
            event["payload"] = {**event["payload"], "source": source}


def _used(plan: RowPlan) -> bool:
    """The row's case was handed to a write already (its recorded steps were saved or tried)."""
    state = plan.state
    if state is None:
        return True
    return state.new_row is None if plan.outcome is Outcome.NEW else not state.pending


__all__ = ["ImportAborted", "Progress", "apply_rows"]
