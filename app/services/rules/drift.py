"""Rule drift: the platform's deadlines, as its exports carry them, disagree with a preset by the
same amount across several cases ("12 of 12 快手 receipt clocks are 7 days, not 10").

Every deadline an import took from a file is a platform step that keeps what our preset said
(`importing/platform_deadline.py`: payload `preset_due`, `rule_id`). When enough of a rule's
cases agree on one offset, the preset is probably out of date: the Rules screen and the
dashboard say so and offer the duration the platform uses, as a new preset version (open
cases keep the version they were opened under).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.models.entities import Case, Event
from app.models.enums import Action, Party, Platform, Stage
from app.services.clock import parse_instant
from app.services.rules.presets import Duration, RuleBook
from app.services.text.messages import Template, Text

MIN_CASES = 3  # fewer is an anecdote, not a rule
MIN_SHARE = 0.8  # of the rule's platform deadlines that agree on one offset

DRIFT = Template(
    en="{platform}, {stage}, the {party}'s clock: {agreeing} of {cases} deadlines the platform's exports gave "
    "are {offset} {direction} than the preset's {duration}: the platform seems to use {suggested}",
    zh="{platform}「{stage}」的{party}时限：导入的 {cases} 个平台时限中有 {agreeing} 个比预设（{duration}）{direction}"
    " {offset}，平台可能已改为 {suggested}",
)
SPAN = Template(en="{amount} {unit}", zh="{amount}{unit}")
UNITS = {
    "m": Template(en="minute(s)", zh="分钟"),
    "h": Template(en="hour(s)", zh="小时"),
    "d": Template(en="day(s)", zh="天"),
    "wd": Template(en="working day(s)", zh="个工作日"),
}


def duration_words(d: Duration) -> Text:
    """A duration as a merchant reads it: '24小时', '10 day(s)'."""
    return SPAN(amount=d.amount, unit=UNITS[d.unit]())
LONGER = Template(en="longer", zh="长")
SHORTER = Template(en="shorter", zh="短")


def _span(delta: timedelta) -> Text:
    hours = int(abs(delta).total_seconds() // 3600)
    return duration_words(Duration(hours // 24, "d") if hours % 24 == 0 else Duration(hours, "h"))


@dataclass(frozen=True)
class Drift:
    platform: Platform
    rule_id: str
    party: str
    cases: int  # cases whose deadline the platform gave for this rule
    agreeing: int  # of those, the ones at `offset`
    offset: timedelta  # the platform's deadline minus the preset's (negative: the platform's is sooner)
    duration: Duration  # the preset's duration now
    suggested: Duration | None  # the duration the platform seems to use (None: not expressible)
    stage: Stage = Stage.AWAITING_MERCHANT  # the rule's stage, to name the clock

    def notice(self) -> Text:
        later = self.offset > timedelta(0)
        return DRIFT(
            platform=self.platform,
            stage=self.stage,
            party=Party(self.party),
            agreeing=self.agreeing,
            cases=self.cases,
            offset=_span(self.offset),
            direction=LONGER() if later else SHORTER(),
            duration=duration_words(self.duration),
            suggested=duration_words(self.suggested) if self.suggested else _span(self.offset),
        )


def suggest(duration: Duration, offset: timedelta) -> Duration | None:
    """The preset duration moved by `offset`, in the preset's own unit when it divides evenly."""
    unit_span = {"m": timedelta(minutes=1), "h": timedelta(hours=1), "d": timedelta(days=1)}.get(duration.unit)
    if unit_span is None:  # working days cannot absorb a wall-clock offset
        return None
    total = unit_span * duration.amount + offset
    if total <= timedelta(0):
        return None
    units = (("d", timedelta(days=1)), ("h", timedelta(hours=1)), ("m", timedelta(minutes=1)))
    for unit, span in sorted(units, key=lambda u: u[0] != duration.unit):  # the preset's own unit first
        if total % span == timedelta(0):
            return Duration(int(total / span), unit)
    return None


class DriftFinder:
    def __init__(self, sessions: sessionmaker[Session], rules: RuleBook) -> None:
        self._sessions = sessions
        self._rules = rules

    def find(self, platform: Platform | None = None) -> list[Drift]:
        """Every rule whose imported platform deadlines agree on one offset from the preset."""
        with self._sessions() as session:
            rows = session.execute(
                select(Case.id, Case.platform, Event.payload)
                .join(Event, Event.case_id == Case.id)
                .where(Event.action == Action.EXTEND_DEADLINE.value, Event.actor == "platform")
                .order_by(Event.id)
            ).all()
        latest: dict[tuple[int, str], tuple[str, str, timedelta]] = {}
        for case_id, case_platform, payload in rows:
            if platform is not None and case_platform != platform.value:
                continue
            rule_id, preset_due, due = (payload or {}).get("rule_id"), payload.get("preset_due"), payload.get("due_at")
            if not (rule_id and preset_due and due):
                continue  # an extension the merchant asked for, not a file's deadline
            reference = parse_instant(str(preset_due))
            rule = self._rules.active(Platform(case_platform)).rule(str(rule_id))
            if rule is not None and payload.get("starts_at"):  # against the preset in force now
                reference = rule.duration.add_to(parse_instant(str(payload["starts_at"])))
            offset = parse_instant(str(due)) - reference
            rounded = timedelta(hours=round(offset.total_seconds() / 3600))
            latest[(case_id, str(rule_id))] = (case_platform, str(payload.get("party", "")), rounded)
        by_rule: dict[tuple[str, str], list[tuple[str, timedelta]]] = {}
        for (_case, rule_id), (case_platform, party, offset) in latest.items():
            by_rule.setdefault((case_platform, rule_id), []).append((party, offset))
        out = []
        for (case_platform, rule_id), seen in sorted(by_rule.items()):
            offset, agreeing = Counter(o for _, o in seen).most_common(1)[0]
            if agreeing < MIN_CASES or agreeing / len(seen) < MIN_SHARE or offset == timedelta(0):
                continue
            rule = self._rules.active(Platform(case_platform)).rule(rule_id)
            if rule is None:
                continue  # the rule is not in the preset any more
            suggested = suggest(rule.duration, offset)
            party = seen[0][0]
            out.append(
                Drift(
                    Platform(case_platform), rule_id, party, len(seen), agreeing, offset, rule.duration, suggested,
                    rule.stage,
                )
            )
        return out
