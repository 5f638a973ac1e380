"""Write a planned import: one transaction, every new and updated row, or nothing at all."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlalchemy.exc import IntegrityError

from app.models.enums import Actor
from app.services.cases import ActionRequest, CaseBatch, CaseService
from app.services.importing.gc_pause import gc_paused
from app.services.importing.planning import Outcome, RowPlan
from app.services.importing.reading import ImportFileError
from app.services.workflow import ActionNotAllowed

Progress = Callable[[int, int, str], None]  # (done, total, message)


class ImportAborted(ImportFileError):
    """A row could not be written as planned; the whole import was rolled back."""


def apply_rows(
    cases: CaseService, plans: Sequence[RowPlan], progress: Progress | None = None
) -> dict[int, int]:
    """Apply the new and update rows in one transaction; returns {line: case id} of the rows written.

    Auto-actions that fell due before an imported action are applied first, by `platform`,
    exactly as the plan simulated; any difference aborts the import and nothing is written.
    """
    todo = [p for p in plans if p.outcome in (Outcome.NEW, Outcome.UPDATE)]
    written: dict[int, int] = {}
    try:
        with gc_paused(), cases.batch() as batch:
            for i, plan in enumerate(todo, 1):
                written[plan.line] = _apply_row(batch, plan)
                if progress is not None and (i % every(len(todo)) == 0 or i == len(todo)):
                    progress(i, len(todo), plan.aftersale_no)
    except ActionNotAllowed as e:  # the batch's final write found a clash: nothing was written
        raise ImportAborted(f"{e}; nothing was imported") from e
    except IntegrityError as e:
        raise ImportAborted(f"the database changed during the import ({e.orig}); nothing was imported") from e
    return written


def every(total: int) -> int:
    """Report progress about a hundred times, whatever the size."""
    return max(1, total // 100)


def _apply_row(batch: CaseBatch, plan: RowPlan) -> int:
    try:
        if plan.outcome is Outcome.NEW:
            assert plan.new_case is not None
            case_id = batch.add_case(plan.new_case)
        else:
            assert plan.case_id is not None
            case_id = plan.case_id
        for step in plan.steps:
            if step.action is None:
                batch.run_due(case_id, step.at)
            else:
                batch.act(
                    case_id,
                    ActionRequest(step.action, at=step.at, actor=Actor.PLATFORM, payload=step.payload),
                )
        stage = batch.stage(case_id)
    except ActionNotAllowed as e:
        raise ImportAborted(f"row {plan.line} ({plan.aftersale_no}): {e}; nothing was imported") from e
    if stage is not plan.to_stage:
        raise ImportAborted(
            f"row {plan.line} ({plan.aftersale_no}) ended in {stage.value}, not {plan.to_stage}: "
            "nothing was imported"
        )
    return case_id


__all__ = ["ImportAborted", "Progress", "apply_rows"]
