"""Small helpers for driving the window in tests."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from PySide6.QtCore import Qt

from app.bootstrap import AppContext
from app.models.enums import CaseType, Platform, Reason
from app.services.cases.service import NewCase
from app.ui.cases import table_model as ctm
from app.ui.shell.main_window import MainWindow


def new_case(
    aftersale_no: str,
    requested_at: datetime,
    platform: Platform = Platform.KUAISHOU,
    case_type: CaseType = CaseType.RETURN_REFUND,
    **kw: object,
) -> NewCase:
    return NewCase(
        platform=platform,
        case_type=case_type,
        reason=kw.pop("reason", Reason.QUALITY),  # type: ignore[arg-type]
        order_no=f"O-{aftersale_no}",
        aftersale_no=aftersale_no,
        amount=kw.pop("amount", Decimal("99.00")),  # type: ignore[arg-type]
        requested_at=requested_at,
        **kw,  # type: ignore[arg-type]
    )


def add_cases(window: MainWindow, ctx: AppContext, *cases: NewCase) -> list[int]:
    ids = [ctx.cases.add_case(c) for c in cases]
    window.controller.load_all()
    return ids


def cell(window: MainWindow, case_id: int, column: int) -> str:
    proxy = window.cases.proxy
    row = proxy.row_of_case(case_id)
    assert row is not None, f"case {case_id} is not listed"
    return str(proxy.index(row, column).data(Qt.ItemDataRole.DisplayRole))


def listed_ids(window: MainWindow) -> list[int]:
    proxy = window.cases.proxy
    return [proxy.case_id_at(r) for r in range(proxy.rowCount())]  # type: ignore[misc]


COUNTDOWN, CONSEQUENCE, STAGE = ctm.COL_COUNTDOWN, ctm.COL_CONSEQUENCE, ctm.COL_STAGE
