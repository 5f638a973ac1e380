"""Platform holiday adjustments: a dated change a platform announces on top of its rules.

Around Spring Festival the platforms stretch their clocks ("from 2027-01-25 to 2027-02-20,
buyer-return clocks + 7 days; merchant receipt clocks paused"). No preset can know it, so
the merchant enters it, with where it was announced. Unlike a preset edit, an adjustment
applies to every case that is open while it runs — the platform applies it to them all — and
it is kept beside the presets, in `<data>/rules/adjustments.toml`.

Two effects, on the clocks of one platform that match a party and/or a stage:
- **extend**: a clock that runs at any time inside the window gets that much longer;
- **pause**: a clock does not run inside the window: what was left when it began is left
  when it ends.
The window is whole Beijing days, both ends included.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from app.models.enums import Party, Platform, Stage
from app.services.clock import BEIJING
from app.services.errors import InvalidInput
from app.services.text.messages import Template, Text

FILE_NAME = "adjustments.toml"
MAX_EXTENSION = timedelta(days=60)
MAX_WINDOW_DAYS = 120

APPLIES = Template(
    en="platform adjustment {first}–{last}: {effect} ({source})",
    zh="平台节假日调整 {first}–{last}：{effect}（{source}）",
)
EFFECT_EXTEND = Template(en="clock extended by {days} day(s)", zh="时限延长 {days} 天")
EFFECT_PAUSE = Template(en="clock paused", zh="时限暂停计时")
ENDS_BEFORE = Template(en="the adjustment ends before it starts", zh="调整的结束日期早于开始日期")
TOO_LONG = Template(
    en="an adjustment runs {days} days at most", zh="一次调整最长 {days} 天，请分开录入"
)
NO_EFFECT = Template(
    en="say what the platform does: extend the clocks by some days, or pause them",
    zh="请选择平台的做法：延长若干天，或暂停计时",
)
BAD_EXTENSION = Template(
    en="an extension is 1 to {days} days", zh="延长天数应在 1 到 {days} 天之间"
)
NO_SOURCE = Template(
    en="say where the platform announced it (the notice's title or page)",
    zh="请填写平台公告的出处（公告标题或页面）",
)
BAD_FILE = Template(en="{path}: {problem}", zh="{path}：{problem}")


@dataclass(frozen=True)
class Adjustment:
    platform: Platform
    first: date  # Beijing days, both included
    last: date
    source: str
    extend_days: int = 0  # 0: no extension
    pause: bool = False
    party: Party | None = None  # None: every party's clocks
    stage: Stage | None = None  # None: in every stage

    @property
    def id(self) -> str:
        """Stable key of an adjustment (its content): to remove it from the list."""
        blob = "|".join(str(v) for v in self.to_toml().values())
        return hashlib.sha256(blob.encode()).hexdigest()[:10]

    @property
    def window(self) -> tuple[datetime, datetime]:
        """[start, end) as aware instants: 00:00 Beijing of the first day, 00:00 after the last."""
        start = datetime.combine(self.first, time(0), BEIJING)
        return start, datetime.combine(self.last + timedelta(days=1), time(0), BEIJING)

    def matches(self, platform: Platform, party: Party, stage: Stage) -> bool:
        return (
            platform is self.platform
            and (self.party is None or party is self.party)
            and (self.stage is None or stage is self.stage)
        )

    def apply(self, start: datetime, due: datetime) -> datetime:
        """The due instant of a clock that runs from `start` to `due` under this adjustment."""
        ws, we = self.window
        if due <= ws or start >= we:
            return due  # the clock does not run during the window
        if self.pause:
            if start >= ws:  # began inside: starts counting when the window ends
                return we + (due - start)
            return we + (due - ws)  # what was left when the window began is left when it ends
        return due + timedelta(days=self.extend_days)

    def notice(self) -> Text:
        effect = EFFECT_PAUSE() if self.pause else EFFECT_EXTEND(days=self.extend_days)
        return APPLIES(first=self.first.isoformat(), last=self.last.isoformat(), effect=effect, source=self.source)

    def to_toml(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "platform": self.platform.value,
            "from": self.first.isoformat(),
            "to": self.last.isoformat(),
            "source": self.source,
        }
        if self.pause:
            out["pause"] = True
        else:
            out["extend_days"] = self.extend_days
        if self.party is not None:
            out["party"] = self.party.value
        if self.stage is not None:
            out["stage"] = self.stage.value
        return out


def checked(adjustment: Adjustment) -> Adjustment:
    """The adjustment if it holds; InvalidInput (both languages) naming what does not."""
    if adjustment.last < adjustment.first:
        raise InvalidInput(ENDS_BEFORE())
    if (adjustment.last - adjustment.first).days + 1 > MAX_WINDOW_DAYS:
        raise InvalidInput(TOO_LONG(days=MAX_WINDOW_DAYS))
    if not adjustment.pause and adjustment.extend_days == 0:
        raise InvalidInput(NO_EFFECT())
    if not adjustment.pause and not 0 < adjustment.extend_days <= MAX_EXTENSION.days:
        raise InvalidInput(BAD_EXTENSION(days=MAX_EXTENSION.days))
    if not adjustment.source.strip():
        raise InvalidInput(NO_SOURCE())
    return adjustment


def adjusted_due(
    adjustments: Iterable[Adjustment], platform: Platform, party: Party, stage: Stage, start: datetime, due: datetime
) -> tuple[datetime, tuple[Adjustment, ...]]:
    """A clock's due instant after every matching adjustment (in window order), and which applied."""
    applied = []
    for adj in sorted(adjustments, key=lambda a: a.first):
        if adj.matches(platform, party, stage):
            moved = adj.apply(start, due)
            if moved != due:
                applied.append(adj)
            due = moved
    return due, tuple(applied)


