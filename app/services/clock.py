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


# What merchants type and what back ends print besides ISO 8601: 2026/11/3 14:05,
# 2026年11月03日 14时05分, 2026.11.03 (with an optional offset). The one reader of these forms:
# the CLI, the importer and the window all take times through it.
_TIME_TEXT = re.compile(
    r"""^(?P<y>\d{4})\s*[-/.年]\s*(?P<mo>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?
        (?:[\sT]+(?P<h>\d{1,2})\s*[:：时]\s*(?P<mi>\d{1,2})
           (?:\s*[:：分]\s*(?P<s>\d{1,2})(?:\.(?P<frac>\d{1,6}))?\s*秒?)?\s*分?)?
        \s*(?P<tz>Z|[+-]\d{2}:?\d{2})?$""",
    re.VERBOSE,
)


def time_from_text(text: str) -> datetime | None:
    """A time in one of the forms above: naive (wall time, Beijing by the contract) or aware
    when it names an offset; None for any other form. ValueError for an impossible date."""
    m = _TIME_TEXT.match(text)
    if not m:
        return None
    g = m.groupdict()
    local = datetime(
        int(g["y"]),
        int(g["mo"]),
        int(g["d"]),
        int(g["h"] or 0),
        int(g["mi"] or 0),
        int(g["s"] or 0),
        int((g["frac"] or "0").ljust(6, "0")),
    )
    tz = g["tz"]
    if tz:
        offset = "+00:00" if tz == "Z" else tz if ":" in tz else f"{tz[:3]}:{tz[3:]}"
        local = datetime.fromisoformat(local.isoformat() + offset)
    return local


# The times the app takes in: platform records of after-sales cases, never before the Unix
# epoch nor beyond this century. Outside, a typo (year 1, 20260) — and arithmetic on it (an
# offset, a 10-day clock) would overflow `datetime` far from where it was typed.
FIRST_YEAR = 1970  # years as written (Beijing time when no offset is given)
LAST_YEAR = 2100
LONGEST_SPAN = timedelta(days=36_600)  # a century, and then some: a span past it is a typo


class OutOfRange(ValueError):
    """A time or span that parses but lies outside what the app takes (`str` says which)."""


def parse_instant(text: str) -> datetime:
    """ISO 8601 (or 2026/12/08 11:00, 2026年12月8日 11:00) → aware UTC. No offset means Beijing
    time. Raises ValueError, also for a time outside the years 1970–2100 (OutOfRange) or an
    offset beyond ±24 h."""
    cleaned = text.strip().replace("Z", "+00:00")
    if not cleaned:
        raise ValueError("empty time")
    try:
        parsed = datetime.fromisoformat(cleaned)
    except ValueError:
        loose = time_from_text(cleaned)
        if loose is None:
            raise
        parsed = loose
    written = ensure_aware(parsed)
    if not FIRST_YEAR <= written.year <= LAST_YEAR:
        raise OutOfRange(f"{text!r} is outside the years {FIRST_YEAR}–{LAST_YEAR}")
    return written.astimezone(UTC)  # (cannot overflow in those years)


def iso_beijing(value: datetime) -> str:
    """ISO 8601 with the +08:00 offset, seconds precision (the CLI's output format)."""
    return value.astimezone(BEIJING).isoformat(timespec="seconds")


def parse_span(text: str) -> timedelta:
    """'72h', '3d', '90m', '1d12h' → timedelta; also as shown ('24小时', '1天12小时', '15分钟').
    Raises ValueError (a DurationError with the message in both languages) with the bad text,
    and OutOfRange for a span longer than a century (a typo)."""
    from app.services.rules.durations import parse_span_text  # (it imports the messages, which import us)

    span = parse_span_text(text)
    if span > LONGEST_SPAN:
        raise OutOfRange(f"{text!r} is longer than {LONGEST_SPAN.days} days")
    return span
