"""Every table model passes Qt's model tester (structure, roles, signals)."""

from __future__ import annotations

from datetime import timedelta

from app.bootstrap import AppContext
from app.models.enums import Action, CaseType
from app.services.cases.service import ActionRequest
from app.services.clock import FixedClock
from app.services.listing.urgency import QuickTab
from app.ui.common.changes import ChangeSet
from app.ui.detail.event_model import EventTableModel
from app.ui.shell.main_window import MainWindow
from tests.ui.helpers import add_cases, new_case


def test_case_models_pass_the_model_tester(
    qtmodeltester, window: MainWindow, ctx: AppContext, clock: FixedClock
) -> None:  # type: ignore[no-untyped-def]
    now = clock.now()
    ids = add_cases(
        window,
        ctx,
        new_case("M-1", now - timedelta(hours=50)),  # overdue
        new_case("M-2", now, case_type=CaseType.EXCHANGE),
        new_case("M-3", now - timedelta(hours=3)),
    )
    qtmodeltester.check(window.cases.model)
    qtmodeltester.check(window.cases.proxy)
    # and they keep passing while filtered, sorted and updated
    window.cases.proxy.set_tab(QuickTab.NEEDS_ME)
    window.cases.proxy.sort(5)
    ctx.cases.act(ids[2], ActionRequest(Action.APPROVE))
    window.controller.open_case(ids[2])
    window.changes.publish(ChangeSet.cases([ids[2]]))
    qtmodeltester.check(window.cases.proxy)


def test_event_model_passes_the_model_tester(qtmodeltester, ctx: AppContext, clock: FixedClock) -> None:  # type: ignore[no-untyped-def]
    cid = ctx.cases.add_case(new_case("EV-1", clock.now() - timedelta(hours=1)))
    ctx.cases.act(cid, ActionRequest(Action.NOTE, payload={"text": "电话联系买家"}))
    detail = ctx.queries.detail(cid)
    assert detail is not None
    model = EventTableModel()
    model.set_events(detail.events)
    qtmodeltester.check(model)
    assert model.index(1, 4).data() == "Note: 电话联系买家"
