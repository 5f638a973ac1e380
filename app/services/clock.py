"""The one injectable clock. Every service that reads time takes one of these."""

from __future__ import annotations

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


def parse_instant(text: str) -> datetime:
    """ISO 8601 → aware UTC. No offset means Beijing time. Raises ValueError."""
    cleaned = text.strip().replace("Z", "+00:00")
    if not cleaned:
        raise ValueError("empty time")
    return ensure_aware(datetime.fromisoformat(cleaned)).astimezone(UTC)


def iso_beijing(value: datetime) -> str:
    """ISO 8601 with the +08:00 offset, seconds precision (the CLI's output format)."""
    return value.astimezone(BEIJING).isoformat(timespec="seconds")


def parse_span(text: str) -> timedelta:
    """'72h', '3d', '90m', '1d12h' → timedelta; also as shown ('24小时', '1天12小时', '15分钟').
    Raises ValueError (a DurationError with the message in both languages) with the bad text."""
    from app.services.rules.durations import parse_span_text  # (it imports the messages, which import us)

    return parse_span_text(text)