# ---- the file -------------------------------------------------------------------------------


def _parse(raw: dict[str, Any]) -> Adjustment:
    return checked(
        Adjustment(
            platform=Platform(raw["platform"]),
            first=date.fromisoformat(str(raw["from"])),
            last=date.fromisoformat(str(raw["to"])),
            source=str(raw.get("source", "")),
            extend_days=int(raw.get("extend_days", 0)),
            pause=bool(raw.get("pause", False)),
            party=Party(raw["party"]) if raw.get("party") else None,
            stage=Stage(raw["stage"]) if raw.get("stage") else None,
        )
    )


def load(rules_dir: Path) -> tuple[tuple[Adjustment, ...], Text | None]:
    """The adjustments entered for every platform, and a problem with the file if there is one
    (then the entries that hold are kept and the rest is reported)."""
    path = rules_dir / FILE_NAME
    if not path.exists():
        return (), None
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        return (), BAD_FILE(path=str(path), problem=str(e))
    out: list[Adjustment] = []
    problem: Text | None = None
    for raw in data.get("adjustment", []):
        try:
            out.append(_parse(raw))
        except (KeyError, ValueError, TypeError, InvalidInput) as e:
            problem = BAD_FILE(path=str(path), problem=str(e))
    return tuple(out), problem


def save(rules_dir: Path, adjustments: Sequence[Adjustment]) -> None:
    """Write every adjustment, whole, under a temporary name first."""
    lines = ["# Platform holiday adjustments entered in 售后哨兵 (each with where it was announced)."]
    for adj in adjustments:
        lines.append("")
        lines.append("[[adjustment]]")
        for key, value in adj.to_toml().items():
            if isinstance(value, bool):
                lines.append(f"{key} = {'true' if value else 'false'}")
            elif isinstance(value, int):
                lines.append(f"{key} = {value}")
            else:
                text = " ".join(str(value).split())  # one line: a basic TOML string
                escaped = text.replace("\\", "\\\\").replace('"', '\\"')
                lines.append(f'{key} = "{escaped}"')
    rules_dir.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".adjustments-", suffix=".toml", dir=rules_dir)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        os.replace(tmp, rules_dir / FILE_NAME)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
