"""Durations are typed as they are shown (72小时, 3天, 2个工作日, 90分钟), in the rules editor and the
alert lead times; a bad one is refused in the UI's language."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QSettings, Qt

from app.bootstrap import AppContext
from app.services.rules.durations import DurationError, duration_from_text, parse_duration, parse_span_text
from app.services.rules.presets import Duration
from app.ui.rules.view import COL_DURATION, RulesTableModel, RulesView
from app.ui.settings.dialog import SettingsDialog
from app.ui.shell.main_window import MainWindow


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("72小时", (72, "h")),
        ("3天", (3, "d")),
        ("2个工作日", (2, "wd")),
        ("90分钟", (90, "m")),
        ("48 h", (48, "h")),
        ("10 days", (10, "d")),
        ("2 working days", (2, "wd")),
        ("2wd", (2, "wd")),
    ],
)
def test_a_rule_duration_as_written(text: str, expected: tuple[int, str]) -> None:
    assert parse_duration(text) == expected
    assert duration_from_text(text) == Duration(*expected)


def test_spans_and_refusals() -> None:
    assert parse_span_text("1天12小时") == timedelta(hours=36)
    assert parse_span_text("15分钟") == timedelta(minutes=15)
    with pytest.raises(DurationError) as bad:
        parse_span_text("abc")
    assert bad.value.message.render("zh_CN") == "「abc」不是时长：请写成 24小时、3天、90分钟 或 1天12小时"


def test_the_rules_editor_takes_what_it_shows(
    use_language: Callable[[str], None], window: MainWindow, ctx: AppContext
) -> None:
    use_language("zh_CN")
    window.show_screen("rules")
    rules = window.screen_widget("rules")
    assert isinstance(rules, RulesView)
    rules.platform.setCurrentIndex(rules.platform.findData("kuaishou"))
    model: RulesTableModel = rules.model
    assert model.preset is not None
    row = next(
        i for i, r in enumerate(model.preset.rules) if r.id == "kuaishou.return_refund.awaiting_merchant"
    )
    index = model.index(row, COL_DURATION)
    assert index.data() == "48小时"
    assert index.data(Qt.ItemDataRole.EditRole) == "48小时"  # the editor opens on the words shown
    assert model.setData(index, "72小时")
    assert model.index(row, COL_DURATION).data() == "72小时"
    assert not model.setData(index, "三天")
    assert "不是时长" in rules.message.text()


def test_lead_times_are_shown_and_typed_in_words(
    use_language: Callable[[str], None], qtbot: QtBot, settings: QSettings
) -> None:
    use_language("zh_CN")
    dialog = SettingsDialog(settings, "zh_CN")
    qtbot.addWidget(dialog)
    leads = dialog.editors["alerts/merchant_leads"].line  # type: ignore[attr-defined]
    assert leads.text() == "24小时、6小时、1小时、15分钟"
    leads.setText("abc")
    assert "「abc」不是时长" in dialog.error.text() and "not a time span" not in dialog.error.text()
    leads.setText("2天、90分钟")
    assert dialog.error.text() == ""
    assert dialog.values()["alerts/merchant_leads"] == (timedelta(days=2), timedelta(minutes=90))
