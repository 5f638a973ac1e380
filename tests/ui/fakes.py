"""Fakes for the UI tests: a scripted Prompter (answers questions from a list, records what it was
shown) and a tray (offscreen has none) that records its messages and lets a test click them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMenu


@dataclass
class FakePrompter:
    answers: list[bool] = field(default_factory=list)  # for confirm(), in order
    save_to: Path | None = None  # None: the suggested path
    cancel_save: bool = False
    open_file: Path | None = None
    log: list[tuple[str, str]] = field(default_factory=list)  # (kind, text)

    def confirm(self, title: str, text: str) -> bool:
        self.log.append(("confirm", text))
        if not self.answers:
            raise AssertionError(f"unexpected question: {text}")
        return self.answers.pop(0)

    def inform(self, title: str, text: str) -> None:
        self.log.append(("inform", text))

    def warn(self, title: str, text: str) -> None:
        self.log.append(("warn", text))

    def save_path(self, title: str, suggested: Path) -> Path | None:
        self.log.append(("save_path", str(suggested)))
        return None if self.cancel_save else (self.save_to or suggested)

    def open_path(self, title: str, directory: Path) -> Path | None:
        self.log.append(("open_path", str(directory)))
        return self.open_file

    def kinds(self) -> list[str]:
        return [k for k, _ in self.log]

    def texts(self, kind: str) -> list[str]:
        return [t for k, t in self.log if k == kind]


class FakeNotifier:
    def __init__(self, available: bool = True) -> None:
        self.available = available
        self.visible = False
        self.messages: list[tuple[str, str]] = []
        self.tooltips: list[str] = []
        self.icons: list[QIcon] = []
        self.menu: QMenu | None = None
        self._clicked: Callable[[], None] = lambda: None

    def is_available(self) -> bool:
        return self.available

    def set_visible(self, visible: bool) -> None:
        self.visible = visible

    def set_icon(self, icon: QIcon) -> None:
        self.icons.append(icon)

    def set_tooltip(self, text: str) -> None:
        self.tooltips.append(text)

    def set_menu(self, menu: QMenu) -> None:
        self.menu = menu

    def show_message(self, title: str, text: str, urgent: bool) -> None:
        self.messages.append((title, text))

    def on_message_clicked(self, slot: Callable[[], None]) -> None:
        self._clicked = slot

    def on_icon_clicked(self, slot: Callable[[], None]) -> None:
        pass

    def click_message(self) -> None:
        self._clicked()
