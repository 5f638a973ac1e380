"""The operation primitive's failure policy: a bug is always logged with its traceback; a refusal
is shown, not logged as an error; work with no `failed` lands in the window's error dialog."""

from __future__ import annotations

import logging

import pytest
from pytestqt.qtbot import QtBot

from app.services.errors import InvalidInput
from app.ui.common.changes import ChangeHub, ChangeSet
from app.ui.common.failures import describe
from app.ui.common.tasks import TaskRunner
from app.ui.shell.main_window import MainWindow


def boom(_report: object) -> None:
    raise KeyError("bug in a service")


def refuse(_report: object) -> None:
    raise InvalidInput("the amount is more than the buyer asked for")


def test_a_bug_is_logged_with_its_traceback_even_when_the_caller_handles_it(
    caplog: pytest.LogCaptureFixture,
) -> None:
    seen: list[str] = []
    with caplog.at_level(logging.ERROR, logger="app.ui.common.tasks"):
        TaskRunner(inline=True).run(boom, failed=lambda e, tb: seen.append(tb))
    assert seen and "KeyError" in seen[0]
    assert any("Traceback" in r.getMessage() and "bug in a service" in r.getMessage() for r in caplog.records)


def test_a_refusal_is_shown_but_not_logged_as_a_bug(caplog: pytest.LogCaptureFixture) -> None:
    seen: list[Exception] = []
    with caplog.at_level(logging.ERROR, logger="app.ui.common.tasks"):
        TaskRunner(inline=True).run(refuse, failed=lambda e, tb: seen.append(e))
    assert isinstance(seen[0], InvalidInput)
    assert not caplog.records
    failure = describe(seen[0])
    assert failure.expected and "more than the buyer asked" in failure.message


def test_work_without_a_failed_handler_reaches_the_error_dialog(window: MainWindow) -> None:
    window.tasks.run(boom)
    assert "Unexpected error" in (window.last_error or "") or "意外" in (window.last_error or "")
    window.io.run(refuse)
    assert "more than the buyer asked" in (window.last_error or "")


def test_a_write_publishes_what_it_changed(qtbot: QtBot) -> None:
    hub = ChangeHub()
    published: list[ChangeSet] = []
    hub.changed.connect(published.append)
    done: list[object] = []
    TaskRunner(inline=True).write(lambda _r: [7, 9], hub, ChangeSet.cases, done=done.append)
    assert published == [ChangeSet.cases([7, 9])]
    assert done == [[7, 9]]


def test_a_failed_write_publishes_nothing() -> None:
    hub = ChangeHub()
    published: list[ChangeSet] = []
    hub.changed.connect(published.append)
    TaskRunner(inline=True).write(refuse, hub, ChangeSet.cases, failed=lambda e, tb: None)
    assert published == []


def test_the_scheduler_runs_its_jobs_on_the_database_lane(ctx, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    import threading

    from app.ui.alerts.center import AlertCenter

    runner = TaskRunner()  # a real worker thread
    center = AlertCenter(ctx.alerts, ctx.clock, None, runner=runner)
    threads: list[str] = []
    runner.run(lambda _r: threads.append(threading.current_thread().name))
    center.scheduler.start()
    try:
        center.scheduler._scheduler.add_job(lambda: threads.append(threading.current_thread().name))
        qtbot.waitUntil(lambda: len(threads) == 2, timeout=5000)
    finally:
        center.scheduler.shutdown()
    assert threads[0] == threads[1]
    # Shutting the scheduler down leaves the lane to the window's last writes.
    done: list[int] = []
    runner.run(lambda _r: 1, done=done.append)
    qtbot.waitUntil(lambda: done == [1], timeout=5000)
    assert runner.wait(5000)
