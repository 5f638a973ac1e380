"""Rule sources a merchant can check, in Simplified Chinese: which rule page, what it says, 未核实
when unverified. Rule ids, version hashes and the presets' technical notes show only on a
"details" line meant for support (issue 15, item 2)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from PySide6.QtWidgets import QLabel

from app.bootstrap import AppContext
from app.models.enums import Confidence, Platform
from app.paths import resource
from app.services.clock import FixedClock
from app.services.reports.metrics import Rate
from app.services.rules.presets import RuleBook
from app.ui.reports.view import ReportsView
from app.ui.rules.view import COL_SOURCE, RulesView
from app.ui.shell.main_window import MainWindow
from tests.ui.helpers import add_cases, new_case

# Characters of the Traditional forms the old sources used (商戶, 處理, 系統, 貨, 內 …).
TRADITIONAL = set("戶處統貨內須應關閉運單務請後時對發補")
TECHNICAL = ("seed", "platform-rules.md", "no rule text", "default", "one source", "refund_only", "sources conflict")


def test_every_builtin_rule_has_a_chinese_source_a_merchant_can_check() -> None:
    book = RuleBook.load(resource("rules"))
    for platform in Platform:
        for rule in book.builtin[platform].rules:
            text = rule.source_zh
            assert text, rule.id
            assert not TRADITIONAL & set(text), (rule.id, TRADITIONAL & set(text))
            assert not any(t in text.lower() for t in TECHNICAL), (rule.id, text)
            assert not re.search(r"[A-Za-z]{3,}", text), (rule.id, text)  # no English words
            if rule.confidence is Confidence.C:
                assert "未核实" in text, rule.id
            else:  # names the page it comes from
                assert "规则" in text.split("：", 1)[0] or "文档" in text.split("：", 1)[0], rule.id


def _visible_texts(widget, skip: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [
        label.text()
        for label in widget.findChildren(QLabel)
        if label.objectName() != skip and label.isVisibleTo(widget) and label.text()
    ]


def test_the_detail_shows_the_source_and_keeps_ids_on_the_details_line(
    use_language: Callable[[str], None], window: MainWindow, ctx: AppContext, clock: FixedClock
) -> None:
    use_language("zh_CN")
    [case_id] = add_cases(window, ctx, new_case("R-1", clock.now() - timedelta(hours=2)))
    window.controller.open_case(case_id)
    panel = window.controller.detail
    assert panel.detail is not None
    version = panel.detail.rule_set_version
    rule_id = panel.detail.row.next_deadline.rule_id  # type: ignore[union-attr]
    assert "快手小店规则中心" in panel.rule.text() and "48小时" in panel.rule.text()
    for text in _visible_texts(panel, "ruleDetails"):
        assert version not in text and rule_id not in text, text
        assert "seed" not in text and "(" + version not in text
    details = panel.findChild(QLabel, "ruleDetails")
    assert details is not None and version in details.text() and rule_id in details.text()
    assert "详情" in details.text()


def test_the_rules_screen_shows_the_chinese_source_and_no_version_outside_details(
    use_language: Callable[[str], None], window: MainWindow
) -> None:
    use_language("zh_CN")
    window.show_screen("rules")
    rules = window.screen_widget("rules")
    assert isinstance(rules, RulesView)
    rules.platform.setCurrentIndex(rules.platform.findData("jd"))
    preset = rules.model.preset
    assert preset is not None
    source = rules.model.index(0, COL_SOURCE).data()
    assert source.startswith("未核实") and "京麦" in source
    for text in _visible_texts(rules, "rulesDetails"):
        assert preset.version not in text and preset.rules[0].id not in text, text
    assert preset.version in rules.details.text()
    rules.table.selectRow(0)
    assert preset.rules[0].id in rules.details.text() and "no rule text found" in rules.details.text()


def test_reports_name_shops_and_missing_rates_in_words(
    use_language: Callable[[str], None], window: MainWindow, ctx: AppContext, clock: FixedClock
) -> None:
    use_language("zh_CN")
    add_cases(window, ctx, new_case("R-2", clock.now() - timedelta(hours=2), platform=Platform.JD, shop="旗舰店"))
    window.show_screen("reports")
    reports = window.screen_widget("reports")
    assert isinstance(reports, ReportsView)
    names = [reports.shop_list.item(i).text() for i in range(reports.shop_list.count())]
    assert "旗舰店 · 京东" in names and not any("(jd)" in n for n in names)
    missing = Rate(Decimal(1), None, "orders"), Rate(Decimal(0), 0, "base")
    assert [r.text("zh") for r in missing] == ["无法计算：请先录入订单数", "无法计算：没有可比的基数"]


def test_clock_docs_use_the_chinese_sources() -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "platform-clocks.md").read_text(encoding="utf-8")
    assert "seed 001" not in doc and "platform-rules.md (one source)" not in doc
    assert "快手小店规则中心 · 售后规则" in doc
