"""The CLI takes what a merchant types: Chinese names for platforms, types, reasons and stages,
and the time formats the back ends print (2026/12/08 11:00, 2026年12月8日 11:00)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from app.services.clock import iso_beijing, parse_instant
from app.services.text.labels import vocab_value


@pytest.mark.parametrize(
    ("kind", "text", "value"),
    [
        ("platform", "快手", "kuaishou"), ("platform", "快手小店", "kuaishou"), ("platform", "天猫", "taobao"),
        ("platform", "抖音", "douyin"), ("platform", "视频号", "wechat"), ("platform", "京东", "jd"),
        ("platform", "jingdong", "jd"), ("platform", "PDD", "pinduoduo"), ("platform", "淘宝/天猫", "taobao"),
        ("type", "退货退款", "return_refund"), ("type", "仅退款", "refund_only"), ("type", "补寄", "reship"),
        ("reason", "质量问题", "quality"), ("reason", "七天无理由", "no_reason"),
        ("stage", "待商家处理", "awaiting_merchant"), ("stage", "已退款", "refunded"),
    ],
)  # fmt: skip
def test_a_merchants_word_is_the_value(kind: str, text: str, value: str) -> None:
    assert vocab_value(kind, text) == value


def test_an_unknown_word_is_not_guessed() -> None:
    assert vocab_value("platform", "淘宝网店") is None


@pytest.mark.parametrize(
    "text",
    ["2026/12/08 11:00", "2026-12-08 11:00", "2026年12月8日 11:00", "2026年12月8日 11时00分", "2026-12-08T11:00+08:00"],
)
def test_times_as_back_ends_print_them(text: str) -> None:
    assert iso_beijing(parse_instant(text)) == "2026-12-08T11:00:00+08:00"


def test_case_add_in_chinese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "data")
    args = ["--data-dir", data, "--now", "2026-12-08T12:00", "case", "add", "--platform", "快手", "--type", "退货退款",
            "--reason", "质量问题", "--order-no", "1", "--aftersale-no", "K1", "--amount", "9",
            "--requested-at", "2026/12/08 11:00", "--json"]  # fmt: skip
    assert main(args) == 0
    capsys.readouterr()
    assert main(["--data-dir", data, "case", "list", "--platform", "快手小店", "--stage", "待商家处理", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    rows = out["cases"] if isinstance(out, dict) else out
    assert [r["platform"] for r in rows] == ["kuaishou"]
    assert rows[0]["requested_at"] == "2026-12-08T11:00:00+08:00"
