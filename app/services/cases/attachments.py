"""Files attached to a case (evidence photos, waybills): copied into the data folder.

The stored name is derived from the case id and the content hash, so it is safe
on every file system whatever the original name was, and the same file added
twice to a case is stored once.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.models.entities import Attachment, Case
from app.services.cases.messages import NO_CASE
from app.services.cases.service import CaseNotFound, InvalidInput
from app.services.clock import Clock
from app.services.text.messages import Template

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp"})
_SUFFIX_RE = re.compile(r"^\.[a-z0-9]{1,10}$")
MAX_NAME = 255
NOT_A_FILE = Template(en="not a file: {path}", zh="不是文件：{path}")


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
    def __init__(self, sessions: sessionmaker[Session], clock: Clock, folder: Path) -> None:
        self._sessions = sessions
        self._clock = clock
        self.folder = folder

    def add(self, case_id: int, source: Path, event_id: int | None = None) -> AttachmentView:
        if not source.is_file():
            raise InvalidInput(NOT_A_FILE(path=source))
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
