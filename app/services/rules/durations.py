"""Durations as the merchant reads and types them: '72小时', '3天', '2个工作日', '90分钟', '1天12小时',
and the short codes of the rule files ('72h', '3d', '2wd', '90m').

One grammar for the rules editor (a rule's clock: one amount, one unit) and for time spans
in the settings (alert lead times: several parts, '1天12小时'). Refusals are messages in both
languages. Rule files stay strict (`Duration.parse`: the codes only), so a typo in a file is
reported rather than guessed.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import TYPE_CHECKING

from app.services.text.messages import Template, Text

LONGEST_SECONDS = 36_600 * 86_400  # = clock.LONGEST_SPAN (clock imports this module lazily)

if TYPE_CHECKING:
    from app.services.rules.presets import Duration

# Longest words first, so '个工作日' is not read as '日'.
UNIT_WORDS: tuple[tuple[str, str], ...] = (
    ("个工作日", "wd"),
    ("工作日", "wd"),
    ("working days", "wd"),
    ("working day", "wd"),
    ("wd", "wd"),
    ("个小时", "h"),
    ("小时", "h"),
    ("hours", "h"),
    ("hour", "h"),
    ("分钟", "m"),
    ("minutes", "m"),
    ("minute", "m"),
    ("min", "m"),
    ("days", "d"),
    ("day", "d"),
    ("天", "d"),
    ("日", "d"),
    ("时", "h"),
    ("分", "m"),
    ("秒", "s"),
    ("d", "d"),
    ("h", "h"),
    ("m", "m"),
    ("s", "s"),
)
_PART = re.compile(r"\s*(\d+)\s*(" + "|".join(re.escape(w) for w, _ in UNIT_WORDS) + r")\s*", re.IGNORECASE)
_SECONDS = {"d": 86400, "h": 3600, "m": 60, "s": 1}

NOT_A_DURATION = Template(
    en="{text!r} is not a duration: write e.g. 48 h, 10 days, 90 min or 2 working days (48h, 10d, 90m, 2wd)",
    zh="「{text}」不是时长：请写成 48小时、3天、2个工作日 或 90分钟",
)
NOT_A_SPAN = Template(
    en="{text!r} is not a time span: write e.g. 24小时 (24h), 3天 (3d), 90分钟 (90m) or 1天12小时",
    zh="「{text}」不是时长：请写成 24小时、3天、90分钟 或 1天12小时",
)


class DurationError(ValueError):
    """A duration that cannot be read; `args[0]` is a `Text` (English as str, Chinese on render)."""

    def __init__(self, message: Text) -> None:
        super().__init__(message)
        self.message = message


def _parts(text: str) -> list[tuple[int, str]] | None:
    s = text.strip()
    out: list[tuple[int, str]] = []
    pos = 0
    while pos < len(s):
        m = _PART.match(s, pos)
        if m is None or m.end() == pos:
            return None
        word = m.group(2).lower()
        out.append((int(m.group(1)), next(u for w, u in UNIT_WORDS if w.lower() == word)))
        pos = m.end()
    return out or None


def duration_from_text(text: str) -> Duration:
    """A rule's clock as the merchant types it in the rules editor."""
    from app.services.rules.presets import Duration

    return Duration(*parse_duration(text))


def parse_duration(text: str) -> tuple[int, str]:
    """A rule's clock: (amount, unit) with unit 'm', 'h', 'd' or 'wd'; DurationError otherwise."""
    parts = _parts(text)
    if parts is None or len(parts) != 1 or parts[0][1] == "s" or parts[0][0] <= 0:
        raise DurationError(NOT_A_DURATION(text=text.strip()))
    return parts[0]


def parse_span_text(text: str) -> timedelta:
    """A wall-clock span: '24h', '1天12小时', '15分钟' (no working days); DurationError otherwise."""
    parts = _parts(text)
    if parts is None or any(unit == "wd" for _, unit in parts):
        raise DurationError(NOT_A_SPAN(text=text.strip()))
    seconds = sum(n * _SECONDS[unit] for n, unit in parts)
    if seconds > LONGEST_SECONDS:  # a typo; timedelta itself would overflow on the largest
        from app.services.clock import OutOfRange

        raise OutOfRange(f"{text.strip()!r} is longer than {LONGEST_SECONDS // 86400} days")
    return timedelta(seconds=seconds)
