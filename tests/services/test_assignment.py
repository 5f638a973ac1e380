"""Issue 19 item 6: a case has a handler. Claim, assign, release (timeline events, the version moves
on, stale writes refused), "my cases", the import's shop rule; and the same from the CLI."""

from __future__ import annotations

import json
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from app.bootstrap import AppContext
from app.models.enums import CaseType, Platform, Reason
from app.services.cases.service import NewCase
from app.services.clock import FixedClock
from app.services.errors import InvalidInput, StaleCase
from tests.services.test_cli import add, run
from tests.services.test_import_upsert import write_csv


def _new(no: str, clock: FixedClock, shop: str | None = None) -> NewCase:
    return NewCase(
        platform=Platform.KUAISHOU,
        case_type=CaseType.RETURN_REFUND,
        reason=Reason.QUALITY,
        order_no="O" + no,
        aftersale_no=no,
        amount=Decimal("99.00"),
        requested_at=clock.now() - timedelta(hours=5),
        shop=shop,
    )


@pytest.fixture
def team(ctx: AppContext) -> AppContext:
    ctx.handlers.set_names(["小王", "小李"])
    return ctx


def test_claim_assign_release_are_events_and_move_the_version(team: AppContext, clock: FixedClock) -> None:
    ctx = team
    cid = ctx.cases.add_case(_new("A1", clock))
    done = ctx.assignments.claim(cid, "小王", expect_version=1)
    assert (done.assignee, done.version, done.changed) == ("小王", 2, True)
    ctx.assignments.assign(cid, "小李", "小王", expect_version=2)
    ctx.assignments.release(cid, "小李")
    detail = ctx.queries.detail(cid)
    assert detail is not None and detail.fields["assignee"] is None and detail.fields["version"] == 4
    steps = [(e.action, e.handler, e.payload.get("assigned"), e.at) for e in detail.events[1:]]
    assert steps == [
        ("note", "小王", ["", "小王"], clock.now()),
        ("note", "小王", ["小王", "小李"], clock.now()),
        ("note", "小李", ["小李", ""], clock.now()),
    ]
    assert ctx.assignments.release(cid, "小李").changed is False  # already so: nothing written
    assert ctx.queries.detail(cid).fields["version"] == 4  # type: ignore[union-attr]


def test_an_assignment_against_an_old_version_is_refused(team: AppContext, clock: FixedClock) -> None:
    cid = team.cases.add_case(_new("A2", clock))
    team.assignments.claim(cid, "小王", expect_version=1)
    with pytest.raises(StaleCase, match="already handled by 小王") as refused:
        team.assignments.claim(cid, "小李", expect_version=1)
    assert refused.value.args[0].render("zh_CN").startswith("已被 小王 在 10:00 处理：待商家处理（分派）")
    assert team.queries.detail(cid).fields["assignee"] == "小王"  # type: ignore[union-attr]


def test_only_names_on_the_list(team: AppContext, clock: FixedClock) -> None:
    cid = team.cases.add_case(_new("A3", clock))
    with pytest.raises(InvalidInput, match="unknown handler"):
        team.assignments.assign(cid, "小玉")


def test_assign_many_is_one_transaction_and_reports_the_stale(team: AppContext, clock: FixedClock) -> None:
    ids = [team.cases.add_case(_new(f"M{i}", clock)) for i in range(3)]
    team.assignments.claim(ids[1], "小李")
    result = team.assignments.assign_many(ids, "小王", "小王", versions={cid: 1 for cid in ids})
    assert [a.case_id for a in result.done] == [ids[0], ids[2]]
    assert [f.case_id for f in result.failed] == [ids[1]]
    assert [r.aftersale_no for r in team.queries.list_cases(assignee="小王")] == ["M0", "M2"]
    listed = {r.id: (r.assignee, r.version) for r in team.case_list.all_rows()}
    assert listed == {ids[0]: ("小王", 2), ids[1]: ("小李", 2), ids[2]: ("小王", 2)}


