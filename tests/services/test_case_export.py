"""Case-list export: formula-safe, Excel-friendly, and our importer reads it back to the same cases."""

from __future__ import annotations

import csv
import itertools
import tempfile
from collections.abc import Iterator
from dataclasses import asdict
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from app.bootstrap import AppContext
from app.models.enums import Action, CaseType, Platform, Reason
from app.services.cases.demo import PATHS, PAYLOADS
from app.services.cases.service import ActionNotAllowed, ActionRequest, NewCase
from app.services.clock import BEIJING, FixedClock
from app.services.importing.parsing import PLACEHOLDERS
from app.services.listing.export import CaseExporter, csv_cell
from app.services.listing.queries import CaseRow

NOW = datetime(2026, 11, 2, 10, 0, tzinfo=BEIJING)
RISKY = ["=1+2", "+86 138", "-5", "@SUM(A1)", '=HYPERLINK("http://x")', "'=quoted", "'plain"]


def _case(ctx: AppContext, no: str, nick: str, **kw: Any) -> int:
    new = NewCase(
        platform=kw.get("platform", Platform.KUAISHOU),
        case_type=kw.get("case_type", CaseType.RETURN_REFUND),
        reason=Reason.QUALITY,
        order_no="6920000000000000001",
        aftersale_no=no,
        amount=Decimal("1299.00"),
        requested_at=NOW - timedelta(hours=5),
        buyer_nick=nick,
        product_title=kw.get("title", "睡衣"),
    )
    return ctx.cases.add_case(new)


def test_csv_is_utf8_with_bom_and_formula_safe(ctx: AppContext, tmp_path: Path) -> None:
    ids = [_case(ctx, f"A{i}", nick) for i, nick in enumerate(RISKY)]
    out = tmp_path / "cases.csv"
    assert CaseExporter(ctx.sessions).export(ids, out) == len(RISKY)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    nicks = [r[rows[0].index("买家昵称")] for r in rows[1:]]
    assert nicks == [
        "'=1+2",
        "'+86 138",
        "'-5",
        "'@SUM(A1)",
        '\'=HYPERLINK("http://x")',
        "''=quoted",
        "''plain",
    ]
    assert rows[1][rows[0].index("订单号")] == "6920000000000000001"
    assert csv_cell(Decimal("-5.00"), "money") == "-5.00"  # our own numbers are not text


def test_xlsx_keeps_risky_text_as_text_cells(ctx: AppContext, tmp_path: Path) -> None:
    ids = [_case(ctx, f"A{i}", nick) for i, nick in enumerate(RISKY)]
    _case(ctx, "B1", "bell\x07", title="tab\there")
    out = tmp_path / "cases.xlsx"
    CaseExporter(ctx.sessions).export([*ids, ids[0] + len(RISKY)], out)
    ws = load_workbook(out).active
    assert ws is not None
    header = [c.value for c in ws[1]]
    col = header.index("买家昵称") + 1
    cells = [ws.cell(row=r, column=col) for r in range(2, 2 + len(RISKY))]
    assert [c.value for c in cells] == RISKY
    assert all(c.data_type == "s" for c in cells)
    assert all(c.quotePrefix for c in cells[:5])
    assert ws.cell(row=2 + len(RISKY), column=col).value == "bell"  # control character dropped
    assert ws.cell(row=2, column=header.index("订单号") + 1).value == "6920000000000000001"
    assert ws.freeze_panes == "A2"


def test_export_accepts_case_rows_in_their_order(ctx: AppContext, tmp_path: Path) -> None:
    for i in range(3):
        _case(ctx, f"A{i}", "x")
    rows: list[CaseRow] = ctx.queries.list_cases()[::-1]
    out = tmp_path / "cases.csv"
    CaseExporter(ctx.sessions).export(rows, out)
    got = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert [r[3] for r in got[1:]] == ["A2", "A1", "A0"]
    with pytest.raises(ValueError, match=r"\.xlsx or \.csv"):
        CaseExporter(ctx.sessions).export(rows, tmp_path / "cases.pdf")


