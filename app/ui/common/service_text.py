"""Service messages in the window's language: a `messages.Text` rendered for `i18n.current()`.

Services speak English to the CLI and the logs and keep the Chinese beside it; the window
shows whichever the merchant chose. A widget's own (already translated) string passes through.
"""

from __future__ import annotations

from app.services.text.messages import message_of
from app.services.text.messages import say as say_in
from app.ui.common import i18n


def say(message: object) -> str:
    """A service message (or any other text) in the UI's language."""
    return say_in(message, i18n.current())


def error_text(error: BaseException) -> str:
    """What a refusal or a file error says, in the UI's language."""
    return say(message_of(error))


__all__ = ["error_text", "say"]
