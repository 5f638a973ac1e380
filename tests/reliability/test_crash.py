"""Kill a writer with SIGKILL at random moments, 200 times; after each kill nothing is lost or torn.

After every kill, the way the app itself starts (`check_at_start`, then `AppContext.open`):
- the file passes `integrity_check`;
- every commit the child reported is there (cases added, events recorded, auto-actions);
- no case is half-applied: its events are numbered 1..n without gaps, each starts where
  the previous one ended, and the stored stage is the last event's;
- `CaseService.recompute_check()` finds nothing (deadline table = recomputation, stage = replay);
- every auto-action is announced once the app has started again (its catch-up): no notice is
  lost when the kill lands between the auto-action and its notice. A second test kills there
  deterministically (the child's `notice` fault), the random kills land there by chance.

The child (crash_child.py) is a fork server: one interpreter start for all 200 runs.
Imports are not exercised yet (built on another branch); adds, actions and ticks are.
"""

from __future__ import annotations

import os
import random
import selectors
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.bootstrap import AppContext
from app.services.clock import FixedClock
from app.services.storage.backup import BackupService
from app.services.storage.integrity import DbState, check_at_start, pragma_check

pytestmark = pytest.mark.skipif(
    not hasattr(os, "fork"), reason="the crash test's child is a fork server (POSIX only)"
)

KILLS = 200
KILLS_PER_DATABASE = 10  # a fresh folder now and then keeps every check fast
MAX_LINES_BEFORE_KILL = 15
REPO = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("crash_child.py")


