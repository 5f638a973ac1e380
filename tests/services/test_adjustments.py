"""Platform holiday adjustments: dated, entered with their source, applied to every open case of
the platform, shown on the clock they moved; the deadline table stays its timeline's replay."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.bootstrap import AppContext
from app.cli import main
from app.models.enums import Party, Platform, Stage
from app.services.clock import BEIJING, FixedClock
from app.services.errors import InvalidInput
from app.services.rules import adjustments
from app.services.rules.adjustments import Adjustment, checked

SPRING = dict(platform=Platform.KUAISHOU, first=date(2027, 1, 25), last=date(2027, 2, 20), source="快手春节公告")


def bj(*args: int) -> datetime:
    return datetime(*args, tzinfo=BEIJING)


def test_extend_lengthens_a_clock_that_runs_inside_the_window() -> None:
    adj = Adjustment(**SPRING, extend_days=7, party=Party.BUYER)
    assert adj.apply(bj(2027, 1, 20), bj(2027, 1, 30)) == bj(2027, 2, 6)
    assert adj.apply(bj(2027, 1, 10), bj(2027, 1, 20)) == bj(2027, 1, 20)  # ends before the window
    assert adj.apply(bj(2027, 2, 21), bj(2027, 3, 3)) == bj(2027, 3, 3)  # starts after it


def test_pause_keeps_what_was_left() -> None:
    adj = Adjustment(**SPRING, pause=True)
    # 5 days left when the window opened (Jan 25 00:00): 5 days after it closes (Feb 21 00:00).
    assert adj.apply(bj(2027, 1, 20), bj(2027, 1, 30)) == bj(2027, 2, 26)
    # Begun inside the window: the whole clock counts from its end.
    assert adj.apply(bj(2027, 2, 1, 10), bj(2027, 2, 11, 10)) == bj(2027, 3, 3)


@given(
    start=st.datetimes(datetime(2027, 1, 1), datetime(2027, 3, 31)).map(lambda d: d.replace(tzinfo=UTC)),
    hours=st.integers(1, 24 * 30),
    pause=st.booleans(),
)
def test_an_adjustment_never_shortens_a_clock(start: datetime, hours: int, pause: bool) -> None:
    adj = Adjustment(**SPRING, pause=pause, extend_days=0 if pause else 3)
    due = start + timedelta(hours=hours)
    assert adj.apply(start, due) >= due


@pytest.mark.parametrize(
    ("changes", "says"),
    [
        (dict(last=date(2027, 1, 1)), "ends before it starts"),
        (dict(extend_days=0), "extend the clocks"),
        (dict(extend_days=90), "1 to 60 days"),
        (dict(source=" "), "where the platform announced"),
        (dict(last=date(2027, 9, 1)), "120 days at most"),
    ],
)
def test_a_bad_adjustment_is_refused_with_its_reason(changes: dict[str, object], says: str) -> None:
    fields = {**SPRING, "extend_days": 7, **changes}
    with pytest.raises(InvalidInput, match=says):
        checked(Adjustment(**fields))  # type: ignore[arg-type]


def test_the_file_round_trips(tmp_path: Path) -> None:
    entries = [
        Adjustment(**SPRING, extend_days=7, party=Party.BUYER, stage=Stage.AWAITING_BUYER_RETURN),
        Adjustment(**{**SPRING, "source": 'a "quoted"\nnotice'}, pause=True, party=Party.MERCHANT),
    ]
    adjustments.save(tmp_path, entries)
    back, problem = adjustments.load(tmp_path)
    assert problem is None
    assert back[0] == entries[0]
    assert back[1].source == 'a "quoted" notice'


def test_a_platform_adjustment_moves_open_clocks_and_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    now = "2027-01-20T10:00"

    def cli(*args: str) -> str:
        capsys.readouterr()
        assert main(["--data-dir", str(data), "--now", now, *args]) == 0
        return capsys.readouterr().out

    cli("case", "add", "--platform", "kuaishou", "--type", "return_refund", "--reason", "quality",
        "--order-no", "O1", "--aftersale-no", "KS1", "--amount", "99", "--requested-at", now)  # fmt: skip
    cli("case", "act", "KS1", "approve")

    def buyer_clock() -> dict[str, object]:
        shown = json.loads(cli("case", "show", "KS1", "--json"))
        return next(d for d in shown["deadlines"] if d["party"] == "buyer")

    before = buyer_clock()
    assert before["due_at"] == "2027-01-30T10:00:00+08:00" and before["adjustment"] is None
    ctx = AppContext.open(data, FixedClock(datetime(2027, 1, 20, 2, tzinfo=UTC)))
    try:
        ctx.rules.set_adjustments(Platform.KUAISHOU, [Adjustment(**SPRING, extend_days=7, party=Party.BUYER)])
        assert ctx.cases.recount_platform(Platform.KUAISHOU) == [1]
        assert ctx.cases.recompute_check() == []  # the table is still the timeline's replay
    finally:
        ctx.close()
    after = buyer_clock()
    assert after["due_at"] == "2027-02-06T10:00:00+08:00"
    assert "platform adjustment 2027-01-25–2027-02-20" in str(after["adjustment"])
    assert "快手春节公告" in str(after["adjustment"])
    assert cli("check").startswith("ok")
