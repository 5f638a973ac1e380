"""One action applied to many cases, each on its own: a failure never stops the others."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from app.services.cases.service import ActionRequest, CaseService
from app.services.rules.workflow import ActionNotAllowed
from app.services.text.messages import message_of


@dataclass(frozen=True)
class BulkFailure:
    case_id: int
    message: str  # a messages.Text when the service refused


@dataclass(frozen=True)
class BulkResult:
    done: tuple[int, ...]
    failed: tuple[BulkFailure, ...]

    @property
    def touched(self) -> tuple[int, ...]:
        """Cases whose row may have changed (an auto-action can apply even when the action fails)."""
        return self.done + tuple(f.case_id for f in self.failed)


def apply_bulk(
    cases: CaseService,
    case_ids: Sequence[int],
    request: ActionRequest,
    progress: Callable[[int, int, str], None] | None = None,
) -> BulkResult:
    """Apply `request` to each case in its own transaction; domain refusals are collected."""
    done: list[int] = []
    failed: list[BulkFailure] = []
    for i, cid in enumerate(case_ids, 1):
        try:
            cases.act(cid, request)
        except ActionNotAllowed as e:
            failed.append(BulkFailure(cid, message_of(e)))  # a Text: the window shows it in its language
        else:
            done.append(cid)
        if progress is not None:
            progress(i, len(case_ids), "")
    return BulkResult(tuple(done), tuple(failed))
