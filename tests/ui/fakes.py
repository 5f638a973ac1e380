"""A scripted Prompter: answers questions from a list and records everything it was shown."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


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
