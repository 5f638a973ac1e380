"""`report` and `orders` on the command line: output, exit codes, messages."""

from __future__ import annotations

import json

from openpyxl import load_workbook

from app.cli import main

NOW = "2026-12-01T10:00"


def run(tmp_path, capsys, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(tmp_path / "data"), "--now", NOW, *args])
    out, err = capsys.readouterr()
    return code, out, err


def _case(tmp_path, capsys) -> None:
    code, _, err = run(
        tmp_path,
        capsys,
        "case",
        "add",
        "--platform",
        "kuaishou",
        "--type",
        "refund_only",
        "--reason",
        "quality",
        "--order-no",
        "O1",
        "--aftersale-no",
        "A1",
        "--amount",
        "40.00",
        "--requested-at",
        "2026-11-03T10:00",
        "--shop",
        "S1",
        "--buyer",
        "=1+1",
    )
    assert code == 0, err
    code, _, err = run(
        tmp_path, capsys, "case", "act", "A1", "approve", "--at", "2026-11-03T12:00", "--amount", "30"
    )
    assert code == 0, err


def test_report_prints_path_and_key_figures(tmp_path, capsys) -> None:
    _case(tmp_path, capsys)
    assert (
        run(tmp_path, capsys, "orders", "set", "--shop", "S1", "--month", "2026-11", "--count", "100")[0] == 0
    )
    out_file = tmp_path / "nov.xlsx"
    code, out, err = run(
        tmp_path, capsys, "report", "--from", "2026-11-01", "--to", "2026-11-30", "-o", str(out_file)
    )
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == str(out_file.resolve())
    assert "  Refunds paid: ¥30.00" in lines
    assert "  Goods not recovered: ¥30.00" in lines
    assert "  Refund rate: 1.00%" in lines
    cases = load_workbook(out_file)["明细"]
    assert cases["N2"].value == "=1+1" and cases["N2"].data_type == "s"
    code, out, _ = run(
        tmp_path,
        capsys,
        "report",
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-30",
        "-o",
        str(tmp_path / "en.xlsx"),
        "--shop",
        "S1",
        "--lang",
        "en",
    )
    assert code == 0 and load_workbook(tmp_path / "en.xlsx").sheetnames[0] == "Summary"


def test_report_errors_are_one_line_and_exit_1(tmp_path, capsys) -> None:
    cases = [
        (
            ["--from", "2026-11-31", "--to", "2026-11-30", "-o", str(tmp_path / "r.xlsx")],
            "--from: not a date",
        ),
        (
            ["--from", "2026-12-01", "--to", "2026-11-30", "-o", str(tmp_path / "r.xlsx")],
            "starts after it ends",
        ),
        (
            ["--from", "2026-11-01", "--to", "2026-11-30", "-o", str(tmp_path / "no" / "r.xlsx")],
            "cannot write",
        ),
        (
            ["--from", "2026-11-01", "--to", "2026-11-30", "-o", str(tmp_path / "r.xlsx"), "--shop", "X"],
            "no shop",
        ),
    ]
    for args, message in cases:
        code, _out, err = run(tmp_path, capsys, "report", *args)
        assert code == 1 and message in err and len(err.strip().splitlines()) == 1, (args, err)
    assert not (tmp_path / "r.xlsx").exists()


def test_orders_set_and_list(tmp_path, capsys) -> None:
    code, _, err = run(
        tmp_path, capsys, "orders", "set", "--shop", "新店", "--month", "2026-11", "--count", "5"
    )
    assert code == 1 and "add --platform" in err
    code, out, _ = run(
        tmp_path,
        capsys,
        "orders",
        "set",
        "--shop",
        "新店",
        "--month",
        "2026-11",
        "--count",
        "5",
        "--platform",
        "douyin",
    )
    assert code == 0 and "新店 (douyin) 2026-11: 5" in out
    code, out, _ = run(tmp_path, capsys, "orders", "list", "--json")
    assert json.loads(out) == [{"shop": "新店", "platform": "douyin", "month": "2026-11", "paid_orders": 5}]
    code, _, err = run(
        tmp_path, capsys, "orders", "set", "--shop", "新店", "--month", "11/2026", "--count", "5"
    )
    assert code == 1 and "not a month" in err
