"""One instance per data folder: the second start asks the first to come forward; stale locks recover."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.ui.shell.single_instance import LOCK_FILE_NAME, SingleInstance

HOLD_LOCK = """
import sys, time
from PySide6.QtCore import QLockFile
lock = QLockFile(sys.argv[1])
assert lock.tryLock(0)
print("locked", flush=True)
time.sleep(120)  # the other process holds the lock until the test kills it (no test waits on this)
"""


def test_second_instance_is_refused_and_raises_the_first(qtbot: QtBot, tmp_path: Path) -> None:
    first = SingleInstance(tmp_path)
    second = SingleInstance(tmp_path)
    try:
        assert first.acquire() and first.is_owner
        with qtbot.waitSignal(first.activation_requested, timeout=5000):
            assert not second.acquire()
        assert not second.is_owner and second.failure == ""
    finally:
        second.release()
        first.release()


def test_the_lock_is_free_again_after_release(qtbot: QtBot, tmp_path: Path) -> None:
    first = SingleInstance(tmp_path)
    assert first.acquire()
    first.release()
    again = SingleInstance(tmp_path)
    try:
        assert again.acquire()
    finally:
        again.release()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL to leave a stale lock behind")
def test_a_lock_left_by_a_killed_instance_is_recovered(qtbot: QtBot, tmp_path: Path) -> None:
    lock_path = tmp_path / LOCK_FILE_NAME
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(lock_path)], stdout=subprocess.PIPE)
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == b"locked"
        blocked = SingleInstance(tmp_path)
        assert not blocked.acquire()  # alive: the lock holds (and nobody answers the socket)
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(timeout=10)
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()
    assert lock_path.exists()  # the crash left it behind
    recovered = SingleInstance(tmp_path)
    try:
        assert recovered.acquire()
    finally:
        recovered.release()
