"""The service desk from the command line (DESIGN.md): follow-ups in `due --json` and
`case show --json`, `templates list|fill`, `--handler` on writing commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.services.test_cli import NOW, add, run


def test_a_note_with_follow_up_by_appears_in_due_and_show(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cid = add(capsys, tmp_path, handler="小王")
    code, _, err = run(
        capsys,
        tmp_path,
        "case",
        "act",
        cid,
        "note",
        "--text",
        "答应明天回电",
        "--follow-up-by",
        "2026-11-03T15:00",
        "--handler",
        "小王",
    )
    assert code == 0, err
    code, out, _ = run(capsys, tmp_path, "due", "--json")
    rows = json.loads(out)
    follow = [r for r in rows if r["kind"] == "follow_up"]
    assert [r["kind"] for r in rows] == ["follow_up", "platform"]
    assert {k: follow[0][k] for k in ("party", "auto_action", "text", "due_at", "case_id")} == {
        "party": "merchant",
        "auto_action": None,
        "text": "答应明天回电",
        "due_at": "2026-11-03T15:00:00+08:00",
        "case_id": int(cid),
    }
    code, out, _ = run(capsys, tmp_path, "case", "show", cid, "--json")
    shown = json.loads(out)
    (f,) = shown["follow_ups"]
    assert (f["status"], f["handler"], f["kept"], f["event_seq"]) == ("open", "小王", None, 2)
    assert [e["handler"] for e in shown["events"]] == ["小王", "小王"]
    code, out, _ = run(
        capsys,
        tmp_path,
        "follow-up",
        "done",
        str(f["id"]),
        "--handler",
        "小王",
        "--json",
        now="2026-11-03T14:00:00+08:00",
    )
    assert code == 0 and json.loads(out)["status"] == "kept"
    _, out, _ = run(capsys, tmp_path, "due", "--json")
    assert [r["kind"] for r in json.loads(out)] == ["platform"]


def test_unknown_handler_is_a_domain_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cid = add(capsys, tmp_path, handler="小王")
    code, _, err = run(capsys, tmp_path, "case", "act", cid, "note", "--text", "x", "--handler", "小玉")
    assert code == 1 and "unknown handler" in err and "小王" in err


def test_templates_list_and_fill(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cid = add(capsys, tmp_path, buyer="小美", product="保温杯", shop="暖暖家居")
    code, out, _ = run(capsys, tmp_path, "templates", "list", "--json")
    templates = json.loads(out)
    assert code == 0 and len(templates) >= 10
    assert set(templates[0]) == {"id", "title", "body", "stages", "reasons", "platforms", "position"}
    first = templates[0]
    code, out, err = run(capsys, tmp_path, "templates", "fill", str(first["id"]), cid, "--handler", "小王")
    assert code == 0, err
    assert "保温杯" in out and "小王" in out and "{" not in out
    code, out, err = run(capsys, tmp_path, "templates", "set-field", "退货地址", "杭州市余杭区 88 号")
    assert code == 0
    (ship_back,) = [t for t in templates if t["stages"] == ["awaiting_buyer_return"]]
    code, out, err = run(capsys, tmp_path, "templates", "fill", str(ship_back["id"]), cid)
    assert "杭州市余杭区 88 号" in out
    path = tmp_path / "t.json"
    assert run(capsys, tmp_path, "templates", "export", str(path))[0] == 0
    code, out, _ = run(capsys, tmp_path, "templates", "import", str(path))
    assert code == 0 and out.startswith("0 template(s) added")
    assert NOW
