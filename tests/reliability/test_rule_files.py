"""Issue 17, item 4: a malformed rule file never breaks a command or the window.

The merchant's copy (`<data dir>/rules/<platform>.toml`) may hold anything: a string where a
table belongs, a number where a list belongs, a clock of 99999999 days. Each is reported with
its file and line, the built-in preset stays in force, every command warns once on stderr, the
Rules screen says so; nothing raises AttributeError, TypeError or OverflowError.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app import paths
from app.cli import main
from app.models.enums import Platform
from app.services.rules.presets import Duration, RuleBook

BUILTIN = paths.resource("rules")
KUAISHOU = (BUILTIN / "kuaishou.toml").read_text(encoding="utf-8")
NOW = "2026-11-02T10:00:00+08:00"

MALFORMED = {
    "preset is a string": 'preset = "kuaishou"\n' + KUAISHOU.split("[[rule]]", 1)[1].join(["[[rule]]", ""]),
    "reasons is a number": KUAISHOU.replace('confidence = "A"', 'confidence = "A"\nreasons = 5', 1),
    "huge duration": KUAISHOU.replace('duration = "48h"', 'duration = "99999999d"', 1),
    "huge working days": KUAISHOU.replace('duration = "48h"', 'duration = "99999999wd"', 1),
    "rule is a number": '[preset]\nplatform = "kuaishou"\nlabel = "x"\nrule = 5\n',
    "rule holds a number": '[preset]\nplatform = "kuaishou"\nlabel = "x"\nrule = [5]\n',
    "types is a string": KUAISHOU.replace('types = ["return_refund"]', 'types = "return_refund"', 1),
    "types holds a table": KUAISHOU.replace('types = ["return_refund"]', "types = [{a = 1}]", 1),
    "stage is a table": KUAISHOU.replace('stage = "awaiting_merchant"', "stage = {a = 1}", 1),
    "not UTF-8": None,
}


def write_copy(data_dir: Path, name: str) -> Path:
    path = data_dir / "rules" / "kuaishou.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    text = MALFORMED[name]
    if text is None:
        path.write_bytes(KUAISHOU.encode("gb18030"))
    else:
        path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", list(MALFORMED))
def test_the_built_in_preset_stays_and_the_error_names_file_and_line(tmp_path: Path, name: str) -> None:
    path = write_copy(tmp_path, name)
    book = RuleBook.load(BUILTIN, tmp_path / "rules")
    assert book.active(Platform.KUAISHOU) is book.builtin[Platform.KUAISHOU]
    assert len(book.errors) == 1
    error = str(book.errors[0])
    assert str(path) in error
    if name != "not UTF-8":
        assert re.search(rf"{re.escape(str(path))}:\d+", error), error


def test_a_duration_longer_than_the_calendar_is_refused() -> None:
    for text in ("99999999d", "99999999wd", "999999999h", "9999999999m"):
        with pytest.raises(ValueError):
            Duration.parse(text)
    assert str(Duration.parse("10d")) == "10d"


ADD = [
    "case", "add", "--platform", "kuaishou", "--type", "return_refund", "--reason", "quality",
    "--order-no", "O1", "--aftersale-no", "A1", "--amount", "12.00", "--requested-at", "2026-11-02T09:00",
]  # fmt: skip


@pytest.mark.parametrize("name", ["preset is a string", "reasons is a number", "huge duration"])
@pytest.mark.parametrize("command", [ADD, ["case", "list"], ["due"], ["tick"]], ids=lambda c: " ".join(c[:2]))
def test_every_command_warns_once_and_works(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, command: list[str]
) -> None:
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "--now", NOW, "case", "list"]) == 0  # a database first
    capsys.readouterr()
    path = write_copy(data, name)
    code = main(["--data-dir", str(data), "--now", NOW, *command])
    _out, err = capsys.readouterr()
    assert code == 0, err
    warnings = [line for line in err.splitlines() if line.strip()]
    assert len(warnings) == 1, err
    assert warnings[0].startswith("warning: ") and str(path) in warnings[0]
    assert re.search(rf"{re.escape(str(path))}:\d+", warnings[0]), warnings[0]
    assert "Traceback" not in err
    if command is ADD:
        code = main(["--data-dir", str(data), "--now", NOW, "due", "--json"])
        assert '"due_at": "2026-11-04T09:00:00+08:00"' in capsys.readouterr().out  # the built-in 48 h


def test_the_rules_screen_shows_the_warning(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.ui.common.changes import ChangeHub
    from app.ui.common.tasks import TaskRunner
    from app.ui.rules.view import RulesView

    path = write_copy(tmp_path, "preset is a string")
    book = RuleBook.load(BUILTIN, tmp_path / "rules")
    view = RulesView(book, TaskRunner(inline=True), ChangeHub())
    qtbot.addWidget(view)
    view.platform.setCurrentIndex(view.platform.findData("kuaishou"))
    view.show_platform()
    assert str(path) in view.message.text()
