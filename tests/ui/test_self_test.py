"""`--self-test` from source: every step passes; a broken step is named and exits 1."""

from __future__ import annotations

import io

import pytest

from app.cli import main as cli_main
from app.ui.shell import self_test


def test_self_test_passes_from_source(qapp) -> None:  # type: ignore[no-untyped-def]
    out = io.StringIO()
    assert self_test.run_self_test(out) == 0
    text = out.getvalue()
    for name, _step in self_test.STEPS:
        assert f"ok   {name}" in text
    assert "(source," in text and text.rstrip().splitlines()[-1].startswith("self-test passed")


def test_a_failing_step_is_named_and_exits_1(qapp, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    def missing(_run: object) -> str:
        raise self_test.SelfTestFailure("no *.toml in /nowhere/rules")

    steps = tuple((name, missing if name == "rule presets" else step) for name, step in self_test.STEPS)
    monkeypatch.setattr(self_test, "STEPS", steps)
    out = io.StringIO()
    assert self_test.run_self_test(out) == 1
    last = out.getvalue().rstrip().splitlines()[-1]
    assert last == "FAIL rule presets: SelfTestFailure: no *.toml in /nowhere/rules"
    assert "ok   translations" not in out.getvalue()  # stops at the first failure


def test_cli_flag_runs_it(qapp, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    assert cli_main(["--self-test"]) == 0
    assert "self-test passed" in capsys.readouterr().out
