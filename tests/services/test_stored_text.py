"""Alert texts are stored so that they read in either language later, and old rows still read."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select, update

from app.bootstrap import AppContext
from app.models.entities import AlertLog
from app.services.alerts.log import in_language
from app.services.alerts.text import auto_title
from app.services.clock import FixedClock
from app.services.text.messages import TEMPLATES, Template, Text, say
from app.services.text.stored import NAMED, dump, load

from .test_alerts import add_case, merchant_due

H = timedelta(hours=1)


def test_a_text_goes_in_as_its_names_and_values_and_comes_back_whole() -> None:
    title = auto_title("kuaishou", "KS1", "auto_refund", "awaiting_merchant_receipt", Decimal("129"))
    stored = dump(title)
    assert '"m": "auto_title.auto_refund"' in stored and "已自动退款" in stored  # readable in the file
    back = load(stored)
    assert isinstance(back, Text)
    assert back == "Auto-refunded: Kuaishou KS1 ¥129.00 — refunded before inspection"
    assert say(back, "zh_CN") == "已自动退款: 快手小店 KS1 ¥129.00 — 未验货"


def test_plain_strings_and_older_rows_read_back_as_they_are() -> None:
    assert dump("快手小店 KS1 · 还剩 1小时") == "快手小店 KS1 · 还剩 1小时"
    assert load("快手小店 KS1 · 还剩 1小时") == "快手小店 KS1 · 还剩 1小时"
    assert load('{"m": not json') == '{"m": not json'
    assert load('{"m": "gone.since", "p": {}, "zh": "旧的中文"}') == "旧的中文"  # a name no longer known


def test_a_text_of_an_unnamed_template_cannot_be_stored() -> None:
    t = Template(en="{n} things", zh="{n} 件")
    TEMPLATES.remove(t)
    with pytest.raises(TypeError, match="no name"):
        dump(t(n=3))
    assert "summary.headline" in NAMED  # the alert words are all named


def test_a_logged_alert_reads_in_the_language_of_the_window_after_a_restart(
    tmp_path: Path, clock: FixedClock
) -> None:
    ctx = AppContext.open(tmp_path / "d", clock)
    cid = add_case(ctx)
    clock.set(merchant_due(ctx, cid) - H)
    ctx.alerts.wake()
    ctx.close()

    again = AppContext.open(tmp_path / "d", clock)
    (notice,) = again.alerts.unseen()
    assert notice.title == "Kuaishou KS1001 · 1 h left"
    assert say(notice.title, "zh_CN") == "快手小店 KS1001 · 还剩 1小时"
    assert say(notice.text, "en").endswith("auto-refund of ¥129.00")
    assert say(notice.text, "zh_CN").endswith("到期将自动退款 ¥129.00")
    (sent,) = again.alerts.log.sent_for_case(cid)
    assert in_language(sent, "zh_CN").title == "快手小店 KS1001 · 还剩 1小时"
    again.close()


def test_a_row_written_before_both_languages_were_stored_still_shows(
    ctx: AppContext, clock: FixedClock
) -> None:
    cid = add_case(ctx)
    clock.set(merchant_due(ctx, cid) - H)
    ctx.alerts.wake()
    with ctx.sessions.begin() as session:  # what an older version wrote
        session.execute(update(AlertLog).values(title="快手小店 KS1001 · 还剩 1小时", text="耳机"))
        assert session.scalars(select(AlertLog.title)).all() == ["快手小店 KS1001 · 还剩 1小时"]
    (notice,) = ctx.alerts.unseen()
    assert say(notice.title, "en") == "快手小店 KS1001 · 还剩 1小时"  # as written, in any language


def test_an_auto_action_notice_held_in_the_log_is_shown_in_either_language(
    ctx: AppContext, clock: FixedClock
) -> None:
    cid = add_case(ctx)
    clock.set(merchant_due(ctx, cid))
    (notice,) = ctx.alerts.wake().delivery.popups  # recorded (held) first, then read back to be shown
    assert notice.kind == "auto_action"
    assert (
        say(notice.title, "en") == "Auto-refunded: Kuaishou KS1001 ¥129.00 — the merchant did not act in time"
    )
    assert say(notice.title, "zh_CN") == "已自动退款: 快手小店 KS1001 ¥129.00 — 商家超时未处理"
    assert say(notice.text, "zh_CN").endswith("平台于 11-04 10:00 执行")
    assert say(notice.text, "en").endswith("Done by the platform at 11-04 10:00")
