"""The platform's deadline wins: when an export carries the deadline of the running clock
(超时时间, 自动处理截止时间, 处理截止时间, 逾期时间), the case's deadline becomes that instant.

The platform stretches clocks (around Spring Festival, for a dispute, when the merchant asked
for more time) and no preset can know it. So the import records a platform step,
`extend_deadline` by `platform`, with the file's instant and what our preset said
(`preset_due`, `rule_id`), which is what the countdown shows as 平台时限 and what rule drift
is measured from (`rules/drift.py`). A deadline within the platform's rounding of ours is
ours; one that has already passed is left to the clocks (the platform has acted or will).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from app.models.enums import Action, Actor
from app.services.cases.state import CaseState, record
from app.services.errors import ActionNotAllowed
from app.services.importing.transitions import Step
from app.services.rules.presets import RulePreset
from app.services.rules.workflow import check_action
from app.services.text.messages import Template, Text

# The platform's own deadline may differ from ours by its rounding, not by more.
TOLERANCE = timedelta(hours=1)
REASON = "平台时限（导入）· the platform's deadline, from its export"

TAKEN = Template(
    en="the platform's deadline {file_due} replaces our {party} clock ({ours}, rule {rule})",
    zh="采用平台时限 {file_due}，代替我们的{party}时限（{ours}，规则 {rule}）",
)
PASSED = Template(
    en="the file's deadline {file_due} differs from our {party} clock ({ours}, rule {rule}) and has "
    "passed: check the rule preset",
    zh="文件中的截止时间 {file_due} 与我们的{party}时限（{ours}，规则 {rule}）不一致且已过：请检查规则预设",
)


def take_platform_deadline(
    deadline_at: datetime | None, state: CaseState, preset: RulePreset, now: datetime
) -> tuple[tuple[Step, ...], tuple[Text, ...]]:
    """Record the file's deadline on the case (moved to the file's stage already) when it is
    not one of our running clocks; the steps to add to the row's plan and its notes."""
    if deadline_at is None or state.stage.is_final:
        return (), ()
    running = [d for d in state.deadlines if d.due_at is not None]
    if not running:
        return (), ()
    closest = min(running, key=lambda d: abs(d.due_at - deadline_at))  # type: ignore[operator]
    ours = closest.due_at
    assert ours is not None
    if abs(ours - deadline_at) <= TOLERANCE:
        return (), ()
    what = {"file_due": deadline_at, "party": closest.party, "ours": ours, "rule": closest.rule_id}
    at = max(now, state.events[-1].at)  # when the app learnt it: the import
    if deadline_at <= at:
        return (), (PASSED(**what),)
    payload = {
        "due_at": deadline_at.isoformat(),
        "party": closest.party.value,
        "reason": REASON,
        "preset_due": ours.isoformat(),
        "rule_id": closest.rule_id,
    }
    if closest.starts_at is not None:  # drift is measured against the preset in force then
        payload["starts_at"] = closest.starts_at.isoformat()
    try:
        check_action(state.case_type, state.stage, Action.EXTEND_DEADLINE, payload)
    except ActionNotAllowed:
        return (), (PASSED(**what),)
    record(state, preset, Action.EXTEND_DEADLINE.value, Actor.PLATFORM, at, state.stage, payload, now)
    return (Step(Action.EXTEND_DEADLINE, at, payload),), (TAKEN(**what),)
