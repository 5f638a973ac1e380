"""The process the crash test kills: random case adds, actions and ticks, one line per commit.

It is a small fork server so that 200 runs do not pay 200 interpreter start-ups: it
imports the app once, prints READY, then for each `RUN <data dir> <seed> [fault]` line on
stdin forks a worker and, when the worker is gone (killed, normally), prints
`EXIT <pid> <status>`.

Ticks go both ways the app runs them: `CaseService.tick` (the CLI's `tick`) and
`AlertService.wake` (the window's scheduler: tick, then decide what to show).

Fault `notice`: the worker adds cases, lets their clocks run out and wakes as the window
does, killing itself the moment the auto-actions are committed and their notices are about
to be decided (the start of `AlertService.evaluate`): the point where a crash once lost
every notice of the batch.

A worker prints `P <pid>` when it is about to start, then after each commit:
  N <case id> <aftersale no>                 a case was added
  A <case id> <event id> <action>            an action was recorded
  T <case id> <auto action> <at iso> ...     tick applied these auto-actions
Lines go out with os.write, unbuffered, so a line printed is a commit made.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import sys
import traceback
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from app.bootstrap import AppContext
from app.models.enums import Action, Actor, CaseType, Platform, Reason, Stage
from app.services.alerts.service import AlertService
from app.services.cases.service import ActionRequest, NewCase
from app.services.clock import FixedClock
from app.services.rules.workflow import ActionNotAllowed, allowed_actions

START = datetime(2026, 11, 2, 2, 0, tzinfo=UTC)
MAX_OPS = 100_000  # the parent kills the worker long before
BUYER_ACTIONS = {Action.BUYER_SHIP, Action.BUYER_CONFIRM, Action.WITHDRAW, Action.REAPPLY}
PLATFORMS = [p for p in Platform if p is not Platform.CUSTOM]


def out(line: str) -> None:
    os.write(1, (line + "\n").encode())


def start_instant(db: Path) -> datetime:
    """A minute after the newest thing recorded, so time only moves forward across runs."""
    con = sqlite3.connect(db)
    try:
        newest = con.execute("SELECT max(recorded_at) FROM events").fetchone()[0]
    finally:
        con.close()
    if newest is None:
        return START
    return datetime.fromisoformat(newest).replace(tzinfo=UTC) + timedelta(minutes=1)


def open_cases(ctx: AppContext) -> dict[int, tuple[CaseType, Stage]]:
    from sqlalchemy import select

    from app.models.entities import Case

    with ctx.sessions() as s:
        rows = s.execute(select(Case.id, Case.case_type, Case.stage)).all()
    return {r.id: (CaseType(r.case_type), Stage(r.stage)) for r in rows if not Stage(r.stage).is_final}


def payload_for(action: Action, rng: random.Random, now: datetime) -> dict[str, str]:
    if action in (Action.REJECT, Action.REFUSE_RECEIPT):
        return {"reason": "随机拒绝理由"}
    if action in (Action.BUYER_SHIP, Action.SHIP_REPLACEMENT):
        return {"tracking": f"SF{rng.randrange(10**11, 10**12)}"}
    if action is Action.PLATFORM_RULING:
        return {"ruling": rng.choice(["for_buyer", "for_merchant"])}
    if action is Action.EXTEND_DEADLINE:
        return {"due_at": (now + timedelta(days=2)).isoformat(), "reason": "协商延期", "party": "merchant"}
    if action is Action.NOTE:
        return {"text": "电话沟通"}
    return {}


def kill_before_notices() -> None:
    """From now on, this process dies when auto-actions were applied and are about to be announced."""
    evaluate = AlertService.evaluate

    def dying(self: AlertService, applied: Any = (), away: bool = False) -> Any:
        if applied:
            os.kill(os.getpid(), signal.SIGKILL)
        return evaluate(self, applied, away)

    AlertService.evaluate = dying  # type: ignore[method-assign]


def auto_actions_then_die(ctx: AppContext, clock: FixedClock, seed: int) -> None:
    """Cases whose clocks all run out, then the window's wake-up, killed before its notices."""
    kill_before_notices()
    for i in range(20):
        no = f"F{seed}-{i}"
        cid = ctx.cases.add_case(
            NewCase(
                platform=PLATFORMS[i % len(PLATFORMS)],
                case_type=CaseType.REFUND_ONLY,
                reason=Reason.QUALITY,
                order_no=f"FO{seed}-{i}",
                aftersale_no=no,
                amount=Decimal("19.90"),
                requested_at=clock.now(),
            )
        )
        out(f"N {cid} {no}")
    clock.advance(timedelta(days=60))
    ctx.alerts.wake()
    out("X the worker was to die before this line")


