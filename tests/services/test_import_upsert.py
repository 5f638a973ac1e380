"""The upsert: new rows open cases at the platform's times, known cases only move forward."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from app.bootstrap import AppContext
from app.cli import main as cli_main
from app.models.enums import Action, Platform, Stage
from app.services.cases.service import ActionRequest
from app.services.clock import BEIJING, FixedClock
from app.services.importing import (
    ImportAborted,
    Importer,
    ImportFileError,
    ImportResult,
    Outcome,
    ProblemKind,
)
from app.services.importing.applying import apply_rows

HEADER = (
    "售后单号,订单号,售后类型,售后原因,售后状态,申请时间,审核时间,退货时间,更新时间,退款金额,退货物流单号"
)


def write_csv(path: Path, *rows: str, header: str = HEADER, encoding: str = "utf-8-sig") -> Path:
    path.write_bytes(("\r\n".join([header, *rows]) + "\r\n").encode(encoding))
    return path


def bj(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=BEIJING)


def import_approved_then_returned(importer: Importer, tmp_path: Path) -> ImportResult:
    """KS1 imported from a.csv as approved (待买家退货), then from b.csv as returned (SF9)."""
    first = "KS1,1001,退货退款,质量问题,待买家退货,2026-11-01 09:00,2026-11-01 12:30,,,99.00,"
    importer.import_file(write_csv(tmp_path / "a.csv", first), platform=Platform.KUAISHOU)
    later = (
        "KS1,1001,退货退款,质量问题,待商家收货,2026-11-01 09:00,2026-11-01 12:30,2026-11-02 08:00,,99.00,SF9"
    )
    return importer.import_file(write_csv(tmp_path / "b.csv", later), platform=Platform.KUAISHOU)


@pytest.fixture
def importer(ctx: AppContext) -> Importer:
    return ctx.importer


def test_new_row_opens_at_application_time_and_approve_starts_the_buyer_clock(
    importer: Importer, ctx: AppContext, tmp_path: Path
) -> None:
    f = write_csv(
        tmp_path / "a.csv", "KS1,1001,退货退款,质量问题,待买家退货,2026-11-01 09:00,2026-11-01 12:30,,,99.00,"
    )
    result = importer.import_file(f, platform=Platform.KUAISHOU)
    assert result.plan.counts()["new"] == 1
    detail = ctx.queries.detail(result.imported_case_ids[0])
    assert detail is not None
    events = [(e.action, e.actor, e.at) for e in detail.events]
    assert events == [
        ("open", "buyer", bj("2026-11-01T09:00")),
        ("approve", "platform", bj("2026-11-01T12:30")),
    ]
    (buyer,) = detail.row.deadlines
    assert buyer.party == "buyer" and buyer.starts_at == bj("2026-11-01T12:30")
    assert buyer.due_at == bj("2026-11-11T12:30")  # kuaishou: 10 days from the approval


def test_known_case_moves_forward_by_platform_with_the_files_times(
    importer: Importer, ctx: AppContext, tmp_path: Path
) -> None:
    result = import_approved_then_returned(importer, tmp_path)
    (row,) = result.plan.rows
    assert row.outcome is Outcome.UPDATE
    assert (row.from_stage, row.to_stage) == (Stage.AWAITING_BUYER_RETURN, Stage.AWAITING_MERCHANT_RECEIPT)
    detail = ctx.queries.detail(row.case_id or 0)
    assert detail is not None
    last = detail.events[-1]
    assert (last.action, last.actor, last.at, last.payload["tracking"]) == (
        "buyer_ship",
        "platform",
        bj("2026-11-02T08:00"),
        "SF9",
    )
    assert detail.row.return_tracking_no == "SF9"
    # The same file again changes nothing.
    again = importer.import_file(tmp_path / "b.csv", platform=Platform.KUAISHOU)
    assert again.plan.counts() == {"new": 0, "update": 0, "unchanged": 1, "error": 0, "merged": 0}
    assert len(ctx.queries.detail(row.case_id or 0).events) == len(detail.events)  # type: ignore[union-attr]


def test_a_file_behind_the_database_is_a_conflict_and_changes_nothing(
    importer: Importer, ctx: AppContext, tmp_path: Path
) -> None:
    ahead = (
        "KS1,1001,退货退款,质量问题,待商家收货,2026-11-01 09:00,2026-11-01 12:30,2026-11-02 08:00,,99.00,SF9"
    )
    importer.import_file(write_csv(tmp_path / "a.csv", ahead), platform=Platform.KUAISHOU)
    behind = "KS1,1001,退货退款,质量问题,待商家处理,2026-11-01 09:00,,,,99.00,"
    result = importer.import_file(write_csv(tmp_path / "b.csv", behind), platform=Platform.KUAISHOU)
    (row,) = result.plan.rows
    assert row.outcome is Outcome.ERROR
    assert [p.kind for p in row.problems] == [ProblemKind.CONFLICT]
    assert "awaiting_merchant_receipt in the database" in row.message
    assert ctx.queries.list_cases()[0].stage == "awaiting_merchant_receipt"


def test_a_forward_move_stamped_before_the_last_event_is_a_row_conflict(
    importer: Importer, ctx: AppContext, tmp_path: Path
) -> None:
    first = "KS1,1001,退货退款,质量问题,待买家退货,2026-11-01 09:00,2026-11-01 12:30,,,99.00,"
    importer.import_file(write_csv(tmp_path / "a.csv", first), platform=Platform.KUAISHOU)
    stale = (
        "KS1,1001,退货退款,质量问题,待商家收货,2026-11-01 09:00,2026-11-01 12:30,2026-11-01 10:00,,99.00,SF9"
    )
    (row,) = importer.import_file(write_csv(tmp_path / "b.csv", stale), platform=Platform.KUAISHOU).plan.rows
    assert row.outcome is Outcome.ERROR
    assert "before the case's last event" in row.message
    assert ctx.queries.list_cases()[0].stage == "awaiting_buyer_return"


def test_a_clock_that_ran_out_first_is_applied_and_noted(
    importer: Importer, ctx: AppContext, tmp_path: Path
) -> None:
    # Applied 3 days ago, "approved" 2.5 days later: the 48 h clock had already auto-approved.
    row_text = "KS1,1001,退货退款,质量问题,待买家退货,2026-10-30 09:00,2026-11-01 21:00,,,99.00,"
    (row,) = importer.import_file(
        write_csv(tmp_path / "a.csv", row_text), platform=Platform.KUAISHOU
    ).plan.rows
    assert row.outcome is Outcome.NEW and row.to_stage is Stage.AWAITING_BUYER_RETURN
    assert "auto_approve" in row.message
    detail = ctx.queries.detail(ctx.queries.list_cases()[0].id)
    assert detail is not None
    assert [(e.action, e.at) for e in detail.events][-1] == ("auto_approve", bj("2026-11-01T09:00"))
    assert ctx.cases.recompute_check() == []


def test_a_status_off_our_path_is_recorded_as_the_platforms_step(importer: Importer, tmp_path: Path) -> None:
    # A refund-only that the platform turned into a return: its word is a fact, with a note.
    row_text = "KS1,1001,仅退款,质量问题,待买家退货,2026-11-01 09:00,,,,9.00,"
    (row,) = importer.import_file(
        write_csv(tmp_path / "a.csv", row_text), platform=Platform.KUAISHOU
    ).plan.rows
    assert row.outcome is Outcome.NEW and row.to_stage is Stage.AWAITING_BUYER_RETURN
    assert [s.platform_stage for s in row.steps] == [Stage.AWAITING_BUYER_RETURN]
    assert "a path our workflow does not take" in row.message


def test_future_times_are_row_errors(importer: Importer, clock: FixedClock, tmp_path: Path) -> None:
    row_text = "KS1,1001,退货退款,质量问题,待商家处理,2026-11-05 09:00,,,,9.00,"
    (row,) = importer.import_file(
        write_csv(tmp_path / "a.csv", row_text), platform=Platform.KUAISHOU
    ).plan.rows
    assert row.outcome is Outcome.ERROR and "future" in row.message


def test_dry_run_writes_nothing(importer: Importer, ctx: AppContext, tmp_path: Path) -> None:
    f = write_csv(tmp_path / "a.csv", "KS1,1001,退货退款,质量问题,待商家处理,2026-11-01 09:00,,,,9.00,")
    result = importer.import_file(f, platform=Platform.KUAISHOU, dry_run=True)
    assert result.dry_run and result.plan.counts()["new"] == 1
    assert ctx.queries.list_cases() == []


def test_a_case_changed_after_the_preview_is_refused_and_the_rest_imported(
    importer: Importer, ctx: AppContext, tmp_path: Path
) -> None:
    """Issue 19 item 3: the stale row is counted as refused, with who changed it and what it is
    now; it is not overwritten and the import does not fail."""
    importer.import_file(
        write_csv(tmp_path / "a.csv", "KS2,1002,退货退款,质量问题,待商家处理,2026-11-01 09:00,,,,9.00,"),
        platform=Platform.KUAISHOU,
    )
    f = write_csv(
        tmp_path / "b.csv",
        "KS1,1001,退货退款,质量问题,待商家处理,2026-11-01 09:00,,,,9.00,",
        "KS2,1002,退货退款,质量问题,待买家退货,2026-11-01 09:00,2026-11-01 10:00,,,9.00,",
    )
    plan = importer.preview(f, platform=Platform.KUAISHOU)
    assert [r.outcome for r in plan.rows] == [Outcome.NEW, Outcome.UPDATE]
    ks2 = ctx.cases.resolve_case_id("KS2")
    ctx.handlers.add("小王")
    ctx.cases.act(
        ks2, ActionRequest(Action.REJECT, at=bj("2026-11-01T11:00"), payload={"reason": "拍错"}, handler="小王")
    )
    result = importer.apply(plan)
    assert result.plan.counts() == {"new": 1, "update": 0, "unchanged": 0, "error": 1, "merged": 0}
    refused = result.plan.rows[1]
    assert refused.problems[0].kind is ProblemKind.CONFLICT
    assert refused.render("zh_CN").startswith("已被 小王 在 10:00 处理：商家已拒绝（拒绝）")
    assert sorted(r.aftersale_no for r in ctx.queries.list_cases()) == ["KS1", "KS2"]
    assert ctx.queries.detail(ks2).row.stage == Stage.REJECTED.value  # type: ignore[union-attr]
    assert list(result.case_ids) == [plan.rows[0].line]


def test_a_case_added_after_the_preview_rolls_back_the_whole_import(
    importer: Importer, ctx: AppContext, tmp_path: Path
) -> None:
    f = write_csv(
        tmp_path / "a.csv",
        "KS1,1001,退货退款,质量问题,待商家处理,2026-11-01 09:00,,,,9.00,",
        "KS2,1002,退货退款,质量问题,待买家退货,2026-11-01 09:00,2026-11-01 10:00,,,9.00,",
    )
    plan = importer.preview(f, platform=Platform.KUAISHOU)
    importer.import_file(
        write_csv(tmp_path / "b.csv", "KS2,1002,退货退款,质量问题,待商家处理,2026-11-01 09:00,,,,9.00,"),
        platform=Platform.KUAISHOU,
    )
    with pytest.raises(ImportAborted, match="nothing was imported"):
        apply_rows(ctx.cases, plan.rows)
    assert [r.aftersale_no for r in ctx.queries.list_cases()] == ["KS2"]


def test_missing_required_columns_are_named(importer: Importer, tmp_path: Path) -> None:
    f = write_csv(tmp_path / "a.csv", "KS1,1001,待商家处理", header="售后单号,订单号,售后状态")
    plan = importer.preview(f, platform=Platform.KUAISHOU)
    assert plan.missing_columns == ["requested_at", "amount"]
    with pytest.raises(ImportFileError, match=r"申请时间 \(requested_at\), 退款金额 \(amount\)"):
        importer.import_file(f, platform=Platform.KUAISHOU)


def test_unknown_statuses_are_listed_and_mappable(
    importer: Importer, ctx: AppContext, tmp_path: Path
) -> None:
    f = write_csv(
        tmp_path / "a.csv",
        "KS1,1001,退货退款,质量问题,风控冻结中,2026-11-01 09:00,,,,9.00,",
        "KS2,1002,退货退款,质量问题,风控冻结中,2026-11-01 09:00,,,,9.00,",
    )
    plan = importer.preview(f, platform=Platform.KUAISHOU)
    assert plan.unknown_words(ProblemKind.UNKNOWN_STATUS) == {"风控冻结中": [2, 3]}
    saved = importer.mappings.save_user_words(Platform.KUAISHOU, statuses={"风控冻结中": Stage.IN_DISPUTE})
    assert saved == ctx.data_dir / "import" / "kuaishou.toml"
    plan = importer.preview(f, platform=Platform.KUAISHOU)
    assert [(r.outcome, r.to_stage) for r in plan.rows] == [(Outcome.NEW, Stage.IN_DISPUTE)] * 2


def test_a_users_column_mapping_is_saved_per_platform(importer: Importer, tmp_path: Path) -> None:
    header = HEADER.replace("申请时间", "发起日期")
    f = write_csv(
        tmp_path / "a.csv", "KS1,1001,退货退款,质量问题,待商家处理,2026-11-01 09:00,,,,9.00,", header=header
    )
    assert importer.preview(f, platform=Platform.KUAISHOU).missing_columns == ["requested_at"]
    importer.mappings.save_user_words(Platform.KUAISHOU, columns={"发起日期": "requested_at"})
    plan = importer.preview(f, platform=Platform.KUAISHOU)
    assert plan.columns.by_field["requested_at"] == "发起日期"
    assert plan.counts()["new"] == 1
    # Other platforms keep the built-in words.
    assert importer.preview(f, platform=Platform.DOUYIN).missing_columns == ["requested_at"]


def test_platform_is_guessed_from_title_and_platform_column(importer: Importer, tmp_path: Path) -> None:
    f = tmp_path / "a.csv"
    f.write_bytes(
        (
            "抖店 售后单导出\r\n"
            + HEADER
            + "\r\nD1,1,退货退款,质量问题,待商家处理,2026-11-01 09:00,,,,9,\r\n"
        ).encode("gbk")
    )
    plan = importer.preview(f)
    assert (plan.platform, plan.platform_guessed) == (Platform.DOUYIN, True)
    g = write_csv(
        tmp_path / "b.csv",
        "拼多多,P1,1,退货退款,质量问题,待商家处理,2026-11-01 09:00,9",
        header="销售平台,售后单号,订单号,售后类型,售后原因,售后状态,申请时间,退款金额",
    )
    plan = importer.preview(g)
    assert plan.platform is Platform.PINDUODUO
    assert plan.rows[0].platform is Platform.PINDUODUO


def test_cli_import_json_and_dry_run(
    ctx: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = write_csv(
        tmp_path / "a.csv",
        'KS1,1001,退货退款,质量问题,待商家处理,2026-11-01 09:00,,,,"1,299.00",',
        "KS2,1002,退货退款,质量问题,待商家处理,2026-13-01 09:00,,,,9.00,",
        encoding="gbk",
    )
    base = ["--data-dir", str(ctx.data_dir), "--now", "2026-11-02T10:00:00+08:00", "import", str(f)]
    assert cli_main([*base, "--platform", "kuaishou", "--dry-run", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["counts"] == {"new": 1, "update": 0, "unchanged": 0, "error": 1, "merged": 0}
    assert out["dry_run"] is True and out["encoding"] == "gb18030"
    assert out["rows"][1]["problems"] == [
        {
            "kind": "value",
            "column": "申请时间",
            "value": "2026-13-01 09:00",
            "message": "not a valid date: '2026-13-01 09:00'",
        }
    ]
    assert cli_main([*base, "--platform", "kuaishou"]) == 0
    text = capsys.readouterr().out
    assert "row 3 KS2 [申请时间]" in text and "new 1 · updated 0 · unchanged 0 · errors 1" in text
    missing = write_csv(tmp_path / "b.csv", "KS1,1001", header="售后单号,订单号")
    assert cli_main([*base[:-1], str(missing)]) == 1
    assert "missing required columns" in capsys.readouterr().err


def test_a_case_added_meanwhile_aborts_the_import_and_nothing_is_written(
    importer: Importer, ctx: AppContext, tmp_path: Path
) -> None:
    f = write_csv(
        tmp_path / "a.csv",
        "KS1,1001,退货退款,质量问题,待商家处理,2026-11-01 09:00,,,,9.00,",
        "KS2,1002,退货退款,质量问题,待商家处理,2026-11-01 09:00,,,,9.00,",
    )
    plan = importer.preview(f, platform=Platform.KUAISHOU)
    assert plan.rows[1].new_case is not None
    ctx.cases.add_case(plan.rows[1].new_case)  # someone else got there between preview and write
    with pytest.raises(ImportAborted, match="nothing was imported"):
        apply_rows(ctx.cases, plan.rows)
    assert [r.aftersale_no for r in ctx.queries.list_cases()] == ["KS2"]


def test_the_platforms_own_deadline_is_checked_against_ours(importer: Importer, tmp_path: Path) -> None:
    header = HEADER + ",超时时间"
    f = write_csv(
        tmp_path / "a.csv",
        # kuaishou gives the merchant 48 h from the application: 11-03 09:00 agrees (to the minute),
        "KS1,1001,退货退款,质量问题,待商家处理,2026-11-01 09:00,,,,9.00,,2026-11-03 09:00",
        # 24 h does not: our preset and the platform disagree, and the merchant should know.
        "KS2,1002,退货退款,质量问题,待商家处理,2026-11-01 09:00,,,,9.00,,2026-11-02 09:00",
        # a closed case runs no clock: the column's leftover value is not compared
        "KS3,1003,仅退款,质量问题,退款成功,2026-10-20 09:00,2026-10-20 10:00,,,9.00,,2026-10-22 09:00",
        header=header,
    )
    rows = importer.preview(f, platform=Platform.KUAISHOU).rows
    assert [r.outcome for r in rows] == [Outcome.NEW] * 3
    assert rows[0].notes == () and rows[2].notes == ()
    (note,) = rows[1].notes
    assert "2026-11-02T09:00:00+08:00" in note and "merchant clock (2026-11-03T09:00:00+08:00" in note


def test_each_imported_step_names_the_file_it_came_from(
    importer: Importer, ctx: AppContext, tmp_path: Path
) -> None:
    result = import_approved_then_returned(importer, tmp_path)
    case_id = ctx.cases.resolve_case_id("KS1")
    ctx.cases.act(case_id, ActionRequest(Action.CONFIRM_RECEIPT))
    detail = ctx.queries.detail(case_id)
    assert detail is not None
    assert [(e.action, e.payload.get("source")) for e in detail.events] == [
        ("open", "a.csv"),
        ("approve", "a.csv"),
        ("buyer_ship", "b.csv"),
        ("confirm_receipt", None),  # the merchant's own step
    ]
    assert "source" not in result.plan.rows[0].steps[0].payload  # the plan (and --json) unchanged


def test_a_deadline_column_that_is_not_a_time_never_fails_a_row(importer: Importer, tmp_path: Path) -> None:
    f = write_csv(
        tmp_path / "a.csv",
        "KS1,1001,退货退款,质量问题,待商家处理,2026-11-01 09:00,,,,9.00,,1天2小时",
        "KS2,1002,退货退款,质量问题,待商家处理,2026-11-01 09:00,,,,9.00,,已超时",
        header=HEADER + ",剩余处理时间",  # what is left, as some back ends export it: not a time
    )
    rows = importer.preview(f, platform=Platform.KUAISHOU).rows
    assert [(r.outcome, r.notes, r.problems) for r in rows] == [(Outcome.NEW, (), ())] * 2


def test_a_preview_is_written_once(importer: Importer, ctx: AppContext, tmp_path: Path) -> None:
    f = write_csv(tmp_path / "a.csv", "KS1,1001,退货退款,质量问题,待商家处理,2026-11-01 09:00,,,,9.00,")
    plan = importer.preview(f, platform=Platform.KUAISHOU)
    assert importer.apply(plan).imported_case_ids
    with pytest.raises(ImportAborted, match="already imported"):
        importer.apply(plan)
    assert len(ctx.queries.list_cases()) == 1