def test_the_shop_rule_assigns_new_imported_cases(team: AppContext, tmp_path: Path) -> None:
    header = "售后单号,订单号,售后类型,售后原因,售后状态,申请时间,退款金额,店铺"
    team.shops.ensure([(Platform.KUAISHOU, "暖暖家居"), (Platform.KUAISHOU, "暖暖旗舰店")])
    team.assignments.set_shop_rule(Platform.KUAISHOU, "暖暖家居", "小李")
    rules = {r.shop: r.assignee for r in team.assignments.shop_rules()}
    assert rules == {"暖暖家居": "小李", "暖暖旗舰店": None}
    f = write_csv(
        tmp_path / "a.csv",
        "KS1,1001,退货退款,质量问题,待商家处理,2026-11-01 09:00,9.00,暖暖家居",
        "KS2,1002,退货退款,质量问题,待商家处理,2026-11-01 09:00,9.00,暖暖旗舰店",
        header=header,
    )
    team.importer.import_file(f, platform=Platform.KUAISHOU)
    assert {r.aftersale_no: r.assignee for r in team.queries.list_cases()} == {"KS1": "小李", "KS2": None}


def test_the_shop_rule_in_a_staged_import(team: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.services.importing import staging

    monkeypatch.setattr(staging, "STAGE_FROM", 1)
    header = "售后单号,订单号,售后类型,售后原因,售后状态,申请时间,退款金额,店铺"
    team.shops.ensure([(Platform.KUAISHOU, "暖暖家居")])
    team.assignments.set_shop_rule(Platform.KUAISHOU, "暖暖家居", "小王")
    f = write_csv(tmp_path / "a.csv", "KS1,1001,退货退款,质量问题,待商家处理,2026-11-01 09:00,9.00,暖暖家居", header=header)
    team.importer.import_file(f, platform=Platform.KUAISHOU)
    assert [(r.assignee, r.version) for r in team.queries.list_cases()] == [("小王", 1)]


# ---- the command line -------------------------------------------------------------------------


def test_cli_assign_list_mine_and_expect_version(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cid = add(capsys, tmp_path, handler="小王")
    add(capsys, tmp_path, no="KS2")
    code, out, err = run(capsys, tmp_path, "case", "show", cid, "--json")
    shown = json.loads(out)
    assert (shown["version"], shown["assignee"]) == (1, None)
    code, out, err = run(capsys, tmp_path, "case", "assign", cid, "--to", "小王", "--handler", "小王", "--json")
    assert code == 0, err
    assert json.loads(out) == {"case_id": int(cid), "assignee": "小王", "version": 2, "changed": True}
    code, out, _ = run(capsys, tmp_path, "case", "list", "--mine", "--handler", "小王", "--json")
    assert [(r["id"], r["assignee"], r["version"]) for r in json.loads(out)] == [(int(cid), "小王", 2)]
    code, out, _ = run(capsys, tmp_path, "case", "list", "--assignee", "小王")
    assert "1 case(s)" in out
    # A write against the version read before the assignment: refused, exit 1, one line.
    code, _, err = run(capsys, tmp_path, "case", "act", cid, "approve", "--expect-version", "1")
    assert code == 1 and "already handled by 小王" in err and len(err.strip().splitlines()) == 1
    code, out, err = run(capsys, tmp_path, "case", "act", cid, "approve", "--expect-version", "2", "--json")
    assert code == 0, err
    assert json.loads(out)["version"] == 3
    code, out, err = run(capsys, tmp_path, "case", "edit", cid, "--set", "buyer_nick=小美", "--expect-version", "2")
    assert code == 1 and "changed elsewhere at 10:00: awaiting_buyer_return (approve)" in err
    code, out, err = run(
        capsys, tmp_path, "case", "edit", cid, "--set", "buyer_nick=小美", "--handler", "小王", "--json"
    )
    assert code == 0, err
    assert json.loads(out) == {"case_id": int(cid), "changed": ["buyer_nick"], "version": 4}
    code, out, err = run(capsys, tmp_path, "case", "assign", cid, "--release")
    assert code == 0 and "unassigned" in out
    code, _, err = run(capsys, tmp_path, "case", "list", "--mine")
    assert code == 1 and "--handler" in err
