"""Chinese is the primary UI: the catalogue is complete and agrees with the service labels."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from PySide6.QtCore import QCoreApplication, QLocale

from app.services.text import labels
from app.ui.common import formatting, i18n, vocab

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def chinese(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    translators = i18n.install(qapp, "zh_CN")
    vocab.reset()
    yield
    i18n.uninstall(qapp, translators)
    QLocale.setDefault(QLocale("en_US"))
    vocab.reset()


@pytest.mark.usefixtures("chinese")
@pytest.mark.parametrize(
    "seconds",
    [
        0,
        59,
        3599,
        3600 + 61,
        86399,
        86400,
        86400 + 3 * 3600 + 12 * 60 + 45,
        9 * 86400,
        -1,
        -59,
        -60,
        -3599,
        -3600,
        -7300,
        -86399,
        -86400,
        -5 * 86400,
    ],
)
def test_chinese_countdown_is_the_service_text(seconds: int) -> None:
    assert formatting.countdown(seconds) == labels.format_left(timedelta(seconds=seconds))


@pytest.mark.usefixtures("chinese")
def test_chinese_vocabulary_matches_the_service_labels() -> None:
    assert vocab.stages() == labels.STAGE_ZH
    assert vocab.case_types() == labels.TYPE_ZH
    assert vocab.reasons() == labels.REASON_ZH
    assert vocab.auto_actions() == labels.AUTO_ZH
    assert vocab.platforms() == labels.PLATFORM_ZH
    assert {k: v for k, v in vocab.waiting().items() if v} == {
        k: v for k, v in labels.WAITING_ZH.items() if v
    }
    assert formatting.consequence("merchant", "auto_refund", "C", None, 1) == "自动退款 · 未核实"
    assert formatting.money_fen(123450) == "¥1,234.50"
    assert QCoreApplication.translate("CasesView", "Needs me") == "待我处理"


def test_english_money_and_fallback_to_source() -> None:
    assert formatting.money_fen(-5) == "-¥0.05"
    assert formatting.money_fen(100_000_000) == "¥1,000,000.00"
    assert formatting.countdown(86400 + 5) == "1d 00:00:05"


def test_zh_catalogue_is_complete_and_built() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "update_translations.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    # The built .qm says what the .ts says (file times mean nothing in a fresh clone).
    import xml.etree.ElementTree as ET

    from PySide6.QtCore import QTranslator

    ts = ROOT / "resources" / "translations" / "sentinel_zh_CN.ts"
    translator = QTranslator()
    assert translator.load(str(ts.with_suffix(".qm")))
    stale = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            tr = message.find("translation")
            if (
                tr is None
                or tr.get("type") in ("obsolete", "vanished", "unfinished")
                or message.get("numerus")
            ):
                continue
            source = message.findtext("source") or ""
            comment = message.findtext("comment")
            if translator.translate(name, source, comment) != (tr.text or ""):
                stale.append(source)
    assert stale == [], f"{len(stale)} strings differ between .ts and .qm: run tools/update_translations.py"
    assert (ts.parent / "sentinel_en.qm").exists()


def test_an_unset_system_locale_means_chinese(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """On a machine with LANG=C the merchant still gets the Chinese UI; en_US gets English."""
    from PySide6.QtCore import QLocale

    from app.ui.common import i18n

    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale(QLocale.Language.C)))
    assert i18n.resolve("system") == "zh_CN"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("en_US")))
    assert i18n.resolve("system") == "en"
    assert i18n.resolve("zh_CN") == "zh_CN"
