"""The command line contract of DESIGN.md, run in-process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main

NOW = "2026-11-02T10:00:00+08:00"


def run(capsys: pytest.CaptureFixture[str], data: Path, *args: str, now: str = NOW) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), "--now", now, *args])
    out, err = capsys.readouterr()
    return code, out, err


def add(capsys: pytest.CaptureFixture[str], data: Path, no: str = "KS1", **kw: str) -> str:
    args = {
        "platform": "kuaishou",
        "type": "return_refund",
        "reason": "quality",
        "order-no": "O1",
        "aftersale-no": no,
        "amount": "129.00",
        "requested-at": NOW,
        **kw,
    }
    code, out, err = run(capsys, data, "case", "add", *[x for k, v in args.items() for x in (f"--{k}", v)])
    assert code == 0, err
    return out.strip()


def test_add_due_tick_show(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cid = add(capsys, tmp_path)
    code, out, _ = run(capsys, tmp_path, "due", "--json", now="2026-11-02T11:00:00+08:00")
    rows = [r for r in json.loads(out) if r["kind"] == "platform"]  # (and our first-response target)
    assert code == 0 and len(rows) == 1
    assert {
        k: rows[0][k]
        for k in (
            "case_id",
            "aftersale_no",
            "platform",
            "type",
            "stage",
            "party",
            "due_at",
            "auto_action",
            "rule_id",
            "confidence",
        )
    } == {
        "case_id": int(cid),
        "aftersale_no": "KS1",
        "platform": "kuaishou",
        "type": "return_refund",
        "stage": "awaiting_merchant",
        "party": "merchant",
        "due_at": "2026-11-04T10:00:00+08:00",
        "auto_action": "auto_approve",
        "rule_id": "kuaishou.return_refund.awaiting_merchant",
        "confidence": "A",
    }
    assert rows[0]["seconds_left"] == 47 * 3600

    code, out, _ = run(capsys, tmp_path, "tick", "--json", now="2026-11-04T10:00:00+08:00")
    assert code == 0 and json.loads(out)[0]["auto_action"] == "auto_approve"

    code, out, _ = run(capsys, tmp_path, "case", "show", cid, "--json", now="2026-11-04T10:00:00+08:00")
    case = json.loads(out)
    assert case["stage"] == "awaiting_buyer_return"
    assert [(e["action"], e["at"], e["actor"]) for e in case["events"]] == [
        ("open", NOW, "buyer"),
        ("auto_approve", "2026-11-04T10:00:00+08:00", "platform"),
    ]
    assert case["deadlines"][0]["due_at"] == "2026-11-14T10:00:00+08:00"
    # The auto-action's notice was written with it: held for the window to show.
    assert [(a["kind"], a["auto_action"], a["delivery"], a["sent_at"]) for a in case["alerts_sent"]] == [
        ("auto_action", "auto_approve", "held", None)
    ]


def test_domain_error_exits_1_and_changes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cid = add(capsys, tmp_path)
    code, out, err = run(capsys, tmp_path, "case", "act", cid, "confirm_receipt")
    assert code == 1 and err.startswith("error: confirm_receipt is not allowed") and err.count("\n") == 1
    code, out, _ = run(capsys, tmp_path, "case", "show", cid, "--json")
    assert json.loads(out)["stage"] == "awaiting_merchant"


@pytest.mark.parametrize(
    "args",
    [
        ["case", "add", "--platform", "nowhere"],
        ["case", "act"],
        ["due", "--bogus"],
        ["--now", "yesterday", "due"],
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, args: list[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        code = main(["--data-dir", str(tmp_path), *args])
        raise SystemExit(code)
    assert exc.value.code == 2


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--amount", "12.345"], "more than two decimals"),
        (["--amount", "abc"], "not an amount"),
        (["--requested-at", "2030-01-01T00:00:00"], "in the future"),
        (["--requested-at", "soon"], "not an ISO 8601 time"),
    ],
)
def test_bad_input_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    base = [
        "case",
        "add",
        "--platform",
        "taobao",
        "--type",
        "refund_only",
        "--reason",
        "quality",
        "--order-no",
        "O",
        "--aftersale-no",
        "A",
        "--amount",
        "1.00",
        "--requested-at",
        NOW,
    ]
    for i in range(0, len(extra), 2):
        base[base.index(extra[i]) + 1] = extra[i + 1]
    code, _, err = run(capsys, tmp_path, *base)
    assert code == 1 and message in err and err.count("\n") == 1


def test_act_by_aftersale_no_with_tracking_and_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add(capsys, tmp_path)
    assert (
        run(capsys, tmp_path, "case", "act", "KS1", "approve", "--at", "2026-11-02T09:00:00")[0] == 1
    )  # before open
    assert run(capsys, tmp_path, "case", "act", "KS1", "approve", now="2026-11-02T12:00:00+08:00")[0] == 0
    code, _, err = run(capsys, tmp_path, "case", "act", "KS1", "buyer_ship", now="2026-11-02T13:00:00+08:00")
    assert code == 1 and "--tracking" in err
    code, _, _ = run(
        capsys,
        tmp_path,
        "case",
        "act",
        "KS1",
        "buyer_ship",
        "--tracking",
        "SF1",
        now="2026-11-02T13:00:00+08:00",
    )
    assert code == 0
    code, out, _ = run(
        capsys,
        tmp_path,
        "case",
        "list",
        "--json",
        "--stage",
        "awaiting_merchant_receipt",
        now="2026-11-02T13:00:00+08:00",
    )
    rows = json.loads(out)
    assert [r["aftersale_no"] for r in rows] == ["KS1"]
    assert rows[0]["next_deadline"]["due_at"] == "2026-11-12T13:00:00+08:00"
    code, out, _ = run(capsys, tmp_path, "due", "--within", "24h", "--json", now="2026-11-02T13:00:00+08:00")
    assert json.loads(out) == []
    code, _, err = run(capsys, tmp_path, "due", "--within", "soon")
    assert code == 1 and "not a time span" in err


def test_duplicate_aftersale_no_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    add(capsys, tmp_path)
    code, _, err = run(
        capsys,
        tmp_path,
        "case",
        "add",
        "--platform",
        "kuaishou",
        "--type",
        "refund_only",
        "--reason",
        "quality",
        "--order-no",
        "O2",
        "--aftersale-no",
        "KS1",
        "--amount",
        "1",
        "--requested-at",
        NOW,
    )
    assert code == 1 and "already exists" in err


def test_demo_has_cases_with_countdowns(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--now", NOW, "--demo", "due", "--json"])
    rows = json.loads(capsys.readouterr().out)
    assert code == 0 and len(rows) >= 15
    lefts = sorted(r["seconds_left"] for r in rows)
    assert lefts[0] < 30 * 60 and lefts[-1] > 2 * 86400  # minutes to days away
    assert len({r["platform"] for r in rows}) == 7
    code = main(["--now", NOW, "--demo", "case", "list", "--json"])
    assert code == 0 and len(json.loads(capsys.readouterr().out)) == 60


def test_act_records_a_compensation_where_the_action_settles_with_the_buyer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add(capsys, tmp_path)  # return_refund
    later = "2026-11-02T12:00:00+08:00"
    code, _, err = run(capsys, tmp_path, "case", "act", "KS1", "approve", "--compensation", "20元", now=later)
    assert code == 0, err
    code, _, err = run(
        capsys, tmp_path, "case", "act", "KS1", "note", "--text", "x", "--compensation", "1.234"
    )
    assert code == 1 and "two decimals" in err  # money, checked by the service: nothing recorded
    code, _, err = run(
        capsys,
        tmp_path,
        "case",
        "act",
        "KS1",
        "buyer_ship",
        "--tracking",
        "SF1",
        "--compensation",
        "5",
        now=later,
    )
    assert code == 1 and err.strip().startswith("error: buyer_ship records no compensation")
    code, out, _ = run(capsys, tmp_path, "case", "show", "KS1", "--json", now=later)
    events = json.loads(out)["events"]
    assert [(e["action"], e["payload"].get("compensation")) for e in events] == [
        ("open", None),
        ("approve", "20.00"),
    ]
