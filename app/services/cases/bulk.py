"""One action applied to many cases in one transaction: a refusal never stops the others."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
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
    versions: Mapping[int, int] | None = None,
) -> BulkResult:
    """Apply `request` to each case, all in ONE transaction (a crash or a failure that is not a
    refusal writes none of them); domain refusals are collected and the others still done.
    `versions`: the version of each case the merchant saw; a case written since is refused
    (StaleCase, saying who wrote first) and left as it is."""
    done: list[int] = []
    failed: list[BulkFailure] = []
    with cases.batch() as batch:
        for i, cid in enumerate(case_ids, 1):
            try:
                batch.act(cid, request, expect_version=(versions or {}).get(cid))
            except ActionNotAllowed as e:
                failed.append(BulkFailure(cid, message_of(e)))  # a Text: the window shows it in its language
            else:
                done.append(cid)
            if progress is not None:
                progress(i, len(case_ids), "")
    return BulkResult(tuple(done), tuple(failed))