def work(data_dir: Path, seed: int, fault: str = "") -> None:
    rng = random.Random(seed)
    clock = FixedClock(start_instant(data_dir / "sentinel.db"))
    ctx = AppContext.open(data_dir, clock)
    cases = open_cases(ctx)
    out(f"P {os.getpid()}")
    if fault == "notice":
        auto_actions_then_die(ctx, clock, seed)
        return
    for i in range(MAX_OPS):
        clock.advance(timedelta(minutes=rng.randint(1, 240)))
        roll = rng.random()
        if roll < 0.2 or not cases:
            ctype = rng.choice(list(CaseType))
            no = f"S{seed}-{i}"
            cid = ctx.cases.add_case(
                NewCase(
                    platform=rng.choice(PLATFORMS),
                    case_type=ctype,
                    reason=Reason.MISSING_ITEM if ctype is CaseType.RESHIP else rng.choice(list(Reason)),
                    order_no=f"O{seed}-{i}",
                    aftersale_no=no,
                    amount=Decimal(rng.randint(100, 99999)) / 100,
                    requested_at=clock.now() - timedelta(minutes=rng.randint(0, 2880)),
                )
            )
            out(f"N {cid} {no}")
            cases[cid] = (ctype, Stage.AWAITING_MERCHANT)
        elif roll < 0.25:
            applied = ctx.cases.tick() if rng.random() < 0.5 else list(ctx.alerts.wake().applied)
            out("T " + " ".join(f"{a.case_id} {a.auto_action.value} {a.at.isoformat()}" for a in applied))
            cases = open_cases(ctx)
        else:
            cid = rng.choice(list(cases))
            ctype, stage = cases[cid]
            action = rng.choice(allowed_actions(ctype, stage))
            actor = Actor.BUYER if action in BUYER_ACTIONS else Actor.MERCHANT
            if action is Action.PLATFORM_RULING:
                actor = Actor.PLATFORM
            request = ActionRequest(action, actor=actor, payload=payload_for(action, rng, clock.now()))
            try:
                result = ctx.cases.act(cid, request)
            except ActionNotAllowed:
                # The platform acted first (an auto-action fired) or there was nothing to extend:
                # the transaction rolled back; learn the case's real stage and go on.
                cases = open_cases(ctx)
                continue
            out(f"A {cid} {result.event_id} {action.value}")
            if result.stage.is_final:
                cases.pop(cid, None)
            else:
                cases[cid] = (ctype, result.stage)


def warm_up() -> None:
    """Run every kind of operation once on a scratch folder, before forking: the workers inherit
    SQLAlchemy's warmed mapper and statement caches instead of each paying for them again."""
    import shutil
    import tempfile

    scratch = Path(tempfile.mkdtemp(prefix="crash-warm-"))
    try:
        clock = FixedClock(START)
        ctx = AppContext.open(scratch, clock)
        cid = ctx.cases.add_case(
            NewCase(Platform.JD, CaseType.RETURN_REFUND, Reason.QUALITY, "O", "W", Decimal("1.00"), START)
        )
        open_cases(ctx)
        ctx.cases.act(cid, ActionRequest(Action.APPROVE))
        clock.advance(timedelta(days=30))
        ctx.cases.tick()
        ctx.close()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def serve() -> None:
    warm_up()
    out("READY")
    for line in sys.stdin:
        cmd = line.split()
        if not cmd or cmd[0] == "QUIT":
            return
        if cmd[0] != "RUN":
            continue
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                work(Path(cmd[1]), int(cmd[2]), *cmd[3:4])
            except BaseException:
                traceback.print_exc()
                code = 1
            finally:
                sys.stderr.flush()
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        out(f"EXIT {pid} {status}")


if __name__ == "__main__":
    serve()
