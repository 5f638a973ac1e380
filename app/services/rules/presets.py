"""Platform rule presets: TOML files of clocks, validated, versioned by content.

A preset is data (resources/rules/<platform>.toml). A user copy in the data
folder (rules/<platform>.toml) overrides it when it is valid; a malformed one
is reported with file, line and field, and the built-in preset stays in force.
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timedelta
from functools import cached_property
from pathlib import Path
from typing import Any

from app.models.enums import (
    AutoAction,
    CaseType,
    ClockStart,
    Confidence,
    Party,
    Platform,
    Reason,
    Stage,
)
from app.services.rules import adjustments
from app.services.rules.adjustments import Adjustment
from app.services.rules.calendar import default_calendar
from app.services.rules.workflow import auto_next_stage
from app.services.text.messages import Template, Text

COPY_IGNORED = Template(
    en="{error}; the built-in rules stay in force until the file is fixed",
    zh="{error}；在修好这个文件之前，仍使用内置规则",
)

_DURATION_RE = re.compile(r"^\s*(\d+)\s*(wd|d|h|m)\s*$")
# The longest clock a preset may hold, per unit: ten years. No platform clock comes near it;
# beyond it a deadline leaves the calendar (OverflowError) or the working-day count crawls.
_LONGEST = {"m": 3650 * 24 * 60, "h": 3650 * 24, "d": 3650, "wd": 2500}


@dataclass(frozen=True)
class Duration:
    """A clock length: plain hours/days/minutes, or China's working days (Beijing time, rules/calendar.py)."""

    amount: int
    unit: str  # "m", "h", "d" or "wd"

    @classmethod
    def parse(cls, text: str) -> Duration:
        m = _DURATION_RE.match(text)
        if not m or int(m.group(1)) <= 0:
            raise ValueError(f"duration {text!r} is not like '48h', '10d', '90m' or '2wd'")
        if int(m.group(1)) > _LONGEST[m.group(2)]:
            raise ValueError(
                f"duration {text!r} is longer than ten years ({_LONGEST[m.group(2)]}{m.group(2)})"
            )
        return cls(int(m.group(1)), m.group(2))

    def __str__(self) -> str:
        return f"{self.amount}{self.unit}"

    def add_to(self, start: datetime) -> datetime:
        if self.unit == "m":
            return start + timedelta(minutes=self.amount)
        if self.unit == "h":
            return start + timedelta(hours=self.amount)
        if self.unit == "d":
            return start + timedelta(days=self.amount)
        return default_calendar().add_workdays(start, self.amount)


@dataclass(frozen=True)
class Rule:
    id: str
    types: tuple[CaseType, ...]
    stage: Stage
    party: Party
    duration: Duration
    clock_start: ClockStart
    auto_action: AutoAction
    source: str  # the technical origin (notes, seeds), for support: the detail's "details" line
    confidence: Confidence
    shipped: bool | None = None
    reasons: tuple[Reason, ...] = ()
    note: str = ""
    # What a merchant can check: which rule page, what it says, 未核实 when unverified (Chinese)
    source_zh: str = ""

    def matches(self, case_type: CaseType, stage: Stage, shipped: bool, reason: Reason) -> bool:
        return (
            stage is self.stage
            and case_type in self.types
            and (self.shipped is None or self.shipped == shipped)
            and (not self.reasons or reason in self.reasons)
        )

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["duration"] = str(self.duration)
        d["types"] = [t.value for t in self.types]
        d["reasons"] = [r.value for r in self.reasons]
        for k in ("stage", "party", "clock_start", "auto_action", "confidence"):
            d[k] = d[k].value
        if not self.source_zh:  # a copy written before source_zh keeps its version
            del d["source_zh"]
        return d


