"""Every user setting, declared once: key, type, default, labels and help.

The settings dialog is built from `SETTINGS`; storage (QSettings, INI: every value comes
back as a string, and 'false' is truthy) goes through `Setting.parse` / `Setting.format`.
Pure Python: no Qt here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import time, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any

from app.models.enums import Platform
from app.services.alerts.plan import (
    DEFAULT_BUYER_LEAD,
    DEFAULT_FOLLOW_UP_LEADS,
    DEFAULT_MERCHANT_LEADS,
    DEFAULT_TARGET_LEADS,
    AlertSettings,
    QuietHours,
)
from app.services.clock import parse_span
from app.services.text.labels import PLATFORM_ZH


class SettingError(ValueError):
    """A stored or typed value that does not fit its setting (the message names the setting)."""


class Kind(StrEnum):
    BOOL = "bool"
    INT = "int"
    TIME = "time"  # local wall time, 'HH:MM'
    SPAN = "span"  # '24h', '15m' (typed as shown: '24小时', '15分钟')
    SPAN_LIST = "span_list"  # '24h,6h,1h,15m' (typed as shown: '24小时、6小时、1小时、15分钟')
    PATH = "path"  # '' means "the default"
    CHOICE = "choice"
    CHOICE_SET = "choice_set"  # 'taobao,douyin': any number of the choices, in declaration order


def format_span(span: timedelta) -> str:
    secs = int(span.total_seconds())
    if secs % 3600 == 0:
        return f"{secs // 3600}h"
    if secs % 60 == 0:
        return f"{secs // 60}m"
    return f"{secs}s"


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


@dataclass(frozen=True)
class Setting:
    key: str
    kind: Kind
    default: Any
    label_zh: str
    label_en: str
    help_zh: str
    help_en: str
    group: str  # dialog section: "alerts", "general", "data"
    choices: tuple[tuple[str, str], ...] = ()  # (value, label) for CHOICE and CHOICE_SET
    minimum: int | None = None
    maximum: int | None = None
    restart: bool = False  # the running app keeps the old value until it is started again
    choice_labels_en: tuple[str, ...] = ()  # English labels, when they differ, in `choices` order

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label_zh

    def help(self, lang: str) -> str:
        return self.help_en if lang == "en" else self.help_zh

    def choice_label(self, value: str, lang: str) -> str:
        for i, (v, label) in enumerate(self.choices):
            if v == value:
                return self.choice_labels_en[i] if lang == "en" and self.choice_labels_en else label
        return value

    def parse(self, raw: object) -> Any:
        """A typed value from what storage returned (often a string). Raises SettingError."""
        try:
            value = self._parse(raw)
        except (ValueError, TypeError) as e:
            raise SettingError(f"{self.key}: {e}") from e  # the cause keeps a two-language message
        return value

    def _parse(self, raw: object) -> Any:
        kind = self.kind
        if kind is Kind.BOOL:
            if isinstance(raw, bool):
                return raw
            text = str(raw).strip().lower()
            if text in _TRUE:
                return True
            if text in _FALSE:
                return False
            raise ValueError(f"not yes/no: {raw!r}")
        if kind is Kind.INT:
            if isinstance(raw, bool):
                raise ValueError(f"not a whole number: {raw!r}")
            number = int(str(raw).strip()) if not isinstance(raw, int) else raw
            if self.minimum is not None and number < self.minimum:
                raise ValueError(f"{number} is below {self.minimum}")
            if self.maximum is not None and number > self.maximum:
                raise ValueError(f"{number} is above {self.maximum}")
            return number
        if kind is Kind.TIME:
            if isinstance(raw, time):
                return raw
            hh, _, mm = str(raw).strip().partition(":")
            return time(int(hh), int(mm or 0))
        if kind is Kind.SPAN:
            span = raw if isinstance(raw, timedelta) else parse_span(str(raw))
            if span <= timedelta(0):
                raise ValueError("must be longer than zero")
            return span
        if kind is Kind.SPAN_LIST:
            items = raw if isinstance(raw, list | tuple) else str(raw).replace("，", ",").replace("、", ",").split(",")
            spans = [i if isinstance(i, timedelta) else parse_span(str(i)) for i in items if str(i).strip()]
            if any(s <= timedelta(0) for s in spans):
                raise ValueError("every lead time must be longer than zero")
            return tuple(sorted(set(spans), reverse=True))
        if kind is Kind.PATH:
            return Path(str(raw)) if str(raw).strip() else None
        if kind is Kind.CHOICE:
            text = str(raw)
            if text not in {v for v, _ in self.choices}:
                raise ValueError(f"{text!r} is not one of {[v for v, _ in self.choices]}")
            return text
        if kind is Kind.CHOICE_SET:
            items = raw if isinstance(raw, list | tuple) else str(raw).split(",")
            chosen = {str(i).strip() for i in items if str(i).strip()}
            unknown = chosen - {v for v, _ in self.choices}
            if unknown:
                raise ValueError(f"{sorted(unknown)} not among {[v for v, _ in self.choices]}")
            return tuple(v for v, _ in self.choices if v in chosen)
        raise AssertionError(kind)

    def format(self, value: Any) -> str:
        """The string stored for a typed value (parse(format(v)) == v)."""
        kind = self.kind
        if kind is Kind.BOOL:
            return "true" if value else "false"
        if kind is Kind.TIME:
            return f"{value.hour:02d}:{value.minute:02d}"
        if kind is Kind.SPAN:
            return format_span(value)
        if kind is Kind.SPAN_LIST:
            return ",".join(format_span(s) for s in value)
        if kind is Kind.PATH:
            return "" if value is None else str(value)
        if kind is Kind.CHOICE_SET:
            return ",".join(value)
        return str(value)


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "alerts/merchant_leads",
        Kind.SPAN_LIST,
        DEFAULT_MERCHANT_LEADS,
        "商家期限提醒提前量",
        "Alert lead times (merchant deadlines)",
        "平台自动处理前多久提醒，用逗号分隔，如 24h,6h,1h,15m",
        "How long before a platform auto-action to alert, comma separated, e.g. 24h,6h,1h,15m",
        "alerts",
    ),
    Setting(
        "alerts/buyer_enabled",
        Kind.BOOL,
        True,
        "买家期限也提醒",
        "Alert on buyer deadlines",
        "买家寄回等期限到期前提醒一次",
        "Alert once before a buyer-side deadline (e.g. return shipping) runs out",
        "alerts",
    ),
    Setting(
        "alerts/buyer_lead",
        Kind.SPAN,
        DEFAULT_BUYER_LEAD,
        "买家期限提醒提前量",
        "Buyer deadline lead time",
        "买家期限到期前多久提醒",
        "How long before a buyer-side deadline to alert",
        "alerts",
    ),
    Setting(
        "alerts/follow_up_leads",
        Kind.SPAN_LIST,
        DEFAULT_FOLLOW_UP_LEADS,
        "约定跟进提醒提前量",
        "Alert lead times (agreed follow-ups)",
        "与买家约定的跟进时间到期前多久提醒，用逗号分隔，如 1h,15m",
        "How long before a follow-up agreed with the buyer is due to alert, comma separated, e.g. 1h,15m",
        "alerts",
    ),
    Setting(
        "alerts/target_leads",
        Kind.SPAN_LIST,
        DEFAULT_TARGET_LEADS,
        "服务目标提醒提前量",
        "Alert lead times (our service targets)",
        "我方服务目标（首次响应、收货后退款、回访）到期前多久提醒，只在营业时间内提醒",
        "How long before one of our own service targets is due to alert; only during working hours",
        "alerts",
    ),
    Setting(
        "alerts/callback_leads",
        Kind.SPAN_LIST,
        DEFAULT_FOLLOW_UP_LEADS,
        "回访提醒提前量",
        "Alert lead times (callbacks)",
        "售后结束后的回访到期前多久提醒，用逗号分隔，如 1h,15m",
        "How long before a callback (回访) after a case is due to alert, comma separated, e.g. 1h,15m",
        "alerts",
    ),
    Setting(
        "alerts/quiet_enabled",
        Kind.BOOL,
        False,
        "夜间免打扰",
        "Quiet hours",
        "免打扰时段内不弹出提醒，结束时汇总显示一次",
        "No pop-ups during quiet hours; what was held is shown once as a summary when they end",
        "alerts",
    ),
    Setting(
        "alerts/quiet_start",
        Kind.TIME,
        time(22, 0),
        "免打扰开始",
        "Quiet hours start",
        "本地时间 HH:MM",
        "Local time, HH:MM",
        "alerts",
    ),
    Setting(
        "alerts/quiet_end",
        Kind.TIME,
        time(8, 0),
        "免打扰结束",
        "Quiet hours end",
        "本地时间 HH:MM",
        "Local time, HH:MM",
        "alerts",
    ),
    Setting(
        "alerts/snooze_minutes",
        Kind.INT,
        60,
        "暂停提醒时长（分钟）",
        "Snooze length (minutes)",
        "托盘菜单“暂停提醒”暂停多久",
        "How long the tray menu's snooze holds alerts",
        "alerts",
        minimum=5,
        maximum=24 * 60,
    ),
    Setting(
        "system/start_at_login",
        Kind.BOOL,
        False,
        "开机自动启动",
        "Start at login",
        "登录系统后自动启动并最小化到托盘",
        "Start when you log in, minimised to the tray",
        "general",
    ),
    Setting(
        "ui/language",
        Kind.CHOICE,
        "system",
        "界面语言",
        "Language",
        "重启后生效",
        "Takes effect after a restart",
        "general",
        choices=(("system", "跟随系统"), ("zh_CN", "简体中文"), ("en", "English")),
        restart=True,
        choice_labels_en=("Follow the system", "简体中文", "English"),
    ),
    Setting(
        "shops/platforms",
        Kind.CHOICE_SET,
        (),
        "我经营的平台",
        "My platforms",
        "新建售后单、导入和规则页优先显示这些平台；都不选则显示全部",
        "New cases, import and the rules screen offer these platforms first; none chosen: all",
        "general",
        choices=tuple((p.value, PLATFORM_ZH[p.value]) for p in Platform),
        choice_labels_en=(
            "Kuaishou",
            "Taobao/Tmall",
            "Douyin",
            "WeChat Shop",
            "Pinduoduo",
            "JD",
            "Xiaohongshu",
            "Custom",
        ),
    ),
    Setting(
        "data/dir",
        Kind.PATH,
        None,
        "数据文件夹",
        "Data folder",
        "留空使用默认位置；更改后重启生效（原文件夹的数据不会自动搬过去）",
        "Empty: the default location. Takes effect after a restart (data is not moved for you)",
        "data",
        restart=True,
    ),
    Setting(
        "attachments/max_mb",
        Kind.INT,
        50,
        "附件大小上限（MB）",
        "Attachment size limit (MB)",
        "比这个大的文件不能附加到售后单",
        "Files larger than this cannot be attached to a case",
        "data",
        minimum=1,
        maximum=2048,
        restart=True,  # read when the window attaches its data folder
    ),
    Setting(
        "backup/daily_time",
        Kind.TIME,
        time(12, 30),
        "每日备份时间",
        "Daily backup time",
        "应用运行时每天在此时间自动备份",
        "While the app runs, it backs up the database daily at this time",
        "data",
    ),
    Setting(
        "backup/keep_daily",
        Kind.INT,
        7,
        "保留每日备份（份）",
        "Daily backups kept",
        "",
        "",
        "data",
        minimum=1,
        maximum=365,
    ),
    Setting(
        "backup/keep_weekly",
        Kind.INT,
        4,
        "保留每周备份（份）",
        "Weekly backups kept",
        "",
        "",
        "data",
        minimum=0,
        maximum=104,
    ),
    Setting(
        "backup/keep_monthly",
        Kind.INT,
        12,
        "保留每月备份（份）",
        "Monthly backups kept",
        "",
        "",
        "data",
        minimum=0,
        maximum=120,
    ),
    Setting(
        "export/monthly_folder",
        Kind.PATH,
        None,
        "每月自动导出报表到",
        "Monthly report export folder",
        "每月 1 日自动导出上月 Excel 报表；留空则不导出",
        "On the 1st of each month, export last month's Excel report here; empty: off",
        "data",
    ),
)

BY_KEY: dict[str, Setting] = {s.key: s for s in SETTINGS}


def defaults() -> dict[str, Any]:
    return {s.key: s.default for s in SETTINGS}


def parse_all(raw: Mapping[str, object]) -> tuple[dict[str, Any], list[str]]:
    """Typed values for every setting; a missing or bad stored value falls back to its default.

    Returns the values and one message per bad value (to log or show), never raises.
    """
    values = defaults()
    problems: list[str] = []
    for key, stored in raw.items():
        setting = BY_KEY.get(key)
        if setting is None:
            continue
        try:
            values[key] = setting.parse(stored)
        except SettingError as e:
            problems.append(f"{e} (using the default)")
    return values, problems


def alert_settings(values: Mapping[str, Any], base: AlertSettings | None = None) -> AlertSettings:
    """The alert part of the settings, as the alert planner takes it."""
    base = base or AlertSettings()
    quiet = QuietHours(values["alerts/quiet_start"], values["alerts/quiet_end"])
    return AlertSettings(
        merchant_leads=tuple(values["alerts/merchant_leads"]),
        buyer_alerts=bool(values["alerts/buyer_enabled"]),
        buyer_lead=values["alerts/buyer_lead"],
        follow_up_leads=tuple(values["alerts/follow_up_leads"]),
        target_leads=tuple(values["alerts/target_leads"]),
        callback_leads=tuple(values["alerts/callback_leads"]),
        quiet=quiet if values["alerts/quiet_enabled"] else None,
        zone=base.zone,
        max_burst=base.max_burst,
        fresh_grace=base.fresh_grace,
    )
