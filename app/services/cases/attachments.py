"""Files attached to a case (evidence photos, waybills): copied into the data folder.

The stored name is derived from the case id and the content hash, so it is safe
on every file system whatever the original name was, and the same file added
twice to a case is stored once.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.models.entities import Attachment, Case
from app.services.cases.messages import NO_CASE
from app.services.cases.service import CaseNotFound, InvalidInput
from app.services.cases.versions import touch
from app.services.clock import Clock
from app.services.text.messages import Template

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp"})
_SUFFIX_RE = re.compile(r"^\.[a-z0-9]{1,10}$")
MAX_NAME = 255
MAX_BYTES = 50 * 1024 * 1024  # the default of the setting attachments/max_mb
NOT_A_FILE = Template(en="not a file: {path}", zh="不是文件：{path}")
TOO_LARGE = Template(
    en="{name} is larger than {most_mb} MB ({size_mb} MB): attach a smaller file, or raise the limit in Settings",
    zh="{name} 超过 {most_mb} MB（{size_mb} MB）：请附加更小的文件，或在设置里调高上限",
)
# Opened with the system's handler, these run (Windows, macOS, Linux desktops): never opened
# from the app, only shown in their folder. Compared on the real, last suffix of the name.
PROGRAM_SUFFIXES = frozenset(
    [
        ".exe",
        ".com",
        ".scr",
        ".pif",
        ".bat",
        ".cmd",
        ".ps1",
        ".psm1",
        ".vbs",
        ".vbe",
        ".js",
        ".jse",
        ".wsf",
        ".wsh",
        ".hta",
        ".msi",
        ".msp",
        ".cpl",
        ".jar",
        ".lnk",
        ".url",
        ".reg",
        ".inf",
        ".scf",
        ".dll",
        ".sys",
        ".app",
        ".command",
        ".pkg",
        ".dmg",
        ".sh",
        ".bash",
        ".zsh",
        ".py",
        ".pyw",
        ".pl",
        ".rb",
        ".desktop",
        ".appimage",
        ".run",
        ".bin",
        ".elf",
        ".apk",
        ".html",
        ".htm",
        ".svg",
        ".xhtml",
        ".docm",
        ".xlsm",
        ".pptm",
    ]
)


def shown_name(name: str) -> str:
    """The name as the window shows it: control and bidi-formatting characters (Unicode Cc and Cf:
    U+202E RIGHT-TO-LEFT OVERRIDE makes 'invoice<RLO>gnp.exe' read 'invoiceexe.png') made visible
    as [U+XXXX], so what is read is what the name is."""
    return "".join(f"[U+{ord(ch):04X}]" if unicodedata.category(ch) in ("Cc", "Cf") else ch for ch in name)


@dataclass(frozen=True)
class AttachmentView:
    id: int
    case_id: int
    event_id: int | None
    stored_name: str
    original_name: str
    sha256: str
    size: int
    added_at: datetime
    path: Path

    @property
    def is_image(self) -> bool:
        return Path(self.stored_name).suffix in IMAGE_SUFFIXES

    @property
    def real_suffix(self) -> str:
        """The name's last suffix, lower case: what the system decides how to open it by."""
        return Path(self.original_name.strip().rstrip(". ")).suffix.lower()

    @property
    def shown_name(self) -> str:
        return shown_name(self.original_name)

    @property
    def may_open(self) -> bool:
        """False for programs and scripts: the window shows them in their folder instead."""
        stored = Path(self.stored_name).suffix.lower()
        return self.real_suffix not in PROGRAM_SUFFIXES and stored not in PROGRAM_SUFFIXES


def safe_name(case_id: int, sha256: str, original: str) -> str:
    """'<case>-<hash prefix><suffix>', the suffix kept only when it is plain ('.jpg', '.pdf')."""
    suffix = Path(original).suffix.lower()
    if not _SUFFIX_RE.match(suffix):
        suffix = ""
    return f"{case_id}-{sha256[:20]}{suffix}"


def file_sha256(path: Path) -> tuple[str, int]:
    h = hashlib.sha256()
    size = 0
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
            size += len(block)
    return h.hexdigest(), size


class AttachmentService:
    def __init__(
        self, sessions: sessionmaker[Session], clock: Clock, folder: Path, max_bytes: int = MAX_BYTES
    ) -> None:
        self._sessions = sessions
        self._clock = clock
        self.folder = folder
        self.max_bytes = max_bytes  # the window sets it from attachments/max_mb

    def add(self, case_id: int, source: Path, event_id: int | None = None) -> AttachmentView:
        if not source.is_file():
            raise InvalidInput(NOT_A_FILE(path=source))
        size = source.stat().st_size
        if size > self.max_bytes:
            raise InvalidInput(
                TOO_LARGE(
                    name=shown_name(source.name),
                    most_mb=self.max_bytes // (1024 * 1024),
                    size_mb=round(size / (1024 * 1024), 1),
                )
            )
        sha, size = file_sha256(source)
        name = safe_name(case_id, sha, source.name)
        with self._sessions.begin() as session:
            if session.get(Case, case_id) is None:
                raise CaseNotFound(NO_CASE(ref=case_id))
            existing = session.scalars(
                select(Attachment).where(Attachment.case_id == case_id, Attachment.sha256 == sha)
            ).first()
            if existing is not None:
                return self._view(existing)
            self.folder.mkdir(parents=True, exist_ok=True)
            target = self.folder / name
            if not target.exists():
                tmp = target.with_name(target.name + ".part")
                shutil.copyfile(source, tmp)
                tmp.replace(target)
            row = Attachment(
                case_id=case_id,
                event_id=event_id,
                stored_name=name,
                original_name=source.name[:MAX_NAME],
                sha256=sha,
                size=size,
                added_at=self._clock.now(),
            )
            session.add(row)
            session.flush()
            touch(session, case_id, self._clock.now())  # the case changed: its version moves on
            return self._view(row)

    def of_case(self, case_id: int) -> list[AttachmentView]:
        with self._sessions() as session:
            rows = session.scalars(
                select(Attachment).where(Attachment.case_id == case_id).order_by(Attachment.id)
            ).all()
            return [self._view(r) for r in rows]

    def stored_names(self, case_ids: list[int]) -> list[str]:
        with self._sessions() as session:
            return list(
                session.scalars(select(Attachment.stored_name).where(Attachment.case_id.in_(case_ids))).all()
            )

    def remove_files(self, names: list[str]) -> None:
        """Delete stored files no attachment row refers to any more."""
        with self._sessions() as session:
            still = set(
                session.scalars(select(Attachment.stored_name).where(Attachment.stored_name.in_(names)))
            )
        for name in set(names) - still:
            (self.folder / name).unlink(missing_ok=True)

    def _view(self, a: Attachment) -> AttachmentView:
        return AttachmentView(
            a.id,
            a.case_id,
            a.event_id,
            a.stored_name,
            a.original_name,
            a.sha256,
            a.size,
            a.added_at,
            self.folder / a.stored_name,
        )
