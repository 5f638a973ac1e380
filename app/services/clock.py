"""The one injectable clock. Every service that reads time takes one of these."""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime, timedelta, timezone
from typing import Protocol

BEIJING = timezone(timedelta(hours=8), "CST")


class Clock(Protocol):
    def now(self) -> datetime:
        """An aware UTC datetime."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class FixedClock:
    """Stands still until moved; for tests and one-shot CLI commands with `--now`."""

    def __init__(self, instant: datetime) -> None:
        self._now = ensure_aware(instant).astimezone(UTC)

    def now(self) -> datetime:
        return self._now

    def set(self, instant: datetime) -> None:
        self._now = ensure_aware(instant).astimezone(UTC)

    def advance(self, delta: timedelta) -> None:
        self._now += delta


class RunningClock:
    """Starts at a chosen instant and runs on in real time (the window with `--now`)."""

    def __init__(self, start: datetime) -> None:
        self._start = ensure_aware(start).astimezone(UTC)
        self._t0 = time.monotonic()

    def now(self) -> datetime:
        return self._start + timedelta(seconds=time.monotonic() - self._t0)


def ensure_aware(value: datetime) -> datetime:
    """Times without an offset are Beijing time (DESIGN.md)."""
    return value if value.tzinfo is not None else value.replace(tzinfo=BEIJING)


# What merchants type and what back ends print besides ISO 8601: 2026/12/08 11:00, 2026.12.08,
# 2026年12月8日 11时05分 (one-digit month, day and hour allowed; the rest of the text is kept).
_LOOSE = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})日?"
    r"(?:(?:\s+|T)(\d{1,2})\s*[:时]\s*(\d{1,2})\s*分?(?:\s*[:]?\s*(\d{1,2}(?:\.\d+)?)\s*秒?)?)?(.*)$"
)


def _iso(text: str) -> str:
    m = _LOOSE.match(text)
    if not m:
        return text
    y, mo, d, h, mi, s, rest = m.groups()
    out = f"{y}-{int(mo):02d}-{int(d):02d}"
    if h is not None:
        out += f"T{int(h):02d}:{int(mi):02d}"
        if s is not None:
            whole, _, frac = s.partition(".")
            out += f":{int(whole):02d}" + (f".{frac}" if frac else "")
    return out + rest.strip()


def parse_instant(text: str) -> datetime:
    """ISO 8601 (or 2026/12/08 11:00, 2026年12月8日 11:00) → aware UTC. No offset means Beijing
    time. Raises ValueError."""
    cleaned = text.strip().replace("Z", "+00:00")
    if not cleaned:
        raise ValueError("empty time")
    return ensure_aware(datetime.fromisoformat(_iso(cleaned))).astimezone(UTC)


def iso_beijing(value: datetime) -> str:
    """ISO 8601 with the +08:00 offset, seconds precision (the CLI's output format)."""
    return value.astimezone(BEIJING).isoformat(timespec="seconds")


_UNITS = {"d": 86400, "h": 3600, "m": 60, "s": 1}


def parse_span(text: str) -> timedelta:
    """'72h', '3d', '90m', '1d12h' → timedelta. Raises ValueError with the bad text."""
    s = text.strip().lower()
    total = 0
    num = ""
    seen = False
    for ch in s:
        if ch.isdigit():
            num += ch
        elif ch in _UNITS and num:
            total += int(num) * _UNITS[ch]
            num = ""
            seen = True
        else:
            raise ValueError(f"not a time span: {text!r} (use e.g. 48h, 7d, 90m)")
    if num or not seen:
        raise ValueError(f"not a time span: {text!r} (use e.g. 48h, 7d, 90m)")
    return timedelta(seconds=total)
