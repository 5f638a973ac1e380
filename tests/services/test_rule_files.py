"""Preset files: malformed ones are named with file, line and field; user copies; versions."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from app.bootstrap import AppContext
from app.models.enums import CaseType, Platform, Reason
from app.paths import resource
from app.services.clock import FixedClock
from app.services.rules.presets import Duration, RuleBook, RuleFileError, parse_preset, preset_to_toml
from tests.conftest import T0
from tests.services.scenario import open_case

GOOD = (resource("rules") / "kuaishou.toml").read_text(encoding="utf-8")


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if line.startswith(needle))


@pytest.mark.parametrize(
    ("old", "new", "field", "message"),
    [
        ('duration = "10d"', 'duration = "ten days"', "duration", "is not like"),
        ('party = "buyer"', 'party = "seller"', "party", "is not one of"),
        ('auto_action = "auto_close"', 'auto_action = "auto_explode"', "auto_action", "is not one of"),
        ('stage = "awaiting_buyer_return"', 'stage = "refunded"', "stage", "is final"),
        ('confidence = "B"', 'confidence = "Z"', "confidence", "is not one of"),
        ('next_stage = "closed"', 'next_stage = "completed"', "next_stage", "not completed"),
    ],
)
def test_malformed_field_is_named_with_line(old: str, new: str, field: str, message: str) -> None:
    assert "\n" + old in GOOD
    bad = GOOD.replace("\n" + old, "\n" + new, 1)
    with pytest.raises(RuleFileError) as exc:
        parse_preset(bad, "kuaishou.toml")
    err = exc.value
    assert (err.field_name, err.line) == (field, line_of(bad, new))
    assert message in err.message
    assert str(err).startswith(f"kuaishou.toml:{err.line} [{field}]")


def test_bad_toml_and_missing_field() -> None:
    with pytest.raises(RuleFileError, match=r"kuaishou.toml:3.*not valid TOML"):
        parse_preset("[preset]\nplatform = 'kuaishou'\nlabel = = 1\n", "kuaishou.toml")
    text = GOOD.replace('clock_start = "stage"\nauto_action = "auto_refund"', 'clock_start = "stage"', 1)
    with pytest.raises(RuleFileError, match=r"\[auto_action\]: missing"):
        parse_preset(text, "kuaishou.toml")


def test_broken_user_copy_is_reported_and_builtin_stays(tmp_path: Path) -> None:
    user = tmp_path / "rules"
    user.mkdir()
    (user / "kuaishou.toml").write_text(GOOD.replace('"48h"', '"48 hours"', 1), encoding="utf-8")
    book = RuleBook.load(resource("rules"), user)
    assert [e.field_name for e in book.errors] == ["duration"]
    assert book.active(Platform.KUAISHOU) is book.builtin[Platform.KUAISHOU]


def test_edited_preset_applies_to_new_cases_only(ctx: AppContext, clock: FixedClock) -> None:
    old_case = open_case(ctx, clock, Platform.KUAISHOU, CaseType.RETURN_REFUND, True, Reason.QUALITY, T0)
    preset = ctx.rules.active(Platform.KUAISHOU)
    rules = tuple(
        r
        if r.id != "kuaishou.return_refund.awaiting_merchant"
        else type(r)(**{**r.__dict__, "duration": Duration(72, "h")})
        for r in preset.rules
    )
    path = ctx.rules.save_user_copy(type(preset)(preset.platform, preset.label, rules))
    assert path.exists() and ctx.rules.active(Platform.KUAISHOU).version != preset.version
    new_case = open_case(ctx, clock, Platform.KUAISHOU, CaseType.RETURN_REFUND, True, Reason.QUALITY, T0)
    due = {r.case_id: r.due_at for r in ctx.queries.due()}
    assert due[old_case] == T0 + timedelta(hours=48)
    assert due[new_case] == T0 + timedelta(hours=72)
    # The old case still follows its own version after the app restarts.
    reloaded = RuleBook.load(resource("rules"), ctx.data_dir / "rules")
    assert reloaded.active(Platform.KUAISHOU).version == ctx.rules.active(Platform.KUAISHOU).version
    ctx.rules.reset_to_builtin(Platform.KUAISHOU)
    assert ctx.rules.active(Platform.KUAISHOU).version == preset.version


def test_toml_round_trip_keeps_the_version() -> None:
    book = RuleBook.load(resource("rules"))
    for preset in book.presets.values():
        again = parse_preset(preset_to_toml(preset), "x.toml")
        assert again.version == preset.version


def test_working_days_skip_weekends() -> None:
    from app.services.clock import parse_instant

    friday = parse_instant("2026-11-06T15:00:00")
    assert Duration.parse("2wd").add_to(friday) == parse_instant("2026-11-10T15:00:00")
