"""Text for times, countdowns and money in the user's language and locale.

The countdown follows `app.services.text.labels.format_left` ('1天 03:12:45',
'已超时 2小时'); in Chinese the two give the same text (a test holds them to it).
Money is formatted from integer fen or Decimal, never through a float.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime, QTimeZone
from PySide6.QtWidgets import QDateTimeEdit

from app.ui.common import vocab

if TYPE_CHECKING:
    from app.services.rules.presets import Duration


def countdown(seconds_left: int) -> str:
    secs = int(seconds_left)
    if secs < 0:
        over = -secs
        if over < 60:
            return QCoreApplication.translate("Format", "overdue {0} s").format(over)
        if over < 3600:
            return QCoreApplication.translate("Format", "overdue {0} min").format(over // 60)
        if over < 86400:
            return QCoreApplication.translate("Format", "overdue {0} h").format(over // 3600)
        return QCoreApplication.translate("Format", "overdue {0} d").format(over // 86400)
    days, rest = divmod(secs, 86400)
    h, rest = divmod(rest, 3600)
    m, s = divmod(rest, 60)
    clock = f"{h:02d}:{m:02d}:{s:02d}"
    return QCoreApplication.translate("Format", "{0}d {1}").format(days, clock) if days else clock


def clock_text(due: int | None, waiting_for: str | None, has_clock: bool, now: int) -> str:
    """The countdown cell: time left, or 'not started' while the clock waits for its event."""
    if due is not None:
        return countdown(due - now)
    if has_clock and waiting_for:
        return QCoreApplication.translate("Format", "not started")
    return ""


def consequence(
    party: str | None, auto_action: str, confidence: str, waiting_for: str | None, due: int | None
) -> str:
    """What happens at zero ('Auto-refund'), marked when the preset is unverified (confidence C)."""
    if party is None:
        return ""
    if due is None and waiting_for:
        text = vocab.label(vocab.waiting(), waiting_for)
    else:
        text = vocab.label(vocab.auto_actions(), auto_action)
        if party != "merchant":
            text = QCoreApplication.translate("Format", "{0} ({1}'s clock)").format(
                text, vocab.label(vocab.parties(), party)
            )
    if confidence == "C":
        text = QCoreApplication.translate("Format", "{0} · unverified").format(text)
    return text


def money_fen(fen: int, locale: QLocale | None = None) -> str:
    """'¥1,234.50' with the locale's grouping and decimal point."""
    loc = locale or QLocale()
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(int(fen)), 100)
    return f"{sign}¥{loc.toString(yuan)}{loc.decimalPoint()}{cents:02d}"


def money(amount: Decimal | None, locale: QLocale | None = None) -> str:
    if amount is None:
        return ""
    return money_fen(int((amount * 100).to_integral_value()), locale)


# Platform times are Beijing time on every machine, as the platforms' back ends show them
# (China has kept UTC+8 all year since 1991: a fixed offset needs no time-zone database).
BEIJING_ZONE = QTimeZone(8 * 3600)


def beijing(seconds: int) -> QDateTime:
    """A Unix time as a Beijing-time QDateTime (for display and for date-time editors)."""
    return QDateTime.fromSecsSinceEpoch(int(seconds), BEIJING_ZONE)


def beijing_editor(seconds: int) -> QDateTimeEdit:
    """A date-time field that shows and reads Beijing time, whatever the computer's zone."""
    edit = QDateTimeEdit()
    edit.setTimeZone(BEIJING_ZONE)
    edit.setDateTime(beijing(seconds))
    return edit


def beijing_day_start(day: QDate) -> int:
    """00:00 Beijing time of a calendar day, as a Unix time."""
    return int(QDateTime(day, QTime(0, 0), BEIJING_ZONE).toSecsSinceEpoch())


def epoch_text(seconds: int | None, locale: QLocale | None = None) -> str:
    """A Unix time as Beijing date and time in the locale's short format."""
    if seconds is None:
        return ""
    loc = locale or QLocale()
    return loc.toString(beijing(seconds), QLocale.FormatType.ShortFormat)


def datetime_text(value: datetime | None, locale: QLocale | None = None) -> str:
    if value is None:
        return ""
    return epoch_text(int(value.timestamp()), locale)


def duration_text(d: Duration) -> str:
    """A rule's clock as the merchant reads it: '48 h' / '48小时', '2 working days' / '2个工作日'."""
    unit = {
        "m": QCoreApplication.translate("Rules", "{0} min"),
        "h": QCoreApplication.translate("Rules", "{0} h"),
        "d": QCoreApplication.translate("Rules", "{0} days"),
        "wd": QCoreApplication.translate("Rules", "{0} working days"),
    }[d.unit]
    return unit.format(d.amount)
