"""The computer's time zone never leaks in: the same instants under any TZ, Beijing time out."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ZONES = ("UTC", "America/Los_Angeles", "Asia/Shanghai", "Europe/Berlin")


def run(data: Path, zone: str, *args: str) -> str:
    env = {**os.environ, "TZ": zone}
    out = subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(data), "--now", "2026-11-02T10:00", *args],
        capture_output=True, text=True, check=True, cwd=ROOT, env=env,
    )  # fmt: skip
    return out.stdout


def test_due_gives_the_same_instants_in_every_zone(tmp_path: Path) -> None:
    data = tmp_path / "data"
    # Added in one zone, with a time without offset (Beijing time by the contract).
    run(data, "America/Los_Angeles", "case", "add", "--platform", "kuaishou", "--type", "return_refund",
        "--reason", "quality", "--order-no", "O1", "--aftersale-no", "KS1", "--amount", "99.00",
        "--requested-at", "2026-11-02 09:00")  # fmt: skip
    answers = {
        zone: [r for r in json.loads(run(data, zone, "due", "--json")) if r["kind"] == "platform"]
        for zone in ZONES
    }
    first = answers[ZONES[0]]
    assert first and first[0]["due_at"] == "2026-11-04T09:00:00+08:00"  # 48 h for the merchant
    assert all(rows == first for rows in answers.values())


def test_log_times_are_beijing_time(tmp_path: Path) -> None:
    data = tmp_path / "data"
    run(data, "America/Los_Angeles", "backup")
    log = (data / "logs" / "sentinel.log").read_text(encoding="utf-8")
    assert "+0800 " in log.splitlines()[-1]
