"""The layer contract of DESIGN.md holds on this tree, and the checker would catch a breach."""

from __future__ import annotations

import importlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import house_rules  # noqa: E402


def test_the_tree_keeps_the_house_rules() -> None:
    assert house_rules.check(ROOT) == []


@pytest.mark.parametrize(
    ("file", "line", "expected"),
    [
        ("app/services/rules/actions.py", "from PySide6.QtCore import QObject", "services never imports PySide6"),
        ("app/models/enums.py", "from app.services import clock", "models never imports app.services"),
        ("app/cli/due.py", "import app.ui.shell.app_shell", "the CLI imports the UI only to open the window"),
        ("app/bootstrap.py", "from app.ui.common import tasks", "the composition root serves"),
        (
            "app/ui/cases/controller.py",
            "from app.ui.shell.main_window import MainWindow",
            "circle between packages app.ui.cases, app.ui.shell",
        ),
    ],
)
def test_a_breach_is_reported(tmp_path: Path, file: str, line: str, expected: str) -> None:
    shutil.copytree(ROOT / "app", tmp_path / "app")
    with (tmp_path / file).open("a", encoding="utf-8") as f:
        f.write(f"\n{line}\n")
    problems = house_rules.check(tmp_path)
    assert any(expected in p for p in problems), problems


def test_every_module_imports() -> None:
    """mypy ignores missing imports (third-party stubs): a stale `app.…` path would pass it."""
    for name in house_rules.modules(ROOT):
        importlib.import_module(name)


def test_a_command_never_loads_qt(tmp_path: Path) -> None:
    """`python -m app --data-dir D due` (and the other read commands) import no PySide6."""
    data = tmp_path / "data"
    probe = (
        "import json, sys\n"
        "from app.cli import main\n"
        "codes = [main(['--data-dir', sys.argv[1], *c.split()]) for c in ('due', 'case list', 'tick', 'check')]\n"
        "print(json.dumps([codes, sorted({m.split('.')[0] for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'openpyxl'))})]))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    out = subprocess.run(
        [sys.executable, "-c", probe, str(data)], capture_output=True, text=True, check=True, cwd=ROOT, env=env
    )
    codes, loaded = json.loads(out.stdout.strip().splitlines()[-1])
    assert codes == [0, 0, 0, 0]
    assert loaded == []


def test_due_answers_from_the_file_alone(tmp_path: Path) -> None:
    """`due` on a current database reads it with sqlite3: no SQLAlchemy, no Alembic (its cold
    start is what bench/cli.py measures)."""
    data = tmp_path / "data"
    probe = (
        "import json, sys\n"
        "from app.cli import main\n"
        "main(['--data-dir', sys.argv[1], 'check'])\n"  # creates the database (a separate process below)
    )
    subprocess.run([sys.executable, "-c", probe, str(data)], check=True, cwd=ROOT, capture_output=True)
    probe = (
        "import json, sys\n"
        "from app.cli import main\n"
        "code = main(['--data-dir', sys.argv[1], 'due', '--json'])\n"
        "print(json.dumps([code, sorted({m.split('.')[0] for m in sys.modules if m.startswith(('sqlalchemy', 'alembic', 'PySide6'))})]))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe, str(data)], capture_output=True, text=True, check=True, cwd=ROOT)
    code, loaded = json.loads(out.stdout.strip().splitlines()[-1])
    assert code == 0
    assert loaded == []