@dataclass(frozen=True)
class RulePreset:
    platform: Platform
    label: str
    rules: tuple[Rule, ...]
    origin: str = "built-in"  # or the path of the user's copy
    # The platform's dated holiday adjustments in force (not part of the version: they apply to
    # every open case of the platform, whichever preset version it was opened under).
    adjustments: tuple[Adjustment, ...] = ()

    @cached_property
    def version(self) -> str:
        """Content hash: the same clocks give the same version, whatever the file looks like."""
        blob = json.dumps([r.to_json() for r in self.rules], sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(blob.encode()).hexdigest()[:12]

    def content(self) -> dict[str, Any]:
        return {
            "platform": self.platform.value,
            "label": self.label,
            "rules": [r.to_json() for r in self.rules],
        }

    def rule(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)


@dataclass
class RuleFileError(Exception):
    """A preset file that cannot be used, with where and why."""

    path: str
    line: int | None
    field_name: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        fld = f" [{self.field_name}]" if self.field_name else ""
        return f"{where}{fld}: {self.message}"


def _line_of(text: str, rule_index: int | None, field_name: str | None) -> int | None:
    """1-based line of the `rule_index`-th [[rule]] table (and its field, if present)."""
    lines = text.splitlines()
    if rule_index is None:
        if field_name:
            for i, line in enumerate(lines, 1):
                if re.match(rf"\s*{re.escape(field_name)}\s*=", line):
                    return i
        return None
    seen = -1
    start = None
    for i, line in enumerate(lines, 1):
        if re.match(r"\s*\[\[\s*rule\s*\]\]", line):
            seen += 1
            if seen == rule_index:
                start = i
            elif start is not None:
                break
        elif start is not None and field_name and re.match(rf"\s*{re.escape(field_name)}\s*=", line):
            return i
    return start


def _enum(kind: type[Any], value: Any, fld: str) -> Any:
    try:
        return kind(value)
    except (ValueError, TypeError):  # (a table is unhashable: TypeError)
        choices = ", ".join(m.value for m in kind)
        raise ValueError(f"{fld} = {value!r} is not one of: {choices}") from None


def _parse_rule(raw: dict[str, Any], seen_ids: set[str]) -> Rule:
    """Validate one [[rule]] table. Raises KeyError/ValueError carrying the field name."""

    def need(key: str) -> Any:
        if key not in raw:
            raise _FieldError(key, "missing")
        return raw[key]

    try:
        rid = str(need("id"))
        if rid in seen_ids:
            raise _FieldError("id", f"duplicate rule id {rid!r}")
        types_raw = need("types")
        if not isinstance(types_raw, list) or not types_raw:
            raise _FieldError("types", 'must be a non-empty list, e.g. ["return_refund"] or ["*"]')
        if types_raw == ["*"]:
            types = tuple(CaseType)
        else:
            types = tuple(_enum(CaseType, t, "types") for t in types_raw)
        stage = _enum(Stage, need("stage"), "stage")
        if stage.is_final:
            raise _FieldError("stage", f"{stage.value} is final: no clock runs there")
        party = _enum(Party, need("party"), "party")
        try:
            duration = Duration.parse(str(need("duration")))
        except ValueError as e:
            raise _FieldError("duration", str(e)) from None
        clock_start = _enum(ClockStart, raw.get("clock_start", "stage"), "clock_start")
        auto = _enum(AutoAction, need("auto_action"), "auto_action")
        confidence = _enum(Confidence, need("confidence"), "confidence")
        source = str(need("source"))
        shipped = raw.get("shipped")
        if shipped is not None and not isinstance(shipped, bool):
            raise _FieldError("shipped", "must be true or false")
        reasons_raw = raw.get("reasons", [])
        if not isinstance(reasons_raw, list):
            raise _FieldError("reasons", 'must be a list, e.g. ["quality", "damaged"]')
        reasons = tuple(_enum(Reason, r, "reasons") for r in reasons_raw)
    except ValueError as e:
        fld = str(e).split(" ", 1)[0]
        raise _FieldError(fld, str(e)) from None
    for t in types:
        if auto_next_stage(t, stage, auto) is None:
            raise _FieldError(
                "auto_action", f"{auto.value} cannot happen to a {t.value} case in {stage.value}"
            )
    expected = raw.get("next_stage")
    if expected is not None:
        for t in types:
            got = auto_next_stage(t, stage, auto)
            if got is None or got.value != expected:
                raise _FieldError(
                    "next_stage",
                    f"{auto.value} moves a {t.value} case to {got.value if got else '-'}, not {expected}",
                )
    return Rule(
        id=rid,
        types=types,
        stage=stage,
        party=party,
        duration=duration,
        clock_start=clock_start,
        auto_action=auto,
        source=source,
        confidence=confidence,
        shipped=shipped,
        reasons=reasons,
        note=str(raw.get("note", "")),
        source_zh=str(raw.get("source_zh", "")).strip(),
    )


class _FieldError(Exception):
    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(message)
        self.field_name = field_name
        self.message = message


def parse_preset(text: str, path: str, origin: str = "built-in") -> RulePreset:
    """Parse and validate preset text; RuleFileError names file, line and field."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        m = re.search(r"line (\d+)", str(e))
        raise RuleFileError(path, int(m.group(1)) if m else None, None, f"not valid TOML: {e}") from None
    preset = data.get("preset", {})
    if not isinstance(preset, dict):
        raise RuleFileError(path, _line_of(text, None, "preset"), "preset", "must be a [preset] table")
    try:
        platform = _enum(Platform, preset.get("platform"), "platform")
    except ValueError as e:
        raise RuleFileError(path, _line_of(text, None, "platform"), "platform", str(e)) from None
    label = str(preset.get("label", platform.value))
    raws = data.get("rule", [])
    if not isinstance(raws, list) or not raws:
        raise RuleFileError(path, _line_of(text, None, "rule"), "rule", "no [[rule]] tables found")
    rules: list[Rule] = []
    ids: set[str] = set()
    for i, raw in enumerate(raws):
        if not isinstance(raw, dict):
            raise RuleFileError(path, _line_of(text, None, "rule"), "rule", "must be [[rule]] tables")
        try:
            rule = _parse_rule(raw, ids)
        except _FieldError as e:
            raise RuleFileError(path, _line_of(text, i, e.field_name), e.field_name, e.message) from None
        ids.add(rule.id)
        rules.append(rule)
    return RulePreset(platform=platform, label=label, rules=tuple(rules), origin=origin)


def preset_from_content(content: dict[str, Any]) -> RulePreset:
    """Rebuild a preset from its stored JSON copy (RuleSet.content)."""
    rules = []
    for raw in content["rules"]:
        rules.append(
            Rule(
                id=raw["id"],
                types=tuple(CaseType(t) for t in raw["types"]),
                stage=Stage(raw["stage"]),
                party=Party(raw["party"]),
                duration=Duration.parse(raw["duration"]),
                clock_start=ClockStart(raw["clock_start"]),
                auto_action=AutoAction(raw["auto_action"]),
                source=raw["source"],
                confidence=Confidence(raw["confidence"]),
                shipped=raw.get("shipped"),
                reasons=tuple(Reason(r) for r in raw.get("reasons", [])),
                note=raw.get("note", ""),
                source_zh=raw.get("source_zh", ""),
            )
        )
    return RulePreset(Platform(content["platform"]), content["label"], tuple(rules), "stored")


def preset_to_toml(preset: RulePreset) -> str:
    """Write a preset as TOML (for the user's editable copy)."""

    def q(s: str) -> str:
        return json.dumps(s, ensure_ascii=False)

    out = ["[preset]", f"platform = {q(preset.platform.value)}", f"label = {q(preset.label)}", ""]
    for r in preset.rules:
        types = '["*"]' if set(r.types) == set(CaseType) else json.dumps([t.value for t in r.types])
        out += [
            "[[rule]]",
            f"id = {q(r.id)}",
            f"types = {types}",
            f"stage = {q(r.stage.value)}",
            f"party = {q(r.party.value)}",
            f"duration = {q(str(r.duration))}",
            f"clock_start = {q(r.clock_start.value)}",
            f"auto_action = {q(r.auto_action.value)}",
        ]
        if r.shipped is not None:
            out.append(f"shipped = {'true' if r.shipped else 'false'}")
        if r.reasons:
            out.append(f"reasons = {json.dumps([x.value for x in r.reasons])}")
        out.append(f"source = {q(r.source)}")
        if r.source_zh:
            out.append(f"source_zh = {q(r.source_zh)}")
        out.append(f"confidence = {q(r.confidence.value)}")
        if r.note:
            out.append(f"note = {q(r.note)}")
        out.append("")
    return "\n".join(out)


@dataclass
class RuleBook:
    """The active preset per platform, plus the problems found while loading."""

    presets: dict[Platform, RulePreset] = field(default_factory=dict)
    builtin: dict[Platform, RulePreset] = field(default_factory=dict)
    errors: list[RuleFileError] = field(default_factory=list)
    user_dir: Path | None = None
    adjustments: tuple[Adjustment, ...] = ()
    adjustment_problem: Text | None = None  # adjustments.toml could not be read whole

    @classmethod
    def load(cls, builtin_dir: Path, user_dir: Path | None = None) -> RuleBook:
        book = cls(user_dir=user_dir)
        for platform in Platform:
            path = builtin_dir / f"{platform.value}.toml"
            preset = parse_preset(path.read_text(encoding="utf-8"), str(path))
            if preset.platform is not platform:
                raise RuleFileError(str(path), None, "platform", f"expected {platform.value}")
            book.builtin[platform] = preset
            book.presets[platform] = preset
        if user_dir is not None and user_dir.is_dir():
            for platform in Platform:
                path = user_dir / f"{platform.value}.toml"
                if path.exists():
                    book._load_user(platform, path)
        book.adjustment_problem = book.load_adjustments()
        return book

    def _load_user(self, platform: Platform, path: Path) -> None:
        try:
            preset = parse_preset(path.read_text(encoding="utf-8"), str(path), origin=str(path))
            if preset.platform is not platform:
                raise RuleFileError(
                    str(path),
                    _line_of(path.read_text(encoding="utf-8"), None, "platform"),
                    "platform",
                    f"file is named {platform.value}.toml but says {preset.platform.value}",
                )
        except (RuleFileError, OSError, UnicodeDecodeError) as e:
            err = e if isinstance(e, RuleFileError) else RuleFileError(str(path), None, None, str(e))
            self.errors.append(err)
            return
        except Exception as e:  # a shape the checks above missed: still the merchant's file, not a bug
            self.errors.append(RuleFileError(str(path), None, None, f"cannot be read as rules ({e!r})"))
            return
        self.presets[platform] = preset

    def active(self, platform: Platform) -> RulePreset:
        """The preset new cases open under, with the platform's holiday adjustments in force."""
        preset = self.presets[platform]
        found = self.adjustments_for(platform)
        return replace(preset, adjustments=found) if found else preset

    def save_user_copy(self, preset: RulePreset) -> Path:
        """Write an edited preset to the user folder; it becomes active for new cases."""
        if self.user_dir is None:
            raise RuntimeError("no user rules folder")
        self.user_dir.mkdir(parents=True, exist_ok=True)
        path = self.user_dir / f"{preset.platform.value}.toml"
        text = preset_to_toml(preset)
        parse_preset(text, str(path))  # never write a file we could not read back
        tmp = path.with_suffix(".toml.tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
        self.presets[preset.platform] = RulePreset(preset.platform, preset.label, preset.rules, str(path))
        return path

    # ---- platform holiday adjustments (adjustments.py) --------------------------------

    def load_adjustments(self) -> Text | None:
        """Read `<user dir>/adjustments.toml`; returns a problem with the file, if any."""
        if self.user_dir is None:
            return None
        found, problem = adjustments.load(self.user_dir)
        self.adjustments = found
        return problem

    def adjustments_for(self, platform: Platform) -> tuple[Adjustment, ...]:
        return tuple(a for a in self.adjustments if a.platform is platform)

    def set_adjustments(self, platform: Platform, entries: Sequence[Adjustment]) -> None:
        """Replace the platform's adjustments (each checked) and write the file."""
        if self.user_dir is None:
            raise RuntimeError("no user rules folder")
        kept = [a for a in self.adjustments if a.platform is not platform]
        new = [adjustments.checked(a) for a in entries]
        adjustments.save(self.user_dir, [*kept, *new])
        self.adjustments = (*kept, *new)

    def reset_to_builtin(self, platform: Platform) -> None:
        if self.user_dir is not None:
            (self.user_dir / f"{platform.value}.toml").unlink(missing_ok=True)
        self.presets[platform] = self.builtin[platform]
