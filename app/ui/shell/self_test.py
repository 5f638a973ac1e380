"""`--self-test`: prove that an installation (a source checkout or a frozen bundle) has everything.

Opens a database in a temp folder (running every migration), loads every rule and
import preset, every translation and icon, renders the main window offscreen with a
few demo cases, and writes a tiny Excel report. Prints one line per step and exits 0;
on the first failure prints the step's name and the error and exits 1. It never
touches the user's data folder or settings.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from app import __version__

DEMO_CASES = 8


class SelfTestFailure(Exception):
    """A check that ran but found something wrong (the message says what)."""


@dataclass
class _Run:
    """What the steps share: the temp folder, and what earlier steps opened."""

    tmp: Path
    ctx: Any = None
    app: Any = None
    keep: list[Any] = field(default_factory=list)  # Qt objects that must outlive their step
    translators: list[Any] = field(default_factory=list)  # installed; removed at the end


def _needs_offscreen() -> bool:
    """No display to draw on: a Linux/BSD machine without X11 or Wayland (CI, ssh)."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return False
    if sys.platform in ("win32", "darwin"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _check_resources(run: _Run) -> str:
    from app.paths import migrations_dir, resource_dir

    wanted = {
        "rules": "*.toml",
        "import": "*.toml",
        "translations": "*.qm",
        "icons": "*.svg",
        "templates": "*.json",  # the starter reply templates (话术库)
    }
    counts = []
    for folder, pattern in wanted.items():
        found = sorted((resource_dir() / folder).glob(pattern))
        if not found:
            raise SelfTestFailure(f"no {pattern} in {resource_dir() / folder}")
        counts.append(f"{len(found)} {folder}")
    versions = list((migrations_dir() / "versions").glob("*.py"))
    for needed in ("env.py", "script.py.mako"):
        if not (migrations_dir() / needed).is_file():
            raise SelfTestFailure(f"missing {migrations_dir() / needed}")
    if not versions:
        raise SelfTestFailure(f"no migrations in {migrations_dir() / 'versions'}")
    return f"{', '.join(counts)}, {len(versions)} migrations under {resource_dir().parent}"


def _import_modules(run: _Run) -> str:
    """Every module of the app imports: a lazily imported one left out of a bundle fails here."""
    import importlib
    import pkgutil

    import app

    names = [
        m.name
        for m in pkgutil.walk_packages(app.__path__, "app.")
        if not m.name.startswith("app.models.migrations") and m.name != "app.__main__"
    ]
    if len(names) < 20:
        raise SelfTestFailure(f"only {len(names)} app modules found: {names}")
    for name in names:
        importlib.import_module(name)
    # Libraries the app imports inside functions only, where a bundle's analysis may not look.
    for name in ("python_calamine",):
        importlib.import_module(name)
    return f"{len(names)} modules"


def _open_database(run: _Run) -> str:
    from app.bootstrap import AppContext
    from app.models.schema_version import DB_FILE_NAME, head_revision, stored_revision
    from app.services.clock import SystemClock

    run.ctx = AppContext.open(run.tmp / "data", SystemClock())
    stored = stored_revision(run.tmp / "data" / DB_FILE_NAME)
    if stored != head_revision():
        raise SelfTestFailure(f"schema at {stored}, expected {head_revision()}")
    return f"schema {stored} in {run.tmp / 'data'}"


def _load_rule_presets(run: _Run) -> str:
    from app.models.enums import Platform

    book = run.ctx.rules
    if book.errors:
        raise SelfTestFailure(str(book.errors[0]))
    rules = sum(len(book.active(p).rules) for p in Platform)
    return f"{len(Platform)} presets, {rules} rules"


def _load_import_presets(run: _Run) -> str:
    from app.paths import resource
    from app.services.importing.mapping import MappingBook

    presets = MappingBook(resource("import"), None).all()
    words = sum(len(p.header_words()) for p in presets)
    return f"{len(presets)} presets, {words} header words"


def _start_qt(run: _Run) -> str:
    if _needs_offscreen():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from app.ui.shell.main import make_application

    run.app = make_application()
    return f"Qt {_qt_version()} on {run.app.platformName()}"


def _qt_version() -> str:
    from PySide6 import __version__ as pyside_version

    return pyside_version


def _load_translations(run: _Run) -> str:
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

    from app.paths import resource

    loaded = []
    for qm in sorted(resource("translations").glob("*.qm")):
        translator = QTranslator()
        if not translator.load(str(qm)):
            raise SelfTestFailure(f"cannot load {qm.name}")
        loaded.append(qm.stem)
        if qm.stem.endswith("zh_CN"):
            QCoreApplication.installTranslator(translator)
            run.translators.append(translator)
            text = QCoreApplication.translate("MainWindow", "Cases")
            if text == "Cases":
                raise SelfTestFailure(f"{qm.name} does not translate MainWindow/Cases")
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not QTranslator().load("qtbase_zh_CN", qt_dir):
        raise SelfTestFailure(f"Qt's own qtbase_zh_CN.qm is not in {qt_dir} (standard buttons stay English)")
    return ", ".join([*loaded, "qtbase_zh_CN"])


def _load_icons(run: _Run) -> str:
    from PySide6.QtGui import QIcon

    from app.paths import resource

    names = []
    for svg in sorted(resource("icons").glob("*.svg")):
        if QIcon(str(svg)).pixmap(32, 32).isNull():
            raise SelfTestFailure(f"{svg.name} does not render (is the SVG plugin bundled?)")
        names.append(svg.stem)
    return ", ".join(names)


def _render_main_window(run: _Run) -> str:
    from PySide6.QtCore import QSettings

    from app.services.cases.demo import seed_demo
    from app.services.clock import BEIJING
    from app.ui.common.tasks import TaskRunner
    from app.ui.shell.main_window import MainWindow

    seed_demo(run.ctx.cases, run.ctx.clock, count=DEMO_CASES)
    settings = QSettings(str(run.tmp / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(run.ctx.clock, settings, TaskRunner(inline=True), run.ctx.data_dir, BEIJING)
    run.keep += [settings, window]
    window.attach(run.ctx)
    window.resize(1200, 760)
    window.show()
    run.app.processEvents()
    image = window.grab().toImage()
    if image.isNull() or image.width() < 100:
        raise SelfTestFailure("the window did not paint")
    rows = window.cases.model.rowCount()
    if rows != DEMO_CASES:
        raise SelfTestFailure(f"the cases view shows {rows} rows, expected {DEMO_CASES}")
    image.save(str(run.tmp / "window.png"))
    window.close()
    return f"{image.width()}×{image.height()} px, {rows} cases, screens: {window.nav.count()}"


def _write_report(run: _Run) -> str:
    """The real report writer on the self-test's cases: every sheet, the version in 口径说明."""
    from openpyxl import load_workbook

    from app.services.reports.labels import SHEETS
    from app.services.reports.metrics import period_preset
    from app.services.reports.workbook import ReportRequest

    ctx = run.ctx
    path = run.tmp / "report.xlsx"
    service = ctx.reports
    result = service.export(ReportRequest(period_preset("this_month", ctx.clock.now())), path)
    back = load_workbook(path, read_only=True)
    try:
        names = back.sheetnames
        definitions = [str(v) for row in back["口径说明"].iter_rows(values_only=True) for v in row if v]
    finally:
        back.close()
    if len(names) != len(SHEETS) or not any(__version__ in v for v in definitions):
        raise SelfTestFailure(f"report sheets {names}: expected {len(SHEETS)} with the version in 口径说明")
    return f"{path.name}: {len(names)} sheets, {result.case_rows} cases, {path.stat().st_size} bytes"


def _forget_qt(run: _Run) -> None:
    if run.translators:
        from PySide6.QtCore import QCoreApplication

        for translator in run.translators:
            QCoreApplication.removeTranslator(translator)
    run.translators.clear()
    run.keep.clear()


STEPS: tuple[tuple[str, Callable[[_Run], str]], ...] = (
    ("resources", _check_resources),
    ("app modules", _import_modules),
    ("database", _open_database),
    ("rule presets", _load_rule_presets),
    ("import presets", _load_import_presets),
    ("qt", _start_qt),
    ("translations", _load_translations),
    ("icons", _load_icons),
    ("main window", _render_main_window),
    ("report", _write_report),
)


def run_self_test(out: TextIO | None = None) -> int:
    """Run every step; 0 when all pass, 1 at the first failure (named on the last line)."""
    out = out or sys.stdout
    frozen = "bundle" if getattr(sys, "frozen", False) else "source"
    print(
        f"Aftersales Sentinel {__version__} self-test ({frozen}, Python {sys.version.split()[0]})", file=out
    )
    started = time.perf_counter()
    tmp = Path(tempfile.mkdtemp(prefix="sentinel-selftest-"))
    run = _Run(tmp)
    try:
        for name, step in STEPS:
            t0 = time.perf_counter()
            try:
                detail = step(run)
            except Exception as e:
                print(f"FAIL {name}: {type(e).__name__}: {e}", file=out)
                traceback.print_exc(file=sys.stderr)
                return 1
            print(f"ok   {name:<15} {time.perf_counter() - t0:6.2f}s  {detail}", file=out)
        print(f"self-test passed in {time.perf_counter() - started:.2f}s", file=out)
        return 0
    finally:
        if run.ctx is not None:
            run.ctx.close()
        _forget_qt(run)
        shutil.rmtree(tmp, ignore_errors=True)