class Child:
    """The fork server, read line by line with a timeout (a hung child fails, never hangs)."""

    def __init__(self, stderr_path: Path) -> None:
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        self._stderr = stderr_path.open("wb")
        self.proc = subprocess.Popen(
            [sys.executable, str(CHILD)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            env=env,
            cwd=REPO,
        )
        assert self.proc.stdout is not None
        self._sel = selectors.DefaultSelector()
        self._sel.register(self.proc.stdout, selectors.EVENT_READ)
        self._buf = b""
        self.stderr_path = stderr_path

    def line(self, timeout: float = 20.0) -> str:
        assert self.proc.stdout is not None
        fd = self.proc.stdout.fileno()
        while b"\n" not in self._buf:
            if not self._sel.select(timeout):
                raise AssertionError(f"child silent for {timeout}s; stderr:\n{self.stderr()}")
            chunk = os.read(fd, 65536)
            if not chunk:
                raise AssertionError(f"child ended; stderr:\n{self.stderr()}")
            self._buf += chunk
        raw, self._buf = self._buf.split(b"\n", 1)
        return raw.decode()

    def send(self, text: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write((text + "\n").encode())
        self.proc.stdin.flush()

    def stderr(self) -> str:
        self._stderr.flush()
        return self.stderr_path.read_text(errors="replace")

    def close(self) -> None:
        try:
            self.send("QUIT")
            self.proc.wait(timeout=10)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait()
            self._stderr.close()
            self._sel.close()


@pytest.fixture
def child(tmp_path: Path) -> Iterator[Child]:
    c = Child(tmp_path / "child-stderr.txt")
    assert c.line() == "READY"
    yield c
    c.close()


def run_and_kill(child: Child, data_dir: Path, seed: int, rng: random.Random) -> list[str]:
    """One run: wait for a random number of commits, then SIGKILL at once or a moment later."""
    child.send(f"RUN {data_dir} {seed}")
    first = child.line()
    assert first.startswith("P "), first
    pid = int(first.split()[1])
    reported: list[str] = []
    for _ in range(rng.randint(0, MAX_LINES_BEFORE_KILL)):
        reported.append(child.line())
    if rng.random() < 0.5:
        # Real time on purpose: the point is to land at an arbitrary moment of a transaction.
        time.sleep(rng.uniform(0, 0.004))
    os.kill(pid, signal.SIGKILL)
    while True:
        text = child.line()
        if text.startswith("EXIT "):
            _, exited, status = text.split()
            assert int(exited) == pid
            assert os.WIFSIGNALED(int(status)), f"child ended by itself: {child.stderr()}"
            return reported
        reported.append(text)


def verify(data_dir: Path, clock: FixedClock, reported: list[str]) -> tuple[int, int]:
    """Everything the module docstring promises; returns the numbers of cases and auto-actions checked."""
    db = data_dir / "sentinel.db"
    health = check_at_start(db, BackupService(data_dir, clock))
    assert health.state is DbState.OK, health
    ctx = AppContext.open(data_dir, clock)
    try:
        assert pragma_check(db, full=True) == []
        con = sqlite3.connect(db)
        try:
            for line in reported:
                kind, *rest = line.split()
                if kind == "N":
                    cid, no = rest
                    found = con.execute("SELECT aftersale_no FROM cases WHERE id = ?", (int(cid),)).fetchone()
                    assert found == (no,), f"reported case missing: {line}"
                elif kind == "A":
                    cid, eid, action = rest
                    found = con.execute(
                        "SELECT case_id, action FROM events WHERE id = ?", (int(eid),)
                    ).fetchone()
                    assert found == (int(cid), action), f"reported event missing: {line}"
                elif kind == "T":
                    for i in range(0, len(rest), 3):
                        cid, auto, at = rest[i : i + 3]
                        n = con.execute(
                            "SELECT count(*) FROM events WHERE case_id = ? AND action = ?", (int(cid), auto)
                        ).fetchone()[0]
                        assert n >= 1, f"reported auto-action missing: {cid} {auto} {at}"
                else:
                    raise AssertionError(f"unexpected line from child: {line}")
            cases = con.execute("SELECT id, stage FROM cases").fetchall()
            events: dict[int, list[tuple[int, str | None, str]]] = {}
            for cid, seq, frm, to in con.execute(
                "SELECT case_id, seq, from_stage, to_stage FROM events ORDER BY case_id, seq"
            ):
                events.setdefault(cid, []).append((seq, frm, to))
        finally:
            con.close()
        for cid, stage in cases:
            timeline = events.get(cid, [])
            assert [seq for seq, _f, _t in timeline] == list(range(1, len(timeline) + 1)), cid
            previous = None
            for _seq, frm, to in timeline:
                assert frm == previous, f"case {cid}: event starts in {frm}, previous ended in {previous}"
                previous = to
            assert stage == previous, f"case {cid}: stage {stage} but its last event ends in {previous}"
        assert set(events) <= {cid for cid, _s in cases}
        assert ctx.cases.recompute_check() == []
        autos, unannounced = announced_after_start(ctx)
        assert unannounced == [], f"{len(unannounced)} of {autos} auto-actions never announced"
        return len(cases), autos
    finally:
        ctx.close()


AUTO_ACTIONS = ("auto_approve", "auto_refund", "auto_close", "auto_complete", "penalty")


def announced_after_start(ctx: AppContext) -> tuple[int, list[tuple[int, str, str]]]:
    """Start as the window does (`catch_up`), then: how many auto-actions the timelines hold,
    and those without a notice that was shown (or deliberately muted)."""
    ctx.alerts.catch_up()
    con = sqlite3.connect(ctx.db_path)
    try:
        rows = con.execute(
            f"""SELECT e.case_id, e.action, e.at,
                       EXISTS (SELECT 1 FROM alert_log l
                               WHERE l.kind = 'auto_action' AND l.case_id = e.case_id
                                 AND l.rule_id = e.rule_id AND l.due_at = e.at
                                 AND l.sent_at IS NOT NULL)
                FROM events e
                WHERE e.actor = 'platform' AND e.action IN ({",".join("?" * len(AUTO_ACTIONS))})""",
            AUTO_ACTIONS,
        ).fetchall()
    finally:
        con.close()
    return len(rows), [(cid, action, at) for cid, action, at, shown in rows if not shown]


def test_sigkill_at_random_moments_loses_and_tears_nothing(
    child: Child, tmp_path: Path, clock: FixedClock
) -> None:
    rng = random.Random(20261102)
    commits = 0
    checked = 0
    autos = 0
    data_dir = tmp_path / "data-0"
    for kill in range(KILLS):
        if kill % KILLS_PER_DATABASE == 0:
            data_dir = tmp_path / f"data-{kill}"
            AppContext.open(data_dir, clock).close()
        reported = run_and_kill(child, data_dir, seed=kill, rng=rng)
        commits += len(reported)
        cases, announced = verify(data_dir, clock, reported)
        checked += cases
        autos += announced
    assert child.stderr() == ""
    # The run is only meaningful if the child really wrote a lot between the kills.
    assert commits > 1200, commits
    assert checked > KILLS
    assert autos > KILLS, autos  # auto-actions were applied (and announced) all along
    print(
        f"{KILLS} kills, {commits} reported commits, {checked} case checks, {autos} auto-action checks (all announced)"
    )


def test_killed_between_auto_actions_and_their_notices_every_one_is_announced_at_the_next_start(
    child: Child, tmp_path: Path, clock: FixedClock
) -> None:
    """The window's wake-up dies once the auto-actions are committed, before it decides their
    notices (the child's `notice` fault): the next start announces every one of them."""
    lost = 0
    for run in range(3):
        data_dir = tmp_path / f"data-{run}"
        AppContext.open(data_dir, clock).close()
        child.send(f"RUN {data_dir} {run} notice")
        first = child.line()
        assert first.startswith("P "), first
        lines = []
        while not (text := child.line()).startswith("EXIT "):
            lines.append(text)
        assert os.WIFSIGNALED(int(text.split()[2])), child.stderr()
        assert len(lines) == 20 and all(line.startswith("N ") for line in lines), lines
        ctx = AppContext.open(data_dir, clock)
        try:
            autos, unannounced = announced_after_start(ctx)
        finally:
            ctx.close()
        assert autos >= 20, "the worker died before its auto-actions were committed"
        lost += len(unannounced)
    assert lost == 0, f"{lost} auto-actions never announced"
