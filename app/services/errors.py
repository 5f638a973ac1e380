"""The domain's refusals, in one place: every feature raises these, every entry point shows them.

The CLI prints the message and exits 1; the window shows it in the merchant's language
(the message is a `text.messages.Text`, or a window's own string). Nothing is changed
when one is raised.
"""

from __future__ import annotations


class ActionNotAllowed(Exception):
    """A domain refusal: the message (a `messages.Text`, or a window's own string) is shown to the merchant.

    `field` names the input the refusal is about (`aftersale_no`, `amount`, `at`, …), so a form
    can show the message beside that field and keep what was typed.
    """

    def __init__(self, *args: object, field: str | None = None) -> None:
        super().__init__(*args)
        self.field = field


class CaseNotFound(ActionNotAllowed):
    """No case has that id or after-sales no."""


class InvalidInput(ActionNotAllowed):
    """Bad values from the user (amount, time, …): a domain error with a clear message."""


class DuplicateCase(InvalidInput):
    """The platform's after-sales no. is already recorded: `case_id` is the case that has it."""

    def __init__(self, *args: object, case_id: int) -> None:
        super().__init__(*args, field="aftersale_no")
        self.case_id = case_id


class StaleCase(ActionNotAllowed):
    """The case changed since the version the write was made against: refused, nothing written.

    Carries what the case is now (its `version`, `stage`) and its latest step (who, when, what),
    so the window can say "已被 小王 在 14:02 处理：待买家退货" and show the case afresh.
    """

    def __init__(
        self,
        *args: object,
        case_id: int,
        version: int,
        stage: str,
        handler: str = "",
        actor: str = "",
        action: str = "",
        at: object = None,
    ) -> None:
        super().__init__(*args)
        self.case_id = case_id
        self.version = version
        self.stage = stage
        self.handler = handler
        self.actor = actor
        self.action = action
        self.at = at
