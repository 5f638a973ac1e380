"""Downtime and clock jumps: the same auto-actions as running throughout, and one summary."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from app.bootstrap import AppContext
from app.cli import main as cli_main
from app.services.alerts.plan import SummaryReason
from app.services.cases.demo import seed_demo
from app.services.cases.service import AppliedAuto
from app.services.clock import FixedClock, iso_beijing

from .test_alerts import add_case, merchant_due, zh

JUMP = timedelta(days=3)


def history(applied: list[AppliedAuto]) -> list[tuple[int, str, str, str]]:
    return [(a.case_id, a.auto_action.value, a.at.isoformat(), a.to_stage.value) for a in applied]


def seeded(path: Path, clock: FixedClock) -> AppContext:
    ctx = AppContext.open(path, clock)
    seed_demo(ctx.cases, clock, count=20)
    return ctx


def test_a_three_day_jump_gives_the_same_auto_actions_and_one_summary(
    tmp_path: Path, clock: FixedClock
) -> None:
    start = clock.now()
    # Running throughout: wake at every planned instant.
    steady_clock = FixedClock(start)
    steady = seeded(tmp_path / "steady", steady_clock)
    steady_autos: list[AppliedAuto] = []
    while True:
        instant = steady.alerts.next_wakeup().instant
        if instant is None or instant > start + JUMP:
            break
        steady_clock.set(instant)
        steady_autos.extend(steady.alerts.wake().applied)
    steady.close()

    # Asleep for three days, then one wake-up.
    jumped = seeded(tmp_path / "jumped", clock)
    clock.set(start + JUMP)
    result = jumped.alerts.wake()
    assert history(list(result.applied)) == sorted(history(steady_autos), key=lambda h: (h[2], h[0]))
    assert len(result.applied) >= 5
    assert result.delivery.popups == ()
    summary = result.delivery.summary
    assert summary is not None and summary.reason is SummaryReason.HELD
    assert len([n for n in summary.notices if n.kind == "auto_action"]) == len(result.applied)
    assert not jumped.alerts.wake().delivery  # and it is not repeated
    jumped.close()


def test_catch_up_on_start_applies_in_due_order_and_summarises_once(
    tmp_path: Path, clock: FixedClock
) -> None:
    ctx = AppContext.open(tmp_path / "d", clock)
    ctx.alerts.catch_up()  # the app ran on this folder (and recorded it)
    a = add_case(ctx, "KS1")
    b = add_case(ctx, "KS2", requested_at=clock.now() - timedelta(hours=2))
    a_due = merchant_due(ctx, a)
    clock.advance(timedelta(hours=5))
    later = add_case(ctx, "KS3")  # due 5 h after the others: under 6 h left when we come back
    ctx.close()
    clock.set(a_due + timedelta(minutes=30))  # the app was closed meanwhile

    restarted = AppContext.open(tmp_path / "d", clock)
    result = restarted.alerts.catch_up()
    assert [x.case_id for x in result.applied] == [b, a]  # in due order
    assert [x.at for x in result.applied] == sorted(x.at for x in result.applied)
    summary = result.delivery.summary
    assert summary is not None and summary.reason is SummaryReason.AWAY
    assert zh(summary.headline) == "离开期间：2 笔自动退款，1 个期限不足 6小时"
    assert [n.case_id for n in summary.notices] == [b, a, later]
    assert result.delivery.popups == ()
    restarted.close()


def test_case_show_json_lists_the_alerts_sent(
    tmp_path: Path, clock: FixedClock, capsys: pytest.CaptureFixture[str]
) -> None:
    ctx = AppContext.open(tmp_path / "d", clock)
    cid = add_case(ctx)
    clock.set(merchant_due(ctx, cid) - timedelta(hours=1))
    ctx.alerts.wake()
    ctx.close()
    now = iso_beijing(clock.now())
    code = cli_main(["--data-dir", str(tmp_path / "d"), "--now", now, "case", "show", str(cid), "--json"])
    assert code == 0
    sent = json.loads(capsys.readouterr().out)["alerts_sent"]
    assert [(s["kind"], s["lead_seconds"], s["delivery"]) for s in sent] == [("alert", 3600, "message")]
    assert sent[0]["title"] == "快手小店 KS1001 · 还剩 1小时"
    assert sent[0]["sent_at"] == iso_beijing(clock.now())
    assert sent[0]["seen_at"] is None


def test_a_first_start_has_no_away_period_the_next_one_has(tmp_path: Path, clock: FixedClock) -> None:
    first = seeded(tmp_path / "demo", clock)  # a fresh --demo folder: cases, but no earlier run
    assert not (tmp_path / "demo" / "last_run").exists()
    result = first.alerts.catch_up()
    summary = result.delivery.summary
    assert summary is not None and summary.reason is SummaryReason.LATE  # not "while you were away"
    assert zh(summary.headline).startswith("新录入的售后单：")
    assert (tmp_path / "demo" / "last_run").exists()
    first.close()

    clock.advance(timedelta(hours=7))
    again = AppContext.open(tmp_path / "demo", clock)
    summary = again.alerts.catch_up().delivery.summary
    assert summary is not None and summary.reason is SummaryReason.AWAY
    again.close()


def test_an_unreadable_marker_counts_as_a_first_start(tmp_path: Path, clock: FixedClock) -> None:
    ctx = AppContext.open(tmp_path / "d", clock)
    (tmp_path / "d" / "last_run").write_text("yesterday-ish", encoding="utf-8")
    add_case(ctx, requested_at=clock.now() - timedelta(hours=47))  # 1 h left
    summary = ctx.alerts.catch_up().delivery
    assert summary.summary is None and len(summary.popups) == 1  # fresh news, popped
    ctx.close()
