"""Our service targets and 回访 in the window (issue 18 items 3–5): the target's quieter countdown
beside the platform's (in working time) in the detail, the list and the status bar; a 回访
becoming a countdown and an alert; the answer recorded from the detail panel and shown in the
report."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from openpyxl import load_workbook

from app.bootstrap import AppContext
from app.models.enums import Action, CaseType
from app.services.alerts.plan import AlertSettings
from app.services.cases.service import ActionRequest
from app.services.clock import FixedClock
from app.services.reports.metrics import Period
from app.services.reports.workbook import ReportRequest
from app.services.service_desk.callbacks import CallbackResult
from app.services.service_desk.target_plan import TargetKind
from app.ui.cases import table_model as ctm
from app.ui.common.changes import ChangeSet
from app.ui.desk.handler_choice import CURRENT_HANDLER
from app.ui.settings import keys
from tests.ui.helpers import add_cases, cell, new_case
from tests.ui.shell_fixtures import App, wake_at

H = timedelta(hours=1)
M = timedelta(minutes=1)


def test_a_target_counts_working_time_beside_the_platform_clock(
    running: App, ctx: AppContext, clock: FixedClock
) -> None:
    window = running.window
    (cid,) = add_cases(window, ctx, new_case("KS-T1", clock.now()))  # Monday 10:00
    window.controller.open_case(cid)
    line = window.controller.detail.targets.lines[TargetKind.FIRST_RESPONSE]
    assert "First response: 02:00:00 working time left" in line.text()
    assert cell(window, cid, ctm.COL_OWN) == "First response 02:00:00"
    assert "ours: First response" in window.next_label.text()
    clock.set(clock.now() + 11 * H + 30 * M)  # 21:30: half an hour of today's hours left…
    window.cases.tick()
    assert "overdue" in line.text()  # (it was due at 12:00)
    # a case asked at night: our clock stands still until 09:00, the platform's runs on
    (night,) = add_cases(window, ctx, new_case("KS-T2", clock.now()))
    window.controller.open_case(night)
    line = window.controller.detail.targets.lines[TargetKind.FIRST_RESPONSE]
    assert "02:00:00 working time left" in line.text() and "paused" not in line.text()
    clock.advance(H)  # 22:30
    window.cases.tick()
    assert "01:30:00 working time left" in line.text()  # 21:30–22:00 counted, the night not
    assert "paused outside working hours" in line.text()
    assert cell(window, night, ctm.COL_OWN) == "First response 01:30:00"
    assert cell(window, night, ctm.COL_COUNTDOWN) == "1d 23:00:00"  # the platform's 48 h never pause


def test_a_callback_becomes_a_countdown_and_an_alert_and_is_recorded(
    running: App, ctx: AppContext, clock: FixedClock, tmp_path: Path
) -> None:
    window = running.window
    keys.write(window.settings, CURRENT_HANDLER, "小王")
    ctx.alerts.settings = AlertSettings(merchant_leads=(), buyer_alerts=False, callback_leads=(H,))
    (cid,) = add_cases(
        window, ctx, new_case("KS-C1", clock.now(), case_type=CaseType.REFUND_ONLY, sku="BW-500")
    )
    ctx.cases.act(cid, ActionRequest(Action.APPROVE, handler="小王"))  # refunded: the case ended
    window.changes.publish(ChangeSet.cases([cid]))
    window.controller.open_case(cid)
    detail = window.controller.detail
    assert detail.callback_box.isVisibleTo(detail)
    assert detail.callback.countdown.text() == "1d 00:00:00"  # 1 working day after it ended
    assert cell(window, cid, ctm.COL_OWN) == "Callback 1d 00:00:00"
    callback = ctx.callbacks.for_case(cid)
    assert callback is not None and callback.due_at is not None
    # An hour before it, the alert comes, like a follow-up's.
    wake_at(running, clock, callback.due_at - H)
    assert [t for t, _ in running.tray.messages] == ["Kuaishou KS-C1 · callback within 1 h"]
    # The buyer's answer, recorded from the panel.
    detail.callback.comment.setText("杯子很好用")
    detail.callback.buttons[CallbackResult.SATISFIED].click()
    done = ctx.callbacks.for_case(cid)
    assert done is not None and (done.result, done.comment, done.handler) == (
        CallbackResult.SATISFIED,
        "杯子很好用",
        "小王",
    )
    assert "Satisfied" in detail.callback.status.text() and not detail.callback.buttons[
        CallbackResult.SATISFIED
    ].isVisibleTo(detail)
    assert cell(window, cid, ctm.COL_OWN) == ""  # nothing of ours left on this case
    # …and it is in the report's 回访 sheet.
    out = tmp_path / "r.xlsx"
    ctx.reports.export(ReportRequest(Period(date(2026, 11, 1), date(2026, 11, 30))), out)
    sheet = load_workbook(out, data_only=True)["回访"]
    assert [c.value for c in sheet[3]][:3] == ["全部", 1, 1]
    assert any(r[6] == "杯子很好用" for r in sheet.iter_rows(values_only=True))