def test_export_reports_progress_in_chunks_then_the_write(
    ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("app.services.listing.export.CHUNK", 2)
    ids = [_case(ctx, f"A{i}", "x") for i in range(5)]
    seen: list[tuple[int, int, str]] = []
    assert CaseExporter(ctx.sessions).export(ids, tmp_path / "c.csv", progress=lambda *a: seen.append(a)) == 5
    assert seen == [(0, 5, "reading"), (2, 5, "reading"), (4, 5, "reading"), (5, 5, "writing")]


# ---- round trip -------------------------------------------------------------------------

TEXT = st.one_of(
    st.sampled_from(RISKY),
    # Words an importer reads as an empty cell: our own export must keep them as text.
    st.sampled_from(sorted(PLACEHOLDERS)),
    st.text(st.characters(categories=("L", "N", "P", "S")), max_size=10),
)


@st.composite
def case_specs(draw: st.DrawFn) -> list[dict[str, Any]]:
    n = draw(st.integers(1, 4))
    specs = []
    for i in range(n):
        case_type, path = draw(st.sampled_from(PATHS))
        specs.append(
            {
                "no": f"R{i}",
                "platform": draw(st.sampled_from(list(Platform))),
                "case_type": case_type,
                "path": path,
                "reason": draw(st.sampled_from(list(Reason))),
                "shipped": draw(st.booleans()) if case_type is CaseType.REFUND_ONLY else True,
                "ago": draw(st.integers(3600, 20 * 86400)),
                "gaps": draw(st.lists(st.integers(60, 3 * 86400), min_size=len(path), max_size=len(path))),
                "nick": draw(TEXT),
                "title": draw(TEXT),
                "sku": draw(TEXT),
                "shop": draw(st.one_of(st.none(), st.sampled_from(["暖暖家居", "=shop"]))),
                "amount": draw(st.decimals(Decimal("0.01"), Decimal("99999.99"), places=2)),
                "tracking": f"SF{draw(st.integers(10**9, 10**10))}",
            }
        )
    return specs


def _build(ctx: AppContext, spec: dict[str, Any]) -> None:
    start = NOW - timedelta(seconds=spec["ago"])
    cid = ctx.cases.add_case(
        NewCase(
            platform=spec["platform"],
            case_type=spec["case_type"],
            reason=spec["reason"],
            order_no="6920" + "".join(ch for ch in spec["no"] if ch.isdigit()).zfill(15),
            aftersale_no=spec["no"],
            amount=spec["amount"],
            requested_at=start,
            shipped=spec["shipped"],
            shop=spec["shop"],
            product_title=spec["title"],
            sku=spec["sku"],
            buyer_nick=spec["nick"],
        )
    )
    at = start
    for action, gap in zip(spec["path"], spec["gaps"], strict=True):
        at += timedelta(seconds=gap)
        if at > NOW:
            return
        payload = dict(PAYLOADS.get(action, {}))
        if action in (Action.BUYER_SHIP, Action.SHIP_REPLACEMENT):
            payload["tracking"] = spec["tracking"]
        try:
            ctx.cases.act(cid, ActionRequest(action, at=at, payload=payload))
        except ActionNotAllowed:
            return  # a platform clock ran out first: the case stays where it got


def _comparable(rows: list[CaseRow]) -> list[dict[str, Any]]:
    out = []
    for r in sorted(rows, key=lambda r: (r.platform, r.aftersale_no)):
        d = asdict(r)
        d.pop("id")
        d.pop("version")  # how many writes each store made, not what the case is
        out.append(d)
    return out


@pytest.fixture(scope="module")
def two_stores(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[AppContext, AppContext]]:
    """One source and one target store for all examples (each example uses its own numbers)."""
    clock = FixedClock(NOW)
    root = tmp_path_factory.mktemp("roundtrip")
    src, dst = AppContext.open(root / "src", clock), AppContext.open(root / "dst", clock)
    yield src, dst
    src.close()
    dst.close()


EXAMPLE = itertools.count()


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(specs=case_specs(), suffix=st.sampled_from([".csv", ".xlsx"]))
def test_export_imports_back_to_the_same_cases_and_twice_is_a_no_op(
    two_stores: tuple[AppContext, AppContext], specs: list[dict[str, Any]], suffix: str
) -> None:
    src, dst = two_stores
    n = next(EXAMPLE)
    for spec in specs:
        _build(src, {**spec, "no": f"E{n}{spec['no']}"})
    mine = [r for r in src.queries.list_cases() if r.aftersale_no.startswith(f"E{n}R")]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"cases{suffix}"
        CaseExporter(src.sessions).export(mine, out)
        importer = dst.importer
        first = importer.import_file(out)
        assert first.plan.counts() == {"new": len(specs), "update": 0, "unchanged": 0, "error": 0, "merged": 0}, [
            r.message for r in first.plan.rows
        ]
        theirs = [r for r in dst.queries.list_cases() if r.aftersale_no.startswith(f"E{n}R")]
        assert _comparable(theirs) == _comparable(mine)
        again = importer.import_file(out).plan.counts()
        assert again == {"new": 0, "update": 0, "unchanged": len(specs), "error": 0, "merged": 0}
