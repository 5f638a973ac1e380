"""A case written by another program (the CLI) shows on the next tick, without F5."""

from __future__ import annotations

from datetime import timedelta

from app.bootstrap import AppContext
from app.models.enums import Action
from app.services.cases.service import ActionRequest
from app.services.clock import FixedClock
from app.services.listing.outside_writes import Reading, diff_readings
from app.ui.shell.main_window import MainWindow
from tests.ui.helpers import STAGE, cell, listed_ids, new_case


def test_the_window_notices_writes_from_another_connection(
    window: MainWindow, ctx: AppContext, clock: FixedClock, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    assert listed_ids(window) == []
    other = AppContext.open(ctx.data_dir, clock)  # as `python -m app case add …` does
    try:
        case_id = other.cases.add_case(new_case("CLI-1", clock.now() - timedelta(hours=1)))
        assert listed_ids(window) == []  # nothing polled yet
        window.wall_clock.step()
        assert listed_ids(window) == [case_id]

        window.controller.open_case(case_id)
        other.cases.act(case_id, ActionRequest(Action.APPROVE))
        window.wall_clock.step()
        assert cell(window, case_id, STAGE) == "Awaiting buyer's return"
        assert window.controller.detail.case_id == case_id
        assert "buyer_ship" in window.controller.detail.action_buttons  # the detail redrawn too

        other.edits.delete([case_id])
        window.wall_clock.step()
        assert listed_ids(window) == []
    finally:
        other.close()


def test_a_quiet_tick_reads_nothing(window: MainWindow, ctx: AppContext) -> None:
    calls: list[int] = []
    watch = ctx.outside_writes
    original = watch.reading
    watch.reading = lambda: calls.append(1) or original()  # type: ignore[method-assign]
    for _ in range(3):
        window.wall_clock.step()
    assert calls == []


def test_diff_of_readings() -> None:
    d = diff_readings(Reading(frozenset({1, 2, 3}), 10), Reading(frozenset({1, 2, 4}), 14), frozenset({2, 3}))
    assert d.changed == {2, 4} and d.deleted == {3}


def test_an_outside_add_does_not_read_every_case_id(window: MainWindow, ctx: AppContext, clock: FixedClock) -> None:
    """The ids of every case are read again only after a delete: an add or an action costs two
    indexed queries and a count, whatever the number of cases (issue: scale)."""
    watch = ctx.outside_writes
    window.wall_clock.step()  # the first reading is taken
    calls: list[int] = []
    original = watch.reading
    watch.reading = lambda: calls.append(1) or original()  # type: ignore[method-assign]
    other = AppContext.open(ctx.data_dir, clock)
    try:
        case_id = other.cases.add_case(new_case("CLI-2", clock.now() - timedelta(hours=1)))
        window.wall_clock.step()
        assert listed_ids(window) == [case_id]
        assert calls == []
        other.edits.delete([case_id])
        window.wall_clock.step()
        assert listed_ids(window) == [] and calls == [1]
    finally:
        other.close()
