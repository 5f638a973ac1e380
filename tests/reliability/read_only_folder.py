"""Make a data folder (or one file) read-only for a test, for real.

Not root: `chmod a-w`. Root ignores permission bits (a chmod'ed folder stays writable to it), so
as root the path is bind-mounted onto itself and remounted read-only: writes then fail with
EROFS for root too. Where that is not allowed (no CAP_SYS_ADMIN, no `mount`), the test is
skipped with that reason. Either way the fixture checks that a write now really fails.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT_SKIP = (
    "running as root, where chmod does not stop writes, and a read-only bind mount "
    "(mount --bind; mount -o remount,ro,bind) is not allowed here: {why}"
)


def _mount_read_only(path: Path) -> str | None:
    """None when `path` is now a read-only bind mount of itself, else why not."""
    if shutil.which("mount") is None:
        return "no mount command"
    bind = subprocess.run(["mount", "--bind", str(path), str(path)], capture_output=True, text=True)
    if bind.returncode != 0:
        return bind.stderr.strip() or f"mount --bind exit {bind.returncode}"
    ro = subprocess.run(["mount", "-o", "remount,ro,bind", str(path)], capture_output=True, text=True)
    if ro.returncode != 0:
        subprocess.run(["umount", str(path)], capture_output=True)
        return ro.stderr.strip() or f"remount exit {ro.returncode}"
    return None


def _write_fails(path: Path) -> bool:
    probe = (path if path.is_dir() else path.parent) / ".write-probe"
    try:
        if path.is_dir():
            probe.write_bytes(b"x")
            probe.unlink()
        else:
            with path.open("ab"):
                pass
    except OSError:
        return True
    return False


@pytest.fixture
def make_read_only() -> Iterator[Callable[[Path], str]]:
    """`make_read_only(path)` → how ("chmod" or "mount"); undone at the end of the test."""
    mounted: list[Path] = []
    modes: list[tuple[Path, int]] = []

    def make(path: Path) -> str:
        if os.geteuid() != 0:
            modes.append((path, path.stat().st_mode))
            path.chmod(stat.S_IMODE(path.stat().st_mode) & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
            how = "chmod"
        else:
            why = _mount_read_only(path)
            if why is not None:
                pytest.skip(ROOT_SKIP.format(why=why))
            mounted.append(path)
            how = "mount"
        if not _write_fails(path):
            pytest.skip(f"{path} is still writable after {how}")
        return how

    yield make
    for path in reversed(mounted):
        subprocess.run(["umount", str(path)], capture_output=True)
    for path, mode in reversed(modes):
        path.chmod(stat.S_IMODE(mode))
