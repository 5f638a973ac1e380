"""Settings declared once: every value survives storage as text, bad values fall back."""

from __future__ import annotations

from datetime import time, timedelta

import pytest

from app.services.alerts.plan import DEFAULT_FOLLOW_UP_LEADS, DEFAULT_TARGET_LEADS, AlertSettings, QuietHours
from app.services.preferences.schema import (
    BY_KEY,
    SETTINGS,
    SettingError,
    alert_settings,
    defaults,
    parse_all,
)

REQUIRED = {
    "alerts/merchant_leads",
    "alerts/buyer_enabled",
    "alerts/buyer_lead",
    "alerts/quiet_enabled",
    "alerts/quiet_start",
    "alerts/quiet_end",
    "alerts/snooze_minutes",
    "system/start_at_login",
    "ui/language",
    "data/dir",
    "backup/keep_daily",
    "backup/keep_weekly",
    "backup/keep_monthly",
    "export/monthly_folder",
}


def test_declarations_are_complete_and_unique() -> None:
    assert set(BY_KEY) >= REQUIRED
    assert len(BY_KEY) == len(SETTINGS)
    assert all(s.label_zh and s.label_en for s in SETTINGS)


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.key)
def test_every_default_round_trips_through_text(setting: object) -> None:
    from app.services.preferences.schema import Setting

    assert isinstance(setting, Setting)
    assert setting.parse(setting.format(setting.default)) == setting.default


def test_ini_strings_are_typed_false_is_false() -> None:
    values, problems = parse_all({"alerts/buyer_enabled": "false", "alerts/merchant_leads": "2h, 30m"})
    assert values["alerts/buyer_enabled"] is False
    assert values["alerts/merchant_leads"] == (timedelta(hours=2), timedelta(minutes=30))
    assert problems == []


def test_bad_stored_values_fall_back_to_defaults_with_a_message() -> None:
    values, problems = parse_all({"alerts/snooze_minutes": "0", "alerts/quiet_start": "late"})
    assert values["alerts/snooze_minutes"] == 60
    assert values["alerts/quiet_start"] == time(22, 0)
    assert len(problems) == 2 and problems[0].startswith("alerts/snooze_minutes")
    with pytest.raises(SettingError, match="ui/language"):
        BY_KEY["ui/language"].parse("fr")


def test_alert_settings_from_values() -> None:
    values = defaults()
    # The shop's own targets and 回访 alert by the window's settings (the planner's defaults are off).
    own = {"target_leads": DEFAULT_TARGET_LEADS, "callback_leads": DEFAULT_FOLLOW_UP_LEADS}
    assert alert_settings(values) == AlertSettings(**own)  # type: ignore[arg-type]
    values["alerts/quiet_enabled"] = True
    assert alert_settings(values).quiet == QuietHours(time(22, 0), time(8, 0))


def test_no_key_lives_in_the_ini_general_group() -> None:
    """QSettings (INI) writes the group 'general' as [%General] and reads it back as 'General/…':
    a 'general/x' key would be lost at every restart (Qt's in-process cache hides it in one run)."""
    assert not [s.key for s in SETTINGS if s.key.split("/")[0].lower() == "general"]
