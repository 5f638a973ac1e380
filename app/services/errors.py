"""The domain's refusals, in one place: every feature raises these, every entry point shows them.

The CLI prints the message and exits 1; the window shows it in the merchant's language
(the message is a `text.messages.Text`, or a window's own string). Nothing is changed
when one is raised.
"""

from __future__ import annotations


class ActionNotAllowed(Exception):
    """A domain refusal: the message (a `messages.Text`, or a window's own string) is shown to the merchant."""


class CaseNotFound(ActionNotAllowed):
    """No case has that id or after-sales no."""


class InvalidInput(ActionNotAllowed):
    """Bad values from the user (amount, time, …): a domain error with a clear message."""
