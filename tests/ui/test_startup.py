"""Start-up paints the first screen of rows from sqlite3 before the services open; layout is remembered."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QSettings

from app.bootstrap import AppContext, Options
from app.services.clock import BEIJING, FixedClock
from app.ui.common.tasks import TaskRunner
from app.ui.shell.main import FIRST_SCREEN_ROWS, Startup
from app.ui.shell.main_window import MainWindow
from tests.services.db_damage import corrupt_middle
from tests.ui.fakes import FakePrompter
from tests.ui.helpers import new_case
from tests.ui.test_startup_checks import digest, make_data


def test_first_rows_before_the_services_then_everything(qtbot, tmp_path: Path, clock: FixedClock) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "data"
    ctx = AppContext.open(data, clock)
    now = clock.now()
    for i in range(FIRST_SCREEN_ROWS + 5):
        ctx.cases.add_case(new_case(f"S-{i:03d}", now - timedelta(minutes=i)))
    ctx.close()

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("ui/language", "en")
    start = Startup(Options(data, now, False), settings, TaskRunner(inline=True))
    qtbot.addWidget(start.window)
    cases = start.window.cases
    assert cases.model.rowCount() == FIRST_SCREEN_ROWS and not cases.model.complete
    assert start.window.controller is None  # no SQLAlchemy services yet
    first = cases.proxy.case_id_at(0)

    start.open_services()
    assert cases.model.complete and cases.model.rowCount() == FIRST_SCREEN_ROWS + 5
    assert cases.proxy.case_id_at(0) == first  # the first screen was the head of the default order
    assert start.window.new_case_action.isEnabled()
    start.window.close()
    start.shutdown()


def start_on(data: Path, tmp_path: Path, clock: FixedClock, prompter: FakePrompter) -> Startup:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("ui/language", "en")  # else a C locale installs zh_CN for every later test
    return Startup(Options(data, clock.now(), False), settings, TaskRunner(inline=True), prompter)


def test_a_damaged_database_is_reported_with_the_backup_offered_then_opened(
    qtbot, tmp_path: Path, clock: FixedClock
) -> None:  # type: ignore[no-untyped-def]
    data = make_data(tmp_path, clock)
    corrupt_middle(data / "sentinel.db")
    prompter = FakePrompter(answers=[True])  # "Restore the backup of …?"
    start = start_on(data, tmp_path, clock, prompter)  # the first screen is skipped, not a crash
    qtbot.addWidget(start.window)
    start.open_services()
    assert "damaged" in prompter.texts("confirm")[0]
    assert start.window.controller is not None  # opened on the restored file
    assert start.window.cases.model.rowCount() == 10
    start.window.close()
    start.shutdown()


def test_declining_the_restore_leaves_the_damaged_file_and_opens_nothing(
    qtbot, tmp_path: Path, clock: FixedClock
) -> None:  # type: ignore[no-untyped-def]
    data = make_data(tmp_path, clock)
    corrupt_middle(data / "sentinel.db")
    before = digest(data / "sentinel.db")
    prompter = FakePrompter(answers=[False])
    start = start_on(data, tmp_path, clock, prompter)
    qtbot.addWidget(start.window)
    start.open_services()
    assert prompter.kinds() == ["confirm", "inform"] and "Nothing was changed" in prompter.texts("inform")[0]
    assert start.window.controller is None and start.ctx is None
    assert digest(data / "sentinel.db") == before  # never a new empty database over it
    start.window.close()
    start.shutdown()


def test_window_geometry_and_columns_are_remembered(
    qtbot, ctx: AppContext, tmp_path: Path, clock: FixedClock
) -> None:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "layout.ini"), QSettings.Format.IniFormat)
    first = MainWindow(clock, settings, TaskRunner(inline=True), ctx.data_dir, tz=BEIJING)
    qtbot.addWidget(first)
    first.resize(711, 466)  # within the offscreen screen (800×600)
    first.cases.table.horizontalHeader().resizeSection(5, 321)
    first.close()

    again = MainWindow(clock, settings, TaskRunner(inline=True), ctx.data_dir, tz=BEIJING)
    qtbot.addWidget(again)
    again.attach(ctx)
    assert again.size().width() == 711 and again.size().height() == 466
    assert again.cases.table.horizontalHeader().sectionSize(5) == 321
    assert [again.nav.item(i).data(0x100) for i in range(again.nav.count())] == [
        "cases",
        "dashboard",
        "reports",
        "rules",
    ]
