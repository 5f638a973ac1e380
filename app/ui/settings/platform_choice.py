"""Platform pickers list the merchant's own platforms first (chosen in the welcome or Settings).

"My platforms" (`shops/platforms`) promises that new cases, the import and the rules screen
offer those first: they come first, then a separator, then every other platform. With none
chosen the list is every platform in the usual order.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox

from app.models.enums import Platform
from app.ui.common import vocab
from app.ui.settings import store as settings_store


def my_platforms(settings: QSettings) -> tuple[str, ...]:
    return tuple(settings_store.value(settings, "shops/platforms") or ())


def platform_order(mine: Sequence[str]) -> tuple[list[Platform], list[Platform]]:
    """(the merchant's platforms, the others), each in the vocabulary's order."""
    first = [p for p in Platform if p.value in mine]
    return first, [p for p in Platform if p.value not in mine]


def add_platform_items(combo: QComboBox, mine: Sequence[str]) -> None:
    """Append the platforms to `combo` (data: the platform's value), the merchant's own first."""
    first, rest = platform_order(mine)
    for p in first:
        combo.addItem(vocab.label(vocab.platforms(), p.value), p.value)
    if first and rest:
        combo.insertSeparator(combo.count())
    for p in rest:
        combo.addItem(vocab.label(vocab.platforms(), p.value), p.value)
