"""Change sets: after a write, say which cases changed; each screen decides what to redraw."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal


@dataclass(frozen=True)
class ChangeSet:
    changed: frozenset[int] = field(default_factory=frozenset)  # case ids added or modified
    deleted: frozenset[int] = field(default_factory=frozenset)
    rules: bool = False  # a rule preset was edited or reset
    everything: bool = False  # reload all (e.g. after an import or a restore)

    @classmethod
    def cases(cls, ids: Iterable[int]) -> ChangeSet:
        return cls(changed=frozenset(ids))


class ChangeHub(QObject):
    """Owned by the main window; writers `publish`, screens connect to `changed`."""

    changed = Signal(object)  # ChangeSet

    def publish(self, change: ChangeSet) -> None:
        self.changed.emit(change)
