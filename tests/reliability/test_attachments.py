"""Issue 17, item 5: an attachment's name cannot disguise it, a program is never run, size is capped.

`invoice\\u202egnp.exe` was listed as "invoiceexe.png" and opened with the system's handler
(which on Windows runs it); a 3 GB file was accepted.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from app.bootstrap import AppContext
from app.models.enums import CaseType, Platform, Reason
from app.services.cases.attachments import AttachmentService, shown_name
from app.services.cases.service import InvalidInput, NewCase
from app.services.clock import FixedClock
from app.services.preferences.schema import SETTINGS


@pytest.fixture
def case_id(ctx: AppContext, clock: FixedClock) -> int:
    return ctx.cases.add_case(
        NewCase(
            Platform.JD,
            CaseType.REFUND_ONLY,
            Reason.QUALITY,
            "O1",
            "A1",
            Decimal("1"),
            clock.now() - timedelta(1),
        )
    )


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("invoice\u202egnp.exe", "invoice[U+202E]gnp.exe"),
        ("a\u200fb\u2066c.pdf", "a[U+200F]b[U+2066]c.pdf"),
        ("line\nbreak\x07.jpg", "line[U+000A]break[U+0007].jpg"),
        ("快递单.jpg", "快递单.jpg"),
    ],
)
def test_names_are_shown_with_control_and_bidi_characters_made_visible(name: str, shown: str) -> None:
    assert shown_name(name) == shown


@pytest.mark.parametrize(
    "suffix", [".exe", ".bat", ".cmd", ".ps1", ".vbs", ".js", ".sh", ".app", ".lnk", ".msi"]
)
def test_programs_and_scripts_are_never_opened(
    ctx: AppContext, case_id: int, tmp_path: Path, suffix: str
) -> None:
    source = tmp_path / f"invoice\u202egnp{suffix}"
    source.write_bytes(b"MZ" + suffix.encode())
    att = ctx.attachments.add(case_id, source)
    assert not att.may_open  # the window shows it in its folder instead
    assert att.real_suffix == suffix
    assert suffix in att.shown_name and "\u202e" not in att.shown_name


def test_pictures_and_documents_open(ctx: AppContext, case_id: int, tmp_path: Path) -> None:
    for name in ("photo.JPG", "waybill.pdf", "chat.png"):
        source = tmp_path / name
        source.write_bytes(name.encode())
        assert ctx.attachments.add(case_id, source).may_open


def test_a_file_over_the_limit_is_refused(
    ctx: AppContext, case_id: int, tmp_path: Path, clock: FixedClock
) -> None:
    setting = next(s for s in SETTINGS if s.key == "attachments/max_mb")
    assert setting.default == 50
    small = AttachmentService(ctx.sessions, clock, tmp_path / "store", max_bytes=1000)
    big = tmp_path / "big.jpg"
    with big.open("wb") as f:
        f.truncate(1001)  # sparse: no disk spent
    with pytest.raises(InvalidInput, match="larger than"):
        small.add(case_id, big)
    assert not (tmp_path / "store").exists() or not list((tmp_path / "store").iterdir())
    assert ctx.attachments.max_bytes == 50 * 1024 * 1024
